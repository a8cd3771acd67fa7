"""Problems found while loading: collected, never raised one at a time.

A content author fixing a pack wants every mistake in one pass, each with the
file, line and field it concerns, so loaders append here instead of raising.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
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

    def add(self, file: str, line: int | None, field: str, message: str) -> None:
        self._items.append(Problem(file, line, field, message))

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
