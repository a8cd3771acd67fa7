"""Building the catalog: read, merge, place and cross-check everything.

Each fact is checked once, here: every point inside its zone, every zone
drawn on both sides, every reference resolved. Problems are collected and
raised together as one ContentError.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING

from ..assets import CONTENT_DIR, FACE_FILE, content_files, shipped_assets
from ..catalog import Catalog
from ..model import (
    PRINT_TOLERANCE,
    Channel,
    Concern,
    Content,
    Face,
    FaceFrame,
    PlacedPoint,
    PointInfo,
    Side,
    Source,
    Vec,
    ZoneArea,
    ZoneInfo,
)
from ..problems import ContentError, Problems, suggest
from ..store.reading import MAX_SVG_BYTES, MAX_TOML_BYTES, display_name, read_bounded
from .schema import ContentMerger
from .toml import TomlFile, read_toml

if TYPE_CHECKING:
    from ..geometry.zones import ZoneIndex

POINT_TOLERANCE = 1.0  # face units a point may sit outside its zone's outline
STROKE_TOLERANCE = 3.0  # face units a stroke line may stray outside its zone
OVERLAP_TOLERANCE = 0.5  # square face units two outlines may share
MIDLINE_TOLERANCE = 0.01  # normalised x
MAX_FOLDER_FILES = 64  # TOML files in one content folder
MAX_FOLDER_BYTES = 512 * 1024  # of TOML in one content folder
MIN_BILATERAL_X = 0.05
MAX_SCHOOLS = 8  # the comparison and its one-page sheet set every school side by side


def build_catalog(
    assets: Traversable | None = None,
    user_dirs: Sequence[Traversable] = (),
    face_file: Traversable | None = None,
) -> Catalog:
    """Read, merge and cross-check everything; ContentError lists all problems."""
    assets = assets if assets is not None else shipped_assets()
    problems = Problems()
    face_path = face_file or _user_face(user_dirs) or assets.joinpath(FACE_FILE)
    source = _read_face(face_path, problems, assets if face_file is None else None)
    face = None
    if source is not None:
        from .svg import load_face

        face = load_face(source[1], source[0], problems)
    merger = ContentMerger(problems)
    merger.add_layer(_read_tomls(assets.joinpath(CONTENT_DIR), problems, assets))
    for folder in user_dirs:
        merger.add_layer(_read_tomls(folder, problems, folder))
    content = merger.build()
    if face is not None and content is not None:
        catalog = assemble(face, content, problems)
        if not problems:
            return catalog
    if source is not None:
        # Problems about drawn elements name them by #id; give them the line it is on.
        from .svgsafety import id_lines

        problems.locate(source[0], id_lines(source[1]))
    raise ContentError(problems)


def _display_name(file: Traversable, base: Traversable | None = None) -> str:
    name = getattr(file, "name", str(file))
    if isinstance(file, Path):
        name = str(file) if base is None or not isinstance(base, Path) else _relative(file, base)
    return display_name(name)


def _relative(file: Path, base: Path) -> str:
    try:
        return str(file.relative_to(base.parent))
    except ValueError:
        return str(file)


def _read_face(path: Traversable, problems: Problems, base: Traversable | None) -> tuple[str, bytes] | None:
    """The drawing's name for messages and its bytes, or None when it cannot be read."""
    name = _display_name(path, base)
    try:
        return name, read_bounded(path, MAX_SVG_BYTES)
    except OSError as exc:
        problems.add(name, None, "file", f"cannot be read: {exc.strerror or exc}")
        return None


def _user_face(user_dirs: Sequence[Traversable]) -> Traversable | None:
    for folder in reversed(user_dirs):
        candidate = folder.joinpath(FACE_FILE)
        try:
            if _present(candidate):
                return candidate
        except OSError:  # unreadable: reading it reports why
            return candidate
    return None


def _present(file: Traversable) -> bool:
    """Anything there but a folder: a pipe, a device or a broken link is reported, not passed over."""
    if isinstance(file, Path):
        return file.is_symlink() or (file.exists() and not file.is_dir())
    return file.is_file()


def _read_tomls(folder: Traversable, problems: Problems, base: Traversable) -> list[TomlFile]:
    """Every TOML file of a folder, within limits that keep a hostile pack from hanging the app."""
    try:
        files = content_files(folder)
    except OSError as exc:
        problems.add(_display_name(folder), None, "folder", f"cannot be read: {exc.strerror or exc}")
        return []
    if len(files) > MAX_FOLDER_FILES:
        problems.add(_display_name(folder), None, "folder", f"{len(files)} TOML files (limit {MAX_FOLDER_FILES})")
        return []
    parsed = []
    total = 0
    for file in files:
        name = _display_name(file, base)
        try:
            raw = read_bounded(file, MAX_TOML_BYTES)
        except OSError as exc:
            problems.add(name, None, "file", f"cannot be read: {exc.strerror or exc}")
            continue
        total += len(raw)
        if total > MAX_FOLDER_BYTES:
            problems.add(name, None, "folder", f"the folder's TOML files are over {MAX_FOLDER_BYTES:,} bytes together")
            break
        toml = read_toml(raw, name, problems)
        if toml is not None:
            parsed.append(toml)
    return parsed


def face_frame(face: Face, problems: Problems) -> FaceFrame | None:
    marks = face.landmarks
    try:
        top, chin, zygion = marks["hairline_mid"], marks["chin"], marks["zygion_l"]
    except KeyError:
        return None
    height = chin[1] - top[1]
    half_width = zygion[0] - top[0]
    if height <= 0 or half_width <= 0:
        problems.add(face.source, None, "#chin", "the chin must be below the hairline and zygion_l to its right")
        return None
    return FaceFrame(top[0], top[1], half_width, height)


def assemble(face: Face, content: Content, problems: Problems) -> Catalog:
    """Place the content on the drawing and check that the two agree."""
    frame = face_frame(face, problems) or FaceFrame(0.0, 0.0, 1.0, 1.0)
    zones = {z.id: z for z in content.zones}
    pressures = {p.id: p for p in content.pressures}
    channels = {c.code: c for c in content.channels}
    declared = _Declared(content)
    areas = _areas(face, frame, zones, declared.zones, problems)
    points = _place_points(content.points, frame)
    points_by_key = {p.key: p for p in points}

    valid, index = _zone_index(areas, face, problems)
    _check_points(content.points, points, declared, valid, index, problems)
    _check_zones(zones, declared, valid, index, face, problems)
    _check_channels(channels, {p.code: p for p in content.points}, declared.points, problems)
    _check_schools(content, declared, problems)
    _check_variants(content, zones, declared, valid, index, frame, problems)
    concerns = {
        c.id: Concern(
            c.id, c.name, c.description, c.caution, c.tradition,
            tuple(z.id for z in content.zones if c.id in z.concerns), c.src,
        )
        for c in content.concerns
    }  # fmt: skip
    for concern in concerns.values():
        if content.complete and not concern.zones:
            problems.add(concern.src.file, concern.src.line, f"concern[{concern.id}]", "no zone lists this concern")
    return Catalog(
        face=face,
        frame=frame,
        content=content,
        points=points,
        zones=zones,
        areas=areas,
        concerns=concerns,
        channels=channels,
        pressures=pressures,
        # Derived geometry needs sound outlines; with problems the catalog is refused anyway.
        neighbours={} if problems or index is None else _neighbours(areas, index),
        label_spots={} if problems else _label_spots(areas),
        print_outlines={} if problems else _print_outlines(areas),
        _points_by_key=points_by_key,
    )


class _Declared:
    """Every id the content declares, valid or not, for reference checks."""

    def __init__(self, content: Content) -> None:
        def ids(kind: str, valid: Iterable[str]) -> frozenset[str]:
            return content.declared.get(kind, frozenset()) | frozenset(valid)

        self.zones = ids("zone", (z.id for z in content.zones))
        self.points = ids("point", (p.code for p in content.points))
        self.concerns = ids("concern", (c.id for c in content.concerns))
        self.channels = ids("channel", (c.code for c in content.channels))
        self.pressures = ids("pressure", (p.id for p in content.pressures))
        self.schools = ids("school", (s.id for s in content.schools))
        self.references = ids("reference", (r.id for r in content.references))


def _areas(
    face: Face, frame: FaceFrame, zones: Mapping[str, ZoneInfo], zone_ids: frozenset[str], problems: Problems
) -> dict[str, ZoneArea]:
    areas: dict[str, ZoneArea] = {}
    for zone in zones.values():
        for side in Side:
            key = f"{zone.id}_{side.lower()}"
            outline = face.outlines.get(key)
            if outline is None:
                problems.add(face.source, None, f"#{key}", f"zone {zone.id!r} has no outline {key!r} in the drawing")
                continue
            strokes = tuple(tuple(frame.to_face(p, side) for p in line) for line in zone.stroke_lines)
            areas[key] = ZoneArea(zone.id, side, outline, strokes)
    known = {f"{z}_{s}" for z in zone_ids for s in ("r", "l")}
    for key in face.outlines:
        if key not in known:
            problems.add(face.source, None, f"#{key}", "outline does not match any zone id + _r/_l in the content")
    return areas


def _place_points(infos: Iterable[PointInfo], frame: FaceFrame) -> tuple[PlacedPoint, ...]:
    placed: list[PlacedPoint] = []
    for info in infos:
        if info.bilateral:
            placed.extend(PlacedPoint(info, side, frame.to_face(info.at, side)) for side in Side)
        else:
            placed.append(PlacedPoint(info, None, frame.to_face(info.at, None)))
    return tuple(placed)


def _zone_index(
    areas: Mapping[str, ZoneArea], face: Face, problems: Problems
) -> tuple[dict[str, ZoneArea], ZoneIndex | None]:
    """The outlines that are sound polygons (the others reported), and one index over them for every check."""
    from ..geometry.zones import ZoneIndex, invalid_reason, polygon

    valid: dict[str, ZoneArea] = {}
    for key, area in areas.items():
        reason = invalid_reason(polygon(area.outline))
        if reason:
            problems.add(face.source, None, f"#{key}", reason)
        else:
            valid[key] = area
    return valid, ZoneIndex({k: a.outline for k, a in valid.items()}) if valid else None


def _check_points(
    infos: Iterable[PointInfo],
    placed: Iterable[PlacedPoint],
    declared: _Declared,
    areas: Mapping[str, ZoneArea],
    index: ZoneIndex | None,
    problems: Problems,
) -> None:
    """`areas` holds the sound outlines only, the ones `index` covers."""
    for info in infos:
        label = f"point[{info.code}]"
        src = info.src
        if info.zone not in declared.zones:
            problems.add(src.file, src.line_of("zone"), f"{label}.zone", f"unknown zone {info.zone!r}")
        if info.channel not in declared.channels and info.channel != "EX":
            problems.add(src.file, src.line_of("channel"), f"{label}.channel", f"unknown channel {info.channel!r}")
        x = info.at[0]
        if info.bilateral and x < MIN_BILATERAL_X:
            problems.add(src.file, src.line_of("at"), f"{label}.at", f"a bilateral point needs x >= {MIN_BILATERAL_X}")
        if not info.bilateral and abs(x) > MIDLINE_TOLERANCE:
            problems.add(src.file, src.line_of("at"), f"{label}.at", "a midline point needs x = 0")
    if index is None:
        return
    for point in placed:
        info = point.info
        keys = [k for k in (f"{info.zone}_r", f"{info.zone}_l") if k in areas]
        if not keys:
            continue
        gap = min(index.distance(k, point.pos) for k in keys)
        if gap > POINT_TOLERANCE:
            problems.add(
                info.src.file, info.src.line_of("at"), f"point[{point.key}].at",
                f"lies {gap:.1f} units outside its zone {info.zone!r}",
            )  # fmt: skip


def _check_zones(
    zones: Mapping[str, ZoneInfo],
    declared: _Declared,
    valid: Mapping[str, ZoneArea],
    index: ZoneIndex | None,
    face: Face,
    problems: Problems,
) -> None:
    if index is not None:
        for first, second, shared in index.overlaps(OVERLAP_TOLERANCE):
            problems.add(face.source, None, f"#{first}", f"overlaps #{second} by {shared:.1f} square units")
    orders: dict[int, str] = {}
    for zone in zones.values():
        src, label = zone.src, f"zone[{zone.id}]"

        def report(name: str, message: str, src: Source = src, label: str = label) -> None:
            problems.add(src.file, src.line_of(name), f"{label}.{name}", message)

        if zone.order in orders:
            report("order", f"same order as zone {orders[zone.order]!r}")
        orders.setdefault(zone.order, zone.id)
        if zone.pressure not in declared.pressures:
            report("pressure", _unknown("pressure", zone.pressure, declared.pressures))
        for concern in zone.concerns:
            if concern not in declared.concerns:
                report("concerns", _unknown("concern", concern, declared.concerns))
        for code in zone.nearby:
            if code not in declared.points:
                report("nearby", _unknown("point", code, declared.points))
        if zone.angle > 90:
            report("angle", "an angle to the skin is at most 90 degrees")
        if index is None:
            continue
        for side in Side:
            key = f"{zone.id}_{side.lower()}"
            if key not in valid:
                continue
            for line in valid[key].strokes:
                gap = max(index.distance(key, p) for p in line)
                if gap > STROKE_TOLERANCE:
                    problems.add(
                        src.file, src.line_of("stroke_lines"), f"{label}.stroke_lines",
                        f"a stroke strays {gap:.1f} units outside the zone ({side.word} side)",
                    )  # fmt: skip
                    break


def _check_channels(
    channels: Mapping[str, Channel], infos: Mapping[str, PointInfo], codes: frozenset[str], problems: Problems
) -> None:
    for channel in channels.values():
        src, label = channel.src, f"channel[{channel.code}].courses"
        for course in channel.courses:
            for step in course:
                info = infos.get(step.code)
                if info is None and step.code not in codes:
                    problems.add(src.file, src.line_of("courses"), label, _unknown("point", step.code, infos))
                elif info is not None and step.opposite and not info.bilateral:
                    problems.add(src.file, src.line_of("courses"), label, f"{step.code}* needs a bilateral point")


def _check_schools(content: Content, declared: _Declared, problems: Problems) -> None:
    if len(content.schools) > MAX_SCHOOLS:
        school = content.schools[MAX_SCHOOLS]
        message = f"{len(content.schools)} schools (limit {MAX_SCHOOLS}: they are compared side by side)"
        problems.add(school.src.file, school.src.line, f"school[{school.id}]", message)
    defaults = [school for school in content.schools if school.default]
    for school in defaults[1:]:
        problems.add(
            school.src.file, school.src.line_of("default"), f"school[{school.id}].default",
            f"only one school can be the default; {defaults[0].id!r} already is",
        )  # fmt: skip
    for school in content.schools:
        for ref in school.sources:
            if ref not in declared.references:
                problems.add(
                    school.src.file, school.src.line_of("sources"), f"school[{school.id}].sources",
                    _unknown("reference", ref, declared.references),
                )  # fmt: skip


def _check_variants(
    content: Content,
    zones: Mapping[str, ZoneInfo],
    declared: _Declared,
    valid: Mapping[str, ZoneArea],
    index: ZoneIndex | None,
    frame: FaceFrame,
    problems: Problems,
) -> None:
    """Each variant names a known zone, school and works; its lines stay inside its zone, on both sides.

    A variant may not press harder than its zone allows: a school changes the
    direction of work, never the zone's safety limit.
    """
    levels = {p.id: p.level for p in content.pressures}
    orders: dict[tuple[str, int], str] = {}
    for variant in content.variants:
        src, label = variant.src, f"variant[{variant.key}]"

        def report(name: str, message: str, src: Source = src, label: str = label) -> None:
            problems.add(src.file, src.line_of(name), f"{label}.{name}", message)

        if variant.zone not in declared.zones:
            report("zone", _unknown("zone", variant.zone, declared.zones))
        if variant.school not in declared.schools:
            report("school", _unknown("school", variant.school, declared.schools))
        if (variant.school, variant.order) in orders:
            report("order", f"same order as zone {orders[(variant.school, variant.order)]!r} in this school")
        orders.setdefault((variant.school, variant.order), variant.zone)
        for ref in variant.sources:
            if ref not in declared.references:
                report("sources", _unknown("reference", ref, declared.references))
        if not variant.sources and not variant.gap.values:
            report(
                "gap", "a variant without sources must say, in `gap`, that its school's sources do not cover the zone"
            )
        for code in variant.follows:
            if code not in declared.channels:
                report("follows", _unknown("channel", code, declared.channels))
        zone = zones.get(variant.zone)
        if zone is None:
            continue
        if variant.pressure is not None:
            if variant.pressure not in declared.pressures:
                report("pressure", _unknown("pressure", variant.pressure, declared.pressures))
            elif levels.get(variant.pressure, 0) > levels.get(zone.pressure, 0):
                report("pressure", f"{variant.pressure!r} is firmer than the zone's own {zone.pressure!r}")
        if variant.angle is not None and variant.angle > 90:
            report("angle", "an angle to the skin is at most 90 degrees")
        lines = variant.lines if variant.lines is not None else zone.stroke_lines
        if variant.follows and len(variant.follows) != len(lines):
            report("follows", f"names {len(variant.follows)} channels for {len(lines)} lines; give one per line")
        if variant.lines is None or index is None:
            continue
        for side in Side:
            key = f"{zone.id}_{side.lower()}"
            if key not in valid:
                continue
            gap = max(index.distance(key, frame.to_face(p, side)) for line in variant.lines for p in line)
            if gap > STROKE_TOLERANCE:
                report("lines", f"a line strays {gap:.1f} units outside zone {zone.id!r} ({side.word} side)")
                break


def _unknown(kind: str, value: str, known: Iterable[str]) -> str:
    return f"unknown {kind} {value!r}{suggest(value, known)}"


def _neighbours(areas: Mapping[str, ZoneArea], index: ZoneIndex) -> dict[str, frozenset[str]]:
    """Which zones touch, so a view can give neighbours different tints."""
    touching: dict[str, set[str]] = {area.zone: set() for area in areas.values()}
    for key, area in areas.items():
        for other in index.near(key, 1.0):
            zone = areas[other].zone
            if zone != area.zone:
                touching[area.zone].add(zone)
    return {zone: frozenset(others) for zone, others in touching.items()}


def _print_outlines(areas: Mapping[str, ZoneArea]) -> dict[str, tuple[Vec, ...]]:
    """Outlines for the sheets: a fifth of the vertices, the PDF a third smaller and faster to write."""
    from ..geometry.zones import simplified

    return {key: simplified(area.outline, PRINT_TOLERANCE) for key, area in areas.items()}


def _label_spots(areas: Mapping[str, ZoneArea]) -> dict[str, tuple[tuple[Vec, float], ...]]:
    """Computed once here (and cached), so printing a sheet needs no geometry library."""
    from ..geometry.zones import label_spots

    return {area.zone: label_spots(area.outline) for area in areas.values() if area.side is Side.L}
