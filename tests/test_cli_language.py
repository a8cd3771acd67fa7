"""The global --lang: the window, --screenshot and the sheets; a command's own --lang still wins."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from meridian_map.cli import main
from meridian_map.core.text.languages import EN
from meridian_map.gui import app as app_module
from meridian_map.gui import language
from meridian_map.gui.mainwindow import MainWindow


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    language.use_chrome_language(EN)


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize(
    ("args", "title"),
    [
        (["--lang", "zh", "sheet"], "面部刮痧分区图"),
        (["sheet", "--lang", "zh"], "面部刮痧分区图"),
        (["--lang", "zh", "sheet", "--lang", "en"], "Facial gua sha: the zones at a glance"),
        (["--lang", "en", "sheet", "--concern", "dark_circles"], "Gua sha at home"),
        (["sheet"], "Facial gua sha: the zones at a glance"),
    ],
)
def test_the_global_lang_chooses_the_sheets_language(
    qapp: QApplication, tmp_path: Path, args: list[str], title: str
) -> None:
    target = tmp_path / "sheet.pdf"
    assert main([*args, "-o", str(target), "--no-pack"]) == 0
    assert title in pdf_text(target)


def test_bilingual_is_refused_for_what_prints_one_language(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--lang", "bilingual", "sheet", "-o", "never.pdf"])
    assert exited.value.code == 2
    assert "--lang bilingual is for the window; sheet writes one language: en or zh" in capsys.readouterr().err
    assert not Path("never.pdf").exists()


def test_an_unknown_window_language_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "fr", "--screenshot", "never.png"])
    assert "invalid choice: 'fr'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("lang", "menu", "content"), [("zh", "文件(&F)", ("zh", "")), ("bilingual", None, ("en", "zh"))]
)
def test_the_screenshot_is_taken_in_the_chosen_language(
    qapp: QApplication,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    lang: str,
    menu: str | None,
    content: tuple[str, ...],
) -> None:
    """The window --screenshot grabs is built in the language: its menus translated, its panel in the content's."""
    seen: list[MainWindow] = []
    real = app_module.save_screenshot

    def look_then_save(app: QApplication, window: MainWindow, target: Path) -> int:
        seen.append(window)
        return real(app, window, target)

    monkeypatch.setattr(app_module, "save_screenshot", look_then_save)
    target = tmp_path / "shot.png"
    assert main(["--lang", lang, "--screenshot", str(target), "--select", "cheek_l"]) == 0
    assert target.read_bytes().startswith(b"\x89PNG")
    window = seen[0]
    assert (window.panel.lang, "".join(window.panels.second.languages)) == content
    expected = menu or ("文件(&F)" if language.system_language() == "zh" else "&File")
    assert window.menuBar().actions()[0].text() == expected
