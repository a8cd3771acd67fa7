"""The floor for a real window: what any PySide6 window shaped like ours costs.

No app code and no content: a main window with menus and a status bar, a
splitter holding a list and two combo boxes, a graphics view of 150
antialiased, filled and outlined paths (the map has about as many shapes),
and a text browser with a few paragraphs. It is painted once (layout, then
the grab, as `meridian-map --screenshot` does) and saved as PNG at the same
quality. The bare window shows what Qt itself costs; this shows what a
window of this shape costs before any of the app's own work.
"""

import math
import sys

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGraphicsScene,
    QGraphicsView,
    QListWidget,
    QMainWindow,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

PATHS, VERTICES = 150, 40

app = QApplication(sys.argv[:1])
window = QMainWindow()
for title in ("&File", "&View", "&Help"):
    window.menuBar().addMenu(title).addAction("Action")
window.statusBar().showMessage("Ready")

scene = QGraphicsScene()
for i in range(PATHS):
    path = QPainterPath()
    for k in range(VERTICES):
        angle = 2 * math.pi * k / VERTICES
        point = QPointF(300 + i * 2 + 80 * math.cos(angle + i), 400 + 120 * math.sin(angle) + i)
        if k == 0:
            path.moveTo(point)
        else:
            path.lineTo(point)
    path.closeSubpath()
    scene.addPath(path, QPen(QColor("#3a3a3a"), 1.2), QColor(230, 180 + i % 60, 170))
view = QGraphicsView(scene)
view.setRenderHint(QPainter.RenderHint.Antialiasing)
view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

side = QWidget()
side_layout = QVBoxLayout(side)
for _ in range(2):
    box = QComboBox()
    box.addItems([f"Choice {n}" for n in range(12)])
    side_layout.addWidget(box)
listing = QListWidget()
listing.addItems([f"Zone {n}" for n in range(13)])
side_layout.addWidget(listing)

text = QTextBrowser()
text.setHtml("".join(f"<h3>Heading {n}</h3><p>{'A paragraph of plain text. ' * 12}</p>" for n in range(4)))

splitter = QSplitter(Qt.Orientation.Horizontal)
for widget in (side, view, text):
    splitter.addWidget(widget)
splitter.setSizes([230, 700, 360])
window.setCentralWidget(splitter)
window.resize(1280, 800)
window.show()
QGuiApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest.value)
view.fitInView(scene.itemsBoundingRect(), Qt.AspectRatioMode.KeepAspectRatio)
window.grab().save(sys.argv[1], "PNG", 80)
