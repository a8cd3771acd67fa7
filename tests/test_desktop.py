"""Desktop integration: the menu entry, metainfo and icons go in and come out exactly."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
import sys
from hashlib import sha256
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from meridian_map import __version__
from meridian_map.cli import main
from meridian_map.core.appid import APP_ID, ICON_SIZES
from meridian_map.core.store.desktop import MANIFEST, DesktopError, exec_line, install, uninstall
from meridian_map.gui.appicon import identify
from meridian_map.gui.mainwindow import MainWindow

REPO = Path(__file__).resolve().parents[1]
DESKTOP_DIR = REPO / "assets" / "desktop"
COMMAND = ["/opt/Meridian Map/meridian-map"]


def snapshot(root: Path) -> dict[str, tuple[str, str, int]]:
    """Every file and folder under root: kind, content hash and permission bits (not times)."""
    tree: dict[str, tuple[str, str, int]] = {}
    for path in sorted(root.rglob("*")):
        kind = "dir" if path.is_dir() else "file"
        digest = sha256(path.read_bytes()).hexdigest() if kind == "file" else ""
        tree[str(path.relative_to(root))] = (kind, digest, path.stat().st_mode)
    return tree


def icon_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("draw_icon", REPO / "tools" / "draw_icon.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def lived_in(root: Path) -> Path:
    """A data folder a person already uses: other apps' entries and icons, an empty icon folder."""
    (root / "applications").mkdir(parents=True)
    (root / "applications" / "org.example.Other.desktop").write_text("[Desktop Entry]\nName=Other\n")
    (root / "icons" / "hicolor" / "48x48" / "apps").mkdir(parents=True)
    (root / "icons" / "hicolor" / "index.theme").write_text("[Icon Theme]\nName=Hicolor\n")
    (root / "icons" / "hicolor" / "scalable" / "apps").mkdir(parents=True)
    (root / "icons" / "hicolor" / "scalable" / "apps" / "other.svg").write_text("<svg/>")
    (root / "meridian-map" / "content").mkdir(parents=True)
    (root / "meridian-map" / "content" / "zones.toml").write_text("# mine\n")
    return root


@pytest.mark.parametrize("start", ["empty", "missing", "lived-in"])
def test_install_then_uninstall_leaves_the_folder_as_it_was(tmp_path: Path, start: str) -> None:
    root = tmp_path / "home" / ".local" / "share"
    if start == "empty":
        root.mkdir(parents=True)
    elif start == "lived-in":
        lived_in(root)
    before = snapshot(tmp_path)
    installed = install(root, COMMAND)
    assert len(installed.written) == 3 + len(ICON_SIZES)
    assert (root / "applications" / f"{APP_ID}.desktop").is_file()
    assert (root / "icons" / "hicolor" / "512x512" / "apps" / f"{APP_ID}.png").is_file()
    assert (root / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert snapshot(tmp_path) != before
    removed = uninstall(root, COMMAND)
    assert sorted(removed.removed) == sorted(installed.written)
    assert snapshot(tmp_path) == before


def test_installing_twice_then_uninstalling_still_restores_everything(tmp_path: Path) -> None:
    root = lived_in(tmp_path / "share")
    before = snapshot(tmp_path)
    install(root, COMMAND)
    install(root, ["/elsewhere/meridian-map"])
    uninstall(root, ["/a/third/place"])
    assert snapshot(tmp_path) == before


def test_uninstall_keeps_a_file_changed_since_install(tmp_path: Path) -> None:
    root = tmp_path / "share"
    install(root, COMMAND)
    entry = root / "applications" / f"{APP_ID}.desktop"
    entry.write_text(entry.read_text() + "NoDisplay=true\n")
    outcome = uninstall(root, COMMAND)
    assert entry.is_file()
    assert outcome.kept == [(entry, "changed since it was installed")]
    assert not (root / "icons").exists()


def test_install_refuses_to_overwrite_a_file_it_did_not_write(tmp_path: Path) -> None:
    root = tmp_path / "share"
    (root / "metainfo").mkdir(parents=True)
    theirs = root / "metainfo" / f"{APP_ID}.metainfo.xml"
    theirs.write_text("<component/>")
    before = snapshot(tmp_path)
    with pytest.raises(DesktopError, match="not written by meridian-map"):
        install(root, COMMAND)
    assert snapshot(tmp_path) == before


def test_a_copy_already_there_is_neither_claimed_nor_removed(tmp_path: Path) -> None:
    root = tmp_path / "share"
    svg = Path("icons/hicolor/scalable/apps") / f"{APP_ID}.svg"
    (root / svg).parent.mkdir(parents=True)
    shutil.copyfile(REPO / "assets" / svg, root / svg)
    before = snapshot(tmp_path)
    install(root, COMMAND)
    uninstall(root, COMMAND)
    assert snapshot(tmp_path) == before


def test_a_forged_manifest_removes_nothing_of_the_users(tmp_path: Path) -> None:
    root = tmp_path / "share"
    install(root, COMMAND)
    victim = root / "applications" / "org.example.Other.desktop"
    victim.write_text("[Desktop Entry]\n")
    outside = tmp_path / "precious.txt"
    outside.write_text("keep")
    (root / "empty-but-mine").mkdir()
    forged = {
        "format": 1,
        "files": {
            "applications/org.example.Other.desktop": sha256(victim.read_bytes()).hexdigest(),
            "../precious.txt": sha256(b"keep").hexdigest(),
        },
        "folders": ["empty-but-mine", "..", "../../../../../../../../../..", "/"],
    }
    (root / MANIFEST).write_text(json.dumps(forged))
    uninstall(root, COMMAND)
    assert victim.read_text() == "[Desktop Entry]\n"
    assert outside.read_text() == "keep"
    assert (root / "empty-but-mine").is_dir()


@pytest.mark.parametrize(
    "content", [b"\xff\xfe", b"[1, 2]", b'{"files": 3, "folders": []}', b"{" * 100_000, b"[" * 60_000]
)
def test_an_unreadable_manifest_still_removes_only_identical_files(tmp_path: Path, content: bytes) -> None:
    root = tmp_path / "share"
    install(root, COMMAND)
    (root / MANIFEST).write_bytes(content)
    outcome = uninstall(root, COMMAND)
    assert len(outcome.removed) == 3 + len(ICON_SIZES)
    assert (root / MANIFEST).read_bytes() == content


def test_exec_line_quotes_as_the_desktop_entry_spec_asks() -> None:
    assert exec_line(["/usr/bin/meridian-map"]) == "/usr/bin/meridian-map"
    assert exec_line(["/opt/My Apps/run"]) == '"/opt/My Apps/run"'
    assert exec_line(['/a/"q"$x']) == '"/a/\\\\"q\\\\"\\\\$x"'
    assert exec_line(["/a/100%"]) == "/a/100%%"


def test_the_installed_entry_validates_and_runs_the_launcher(tmp_path: Path) -> None:
    root = tmp_path / "share"
    install(root, ["/opt/Meridian Map $1/meridian-map", "--flag=100%"])
    entry = root / "applications" / f"{APP_ID}.desktop"
    validate = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert validate.returncode == 0, validate.stdout + validate.stderr
    assert validate.stdout == ""
    assert 'Exec="/opt/Meridian Map \\\\$1/meridian-map" --flag=100%%' in entry.read_text()


def test_the_shipped_entry_and_metainfo_pass_their_validators() -> None:
    entry = subprocess.run(
        ["desktop-file-validate", str(DESKTOP_DIR / f"{APP_ID}.desktop")], capture_output=True, text=True
    )
    assert (entry.returncode, entry.stdout) == (0, "")
    metainfo = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(DESKTOP_DIR / f"{APP_ID}.metainfo.xml")],
        capture_output=True,
        text=True,
    )
    assert metainfo.returncode == 0, metainfo.stdout + metainfo.stderr


def test_icons_exist_in_every_hicolor_size_at_that_size() -> None:
    from PySide6.QtGui import QImage

    for size in ICON_SIZES:
        image = QImage(str(REPO / "assets/icons/hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"))
        assert (image.width(), image.height()) == (size, size)
    assert (REPO / "assets/icons/hicolor/scalable/apps" / f"{APP_ID}.svg").read_text().startswith("<?xml")


def test_the_icon_script_reproduces_the_committed_svg() -> None:
    draw_icon = icon_script()
    assert draw_icon.icon_svg() == (REPO / "assets/icons/hicolor/scalable/apps" / f"{APP_ID}.svg").read_text()


def test_the_commands_install_and_uninstall_in_xdg_data_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert main(["install-desktop"]) == 0
    assert f"wrote {tmp_path / 'applications' / APP_ID}.desktop" in capsys.readouterr().out
    assert main(["uninstall-desktop"]) == 0
    assert "removed" in capsys.readouterr().out
    assert list(tmp_path.iterdir()) == []
    assert main(["uninstall-desktop"]) == 0
    assert capsys.readouterr().out == f"nothing to do in {tmp_path}\n"


def test_install_desktop_reports_a_refusal_with_exit_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    (tmp_path / "applications").mkdir()
    (tmp_path / "applications" / f"{APP_ID}.desktop").write_text("mine")
    assert main(["install-desktop"]) == 1
    assert "move it away first" in capsys.readouterr().err


def run_releases_tool(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(REPO / "tools" / "metainfo_releases.py"), *args], capture_output=True, text=True
    )


def test_metainfo_releases_agree_with_the_changelog() -> None:
    result = run_releases_tool("--check")
    assert result.returncode == 0, result.stdout


def test_a_release_missing_from_the_metainfo_is_caught(tmp_path: Path) -> None:
    changelog = (REPO / "CHANGELOG.md").read_text()
    newer = changelog.replace("## [Unreleased]", "## [Unreleased]\n\n## [9.9.9] - 2099-01-01\n\n### Added\n- More.", 1)
    (tmp_path / "CHANGELOG.md").write_text(newer)
    result = run_releases_tool("--check", "--changelog", str(tmp_path / "CHANGELOG.md"))
    assert result.returncode == 1
    assert "differs" in result.stdout


def test_the_version_is_the_changelogs_latest_release() -> None:
    releases = re.findall(r"^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$", (REPO / "CHANGELOG.md").read_text(), re.M)
    assert releases[0] == __version__
    metainfo = (DESKTOP_DIR / f"{APP_ID}.metainfo.xml").read_text()
    assert re.search(r'<release version="([^"]+)"', metainfo)[1] == __version__  # type: ignore[index]


def test_one_application_id_names_the_entry_the_metainfo_and_the_icon() -> None:
    draw_icon = icon_script()
    assert draw_icon.ICON_NAME == APP_ID
    assert draw_icon.SIZES == ICON_SIZES
    entry = (DESKTOP_DIR / f"{APP_ID}.desktop").read_text()
    assert f"\nIcon={APP_ID}\n" in entry
    metainfo = (DESKTOP_DIR / f"{APP_ID}.metainfo.xml").read_text()
    assert f"<id>{APP_ID}</id>" in metainfo
    assert f'<launchable type="desktop-id">{APP_ID}.desktop</launchable>' in metainfo
    assert sorted(p.name for p in DESKTOP_DIR.iterdir()) == [f"{APP_ID}.desktop", f"{APP_ID}.metainfo.xml"]


def test_the_about_box_and_version_flag_show_the_one_version(
    window: MainWindow, capsys: pytest.CaptureFixture[str]
) -> None:
    assert f"Meridian Map {__version__}</h3>" in window.about_text()
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out == f"meridian-map {__version__}\n"


def test_identify_gives_the_application_its_names_and_icon(qapp: QApplication) -> None:
    identify(qapp)
    assert QGuiApplication.desktopFileName() == APP_ID
    assert QGuiApplication.applicationDisplayName() == "Meridian Map"
    sizes = {(size.width(), size.height()) for size in QGuiApplication.windowIcon().availableSizes()}
    assert sizes == {(size, size) for size in ICON_SIZES}


def test_the_window_names_and_icon_load_no_openssl() -> None:
    """The app's start-up avoids OpenSSL (see test_catalogcache); naming the window must not bring it back."""
    code = "import sys, meridian_map.gui.appicon; print('_hashlib' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
