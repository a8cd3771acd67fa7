"""Problems found while loading: collected, never raised one at a time.

A content author fixing a pack wants every mistake in one pass, each with the
file, line and field it concerns, so loaders append here instead of raising.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace


@dataclass(frozen=True, slots=True)
class Problem:
    """One mistake in a file, located as precisely as the reader could tell."""

    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.field}: {self.message}"


class ContentError(Exception):
    """Raised once, at the end of loading, with everything that was wrong."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class Problems:
    """An append-only list of problems with a convenience to raise them all."""

    def __init__(self) -> None:
        self._items: list[Problem] = []
        self._line: int | None = None

    def add(self, file: str, line: int | None, field: str, message: str) -> None:
        self._items.append(Problem(file, line if line is not None else self._line, field, message))

    def at_line(self, line: int | None) -> Problems:
        """The same list, for code that reports about one place: a problem without a line gets `line`."""
        view = Problems()
        view._items = self._items
        view._line = line
        return view

    def locate(self, file: str, lines: Mapping[str, int]) -> None:
        """Give `file`'s problems without a line the line of their field (an SVG `#id`), where known."""
        self._items[:] = [
            replace(p, line=lines[p.field]) if p.file == file and p.line is None and p.field in lines else p
            for p in self._items
        ]

    def extend(self, problems: Iterable[Problem]) -> None:
        self._items.extend(problems)

    def __bool__(self) -> bool:
        return bool(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self._items)

    def raise_if_any(self) -> None:
        if self._items:
            raise ContentError(self._items)


def clip(text: str, limit: int = 80) -> str:
    """Text a person typed, cut for quoting in a message: a 100 KB argument must not flood the terminal."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def suggest(word: str, choices: Iterable[str]) -> str:
    """The nearest choice, as a hint; one that differs only in case wins, since difflib weighs 'st2' far from 'ST2'."""
    options = list(choices)
    same = [choice for choice in options if choice.casefold() == word.casefold()]
    close = same or difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""
