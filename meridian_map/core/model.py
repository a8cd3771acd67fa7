"""Immutable records that every surface (window, sheet, CLI) reads.

They are frozen so that one catalog can be shared freely between the map,
the panel and the exporters without anyone changing it underneath the others.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

Vec = tuple[float, float]

DEFAULT_LANGUAGE = "en"
# Face units a sheet's simplified outline may stray from the drawn one: under a 600 dpi
# printer's dot (0.12 pt) wherever a face is drawn at up to 1 pt per face unit.
PRINT_TOLERANCE = 0.1


class Side(StrEnum):
    """The subject's own side: R is drawn on the viewer's left."""

    R = "R"
    L = "L"

    @property
    def opposite(self) -> Side:
        return Side.L if self is Side.R else Side.R

    @property
    def word(self) -> str:
        return "right" if self is Side.R else "left"


@dataclass(frozen=True, slots=True)
class Source:
    """Where a record was written, so later cross-checks can point at it."""

    file: str
    line: int | None = None
    fields: tuple[tuple[str, int], ...] = ()
    elsewhere: tuple[tuple[str, str], ...] = ()  # fields a later layer (a pack) wrote, with that layer's file

    def line_of(self, name: str) -> int | None:
        """The line of one field, falling back to the record's own line."""
        for key, line in self.fields:
            if key == name:
                return line
        return self.line

    def where(self, name: str) -> str:
        """`file:line` of one field, in the file that wrote it: a pack's own file when it replaced the field."""
        file = next((other for key, other in self.elsewhere if key == name), None)
        line = self.line_of(name) if file is None else next((n for key, n in self.fields if key == name), None)
        file = file or self.file
        return file if line is None else f"{file}:{line}"


@dataclass(frozen=True, slots=True)
class Text:
    """One piece of user-facing text in every language the content declares."""

    values: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, mapping: Mapping[str, str]) -> Text:
        return cls(tuple(sorted(mapping.items())))

    def get(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The text in `lang`, else English, else whatever exists."""
        found = dict(self.values)
        return found.get(lang) or found.get(DEFAULT_LANGUAGE) or next(iter(found.values()), "")

    @property
    def languages(self) -> frozenset[str]:
        return frozenset(lang for lang, _ in self.values)

    def __str__(self) -> str:
        return self.get()


EMPTY_TEXT = Text(())


@dataclass(frozen=True, slots=True)
class PressureLevel:
    """How hard to press, named and described by feel, since nobody measures force at home."""

    id: str
    level: int
    name: Text
    feel: Text


@dataclass(frozen=True, slots=True)
class GuideLine:
    """One step of how a point is found: a landmark to mark, or a line between two marks measured in B-cun.

    Ends name a drawing landmark without its side (`pupil`, `hairline_mid`),
    a point code, or a point code with `@mid` for its foot on the midline.
    """

    start: str
    end: str = ""
    cun: str = ""  # "1.5" is 1.5 B-cun; empty for a line that is not measured


@dataclass(frozen=True, slots=True)
class PointInfo:
    """An acupuncture point as written in the content, before it is placed.

    A point outside every gua sha zone (on the scalp, above the collarbone)
    has no zone: `zone` is empty.
    """

    code: str
    pinyin: str
    hanzi: str
    english: str
    channel: str
    bilateral: bool
    at: Vec
    view: str
    zone: str
    internal: bool
    location: Text
    cautions: Text
    notes: Text
    src: Source = field(default=Source("?"), compare=False)
    who: Text = EMPTY_TEXT  # the standard's location, with its landmarks and measurements
    cun: Text = EMPTY_TEXT  # the B-cun measurements, or why the point has none
    other_names: tuple[str, ...] = ()
    category: Text = EMPTY_TEXT
    meets: tuple[str, ...] = ()  # channels that meet here, besides its own
    guide: tuple[GuideLine, ...] = ()
    side_at: Vec | None = None  # where the side view shows it (core/sideview.py); None: not on the side view


@dataclass(frozen=True, slots=True)
class PlacedPoint:
    """One drawn copy of a point: a bilateral point has two."""

    info: PointInfo
    side: Side | None
    pos: Vec

    @property
    def key(self) -> str:
        return self.info.code if self.side is None else f"{self.info.code}.{self.side}"

    @property
    def code(self) -> str:
        return self.info.code


@dataclass(frozen=True, slots=True)
class ZoneInfo:
    """How one gua sha zone is worked; shared by its two sides."""

    id: str
    order: int
    name: Text
    area: Text
    direction: Text
    pressure: str
    pressure_note: Text
    strokes: tuple[int, int]
    angle: int
    hold_seconds: tuple[int, int] | None
    edge: Text
    nearby: tuple[str, ...]
    concerns: tuple[str, ...]
    cautions: Text
    tradition: Text
    stroke_lines: tuple[tuple[Vec, ...], ...]
    region: str = "face"  # "neck": below the jaw, so the player keeps the neck in view only when it is worked
    src: Source = field(default=Source("?"), compare=False)


@dataclass(frozen=True, slots=True)
class ZoneArea:
    """One side of a zone as drawn: its outline and strokes in face units."""

    zone: str
    side: Side
    outline: tuple[Vec, ...]
    strokes: tuple[tuple[Vec, ...], ...]

    @property
    def key(self) -> str:
        return f"{self.zone}_{self.side.lower()}"

    @property
    def mirror_key(self) -> str:
        return f"{self.zone}_{self.side.opposite.lower()}"


@dataclass(frozen=True, slots=True)
class Concern:
    """A skin concern and the zones tradition works for it, with its own caution."""

    id: str
    name: Text
    description: Text
    caution: Text
    tradition: Text
    zones: tuple[str, ...] = ()
    src: Source = field(default=Source("?"), compare=False)


@dataclass(frozen=True, slots=True)
class CourseStep:
    """One stop on a channel's course, relative to the side being drawn."""

    code: str
    opposite: bool = False
    internal: bool = False


@dataclass(frozen=True, slots=True)
class Channel:
    """A meridian as the map draws it: its courses over the face, point by point."""

    code: str
    name: Text
    yang_ming: bool
    courses: tuple[tuple[CourseStep, ...], ...]
    src: Source = field(default=Source("?"), compare=False)


@dataclass(frozen=True, slots=True)
class PathCommand:
    """An SVG-like drawing command in face units: M, L, C (6 numbers) or Z."""

    op: str
    args: tuple[float, ...] = ()


@dataclass(frozen=True, slots=True)
class ArtPath:
    """One stroke of the line art, kept as curves so it stays crisp at any zoom."""

    role: str
    commands: tuple[PathCommand, ...]
    stroke: str | None
    stroke_width: float
    fill: str | None


@dataclass(frozen=True, slots=True)
class ViewBox:
    """The drawing's coordinate system: face units, not pixels."""

    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True, slots=True)
class FaceFrame:
    """Maps the normalised anatomical frame onto the drawing.

    Content is written in a frame anchored on anatomy (midline, hairline,
    chin, cheekbones) so that a differently proportioned face still gets its
    points in the right places.
    """

    center_x: float
    top: float
    half_width: float
    height: float

    def to_face(self, n: Vec, side: Side | None = Side.L) -> Vec:
        x = abs(n[0]) if side is not None else n[0]
        if side is Side.R:
            x = -x
        return (self.center_x + x * self.half_width, self.top + n[1] * self.height)

    def to_norm(self, p: Vec) -> Vec:
        return ((p[0] - self.center_x) / self.half_width, (p[1] - self.top) / self.height)


@dataclass(frozen=True, slots=True)
class Face:
    """The drawing as the core understands it."""

    view_box: ViewBox
    art: tuple[ArtPath, ...]
    landmarks: Mapping[str, Vec]
    outlines: Mapping[str, tuple[Vec, ...]]
    source: str

    def landmark(self, name: str, side: Side | None) -> Vec | None:
        """A landmark named without its side (`pupil`): the copy on `side`, the subject's left for the midline."""
        if name in self.landmarks:
            return self.landmarks[name]
        return self.landmarks.get(f"{name}_{(side or Side.L).lower()}")


@dataclass(frozen=True, slots=True)
class Disclaimer:
    """Educational, not medical advice: in full in About, short under every panel and sheet."""

    full: Text
    short: Text
    footnote: Text  # under every zone in the panel: what a routine is for is not a proven effect


@dataclass(frozen=True, slots=True)
class Wording:
    """The panel's headings and footnotes, kept as content so they come in every content language."""

    texts: tuple[tuple[str, Text], ...]

    def get(self, key: str, lang: str = DEFAULT_LANGUAGE, **values: str) -> str:
        """The wording in `lang`, its `{name}` placeholders filled.

        By plain replacement, never str.format: the wording may come from a
        pack, and format fields could reach into the values' attributes.
        """
        wording = dict(self.texts)[key].get(lang)
        for name, value in values.items():
            wording = wording.replace(f"{{{name}}}", value)
        return wording


@dataclass(frozen=True, slots=True)
class Reference:
    """A published work a school rests on, cited as written, with what exactly it supports."""

    id: str
    short: str  # "Földi & Földi 2012": the link text where a work is named in passing
    citation: str  # author, title, year: printed as written in every language
    supports: Text
    src: Source = field(default=Source("?"), compare=False)


@dataclass(frozen=True, slots=True)
class School:
    """One answer to "which way do I stroke?", with its rules and the works it rests on."""

    id: str
    order: int
    name: Text
    description: Text
    sequence: Text  # the sequencing rules: where to begin, where each stroke ends
    sources: tuple[str, ...]
    default: bool
    src: Source = field(default=Source("?"), compare=False)


@dataclass(frozen=True, slots=True)
class Variant:
    """How one school works one zone; an empty field means "as the zone itself says".

    `gap` is said when the school's sources do not cover the zone, so the
    variant is the school's general rule applied here rather than a cited one.
    """

    zone: str
    school: str
    order: int
    why: Text
    direction: Text = EMPTY_TEXT
    lines: tuple[tuple[Vec, ...], ...] | None = None
    pressure: str | None = None
    strokes: tuple[int, int] | None = None
    angle: int | None = None
    follows: tuple[str, ...] = ()  # the channel each line runs with, for a channel-flow school
    sources: tuple[str, ...] = ()
    gap: Text = EMPTY_TEXT
    src: Source = field(default=Source("?"), compare=False)

    @property
    def key(self) -> str:
        return f"{self.zone}/{self.school}"


@dataclass(frozen=True)
class Content:
    """Everything the content files say, merged with the user's pack, before it meets the drawing."""

    languages: tuple[str, ...]
    pressures: tuple[PressureLevel, ...]
    points: tuple[PointInfo, ...]
    zones: tuple[ZoneInfo, ...]
    concerns: tuple[Concern, ...]
    channels: tuple[Channel, ...]
    disclaimer: Disclaimer
    panel: Wording
    sources: tuple[str, ...]
    edited: frozenset[str]  # "kind:key" of shipped records a user layer changed
    declared: Mapping[str, frozenset[str]] = field(default_factory=dict)
    added: frozenset[str] = frozenset()  # "kind:key" of records only a user layer has
    complete: bool = True  # False when any record was left out as invalid
    schools: tuple[School, ...] = ()
    variants: tuple[Variant, ...] = ()
    references: tuple[Reference, ...] = ()
