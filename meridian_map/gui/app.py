"""Starting the window: fonts, settings, the window itself and its first frame."""

from __future__ import annotations

import argparse
import gc
import linecache
import sys
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QBuffer, QCoreApplication, QEvent, QIODevice, QObject, QSocketNotifier, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from ..core.catalog import Catalog
from ..core.problems import clip
from ..core.store.dirs import content_dir
from ..core.store.files import atomic_write_bytes, writable_mode
from ..core.store.jsonstore import settings_store, take_unsaved_note
from ..core.store.stdout import STDOUT, write_stdout
from ..core.text.languages import EN, LANGUAGES
from .appicon import identify
from .fonts import fall_back_to_bundled_fonts, register_bold_hanzi
from .language import chrome_language, system_language, use_chrome_language
from .mainwindow import MainWindow
from .pages import modes
from .state import EXPLORE

if TYPE_CHECKING:
    from ..core.photo.fit import MappedPhoto

PROBLEMS_SHOWN = 8  # in the dialog's text; all of them are in its details
# Qt maps PNG "quality" to zlib effort: 80 is its fast end, a third quicker
# to encode than the default for a file about 3 % larger.
SCREENSHOT_PNG_QUALITY = 80
QUIT_SIGNALS = ("SIGINT", "SIGTERM", "SIGHUP")  # those the platform has


class SignalQuit(QObject):
    """Closes the window, saving its state, on Ctrl+C, SIGTERM or SIGHUP, and ends the event loop.

    Python runs a signal handler only when the interpreter next gets control,
    which may be never while Qt waits for events. The C-level handler writes
    the signal's number to a socket (signal.set_wakeup_fd), and a socket
    notifier wakes the event loop to act on it: no polling timer, no delay.
    The socket and signal modules load here, for the window a person uses:
    `--screenshot` has no need of them.
    """

    def __init__(self, app: QApplication, window: MainWindow) -> None:
        import signal
        import socket

        super().__init__(app)
        self.app = app
        self.window = window
        self.received: int | None = None
        self._numbers = {int(getattr(signal, name)) for name in QUIT_SIGNALS if hasattr(signal, name)}
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._previous: dict[int, Any] = {signum: signal.signal(signum, _note_only) for signum in self._numbers}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)

    def _woken(self) -> None:
        try:
            numbers = self._reader.recv(64)
        except BlockingIOError:
            return
        quitting = [n for n in numbers if n in self._numbers]
        if quitting and self.received is None:
            self.received = quitting[0]
            self.window.close()  # saves the state
            self.app.exit(128 + self.received)  # ends every running loop, a modal dialog's included

    def uninstall(self) -> None:
        import signal

        for signum, handler in self._previous.items():
            signal.signal(signum, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()


def _note_only(_signum: int, _frame: object) -> None:
    """Replaces the default action (end the process at once); SignalQuit acts on the signal."""


def show_unsaved_note(parent: MainWindow, reason: str) -> None:
    from PySide6.QtWidgets import QMessageBox  # dialogs load on first use, not at start-up

    box = QMessageBox(parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Startup", "Settings not saved"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    text = QCoreApplication.translate(
        "Startup", "Your settings were not saved when Meridian Map last closed: {reason}."
    )
    box.setText(text.format(reason=reason))
    box.setInformativeText(QCoreApplication.translate("Startup", "The window opens as it was set before that."))
    box.open()


def show_pack_problems(parent: MainWindow, problems: list[str]) -> None:
    from PySide6.QtWidgets import QMessageBox  # dialogs load on first use, not at start-up

    box = QMessageBox(parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Startup", "Your content pack has problems"))
    text = QCoreApplication.translate(
        "Startup", "{count} problem(s) in {folder}. The shipped content is shown instead."
    )
    box.setText(text.format(count=len(problems), folder=content_dir()))
    shown = problems[:PROBLEMS_SHOWN]
    more = len(problems) - len(shown)
    # Rich text on purpose: plain text that happens to start with "<style>" would be taken for HTML.
    rest = escape(QCoreApplication.translate("Startup", "… and {count} more under Show Details.").format(count=more))
    listing = "<br>".join(escape(p) for p in shown) + (f"<br>{rest}" if more else "")
    box.setInformativeText(f"<p>{listing}</p>")
    box.setDetailedText("\n".join(problems))
    box.open()


def starting_language(args: argparse.Namespace, saved: dict[str, object]) -> str:
    """`--lang`, else the saved setting, else the system's language."""
    chosen = getattr(args, "global_lang", None) or saved.get("language")
    return chosen if isinstance(chosen, str) and chosen in LANGUAGES else system_language()


def run(args: argparse.Namespace, catalog: Catalog, pack_problems: list[str], photo: MappedPhoto | None = None) -> int:
    """Show `catalog` (cli loads it before Qt) and report the pack's problems once the window is up.

    With `photo` (`meridian-map photo FILE`) the window opens in photo mode on it.
    """
    # PySide6 reads the source of each module imported after it (looking for
    # `from __feature__ import`), and linecache would keep those lines, ~3 MB,
    # for as long as the window is open; a traceback reads them again if needed.
    linecache.clearcache()
    app = QApplication.instance() or QApplication([*sys.argv[:1], *args.qt_arguments])
    assert isinstance(app, QApplication)
    identify(app)
    app.setOrganizationName("MeridianMap")
    fall_back_to_bundled_fonts(app)
    screenshot: Path | None = args.screenshot
    store = None if screenshot else settings_store()
    loaded = store.load() if store is not None else None
    language = starting_language(args, loaded.data if loaded is not None else {})
    # Translators go in before the window is built, so it is built in its language once.
    missing = use_chrome_language(chrome_language(language))
    window = MainWindow(catalog, store)
    window.map_state.set_language(language)
    if loaded is not None:
        window.restore(loaded.data)
        if loaded.warning:
            window.statusBar().showMessage(loaded.warning, 15000)
    window.map_state.set_language(language)  # --lang wins over the saved setting
    if missing:
        print(f"translations not found: {', '.join(missing)}", file=sys.stderr)
        text = QCoreApplication.translate("Startup", "Translations not found: {files}")
        window.statusBar().showMessage(text.format(files=", ".join(missing)), 15000)
    if photo is not None:
        from .photo.opening import show_photo

        show_photo(window, photo)
    if getattr(args, "theme", None):
        window.map_state.set_theme(args.theme)
    if args.size:
        resize(window, *args.size)
    if args.select and not window.select(args.select):
        print(f"nothing called {clip(args.select)!r} to select", file=sys.stderr)
        return 2
    if args.mode is not None:
        if args.mode not in modes():
            print(f"--mode: no screen called {clip(args.mode)!r}; there are {', '.join(modes())}", file=sys.stderr)
            return 2
        window.map_state.set_mode(args.mode)
    if first_frame_draws_bold_hanzi(window):
        register_bold_hanzi()
    if screenshot is not None:
        return save_screenshot(app, window, screenshot)
    quit_on_signal = SignalQuit(app, window)
    window.show()
    QTimer.singleShot(0, lambda: after_first_frame(window))
    if pack_problems:
        QTimer.singleShot(0, lambda: show_pack_problems(window, pack_problems))
    if (unsaved := take_unsaved_note()) is not None:
        QTimer.singleShot(0, lambda: show_unsaved_note(window, unsaved))
    try:
        return app.exec()
    finally:
        quit_on_signal.uninstall()


def resize(window: MainWindow, width: int, height: int) -> None:
    """Resize to `--size`, saying so when the window cannot be that small (Qt grows it silently)."""
    floor = window.minimumSizeHint().expandedTo(window.minimumSize())
    if width < floor.width() or height < floor.height():
        used = (max(width, floor.width()), max(height, floor.height()))
        print(
            f"--size {width}x{height}: the window cannot be smaller than {floor.width()}x{floor.height()}; "
            f"using {used[0]}x{used[1]}",
            file=sys.stderr,
        )
    window.resize(width, height)


def first_frame_draws_bold_hanzi(window: MainWindow) -> bool:
    """Whether the window opens on a screen that may set hanzi in bold: in Chinese, or another screen than the map.

    The map's own panel registers the font itself when what it shows needs
    it (a point's heading); the English map, the usual start, has none, and
    the bold CJK font then waits until after the first frame.
    """
    return window.map_state.language != EN or window.map_state.mode != EXPLORE or window.photo_page is not None


def after_first_frame(window: MainWindow) -> None:
    """Work start-up put off: the bold CJK font, the hit index (loads shapely) and the garbage collector.

    What exists now lives as long as the window, so it is moved out of the
    collector's sight (`gc.freeze`) and later collections stay short.
    """
    register_bold_hanzi()
    _ = window.catalog.index
    gc.collect()
    gc.freeze()
    gc.enable()


def save_screenshot(app: QApplication, window: MainWindow, target: Path) -> int:
    """Render the window as it would first appear and save it as PNG.

    Only layout requests are processed before the grab: the grab is the one
    paint, as a shown window paints once, instead of painting the backing
    store first and the grab again. The PNG is written atomically, so an
    interrupted run leaves the previous picture, never an empty file.
    """
    to_stdout = str(target) == STDOUT
    try:
        if not to_stdout:
            writable_mode(target)
    except OSError as exc:
        print(f"{target}: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return 1
    window.scene.set_animate(False)
    if window.photo_page is not None:
        window.photo_page.scene.set_animate(False)
    window.show()
    # Twice: the sidebar's scroll area settles whether it needs a scroll bar only after its contents are laid out.
    for _settle in range(2):
        QGuiApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest.value)
    window.fit_current()
    image = window.grab()
    window.close()
    encoded = QBuffer()
    encoded.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(encoded, "PNG", SCREENSHOT_PNG_QUALITY):
        print(f"{target}: cannot encode the image", file=sys.stderr)
        return 1
    if to_stdout:
        return write_stdout(bytes(encoded.data().data()))
    try:
        atomic_write_bytes(target, bytes(encoded.data().data()))
    except OSError as exc:
        print(f"{target}: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return 1
    return 0
