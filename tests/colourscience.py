"""Colour measures for the theme tests: WCAG contrast, simulated colour-vision deficiency, CIEDE2000.

Plain arithmetic on "#rrggbb" strings, so the theme data is checked exactly
as written, without Qt's rounding in between.
"""

from __future__ import annotations

from math import atan2, cos, degrees, exp, hypot, radians, sin, sqrt

RGB = tuple[float, float, float]
Lab = tuple[float, float, float]

# Machado, Oliveira & Fernandes (2009), "A Physiologically-based Model for
# Simulation of Color Vision Deficiency", severity 1.0; they act on linear RGB.
MACHADO = {
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}
VISIONS = ("normal", *MACHADO)


def parse(colour: str) -> RGB:
    """ "#rrggbb" as sRGB components in 0..1."""
    text = colour.lstrip("#")
    if len(text) != 6:
        raise ValueError(f"not #rrggbb: {colour!r}")
    return (int(text[0:2], 16) / 255, int(text[2:4], 16) / 255, int(text[4:6], 16) / 255)


def _linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _gamma(c: float) -> float:
    c = min(max(c, 0.0), 1.0)
    return 12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055


def linear(colour: str) -> RGB:
    r, g, b = parse(colour)
    return (_linear(r), _linear(g), _linear(b))


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance."""
    r, g, b = linear(colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio, 1..21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def blend(colour: str, alpha: float, base: str) -> str:
    """`colour` at `alpha` over `base`, in sRGB as Qt composes it."""
    top, under = parse(colour), parse(base)
    mixed = (round((t * alpha + u * (1 - alpha)) * 255) for t, u in zip(top, under, strict=True))
    return "#" + "".join(f"{c:02x}" for c in mixed)


def simulate(colour: str, vision: str) -> str:
    """How `colour` looks with `vision` (Machado 2009), as sRGB."""
    if vision == "normal":
        return colour
    rgb = linear(colour)
    matrix = MACHADO[vision]
    out = [_gamma(sum(m * c for m, c in zip(row, rgb, strict=True))) for row in matrix]
    return "#" + "".join(f"{round(c * 255):02x}" for c in out)


def lab(colour: str) -> Lab:
    """CIELAB (D65) of an sRGB colour."""
    r, g, b = linear(colour)
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    fx, fy, fz = f(x), f(y), f(z)
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))


def ciede2000(one: str, two: str) -> float:
    """CIEDE2000 difference of two sRGB colours."""
    return delta_e_2000(lab(one), lab(two))


def delta_e_2000(one: Lab, two: Lab) -> float:
    """CIEDE2000 colour difference (Sharma, Wu & Dalal 2005), kL = kC = kH = 1."""
    l1, a1, b1 = one
    l2, a2, b2 = two
    c_bar = (hypot(a1, b1) + hypot(a2, b2)) / 2
    g = 0.5 * (1 - sqrt(c_bar**7 / (c_bar**7 + 25**7)))
    a1p, a2p = a1 * (1 + g), a2 * (1 + g)
    c1p, c2p = hypot(a1p, b1), hypot(a2p, b2)
    h1p = degrees(atan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = degrees(atan2(b2, a2p)) % 360 if c2p else 0.0
    dl = l2 - l1
    dc = c2p - c1p
    if c1p * c2p == 0:
        dh = 0.0
    elif abs(h2p - h1p) <= 180:
        dh = h2p - h1p
    else:
        dh = h2p - h1p - 360 if h2p > h1p else h2p - h1p + 360
    dhh = 2 * sqrt(c1p * c2p) * sin(radians(dh / 2))
    l_bar = (l1 + l2) / 2
    cp_bar = (c1p + c2p) / 2
    if c1p * c2p == 0:
        hp_bar = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        hp_bar = (h1p + h2p) / 2
    else:
        hp_bar = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    t = (
        1
        - 0.17 * cos(radians(hp_bar - 30))
        + 0.24 * cos(radians(2 * hp_bar))
        + 0.32 * cos(radians(3 * hp_bar + 6))
        - 0.20 * cos(radians(4 * hp_bar - 63))
    )
    d_theta = 30 * exp(-(((hp_bar - 275) / 25) ** 2))
    rc = 2 * sqrt(cp_bar**7 / (cp_bar**7 + 25**7))
    sl = 1 + 0.015 * (l_bar - 50) ** 2 / sqrt(20 + (l_bar - 50) ** 2)
    sc = 1 + 0.045 * cp_bar
    sh = 1 + 0.015 * cp_bar * t
    rt = -sin(radians(2 * d_theta)) * rc
    return sqrt((dl / sl) ** 2 + (dc / sc) ** 2 + (dhh / sh) ** 2 + rt * (dc / sc) * (dhh / sh))
