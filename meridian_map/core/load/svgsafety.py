"""Structural checks on an SVG before svgelements ever sees it.

svgelements is forgiving in ways that hide mistakes (malformed path data is
dropped, `1e309` becomes NaN, the last of two duplicate ids wins, a zero
viewBox divides by zero) and it has no guard against hostile files (entity
expansion, `<use>` fan-out or cycles, stylesheets that take seconds to
match). So the bytes are parsed once with defusedxml, checked against hard
limits, and every problem is reported with the element it concerns. The
limits are far above what a hand-drawn face needs and low enough that any
file passing them loads in well under a second.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from xml.etree.ElementTree import Element, TreeBuilder

from defusedxml import DefusedXmlException, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import DefusedXMLParser

from ..problems import Problems
from ..store.reading import MAX_SVG_BYTES as MAX_BYTES

MAX_ELEMENTS = 10_000
MAX_DEPTH = 30
MAX_PATH_COMMANDS = 10_000  # in one path (QtSvg silently drops paths of about 40,000)
# Drawing commands in the whole file, <use> copies included: each costs svgelements
# and the outline sampling 30-50 µs, so this is well under a second at worst (the
# shipped face needs about 5,000). An arc becomes up to four curves, a circle or a
# rounded rect four arcs, hence the weights.
MAX_DRAWING_COST = 16_000
ARC_COST = 4
SHAPE_COST = {"circle": 10, "ellipse": 10, "rect": 10, "line": 2}
MAX_USE_DEPTH = 8
MAX_USE_EXPANSION = 5_000
MAX_COORDINATE = 1e6
MAX_NUMBER_CHARS = 32  # "-1.2345678901234567e-10" is 23; longer ones only serve to slow parsers down
MAX_STYLE_BYTES = 4_096  # svgelements matches CSS in quadratic time
MAX_STYLE_ATTRIBUTE = 4_096  # one style="…" attribute
MAX_VALUE_CHARS = 128  # any other attribute or style property

SVG_NS = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"

# svgelements' own number grammar (it drops the rest of a path at "0." or "５", which float() reads),
# written with atomic groups: no backtracking, so a million digits and a stray letter stay linear.
_NUMBER_TEXT = r"[-+]?+(?>[0-9]++(?:\.[0-9]++)?|\.[0-9]++)(?>[eE][-+]?+[0-9]++)?"
_NUMBER = re.compile(_NUMBER_TEXT)
_FREE_NUMBER = re.compile(rf"(?<![#\w.]){_NUMBER_TEXT}")
_SEPARATORS = re.compile(r"[ \t\r\n\f,]*")
_POINT_SEPARATOR = re.compile(r"[ \t\r\n\f]*+,?+[ \t\r\n\f]*+")
_COMMAND_LETTERS = frozenset("MmZzLlHhVvCcSsQqTtAa")
_FLAG = re.compile(r"[01]")
_NOT_A_NUMBER = re.compile(r"\b(?:inf(?:inity)?|nan)\b", re.IGNORECASE)
_ARGS_PER_COMMAND = {
    "m": 2, "z": 0, "l": 2, "h": 1, "v": 1, "c": 6, "s": 4, "q": 4, "t": 2, "a": 7,
}  # fmt: skip
_ARC_FLAGS = (3, 4)
_LENGTH_ATTRS = ("x", "y", "cx", "cy", "r", "rx", "ry", "x1", "y1", "x2", "y2", "width", "height")
_LENGTH = re.compile(rf"\s*+({_NUMBER_TEXT})\s*+(?:px|mm|cm|in|pt|pc|em|ex|%)?+\s*+$")
_NUMERIC_PROPERTIES = frozenset(
    {
        "stroke-width", "stroke-dasharray", "stroke-dashoffset", "stroke-miterlimit", "font-size",
        "opacity", "fill-opacity", "stroke-opacity", "stop-opacity", "offset", "letter-spacing",
    }
)  # fmt: skip
_COLOUR_PROPERTIES = frozenset({"fill", "stroke", "color", "stop-color", "flood-color", "lighting-color"})
_N = _NUMBER_TEXT
_COLOUR = re.compile(
    rf"[A-Za-z]{{1,30}}|#[0-9A-Fa-f]{{3,8}}"
    rf"|rgba?\(\s*+{_N}\s*+,\s*+{_N}\s*+,\s*+{_N}\s*+(?:,\s*+{_N}\s*+)?\)"
    rf"|rgba?\(\s*+{_N}%\s*+,\s*+{_N}%\s*+,\s*+{_N}%\s*+(?:,\s*+{_N}\s*+)?\)"
    rf"|hsla?\(\s*+{_N}\s*+,\s*+{_N}%\s*+,\s*+{_N}%\s*+(?:,\s*+{_N}\s*+)?\)"
    r"|url\(\s*+#?[^()\s]{1,100}\s*+\)(?:\s++(?:[A-Za-z]{1,30}|#[0-9A-Fa-f]{3,8}))?"
)
# Values validated by their own grammar (linear scanners), so not capped in length.
_VIEWBOX_ELEMENTS = frozenset({"svg", "symbol", "marker", "pattern", "view"})
_TRANSFORM_ATTRS = ("transform", "gradientTransform", "patternTransform")
_CHECKED_ELSEWHERE = frozenset({"d", "points", "style", "viewBox", *_TRANSFORM_ATTRS})
_TRANSFORM = re.compile(r"\s*+,?+\s*+([A-Za-z]++)\s*+\(([^()]*+)\)")
_TRANSFORM_ARITY = {
    "matrix": (6,), "translate": (1, 2), "scale": (1, 2), "rotate": (1, 3), "skewX": (1,), "skewY": (1,),
}  # fmt: skip


class SvgLimitError(Exception):
    """Parsing stopped early: the file is larger or deeper than allowed."""


def local_name(element: Element) -> str:
    tag = element.tag if isinstance(element.tag, str) else ""
    return tag.removeprefix(SVG_NS)


def describe(element: Element) -> str:
    """How an element is named in a message: its id, else its tag."""
    ident = element.get("id")
    return f"#{ident}" if ident else f"<{local_name(element)}>"


def _number_problem(token: str) -> str | None:
    if len(token) > MAX_NUMBER_CHARS:
        return f"{token[:16]!r}… is longer than {MAX_NUMBER_CHARS} characters"
    value = float(token)
    if not math.isfinite(value):
        return f"{token!r} is not a finite number"
    if abs(value) > MAX_COORDINATE:
        return f"{token!r} is beyond ±{MAX_COORDINATE:,.0f}"
    return None


def _skip(data: str, pos: int, separators: re.Pattern[str] = _SEPARATORS) -> int:
    """The position after the separators (by default any whitespace and commas)."""
    match = separators.match(data, pos)
    return match.end() if match else pos


def path_command_count(data: str, limit: int = MAX_PATH_COMMANDS) -> tuple[int, str | None]:
    """Count the drawing commands in path data, or say where it is malformed.

    This follows the SVG path grammar strictly where svgelements would
    silently drop the rest of a path (an unknown letter, a missing number,
    numbers after `Z`), accepts what it reads correctly (compact arc flags,
    `.5.5`, `-1-1`), and stops counting once `limit` is passed.
    """
    count, _arcs, error = _scan_path(data, limit)
    return count, error


def _scan_path(data: str, limit: int) -> tuple[int, int, str | None]:
    """(commands, arcs among them, error or None); see path_command_count."""
    length = len(data)
    pos = _skip(data, 0)
    if pos == length:
        return 0, 0, None
    if data[pos] not in "Mm":
        return 0, 0, "does not start with a move-to (M)"
    count = 0
    arcs = 0
    while pos < length:
        command = data[pos]
        arity = _ARGS_PER_COMMAND.get(command.lower())
        if arity is None:
            return count, arcs, f"unexpected {data[pos : pos + 12]!r} at character {pos}"
        pos = _skip(data, pos + 1)
        if arity == 0:
            count += 1
            continue
        groups = 0
        while pos < length and data[pos] not in _COMMAND_LETTERS:
            for index in range(arity):
                if index:
                    pos = _skip(data, pos)
                is_flag = command in "Aa" and index in _ARC_FLAGS
                match = (_FLAG if is_flag else _NUMBER).match(data, pos)
                if match is None:
                    found = repr(data[pos : pos + 12]) if pos < length else "the end"
                    if index == 0 and groups == 0:
                        return count, arcs, f"command {command!r} has no numbers (found {found})"
                    if index == 0:
                        return count, arcs, f"unexpected {found} at character {pos}"
                    wanted = "a flag (0 or 1)" if is_flag else "a number"
                    return count, arcs, f"command {command!r} expected {wanted} at character {pos}, found {found}"
                if not is_flag and (problem := _number_problem(match.group())):
                    return count, arcs, f"number {problem}"
                pos = match.end()
            pos = _skip(data, pos)
            groups += 1
            count += 1
            arcs += command in "Aa"
            if count > limit:
                return count, arcs, None
        if not groups:
            return count, arcs, f"command {command!r} has no numbers"
    return count, arcs, None


def check_svg_bytes(data: bytes, file: str, problems: Problems) -> Element | None:
    """Parse and check the SVG; returns the root only when nothing was wrong.

    Every element is checked and every problem reported, but a file with any
    problem is never handed on: svgelements would drop a malformed value
    silently, and some of its parsers take minutes on one (a `points` value
    of a thousand digits and a letter backtracks cubically). The drawing's
    geometry is checked once the file itself is sound.
    """
    if len(data) > MAX_BYTES:
        problems.add(file, None, "file", f"larger than the {MAX_BYTES:,}-byte limit")
        return None
    if not data.strip():
        problems.add(file, None, "file", "the file is empty")
        return None
    try:
        root, lines = _parse_bounded(data)
    except SvgLimitError as exc:
        problems.add(file, None, "xml", str(exc))
        return None
    except EntitiesForbidden:
        problems.add(file, None, "xml", "refused unsafe XML: entity declarations are not allowed")
        return None
    except ExternalReferenceForbidden:
        problems.add(file, None, "xml", "refused unsafe XML: external references are not allowed")
        return None
    except DefusedXmlException as exc:
        problems.add(file, None, "xml", f"refused unsafe XML ({type(exc).__name__})")
        return None
    except LookupError as exc:  # expat asked for an encoding Python does not know
        problems.add(file, None, "xml", f"not well-formed XML: {exc}")
        return None
    except SyntaxError as exc:  # ParseError derives from SyntaxError
        line = getattr(exc, "position", (None, None))[0]
        problems.add(file, line, "xml", f"not well-formed XML: {exc.msg if hasattr(exc, 'msg') else exc}")
        return None
    if local_name(root) != "svg":
        problems.add(file, None, "xml", f"the root element is <{local_name(root)}>, not <svg>")
        return None
    before = len(problems)
    if root.get("viewBox") is None:
        problems.add(file, None, "<svg>", "viewBox: required, it defines the drawing's units")
    return root if _check_tree(root, lines, file, problems) and len(problems) == before else None


class _LinedTree(TreeBuilder):
    """Builds the tree, noting the line each element starts on, and refuses an oversized one as it grows."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: dict[int, int] = {}  # id(element) -> line
        self.position: Callable[[], int] = lambda: 0
        self._depth = 0

    def start(self, tag: str, attrs: dict[str, str]) -> Element:
        element = super().start(tag, attrs)
        self._depth += 1
        if len(self.lines) >= MAX_ELEMENTS:
            raise SvgLimitError(f"more than {MAX_ELEMENTS:,} elements")
        if self._depth > MAX_DEPTH:
            raise SvgLimitError(f"{describe(element)} is nested deeper than {MAX_DEPTH} levels")
        self.lines[id(element)] = self.position()
        return element

    def end(self, tag: str) -> Element:
        self._depth -= 1
        return super().end(tag)


def _parse_bounded(data: bytes) -> tuple[Element, dict[int, int]]:
    """Parse with defusedxml's guards; the root and the line of every element (by id())."""
    tree = _LinedTree()
    parser = DefusedXMLParser(target=tree)
    tree.position = lambda: int(parser.parser.CurrentLineNumber)
    parser.feed(data)
    root: Element = parser.close()
    return root, tree.lines


def id_lines(data: bytes) -> dict[str, int]:
    """`#id` -> the line its element starts on, to locate problems found after parsing; {} if unparsable.

    Only asked once something is wrong, so the happy path parses once.
    """
    try:
        root, lines = _parse_bounded(data)
    except (SyntaxError, SvgLimitError, DefusedXmlException, LookupError):
        return {}
    return {f"#{element.get('id')}": lines[id(element)] for element in root.iter() if element.get("id")}


def _check_tree(root: Element, lines: dict[int, int], file: str, problems: Problems) -> bool:
    """Check every element, each problem filed under the element's line; False when too costly to parse."""
    ids: dict[str, Element] = {}
    costs: dict[int, int] = {}
    remaining = MAX_DRAWING_COST
    style_bytes = 0
    too_long = False
    for element in root.iter():
        here = problems.at_line(lines.get(id(element)))
        ident = element.get("id")
        if ident is not None:
            if ident in ids:
                here.add(file, None, f"#{ident}", "duplicate id")
            ids[ident] = element
        cost, over = _check_attributes(element, file, here, remaining)
        costs[id(element)] = cost
        remaining -= cost
        too_long = too_long or over
        if local_name(element) == "style":
            style_bytes += len((element.text or "").encode("utf-8", "replace"))
    if too_long:
        return False
    if remaining < 0:
        problems.add(file, None, "drawing", _over_cost(""))
        return False
    if style_bytes > MAX_STYLE_BYTES:
        problems.add(file, None, "style", f"<style> sheets over {MAX_STYLE_BYTES:,} bytes; use attributes instead")
        return False
    return _check_uses(root, ids, costs, lines, file, problems)


def _over_cost(when: str) -> str:
    return (
        f"over {MAX_DRAWING_COST:,} drawing commands in all{when} "
        f"(an arc counts {ARC_COST}; a circle, ellipse or rect {SHAPE_COST['circle']})"
    )


def _check_attributes(element: Element, file: str, problems: Problems, budget: int) -> tuple[int, bool]:
    """Report bad attribute values; returns (drawing cost, too long for one element).

    Counting stops once `budget` (what is left of the whole drawing's
    allowance) is spent, so a huge file costs no more than a full one.
    """
    name = local_name(element)
    where = describe(element)
    cost = SHAPE_COST.get(name, 0)
    too_long = False
    if name == "path":
        commands, arcs, error = _scan_path(element.get("d", ""), min(MAX_PATH_COMMANDS, max(budget, 0)))
        cost = commands + (ARC_COST - 1) * arcs
        too_long = commands > MAX_PATH_COMMANDS
        if error:
            problems.add(file, None, where, f"malformed path data: {error}")
        elif too_long:
            problems.add(file, None, where, f"over {MAX_PATH_COMMANDS:,} path commands")
    if name in ("polygon", "polyline"):
        cost = _check_points(element.get("points", ""), file, where, problems, max(budget, 0))
        too_long = cost > MAX_PATH_COMMANDS
        if too_long:
            problems.add(file, None, where, f"over {MAX_PATH_COMMANDS:,} points")
    if name in ("text", "tspan", "textPath"):
        for attr in ("x", "y", "dx", "dy", "rotate"):
            if (value := element.get(attr)) is not None and (error := _property_problem(value)):
                problems.add(file, None, where, f"{attr}: {error}")
    else:
        _check_lengths(element, name, file, where, problems)
    if name in _VIEWBOX_ELEMENTS and (box := element.get("viewBox")) is not None:
        _check_viewbox(box, file, where, problems)
    for attr in _TRANSFORM_ATTRS:
        if (value := element.get(attr)) is not None and (error := _transform_problem(value)):
            problems.add(file, None, where, f"{attr}: {error}")
    _check_presentation(element, file, where, problems)
    return cost, too_long


def _check_lengths(element: Element, name: str, file: str, where: str, problems: Problems) -> None:
    for attr in _LENGTH_ATTRS:
        value = element.get(attr)
        if value is None:
            continue
        match = _LENGTH.match(value)
        problem = _number_problem(match.group(1)) if match else "not a number with a unit"
        if problem:
            problems.add(file, None, where, f"{attr}: {value[:40]!r} is not a finite length ({problem})")
        elif name == "svg" and match is not None and attr in ("width", "height") and float(match.group(1)) <= 0:
            problems.add(file, None, where, f"{attr}: must be greater than 0")


def _check_points(text: str, file: str, where: str, problems: Problems, budget: int) -> int:
    """Numbers separated as svgelements pairs them (a space, one comma, or a sign); returns pairs."""
    count = 0
    pos = _skip(text, 0, _POINT_SEPARATOR)
    while pos < len(text):
        match = _NUMBER.match(text, pos)
        problem = _number_problem(match.group()) if match else f"{_word_at(text, pos)!r} is not a number"
        if match is None or problem:
            problems.add(file, None, where, f"points: {problem}")
            return 0
        count += 1
        if count > 2 * budget:
            return budget + 1
        pos = _skip(text, match.end(), _POINT_SEPARATOR)
        if pos == match.end() and pos < len(text) and text[pos] not in "+-":
            problems.add(file, None, where, f"points: no space or comma before character {pos}")
            return 0
    if count % 2:
        problems.add(file, None, where, "points: an odd count of numbers")
    return count // 2


def _word_at(text: str, pos: int) -> str:
    """The character at `pos` and what follows it up to the next separator, for a message."""
    return text[pos] + re.split(r"[\s,]", text[pos + 1 : pos + 20], maxsplit=1)[0]


def _check_viewbox(text: str, file: str, where: str, problems: Problems) -> None:
    tokens = [token for token in re.split(r"[\s,]+", text.strip()) if token]
    if len(tokens) != 4 or not all(_NUMBER.fullmatch(t) for t in tokens):
        problems.add(file, None, where, f"viewBox: {text[:40]!r} is not four numbers")
        return
    for token in tokens:
        if problem := _number_problem(token):
            problems.add(file, None, where, f"viewBox: {problem}")
            return
    if float(tokens[2]) <= 0 or float(tokens[3]) <= 0:
        problems.add(file, None, where, "viewBox: width and height must be greater than 0")


def _transform_problem(text: str) -> str | None:
    pos = 0
    end = len(text.rstrip(" \t\r\n,"))
    while pos < end:
        match = _TRANSFORM.match(text, pos)
        if match is None:
            return f"cannot read {text[pos : pos + 20]!r}"
        function, args = match.groups()
        arity = _TRANSFORM_ARITY.get(function)
        if arity is None:
            return f"unknown transform {function!r}"
        tokens = [token for token in re.split(r"[\s,]+", args.strip()) if token]
        if len(tokens) not in arity:
            return f"{function}() takes {' or '.join(map(str, arity))} numbers, found {len(tokens)}"
        for token in tokens:
            problem = _number_problem(token) if _NUMBER.fullmatch(token) else f"{token[:20]!r} is not a number"
            if problem:
                return f"{function}(): {problem}"
        pos = match.end()
    return None


def _check_presentation(element: Element, file: str, where: str, problems: Problems) -> None:
    """Attributes and style properties, which svgelements reads with regexes.

    A malformed colour or `font` of a few hundred characters costs those
    regexes milliseconds, and a drawing may have thousands: so numbers must
    be finite and short, colours written in a form svgelements reads at
    once, `font` is refused and every other value is capped in length.
    Attributes in other namespaces (Inkscape's, say) are never read.
    """
    style = element.get("style", "")
    if len(style) > MAX_STYLE_ATTRIBUTE:
        problems.add(file, None, where, f"style: longer than {MAX_STYLE_ATTRIBUTE:,} characters")
        return
    declarations = [(p.strip().lower(), v) for p, _, v in (d.partition(":") for d in style.split(";")) if p.strip()]
    attributes = [(name, value) for name, value in element.attrib.items() if not name.startswith("{")]
    for name, value in attributes + declarations:
        if error := _value_problem(name, value):
            problems.add(file, None, where, f"{name}: {error}")


def _value_problem(name: str, value: str) -> str | None:
    if name in _CHECKED_ELSEWHERE:
        return None
    if name == "font":
        return "the font shorthand is not supported; use font-family and font-size"
    if len(value) > MAX_VALUE_CHARS:
        return f"longer than {MAX_VALUE_CHARS} characters"
    if name in _NUMERIC_PROPERTIES:
        return _property_problem(value)
    if name in _COLOUR_PROPERTIES:
        colour = value.strip()
        if not _COLOUR.fullmatch(colour):
            return f"{colour[:40]!r} is not a colour (a name, #rgb, rgb(…), hsl(…) or url(#…))"
        return _property_problem(colour) if colour[:3].lower() in ("rgb", "hsl") else None
    return None


def _property_problem(value: str) -> str | None:
    if _NOT_A_NUMBER.search(value):
        return f"{value.strip()[:40]!r} is not a finite number"
    for match in _FREE_NUMBER.finditer(value):
        if problem := _number_problem(match.group()):
            return problem
    return None


def _check_uses(
    root: Element, ids: dict[str, Element], costs: dict[int, int], lines: dict[int, int], file: str, problems: Problems
) -> bool:
    """Refuse `<use>` cycles, deep nesting and fan-outs that would explode when expanded."""
    uses = [e for e in root.iter() if local_name(e) == "use"]
    for use in uses:
        if _use_target(use, ids) is None:
            problems.add(
                file, lines.get(id(use)), describe(use), f"<use> points at a missing id {_use_href(use)[:40]!r}"
            )
    if not uses:
        return True
    done: dict[int, tuple[int, int, int]] = {}
    busy: set[int] = set()

    def measure(element: Element, hops: int) -> tuple[int, int, int]:
        """(elements, drawing cost, `<use>` nesting below) after expansion, capped.

        The tree itself is at most MAX_DEPTH deep and every `<use>` hop is
        counted on the way down, so the recursion stays bounded.
        """
        key = id(element)
        if key in done:
            return done[key]
        busy.add(key)
        total, cost, nesting = 1, costs.get(key, 0), 0
        for child in element:
            size, drawn, below = measure(child, hops)
            total, cost, nesting = total + size, cost + drawn, max(nesting, below)
        target = _use_target(element, ids) if local_name(element) == "use" else None
        if target is not None:
            if id(target) in busy:
                raise _UseError(element, "<use> references form a cycle")
            if hops >= MAX_USE_DEPTH:
                raise _UseError(element, f"<use> nested deeper than {MAX_USE_DEPTH} levels")
            size, drawn, below = measure(target, hops + 1)
            total, cost, nesting = total + size, cost + drawn, max(nesting, below + 1)
            if nesting > MAX_USE_DEPTH:
                raise _UseError(element, f"<use> nested deeper than {MAX_USE_DEPTH} levels")
        busy.discard(key)
        done[key] = (min(total, MAX_USE_EXPANSION + 1), min(cost, MAX_DRAWING_COST + 1), nesting)
        return done[key]

    try:
        total, cost, _nesting = measure(root, 0)
    except _UseError as exc:
        problems.add(file, lines.get(id(exc.element)), describe(exc.element), exc.message)
        return False
    if total > MAX_USE_EXPANSION:
        problems.add(file, None, "use", f"<use> elements expand to over {MAX_USE_EXPANSION:,} elements")
        return False
    if cost > MAX_DRAWING_COST:
        problems.add(file, None, "use", _over_cost(" once <use> copies are expanded"))
        return False
    return True


def _use_href(use: Element) -> str:
    return use.get("href") or use.get(XLINK_HREF) or ""


def _use_target(use: Element, ids: dict[str, Element]) -> Element | None:
    href = _use_href(use)
    return ids.get(href[1:]) if href.startswith("#") else None


class _UseError(Exception):
    def __init__(self, element: Element, message: str) -> None:
        super().__init__(message)
        self.element = element
        self.message = message
