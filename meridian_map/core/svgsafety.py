"""Structural checks on an SVG before svgelements ever sees it.

svgelements is forgiving in ways that hide mistakes (malformed path data is
dropped, `1e309` becomes NaN, the last of two duplicate ids wins) and it has
no guard against hostile files (entity expansion, `<use>` fan-out or cycles).
So the bytes are parsed once with defusedxml, checked against hard limits,
and every problem is reported with the element it concerns.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from .problems import Problems

MAX_BYTES = 4 * 1024 * 1024
MAX_ELEMENTS = 20_000
MAX_DEPTH = 30
MAX_PATH_COMMANDS = 40_000
MAX_USE_DEPTH = 8
MAX_USE_EXPANSION = 5_000

SVG_NS = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"

_NUMBER = r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?"
_PATH_TOKEN = re.compile(rf"\s*(?:([MmZzLlHhVvCcSsQqTtAa])|({_NUMBER})|(,))\s*")
_ARGS_PER_COMMAND = {
    "m": 2, "z": 0, "l": 2, "h": 1, "v": 1, "c": 6, "s": 4, "q": 4, "t": 2, "a": 7,
}  # fmt: skip
_NUMERIC_ATTRS = ("x", "y", "cx", "cy", "r", "rx", "ry", "x1", "y1", "x2", "y2", "width", "height")
_LENGTH = re.compile(rf"^\s*({_NUMBER})\s*(px|mm|cm|in|pt|pc|%)?\s*$")
_POINTS_SEP = re.compile(r"[\s,]+")


@dataclass(frozen=True, slots=True)
class SvgStats:
    elements: int
    depth: int


def local_name(element: Element) -> str:
    tag = element.tag if isinstance(element.tag, str) else ""
    return tag.removeprefix(SVG_NS)


def describe(element: Element) -> str:
    """How an element is named in a message: its id, else its tag."""
    ident = element.get("id")
    return f"#{ident}" if ident else f"<{local_name(element)}>"


def path_command_count(data: str) -> tuple[int, str | None]:
    """Count the drawing commands in path data, or say where it is malformed."""
    pos = 0
    count = 0
    command: str | None = None
    pending = 0
    length = len(data)
    while pos < length:
        match = _PATH_TOKEN.match(data, pos)
        if match is None or match.end() == pos:
            return count, f"unexpected {data[pos : pos + 12]!r} at character {pos}"
        pos = match.end()
        letter, number, _comma = match.groups()
        if letter:
            if pending:
                return count, f"command {command!r} is missing numbers before character {pos}"
            command = letter
            count += 1
            pending = _ARGS_PER_COMMAND[letter.lower()]
            if pending == 0:
                command = None
        elif number:
            if command is None:
                return count, f"number without a command at character {pos}"
            if not math.isfinite(float(number)):
                return count, f"number {number!r} is not finite"
            if pending == 0:
                pending = _ARGS_PER_COMMAND[command.lower()]
                count += 1
            pending -= 1
    if pending:
        return count, f"command {command!r} ends before all its numbers"
    if count and data.lstrip()[:1] not in ("M", "m"):
        return count, "path data must start with a move-to (M)"
    return count, None


def check_svg_bytes(data: bytes, file: str, problems: Problems) -> Element | None:
    """Parse and check the SVG; returns the root when it is safe to hand on.

    Problems with single attributes (bad numbers, malformed path data,
    duplicate ids) are reported but leave the file parseable, so the rest of
    the drawing is still checked; anything that could make a parser blow up
    (size, depth, `<use>` expansion) returns None.
    """
    if len(data) > MAX_BYTES:
        problems.add(file, None, "file", f"{len(data):,} bytes is over the {MAX_BYTES:,}-byte limit")
        return None
    if not data.strip():
        problems.add(file, None, "file", "the file is empty")
        return None
    try:
        root = fromstring(data, forbid_dtd=True)
    except DefusedXmlException as exc:
        problems.add(file, None, "xml", f"refused unsafe XML ({type(exc).__name__})")
        return None
    except SyntaxError as exc:  # ParseError derives from SyntaxError
        line = getattr(exc, "position", (None, None))[0]
        problems.add(file, line, "xml", f"not well-formed XML: {exc.msg if hasattr(exc, 'msg') else exc}")
        return None
    if local_name(root) != "svg":
        problems.add(file, None, "xml", f"the root element is <{local_name(root)}>, not <svg>")
        return None
    return root if _check_tree(root, file, problems) else None


def _check_tree(root: Element, file: str, problems: Problems) -> bool:
    """Walk the tree; False when it is too large or deep to parse safely."""
    ids: dict[str, Element] = {}
    count = 0
    stack: list[tuple[Element, int]] = [(root, 1)]
    too_deep = False
    while stack:
        element, depth = stack.pop()
        count += 1
        if count > MAX_ELEMENTS:
            problems.add(file, None, "elements", f"more than {MAX_ELEMENTS:,} elements")
            return False
        if depth > MAX_DEPTH and not too_deep:
            problems.add(file, None, describe(element), f"nested deeper than {MAX_DEPTH} levels")
            too_deep = True
        ident = element.get("id")
        if ident is not None:
            if ident in ids:
                problems.add(file, None, f"#{ident}", "duplicate id")
            ids[ident] = element
        _check_attributes(element, file, problems)
        stack.extend((child, depth + 1) for child in element)
    return _check_uses(root, ids, file, problems) and not too_deep


def _check_attributes(element: Element, file: str, problems: Problems) -> None:
    name = local_name(element)
    where = describe(element)
    if name == "path":
        data = element.get("d", "")
        commands, error = path_command_count(data)
        if error:
            problems.add(file, None, where, f"malformed path data: {error}")
        elif commands > MAX_PATH_COMMANDS:
            problems.add(file, None, where, f"{commands:,} path commands (limit {MAX_PATH_COMMANDS:,})")
    if name in ("polygon", "polyline"):
        raw = [token for token in _POINTS_SEP.split(element.get("points", "").strip()) if token]
        for token in raw:
            if not re.fullmatch(_NUMBER, token) or not math.isfinite(float(token)):
                problems.add(file, None, where, f"points: {token!r} is not a finite number")
                break
        if len(raw) % 2:
            problems.add(file, None, where, "points: an odd count of numbers")
    for attr in _NUMERIC_ATTRS:
        value = element.get(attr)
        if value is None:
            continue
        match = _LENGTH.match(value)
        if match is None or not math.isfinite(float(match.group(1))):
            problems.add(file, None, where, f"{attr}: {value!r} is not a finite length")


def _check_uses(root: Element, ids: dict[str, Element], file: str, problems: Problems) -> bool:
    """Refuse `<use>` cycles and fan-outs that would explode when expanded."""
    expanded: dict[int, int] = {}

    def weight(element: Element, chain: tuple[int, ...]) -> int:
        key = id(element)
        if key in expanded:
            return expanded[key]
        if key in chain:
            raise _UseCycleError(describe(element))
        if len(chain) > MAX_USE_DEPTH * 4:
            raise _UseTooDeepError(describe(element))
        total = 1
        for child in element:
            total += weight(child, (*chain, key))
        if local_name(element) == "use":
            target = _use_target(element, ids)
            if target is not None:
                total += weight(target, (*chain, key))
        expanded[key] = total
        return min(total, MAX_USE_EXPANSION * 10)

    uses = [e for e in root.iter() if local_name(e) == "use"]
    for use in uses:
        if _use_target(use, ids) is None:
            problems.add(file, None, describe(use), f"<use> points at a missing id {_use_href(use)!r}")
    if not uses:
        return True
    try:
        total = weight(root, ())
    except _UseCycleError as exc:
        problems.add(file, None, str(exc), "<use> references form a cycle")
        return False
    except _UseTooDeepError as exc:
        problems.add(file, None, str(exc), f"<use> nested deeper than {MAX_USE_DEPTH} levels")
        return False
    if total > MAX_USE_EXPANSION:
        problems.add(file, None, "use", f"<use> elements expand to over {MAX_USE_EXPANSION:,} elements")
        return False
    return True


def _use_href(use: Element) -> str:
    return use.get("href") or use.get(XLINK_HREF) or ""


def _use_target(use: Element, ids: dict[str, Element]) -> Element | None:
    href = _use_href(use)
    return ids.get(href[1:]) if href.startswith("#") else None


class _UseCycleError(Exception):
    pass


class _UseTooDeepError(Exception):
    pass
