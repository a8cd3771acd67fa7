"""Generate the face illustration `assets/face.svg`.

The drawing is generated rather than hand-edited so that its anatomy is tied
to numbers: every feature is a smooth curve through the landmarks of the
reference face (shared/domain/README.md), the gua sha zones are an exact
tiling built with shapely from the same curves, and the whole file is
symmetric because one side is drawn and the other mirrored.  Shading is
translucent tone (so the zone tints painted under the art still show and
it prints as light grey), hairs and brows are short strokes whose spread
comes from a seeded generator, so the output is the same on every run.
Changing a proportion means changing one number here and running the
script again:

    .venv/bin/python tools/draw_face.py

Coordinates are written in the normalised face frame `(x, y)` (x = ±1 at the
zygion, y = 0 at the hairline, y = 1 at the chin, x > 0 on the subject's
left) and mapped to SVG user units by `to_svg`.  Only the `x >= 0` side is
described; `_r` copies are mirrored about the midline.
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from shapely import set_precision
from shapely.geometry import Point, Polygon, box
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

Vec = tuple[float, float]

OUTPUT = Path(__file__).resolve().parent.parent / "assets" / "face.svg"

# Frame → SVG user units: 1 unit ≈ 1 mm on an adult face.
WIDTH, HEIGHT = 240, 360
CX, HALF_WIDTH, TOP, FACE_HEIGHT = 120.0, 67.0, 60.0, 180.0

# Line styles by role: stroke colour and width (the app reads `class`).
# Widths are in face units (about 2.5 px each at 100 %): a fine atlas line.
OUTLINE = ("outline", "#1f1f1f", 0.7)
FEATURE = ("feature", "#262626", 0.5)
FEATURE_LIGHT = ("feature", "#3a3a3a", 0.38)
DETAIL = ("detail", "#7a7a7a", 0.3)
HAIR = ("hair", "#7a7a7a", 0.26)
HAIR_FINE = ("hair", "#9a9a9a", 0.2)
BROW = ("feature", "#5e5e5e", 0.2)
LOWER_LID = ("feature", "#555555", 0.32)
CREASE = ("detail", "#8a8a8a", 0.28)
IRIS = ("feature", "#5c5c5c", 0.3)
IRIS_FILL = "#c9ccce"
PUPIL_FILL = "#262626"
PUPIL = ("feature", PUPIL_FILL, 0.2)
GLINT_FILL = "#ffffff"
GLINT = ("feature", GLINT_FILL, 0.0)

# Tones by role: fill colour and opacity. They are translucent so the zone
# tints under the line art still show through, and neutral so that they
# print as light greys.
Tone = tuple[str, str, float]
SHADE_FAINT = ("detail", "#4a3a30", 0.07)
SHADE_SOFT = ("detail", "#4a3a30", 0.1)
SHADE = ("detail", "#4a3a30", 0.16)
SHADE_STEPS = 4
SHADE_DEEP = ("detail", "#2a2a2a", 0.22)
BROW_TONE = ("feature", "#6a6a6a", 0.28)
LASHES = ("feature", "#1f1f1f", 0.9)
NOSTRIL = ("feature", "#3a2f2a", 0.55)
LIP_UPPER = ("feature", "#b8675a", 0.38)
LIP_LOWER = ("feature", "#c98477", 0.3)

# Landmarks of the reference face, x >= 0 copies (README "Landmarks").
LANDMARKS: dict[str, Vec] = {
    "trichion": (0.0, 0.0),
    "hairline_corner": (0.76, 0.005),
    "glabella": (0.0, 0.333),
    "brow_medial": (0.20, 0.335),
    "brow_mid": (0.47, 0.305),
    "brow_lateral": (0.79, 0.325),
    "nasion": (0.0, 0.37),
    "inner_canthus": (0.24, 0.435),
    "pupil": (0.47, 0.43),
    "outer_canthus": (0.67, 0.425),
    "orbitale": (0.47, 0.505),
    "zygion": (1.0, 0.5),
    "tragus": (1.03, 0.52),
    "earlobe_bottom": (1.02, 0.67),
    "ala_lateral": (0.25, 0.62),
    "ala_base": (0.22, 0.655),
    "pronasale": (0.0, 0.63),
    "subnasale": (0.0, 0.667),
    "labrale_superius": (0.0, 0.735),
    "stomion": (0.0, 0.78),
    "cheilion": (0.39, 0.78),
    "mentolabial": (0.0, 0.875),
    "gonion": (0.75, 0.85),
    "menton": (0.0, 1.0),
    "hyoid": (0.0, 1.122),
    "thyroid_top": (0.0, 1.235),
    "cricoid": (0.0, 1.35),
    "suprasternal": (0.0, 1.54),
}
L = LANDMARKS

# SVG landmark id → landmark; ids ending in "_" get an `_r` and an `_l` copy.
LANDMARK_IDS: dict[str, Vec] = {
    "hairline_mid": L["trichion"],
    "hairline_corner_": L["hairline_corner"],
    "brow_medial_": L["brow_medial"],
    "brow_lateral_": L["brow_lateral"],
    "brow_mid_": L["brow_mid"],
    "glabella": L["glabella"],
    "nasion": L["nasion"],
    "inner_canthus_": L["inner_canthus"],
    "outer_canthus_": L["outer_canthus"],
    "pupil_": L["pupil"],
    "infraorbital_margin_": L["orbitale"],
    "zygion_": L["zygion"],
    "tragus_": L["tragus"],
    "earlobe_bottom_": L["earlobe_bottom"],
    "nose_tip": L["pronasale"],
    "ala_": L["ala_lateral"],
    "ala_base_": L["ala_base"],
    "subnasale": L["subnasale"],
    "philtrum_mid": (0.0, (L["subnasale"][1] + L["labrale_superius"][1]) / 2),
    "labrale_superius": L["labrale_superius"],
    "stomion": L["stomion"],
    "mouth_corner_": L["cheilion"],
    "mentolabial_sulcus": L["mentolabial"],
    "chin": L["menton"],
    "mandible_angle_": L["gonion"],
    "hyoid": L["hyoid"],
    "thyroid_top": L["thyroid_top"],
    "cricoid": L["cricoid"],
    "suprasternal": L["suprasternal"],
}

FOREHEAD_TOP = -0.14  # the forehead zone reaches above the hairline (GV23)
NECK_BASE_SIDE = 1.374  # where the neck region leaves the side of the neck
IRIS_RADIUS = 5.6  # SVG units: an 11 mm iris, its top and bottom under the lids
PUPIL_RADIUS = 1.9
SMOOTH = 0.36  # Bézier handle length as a share of the chord


def to_svg(p: Vec) -> Vec:
    """Normalised face frame → SVG user units."""
    return (CX + HALF_WIDTH * p[0], TOP + FACE_HEIGHT * p[1])


def mirror_point(p: Vec) -> Vec:
    """Reflect an SVG point in the facial midline."""
    return (2 * CX - p[0], p[1])


def _unit(v: Vec) -> Vec:
    n = math.hypot(*v)
    return (v[0] / n, v[1] / n)


def _lerp(a: Vec, b: Vec, t: float) -> Vec:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


@dataclass(frozen=True)
class Cubic:
    """One cubic Bézier segment in SVG units."""

    p0: Vec
    p1: Vec
    p2: Vec
    p3: Vec

    def at(self, t: float) -> Vec:
        u = 1 - t
        a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
        return (
            a * self.p0[0] + b * self.p1[0] + c * self.p2[0] + d * self.p3[0],
            a * self.p0[1] + b * self.p1[1] + c * self.p2[1] + d * self.p3[1],
        )

    def split(self, t: float) -> tuple[Cubic, Cubic]:
        """De Casteljau split, used to cut lids where they cross the iris."""
        ab, bc, cd = _lerp(self.p0, self.p1, t), _lerp(self.p1, self.p2, t), _lerp(self.p2, self.p3, t)
        abc, bcd = _lerp(ab, bc, t), _lerp(bc, cd, t)
        mid = _lerp(abc, bcd, t)
        return Cubic(self.p0, ab, abc, mid), Cubic(mid, bcd, cd, self.p3)

    def reversed(self) -> Cubic:
        return Cubic(self.p3, self.p2, self.p1, self.p0)

    def mirrored(self) -> Cubic:
        return Cubic(*(mirror_point(p) for p in (self.p0, self.p1, self.p2, self.p3)))


@dataclass(frozen=True)
class Curve:
    """A chain of cubics; a parameter T in [0, len(segs)] runs along it."""

    segs: tuple[Cubic, ...]
    closed: bool = False

    def __add__(self, other: Curve) -> Curve:
        return Curve(self.segs + other.segs, self.closed)

    @property
    def start(self) -> Vec:
        return self.segs[0].p0

    def at(self, t: float) -> Vec:
        i = min(int(t), len(self.segs) - 1)
        return self.segs[i].at(t - i)

    def reversed(self) -> Curve:
        return Curve(tuple(s.reversed() for s in reversed(self.segs)), self.closed)

    def mirrored(self) -> Curve:
        return Curve(tuple(s.mirrored() for s in self.segs), self.closed)

    def closed_up(self) -> Curve:
        return Curve(self.segs, True)

    def between(self, ta: float, tb: float) -> Curve:
        """The part from parameter ta to tb (tb < ta walks backwards)."""
        if tb < ta:
            return self.between(tb, ta).reversed()
        out: list[Cubic] = []
        for i, seg in enumerate(self.segs):
            lo, hi = max(ta - i, 0.0), min(tb - i, 1.0)
            if hi <= lo:
                continue
            piece = seg
            if hi < 1.0:
                piece = piece.split(hi)[0]
            if lo > 0.0:
                piece = piece.split(lo / hi)[1]
            out.append(piece)
        return Curve(tuple(out))

    def sample(self, step: float = 1.0) -> list[Vec]:
        """Points about `step` apart, for shapely and for measuring."""
        pts = [self.start]
        for seg in self.segs:
            chord = math.dist(seg.p0, seg.p1) + math.dist(seg.p1, seg.p2) + math.dist(seg.p2, seg.p3)
            n = max(2, math.ceil(chord / step))
            pts.extend(seg.at(k / n) for k in range(1, n + 1))
        return pts

    def d(self) -> str:
        parts = [f"M{fmt(self.start[0])} {fmt(self.start[1])}"]
        for s in self.segs:
            parts.append("C" + " ".join(f"{fmt(p[0])} {fmt(p[1])}" for p in (s.p1, s.p2, s.p3)))
        if self.closed:
            parts.append("Z")
        return "".join(parts)


Tangent = Vec | tuple[Vec, Vec]


def spline(
    points: Sequence[Vec],
    tangents: Mapping[int, Tangent] | None = None,
    *,
    closed: bool = False,
    to: Callable[[Vec], Vec] = to_svg,
) -> Curve:
    """A smooth curve through normalised points.

    Catmull-Rom style tangents keep the curve exactly on every given point,
    which is what lets the features pass through the landmarks.  `tangents`
    overrides the direction (SVG space) at a point; a pair gives a corner
    (incoming, outgoing).  Open ends head straight for their neighbour.
    `to` maps the points into SVG units: the side view has its own frame.
    """
    pts = [to(p) for p in points]
    n = len(pts)
    given = tangents or {}

    def directions(i: int) -> tuple[Vec, Vec]:
        if i in given:
            t = given[i]
            if isinstance(t[0], tuple):
                return _unit(t[0]), _unit(t[1])
            return _unit(t), _unit(t)
        if closed:
            prev, nxt = pts[i - 1], pts[(i + 1) % n]
        else:
            prev, nxt = pts[max(i - 1, 0)], pts[min(i + 1, n - 1)]
        d = _unit((nxt[0] - prev[0], nxt[1] - prev[1]))
        return d, d

    segs = []
    for i in range(n if closed else n - 1):
        a, b = pts[i], pts[(i + 1) % n]
        chord = math.dist(a, b) * SMOOTH
        out_dir = directions(i)[1]
        in_dir = directions((i + 1) % n)[0]
        segs.append(
            Cubic(
                a,
                (a[0] + out_dir[0] * chord, a[1] + out_dir[1] * chord),
                (b[0] - in_dir[0] * chord, b[1] - in_dir[1] * chord),
                b,
            )
        )
    return Curve(tuple(segs), closed)


def symmetric(half: Curve) -> Curve:
    """Join a half drawn from the midline outward with its mirror image.

    The half must start on the midline; the result runs from the far end of
    the mirrored half through the midline to the far end of the half.
    """
    return half.mirrored().reversed() + half


def arc(centre: Vec, r: float, a0: float, a1: float) -> Curve:
    """Circular arc from angle a0 to a1 (radians, SVG y-down) as cubics."""
    n = max(1, math.ceil(abs(a1 - a0) / (math.pi / 2)))
    step = (a1 - a0) / n
    k = 4 / 3 * math.tan(step / 4) * r
    segs = []
    for i in range(n):
        t0, t1 = a0 + i * step, a0 + (i + 1) * step
        p0 = (centre[0] + r * math.cos(t0), centre[1] + r * math.sin(t0))
        p3 = (centre[0] + r * math.cos(t1), centre[1] + r * math.sin(t1))
        p1 = (p0[0] - k * math.sin(t0), p0[1] + k * math.cos(t0))
        p2 = (p3[0] + k * math.sin(t1), p3[1] - k * math.cos(t1))
        segs.append(Cubic(p0, p1, p2, p3))
    return Curve(tuple(segs))


def crossings(curve: Curve, centre: Vec, r: float) -> list[float]:
    """Parameters where a curve crosses a circle (sampled, then bisected)."""

    def f(t: float) -> float:
        return math.dist(curve.at(t), centre) - r

    steps = 400 * len(curve.segs)
    ts = [k * len(curve.segs) / steps for k in range(steps + 1)]
    found = []
    for lo, hi in itertools.pairwise(ts):
        if f(lo) * f(hi) > 0:
            continue
        for _ in range(50):
            mid = (lo + hi) / 2
            lo, hi = (mid, hi) if f(lo) * f(mid) > 0 else (lo, mid)
        found.append((lo + hi) / 2)
    return found


def fmt(v: float) -> str:
    """At most two decimals, no trailing zeros, no negative zero."""
    s = f"{v:.2f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def to_frame(p: Vec) -> Vec:
    """SVG user units → normalised face frame (inverse of `to_svg`)."""
    return ((p[0] - CX) / HALF_WIDTH, (p[1] - TOP) / FACE_HEIGHT)


def height_on(curve: Curve, y: float) -> Vec:
    """The first point of a curve at height y (frame), in frame units.

    Used to hang the ear on the head outline and to end the neck region on
    the side of the neck, so those joins follow the curves they sit on.
    """
    target = to_svg((0.0, y))[1]
    n = len(curve.segs)
    steps = 400 * n
    prev = curve.at(0.0)
    for k in range(1, steps + 1):
        cur = curve.at(k * n / steps)
        if (prev[1] - target) * (cur[1] - target) <= 0 and prev[1] != cur[1]:
            s = (target - prev[1]) / (cur[1] - prev[1])
            return to_frame(_lerp(prev, cur, s))
        prev = cur
    raise ValueError(f"curve never reaches y={y}")


# ---------------------------------------------------------------------------
# The anatomy: curves of the x >= 0 side
# ---------------------------------------------------------------------------

RIGHT: Vec = (1.0, 0.0)
LEFT: Vec = (-1.0, 0.0)
DOWN: Vec = (0.0, 1.0)
UP: Vec = (0.0, -1.0)


def outline_half() -> Curve:
    """Head outline from the vertex down the x > 0 side to the chin.

    A broad, flat-topped skull, the temple dipping in a little above the
    zygion (the widest point at cheekbone level), a slight hollow under the
    cheekbone, the jaw turning at the gonion and a chin with a flat base.
    """
    return spline(
        [
            (0.0, -0.22),
            (0.46, -0.2),
            (0.78, -0.122),
            (0.965, 0.0),
            (1.025, 0.15),
            (0.995, 0.3),
            (0.978, 0.38),
            L["zygion"],
            (0.972, 0.6),
            (0.935, 0.7),
            (0.86, 0.79),
            L["gonion"],
            (0.58, 0.918),
            (0.36, 0.972),
            (0.17, 0.995),
            L["menton"],
        ],
        {0: RIGHT, 7: DOWN, 15: LEFT},
    )


def ear_rim(outline: Curve) -> Curve:
    """Helix from its root on the temple round to the lobe and the cheek."""
    return spline(
        [
            height_on(outline, 0.345),
            (1.05, 0.316),
            (1.14, 0.307),
            (1.205, 0.34),
            (1.235, 0.41),
            (1.226, 0.49),
            (1.19, 0.565),
            (1.125, 0.628),
            (1.062, 0.664),
            L["earlobe_bottom"],
            height_on(outline, 0.632),
        ],
        {0: (0.5, -1.0), 9: LEFT, 10: (-0.6, -1.0)},
    )


def ear_folds() -> list[Curve]:
    """Inner rim of the helix, the antihelix with its two crura, and the lobe crease.

    Seen from the front the ear is foreshortened to a narrow shell, so its
    folds are drawn as nested curves that keep a clear gap between them.
    """
    return [
        spline([(1.055, 0.338), (1.14, 0.331), (1.195, 0.368), (1.212, 0.435), (1.2, 0.505), (1.162, 0.565)]),
        spline([(1.1, 0.36), (1.158, 0.395), (1.176, 0.455), (1.163, 0.525), (1.12, 0.578), (1.072, 0.6)]),
        spline([(1.1, 0.36), (1.078, 0.392), (1.062, 0.432)]),
        spline([(1.068, 0.605), (1.08, 0.63), (1.07, 0.652)]),
    ]


def tragus() -> Curve:
    """The tragus in front of the ear canal, with the notch below it."""
    return spline([(1.012, 0.482), (1.046, 0.5), (1.05, 0.535), (1.028, 0.558), (1.052, 0.575), (1.075, 0.582)])


def concha() -> Curve:
    """The bowl of the ear between tragus and antihelix: a soft shadow."""
    return spline(
        [(1.045, 0.43), (1.1, 0.425), (1.14, 0.46), (1.145, 0.52), (1.11, 0.568), (1.06, 0.575), (1.04, 0.53)],
        closed=True,
    )


def neck_outline() -> Curve:
    """Side of the neck from under the ear lobe, flaring into the trapezius."""
    return spline(
        [
            (0.99, 0.68),
            (0.935, 0.785),
            (0.865, 0.9),
            (0.815, 1.02),
            (0.787, 1.14),
            (0.78, 1.24),
            (0.8, 1.31),
            (0.88, 1.37),
            (1.05, 1.42),
            (1.35, 1.462),
            (1.8, 1.495),
        ],
        {5: DOWN},
    )


def neck_base(neck: Curve) -> Curve:
    """Where the neck region ends: from the trapezius to the sternal notch.

    Not drawn; it closes the neck for the zone tiling just below CV22.
    """
    return spline([height_on(neck, NECK_BASE_SIDE), (0.62, 1.474), (0.3, 1.535), (0.0, 1.554)], {3: LEFT})


def hairline_half() -> Curve:
    """Anterior hairline from the trichion out to the corner and the temple."""
    return spline(
        [
            L["trichion"],
            (0.35, -0.008),
            (0.62, -0.01),
            L["hairline_corner"],
            (0.8, 0.04),
            (0.84, 0.11),
            (0.875, 0.2),
            (0.91, 0.28),
            (0.938, 0.35),
            (0.952, 0.405),
        ],
        {0: RIGHT},
    )


def hair_strands(hairline: Curve, outline: Curve) -> list[Curve]:
    """Fine strands combed back from the hairline toward the crown.

    They start on the hairline itself and stop short of the head outline,
    so the hair reads as hair while the forehead points above the hairline
    stay clear; the pseudo-random spread is seeded, so the file is the
    same on every run.
    """
    rng = random.Random(19)
    head = Polygon(symmetric(outline).sample(1.0))
    strands = []
    count = 40
    for k in range(count):
        t = (k + rng.uniform(0.15, 0.85)) / count * len(hairline.segs)
        start = hairline.at(t)
        x0 = to_frame(start)[0]
        # Combed back: up and a little outward, more so toward the temples.
        lean = 0.15 + 0.9 * x0 * x0 + rng.uniform(-0.08, 0.08)
        direction = _unit((lean, -1.0))
        room = 0.0
        while head.contains(Point(start[0] + direction[0] * (room + 1), start[1] + direction[1] * (room + 1))):
            room += 1.0
        length = room * rng.uniform(0.45, 0.8)
        if length < 3.0:
            continue
        end = (start[0] + direction[0] * length, start[1] + direction[1] * length)
        bow = (-direction[1] * length * 0.08, direction[0] * length * 0.08)
        c1 = (start[0] + direction[0] * length * 0.35, start[1] + direction[1] * length * 0.35 - 0.4)
        c2 = (end[0] - direction[0] * length * 0.3 - bow[0], end[1] - direction[1] * length * 0.3 - bow[1])
        strands.append(Curve((Cubic(start, c1, c2, end),)))
    return strands


def brow_edges(x: float) -> tuple[float, float]:
    """Top and bottom of the brow at a given x (frame), for its hairs."""
    xs = (0.2, 0.232, 0.34, 0.47, 0.62, 0.72, 0.79)
    top = (0.326, 0.315, 0.302, 0.295, 0.293, 0.303, 0.324)
    bottom = (0.344, 0.346, 0.327, 0.316, 0.31, 0.313, 0.326)
    for i in range(len(xs) - 1):
        if xs[i] <= x <= xs[i + 1]:
            s = (x - xs[i]) / (xs[i + 1] - xs[i])
            return top[i] + (top[i + 1] - top[i]) * s, bottom[i] + (bottom[i + 1] - bottom[i]) * s
    raise ValueError(f"no brow at x={x}")


def brow() -> Curve:
    """Eyebrow body: blunt medial head, tapering tail (a soft tone under the hairs)."""
    return spline(
        [
            L["brow_medial"],
            (0.232, 0.317),
            (0.34, 0.302),
            (0.47, 0.296),
            (0.62, 0.294),
            (0.72, 0.304),
            L["brow_lateral"],
            (0.7, 0.312),
            (0.6, 0.309),
            (0.47, 0.315),
            (0.34, 0.326),
            (0.232, 0.345),
        ],
        {0: UP, 6: ((1.0, 0.9), (-1.0, -0.35))},
        closed=True,
    )


def brow_hairs() -> list[Curve]:
    """Short hairs following the growth: upright at the head, sweeping out, then down at the tail.

    Roots spread over the whole depth of the brow and each hair stops at
    its upper edge, so the brow keeps its tapered shape without an outline.
    """
    rng = random.Random(7)
    hairs = []
    count = 120
    for k in range(count):
        s = min((k + rng.uniform(0.0, 1.0)) / count, 0.995)
        x = 0.205 + (0.785 - 0.205) * s
        top, bottom = brow_edges(x)
        depth = (bottom - top) * FACE_HEIGHT
        root_y = bottom - (bottom - top) * rng.uniform(0.05, 0.8)
        # Growth direction in degrees above the outward horizontal.
        if s < 0.15:
            angle = 80.0 - 260.0 * s
        elif s < 0.75:
            angle = 40.0 - 45.0 * (s - 0.15) / 0.6
        else:
            angle = -5.0 - 40.0 * (s - 0.75) / 0.25
        angle += rng.uniform(-5.0, 5.0)
        a = math.radians(angle)
        root = to_svg((x, root_y))
        room = (root[1] - to_svg((x, top))[1] + 0.3) / max(math.sin(a), 0.2) if angle > 5 else 3.0
        length = min(room, 2.2 + 0.5 * depth) * rng.uniform(0.75, 1.0)
        tip = (root[0] + length * math.cos(a), root[1] - length * math.sin(a))
        bend = (root[0] + length * 0.5 * math.cos(a), root[1] - length * 0.5 * math.sin(a) - 0.2)
        hairs.append(Curve((Cubic(root, bend, bend, tip),)))
    return hairs


def upper_lid() -> Curve:
    """Upper lid margin: highest a little medial of the pupil, over the top of the iris."""
    return spline(
        [L["inner_canthus"], (0.285, 0.415), (0.4, 0.407), (0.53, 0.408), (0.62, 0.414), L["outer_canthus"]],
        {0: (1.0, -1.1), 5: (1.0, 0.55)},
    )


def lower_lid() -> Curve:
    """Lower lid margin: flatter, lowest a little lateral of the pupil."""
    return spline(
        [L["inner_canthus"], (0.3, 0.451), (0.45, 0.459), (0.58, 0.453), L["outer_canthus"]],
        {0: (1.0, 0.55), 4: (1.0, -0.6)},
    )


def lash_line(upper: Curve) -> Curve:
    """The upper lid's dark lash line: thin at the inner corner, fuller outward."""
    lid = upper.sample(0.5)
    n = len(lid)

    def thickness(i: int) -> float:
        s = i / (n - 1)
        rise: float = math.sin(math.pi * min(1.0, s * 1.08)) ** 0.8
        return 0.95 * rise + 0.05

    above = [(x, y - thickness(i)) for i, (x, y) in enumerate(lid)]
    return polyline_curve(lid + above[::-1])


def iris(upper: Curve, lower: Curve) -> Curve:
    """The visible part of the iris: a circle cut by both lids.

    Built as one closed outline (lid, arc, lid, arc) so that no clip path
    is needed and the grey never spills over the lids.
    """
    centre = to_svg(L["pupil"])
    u1, u2 = crossings(upper, centre, IRIS_RADIUS)
    l1, l2 = crossings(lower, centre, IRIS_RADIUS)
    a_temporal = angle(upper.at(u2), centre), angle(lower.at(l2), centre)
    a_nasal = angle(lower.at(l1), centre), angle(upper.at(u1), centre) + 2 * math.pi
    return (
        upper.between(u1, u2)
        + arc(centre, IRIS_RADIUS, *a_temporal)
        + lower.between(l2, l1)
        + arc(centre, IRIS_RADIUS, *a_nasal)
    ).closed_up()


def angle(p: Vec, centre: Vec) -> float:
    """Direction of p seen from centre (radians, SVG y-down)."""
    return math.atan2(p[1] - centre[1], p[0] - centre[0])


def lid_shadow(upper: Curve, lower: Curve) -> Curve:
    """The shadow the upper lid casts on the top of the iris, inside the iris."""
    lid = upper.sample(0.5)
    band = Polygon(lid + [(x, y + 1.6) for x, y in lid[::-1]])
    inside = band.intersection(Polygon(iris(upper, lower).sample(0.3)))
    if not isinstance(inside, Polygon):
        raise ValueError("the lid shadow does not fall on the iris")
    return polyline_curve([(x, y) for x, y in inside.exterior.coords[:-1]])


def eye_creases() -> list[Curve]:
    """Upper-lid fold, the brow-bone shadow line and a short lower-lid crease, all faint."""
    return [
        spline([(0.29, 0.404), (0.44, 0.389), (0.6, 0.393), (0.7, 0.41)]),
        spline([(0.34, 0.471), (0.47, 0.479), (0.6, 0.471)]),
    ]


def eye_socket_shade() -> Curve:
    """Soft tone in the upper eye socket between the lid fold and the brow."""
    return spline(
        [
            (0.245, 0.41),
            (0.3, 0.375),
            (0.47, 0.362),
            (0.64, 0.37),
            (0.75, 0.41),
            (0.64, 0.396),
            (0.47, 0.388),
            (0.3, 0.398),
        ],
        closed=True,
    )


def ala() -> Curve:
    """Nostril wing: the alar crease round ala_lateral down to ala_base."""
    return spline(
        [(0.17, 0.583), (0.222, 0.592), L["ala_lateral"], (0.246, 0.645), L["ala_base"], (0.196, 0.66)],
        {2: DOWN},
    )


def nose_base_half() -> Curve:
    """Columella and the rim of the nostril, from the subnasale outward."""
    return spline(
        [L["subnasale"], (0.03, 0.663), (0.06, 0.655), (0.105, 0.652), (0.15, 0.654), (0.18, 0.658)], {0: RIGHT}
    )


def nostril() -> Curve:
    """The dark opening of the nostril, seen from the front under the tip."""
    return spline(
        [
            (0.04, 0.6615),
            (0.06, 0.6555),
            (0.105, 0.6525),
            (0.15, 0.6545),
            (0.172, 0.657),
            (0.15, 0.647),
            (0.1, 0.6435),
            (0.06, 0.648),
        ],
        closed=True,
    )


def nose_bridge() -> Curve:
    """Side wall of the nose from the root beside the brow to the tip."""
    return spline([(0.165, 0.37), (0.128, 0.42), (0.112, 0.48), (0.118, 0.54), (0.15, 0.585)])


def nose_tip_half() -> Curve:
    """Lower edge of the tip lobule, above the columella."""
    return spline([(0.0, 0.641), (0.045, 0.638), (0.085, 0.631)], {0: RIGHT})


def nose_shade() -> Curve:
    """Tone down the side of the nose, darkest beside the bridge."""
    return spline(
        [(0.16, 0.385), (0.13, 0.45), (0.125, 0.52), (0.16, 0.58), (0.22, 0.585), (0.19, 0.52), (0.175, 0.44)],
        closed=True,
    )


def upper_lip_border_half() -> Curve:
    """Vermilion border of the upper lip: Cupid's bow to the mouth corner."""
    return spline(
        [
            L["labrale_superius"],
            (0.045, 0.729),
            (0.092, 0.7225),
            (0.15, 0.728),
            (0.22, 0.739),
            (0.3, 0.755),
            (0.355, 0.77),
            L["cheilion"],
        ],
        {0: RIGHT, 2: ((1.0, -0.25), (1.0, 0.35))},
    )


def mouth_line_half() -> Curve:
    """Closed mouth: level corners and a slight dip at the midline tubercle."""
    return spline([L["stomion"], (0.12, 0.7755), (0.28, 0.7765), L["cheilion"]], {0: RIGHT})


def lower_lip_border_half() -> Curve:
    """Lower vermilion border; in full it also bounds the lips' zone hole."""
    return spline([(0.0, 0.833), (0.12, 0.83), (0.22, 0.82), (0.3, 0.805), (0.345, 0.794), L["cheilion"]], {0: RIGHT})


def lip_tone(border: Curve, mouth: Curve) -> Curve:
    """One lip as a closed shape between its border and the mouth line."""
    return (symmetric(border) + symmetric(mouth).reversed()).closed_up()


def face_details() -> list[Curve]:
    """Philtral ridge and the upper part of the nasolabial fold (faint)."""
    return [
        spline([(0.058, 0.692), (0.072, 0.705), (0.086, 0.717)]),
        spline([(0.285, 0.6), (0.292, 0.625), (0.31, 0.655), (0.335, 0.685)]),
    ]


def mentolabial_half() -> Curve:
    """Shallow groove between lower lip and chin, through the landmark."""
    return spline([L["mentolabial"], (0.07, 0.8725), (0.13, 0.866)], {0: RIGHT})


def cheek_shade() -> Curve:
    """The soft hollow under the cheekbone, toward the corner of the jaw."""
    return spline(
        [(0.975, 0.54), (0.85, 0.6), (0.72, 0.665), (0.66, 0.725), (0.76, 0.73), (0.88, 0.7), (0.95, 0.64)], closed=True
    )


def lip_shade() -> Curve:
    """Shadow under the lower lip, in the mentolabial groove."""
    half = spline([(0.0, 0.836), (0.12, 0.834), (0.24, 0.826), (0.16, 0.856), (0.0, 0.868)], {0: RIGHT, 4: LEFT})
    return symmetric(half).closed_up()


def jaw_shadow(half: Curve) -> Curve:
    """The shadow the jaw casts on the neck below it, deepest under the chin."""
    edge = sorted((to_frame(p) for p in half.sample(1.0)), key=lambda p: p[0])
    under = [(x, y) for x, y in edge if y >= 0.8 and x <= 0.82]
    both = [(-x, y) for x, y in reversed(under)] + under[1:]
    below = [(x, y + 0.03 + 0.05 * (1.0 - abs(x))) for x, y in both]
    return polyline_curve([to_svg(p) for p in both + below[::-1]])


def neck_details() -> list[Curve]:
    """Sternocleidomastoid front borders and the clavicles (faint)."""
    return [
        spline([(0.9, 0.78), (0.72, 1.044), (0.6, 1.139), (0.47, 1.235), (0.3, 1.374), (0.14, 1.5)]),
        spline([(0.13, 1.564), (0.5, 1.594), (1.0, 1.606), (1.4, 1.6), (1.8, 1.587)]),
    ]


def sternal_notch_half() -> Curve:
    """Suprasternal notch between the sternal heads of the two SCMs."""
    return spline([L["suprasternal"], (0.05, 1.533), (0.1, 1.515)], {0: RIGHT})


def polyline_curve(points: Sequence[Vec]) -> Curve:
    """A closed shape through SVG points, as straight cubics (for tones)."""
    segs = [Cubic(a, a, b, b) for a, b in itertools.pairwise([*points, points[0]])]
    return Curve(tuple(segs), True)


# ---------------------------------------------------------------------------
# Line art
# ---------------------------------------------------------------------------

Style = tuple[str, str, float]


def path_element(curve: Curve, style: Style, fill: str = "none") -> str:
    role, stroke, width = style
    return (
        f'<path class="{role}" d="{curve.d()}" fill="{fill}" stroke="{stroke}" '
        f'stroke-width="{fmt(width)}" stroke-linecap="round" stroke-linejoin="round"/>'
    )


def tone_element(curve: Curve, tone: Tone) -> str:
    """A flat fill with no stroke: the lips, nostrils, lashes."""
    role, colour, opacity = tone
    return f'<path class="{role}" d="{curve.d()}" fill="{colour}" fill-opacity="{fmt(opacity)}" stroke="none"/>'


def soft_tone(curve: Curve, tone: Tone, softness: float, *, mirrored: bool = True) -> list[str]:
    """Shading that fades out at its edges, on both sides unless the shape spans the midline.

    The shape is filled several times, each copy inset a little more, so
    the tone builds up toward the middle like a soft pencil and never shows
    a hard edge (one flat translucent fill reads as a patch).
    """
    role, colour, opacity = tone
    shape = Polygon(curve.sample(0.5))
    out = []
    for step in range(SHADE_STEPS):
        layer = shape.buffer(-softness * step, quad_segs=2).simplify(0.12)
        if not isinstance(layer, Polygon) or layer.is_empty:
            break
        ring = [(round(x, 2), round(y, 2)) for x, y in layer.exterior.coords[:-1]]
        for points in ([mirror_point(q) for q in ring], ring) if mirrored else (ring,):
            out.append(
                f'<path class="{role}" d="{ring_d(points)}" fill="{colour}" '
                f'fill-opacity="{fmt(opacity / SHADE_STEPS)}" stroke="none"/>'
            )
    return out


def both_sides(curves: Iterable[Curve], style: Style, fill: str = "none") -> list[str]:
    """The subject's right (mirrored) then left copy of each curve."""
    out = []
    for curve in curves:
        out.append(path_element(curve.mirrored(), style, fill))
        out.append(path_element(curve, style, fill))
    return out


def both_tones(curves: Iterable[Curve], tone: Tone) -> list[str]:
    """The subject's right (mirrored) then left copy of each tone."""
    out = []
    for curve in curves:
        out.append(tone_element(curve.mirrored(), tone))
        out.append(tone_element(curve, tone))
    return out


def circle_element(centre: Vec, r: float, style: Style, fill: str) -> str:
    role, stroke, width = style
    return (
        f'<circle class="{role}" cx="{fmt(centre[0])}" cy="{fmt(centre[1])}" r="{fmt(r)}" '
        f'fill="{fill}" stroke="{stroke}" stroke-width="{fmt(width)}"/>'
    )


def line_art() -> list[str]:
    """Every drawn element, back to front: tones first, then lines, finest last."""
    half = outline_half()
    outline = symmetric(half).closed_up()
    upper, lower = upper_lid(), lower_lid()
    pupil = to_svg(L["pupil"])
    hairline = hairline_half()
    art = soft_tone(jaw_shadow(half), SHADE, 1.2, mirrored=False)
    art += soft_tone(cheek_shade(), SHADE_FAINT, 1.8)
    art += soft_tone(eye_socket_shade(), SHADE_FAINT, 0.5)
    art += soft_tone(nose_shade(), SHADE_SOFT, 0.6)
    art += soft_tone(lip_shade(), SHADE_SOFT, 0.6, mirrored=False)
    art += soft_tone(concha(), SHADE, 0.5)
    art.append(tone_element(lip_tone(upper_lip_border_half(), mouth_line_half()), LIP_UPPER))
    art.append(tone_element(lip_tone(lower_lip_border_half(), mouth_line_half()), LIP_LOWER))
    art.append(path_element(outline, OUTLINE))
    art += both_sides([ear_rim(half)], OUTLINE)
    art += both_sides([*ear_folds(), tragus()], DETAIL)
    art += both_sides([neck_outline()], OUTLINE)
    art += both_sides(neck_details(), DETAIL)
    art.append(path_element(symmetric(sternal_notch_half()), DETAIL))
    art.append(path_element(symmetric(hairline), HAIR))
    art += both_sides(hair_strands(hairline, half), HAIR_FINE)
    art += both_tones([brow()], BROW_TONE)
    art += both_sides(brow_hairs(), BROW)
    art += both_sides([iris(upper, lower)], IRIS, IRIS_FILL)
    art += both_tones([lid_shadow(upper, lower)], SHADE_DEEP)
    for centre in (mirror_point(pupil), pupil):
        art.append(circle_element(centre, PUPIL_RADIUS, PUPIL, PUPIL_FILL))
    for centre in (mirror_point(pupil), pupil):
        glint = (centre[0] - 1.4, centre[1] - 1.5)
        art.append(circle_element(glint, 0.7, GLINT, GLINT_FILL))
    art += both_tones([lash_line(upper)], LASHES)
    art += both_sides([upper], FEATURE)
    art += both_sides([lower], LOWER_LID)
    art += both_sides(eye_creases(), CREASE)
    art += both_sides([nose_bridge()], DETAIL)
    art.append(path_element(symmetric(nose_tip_half()), CREASE))
    art += both_tones([nostril()], NOSTRIL)
    art += both_sides([ala()], FEATURE_LIGHT)
    art.append(path_element(symmetric(nose_base_half()), FEATURE_LIGHT))
    art.append(path_element(symmetric(upper_lip_border_half()), FEATURE_LIGHT))
    art.append(path_element(symmetric(mouth_line_half()), FEATURE))
    # The lower lip is outlined only across its fuller middle: closing it
    # into the corners gives the flat lens shape of clip art.
    lower_lip = lower_lip_border_half()
    art.append(path_element(symmetric(Curve(lower_lip.segs[:-1])), FEATURE_LIGHT))
    art += both_sides(face_details(), DETAIL)
    art.append(path_element(symmetric(mentolabial_half()), DETAIL))
    return art


# ---------------------------------------------------------------------------
# Zones: a tiling of the skin, built by priority
# ---------------------------------------------------------------------------

ZONE_KINDS = (
    "forehead", "brow", "under_eye", "temple", "nose_sides", "cheek", "nasolabial",
    "upper_lip", "chin", "jawline", "front_of_ear", "neck_side", "neck_front",
)  # fmt: skip

CHEILION = L["cheilion"]
OUTER_CANTHUS = L["outer_canthus"]

# Each zone claims a region given as runs of frame points (each run a smooth
# curve, consecutive runs sharing their end points).  Claims are taken in
# this order and a zone gets only what no earlier zone took, so zones cannot
# overlap, an edge drawn once serves both of its neighbours, and the broad
# claims (neck_side, cheek) fill whatever is left.  "face" claims are clipped
# to the head outline, "neck" claims to the neck below it, and "own" claims
# (front_of_ear) are taken whole because the side-view points sit on the
# front edge of the ear.  neck_side also takes the strip of face behind the
# ramus, below the ear lobe, where its strokes start on the way to TE17.
# fmt: off
CLAIMS: tuple[tuple[str, str, tuple[tuple[Vec, ...], ...]], ...] = (
    ("front_of_ear", "own", (
        ((0.93, 0.385), (0.905, 0.5), (0.875, 0.672)),
        ((0.875, 0.672), (0.95, 0.665), (1.0, 0.655)),
        ((1.0, 0.655), (1.025, 0.6), (1.037, 0.52), (1.025, 0.44), (0.99, 0.385)),
        ((0.99, 0.385), (0.93, 0.385)),
    )),
    ("nose_sides", "face", (
        ((0.0, 0.356), (0.08, 0.36), (0.135, 0.395), (0.158, 0.45), (0.178, 0.51), (0.2, 0.56),
         (0.235, 0.582), (0.262, 0.6), (0.27, 0.625), (0.262, 0.65), (0.235, 0.663)),
        ((0.235, 0.663), (0.15, 0.664), (0.07, 0.666), (0.0, 0.667)),
        ((0.0, 0.667), (0.0, 0.356)),
    )),
    ("brow", "face", (
        ((0.0, 0.292), (0.2, 0.286), (0.47, 0.262), (0.65, 0.262), (0.78, 0.274), (0.83, 0.29)),
        ((0.83, 0.29), (0.815, 0.335), (0.76, 0.395), OUTER_CANTHUS),
        (OUTER_CANTHUS, (0.55, 0.436), (0.35, 0.438), (0.27, 0.428), (0.215, 0.41), (0.15, 0.395),
         (0.1, 0.37), (0.0, 0.36)),
        ((0.0, 0.36), (0.0, 0.292)),
    )),
    ("under_eye", "face", (
        ((0.1, 0.37), (0.5, 0.4), (0.78, 0.39)),
        ((0.78, 0.39), (0.772, 0.45), (0.74, 0.49)),
        ((0.74, 0.49), (0.68, 0.512), (0.57, 0.522), (0.47, 0.523), (0.36, 0.515), (0.26, 0.495),
         (0.2, 0.465), (0.16, 0.43), (0.12, 0.39), (0.1, 0.37)),
    )),
    ("nasolabial", "face", (
        ((0.235, 0.575), (0.232, 0.625), (0.26, 0.675), (0.305, 0.71), (0.355, 0.75), CHEILION),
        (CHEILION, (0.405, 0.815), (0.425, 0.85), (0.445, 0.88)),
        ((0.445, 0.88), (0.5, 0.875), (0.565, 0.862)),
        ((0.565, 0.862), (0.56, 0.8), (0.515, 0.735), (0.42, 0.685), (0.34, 0.655), (0.318, 0.625),
         (0.31, 0.575)),
        ((0.31, 0.575), (0.28, 0.565), (0.235, 0.575)),
    )),
    ("upper_lip", "face", (
        ((0.0, 0.6), (0.27, 0.6)),
        ((0.27, 0.6), (0.33, 0.7)),
        ((0.33, 0.7), (0.42, 0.76)),
        ((0.42, 0.76), (0.42, 0.78)),
        ((0.42, 0.78), (0.0, 0.78)),
        ((0.0, 0.78), (0.0, 0.6)),
    )),
    ("chin", "face", (
        ((0.0, 0.77), (0.5, 0.77)),
        ((0.5, 0.77), (0.5, 0.87)),
        ((0.5, 0.87), (0.445, 0.88)),
        ((0.445, 0.88), (0.405, 0.925), (0.375, 0.975), (0.36, 1.05)),
        ((0.36, 1.05), (0.0, 1.05)),
        ((0.0, 1.05), (0.0, 0.77)),
    )),
    ("jawline", "face", (
        ((0.3, 0.88), (0.48, 0.86)),
        ((0.48, 0.86), (0.54, 0.8), (0.61, 0.757), (0.68, 0.72), (0.75, 0.69), (0.81, 0.677)),
        ((0.81, 0.677), (0.8, 0.74), (0.79, 0.8), (0.8, 0.9)),
        ((0.8, 0.9), (0.8, 1.2)),
        ((0.8, 1.2), (0.3, 1.2)),
        ((0.3, 1.2), (0.3, 0.88)),
    )),
    ("neck_front", "neck", (
        ((0.0, 0.8), (0.605, 0.8)),
        ((0.605, 0.8), (0.605, 0.86)),
        ((0.605, 0.86), (0.585, 0.98), (0.565, 1.104), (0.555, 1.235), (0.56, 1.365), (0.58, 1.61)),
        ((0.58, 1.61), (0.0, 1.61)),
        ((0.0, 1.61), (0.0, 0.8)),
    )),
    ("neck_side", "neck_side", (
        ((0.0, 0.95), (0.45, 0.88), (0.7, 0.75), (0.79, 0.69), (0.875, 0.676), (0.92, 0.66)),
        ((0.92, 0.66), (1.2, 0.6)),
        ((1.2, 0.6), (1.2, 1.8)),
        ((1.2, 1.8), (0.0, 1.8)),
        ((0.0, 1.8), (0.0, 0.95)),
    )),
    ("forehead", "face", (
        ((0.0, -0.3), (1.2, -0.3)),
        ((1.2, -0.3), (1.2, -0.05)),
        ((1.2, -0.05), (0.9, 0.035), (0.84, 0.07), (0.815, 0.12), (0.805, 0.18), (0.81, 0.25), (0.8, 0.31)),
        ((0.8, 0.31), (0.0, 0.31)),
        ((0.0, 0.31), (0.0, -0.3)),
    )),
    ("temple", "face", (
        ((0.55, -0.1), (1.2, -0.1)),
        ((1.2, -0.1), (1.2, 0.43)),
        ((1.2, 0.43), (0.93, 0.43)),
        ((0.93, 0.43), (0.8, 0.462), (0.72, 0.49)),
        ((0.72, 0.49), (0.55, 0.49)),
        ((0.55, 0.49), (0.55, -0.1)),
    )),
    ("cheek", "face", (
        ((0.0, 0.3), (1.2, 0.3)),
        ((1.2, 0.3), (1.2, 1.0)),
        ((1.2, 1.0), (0.0, 1.0)),
        ((0.0, 1.0), (0.0, 0.3)),
    )),
)
# fmt: on

# TE17 lies behind the ear lobe, just outside the drawn neck: a small patch
# lets neck_side reach it.
TE17_PATCH = ((0.97, 0.665), (1.03, 0.665), (1.03, 0.695), (0.98, 0.71))
# GV27 is on the vermilion tubercle: the upper lip zone takes that bit of lip.
TUBERCLE_HALF_SIZE = (0.05, 0.027)
SLIVER = 0.5  # square units: bits this small left by clipping are dropped


def ring(runs: Iterable[Sequence[Vec]]) -> Polygon:
    """A polygon whose edges are smooth runs through frame points."""
    pts: list[Vec] = []
    for run in runs:
        sampled = spline(run).sample(1.2) if len(run) > 2 else [to_svg(p) for p in run]
        pts.extend(sampled if not pts else sampled[1:])
    return Polygon(pts)


def frame_polygon(points: Iterable[Vec]) -> Polygon:
    """A straight-edged polygon from frame points."""
    return Polygon([to_svg(p) for p in points])


def eye_opening() -> Polygon:
    """Between the lids of the x > 0 eye: left out of every zone."""
    return Polygon(upper_lid().sample(0.5) + lower_lid().reversed().sample(0.5)[1:])


def lips() -> Polygon:
    """Both vermilions, minus the midline tubercle that upper_lip keeps."""
    upper = symmetric(upper_lip_border_half())
    lower = symmetric(lower_lip_border_half())
    red = Polygon(upper.sample(0.5) + lower.reversed().sample(0.5)[1:])
    cx, cy = to_svg(L["labrale_superius"])
    rx, ry = TUBERCLE_HALF_SIZE[0] * HALF_WIDTH, TUBERCLE_HALF_SIZE[1] * FACE_HEIGHT
    tubercle = Polygon(
        [(cx + rx * math.cos(a * math.pi / 24), cy + ry * math.sin(a * math.pi / 24)) for a in range(48)]
    )
    return red.difference(tubercle)


def head_polygon() -> Polygon:
    """Inside of the drawn head outline: the face zones are clipped to it."""
    return Polygon(symmetric(outline_half()).sample(0.75))


def neck_half_polygon() -> Polygon:
    """Neck on the x > 0 side, reaching up under the jaw and ear lobe."""
    neck = neck_outline()
    base = neck_base(neck)
    side = [p for p in neck.sample(0.75) if p[1] < base.start[1]]
    return Polygon([to_svg((0.0, 0.88)), to_svg((0.9, 0.6)), *side, *base.sample(1.2)])


def skin_regions() -> tuple[BaseGeometry, BaseGeometry]:
    """The face and the neck skin of the x >= 0 side, holes left out."""
    half = box(CX, to_svg((0.0, FOREHEAD_TOP))[1], WIDTH, HEIGHT)
    head = head_polygon()
    holes = unary_union([eye_opening(), lips()])
    face = head.intersection(half).difference(holes)
    neck = neck_half_polygon().intersection(half).difference(head)
    return face, neck


def single_polygon(kind: str, shape: BaseGeometry) -> Polygon:
    """The one polygon of a zone; clipping crumbs are dropped, holes are errors."""
    parts = [g for g in getattr(shape, "geoms", [shape]) if isinstance(g, Polygon) and not g.is_empty]
    parts.sort(key=lambda g: g.area, reverse=True)
    if not parts:
        raise ValueError(f"zone {kind} is empty")
    crumbs = sum(p.area for p in parts[1:])
    if crumbs > SLIVER:
        raise ValueError(f"zone {kind} falls apart ({crumbs:.2f} square units outside its main piece)")
    main = parts[0]
    if main.interiors:
        raise ValueError(f"zone {kind} has a hole")
    return main


def zone_tiling() -> dict[str, Polygon]:
    """Zones of the x >= 0 side (the `_l` copies), by kind."""
    face, neck = skin_regions()
    te17 = frame_polygon(TE17_PATCH).difference(head_polygon())
    regions: dict[str, Callable[[Polygon], BaseGeometry]] = {
        "face": face.intersection,
        "neck": neck.intersection,
        "own": lambda claim: claim,
        "neck_side": unary_union([face, neck, te17]).intersection,
    }
    taken: BaseGeometry = Polygon()
    zones: dict[str, Polygon] = {}
    for kind, region, runs in CLAIMS:
        piece = single_polygon(kind, regions[region](ring(runs)).difference(taken))
        zones[kind] = piece
        taken = unary_union([taken, piece])
    return zones


# ---------------------------------------------------------------------------
# The file
# ---------------------------------------------------------------------------


def zone_rings(kind: str, shape: Polygon) -> tuple[list[Vec], list[Vec]]:
    """Outline of a `_l` zone on the 0.01 grid and its exact mirror for `_r`.

    Snapping with shapely (rather than rounding each number) keeps the
    outline a valid simple polygon.
    """
    snapped = set_precision(shape, 0.01)
    if not isinstance(snapped, Polygon) or not snapped.is_valid or snapped.interiors:
        raise ValueError(f"zone {kind} does not survive rounding")
    left = [(round(x, 2), round(y, 2)) for x, y in snapped.exterior.coords[:-1]]
    right = [(round(2 * CX - x, 2), y) for x, y in left]
    return right, left


def ring_d(points: Sequence[Vec]) -> str:
    first, *rest = points
    return f"M{fmt(first[0])} {fmt(first[1])}" + "".join(f"L{fmt(x)} {fmt(y)}" for x, y in rest) + "Z"


def landmark_elements() -> list[str]:
    out: list[str] = []
    for name, p in LANDMARK_IDS.items():
        centre = to_svg(p)
        copies = [(name + "r", mirror_point(centre)), (name + "l", centre)] if name.endswith("_") else [(name, centre)]
        out.extend(f'<circle id="{i}" cx="{fmt(c[0])}" cy="{fmt(c[1])}" r="0.8"/>' for i, c in copies)
    return out


def zone_elements() -> list[str]:
    zones = zone_tiling()
    out = []
    for kind in ZONE_KINDS:
        right, left = zone_rings(kind, zones[kind])
        out.append(f'<path id="{kind}_r" d="{ring_d(right)}"/>')
        out.append(f'<path id="{kind}_l" d="{ring_d(left)}"/>')
    return out


def document() -> str:
    def group(attrs: str, items: list[str]) -> list[str]:
        return [f"  <g {attrs}>", *(f"    {item}" for item in items), "  </g>"]

    lines = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}">',
        "  <title>Meridian Map face</title>",
        *group('id="art"', line_art()),
        *group('id="zones" fill="none" stroke="none"', zone_elements()),
        *group('id="landmarks" fill="none" stroke="none"', landmark_elements()),
        "</svg>",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    OUTPUT.write_text(document(), encoding="utf-8")
    print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main()
