"""Which visible controls of the window are smaller than their size hints say they need: clipped text.

Run as `python -m tests.clipping` it builds the window in a fresh process,
so QT_SCALE_FACTOR (read once, when Qt starts) can be set for it, and prints
one line per clipped control, nothing when none is.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenuBar,
    QWidget,
)

from meridian_map.gui.mainwindow import MainWindow

CONTROLS = (QAbstractButton, QComboBox, QLabel, QLineEdit, QGroupBox, QMenuBar)


def clipped(window: MainWindow) -> list[str]:
    """Controls narrower or lower than their minimum size hint (a wrapping label: lower than its height for width)."""
    found = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisibleTo(window):
            continue
        hint = widget.minimumSizeHint()
        size = widget.size()
        need_height = hint.height()
        if isinstance(widget, QLabel) and widget.wordWrap() and widget.text():
            need_height = widget.heightForWidth(size.width())
        elif not (isinstance(widget, QLabel) and widget.wordWrap()) and size.width() < hint.width():
            found.append(f"{describe(widget)}: {size.width()} wide, needs {hint.width()}")
        if size.height() < need_height:
            found.append(f"{describe(widget)}: {size.height()} high, needs {need_height}")
    return found


def describe(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    shown = text() if callable(text) else getattr(widget, "title", lambda: "")()
    return f"{type(widget).__name__} {widget.accessibleName() or shown!r}"


def main() -> int:
    from meridian_map.core.load import load_catalog

    app = QApplication(sys.argv[:1])
    window = MainWindow(load_catalog())
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    for line in clipped(window):
        print(line)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
