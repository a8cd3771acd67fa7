"""The window's language: Qt translators for the chrome, and the content language(s) the panel shows.

One setting, three values. English and Chinese (`zh`) are what they say;
`bilingual` shows the content in both, side by side, for students learning
the terms, with the chrome in the system's language. The chrome's words come
from Qt's translation files (`meridian_map_zh_CN.qm`, made from
`translations/*.ts` by tools/translations.sh) and Qt's own `qtbase_zh_CN`
for the buttons and labels of standard dialogs. Content wording (what is
also printed or said to a client) comes from the content's en + zh TOML, in
the languages `content_languages` names.

Translators are installed on the application, so they are application-wide
by nature: one set is installed at a time, and switching replaces it. Qt then
posts `QEvent.LanguageChange` to every window, and each widget retranslates
its own words.
"""

from __future__ import annotations

from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..core.assets import shipped_assets
from ..core.text.languages import BILINGUAL, EN, ZH

TRANSLATIONS_DIR = "translations"
APP_CATALOG = "meridian_map_zh_CN.qm"
QT_CATALOG = "qtbase_zh_CN.qm"


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Marks `source` for extraction in `context` (pyside6-lupdate reads this name); it is translated where shown.

    Qt's own marker returns `object` to the type checker; this one keeps the text a `str`.
    """
    return source


CHANGES = {  # how core's local_change words are shown
    "added": QT_TRANSLATE_NOOP("LocalChange", "added"),
    "edited": QT_TRANSLATE_NOOP("LocalChange", "edited"),
}

_installed: list[QTranslator] = []
_chrome = EN


def system_language() -> str:
    """Chinese on a Chinese system (any script or region: the content has one Chinese), else English."""
    return ZH if QLocale.system().language() == QLocale.Language.Chinese else EN


def chrome_language(language: str) -> str:
    """The language of menus, controls and dialogs for a language setting."""
    if language == BILINGUAL:
        return system_language()
    return ZH if language == ZH else EN


def content_languages(language: str) -> tuple[str, ...]:
    """The content languages shown, in order: both for bilingual."""
    return (EN, ZH) if language == BILINGUAL else (chrome_language(language),)


def sheet_language(language: str) -> str:
    """Sheets are printed in one language: the chrome's, which is the first the reader looks for."""
    return chrome_language(language)


def app_catalog() -> Path:
    return Path(str(shipped_assets().joinpath(TRANSLATIONS_DIR, APP_CATALOG)))


def qt_catalog() -> Path | None:
    """Qt's own Chinese for standard dialogs, where this Qt keeps it (a bundle may leave it out)."""
    folders = [
        Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        Path(PySide6.__file__).parent / "Qt" / "translations",
    ]
    return next((folder / QT_CATALOG for folder in folders if (folder / QT_CATALOG).is_file()), None)


def change_word(change: str) -> str:
    """ "added" or "edited" (catalog.local_change) in the chrome's language."""
    return QCoreApplication.translate("LocalChange", CHANGES[change]) if change in CHANGES else change


def current_chrome() -> str:
    return _chrome


def use_chrome_language(language: str) -> list[str]:
    """Install the translators for `language` (en or zh) in place of the ones before.

    Returns the catalogs that could not be loaded, for a status message: a
    missing Qt catalog leaves standard dialogs in English and nothing else.
    """
    global _chrome
    if language == _chrome:
        return []
    app = QCoreApplication.instance()
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    _chrome = language
    if language == EN or app is None:
        return []
    missing = []
    for path in (qt_catalog(), app_catalog()):
        translator = QTranslator(app)
        if path is not None and translator.load(str(path)):
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)
        else:
            missing.append(str(path or QT_CATALOG))
    return missing
