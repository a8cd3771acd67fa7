"""How big the map's symbols are drawn at a given window size and zoom.

Symbols are what marks something on the face rather than being the face:
channel lines and their direction chevrons, the zone stroke lines and their
arrow heads, point markers and point labels. The face's own art (outline,
ears, brows) and the zone tints scale with the zoom like a picture; symbols
follow one rule instead, so that they keep the proportions between them:

    on screen = size at the reference window x window factor x zoom growth

- The reference window is 1280 x 800 with the face fitted (`REFERENCE_SCALE`
  screen pixels per face unit). There every symbol is drawn as it always has:
  a Stomach line about 2 px wide, a point marker about 8 px across.
- The window factor is the fitted scale over the reference one: fitted in a
  4K window the face and all its symbols are simply bigger, in proportion.
- The zoom growth is the square root of the zoom, capped at 2x
  (`MAX_GROWTH`): zoomed in, the face grows faster than its symbols. At
  300 % a line is 1.73x its width at 100 %, from 400 % on (600 % would be
  2.45x) it stays at 2x, and markers and labels grow by the same factor;
  zoomed out to 50 % they shrink to 0.71x.
- Markers and labels never go below their size at the reference window
  (`marks` is at least 1), so a point stays easy to see and to hit and a
  label stays at the chosen label size in a small window; lines thin there,
  as the face does.

Lines are drawn in face units (the view's scale applies to them), so they
take `lines`, the growth over the zoom; markers and labels are drawn in
screen pixels, so they take `marks`. Hit testing reaches as far as `marks`
says, so a bigger marker is easier to hit.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import sqrt

REFERENCE_SCALE = 2.0  # screen px per face unit: the face fitted in a 1280 x 800 window is 1.89 to 1.98
MAX_GROWTH = 2.0


def zoom_growth(zoom: float) -> float:
    """How much symbols grow on screen at a zoom (1.0 = face fitted), beyond what the window gives them."""
    return min(sqrt(max(zoom, 1e-6)), MAX_GROWTH)


@dataclass(frozen=True)
class SymbolScale:
    """The view a scene's symbols are drawn for: its scale with the face fitted, and its zoom."""

    fitted: float = REFERENCE_SCALE  # screen px per face unit at zoom 1
    zoom: float = 1.0

    @property
    def lines(self) -> float:
        """Multiplies widths and sizes given in face units (lines, chevrons, arrow heads)."""
        return zoom_growth(self.zoom) / self.zoom

    @property
    def marks(self) -> float:
        """Multiplies sizes given in screen pixels (markers, labels, pick distances); never below 1."""
        return max(1.0, self.fitted / REFERENCE_SCALE * zoom_growth(self.zoom))
