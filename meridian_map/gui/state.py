"""What the window is showing, held once: views observe these signals, widgets write through the setters.

Every setter does nothing when the value is unchanged, so a control that
mirrors the state (with its own signals blocked) and a view that follows it
can never start a loop, and a save is scheduled only for real changes.
`to_settings` and `restore` are the one place the saved form is written and
checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from ..core.catalog import Catalog
from ..core.model import DEFAULT_LANGUAGE, Side
from ..core.target import ChannelTarget, ConcernTarget, PointTarget, ZoneTarget, point_target, resolve
from ..core.text.languages import LANGUAGES
from .map.looks import LAYER_ORDER, LabelMode, Layer
from .theme import ThemeChoice

if TYPE_CHECKING:
    from ..core.session.screening import LeftOut, ScreenedRoutine

DEFAULT_HIDDEN_LAYERS = frozenset({Layer.LABELS, Layer.OTHER_CHANNELS})
LABEL_SIZES = (75, 100, 125, 150, 200)  # point labels, in % of their size at the system font
MESSAGE_MS = 5000
BOTH_SIDES = "both"
LABEL_SIDES = (BOTH_SIDES, str(Side.R), str(Side.L))


EXPLORE = "explore"  # the mode: the screen the window shows (see pages.py for the others)


@dataclass(frozen=True)
class Selection:
    """A zone side, a point copy with the zone side it lies in ("" when that side has no area), or a channel."""

    area: str = ""
    point: str = ""
    zone: str = ""  # the zone id, for lists that show zones rather than sides
    channel: str = ""  # a channel's code: the channel explorer

    @property
    def key(self) -> str:
        """What is saved and what a person would type to get it back."""
        return self.point or self.area or self.channel


NOTHING = Selection()


@dataclass(frozen=True)
class Hover:
    """What is under the pointer or the keyboard focus; shown in the status bar only."""

    area: str = ""
    point: str = ""


class MapState(QObject):
    selection_changed = Signal(Selection)
    reselected = Signal(Selection)  # chosen again: the map replays its stroke animation
    hover_changed = Signal(Hover)
    concern_changed = Signal(str)  # concern id, "" for none
    note_changed = Signal(str)  # the take-home sheet's note
    layer_changed = Signal(Layer, bool)
    label_mode_changed = Signal(LabelMode)
    label_size_changed = Signal(int)
    label_side_changed = Signal(str)  # "both", "R" or "L": which copies of the points carry labels
    guide_changed = Signal(bool)  # the "how it is found" overlay for the selected point
    focus_changed = Signal(bool)  # Yang Ming focus
    animation_changed = Signal(bool)
    language_changed = Signal(str)  # en, zh or bilingual (gui/language.py)
    theme_changed = Signal(str)
    mode_changed = Signal(str)
    excluded_changed = Signal(frozenset)  # zone ids screened out
    school_changed = Signal(str)  # the technique school whose strokes every view shows
    routine_changed = Signal(object)  # the ScreenedRoutine being prepared or presented, or None
    side_view_changed = Signal(bool)  # the side view inset in the map's corner
    message = Signal(str, int)  # text for the status bar, and for how many ms

    def __init__(self, catalog: Catalog, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.base_catalog = catalog
        self.catalog = catalog  # as the chosen school works the zones: what views read strokes and wording from
        self.school = catalog.current_school
        self.selection = NOTHING
        self.hover = Hover()
        self.concern = ""
        self.note = ""
        self.layers = {layer: layer not in DEFAULT_HIDDEN_LAYERS for layer in Layer}
        self.label_mode = LabelMode.CODE
        self.label_size = 100
        self.label_side = BOTH_SIDES
        self.guide = True
        self.focus = False
        self.animate = True
        self.language = DEFAULT_LANGUAGE
        self.theme: str = ThemeChoice.SYSTEM
        self.mode = EXPLORE
        self.excluded: frozenset[str] = frozenset()
        self.routine: ScreenedRoutine | None = None
        self.side_view = False

    # selection --------------------------------------------------------------------

    def select(self, selection: Selection) -> None:
        if selection != self.selection:
            self.selection = selection
            self.selection_changed.emit(selection)
        else:
            self.reselected.emit(selection)

    def select_area(self, area_key: str) -> None:
        self.select(Selection(area=area_key, zone=self.catalog.areas[area_key].zone))

    def select_point(self, key: str) -> None:
        placed = self.catalog.point(key)
        area = f"{placed.info.zone}_{(placed.side or Side.R).lower()}"
        self.select(Selection(area=area if area in self.catalog.areas else "", point=key, zone=placed.info.zone))

    def select_point_code(self, code: str) -> None:
        """The copy that carries a label: the chosen label side, else the subject's left, where labels read first."""
        info = self.catalog.point_info(code) if code in {p.code for p in self.catalog.content.points} else None
        if info is not None and info.bilateral:
            side = self.label_side if self.label_side in (Side.R, Side.L) else Side.L
            self.select_point(f"{code}.{side}")
            return
        target = point_target(self.catalog, code)
        if target is not None:
            self.select_point(target.key)

    def select_channel(self, code: str) -> None:
        if code in self.catalog.channels:
            self.select(Selection(channel=code))

    def clear_selection(self) -> None:
        self.select(NOTHING)

    def select_text(self, text: str) -> bool:
        """Select what a typed or saved name points at (core/target.py): a zone side, a point copy or a concern."""
        target = resolve(self.catalog, text)
        if isinstance(target, ZoneTarget):
            self.select_area(target.area)
        elif isinstance(target, PointTarget):
            self.select_point(target.key)
        elif isinstance(target, ConcernTarget):
            self.set_concern(target.id)
        elif isinstance(target, ChannelTarget):
            self.select_channel(target.code)
        return target is not None

    # the rest ---------------------------------------------------------------------

    def set_hover(self, hover: Hover) -> None:
        if hover != self.hover:
            self.hover = hover
            self.hover_changed.emit(hover)

    def set_concern(self, concern: str) -> None:
        """An unknown concern (a stale link or setting) is no concern."""
        concern = concern if concern in self.catalog.concerns else ""
        if concern != self.concern:
            self.concern = concern
            self.concern_changed.emit(concern)

    def set_note(self, note: str) -> None:
        if note != self.note:
            self.note = note
            self.note_changed.emit(note)

    def set_layer(self, layer: Layer, visible: bool) -> None:
        if visible != self.layers[layer]:
            self.layers[layer] = visible
            self.layer_changed.emit(layer, visible)

    def set_label_mode(self, mode: LabelMode) -> None:
        if mode != self.label_mode:
            self.label_mode = mode
            self.label_mode_changed.emit(mode)

    def set_label_size(self, size: int) -> None:
        if size != self.label_size:
            self.label_size = size
            self.label_size_changed.emit(size)

    def set_label_side(self, side: str) -> None:
        if side in LABEL_SIDES and side != self.label_side:
            self.label_side = side
            self.label_side_changed.emit(side)

    def set_guide(self, shown: bool) -> None:
        if shown != self.guide:
            self.guide = shown
            self.guide_changed.emit(shown)

    def set_focus(self, focus: bool) -> None:
        if focus != self.focus:
            self.focus = focus
            self.focus_changed.emit(focus)

    def set_animate(self, animate: bool) -> None:
        if animate != self.animate:
            self.animate = animate
            self.animation_changed.emit(animate)

    def set_language(self, language: str) -> None:
        if language != self.language:
            self.language = language
            self.language_changed.emit(language)

    def set_theme(self, theme: str) -> None:
        if theme != self.theme:
            self.theme = theme
            self.theme_changed.emit(theme)

    def set_mode(self, mode: str) -> None:
        if mode != self.mode:
            self.mode = mode
            self.mode_changed.emit(mode)

    def set_excluded(self, zones: frozenset[str]) -> None:
        if zones != self.excluded:
            self.excluded = zones
            self.excluded_changed.emit(zones)

    def set_side_view(self, shown: bool) -> None:
        if shown != self.side_view:
            self.side_view = shown
            self.side_view_changed.emit(shown)

    def set_school(self, school: str) -> None:
        """An unknown school (a stale setting, a pack since removed) is the content's default."""
        school = school if school in self.base_catalog.schools else self.base_catalog.default_school
        if school != self.school:
            self.school = school
            self.catalog = self.base_catalog.with_school(school)
            self.school_changed.emit(school)

    def set_routine(self, routine: ScreenedRoutine | None) -> None:
        """The consult routine (after screening): its left-out zones become the excluded ones."""
        if routine != self.routine:
            self.routine = routine
            self.routine_changed.emit(routine)
        self.set_excluded(frozenset() if routine is None else frozenset(left.zone for left in routine.left_out))

    def left_out(self, zone: str) -> LeftOut | None:
        """Why the consult routine leaves `zone` out today, if it does: for the hover text and the panel."""
        if self.routine is None:
            return None
        return next((out for out in self.routine.left_out if out.zone == zone), None)

    def left_out_text(self, zone: str, lang: str) -> str:
        """The reasons `zone` is left out today, joined, with the first day it may be worked; "" if it is not."""
        out = self.left_out(zone)
        if out is None:
            return ""
        text = "; ".join(reason.get(lang) for reason in out.reasons)
        return f"{text} (until {out.until.isoformat()})" if out.until is not None else text

    def say(self, text: str, ms: int = MESSAGE_MS) -> None:
        """A message for whoever shows them (the status bar), without reaching for it."""
        self.message.emit(text, ms)

    # settings ---------------------------------------------------------------------

    def to_settings(self) -> dict[str, Any]:
        """The saved form: plain values, each checked on the way back in (see `restore`)."""
        return {
            "layers": {str(layer): self.layers[layer] for layer in LAYER_ORDER},
            "label_mode": str(self.label_mode),
            "label_size": self.label_size,
            "theme": self.theme,
            "label_side": self.label_side,
            "how_found": self.guide,
            "yang_ming_focus": self.focus,
            "animate": self.animate,
            "selection": self.selection.key,
            "language": self.language,
            "school": self.school,
            "side_view": self.side_view,
        }

    def restore(self, saved: dict[str, Any]) -> None:
        """Apply saved values; anything missing, stale or of the wrong type is skipped and keeps its default."""
        layers = saved.get("layers")
        if isinstance(layers, dict):
            for layer in LAYER_ORDER:
                if isinstance(value := layers.get(str(layer)), bool):
                    self.set_layer(layer, value)
        if (mode := saved.get("label_mode")) in [str(m) for m in LabelMode]:
            self.set_label_mode(LabelMode(mode))
        if (size := saved.get("label_size")) in LABEL_SIZES and not isinstance(size, bool):
            self.set_label_size(int(size))
        if (theme := saved.get("theme")) in [str(choice) for choice in ThemeChoice]:
            self.set_theme(str(theme))
        if saved.get("label_side") in LABEL_SIDES:
            self.set_label_side(saved["label_side"])
        if isinstance(saved.get("how_found"), bool):
            self.set_guide(saved["how_found"])
        if isinstance(saved.get("yang_ming_focus"), bool):
            self.set_focus(saved["yang_ming_focus"])
        if isinstance(saved.get("animate"), bool):
            self.set_animate(saved["animate"])
        if saved.get("language") in LANGUAGES:
            self.set_language(saved["language"])
        if isinstance(saved.get("side_view"), bool):
            self.set_side_view(saved["side_view"])
        if isinstance(school := saved.get("school"), str):
            self.set_school(school)
        if isinstance(selection := saved.get("selection"), str) and selection:
            self.select_text(selection)
