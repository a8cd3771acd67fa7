"""What a press, a move and a release on the map mean: one tool installed on the view at a time.

The view keeps zoom, pan and keyboard focus and hands every other pointer
event to its tool, in face units, so the same canvas can explore the map
today and run a locate quiz or a consult routine later by installing another
tool rather than growing flags.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QKeyEvent

from ...core.model import ZoneArea
from .looks import Layer

if TYPE_CHECKING:
    from .view import MapView

POINT_PICK_PX = 7.0
CHANNEL_PICK_PX = 3.0


@dataclass(frozen=True)
class MapEvent:
    """A pointer event: where on the face (face units), and where on screen (for pixel tolerances)."""

    face: QPointF
    screen: QPointF


class Tool:
    """Does nothing; subclasses handle what they need. Installed with `MapView.set_tool`.

    A tool whose `pans` is False gets a left drag as press, moves and
    release (a stroke drawn on the face) instead of the view panning.
    """

    pans = True

    def __init__(self, view: MapView) -> None:
        self.view = view
        self.scene = view.map_scene
        self.state = view.state

    def press(self, event: MapEvent) -> None:
        """A left press: the view has not yet decided whether it starts a pan."""

    def move(self, event: MapEvent) -> None:
        """The pointer moved, no pan under way (a button may be held down when the tool does not pan)."""

    def release(self, event: MapEvent) -> None:
        """A left release that ended a click, not a pan (or any drag, when the tool does not pan)."""

    def leave(self) -> None:
        """The pointer left the map."""

    def key(self, event: QKeyEvent) -> bool:
        """A key pressed on the map; True when the tool used it (a quiz answered by keyboard)."""
        return False

    def end(self) -> None:
        """Another tool is taking over: undo anything this one shows."""
        self.leave()

    # finding things, shared by every tool ------------------------------------

    def point_at(self, event: MapEvent) -> str:
        """The nearest visible point within a few screen pixels, more as markers grow with the zoom; else ""."""
        if not self.scene.layers[Layer.POINTS][0].isVisible():
            return ""
        best, best_distance = "", POINT_PICK_PX * self.scene.symbols.marks  # as far as the markers grew
        transform = self.view.viewportTransform()
        for key, item in self.scene.point_items.items():
            if item.opacity() < 0.5:
                continue
            mapped = transform.map(item.pos())
            distance = math.hypot(mapped.x() - event.screen.x(), mapped.y() - event.screen.y())
            if distance < best_distance:
                best, best_distance = key, distance
        return best

    def channel_at(self, event: MapEvent) -> str:
        """The channel whose line is within a few screen pixels: a click on a line explores its channel."""
        reach = CHANNEL_PICK_PX * self.scene.symbols.marks
        return self.scene.channel_at(event.face, reach / max(self.view.transform().m11(), 1e-6))

    def area_at(self, event: MapEvent) -> ZoneArea | None:
        """Through the core's zone index: the very outlines the scene draws."""
        return self.scene.catalog.hit(event.face.x(), event.face.y())


class ExploreTool(Tool):
    """Hover shows what is under the pointer; a click selects a point, a channel's line, a zone, or clears."""

    def move(self, event: MapEvent) -> None:
        point = self.point_at(event)
        area = self.area_at(event)
        zone = "" if area is None else area.key
        self.view.show_hover(zone, point)
        self.view.setCursor(Qt.CursorShape.PointingHandCursor if point or zone else Qt.CursorShape.ArrowCursor)

    def leave(self) -> None:
        self.view.show_hover("", "")

    def release(self, event: MapEvent) -> None:
        point = self.point_at(event)
        if point:
            self.state.select_point(point)
            return
        channel = self.channel_at(event)
        if channel:
            self.state.select_channel(channel)
            return
        area = self.area_at(event)
        if area is not None:
            self.view.focus_on(area.key)
            self.state.select_area(area.key)
        else:
            self.state.clear_selection()
