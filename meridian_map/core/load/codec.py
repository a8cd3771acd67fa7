"""The catalog as plain data, and back, for the catalog cache.

A cache file is something another program (or a disk fault) can change, so
what is read back must not be able to run code, as a pickle can. The catalog
is therefore written as nested tuples, dicts, strings and numbers only
(marshal's format, which is built into the interpreter and decodes in a
few milliseconds), and decoding rebuilds every frozen record by hand,
checking the type of every field on the way. Long coordinate lists travel as
packed doubles: decoding them can only ever yield floats, so they need no
per-value check. Anything that does not fit the expected shape raises
BadEntryError and the caller rebuilds the catalog from its files.
"""

from __future__ import annotations

import marshal
from collections.abc import Callable
from typing import Any, TypeVar

from ..catalog import Catalog
from ..model import (
    ArtPath,
    Channel,
    Concern,
    Content,
    CourseStep,
    Disclaimer,
    Face,
    FaceFrame,
    GuideLine,
    PathCommand,
    PlacedPoint,
    PointInfo,
    PressureLevel,
    Reference,
    School,
    Side,
    Source,
    Text,
    Variant,
    Vec,
    ViewBox,
    Wording,
    ZoneArea,
    ZoneInfo,
)

T = TypeVar("T")
Data = object  # what marshal gives back: checked before any use
Plain = Any  # what is written: tuples, dicts, frozensets, str, bytes and numbers, which marshal types loosely

# Bumped whenever the layout below changes; part of the cache key as well.
LAYOUT = 3


class BadEntryError(ValueError):
    """The data is not a catalog this code wrote."""


def encode(catalog: Catalog) -> bytes:
    """The catalog as marshal bytes of plain values."""
    content = catalog.content
    info_index = {id(info): i for i, info in enumerate(content.points)}
    data = (
        LAYOUT,
        _face(catalog.face),
        (catalog.frame.center_x, catalog.frame.top, catalog.frame.half_width, catalog.frame.height),
        _content(content),
        tuple((info_index[id(p.info)], _side_out(p.side), p.pos) for p in catalog.points),
        {key: (a.zone, str(a.side), _pack_lines(a.strokes)) for key, a in catalog.areas.items()},
        {key: _concern(c) for key, c in catalog.concerns.items()},
        dict(catalog.neighbours),
        {key: _pack_spots(spots) for key, spots in catalog.label_spots.items()},
        {key: _pack(outline) for key, outline in catalog.print_outlines.items()},
    )
    return marshal.dumps(data)


def decode(raw: bytes) -> Catalog:
    """The catalog `encode` wrote; BadEntryError for anything else."""
    try:
        data = marshal.loads(raw)
    except (EOFError, ValueError, TypeError) as exc:
        raise BadEntryError(f"not marshal data: {exc}") from None
    try:
        return _catalog(data)
    except (TypeError, ValueError, KeyError, IndexError) as exc:
        if isinstance(exc, BadEntryError):
            raise
        raise BadEntryError(f"unexpected data: {exc!r}") from None


def _catalog(data: Data) -> Catalog:
    layout, face, frame, content, points, areas, concerns, neighbours, spots, printed = _tuple(data, 10)
    if layout != LAYOUT:
        raise BadEntryError(f"layout {layout!r}, expected {LAYOUT}")
    face_ = _face_in(face)
    center_x, top, half_width, height = (_float(v) for v in _tuple(frame, 4))
    content_ = _content_in(content)
    infos = content_.points
    placed = tuple(_placed_in(p, infos) for p in _tuple(points))
    area_map = {
        _str(key): _area_in(value, face_.outlines[_str(key)]) for key, value in _dict(areas).items()
    }  # each area's outline is the drawing's, as the loader assembles it
    return Catalog(
        face=face_,
        frame=FaceFrame(center_x, top, half_width, height),
        content=content_,
        points=placed,
        # The loader keys these three by id straight from the content; so does this.
        zones={z.id: z for z in content_.zones},
        areas=area_map,
        concerns={_str(k): _concern_in(v) for k, v in _dict(concerns).items()},
        channels={c.code: c for c in content_.channels},
        pressures={p.id: p for p in content_.pressures},
        neighbours={_str(k): frozenset(_strs(_frozenset(v))) for k, v in _dict(neighbours).items()},
        label_spots={_str(k): _unpack_spots(v) for k, v in _dict(spots).items()},
        print_outlines={_str(k): _unpack(v) for k, v in _dict(printed).items()},
        _points_by_key={p.key: p for p in placed},
    )


# Writing


def _side_out(side: Side | None) -> str | None:
    return None if side is None else str(side)


def _pack(vecs: tuple[Vec, ...]) -> bytes:
    from array import array

    return array("d", [c for vec in vecs for c in vec]).tobytes()


def _pack_spots(spots: tuple[tuple[Vec, float], ...]) -> bytes:
    from array import array

    return array("d", [c for (x, y), room in spots for c in (x, y, room)]).tobytes()


def _pack_lines(lines: tuple[tuple[Vec, ...], ...]) -> tuple[bytes, ...]:
    return tuple(_pack(line) for line in lines)


def _text(text: Text) -> tuple[tuple[str, str], ...]:
    return text.values


def _source(src: Source) -> tuple[str, int | None, tuple[tuple[str, int], ...], tuple[tuple[str, str], ...]]:
    return (src.file, src.line, src.fields, src.elsewhere)


def _face(face: Face) -> Plain:
    box = face.view_box
    art = tuple((a.role, tuple((c.op, c.args) for c in a.commands), a.stroke, a.stroke_width, a.fill) for a in face.art)
    outlines = {key: _pack(outline) for key, outline in face.outlines.items()}
    return ((box.x, box.y, box.width, box.height), art, dict(face.landmarks), outlines, face.source)


def _content(content: Content) -> Plain:
    return (
        content.languages,
        tuple((p.id, p.level, _text(p.name), _text(p.feel)) for p in content.pressures),
        tuple(
            (
                p.code, p.pinyin, p.hanzi, p.english, p.channel, p.bilateral, p.at, p.view, p.zone,
                p.internal, _text(p.location), _text(p.cautions), _text(p.notes), _source(p.src),
                _text(p.who), _text(p.cun), p.other_names, _text(p.category), p.meets,
                tuple((g.start, g.end, g.cun) for g in p.guide),
            )
            for p in content.points
        ),
        tuple(
            (
                z.id, z.order, _text(z.name), _text(z.area), _text(z.direction), z.pressure,
                _text(z.pressure_note), z.strokes, z.angle, z.hold_seconds, _text(z.edge), z.nearby,
                z.concerns, _text(z.cautions), _text(z.tradition), _pack_lines(z.stroke_lines), _source(z.src),
            )
            for z in content.zones
        ),
        tuple(_concern(c) for c in content.concerns),
        tuple(
            (
                c.code, _text(c.name), c.yang_ming,
                tuple(tuple((s.code, s.opposite, s.internal) for s in course) for course in c.courses),
                _source(c.src),
            )
            for c in content.channels
        ),
        (_text(content.disclaimer.full), _text(content.disclaimer.short), _text(content.disclaimer.footnote)),
        tuple((word, _text(text)) for word, text in content.panel.texts),
        content.sources,
        content.edited,
        dict(content.declared),
        content.added,
        content.complete,
        tuple(
            (
                s.id, s.order, _text(s.name), _text(s.description), _text(s.sequence), s.sources, s.default,
                _source(s.src),
            )
            for s in content.schools
        ),
        tuple(
            (
                v.zone, v.school, v.order, _text(v.why), _text(v.direction),
                None if v.lines is None else _pack_lines(v.lines), v.pressure, v.strokes, v.angle, v.follows,
                v.sources, _text(v.gap), _source(v.src),
            )
            for v in content.variants
        ),
        tuple((r.id, r.short, r.citation, _text(r.supports), _source(r.src)) for r in content.references),
    )  # fmt: skip


def _concern(c: Concern) -> Plain:
    return (
        c.id, _text(c.name), _text(c.description), _text(c.caution), _text(c.tradition), c.zones, _source(c.src),
    )  # fmt: skip


# Reading: every helper checks the exact type, so a str never stands in for a tuple.


def _tuple(data: Data, length: int | None = None) -> tuple[Data, ...]:
    if type(data) is not tuple or (length is not None and len(data) != length):
        raise BadEntryError(f"expected a tuple of {length or 'any'} items, got {type(data).__name__}")
    return data


def _dict(data: Data) -> dict[Data, Data]:
    if type(data) is not dict:
        raise BadEntryError(f"expected a dict, got {type(data).__name__}")
    return data


def _frozenset(data: Data) -> frozenset[Data]:
    if type(data) is not frozenset:
        raise BadEntryError(f"expected a frozenset, got {type(data).__name__}")
    return data


def _exact(kind: type[T]) -> Callable[[Data], T]:
    def check(data: Data) -> T:
        if type(data) is not kind:
            raise BadEntryError(f"expected {kind.__name__}, got {type(data).__name__}")
        return data

    return check


_str = _exact(str)
_int = _exact(int)
_float = _exact(float)
_bool = _exact(bool)


def _optional(check: Callable[[Data], T]) -> Callable[[Data], T | None]:
    return lambda data: None if data is None else check(data)


def _strs(data: Data) -> tuple[str, ...]:
    if type(data) is frozenset:
        return tuple(_str(v) for v in data)
    return tuple(_str(v) for v in _tuple(data))


def _vec(data: Data) -> Vec:
    x, y = _tuple(data, 2)
    return (_float(x), _float(y))


def _unpack(data: Data) -> tuple[Vec, ...]:
    """Packed doubles back to pairs: only floats can come out of it."""
    if type(data) is not bytes or len(data) % 16:
        raise BadEntryError("expected packed coordinate pairs")
    values = iter(memoryview(data).cast("d").tolist())
    return tuple(zip(values, values, strict=True))


def _lines(data: Data) -> tuple[tuple[Vec, ...], ...]:
    return tuple(_unpack(line) for line in _tuple(data))


def _side(data: Data) -> Side:
    if type(data) is str and data in ("R", "L"):
        return Side(data)
    raise BadEntryError(f"expected a side, got {data!r}")


def _text_in(data: Data) -> Text:
    pairs = _tuple(data)
    for pair in pairs:
        lang, value = _tuple(pair, 2)
        _str(lang), _str(value)
    return Text(pairs)  # type: ignore[arg-type]  # every pair checked just above


def _source_in(data: Data) -> Source:
    file, line, fields, elsewhere = _tuple(data, 4)
    pairs = _tuple(fields)
    for pair in pairs:
        name, number = _tuple(pair, 2)
        _str(name), _int(number)
    others = _tuple(elsewhere)
    for pair in others:
        name, other = _tuple(pair, 2)
        _str(name), _str(other)
    return Source(_str(file), _optional(_int)(line), pairs, others)  # type: ignore[arg-type]  # checked above


def _command_in(data: Data) -> PathCommand:
    """One drawing command; the usual well-formed one is checked in a single pass (the face has thousands)."""
    if type(data) is tuple and len(data) == 2:
        op, args = data
        if type(op) is str and type(args) is tuple and all(type(a) is float for a in args):
            return PathCommand(op, args)
    op, args = _tuple(data, 2)  # not well formed: the checks one by one, to say what is wrong
    return PathCommand(_str(op), tuple(_float(a) for a in _tuple(args)))


def _face_in(data: Data) -> Face:
    box, art, landmarks, outlines, source = _tuple(data, 5)
    x, y, width, height = (_float(v) for v in _tuple(box, 4))
    paths = []
    for path in _tuple(art):
        role, commands, stroke, stroke_width, fill = _tuple(path, 5)
        steps = [_command_in(command) for command in _tuple(commands)]
        colours = _optional(_str)(stroke), _optional(_str)(fill)
        paths.append(ArtPath(_str(role), tuple(steps), colours[0], _float(stroke_width), colours[1]))
    return Face(
        view_box=ViewBox(x, y, width, height),
        art=tuple(paths),
        landmarks={_str(k): _vec(v) for k, v in _dict(landmarks).items()},
        outlines={_str(k): _unpack(v) for k, v in _dict(outlines).items()},
        source=_str(source),
    )


def _content_in(data: Data) -> Content:
    (
        languages, pressures, points, zones, concerns, channels, disclaimer, panel,
        sources, edited, declared, added, complete, schools, variants, references,
    ) = _tuple(data, 16)  # fmt: skip
    full, short, footnote = _tuple(disclaimer, 3)
    words = tuple(_tuple(pair, 2) for pair in _tuple(panel))
    return Content(
        languages=_strs(languages),
        pressures=tuple(_pressure_in(p) for p in _tuple(pressures)),
        points=tuple(_point_in(p) for p in _tuple(points)),
        zones=tuple(_zone_in(z) for z in _tuple(zones)),
        concerns=tuple(_concern_in(c) for c in _tuple(concerns)),
        channels=tuple(_channel_in(c) for c in _tuple(channels)),
        disclaimer=Disclaimer(_text_in(full), _text_in(short), _text_in(footnote)),
        panel=Wording(tuple((_str(word), _text_in(text)) for word, text in words)),
        sources=_strs(sources),
        edited=frozenset(_strs(_frozenset(edited))),
        declared={_str(k): frozenset(_strs(_frozenset(v))) for k, v in _dict(declared).items()},
        added=frozenset(_strs(_frozenset(added))),
        complete=_bool(complete),
        schools=tuple(_school_in(s) for s in _tuple(schools)),
        variants=tuple(_variant_in(v) for v in _tuple(variants)),
        references=tuple(_reference_in(r) for r in _tuple(references)),
    )


def _school_in(data: Data) -> School:
    id_, order, name, description, sequence, sources, default, src = _tuple(data, 8)
    return School(
        _str(id_), _int(order), _text_in(name), _text_in(description), _text_in(sequence), _strs(sources),
        _bool(default), _source_in(src),
    )  # fmt: skip


def _variant_in(data: Data) -> Variant:
    zone, school, order, why, direction, lines, pressure, strokes, angle, follows, sources, gap, src = _tuple(data, 13)
    return Variant(
        _str(zone), _str(school), _int(order), _text_in(why), _text_in(direction), _optional(_lines)(lines),
        _optional(_str)(pressure), _optional(_int_pair)(strokes), _optional(_int)(angle), _strs(follows),
        _strs(sources), _text_in(gap), _source_in(src),
    )  # fmt: skip


def _reference_in(data: Data) -> Reference:
    id_, short, citation, supports, src = _tuple(data, 5)
    return Reference(_str(id_), _str(short), _str(citation), _text_in(supports), _source_in(src))


def _pressure_in(data: Data) -> PressureLevel:
    id_, level, name, feel = _tuple(data, 4)
    return PressureLevel(_str(id_), _int(level), _text_in(name), _text_in(feel))


def _point_in(data: Data) -> PointInfo:
    (
        code, pinyin, hanzi, english, channel, bilateral, at, view, zone, internal, location, cautions, notes, src,
        who, cun, other_names, category, meets, guide,
    ) = _tuple(data, 20)  # fmt: skip
    return PointInfo(
        _str(code), _str(pinyin), _str(hanzi), _str(english), _str(channel), _bool(bilateral), _vec(at),
        _str(view), _str(zone), _bool(internal), _text_in(location), _text_in(cautions), _text_in(notes),
        _source_in(src), _text_in(who), _text_in(cun), _strs(other_names), _text_in(category),
        _strs(meets), tuple(GuideLine(*_strs(_tuple(g, 3))) for g in _tuple(guide)),
    )  # fmt: skip


def _int_pair(data: Data) -> tuple[int, int]:
    low, high = _tuple(data, 2)
    return (_int(low), _int(high))


def _zone_in(data: Data) -> ZoneInfo:
    (
        id_, order, name, area, direction, pressure, pressure_note, strokes, angle, hold, edge, nearby,
        concerns, cautions, tradition, stroke_lines, src,
    ) = _tuple(data, 17)  # fmt: skip
    return ZoneInfo(
        _str(id_), _int(order), _text_in(name), _text_in(area), _text_in(direction), _str(pressure),
        _text_in(pressure_note), _int_pair(strokes), _int(angle), _optional(_int_pair)(hold), _text_in(edge),
        _strs(nearby), _strs(concerns), _text_in(cautions), _text_in(tradition), _lines(stroke_lines),
        _source_in(src),
    )  # fmt: skip


def _concern_in(data: Data) -> Concern:
    id_, name, description, caution, tradition, zones, src = _tuple(data, 7)
    return Concern(
        _str(id_), _text_in(name), _text_in(description), _text_in(caution), _text_in(tradition), _strs(zones),
        _source_in(src),
    )  # fmt: skip


def _channel_in(data: Data) -> Channel:
    code, name, yang_ming, courses, src = _tuple(data, 5)
    steps = tuple(
        tuple(CourseStep(_str(s), _bool(o), _bool(i)) for s, o, i in (_tuple(step, 3) for step in _tuple(course)))
        for course in _tuple(courses)
    )
    return Channel(_str(code), _text_in(name), _bool(yang_ming), steps, _source_in(src))


def _placed_in(data: Data, infos: tuple[PointInfo, ...]) -> PlacedPoint:
    index, side, pos = _tuple(data, 3)
    if not 0 <= _int(index) < len(infos):
        raise BadEntryError(f"no point number {index!r}")
    return PlacedPoint(infos[_int(index)], _optional(_side)(side), _vec(pos))


def _area_in(data: Data, outline: tuple[Vec, ...]) -> ZoneArea:
    zone, side, strokes = _tuple(data, 3)
    return ZoneArea(_str(zone), _side(side), outline, _lines(strokes))


def _unpack_spots(data: Data) -> tuple[tuple[Vec, float], ...]:
    if type(data) is not bytes or len(data) % 24:
        raise BadEntryError("expected packed label spots")
    values = iter(memoryview(data).cast("d").tolist())
    return tuple(((x, y), room) for x, y, room in zip(values, values, values, strict=True))
