"""Generate the side (lateral) view of the face, `assets/face_side.svg`.

The profile shows the subject's left side, so the face looks toward the
viewer's left and the ear sits right of centre: the same side the front
view's `_l` copies are drawn on, so its zones keep their `_l` ids and a
selection made in either view is the same selection.  It is built like the
front face (tools/draw_face.py, whose curves, styles and tones it shares):
smooth curves through named landmarks, translucent shading, and zone
outlines that tile the skin without overlapping.  Run it after changing a
number:

    .venv/bin/python tools/draw_side.py

Coordinates are written in the side frame `(u, v)`: `v` is the front
view's height (0 at the hairline, 1 at the chin), `u` the distance behind
the centre of the tragus in the same unit (one face height), so that the
side view is drawn at the front view's scale of about 1 mm per SVG unit.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from shapely import set_precision
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

sys.path.insert(0, str(Path(__file__).resolve().parent))

from draw_face import (
    BROW,
    BROW_TONE,
    CREASE,
    DETAIL,
    FEATURE,
    FEATURE_LIGHT,
    HAIR,
    HAIR_FINE,
    IRIS,
    IRIS_FILL,
    LASHES,
    LIP_LOWER,
    LIP_UPPER,
    LOWER_LID,
    NOSTRIL,
    OUTLINE,
    SHADE,
    SHADE_FAINT,
    SHADE_SOFT,
    Curve,
    Vec,
    fmt,
    path_element,
    ring_d,
    single_polygon,
    soft_tone,
    spline,
    tone_element,
)

OUTPUT = Path(__file__).resolve().parent.parent / "assets" / "face_side.svg"

WIDTH, HEIGHT = 270, 360
TRAGUS_X, TOP, FACE_HEIGHT = 150.0, 60.0, 180.0

# Landmarks of the side view, (u, v).  Heights follow the front view's
# table (tragus, ear lobe, gonion, canthus); depths follow average adult
# proportions: the tragus about 11 cm behind the nose tip, the condyle a
# centimetre in front of the tragus, the mastoid tip just behind the lobe.
S: dict[str, Vec] = {
    "trichion": (-0.55, 0.0),
    "glabella": (-0.585, 0.333),
    "nasion": (-0.565, 0.37),
    "nose_tip": (-0.675, 0.63),
    "subnasale": (-0.6, 0.667),
    "labrale_superius": (-0.612, 0.735),
    "stomion": (-0.588, 0.78),
    "mouth_corner": (-0.53, 0.785),
    "labrale_inferius": (-0.603, 0.82),
    "mentolabial_sulcus": (-0.566, 0.875),
    "pogonion": (-0.585, 0.95),
    "chin": (-0.53, 1.0),
    "brow_lateral": (-0.43, 0.325),
    "outer_canthus": (-0.44, 0.425),
    "temple_hairline": (-0.3, 0.16),
    "sideburn": (-0.13, 0.47),
    "zygomatic_arch": (-0.13, 0.505),  # lower border, at its midpoint
    "mandibular_notch": (-0.13, 0.585),
    "condyle": (-0.075, 0.53),
    "tragus": (0.0, 0.52),
    "ear_front": (-0.013, 0.52),  # the front edge of the tragus at its centre
    "supratragic_notch": (0.008, 0.478),
    "intertragic_notch": (0.028, 0.566),
    "helix_root": (-0.012, 0.425),
    "ear_apex": (0.095, 0.305),
    "earlobe_bottom": (0.058, 0.672),
    "mastoid": (0.135, 0.7),  # the tip of the mastoid process
    "mandible_angle": (-0.06, 0.85),
    "scm_front": (0.03, 0.88),  # front border of the sternocleidomastoid at the level below the angle
}


def to_side(p: Vec) -> Vec:
    """Side frame → SVG user units."""
    return (TRAGUS_X + FACE_HEIGHT * p[0], TOP + FACE_HEIGHT * p[1])


def curve(points: Sequence[Vec], closed: bool = False) -> Curve:
    return spline(points, closed=closed, to=to_side)


# ---------------------------------------------------------------------------
# The anatomy
# ---------------------------------------------------------------------------


def profile() -> Curve:
    """From the crown over the forehead, down the face to the chin, under the jaw and down the throat."""
    return curve(
        [
            (0.05, -0.255),
            (-0.2, -0.235),
            (-0.4, -0.165),
            (-0.515, -0.07),
            S["trichion"],
            (-0.578, 0.16),
            (-0.588, 0.29),
            S["glabella"],
            S["nasion"],
            (-0.6, 0.45),
            (-0.64, 0.56),
            S["nose_tip"],
            (-0.652, 0.66),
            S["subnasale"],
            (-0.606, 0.7),
            S["labrale_superius"],
            S["stomion"],
            S["labrale_inferius"],
            S["mentolabial_sulcus"],
            (-0.582, 0.91),
            S["pogonion"],
            (-0.565, 0.985),
            S["chin"],
            (-0.43, 1.035),
            (-0.3, 1.08),
            (-0.245, 1.14),
            (-0.255, 1.25),
            (-0.24, 1.36),
            (-0.215, 1.58),
        ]
    )


def back_of_head() -> Curve:
    """From the crown down the occiput to the nape and the back of the neck."""
    return curve(
        [
            (0.05, -0.255),
            (0.28, -0.215),
            (0.44, -0.09),
            (0.515, 0.1),
            (0.51, 0.32),
            (0.44, 0.54),
            (0.33, 0.71),
            (0.275, 0.86),
            (0.275, 1.1),
            (0.31, 1.35),
            (0.38, 1.58),
        ]
    )


def jaw() -> Curve:
    """The lower border of the mandible from the chin back to the angle and up the ramus below the ear."""
    return curve(
        [
            (-0.5, 0.975),
            (-0.38, 0.94),
            (-0.22, 0.905),
            (-0.11, 0.878),
            S["mandible_angle"],
            (-0.042, 0.79),
            (-0.025, 0.7),
        ]
    )


def ear_rim() -> Curve:
    """The helix from its root above the tragus, over the apex and round to the lobe."""
    return curve(
        [
            S["helix_root"],
            (0.005, 0.37),
            (0.04, 0.322),
            S["ear_apex"],
            (0.16, 0.32),
            (0.198, 0.38),
            (0.205, 0.46),
            (0.185, 0.54),
            (0.145, 0.61),
            (0.1, 0.656),
            S["earlobe_bottom"],
            (0.03, 0.655),
            (0.018, 0.62),
        ]
    )


def ear_folds() -> list[Curve]:
    """Inner rim of the helix, the antihelix and its crura, the crus of the helix and the antitragus."""
    return [
        curve([(0.03, 0.385), (0.06, 0.345), (0.11, 0.335), (0.16, 0.36), (0.18, 0.43), (0.172, 0.52), (0.13, 0.6)]),
        curve([(0.125, 0.585), (0.148, 0.52), (0.152, 0.46), (0.135, 0.4), (0.105, 0.365)]),
        curve([(0.135, 0.4), (0.09, 0.405), (0.05, 0.42)]),
        curve([S["helix_root"], (0.025, 0.445), (0.07, 0.455), (0.1, 0.47)]),
        curve([S["intertragic_notch"], (0.06, 0.57), (0.1, 0.585), (0.125, 0.585)]),
    ]


def tragus() -> Curve:
    """The tragus: a small flap in front of the ear hole, between its two notches."""
    return curve([S["supratragic_notch"], (-0.01, 0.495), S["ear_front"], (-0.005, 0.55), S["intertragic_notch"]])


def concha() -> Curve:
    """The hollow bowl of the ear, shaded."""
    return curve(
        [(0.02, 0.47), (0.07, 0.46), (0.12, 0.48), (0.135, 0.53), (0.11, 0.575), (0.05, 0.565), (0.015, 0.53)],
        closed=True,
    )


def hairline() -> Curve:
    """Front edge of the hair: forehead, temple, the sideburn in front of the ear, then round behind the ear."""
    return curve(
        [
            (-0.52, -0.02),
            (-0.42, 0.02),
            (-0.34, 0.06),
            S["temple_hairline"],
            (-0.24, 0.3),
            (-0.17, 0.41),
            S["sideburn"],
            (-0.085, 0.43),
            (-0.05, 0.38),
            (-0.01, 0.3),
            (0.08, 0.26),
            (0.2, 0.29),
            (0.245, 0.4),
            (0.25, 0.55),
            (0.3, 0.72),
        ]
    )


def hair_strands() -> list[Curve]:
    """A few strokes that give the hair its direction: back over the crown, down over the temple."""
    strands = []
    for k in range(7):
        t = k / 6
        start = (-0.5 + 0.55 * t, -0.05 + 0.08 * t)
        strands.append(curve([start, (start[0] + 0.2, start[1] - 0.1 - 0.05 * t), (start[0] + 0.45, start[1] - 0.1)]))
    for k in range(4):
        t = k / 3
        strands.append(curve([(-0.3 + 0.08 * t, 0.08 + 0.02 * t), (-0.2 + 0.06 * t, 0.2), (-0.12 + 0.05 * t, 0.35)]))
    return strands


def eye() -> tuple[Curve, Curve, Curve]:
    """Upper lid, lower lid and the curve of the cornea, seen from the side."""
    upper = curve([S["outer_canthus"], (-0.48, 0.405), (-0.525, 0.408), (-0.545, 0.425)])
    lower = curve([S["outer_canthus"], (-0.49, 0.44), (-0.53, 0.44), (-0.545, 0.428)])
    cornea = curve([(-0.525, 0.41), (-0.548, 0.426), (-0.528, 0.44)])
    return upper, lower, cornea


def brow() -> Curve:
    return curve(
        [(-0.585, 0.33), (-0.53, 0.31), (-0.47, 0.31), S["brow_lateral"], (-0.47, 0.325), (-0.55, 0.335)],
        closed=True,
    )


def brow_hairs() -> list[Curve]:
    return [curve([(-0.58 + 0.02 * k, 0.332), (-0.565 + 0.02 * k, 0.312 + 0.001 * k)]) for k in range(8)]


def nose_wing() -> tuple[Curve, Curve]:
    """The alar crease round the nostril wing, and the nostril under it."""
    wing = curve([(-0.6, 0.6), (-0.575, 0.61), (-0.57, 0.64), (-0.595, 0.656), (-0.62, 0.652)])
    nostril = curve([(-0.64, 0.652), (-0.615, 0.648), (-0.6, 0.656), (-0.63, 0.662)], closed=True)
    return wing, nostril


def lips() -> tuple[Curve, Curve, Curve]:
    """Upper and lower lip tones, and the mouth line back to the corner."""
    upper = curve(
        [(-0.606, 0.7), S["labrale_superius"], (-0.598, 0.772), S["mouth_corner"], (-0.56, 0.745)],
        closed=True,
    )
    lower = curve(
        [(-0.595, 0.785), S["labrale_inferius"], (-0.585, 0.845), (-0.545, 0.8), S["mouth_corner"]],
        closed=True,
    )
    mouth = curve([S["stomion"], (-0.56, 0.783), S["mouth_corner"]])
    return upper, lower, mouth


def face_details() -> list[Curve]:
    """Cheekbone and zygomatic arch, the nasolabial fold, the mentolabial groove, the condyle and the mastoid."""
    return [
        curve([(-0.43, 0.5), (-0.32, 0.49), (-0.2, 0.5), S["zygomatic_arch"], (-0.06, 0.502)]),
        curve([(-0.56, 0.64), (-0.545, 0.7), (-0.53, 0.76)]),
        curve([(-0.57, 0.86), (-0.55, 0.872), (-0.535, 0.9)]),
        curve([(-0.095, 0.515), S["condyle"], (-0.07, 0.56)]),
        curve([(0.1, 0.69), S["mastoid"], (0.165, 0.68)]),
    ]


def neck_details() -> list[Curve]:
    """The front border of the sternocleidomastoid from behind the ear to the collarbone, and the throat."""
    return [
        curve([(0.12, 0.72), S["scm_front"], (-0.07, 1.15), (-0.19, 1.55)]),
        curve([(0.2, 0.75), (0.16, 1.0), (0.06, 1.3), (-0.02, 1.55)]),
        curve([(-0.255, 1.24), (-0.22, 1.27), (-0.245, 1.3)]),
    ]


def shades() -> list[tuple[Curve, tuple[str, str, float], float]]:
    """Shading: under the jaw, the hollow below the arch, the temple, the eye socket and the ear's bowl."""
    return [
        (
            curve([(-0.5, 0.99), (-0.14, 0.89), (-0.04, 0.78), (0.0, 0.86), (-0.2, 1.05), (-0.4, 1.04)], True),
            SHADE,
            1.2,
        ),
        (curve([(-0.2, 0.52), (-0.09, 0.52), (-0.09, 0.6), (-0.2, 0.6)], True), SHADE_FAINT, 1.5),
        (curve([(-0.4, 0.2), (-0.28, 0.22), (-0.25, 0.4), (-0.38, 0.42)], True), SHADE_FAINT, 1.8),
        (curve([(-0.55, 0.37), (-0.46, 0.38), (-0.45, 0.44), (-0.53, 0.45)], True), SHADE_SOFT, 0.6),
        (curve([(-0.3, 0.55), (-0.16, 0.6), (-0.2, 0.75), (-0.35, 0.7)], True), SHADE_FAINT, 1.8),
    ]


def line_art() -> list[str]:
    """Every drawn element, back to front: tones first, then lines, finest last."""
    art: list[str] = []
    for shape, tone, softness in shades():
        art += soft_tone(shape, tone, softness, mirrored=False)
    art += soft_tone(concha(), SHADE, 0.5, mirrored=False)
    upper_lip, lower_lip, mouth = lips()
    art.append(tone_element(upper_lip, LIP_UPPER))
    art.append(tone_element(lower_lip, LIP_LOWER))
    art.append(path_element(profile(), OUTLINE))
    art.append(path_element(back_of_head(), OUTLINE))
    art.append(path_element(jaw(), FEATURE_LIGHT))
    art.append(path_element(ear_rim(), OUTLINE))
    art += [path_element(c, DETAIL) for c in (*ear_folds(), tragus())]
    art += [path_element(c, DETAIL) for c in neck_details()]
    art.append(path_element(hairline(), HAIR))
    art += [path_element(c, HAIR_FINE) for c in hair_strands()]
    art.append(tone_element(brow(), BROW_TONE))
    art += [path_element(c, BROW) for c in brow_hairs()]
    upper, lower, cornea = eye()
    art.append(path_element(cornea, IRIS, IRIS_FILL))
    art.append(tone_element(curve([(-0.47, 0.41), (-0.51, 0.403), (-0.54, 0.418), (-0.51, 0.408)], True), LASHES))
    art.append(path_element(upper, FEATURE))
    art.append(path_element(lower, LOWER_LID))
    wing, nostril = nose_wing()
    art.append(tone_element(nostril, NOSTRIL))
    art.append(path_element(wing, FEATURE_LIGHT))
    art.append(path_element(mouth, FEATURE))
    art += [path_element(c, CREASE if i else DETAIL) for i, c in enumerate(face_details())]
    return art


# ---------------------------------------------------------------------------
# Zones: the side zones that also exist in the front view, with their `_l` ids
# ---------------------------------------------------------------------------

# Each zone claims a polygon of (u, v) corners; claims are taken in order and
# a zone gets only what no earlier one took, clipped to the skin (head and
# neck, minus the ear), so zones never overlap.
# fmt: off
CLAIMS: tuple[tuple[str, tuple[Vec, ...]], ...] = (
    ("front_of_ear", ((-0.2, 0.4), (-0.06, 0.395), (0.03, 0.38), (0.03, 0.66), (-0.035, 0.67), (-0.2, 0.64))),
    ("temple", ((-0.44, 0.22), (-0.32, 0.13), (-0.18, 0.17), (-0.08, 0.26), (0.0, 0.33), (0.03, 0.38), (-0.06, 0.395),
                (-0.2, 0.4), (-0.34, 0.43), (-0.42, 0.4))),
    ("neck_side", ((-0.035, 0.67), (0.03, 0.64), (0.12, 0.66), (0.2, 0.64), (0.27, 0.72), (0.26, 1.45),
                   (-0.2, 1.45), (-0.22, 1.12), (-0.12, 1.0), (-0.03, 0.88), (-0.02, 0.78))),
    ("jawline", ((-0.2, 0.64), (-0.035, 0.67), (-0.02, 0.78), (-0.03, 0.88), (-0.12, 1.0), (-0.3, 1.1),
                 (-0.48, 1.04), (-0.46, 0.88), (-0.32, 0.72))),
)
# fmt: on


def silhouette() -> Polygon:
    """Inside the drawn head and neck, down to where the neck is cut off."""
    front = profile().sample(0.75)
    back = back_of_head().sample(0.75)
    return Polygon([*front, *reversed(back)]).buffer(0)


def ear_shape() -> Polygon:
    """The ear itself is no zone: its rim closed along its attachment."""
    return Polygon(ear_rim().sample(0.75)).buffer(0)


def zone_tiling() -> dict[str, Polygon]:
    skin: BaseGeometry = silhouette().difference(ear_shape())
    taken: BaseGeometry = Polygon()
    zones: dict[str, Polygon] = {}
    for kind, corners in CLAIMS:
        claim = Polygon([to_side(p) for p in corners])
        piece = single_polygon(kind, skin.intersection(claim).difference(taken))
        zones[kind] = piece
        taken = unary_union([taken, piece])
    return zones


def zone_ring(kind: str, shape: Polygon) -> list[Vec]:
    snapped = set_precision(shape, 0.01)
    if not isinstance(snapped, Polygon) or not snapped.is_valid or snapped.interiors:
        raise ValueError(f"zone {kind} does not survive rounding")
    return [(round(x, 2), round(y, 2)) for x, y in snapped.exterior.coords[:-1]]


def zone_elements() -> list[str]:
    return [f'<path id="{kind}_l" d="{ring_d(zone_ring(kind, shape))}"/>' for kind, shape in zone_tiling().items()]


def landmark_elements() -> list[str]:
    out = []
    for name, p in S.items():
        x, y = to_side(p)
        out.append(f'<circle id="{name}" cx="{fmt(x)}" cy="{fmt(y)}" r="0.8"/>')
    return out


def document() -> str:
    def group(attrs: str, items: Iterable[str]) -> list[str]:
        return [f"  <g {attrs}>", *(f"    {item}" for item in items), "  </g>"]

    lines = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}">',
        "  <title>Meridian Map face, side view</title>",
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
