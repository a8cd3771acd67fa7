"""Render everything the app produces and compare two such renderings.

A change meant to keep behaviour (a refactor, a speed-up) must leave every
output as it was: the window's screenshot with each zone selected, every
printed sheet (the cheat sheet and each concern's take-home sheet, en and
zh, A4 and Letter) and the JSON export. This renders them all from one
checkout into a folder, and compares two folders: screenshots and PDF pages
pixel by pixel (PDFs carry dates and ids, so their bytes differ), the export
byte by byte.

    python tools/compare_outputs.py render OUT [--repo CHECKOUT]
    python tools/compare_outputs.py compare BEFORE AFTER

To compare against an earlier commit:

    git worktree add /tmp/before REV
    python tools/compare_outputs.py render /tmp/out-before --repo /tmp/before
    python tools/compare_outputs.py render /tmp/out-after
    python tools/compare_outputs.py compare /tmp/out-before /tmp/out-after

The renders run with empty settings, cache and content folders of their own,
so nothing of the user's changes what is compared.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SIZE = "1280x800"
LANGUAGES = ("en", "zh")
PAPERS = ("a4", "letter")
PDF_DPI = "100"


def _command(repo: Path, home: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    """`python -m meridian_map ARGS` from `repo`, with user folders of its own under `home`."""
    env = {
        **os.environ,
        "PYTHONPATH": str(repo),
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_DATA_HOME": str(home / "data"),
    }
    return subprocess.run(
        [sys.executable, "-m", "meridian_map", *args], cwd=repo, env=env, capture_output=True, check=True
    )


def render(out: Path, repo: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as home_name:
        home = Path(home_name)
        for lang in LANGUAGES:
            export = _command(repo, home, "export", "--format", "json", "--lang", lang).stdout
            (out / f"export-{lang}.json").write_bytes(export)
        document = json.loads((out / "export-en.json").read_bytes())
        zones = sorted({f"{zone['id']}_{zone['side'].lower()}" for zone in document["zones"]})
        concerns = [concern["id"] for concern in document["concerns"]]
        _command(repo, home, "--screenshot", str(out / "window.png"), "--size", SIZE)
        for zone in zones:
            _command(repo, home, "--screenshot", str(out / f"window-{zone}.png"), "--size", SIZE, "--select", zone)
        for lang in LANGUAGES:
            for paper in PAPERS:
                sheets = {"cheat": []} | {concern: ["--concern", concern] for concern in concerns}
                for name, extra in sheets.items():
                    pdf = out / f"sheet-{name}-{lang}-{paper}.pdf"
                    _command(repo, home, "sheet", "-o", str(pdf), "--lang", lang, "--paper", paper, *extra)
                    subprocess.run(["pdftoppm", "-png", "-r", PDF_DPI, str(pdf), str(pdf.with_suffix(""))], check=True)
    print(f"{out}: {len(list(out.iterdir()))} files")


def _pixels(path: Path) -> tuple[int, int, bytes]:
    from PySide6.QtGui import QImage

    image = QImage(str(path)).convertToFormat(QImage.Format.Format_ARGB32)
    if image.isNull():
        raise ValueError(f"{path}: not an image")
    return image.width(), image.height(), bytes(image.constBits())


def compare(before: Path, after: Path) -> int:
    """Every compared file named with its verdict; exit 1 when anything differs or is missing."""
    names_before = {p.name for p in before.iterdir() if p.suffix in (".png", ".json")}
    names_after = {p.name for p in after.iterdir() if p.suffix in (".png", ".json")}
    differ = 0
    for name in sorted(names_before ^ names_after):
        print(f"only in {'before' if name in names_before else 'after'}: {name}")
        differ += 1
    for name in sorted(names_before & names_after):
        a, b = before / name, after / name
        same = a.read_bytes() == b.read_bytes() if name.endswith(".json") else _pixels(a) == _pixels(b)
        if not same:
            print(f"differs: {name}")
            differ += 1
    compared = len(names_before & names_after)
    print(f"{compared} files compared, {differ} differ or are missing")
    return 1 if differ else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    commands = parser.add_subparsers(dest="command", required=True)
    render_parser = commands.add_parser("render", help="render every output of a checkout into OUT")
    render_parser.add_argument("out", type=Path)
    render_parser.add_argument("--repo", type=Path, default=REPO, help="the checkout to render (default: this one)")
    compare_parser = commands.add_parser("compare", help="compare two rendered folders")
    compare_parser.add_argument("before", type=Path)
    compare_parser.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "render":
        render(args.out.resolve(), args.repo.resolve())
        return 0
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
