"""Pack text is shown as text, safety text survives packs, and pack mistakes read as one clear message.

A hostile pack puts markup in every kind of text the window shows: as rich
text Qt would load local files as images (or hang on a FIFO), add clickable
file:// links and could hide the disclaimer. Each place must show it literally.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QTimer
from PySide6.QtGui import Qt, QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from meridian_map.cli import SUMMARY_ITEMS, _listing, main
from meridian_map.core.catalog import Catalog
from meridian_map.core.load import load_catalog
from meridian_map.core.output.labels import EDITED_DISCLAIMER
from meridian_map.core.output.sheet import cheat_sheet, concern_routine, take_home_sheet
from meridian_map.core.problems import ContentError
from meridian_map.core.text.search import SearchIndex, fold
from meridian_map.gui.mainwindow import MainWindow
from meridian_map.gui.state import Hover

from .conftest import REPO
from .mapdriver import clickable_spot
from .windowdriver import shown_window

ZONE_NAME = "Cheek <img src='/nonexistent/face.png'>"  # a real pack would name /dev/zero or a FIFO
POINT_NAME = 'Four Whites <a href="file:///etc/passwd">open</a>'
SOURCE = "Doe J. Gua sha: <img src='file:///nonexistent/x.png'> a review"
ADDED = ' <a href="file:///etc/passwd">More</a> <b>Ask us</b>.'
SHIPPED = tomllib.loads((REPO / "assets" / "content" / "meta.toml").read_text(encoding="utf-8"))["disclaimer"]


def toml_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def hostile_pack(folder: Path) -> Path:
    full_en = SHIPPED["full"]["en"] + ADDED
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "hostile.toml").write_text(
        f"""[[zone]]
id = "cheek"
name = {{ en = {toml_text(ZONE_NAME)}, zh = "面颊" }}

[[point]]
code = "ST2"
english = {toml_text(POINT_NAME)}

[[source]]
text = {toml_text(SOURCE)}

[disclaimer]
full = {{ en = {toml_text(full_en)}, zh = {toml_text(SHIPPED["full"]["zh"])} }}
""",
        encoding="utf-8",
    )
    return folder


def shown(text: str, fmt: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """What a Qt label or tooltip shows for `text`: rich text is rendered, plain text is shown as it is."""
    rich = fmt is Qt.TextFormat.RichText or (fmt is Qt.TextFormat.AutoText and Qt.mightBeRichText(text))
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    return load_catalog(user_dirs=[hostile_pack(tmp_path_factory.mktemp("hostile") / "pack")])


@pytest.fixture
def hostile_window(qtbot: QtBot, hostile: Catalog) -> MainWindow:
    window = shown_window(qtbot, hostile)
    window.view.fit()
    return window


def test_zone_hover_shows_pack_markup_literally(hostile_window: MainWindow) -> None:
    QTest.mouseMove(hostile_window.view.viewport(), clickable_spot(hostile_window, "cheek_l"))
    label = hostile_window.hover_label
    assert ZONE_NAME in shown(label.text(), label.textFormat())
    assert shown(hostile_window.view.toolTip()) == f"{ZONE_NAME} (L)"
    # Qt keeps the last cursor position between windows: leave it where the next test's move is a move.
    QTest.mouseMove(hostile_window.view.viewport(), QPoint(1, 1))


def test_point_hover_shows_pack_markup_literally(hostile_window: MainWindow) -> None:
    hostile_window.map_state.set_hover(Hover(point="ST2.L"))
    label = hostile_window.hover_label
    assert POINT_NAME in shown(label.text(), label.textFormat())
    assert POINT_NAME in shown(hostile_window.view.toolTip())


def test_the_about_box_shows_pack_text_literally_and_marks_the_disclaimer(
    qtbot: QtBot, hostile_window: MainWindow
) -> None:
    """The real dialog, closed from a timer once its text has been read."""
    seen: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, read_and_close)
            return
        label = box.findChild(QLabel, "qt_msgbox_label")
        assert label is not None
        seen.append(shown(label.text(), label.textFormat()))
        box.done(0)

    QTimer.singleShot(0, read_and_close)
    hostile_window.show_about()
    qtbot.waitUntil(lambda: bool(seen))
    [text] = seen
    assert SOURCE in text
    assert SHIPPED["full"]["en"] + ADDED in " ".join(text.split())
    assert "✎ The disclaimer was edited locally" in text


def test_the_welcome_panel_marks_an_edited_disclaimer(hostile_window: MainWindow, window: MainWindow) -> None:
    assert "✎ This disclaimer was edited locally." in hostile_window.panel.toPlainText()
    assert "locally" not in window.panel.toPlainText()


def test_search_popup_and_sidebar_show_pack_text_as_text(hostile_window: MainWindow) -> None:
    """Both are item views, which never render markup; the names must still reach them whole."""
    hits = hostile_window.search.index.search("four whites")
    assert hits and POINT_NAME in hits[0].label
    items = [
        hostile_window.sidebar.zone_list.item(row).text() for row in range(hostile_window.sidebar.zone_list.count())
    ]
    assert f"{ZONE_NAME} ✎" in items


def test_a_pack_may_add_to_the_disclaimer(hostile: Catalog) -> None:
    assert hostile.content.disclaimer.full.get("en") == SHIPPED["full"]["en"] + ADDED.rstrip()
    assert hostile.local_change("disclaimer", "disclaimer") == "edited"


@pytest.mark.parametrize(
    ("what", "en"),
    [
        ("removed", "Use it as you like."),
        ("shortened", SHIPPED["full"]["en"].split(". ")[0] + "."),
        ("reworded", SHIPPED["full"]["en"].replace("Nothing in it is medical advice", "It is medical advice")),
    ],
)
def test_a_pack_may_not_remove_or_reword_the_disclaimer(tmp_path: Path, what: str, en: str) -> None:
    assert en != SHIPPED["full"]["en"], what
    (tmp_path / "meta.toml").write_text(
        f"\n[disclaimer]\nfull = {{ en = {toml_text(en)}, zh = {toml_text(SHIPPED['full']['zh'])} }}\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as error:
        load_catalog(user_dirs=[tmp_path])
    [problem] = [str(p) for p in error.value.problems]
    assert problem.startswith(f"{tmp_path.name}/meta.toml:3: disclaimer.full: the 'en' text must keep the shipped")


def test_a_pack_may_not_cut_the_short_disclaimer_in_chinese(tmp_path: Path) -> None:
    (tmp_path / "meta.toml").write_text(
        "[disclaimer]\nshort = { en = " + toml_text(SHIPPED["short"]["en"]) + ', zh = "仅供学习。" }\n',
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as error:
        load_catalog(user_dirs=[tmp_path])
    [problem] = [str(p) for p in error.value.problems]
    assert ":2: disclaimer.short: the 'zh' text must keep" in problem


def test_a_lower_case_point_code_is_one_problem_with_a_suggestion(tmp_path: Path) -> None:
    (tmp_path / "notes.toml").write_text(
        '[[point]]\ncode = "st2"\nnotes = { en = "Find the dip first.", zh = "先找到凹陷。" }\n', encoding="utf-8"
    )
    with pytest.raises(ContentError) as error:
        load_catalog(user_dirs=[tmp_path])
    assert [str(p) for p in error.value.problems] == [
        f"{tmp_path.name}/notes.toml:2: point[st2].code: 'st2' is not a point code like 'ST1' or 'EX-HN3'"
        " (did you mean 'ST2'?)"
    ]


def test_the_pack_summary_is_bounded_and_keeps_colons(
    tmp_path: Path, catalog: Catalog, capsys: pytest.CaptureFixture[str]
) -> None:
    codes = sorted({p.code for p in catalog.content.points})
    assert len(codes) > SUMMARY_ITEMS
    notes = "".join(f'[[point]]\ncode = "{code}"\nnotes = {{ en = "n", zh = "n" }}\n\n' for code in codes)
    (tmp_path / "notes.toml").write_text(notes + f"[[source]]\ntext = {toml_text(SOURCE)}\n", encoding="utf-8")
    assert main(["check", "--pack", str(tmp_path)]) == 0
    summary = capsys.readouterr().out.splitlines()[-1]
    assert f"and {len(codes) - SUMMARY_ITEMS:,} more" in summary
    assert f"adds source {SOURCE}" in summary


def test_a_long_listing_names_the_first_and_counts_the_rest() -> None:
    keys = [f"point:EX-HN{n}" for n in range(950)]
    listing = _listing(keys)
    assert listing.endswith(f" and {950 - SUMMARY_ITEMS} more")
    assert listing.count(",") == SUMMARY_ITEMS - 1
    assert len(_listing(["source:" + "x" * 10_000])) < 100


def test_dotless_i_is_folded(catalog: Catalog) -> None:
    assert fold("sıbaı") == fold("SİBAİ") == fold("Sìbái") == "sibai"
    assert [h.key for h in SearchIndex(catalog).search("sıbaı")][:1] == ["ST2"]


def test_printed_sheets_mark_an_edited_disclaimer(tmp_path: Path, catalog: Catalog) -> None:
    (tmp_path / "meta.toml").write_text(
        "[disclaimer]\nshort = { en = "
        + toml_text(SHIPPED["short"]["en"] + " Ask us.")
        + ", zh = "
        + toml_text(SHIPPED["short"]["zh"])
        + " }\n",
        encoding="utf-8",
    )
    mine = load_catalog(user_dirs=[tmp_path])
    for lang in ("en", "zh"):
        shipped = cheat_sheet(catalog, lang).disclaimer
        assert shipped == SHIPPED["short"][lang]
        edited = cheat_sheet(mine, lang).disclaimer
        assert edited.startswith(mine.content.disclaimer.short.get(lang))
        assert edited.endswith(EDITED_DISCLAIMER[lang])
        assert take_home_sheet(mine, concern_routine(mine, "acne"), lang).disclaimer == edited
