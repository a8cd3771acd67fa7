"""Filling Qt-translated texts: `%1`, `%2`… stay in the text a translator sees, as Qt's own arg() does."""

from __future__ import annotations


def fill(text: str, *values: object) -> str:
    """`text` with %1, %2… replaced by `values`, highest number first so %1 never eats the start of %10."""
    for number in range(len(values), 0, -1):
        text = text.replace(f"%{number}", str(values[number - 1]))
    return text
