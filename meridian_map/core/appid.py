"""The id the desktop knows the app by, and the icon sizes it ships.

Apart from desktop.py because the window reads them at start-up, and
desktop.py's hashing would load OpenSSL there for nothing.
"""

from __future__ import annotations

APP_ID = "org.meridianmap.MeridianMap"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
