"""Which characters a sheet can print, decided before anything is printed.

Sheets draw every character with the bundled Noto Sans CJK SC subsets. A
character they lack falls back to whatever the machine has, and on a bare
machine that is a box: a note or a pack caution would print with holes and
nobody would notice until the client reads it. So text is checked up front
against a table of the code points both bundled weights cover
(`assets/fonts/coverage.txt`, written by `tools/subset_font.py` with the
fonts and tested against their cmaps), and refused with the characters named.
The same rule holds on every machine, whatever fonts it happens to have.
Every field that reaches a sheet goes through `printing_problem`: pack text,
the practitioner's note, and any client detail a sheet may carry.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from functools import cache

from .assets import shipped_assets

COVERAGE_FILE = "fonts/coverage.txt"  # in the shipped assets
# Line breaks and tabs are laid out, never drawn, so no font needs them.
LAYOUT = frozenset("\n\r\t")
# Embedding and override marks reorder what follows them: "gnp.exe" with U+202E
# in front reads "exe.png". Nothing on a sheet needs them.
BIDI_CONTROLS = frozenset(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))
# Every font prints these (a test holds the table to it), so plain English needs no table.
PLAIN = frozenset(chr(c) for c in range(0x20, 0x7F)) | LAYOUT
NAMED_AT_MOST = 8  # a pasted page of emoji is summarised, not echoed whole

# GB2312 rows: 1-9 symbols, 16-55 the 3,755 common hanzi, 56-87 the 3,008 others.
GB2312_SYMBOLS = range(1, 10)
GB2312_LEVEL_1 = range(16, 56)
GB2312_LEVEL_2 = range(56, 88)


def gb2312(rows: range) -> str:
    """The characters of GB2312 `rows`, from Python's own codec rather than a hand list."""
    chars: list[str] = []
    for row in rows:
        for cell in range(1, 95):
            try:
                chars.append(bytes((0xA0 + row, 0xA0 + cell)).decode("gb2312"))
            except UnicodeDecodeError:
                continue  # an unassigned cell
    return "".join(chars)


def parse_coverage(text: str) -> tuple[tuple[int, int], ...]:
    """`text` as sorted (first, last) code point ranges; lines are `4E00-4E01` or `4E00`, `#` starts a comment."""
    ranges: list[tuple[int, int]] = []
    for line in text.splitlines():
        entry = line.partition("#")[0].strip()
        if entry:
            first, _, last = entry.partition("-")
            ranges.append((int(first, 16), int(last or first, 16)))
    ranges.sort()
    return tuple(ranges)


def format_coverage(code_points: set[int]) -> str:
    """The inverse of `parse_coverage`: consecutive code points collapse into one range line."""
    lines: list[str] = []
    ordered = sorted(code_points)
    start = 0
    for index in range(1, len(ordered) + 1):
        if index == len(ordered) or ordered[index] != ordered[index - 1] + 1:
            first, last = ordered[start], ordered[index - 1]
            lines.append(f"{first:04X}" if first == last else f"{first:04X}-{last:04X}")
            start = index
    return "\n".join(lines) + "\n"


@cache
def _coverage() -> tuple[list[int], list[int]]:
    """Range starts and ends, read once and only when something is checked."""
    ranges = parse_coverage(shipped_assets().joinpath(COVERAGE_FILE).read_text(encoding="utf-8"))
    return [first for first, _ in ranges], [last for _, last in ranges]


def can_print(char: str) -> bool:
    if char in LAYOUT:
        return True
    starts, ends = _coverage()
    index = bisect_right(starts, ord(char)) - 1
    return index >= 0 and ord(char) <= ends[index]


def describe(char: str) -> str:
    """`U+1F600 😀`, or the character's name where showing it would show nothing or reorder the message."""
    name = unicodedata.name(char, "")
    if unicodedata.category(char)[0] in "CZ" or char in BIDI_CONTROLS:
        return f"U+{ord(char):04X} ({name or 'unnamed'})"
    return f"U+{ord(char):04X} {char}"


def _listed(chars: list[str]) -> str:
    shown = ", ".join(describe(c) for c in chars[:NAMED_AT_MOST])
    more = len(chars) - NAMED_AT_MOST
    return shown + (f" and {more:,} more" if more > 0 else "")


def printing_problem(text: str) -> str | None:
    """Why `text` cannot go on a sheet, naming the characters, or None if every one prints."""
    if PLAIN.issuperset(text):
        return None
    bidi = [c for c in dict.fromkeys(text) if c in BIDI_CONTROLS]
    if bidi:
        return f"contains a text direction override, which can make text read backwards: {_listed(bidi)}"
    missing = [c for c in dict.fromkeys(text) if not can_print(c)]
    if missing:
        return f"cannot print {_listed(missing)} (no bundled font has them)"
    return None
