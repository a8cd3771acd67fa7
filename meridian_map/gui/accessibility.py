"""What each control of the window is for, told to screen readers: one place for every description.

Names say what a control is ("Skin concern"), descriptions what it does;
tests/test_accessibility.py walks every widget and holds each to having
both. The map's zones and points are described as they get focus (map/view.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from .map.looks import Layer

if TYPE_CHECKING:
    from .mainwindow import MainWindow


LAYER_DESCRIPTIONS = {
    Layer.ZONES: QT_TRANSLATE_NOOP("Accessibility", "Shows the tinted zones of the face."),
    Layer.CHANNELS: QT_TRANSLATE_NOOP(
        "Accessibility", "Shows the Stomach and Large Intestine channels: Stomach solid, Large Intestine dashed."
    ),
    Layer.OTHER_CHANNELS: QT_TRANSLATE_NOOP(
        "Accessibility", "Shows the other channels of the face, each with its own dashes."
    ),
    Layer.STROKES: QT_TRANSLATE_NOOP("Accessibility", "Shows which way each zone is stroked."),
    Layer.POINTS: QT_TRANSLATE_NOOP("Accessibility", "Shows the acupuncture points."),
    Layer.LABELS: QT_TRANSLATE_NOOP("Accessibility", "Shows the points' codes, pinyin or hanzi next to them."),
}


def describe(window: MainWindow) -> None:
    sidebar = window.sidebar
    entries: list[tuple[QWidget, str, str]] = [
        (
            window.search,
            "",
            QCoreApplication.translate(
                "Accessibility", "Type a point code, pinyin, hanzi, zone or concern; Enter selects the first match."
            ),
        ),
        (
            sidebar.concern_box,
            "",
            QCoreApplication.translate(
                "Accessibility", "Lights up the zones of the routine for a skin concern and lists them in order."
            ),
        ),
        (
            sidebar.zone_list,
            "",
            QCoreApplication.translate("Accessibility", "Select a zone to show how it is worked."),
        ),
        (
            sidebar.note_edit,
            "",
            QCoreApplication.translate("Accessibility", "Printed on the take-home sheet for the chosen concern."),
        ),
        (
            sidebar.label_mode,
            "",
            QCoreApplication.translate("Accessibility", "What the point labels show: codes, pinyin or hanzi."),
        ),
        (
            sidebar.label_side,
            "",
            QCoreApplication.translate(
                "Accessibility", "Which copies of the points carry labels: both sides, or one side only."
            ),
        ),
        (
            sidebar.how_found,
            "",
            QCoreApplication.translate(
                "Accessibility", "Draws the landmarks and measurements from which the selected point is found."
            ),
        ),
        (
            sidebar.label_size,
            "",
            QCoreApplication.translate("Accessibility", "How large the point labels are drawn."),
        ),
        (
            sidebar.yang_ming,
            QCoreApplication.translate("Accessibility", "Yang Ming focus"),
            QCoreApplication.translate(
                "Accessibility", "Dims everything but the Stomach and Large Intestine channels."
            ),
        ),
        (
            sidebar.animate,
            QCoreApplication.translate("Accessibility", "Animate strokes"),
            QCoreApplication.translate("Accessibility", "Moves a dot along the selected zone's strokes."),
        ),
        (
            window.panel,
            "",
            QCoreApplication.translate(
                "Accessibility", "How the selected zone is worked, or where the selected point lies, with its cautions."
            ),
        ),
        (
            window.hover_label,
            "",
            QCoreApplication.translate(
                "Accessibility", "Names the zone or point under the pointer or with keyboard focus."
            ),
        ),
        (
            window.zoom_label,
            QCoreApplication.translate("Accessibility", "Zoom"),
            QCoreApplication.translate("Accessibility", "How far the map is zoomed in; 100 % fits the whole face."),
        ),
        (
            window.sidebar_area,
            QCoreApplication.translate("Accessibility", "Controls"),
            QCoreApplication.translate(
                "Accessibility",
                "Concerns, layers, label settings and the technique school; scrolls when they do not fit.",
            ),
        ),
        (
            window.splitter,
            QCoreApplication.translate("Accessibility", "Main area"),
            QCoreApplication.translate("Accessibility", "The controls, the map and the details side by side."),
        ),
    ]
    for layer, box in sidebar.layer_boxes.items():
        entries.append((box, "", QCoreApplication.translate("Accessibility", str(LAYER_DESCRIPTIONS[layer]))))
    for widget, name, description in entries:
        if name:
            widget.setAccessibleName(name)
        widget.setAccessibleDescription(description)
