"""The floor: a bare PySide6 window, shown, grabbed and saved as PNG."""

import sys

from PySide6.QtWidgets import QApplication, QWidget

app = QApplication(sys.argv[:1])
window = QWidget()
window.resize(1280, 800)
window.show()
app.processEvents()
window.grab().save(sys.argv[1], "PNG")
