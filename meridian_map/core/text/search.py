"""Finding points, zones and concerns from what a person types.

Students type codes loosely ("st 2", "St-2"), pinyin without tone marks
("sibai") and hanzi; practitioners type concerns ("dark circles"). All of it
is folded to one comparable form before matching.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from ..catalog import Catalog

_SEPARATORS = re.compile(r"[\s\-_.·'’]+")


class Kind(StrEnum):
    POINT = "point"
    ZONE = "zone"
    CONCERN = "concern"


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result, with the score that ranks it."""

    kind: Kind
    key: str  # point code, zone id or concern id
    label: str
    score: int  # lower is better


# Letters that Unicode does not decompose into a base letter and a mark, yet a
# keyboard types without the mark: Turkish layouts give 'ı' for 'i'.
_UNMARKED = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ħ": "h"})


def fold(text: str) -> str:
    """Lower-case, without tone marks, spaces or hyphens: 'Sì Bái' → 'sibai', 'SIBAI' and 'sıbaı' too.

    Case is folded before the marks are taken off, so that 'İ' (which folds
    to 'i' and a dot above) loses its dot too.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SEPARATORS.sub("", bare.translate(_UNMARKED))


class SearchIndex:
    """Every searchable name of every item, folded once."""

    def __init__(self, catalog: Catalog, lang: str = "en") -> None:
        self._entries: list[tuple[str, Kind, str, str, bool]] = []
        seen: set[str] = set()
        for placed in catalog.points:
            info = placed.info
            if info.code in seen:
                continue
            seen.add(info.code)
            label = f"{info.code} {info.pinyin} {info.hanzi} · {info.english}"
            for name, exact in ((info.code, True), (info.pinyin, True), (info.hanzi, True), (info.english, False)):
                self._add(name, Kind.POINT, info.code, label, exact)
        for zone in catalog.zones.values():
            label = zone.name.get(lang)
            for language in catalog.content.languages:
                self._add(zone.name.get(language), Kind.ZONE, zone.id, label, False)
            self._add(zone.id, Kind.ZONE, zone.id, label, False)
        for concern in catalog.concerns.values():
            label = concern.name.get(lang)
            for language in catalog.content.languages:
                self._add(concern.name.get(language), Kind.CONCERN, concern.id, label, False)
            self._add(concern.id, Kind.CONCERN, concern.id, label, False)

    def _add(self, name: str, kind: Kind, key: str, label: str, exact: bool) -> None:
        folded = fold(name)
        if folded:
            self._entries.append((folded, kind, key, label, exact))

    def search(self, query: str, limit: int = 20) -> list[Hit]:
        """Best matches first: exact names, then prefixes, then words inside."""
        needle = fold(query)
        if not needle:
            return []
        best: dict[tuple[Kind, str], Hit] = {}
        for folded, kind, key, label, exact in self._entries:
            if folded == needle:
                score = 0 if exact else 1
            elif folded.startswith(needle) and not (exact and needle[-1:].isdigit()):
                score = 2
            elif needle in folded and len(needle) >= 3:
                score = 3
            else:
                continue
            current = best.get((kind, key))
            if current is None or score < current.score:
                best[(kind, key)] = Hit(kind, key, label, score)
        return sorted(best.values(), key=lambda h: (h.score, _natural(h.key)))[:limit]


def _natural(key: str) -> tuple[str, int]:
    """Sort ST2 before ST10."""
    match = re.match(r"^(.*?)(\d+)$", key)
    return (match.group(1), int(match.group(2))) if match else (key, 0)
