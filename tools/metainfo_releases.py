"""Write the AppStream metainfo's <releases> from CHANGELOG.md, so the two never disagree.

    .venv/bin/python tools/metainfo_releases.py           # rewrite the metainfo
    .venv/bin/python tools/metainfo_releases.py --check   # exit 1 if it is out of date

The changelog is the one place release notes are written; software centres
read the metainfo. Only released versions are listed (not "Unreleased"),
newest first, each with its date and its notes as plain text in a list.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import NamedTuple
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
CHANGELOG = ROOT / "CHANGELOG.md"
METAINFO = ROOT / "assets" / "desktop" / "org.meridianmap.MeridianMap.metainfo.xml"

RELEASE_HEADING = re.compile(r"^## \[(?P<version>\d+\.\d+\.\d+)\] - (?P<date>\d{4}-\d{2}-\d{2})\s*$")
RELEASES_BLOCK = re.compile(r"^(?P<indent>[ \t]*)<releases>.*?</releases>", re.DOTALL | re.MULTILINE)


class Release(NamedTuple):
    version: str
    date: str
    notes: tuple[str, ...]


def releases(changelog: str) -> list[Release]:
    """The released versions in the order the changelog lists them (newest first).

    A note is one bullet, its continuation lines joined; markdown code marks
    are dropped since the metainfo description is plain text.
    """
    found: list[Release] = []
    current: tuple[str, str] | None = None
    notes: list[str] = []
    for line in changelog.splitlines():
        if line.startswith("## "):
            if current is not None:
                found.append(Release(*current, tuple(notes)))
            heading = RELEASE_HEADING.match(line)
            current = (heading["version"], heading["date"]) if heading else None
            notes = []
        elif current is not None and line.startswith("- "):
            notes.append(line[2:].strip())
        elif current is not None and notes and line.startswith("  ") and line.strip():
            notes[-1] += " " + line.strip()
    if current is not None:
        found.append(Release(*current, tuple(notes)))
    return [r._replace(notes=tuple(n.replace("`", "") for n in r.notes)) for r in found]


def releases_xml(items: list[Release], indent: str) -> str:
    inner = indent + "  "
    lines = [f"{indent}<releases>"]
    for release in items:
        lines.append(f'{inner}<release version="{release.version}" date="{release.date}">')
        lines.append(f"{inner}  <description>")
        lines.append(f"{inner}    <ul>")
        lines.extend(f"{inner}      <li>{escape(note)}</li>" for note in release.notes)
        lines.append(f"{inner}    </ul>")
        lines.append(f"{inner}  </description>")
        lines.append(f"{inner}</release>")
    lines.append(f"{indent}</releases>")
    return "\n".join(lines)


def updated_metainfo(metainfo: str, changelog: str) -> str:
    block = RELEASES_BLOCK.search(metainfo)
    if block is None:
        raise ValueError("the metainfo has no <releases> element to fill")
    generated = releases_xml(releases(changelog), block["indent"])
    return metainfo[: block.start()] + generated + metainfo[block.end() :]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the metainfo is not up to date")
    parser.add_argument("--changelog", type=Path, default=CHANGELOG)
    parser.add_argument("--metainfo", type=Path, default=METAINFO)
    args = parser.parse_args()
    current = args.metainfo.read_text(encoding="utf-8")
    wanted = updated_metainfo(current, args.changelog.read_text(encoding="utf-8"))
    if args.check:
        if wanted != current:
            print(f"{args.metainfo}: <releases> differs from {args.changelog}; run {Path(__file__).name}")
            return 1
        return 0
    args.metainfo.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
