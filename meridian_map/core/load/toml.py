"""Reading TOML files safely and remembering where each key was written.

tomllib gives values but no line numbers, and a content author needs
`zones.toml:42: zone[cheek].pressure: …`, so the raw text is scanned once
for table headers and keys to attribute every value to its line.

tomllib is also not built for hostile input: a dotted key with thousands of
parts takes minutes (quadratic), an integer of 5,000 digits raises a bare
ValueError, deep nesting a RecursionError. Files are capped in size and
pre-checked so that each of these ends in a clean problem within a second.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from typing import Any

from ..problems import Problems
from ..store.reading import MAX_TOML_BYTES

MAX_KEY_PARTS = 8

# Any dotted key of more than MAX_KEY_PARTS parts contains this, wherever it is
# written (a header, a key, an inline table); prose almost never does. The
# possessive quantifiers and the look-behind keep the search linear.
_KEY_PART = r"""(?:[A-Za-z0-9_-]++|"[^"\n]*+"|'[^'\n]*+')"""
_DEEP_DOTTED_KEY = re.compile(rf"(?<![A-Za-z0-9_-]){_KEY_PART}(?:[ \t]*+\.[ \t]*+{_KEY_PART}){{{MAX_KEY_PARTS}}}")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

_ARRAY_HEADER = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_.-]+)\s*\]\]")
_TABLE_HEADER = re.compile(r"^\s*\[\s*([A-Za-z0-9_.-]+)\s*\]")
_KEY = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")
_DECODE_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


@dataclass
class LineIndex:
    """Line numbers of headers and keys, addressed by (table, index, key)."""

    headers: dict[tuple[str, int], int] = field(default_factory=dict)
    keys: dict[tuple[str, int, str], int] = field(default_factory=dict)

    def header(self, table: str, index: int) -> int | None:
        return self.headers.get((table, index))

    def key(self, table: str, index: int, key: str) -> int | None:
        return self.keys.get((table, index, key)) or self.header(table, index)


def index_lines(text: str) -> LineIndex:
    index = LineIndex()
    counts: dict[str, int] = {}
    current: tuple[str, int] = ("", 0)
    for number, line in enumerate(text.splitlines(), start=1):
        if match := _ARRAY_HEADER.match(line):
            name = match.group(1)
            counts[name] = counts.get(name, -1) + 1
            current = (name, counts[name])
            index.headers[current] = number
        elif match := _TABLE_HEADER.match(line):
            current = (match.group(1), 0)
            index.headers[current] = number
        elif match := _KEY.match(line):
            index.keys.setdefault((*current, match.group(1)), number)
    return index


@dataclass
class TomlFile:
    """A parsed file with its line index, so every later problem can name its line."""

    name: str
    data: dict[str, Any]
    lines: LineIndex


def read_toml(raw: bytes, name: str, problems: Problems) -> TomlFile | None:
    """Decode and parse one file, turning every failure into a problem."""
    if len(raw) > MAX_TOML_BYTES:
        problems.add(name, None, "file", f"larger than the {MAX_TOML_BYTES:,}-byte limit")
        return None
    if raw.startswith(_UTF16_BOMS):
        problems.add(name, 1, "encoding", "not UTF-8 (the file is UTF-16); save it as UTF-8")
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.add(name, line, "encoding", f"not UTF-8 (byte 0x{raw[exc.start]:02x})")
        return None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        problems.add(name, None, "file", "the file is empty")
        return None
    if deep := _DEEP_DOTTED_KEY.search(text):
        line = text.count("\n", 0, deep.start()) + 1
        problems.add(name, line, "syntax", f"a dotted key with more than {MAX_KEY_PARTS} parts")
        return None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        position = _DECODE_POSITION.search(message)
        at = int(position.group(1)) if position else None
        if position:
            message = f"{message[: position.start()].strip()} (column {position.group(2)})"
        problems.add(name, at, "syntax", message)
        return None
    except RecursionError:
        problems.add(name, None, "syntax", "nested too deeply")
        return None
    except ValueError as exc:  # tomllib lets int() refuse numbers of thousands of digits
        problems.add(name, None, "syntax", f"a value cannot be read ({str(exc)[:80]})")
        return None
    return TomlFile(name, data, index_lines(text))
