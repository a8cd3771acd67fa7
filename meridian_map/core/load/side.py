"""Reading the side view and placing the content's side positions on it, with the same checks as the front."""

from __future__ import annotations

from importlib.resources.abc import Traversable

from ..assets import SIDE_FACE_FILE, shipped_assets
from ..catalog import Catalog
from ..model import Face, FaceFrame, PlacedPoint, ZoneArea
from ..problems import ContentError, Problems
from ..sideview import FRAME_LANDMARKS, SIDE, SideView
from ..store.reading import MAX_SVG_BYTES, read_bounded
from .build import POINT_TOLERANCE
from .svg import load_face


def load_side_view(catalog: Catalog, assets: Traversable | None = None) -> SideView:
    """The side drawing of `assets` (the shipped one by default) with `catalog`'s zones and points on it."""
    problems = Problems()
    file = (assets if assets is not None else shipped_assets()).joinpath(SIDE_FACE_FILE)
    try:
        data = read_bounded(file, MAX_SVG_BYTES)
    except OSError as exc:
        problems.add(SIDE_FACE_FILE, None, "file", f"cannot be read: {exc.strerror or exc}")
        raise ContentError(problems) from exc
    face = load_face(data, SIDE_FACE_FILE, problems, FRAME_LANDMARKS)
    if face is None:
        raise ContentError(problems)
    view = place(face, catalog, problems)
    if problems:
        raise ContentError(problems)
    return view


def side_frame(face: Face, problems: Problems) -> FaceFrame:
    """Height from the hairline to the chin; depth from the tragus, in the same unit."""
    top, chin, tragus = (face.landmarks[name] for name in FRAME_LANDMARKS)
    height = chin[1] - top[1]
    if height <= 0:
        problems.add(face.source, None, "#chin", "the chin must be below the hairline")
        height = 1.0
    return FaceFrame(tragus[0], top[1], height, height)


def place(face: Face, catalog: Catalog, problems: Problems) -> SideView:
    """Zones by their `_l` keys, points by `side_at`; each point must lie in its zone where the side view shows it."""
    from ..geometry.zones import ZoneIndex, invalid_reason, polygon

    frame = side_frame(face, problems)
    areas: dict[str, ZoneArea] = {}
    for key, outline in face.outlines.items():
        zone = key.removesuffix(f"_{SIDE.lower()}")
        if zone == key or zone not in catalog.zones:
            problems.add(face.source, None, f"#{key}", f"outline does not match any zone id + _{SIDE.lower()}")
            continue
        reason = invalid_reason(polygon(outline))
        if reason:
            problems.add(face.source, None, f"#{key}", reason)
            continue
        areas[key] = ZoneArea(zone, SIDE, outline, ())
    index = ZoneIndex({k: a.outline for k, a in areas.items()}) if areas else None
    if index is not None:
        for first, second, shared in index.overlaps(0.5):
            problems.add(face.source, None, f"#{first}", f"overlaps #{second} by {shared:.1f} square units")
    points = []
    for info in catalog.content.points:
        if info.side_at is None:
            continue
        src = info.src
        if not info.bilateral:
            problems.add(
                src.file,
                src.line_of("side_at"),
                f"point[{info.code}].side_at",
                "only a bilateral point has a side position",
            )
            continue
        placed = PlacedPoint(
            info,
            SIDE,
            (frame.center_x + info.side_at[0] * frame.half_width, frame.top + info.side_at[1] * frame.height),
        )
        key = f"{info.zone}_{SIDE.lower()}"
        if index is not None and key in areas:
            gap = index.distance(key, placed.pos)
            if gap > POINT_TOLERANCE:
                problems.add(
                    src.file, src.line_of("side_at"), f"point[{placed.key}].side_at",
                    f"lies {gap:.1f} units outside its zone {info.zone!r} in the side view",
                )  # fmt: skip
        points.append(placed)
    return SideView(face, frame, areas, tuple(points))
