"""Face SVG → line art, landmarks and zone outlines in SVG user units.

svgelements applies every transform (including the viewBox one, which maps
user units to pixels); we undo the viewBox part so that everything the core
hands out is in the drawing's own user units, the units the JSON export and
the content checks speak.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable, Sequence

import svgelements as se

from ..model import ArtPath, Face, PathCommand, Vec, ViewBox
from ..problems import Problems
from .svgsafety import check_svg_bytes

ART_GROUP = "art"
ZONES_GROUP = "zones"
LANDMARKS_GROUP = "landmarks"
ART_ROLES = ("outline", "feature", "detail", "hair")
SAMPLE_STEP = 1.0  # face units between samples on a curved zone edge
MAX_SEGMENT_SAMPLES = 64  # per curve, however long: a zone edge is tens of units
MAX_OUTLINE_POINTS = 20_000  # all zone outlines together once sampled (the shipped face has ~4,300)

REQUIRED_LANDMARKS = (
    "hairline_mid", "hairline_corner_r", "hairline_corner_l",
    "brow_medial_r", "brow_medial_l", "brow_lateral_r", "brow_lateral_l",
    "inner_canthus_r", "inner_canthus_l", "outer_canthus_r", "outer_canthus_l",
    "pupil_r", "pupil_l", "infraorbital_margin_r", "infraorbital_margin_l",
    "nose_tip", "ala_r", "ala_l", "philtrum_mid", "mouth_corner_r", "mouth_corner_l",
    "mentolabial_sulcus", "chin", "mandible_angle_r", "mandible_angle_l",
    "tragus_r", "tragus_l", "zygion_r", "zygion_l",
)  # fmt: skip


def load_face(data: bytes, file: str, problems: Problems, required: Sequence[str] = REQUIRED_LANDMARKS) -> Face | None:
    """Read a face drawing; problems are collected, None when unusable.

    `required` names the landmarks the drawing must have: the side view has its own.
    """
    before = len(problems)
    if check_svg_bytes(data, file, problems) is None:
        return None
    try:
        face = _read_face(data, file, problems, required)
    except Exception as exc:  # a third-party parser fed untrusted input: any failure is the file's
        if len(problems) == before:  # otherwise the problems already found explain it
            problems.add(file, None, "svg", _unreadable(exc))
        return None
    return face if len(problems) == before else None


def _read_face(data: bytes, file: str, problems: Problems, required: Sequence[str]) -> Face:
    svg = se.SVG.parse(io.BytesIO(data), reify=True)
    unview = _viewbox_inverse(svg)
    view_box = _view_box(svg)
    scale = math.sqrt(abs(unview.determinant)) if unview.determinant else 1.0

    art = tuple(_art_paths(svg, unview, scale, file, problems))
    landmarks = _landmarks(svg, unview, file, problems, required)
    outlines = _outlines(svg, unview, file, problems)
    return Face(view_box, art, landmarks, outlines, file)


def _viewbox_inverse(svg: se.SVG) -> se.Matrix:
    transform = svg.viewbox_transform if svg.viewbox is not None else None
    return ~se.Matrix(transform) if transform else se.Matrix()


def _view_box(svg: se.SVG) -> ViewBox:
    box = svg.viewbox
    if box is not None:
        return ViewBox(float(box.x), float(box.y), float(box.width), float(box.height))
    return ViewBox(0.0, 0.0, float(svg.width), float(svg.height))


def _group_shapes(svg: se.SVG, group_id: str) -> list[se.Shape] | None:
    group = svg.get_element_by_id(group_id)
    if group is None or not isinstance(group, se.Group):
        return None
    return [e for e in group.select() if isinstance(e, se.Shape)]


def _point(unview: se.Matrix, x: float, y: float) -> Vec:
    p = unview.point_in_matrix_space((x, y))
    return (round(float(p[0]), 4), round(float(p[1]), 4))


def _finite(values: Iterable[float]) -> bool:
    return all(math.isfinite(v) for v in values)


def _art_paths(svg: se.SVG, unview: se.Matrix, scale: float, file: str, problems: Problems) -> Iterable[ArtPath]:
    shapes = _group_shapes(svg, ART_GROUP)
    if shapes is None:
        problems.add(file, None, f"#{ART_GROUP}", "missing group of line art")
        return
    for shape in shapes:
        try:
            commands = tuple(_commands(se.Path(shape), unview))
        except Exception as exc:  # svgelements on hostile geometry: an arc of radius 1e-200 divides by zero
            problems.add(file, None, _name(shape, "line art"), _unreadable(exc))
            continue
        if not commands:
            continue
        stroke_width = round(float(shape.stroke_width or 0.0) * scale, 4)
        if not _finite((stroke_width, *(v for c in commands for v in c.args))):
            problems.add(file, None, _name(shape, "line art"), "not finite once its transforms are applied")
            continue
        role = (str(shape.values.get("class") or "outline").split() or ["outline"])[0]
        if role not in ART_ROLES:
            role = "detail"
        yield ArtPath(
            role=role,
            commands=commands,
            stroke=_colour(shape.stroke),
            stroke_width=stroke_width,
            fill=_colour(shape.fill),
        )


def _name(shape: se.Shape, fallback: str) -> str:
    return f"#{shape.id}" if shape.id else fallback


def _unreadable(exc: Exception) -> str:
    return f"could not be read ({type(exc).__name__}: {str(exc)[:120]})"


def _colour(colour: se.Color | None) -> str | None:
    if colour is None or colour.value is None or colour.alpha == 0:
        return None
    return str(colour.hexa if colour.alpha < 255 else colour.hex)


def _commands(path: se.Path, unview: se.Matrix) -> Iterable[PathCommand]:
    for segment in path.segments(transformed=True):
        if isinstance(segment, se.Move):
            yield PathCommand("M", _point(unview, *segment.end))
        elif isinstance(segment, se.Close):
            yield PathCommand("Z")
        elif isinstance(segment, se.Line):
            yield PathCommand("L", _point(unview, *segment.end))
        elif isinstance(segment, se.CubicBezier):
            yield PathCommand("C", _cubic_args(unview, segment))
        elif isinstance(segment, se.QuadraticBezier):
            s, c, e = segment.start, segment.control, segment.end
            c1 = (s[0] + 2 / 3 * (c[0] - s[0]), s[1] + 2 / 3 * (c[1] - s[1]))
            c2 = (e[0] + 2 / 3 * (c[0] - e[0]), e[1] + 2 / 3 * (c[1] - e[1]))
            yield PathCommand("C", (*_point(unview, *c1), *_point(unview, *c2), *_point(unview, *e)))
        elif isinstance(segment, se.Arc):
            for cubic in segment.as_cubic_curves():
                yield PathCommand("C", _cubic_args(unview, cubic))


def _cubic_args(unview: se.Matrix, cubic: se.CubicBezier) -> tuple[float, ...]:
    return (
        *_point(unview, *cubic.control1),
        *_point(unview, *cubic.control2),
        *_point(unview, *cubic.end),
    )


def _landmarks(
    svg: se.SVG, unview: se.Matrix, file: str, problems: Problems, required: Sequence[str]
) -> dict[str, Vec]:
    shapes = _group_shapes(svg, LANDMARKS_GROUP)
    if shapes is None:
        problems.add(file, None, f"#{LANDMARKS_GROUP}", "missing group of landmarks")
        return {}
    found: dict[str, Vec] = {}
    for shape in shapes:
        if not shape.id:
            continue
        try:
            box = shape.bbox(transformed=True)
        except Exception as exc:  # see _art_paths
            problems.add(file, None, f"#{shape.id}", _unreadable(exc))
            continue
        if box is None or not _finite(box):
            problems.add(file, None, f"#{shape.id}", "landmark has no finite position")
            continue
        if shape.id in found:
            problems.add(file, None, f"#{shape.id}", "landmark drawn twice (a <use> copy?)")
            continue
        found[shape.id] = _point(unview, (box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
    for name in required:
        if name not in found:
            problems.add(file, None, f"#{name}", "required landmark is missing")
    return found


def _outlines(svg: se.SVG, unview: se.Matrix, file: str, problems: Problems) -> dict[str, tuple[Vec, ...]]:
    shapes = _group_shapes(svg, ZONES_GROUP)
    if shapes is None:
        problems.add(file, None, f"#{ZONES_GROUP}", "missing group of zone outlines")
        return {}
    outlines: dict[str, tuple[Vec, ...]] = {}
    sampled = 0
    for shape in shapes:
        where = f"#{shape.id}" if shape.id else "zone outline"
        if not shape.id:
            problems.add(file, None, where, "zone outline has no id")
            continue
        if shape.id in outlines:
            problems.add(file, None, where, "zone outline drawn twice (a <use> copy?)")
            continue
        try:
            rings = _rings(se.Path(shape), unview, MAX_OUTLINE_POINTS - sampled)
        except _TooDetailedError:
            problems.add(file, None, where, f"zone outlines over {MAX_OUTLINE_POINTS:,} points once curves are sampled")
            break
        except Exception as exc:  # see _art_paths
            problems.add(file, None, where, _unreadable(exc))
            continue
        sampled += sum(len(ring) for ring in rings)
        if len(rings) != 1:
            problems.add(file, None, where, f"a zone must be one closed outline, found {len(rings)}")
            continue
        ring = rings[0]
        if len(ring) < 3 or not _finite(v for p in ring for v in p):
            problems.add(file, None, where, "outline has too few or non-finite points")
            continue
        outlines[shape.id] = ring
    return outlines


class _TooDetailedError(Exception):
    pass


def _rings(path: se.Path, unview: se.Matrix, limit: int) -> list[tuple[Vec, ...]]:
    """Sample each subpath into a polygon ring, curves at about 1 face unit.

    Drawing on after a `Z` without a move-to starts a new subpath (SVG
    semantics), so it counts as a second ring rather than a stray edge.
    Raises _TooDetailedError past `limit` points, so that a curve scaled to
    a million units cannot turn into millions of samples.
    """
    rings: list[list[Vec]] = []
    closed = False
    points = 0
    for segment in path.segments(transformed=True):
        points += 1
        if points > limit:
            raise _TooDetailedError
        if isinstance(segment, se.Move):
            rings.append([_point(unview, *segment.end)])
            closed = False
            continue
        if isinstance(segment, se.Close) or not rings:
            closed = True
            continue
        if closed:
            rings.append([_point(unview, *segment.start)])
            closed = False
        if isinstance(segment, se.Line):
            rings[-1].append(_point(unview, *segment.end))
        else:
            span = math.dist(_point(unview, *segment.start), _point(unview, *segment.end))
            steps = min(MAX_SEGMENT_SAMPLES, max(2, math.ceil(span / SAMPLE_STEP) * 2)) if math.isfinite(span) else 2
            points += steps
            if points > limit:
                raise _TooDetailedError
            for i in range(1, steps + 1):
                rings[-1].append(_point(unview, *segment.point(i / steps)))
    result = []
    for ring in rings:
        while len(ring) > 1 and math.dist(ring[0], ring[-1]) < 1e-6:
            ring.pop()
        if len(ring) > 1:
            result.append(tuple(ring))
    return result
