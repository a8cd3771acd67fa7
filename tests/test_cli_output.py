"""Where the commands write: regular files only, atomically, stdout on `-o -`, and stdout's failures.

A device, a FIFO, a folder or a read-only file given as the output is
refused and left exactly as it was; CI runs as root, so the refusals are
checked where the permission bits do not stop anything by themselves.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from meridian_map.cli import main
from meridian_map.core.store.files import STALE_TEMP_SECONDS, UnsafeTargetError, atomic_write_bytes
from meridian_map.core.store.jsonstore import settings_store

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs, devices and file modes")


@pytest.fixture(autouse=True)
def widgets_application(qapp: QApplication) -> None:
    """`sheet` in this process would otherwise make a QGuiApplication, on which later window tests abort."""


def run_cli(*args: str, cwd: Path, **options: object) -> subprocess.CompletedProcess[bytes]:
    """The command in a subprocess; stdout and stderr are captured unless `options` redirect stdout."""
    if "stdout" not in options:
        options["capture_output"] = True
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "meridian_map", *args], timeout=120, cwd=cwd, **options
    )


def stderr_of(result: subprocess.CompletedProcess[bytes]) -> str:
    return result.stderr.decode("utf-8", "replace")


# devices, FIFOs, folders, read-only files ----------------------------------------------


@posix_only
@pytest.mark.parametrize("command", ["sheet", "export"])
def test_a_fifo_as_the_output_is_refused_and_stays_a_fifo(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert main([command, "-o", str(fifo)]) == 1
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    err = capsys.readouterr().err
    assert "is a FIFO, not a regular file" in err
    assert "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


@posix_only
@pytest.mark.skipif(not IS_ROOT, reason="making a device node needs root")
@pytest.mark.parametrize("command", ["sheet", "export"])
def test_a_device_as_the_output_is_refused_and_stays_a_device(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A private node of /dev/null's kind: before the fix, `-o /dev/null` replaced the system's."""
    device = tmp_path / "null"
    os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    before = device.lstat()
    assert main([command, "-o", str(device)]) == 1
    after = device.lstat()
    assert stat.S_ISCHR(after.st_mode)
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)
    assert "is a device, not a regular file" in capsys.readouterr().err


@posix_only
def test_a_link_to_a_fifo_is_refused_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "out.json").symlink_to(tmp_path / "pipe")
    assert main(["export", "-o", str(tmp_path / "out.json")]) == 1
    assert stat.S_ISFIFO((tmp_path / "pipe").lstat().st_mode)
    assert (tmp_path / "out.json").is_symlink()
    assert "FIFO" in capsys.readouterr().err


def test_a_folder_as_the_output_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "folder").mkdir()
    assert main(["export", "-o", str(tmp_path / "folder")]) == 1
    assert "is a folder" in capsys.readouterr().err
    assert list((tmp_path / "folder").iterdir()) == []


@posix_only
@pytest.mark.parametrize("command", ["sheet", "export"])
def test_a_read_only_output_is_refused_as_cp_refuses_it_even_for_root(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "kept.out"
    target.write_bytes(b"a file someone protected")
    target.chmod(0o444)
    assert main([command, "-o", str(target)]) == 1
    assert target.read_bytes() == b"a file someone protected"
    assert stat.S_IMODE(target.stat().st_mode) == 0o444
    assert "is read-only" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.out"]


@posix_only
def test_a_read_only_settings_file_is_not_overwritten(tmp_path: Path) -> None:
    store = settings_store(tmp_path)
    store.path.write_text('{"version": 1, "data": {"zoom": 2}}\n', encoding="utf-8")
    store.path.chmod(0o444)
    assert store.load().data == {"zoom": 2}
    with pytest.raises(UnsafeTargetError, match="read-only"):
        store.save({"zoom": 3})
    assert json.loads(store.path.read_text(encoding="utf-8"))["data"] == {"zoom": 2}


def test_a_writable_file_is_still_replaced_and_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "shared.json"
    target.write_bytes(b"old")
    target.chmod(0o640)
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


# -o - -------------------------------------------------------------------------------------


def test_export_dash_writes_to_stdout_not_to_a_file_called_dash(tmp_path: Path) -> None:
    result = run_cli("export", "-o", "-", cwd=tmp_path)
    assert result.returncode == 0, stderr_of(result)
    assert {"points", "zones"} <= set(json.loads(result.stdout))
    assert list(tmp_path.iterdir()) == []


def test_screenshot_dash_writes_the_png_to_stdout_not_to_a_file_called_dash(tmp_path: Path) -> None:
    result = run_cli("--screenshot", "-", "--size", "640x500", cwd=tmp_path)
    assert result.returncode == 0, stderr_of(result)
    assert result.stdout.startswith(b"\x89PNG\r\n\x1a\n")
    assert list(tmp_path.iterdir()) == []


def test_a_screenshot_onto_a_closed_stdout_is_a_message_and_exit_1(tmp_path: Path) -> None:
    result = run_cli(
        "--screenshot",
        "-",
        "--size",
        "640x500",
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: os.close(1),
    )
    assert result.returncode == 1
    assert "standard output" in stderr_of(result)


def test_sheet_dash_writes_the_pdf_to_stdout_and_the_summary_to_stderr(tmp_path: Path) -> None:
    result = run_cli("sheet", "-o", "-", cwd=tmp_path)
    assert result.returncode == 0, stderr_of(result)
    assert result.stdout.startswith(b"%PDF-")
    assert result.stdout.rstrip().endswith(b"%%EOF")
    assert "standard output: A4 sheet" in stderr_of(result)
    assert list(tmp_path.iterdir()) == []


# temporary files ---------------------------------------------------------------------------


def test_a_sheet_run_removes_a_temp_file_an_earlier_killed_run_left(tmp_path: Path) -> None:
    stale = tmp_path / ".sheet.pdf.0123456789ab.tmp"
    fresh = tmp_path / ".sheet.pdf.ba9876543210.tmp"
    other = tmp_path / ".other.pdf.0123456789ab.tmp"
    for leftover in (stale, fresh, other):
        leftover.write_bytes(b"%PDF-1.4 half a sheet")
    old = time.time() - STALE_TEMP_SECONDS - 60
    for leftover in (stale, other):
        os.utime(leftover, (old, old))
    assert main(["sheet", "-o", str(tmp_path / "sheet.pdf")]) == 0
    assert not stale.exists()
    assert fresh.exists(), "a recent temp file may be another run's write in progress"
    assert other.exists(), "only the temp files of the file being written are touched"
    assert (tmp_path / "sheet.pdf").read_bytes().startswith(b"%PDF-")


def limit_file_size() -> None:
    """In the child: writes beyond 20 KB fail with EFBIG (as a full disk would), without a signal."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_FSIZE")
def test_a_screenshot_that_cannot_be_written_whole_keeps_the_previous_png(tmp_path: Path) -> None:
    target = tmp_path / "window.png"
    previous = b"\x89PNG\r\n\x1a\n the previous screenshot"
    target.write_bytes(previous)
    result = run_cli("--screenshot", str(target), cwd=tmp_path, preexec_fn=limit_file_size)
    assert result.returncode == 1
    assert "window.png: cannot write" in stderr_of(result)
    assert "Traceback" not in stderr_of(result)
    assert target.read_bytes() == previous
    assert sorted(p.name for p in tmp_path.iterdir()) == ["window.png"]


# standard output that fails ------------------------------------------------------------------


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="/dev/full")
@pytest.mark.parametrize("command", [["export"], ["check"], ["paths"]])
def test_a_full_stdout_is_a_message_and_exit_1(command: list[str], tmp_path: Path) -> None:
    with open("/dev/full", "wb") as full:
        result = run_cli(*command, cwd=tmp_path, stdout=full, stderr=subprocess.PIPE)
    err = stderr_of(result)
    assert result.returncode == 1, err
    assert err.strip().splitlines()[-1] == "cannot write to standard output: No space left on device"
    assert "Traceback" not in err and "Exception ignored" not in err


@posix_only
@pytest.mark.parametrize("command", [["export"], ["paths"]])
def test_a_closed_stdout_is_a_message_and_exit_1(command: list[str], tmp_path: Path) -> None:
    result = run_cli(*command, cwd=tmp_path, stdout=None, stderr=subprocess.PIPE, preexec_fn=lambda: os.close(1))
    err = stderr_of(result)
    assert result.returncode == 1, err
    assert "standard output is closed" in err or "cannot write to standard output: it is closed" in err
    assert "Traceback" not in err


def test_chinese_json_on_an_ascii_locale_is_utf8_json(tmp_path: Path) -> None:
    """JSON is UTF-8 (RFC 8259) whatever the locale: a script reading it gets the hanzi, not escapes."""
    env = {k: v for k, v in os.environ.items() if k not in ("LANG", "LANGUAGE", "PYTHONIOENCODING")}
    env.update(LC_ALL="C", PYTHONUTF8="0")
    result = run_cli("export", "--lang", "zh", cwd=tmp_path, env=env)
    assert result.returncode == 0, stderr_of(result)
    document = json.loads(result.stdout.decode("utf-8"))
    assert "额头" in {zone["name"] for zone in document["zones"]}


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="/dev/full")
@pytest.mark.parametrize("command", [["study", "status"], ["study", "status", "--json"], ["study", "export"]])
def test_study_commands_on_a_full_stdout_are_a_message_and_exit_1(command: list[str], tmp_path: Path) -> None:
    env = {**os.environ, **{f"XDG_{kind}_HOME": str(tmp_path / kind.lower()) for kind in ("DATA", "CONFIG", "CACHE")}}
    if command[-1] == "export":
        command = [*command, "-o", str(tmp_path / "log.csv")]
    with open("/dev/full", "wb") as full:
        result = run_cli(*command, cwd=tmp_path, stdout=full, stderr=subprocess.PIPE, env=env)
    err = stderr_of(result)
    assert result.returncode == 1, err
    assert err.strip().splitlines()[-1] == "cannot write to standard output: No space left on device"
    assert "Traceback" not in err and "Exception ignored" not in err


@posix_only
def test_study_status_on_a_closed_stdout_is_a_message_and_exit_1(tmp_path: Path) -> None:
    env = {**os.environ, **{f"XDG_{kind}_HOME": str(tmp_path / kind.lower()) for kind in ("DATA", "CONFIG", "CACHE")}}
    result = run_cli(
        "study", "status", cwd=tmp_path, stdout=None, stderr=subprocess.PIPE, env=env, preexec_fn=lambda: os.close(1)
    )
    err = stderr_of(result)
    assert result.returncode == 1, err
    assert "cannot write to standard output: it is closed" in err
    assert "Traceback" not in err


@posix_only
def test_a_fifo_as_the_face_is_named_as_a_fifo_not_as_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pipe = tmp_path / "face.svg"
    os.mkfifo(pipe)
    assert main(["check", "--face", str(pipe)]) == 1
    err = capsys.readouterr().err
    assert f"{pipe}: file: not a regular file but a named pipe" in err
    assert "not found" not in err
