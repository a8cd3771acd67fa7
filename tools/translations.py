"""Regenerates the window's Chinese translation: sources → translations/*.ts (lupdate) → assets/translations/*.qm.

    python tools/translations.py          extract new strings into the .ts, then build the .qm
    python tools/translations.py --check  fail if the .ts misses a string of the sources, keeps one they
                                          no longer have, leaves one untranslated, or the .qm is stale

The .ts is edited by hand (or in Qt Linguist) between the two. Locations are
left out of it, so moving code does not change the file; strings are matched
by their context (the class, or the name given to QT_TRANSLATE_NOOP) and text.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "meridian_map" / "gui"
TS = ROOT / "translations" / "meridian_map_zh_CN.ts"
QM = ROOT / "assets" / "translations" / "meridian_map_zh_CN.qm"
BIN = Path(sys.executable).parent


def sources() -> list[str]:
    return sorted(str(path.relative_to(ROOT)) for path in SOURCES.rglob("*.py"))


def lupdate(ts: Path) -> str:
    """Extract into `ts` (created or merged); returns lupdate's report."""
    done = subprocess.run(
        [str(BIN / "pyside6-lupdate"), *sources(), "-ts", str(ts), "-locations", "none", "-no-obsolete",
         "-source-language", "en", "-target-language", "zh_CN"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return done.stdout + done.stderr


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), "-silent", "-removeidentical", str(ts), "-qm", str(qm)],
        cwd=ROOT, check=True,
    )  # fmt: skip


def messages(ts: Path) -> dict[tuple[str, str], str | None]:
    """(context, source) → the translation, None when unfinished or empty."""
    found: dict[tuple[str, str], str | None] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            text = None if translation is None or translation.get("type") is not None else translation.text
            found[(name, message.findtext("source", ""))] = text or None
    return found


def check() -> list[str]:
    """What is out of date, one line each; empty when the committed files match the sources."""
    problems = []
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / TS.name
        shutil.copy(TS, fresh)
        lupdate(fresh)
        if fresh.read_bytes() != TS.read_bytes():
            committed, extracted = set(messages(TS)), set(messages(fresh))
            problems += [f"not extracted into {TS.name}: {c}: {s!r}" for c, s in sorted(extracted - committed)]
            problems += [f"no longer in the sources: {c}: {s!r}" for c, s in sorted(committed - extracted)]
            problems += [] if problems else [f"{TS.name} differs from what lupdate writes: run tools/translations.py"]
        problems += [f"untranslated: {c}: {s!r}" for (c, s), text in sorted(messages(TS).items()) if text is None]
        built = Path(folder) / QM.name
        lrelease(TS, built)
        if not QM.is_file() or built.read_bytes() != QM.read_bytes():
            problems.append(f"{QM.relative_to(ROOT)} is not built from {TS.name}: run tools/translations.py")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check; change nothing")
    if parser.parse_args().check:
        problems = check()
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    print(lupdate(TS).strip())
    QM.parent.mkdir(parents=True, exist_ok=True)
    lrelease(TS, QM)
    untranslated = sum(1 for text in messages(TS).values() if text is None)
    print(f"{QM.relative_to(ROOT)}: built; {untranslated} string(s) still untranslated in {TS.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
