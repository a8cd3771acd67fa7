"""Zones told apart by hatching as well as tint, so a grey-scale copy still reads.

A hatch is a pen and a path of lines clipped to the zone; the PDF keeps a
dashed or dotted line as one line with a dash pattern.
"""

from __future__ import annotations

from math import cos, hypot, radians, sin

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from ...core.output.sheet import Hatch, ZoneMark
from ..theme import ZONE_TINTS

HATCH_SPACING_PT = 3.2
HATCH_WIDTH_PT = 0.35
HATCH_STRENGTH = 0.65
DASH_PT = 1.8
DASH_GAP_PT = 1.1
DOT_PT = 1.0
DOT_LENGTH_PT = 0.01  # a dot is a dash this long with round caps
ZONE_FILL_ALPHA = 0.12


def tint(mark: ZoneMark) -> QColor:
    return QColor(ZONE_TINTS[mark.palette % len(ZONE_TINTS)])


def fill_zone(painter: QPainter, path: QPainterPath, hatch: Hatch, colour: QColor, unit: float) -> None:
    """A pale tint plus a hatch; `unit` is points per path unit, so density stays even.

    Both are drawn inside the zone as a clip, the tint as a rectangle, so the
    outline is written once rather than once to fill and again to clip.
    """
    fill = QColor(colour)
    fill.setAlphaF(ZONE_FILL_ALPHA)
    bounds = path.boundingRect()
    painter.save()
    painter.setClipPath(path, Qt.ClipOperation.IntersectClip)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(fill)
    painter.drawRect(bounds)
    painter.setPen(hatch_pen(colour, hatch, unit))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(hatch_path(bounds, hatch, unit))
    painter.restore()


def hatch_ink(colour: QColor) -> QColor:
    """The tint darkened, softened towards white but opaque.

    A PDF writer turns every translucent line into a filled outline, so the
    softening is mixed in here instead of left to alpha.
    """
    ink = QColor(colour).darker(150)
    parts = (ink.redF(), ink.greenF(), ink.blueF())
    red, green, blue = (part * HATCH_STRENGTH + 1.0 - HATCH_STRENGTH for part in parts)
    return QColor.fromRgbF(red, green, blue)


def hatch_pen(colour: QColor, hatch: Hatch, unit: float) -> QPen:
    """The pen a hatch is drawn with; dashes and dots are its dash pattern.

    An opaque pen's dash pattern goes into the PDF as such, so a dashed line
    is written once instead of dash by dash, and a row of dots is a line of
    very short dashes with round caps. Qt counts dashes in pen widths.
    """
    width = (DOT_PT if hatch.dots else HATCH_WIDTH_PT) / unit
    pen = QPen(hatch_ink(colour), width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap if hatch.dots else Qt.PenCapStyle.FlatCap)
    if hatch.dots:
        pen.setDashPattern([DOT_LENGTH_PT / DOT_PT, (HATCH_SPACING_PT - DOT_LENGTH_PT) / DOT_PT])
    elif hatch.dashed:
        pen.setDashPattern([DASH_PT / HATCH_WIDTH_PT, DASH_GAP_PT / HATCH_WIDTH_PT])
    return pen


def hatch_path(bounds: QRectF, hatch: Hatch, unit: float) -> QPainterPath:
    """The lines of a hatch over `bounds`, to be clipped to a zone and drawn with `hatch_pen`.

    Each line runs only across `bounds` and a spacing around them: the clip
    would hide the rest, written and compressed for nothing. A dashed line
    starts a whole number of dashes before it enters, so its dashes stay
    where they fall on the full line; alternate lines are set half a dash
    along, and alternate rows of dots half a spacing.
    """
    spacing = HATCH_SPACING_PT / unit
    lines = QPainterPath()
    if hatch.dots:
        last = bounds.right() + spacing
        row, y = 0, bounds.top()
        while y <= bounds.bottom() + spacing:
            first = bounds.left() + (spacing / 2 if row % 2 else 0.0)
            lines.moveTo(first, y)
            lines.lineTo(first + (last - first) // spacing * spacing + DOT_LENGTH_PT / unit, y)
            y += spacing * 0.87
            row += 1
        return lines
    centre = bounds.center()
    reach = hypot(bounds.width(), bounds.height()) / 2 + spacing
    near = bounds.adjusted(-spacing, -spacing, spacing, spacing)
    dash, period = DASH_PT / unit, (DASH_PT + DASH_GAP_PT) / unit
    for angle in (hatch.angle, hatch.angle + 90) if hatch.cross else (hatch.angle,):
        ux, uy = cos(radians(angle)), -sin(radians(angle))
        nx, ny = -uy, ux
        step = spacing * (1.4 if hatch.cross else 1.0)
        offset = -reach
        while offset <= reach:
            cx, cy = centre.x() + nx * offset, centre.y() + ny * offset
            start = -reach + (dash / 2 if hatch.dashed and round(offset / step) % 2 else 0.0)
            inside = crossing(cx, cy, ux, uy, start, reach, near)
            if inside is not None:
                enter, leave = inside
                if hatch.dashed:
                    enter = start + (enter - start) // period * period
                lines.moveTo(cx + ux * enter, cy + uy * enter)
                lines.lineTo(cx + ux * leave, cy + uy * leave)
            offset += step
    return lines


def crossing(
    x: float, y: float, ux: float, uy: float, start: float, end: float, rect: QRectF
) -> tuple[float, float] | None:
    """Where the line (x, y) + t (ux, uy), start <= t <= end, runs inside `rect` (Liang–Barsky), if it does."""
    for p, q in (
        (-ux, x - rect.left()),
        (ux, rect.right() - x),
        (-uy, y - rect.top()),
        (uy, rect.bottom() - y),
    ):
        if abs(p) < 1e-12:
            if q < 0:
                return None
        elif p < 0:
            start = max(start, q / p)
        else:
            end = min(end, q / p)
    return (start, end) if start < end else None
