"""The side (lateral) view: its drawing, the zones it shows and the points placed on it.

The profile shows the subject's left side, so its zone outlines are the
`_l` zones of the front view under the same keys and its points are the
`.L` copies: selecting either view's zone or point selects the same thing.
Points carry their side position in content (`side_at`) in the side
frame: `u` the distance behind the centre of the tragus and `v` the front
frame's height (0 at the hairline, 1 at the chin), both in face heights.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .model import Face, FaceFrame, PlacedPoint, Side, Vec, ZoneArea

SIDE = Side.L  # the side of the subject the profile shows
# Landmarks the frame is anchored on: the hairline and the chin for height, the tragus for depth.
FRAME_LANDMARKS = ("trichion", "chin", "tragus")


@dataclass(frozen=True)
class SideView:
    """The side drawing joined with the catalog's zones and points."""

    face: Face
    frame: FaceFrame
    areas: Mapping[str, ZoneArea]  # area key (`temple_l`) → its outline in the side drawing
    points: tuple[PlacedPoint, ...]  # the `.L` copies that have a side position, placed on the drawing

    def point(self, key: str) -> PlacedPoint | None:
        return next((p for p in self.points if p.key == key), None)

    def pos_of(self, key: str) -> Vec:
        """Where the point `key` is drawn; KeyError for a point the side view does not place."""
        point = self.point(key)
        if point is None:
            raise KeyError(key)
        return point.pos

    def norm(self, p: Vec) -> Vec:
        """Drawing units → the side frame `(u, v)`."""
        return self.frame.to_norm(p)
