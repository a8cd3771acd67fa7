"""The window's language: Qt's translation of the chrome, the content languages, switching at run time."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTextBrowser,
    QWidget,
)
from pytestqt.qtbot import QtBot

from meridian_map.core.catalog import Catalog
from meridian_map.core.text.languages import BILINGUAL, EN, ZH
from meridian_map.gui import app as app_module
from meridian_map.gui import language
from meridian_map.gui.mainwindow import MainWindow
from meridian_map.gui.pages import modes

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "translations" / "meridian_map_zh_CN.ts"

# What may stay in Latin letters in the Chinese window: the app's name, point and channel codes, pinyin
# (taken from the catalog), key names, file formats, and the language menu's own names for English.
ALLOWED = re.compile(
    r"Meridian Map|English|Ctrl\+F|\bTab\b|\bEnter\b|\bEsc\b|\b(PNG|SVG|PDF)\b|\*\.(png|svg|pdf)|"
    r"\b[A-Z]{2,3}(-[A-Z]{2})?\d*\b|&[A-Z]"
)
LATIN_WORD = re.compile(r"[A-Za-zÀ-ɏ]{2,}")


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    """Translators are application-wide: every test here leaves the application in English."""
    yield
    language.use_chrome_language(EN)


def pinyin_words(catalog: Catalog) -> set[str]:
    words = set()
    for point in catalog.points:
        words.update(word.lower() for word in LATIN_WORD.findall(point.info.pinyin))
    words.update({"sibai", "yang", "ming"})  # the search hint's toneless pinyin; Yang Ming is a proper name
    return words


def english_left(text: str, pinyin: set[str]) -> list[str]:
    """The Latin words in `text` that are neither allowed nor pinyin."""
    rest = ALLOWED.sub(" ", text)
    return [word for word in LATIN_WORD.findall(rest) if word.lower() not in pinyin]


def visible_texts(window: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every string a widget, action, menu, list or tooltip in the window shows or says."""
    widgets = [window, *window.findChildren(QWidget)]
    for widget in widgets:
        where = f"{type(widget).__name__} {widget.objectName()}"
        for kind in ("windowTitle", "toolTip", "statusTip", "whatsThis", "accessibleName", "accessibleDescription"):
            yield f"{where} {kind}", getattr(widget, kind)()
        if isinstance(widget, QLabel | QAbstractButton):
            yield f"{where} text", widget.text()
        if isinstance(widget, QGroupBox):
            yield f"{where} title", widget.title()
        if isinstance(widget, QMenu):
            yield f"{where} title", widget.title()
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            yield f"{where} placeholder", widget.placeholderText()
        if isinstance(widget, QTextBrowser):
            yield f"{where} text", widget.toPlainText()
        if isinstance(widget, QComboBox):
            for row in range(widget.count()):
                yield f"{where} item {row}", widget.itemText(row)
        if isinstance(widget, QListWidget):
            for row in range(widget.count()):
                yield f"{where} item {row}", widget.item(row).text()
                yield f"{where} item {row} tip", widget.item(row).toolTip()
    for action in window.findChildren(QAction):
        for kind in ("text", "toolTip", "statusTip", "iconText"):
            yield f"QAction {action.text()!r} {kind}", getattr(action, kind)()


def untranslated(window: QWidget, catalog: Catalog) -> list[str]:
    """Strings with English left, once pinyin and the works cited are taken out: a citation is given as written."""
    pinyin = pinyin_words(catalog)
    cited = sorted((work.short for work in catalog.content.references), key=len, reverse=True)

    def uncited(text: str) -> str:
        for short in cited:
            text = text.replace(short, " ")
        return text

    return [f"{where}: {text!r}" for where, text in visible_texts(window) if english_left(uncited(text), pinyin)]


def in_chinese(qtbot: QtBot, window: MainWindow) -> None:
    """Switch through the menu, as a person would, and wait for Qt's LanguageChange to reach the widgets."""
    window.language_actions[ZH].trigger()
    qtbot.waitUntil(lambda: window.menuBar().actions()[0].text() == "文件(&F)")


# the committed catalog ------------------------------------------------------------------------------


def test_the_committed_translation_is_up_to_date_with_the_sources() -> None:
    """lupdate finds nothing new or gone, every string is translated, and the .qm is built from the .ts."""
    done = subprocess.run(
        [sys.executable, str(REPO / "tools" / "translations.py"), "--check"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


def test_translations_keep_their_placeholders_and_markup() -> None:
    """A lost {reason} would raise or drop the reason; a lost tag would break the panel's HTML."""
    for message in ET.parse(TS).getroot().iter("message"):
        source, text = message.findtext("source", ""), message.findtext("translation", "")
        assert sorted(re.findall(r"\{\w+\}", source)) == sorted(re.findall(r"\{\w+\}", text)), source
        assert sorted(re.findall(r"</?\w+", source)) == sorted(re.findall(r"</?\w+", text)), source
        assert ("&" in source) == ("&" in text), source  # a menu's mnemonic


def test_the_check_catches_a_string_that_was_never_extracted(tmp_path: Path) -> None:
    """The up-to-date test above can fail: a .ts missing one of the sources' strings is reported."""
    sys.path.insert(0, str(REPO / "tools"))
    try:
        import translations
    finally:
        sys.path.remove(str(REPO / "tools"))
    stale = tmp_path / TS.name
    stale.write_text(TS.read_text(encoding="utf-8").replace("<source>Layers</source>", "<source>Strata</source>"))
    fresh = tmp_path / "fresh.ts"
    fresh.write_bytes(stale.read_bytes())
    translations.lupdate(fresh)
    assert ("Sidebar", "Layers") in set(translations.messages(fresh)) - set(translations.messages(stale))


def test_qt_ships_its_own_chinese_for_standard_dialogs() -> None:
    """PySide6-Essentials carries qtbase_zh_CN.qm; without it the window would still work, in English dialogs."""
    found = language.qt_catalog()
    assert found is not None and found.stat().st_size > 10_000


# the Chinese window -------------------------------------------------------------------------------------


def test_no_visible_string_is_left_in_english_in_chinese(qtbot: QtBot, window: MainWindow, catalog: Catalog) -> None:
    in_chinese(qtbot, window)
    assert untranslated(window, catalog) == []
    window.map_state.set_concern("dark_circles")  # the note field and its room appear; zones in working order
    window.select("cheek_l")
    window.sidebar.update_note_room()  # measured in a worker; the answer is worded here, in the window's language
    qtbot.waitUntil(lambda: "第一页" in window.sidebar.note_room.text())
    assert untranslated(window, catalog) == []
    window.select("ST2.L")
    assert untranslated(window, catalog) == []
    for mode in modes():  # every screen, each built on entry
        window.map_state.set_mode(mode)
        assert untranslated(window, catalog) == [], mode


def test_the_walk_finds_an_english_string(qtbot: QtBot, window: MainWindow, catalog: Catalog) -> None:
    """The walk above can fail: one control left in English is named."""
    in_chinese(qtbot, window)
    window.sidebar.animate.setToolTip("Replays the stroke")
    assert untranslated(window, catalog) == ["QCheckBox  toolTip: 'Replays the stroke'"]


def test_standard_dialogs_speak_chinese_through_qts_own_catalog(qtbot: QtBot, window: MainWindow) -> None:
    in_chinese(qtbot, window)
    seen: list[str] = []

    def read_and_close() -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        seen.append(box.windowTitle())
        seen.extend(button.text() for button in box.buttons())
        box.accept()

    QTimer.singleShot(0, read_and_close)
    window.show_about()
    assert seen[0] == "关于 Meridian Map"
    assert "确定" in seen[1:]  # Qt's "OK", from qtbase_zh_CN


# switching at run time ----------------------------------------------------------------------------------


def test_switching_language_retranslates_the_open_window(qtbot: QtBot, window: MainWindow, catalog: Catalog) -> None:
    window.select("cheek_l")
    assert "Direction" in window.panel.toPlainText() and window.sidebar.layers.title() == "Layers"
    in_chinese(qtbot, window)
    assert window.sidebar.layers.title() == "图层"
    assert window.search.placeholderText().startswith("搜索")
    assert "方向" in window.panel.toPlainText() and "Direction" not in window.panel.toPlainText()
    assert catalog.zones["cheek"].name.get(ZH) in window.sidebar.zone_list.item(5).text()
    assert window.language_actions[ZH].isChecked()
    window.language_actions[EN].trigger()
    qtbot.waitUntil(lambda: window.menuBar().actions()[0].text() == "&File")
    assert window.sidebar.layers.title() == "Layers" and "Direction" in window.panel.toPlainText()


def test_bilingual_shows_both_languages_side_by_side(qtbot: QtBot, window: MainWindow, catalog: Catalog) -> None:
    window.select("ST2.L")
    second = window.panels.second
    assert not second.isVisible()
    window.language_actions[BILINGUAL].trigger()
    assert second.isVisible() and second.x() > window.panel.x()  # beside it, on the right
    english, chinese = window.panel.toPlainText(), second.toPlainText()
    for word in ("location", "cautions"):
        assert catalog.content.panel.get(word, EN) in english and catalog.content.panel.get(word, ZH) in chinese
    assert catalog.point("ST2.L").info.cautions.get(EN) in english  # safety text whole in both
    assert catalog.point("ST2.L").info.cautions.get(ZH) in chinese
    assert " / " in window.sidebar.zone_list.item(0).text()
    window.select("cheek_l")  # both follow the selection
    assert catalog.zones["cheek"].name.get(ZH) in second.toPlainText()
    window.language_actions[ZH].trigger()
    assert not second.isVisible() and catalog.zones["cheek"].direction.get(ZH) in window.panel.toPlainText()


def test_printing_uses_the_chosen_language(qtbot: QtBot, window: MainWindow) -> None:
    window.map_state.set_concern("dark_circles")
    assert window.exporter.current_sheet().lang == EN
    window.map_state.set_language(ZH)
    assert window.exporter.current_sheet().lang == ZH
    window.map_state.set_language(BILINGUAL)
    assert window.exporter.current_sheet().lang == language.chrome_language(BILINGUAL)


# remembered, and the default ----------------------------------------------------------------------------


def test_the_language_is_saved_and_restored(window: MainWindow, catalog: Catalog, qtbot: QtBot) -> None:
    window.map_state.set_language(BILINGUAL)
    saved = window.state()
    assert saved["language"] == BILINGUAL
    other = MainWindow(catalog)
    qtbot.addWidget(other)
    other.restore(saved)
    assert other.map_state.language == BILINGUAL and other.language_actions[BILINGUAL].isChecked()
    other.restore({"language": "klingon"})
    other.restore({"language": ["zh"]})
    assert other.map_state.language == BILINGUAL


@pytest.mark.parametrize(
    ("given", "saved", "system", "expected"),
    [
        (None, {}, ZH, ZH),
        (None, {}, EN, EN),
        (None, {"language": BILINGUAL}, ZH, BILINGUAL),
        (None, {"language": "fr"}, ZH, ZH),
        (EN, {"language": ZH}, ZH, EN),
    ],
)
def test_the_starting_language_is_lang_else_saved_else_the_system(
    monkeypatch: pytest.MonkeyPatch, given: str | None, saved: dict[str, object], system: str, expected: str
) -> None:
    monkeypatch.setattr(app_module, "system_language", lambda: system)

    class Args:
        global_lang = given

    assert app_module.starting_language(Args(), saved) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(("lang", "expected"), [("zh_CN.UTF-8", "zh"), ("zh_TW.UTF-8", "zh"), ("de_DE.UTF-8", "en")])
def test_the_system_language_comes_from_the_locale(lang: str, expected: str) -> None:
    code = "from PySide6.QtCore import QCoreApplication; from meridian_map.gui.language import system_language;"
    code += "app = QCoreApplication([]); print(system_language())"
    env = {"LANG": lang, "LC_ALL": lang, "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert done.stdout.strip() == expected


def test_the_school_comparison_follows_the_language(qtbot: QtBot, window: MainWindow, catalog: Catalog) -> None:
    """The compare dialog's schools, directions and saved sheet are in the window's language, its words translated."""
    window.select("cheek_l")
    in_chinese(qtbot, window)
    window.named_actions["compare_schools"].trigger()
    dialog = window.compare_dialog
    assert dialog is not None and dialog.windowTitle() == "比较各刮法"
    shown = " ".join(column.words.text() for column in dialog.columns)
    assert all(school.name.get(ZH) in shown for school in catalog.schools.values())
    assert dialog.zone_box.currentText() == catalog.zones["cheek"].name.get(ZH)
    dialog.close()
