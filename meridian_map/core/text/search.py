"""Finding points, zones, concerns and channels from what a person types.

Students type codes loosely ("st 2", "St-2"), pinyin without tone marks
("sibai"), with tone numbers ("si4bai2") or with a slip of the finger
("sibia"), other names a book uses ("renzhong", "GV29"), hanzi, and channel
names ("stomach", "Yang Ming"); practitioners type concerns ("dark
circles"). All of it is folded to one comparable form before matching.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from ..catalog import Catalog

_SEPARATORS = re.compile(r"[\s\-_.·'’()（）]+")
_TONE_NUMBER = re.compile(r"(?<=[a-zü])[1-5](?=[a-zü]|$)")
TYPO_MIN = 4  # shorter words are a code or a syllable: one typo would match half the index


class Kind(StrEnum):
    POINT = "point"
    ZONE = "zone"
    CONCERN = "concern"
    CHANNEL = "channel"


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result, with the score that ranks it."""

    kind: Kind
    key: str  # point code, zone id, concern id or channel code
    label: str
    score: int  # lower is better


@dataclass(frozen=True, slots=True)
class _Entry:
    folded: str
    kind: Kind
    key: str
    label: str
    exact: bool  # a name that is matched whole first: a code, a pinyin, a hanzi, another name
    code: bool  # a code, whose prefix ("li") ranks before any other name's
    pinyin: bool  # a name that may be typed with tone numbers


# How well a name matches, best first.
EXACT, EXACT_NAME, CODE_PREFIX, PREFIX, INSIDE, TYPO = range(6)

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


def without_tone_numbers(needle: str) -> str:
    """'si4bai2' → 'sibai': digits after letters, read as tones; matched against pinyin names only."""
    stripped = _TONE_NUMBER.sub("", needle)
    return stripped if not any(c.isdigit() for c in stripped) else needle


def one_typo(a: str, b: str) -> bool:
    """One letter changed, added, dropped, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    a, b = a[start:], b[start:]
    if len(a) == len(b):
        return a[1:] == b[1:] or (len(a) >= 2 and a[0] == b[1] and a[1] == b[0] and a[2:] == b[2:])
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[1:] == shorter


class SearchIndex:
    """Every searchable name of every item, folded once."""

    def __init__(self, catalog: Catalog, lang: str = "en") -> None:
        self._entries: list[_Entry] = []
        seen: set[str] = set()
        for placed in catalog.points:
            info = placed.info
            if info.code in seen:
                continue
            seen.add(info.code)
            label = f"{info.code} {info.pinyin} {info.hanzi} · {info.english}"
            self._add(info.code, Kind.POINT, info.code, label, exact=True, code=True)
            for name in (info.pinyin, info.hanzi, *info.other_names):
                self._add(name, Kind.POINT, info.code, label, exact=True, pinyin=name.isascii() or name == info.pinyin)
            self._add(info.english, Kind.POINT, info.code, label)
        for zone in catalog.zones.values():
            label = zone.name.get(lang)
            for language in catalog.content.languages:
                self._add(zone.name.get(language), Kind.ZONE, zone.id, label)
            self._add(zone.id, Kind.ZONE, zone.id, label)
        for concern in catalog.concerns.values():
            label = concern.name.get(lang)
            for language in catalog.content.languages:
                self._add(concern.name.get(language), Kind.CONCERN, concern.id, label)
            self._add(concern.id, Kind.CONCERN, concern.id, label)
        for channel in catalog.channels.values():
            label = f"{channel.code} · {channel.name.get(lang)}"
            self._add(channel.code, Kind.CHANNEL, channel.code, label, exact=True, code=True)
            for language in catalog.content.languages:
                self._add(channel.name.get(language), Kind.CHANNEL, channel.code, label)

    def _add(
        self, name: str, kind: Kind, key: str, label: str, exact: bool = False, code: bool = False, pinyin: bool = False
    ) -> None:
        folded = fold(name)
        if folded:
            self._entries.append(
                _Entry(folded, kind, key, label, exact, code, pinyin and not any(c.isdigit() for c in folded))
            )

    def search(self, query: str, limit: int = 30) -> list[Hit]:
        """Best matches first: exact names, code prefixes, other prefixes, words inside, then one typo."""
        needle = fold(query)
        if not needle:
            return []
        toneless = without_tone_numbers(needle)
        best: dict[tuple[Kind, str], Hit] = {}
        for entry in self._entries:
            score = _score(entry, toneless if entry.pinyin else needle)
            if score is None:
                continue
            current = best.get((entry.kind, entry.key))
            if current is None or score < current.score:
                best[(entry.kind, entry.key)] = Hit(entry.kind, entry.key, entry.label, score)
        return sorted(best.values(), key=lambda h: (h.score, _natural(h.key)))[:limit]


def _score(entry: _Entry, needle: str) -> int | None:
    folded = entry.folded
    if folded == needle:
        return EXACT if entry.exact else EXACT_NAME
    if folded.startswith(needle):
        if entry.code:
            # "st1" is not a prefix of ST10: a typed number is a whole number.
            return None if needle[-1:].isdigit() else CODE_PREFIX
        return PREFIX
    if len(needle) >= 3 and needle in folded and not entry.code:
        return INSIDE
    if len(needle) >= TYPO_MIN and not entry.code and not needle[-1:].isdigit() and one_typo(folded, needle):
        return TYPO
    return None


def _natural(key: str) -> tuple[str, int]:
    """Sort ST2 before ST10."""
    match = re.match(r"^(.*?)(\d+)$", key)
    return (match.group(1), int(match.group(2))) if match else (key, 0)
