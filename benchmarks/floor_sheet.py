"""The floor for a one-page PDF: what any PySide6 sheet like ours costs.

No app code and no content: the bundled CJK fonts registered (from bytes,
as the app must), an A4 PDF at the app's resolution, a centred title, 40
filled and outlined shapes and 60 short paragraphs laid out with
QTextDocument, a few of them with hanzi, all written to a file. The bare
window shows what Qt itself costs; this shows what a sheet of this shape
costs before any of the app's own work.
"""

import math
import sys
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
    QTextDocument,
)

FONTS = Path(__file__).resolve().parents[1] / "assets" / "fonts"
RESOLUTION = 1200
SHAPES, PARAGRAPHS = 40, 60
WIDTH = 135  # points: two columns right of the shapes

app = QGuiApplication(sys.argv[:1])
for file in sorted(FONTS.glob("*.otf")):
    QFontDatabase.addApplicationFontFromData(file.read_bytes())

writer = QPdfWriter(sys.argv[1])
writer.setResolution(RESOLUTION)
writer.setPageLayout(
    QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(), QPageLayout.Unit.Point
    )
)
painter = QPainter(writer)
painter.setRenderHint(QPainter.RenderHint.Antialiasing)
scale = RESOLUTION / 72.0
title = QFont("Noto Sans CJK SC")
title.setPointSizeF(14)
painter.setFont(title)
painter.drawText(QRectF(0, 6 * scale, 595 * scale, 24 * scale), Qt.AlignmentFlag.AlignHCenter, "Facial gua sha: zones")
painter.scale(scale, scale)
for i in range(SHAPES):
    path = QPainterPath()
    centre = QPointF(60 + (i % 8) * 30, 60 + (i // 8) * 40)
    for k in range(24):
        angle = 2 * math.pi * k / 24
        point = centre + QPointF(14 * math.cos(angle), 18 * math.sin(angle))
        if k == 0:
            path.moveTo(point)
        else:
            path.lineTo(point)
    path.closeSubpath()
    painter.setPen(QPen(QColor("#222222"), 0.6))
    painter.setBrush(QColor(200 + i % 40, 200, 200))
    painter.drawPath(path)

font = QFont("Noto Sans CJK SC")
font.setPointSizeF(7.5)
for i in range(PARAGRAPHS):
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setDefaultFont(font)
    doc.setTextWidth(WIDTH * scale)
    doc.documentLayout().setPaintDevice(writer)
    term = " 四白 Sìbái" if i % 4 == 0 else ""
    doc.setPlainText(f"Row {i}{term}: from the nose to the ear, light, 5 to 10 times.")
    painter.save()
    painter.translate(300 + (i % 2) * (WIDTH + 10), 40 + (i // 2) * 25)
    painter.scale(1 / scale, 1 / scale)
    doc.drawContents(painter, QRectF(0, 0, WIDTH * scale, 30 * scale))
    painter.restore()
painter.end()
