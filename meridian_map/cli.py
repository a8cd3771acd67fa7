"""`meridian-map`: the window by default, sub-commands for headless work.

Sub-commands that need no window never import Qt, so `check` and `export`
stay fast and run on machines without a display.
"""

from __future__ import annotations

import argparse
import errno
import gc
import os
import re
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from . import __version__
from .core.problems import ContentError, Problem, clip
from .core.store.stdout import STDOUT, stdout_failed, write_stdout
from .core.text.languages import BILINGUAL, EN, LANGUAGES, PRINTED

if TYPE_CHECKING:
    from datetime import date

    from .core.catalog import Catalog
    from .core.output.chart import Printed
    from .core.output.sheet import Sheet
    from .core.photo.fit import MappedPhoto

THEME_CHOICES = ("system", "light", "dark", "high-contrast")  # gui/theme.py's ThemeChoice; Qt is not loaded here
SUMMARY_ITEMS = 20  # records named in the pack summary; the rest are counted
SUMMARY_NAME_CHARS = 80  # of each: a source's name is its whole text
MESSAGE_LIMIT = 400  # characters of one error line; the rest is what a person typed, clipped
_LONG_WORD = re.compile(r"\S{81,}")
_SIZE_VALUE = re.compile(r"-[\d.]*x-?[\d.]*", re.IGNORECASE)


class _Parser(argparse.ArgumentParser):
    """argparse, with what a person typed clipped in its error messages."""

    def error(self, message: str) -> NoReturn:
        super().error(_clipped(message))


def _clipped(message: str) -> str:
    """`message` with each overlong word cut, and the whole cut to a line a terminal can show."""
    return clip(_LONG_WORD.sub(lambda found: clip(found.group()), message), MESSAGE_LIMIT)


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="meridian-map",
        description="Meridian Map: facial gua sha zones and acupuncture points, for study and practice.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--screenshot", metavar="FILE", type=Path, help="save the window as PNG (- for stdout) and exit"
    )
    parser.add_argument(
        "--select",
        metavar="ID",
        help="zone (cheek, cheek_l), point (ST2, ST2.L) or concern (dark_circles) to select",
    )
    parser.add_argument("--size", metavar="WxH", type=_size, help="window size for --screenshot, e.g. 1280x800")
    parser.add_argument(
        "--lang",
        dest="global_lang",
        choices=LANGUAGES,
        help="language of the window (remembered; default: the system's), and of a command's output when it has "
        "no --lang of its own; bilingual shows the content in English and Chinese side by side in the window",
    )
    parser.add_argument("--mode", metavar="SCREEN", help="screen to open on (default: explore)")
    parser.add_argument(
        "--theme",
        choices=THEME_CHOICES,
        help="the window's theme, as View → Theme sets it (default: as last chosen, else system)",
    )
    parser.epilog = (
        "Qt's own options are given to Qt for the window: -style NAME, -platform NAME, -reverse (right to left), "
        "-stylesheet FILE, -qwindowgeometry WxH+X+Y and the others Qt documents."
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("check", help="validate the face drawing and content")
    _add_source_options(check)

    export = commands.add_parser("export", help="write the catalog (zones, points, channels) as JSON")
    export.add_argument("--format", choices=["json"], default="json")
    export.add_argument(
        "-o", "--output", metavar="FILE", type=Path, help="file to write, or - for stdout (default: stdout, as UTF-8)"
    )
    export.add_argument("--lang", help="language of names and texts (default: en)")
    _add_source_options(export)

    commands.add_parser("paths", help="print where the settings, your content pack and your data live")

    sheet = commands.add_parser(
        "sheet", help="write a PDF: the one-page cheat sheet, or a take-home sheet", formatter_class=_SheetHelp
    )
    sheet.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        type=Path,
        help="PDF to write, or - for stdout (default: meridian-map-<sheet>.pdf here)",
    )
    sheet.add_argument(
        "--paper", choices=["a4", "letter", "a3", "tabloid"], default="a4", type=str.lower, help="default: a4"
    )
    sheet.add_argument(
        "--layout",
        choices=["table", "chart", "points"],
        default="table",
        help="table: the one-page cheat sheet (default); chart: a big face with every zone, for the wall; "
        "points: every point labelled",
    )
    sheet.add_argument("--grayscale", action="store_true", help="a chart tuned for black-and-white printers")
    sheet.add_argument("--concern", metavar="ID", help="a take-home sheet for this concern, e.g. dark_circles")
    sheet.add_argument(
        "--routine", metavar="NAME", help="a take-home sheet for a saved routine (a template or a client's)"
    )
    sheet.add_argument("--client", metavar="NAME", help="with --routine: the client whose routine it is")
    sheet.add_argument("--lang", help="language of the sheet: en or zh (default: en)")
    sheet.add_argument("--note", metavar="TEXT", default="", help="the practitioner's note on a take-home sheet")
    sheet.add_argument(
        "--school", metavar="ID", help="technique school the strokes follow: channel, drainage or lift (default: lift)"
    )
    sheet.add_argument(
        "--compare", metavar="ZONE", help="a one-page 'ways to stroke' sheet: the zone under every school, e.g. cheek"
    )
    _add_source_options(sheet)

    from .photocommands import add_photo_parser

    photo = add_photo_parser(commands)
    photo.add_argument(
        "--size", metavar="WxH", type=_size, default=argparse.SUPPRESS, help="window size for --screenshot"
    )
    _add_source_options(photo)
    sheet.add_argument(
        "--photo", metavar="FILE", type=Path, help="a take-home sheet drawn on the client's photo (the [photo] extra)"
    )

    routine = commands.add_parser(
        "routine",
        help="print the routine for one or more concerns, screened for the client",
        description="The routine's steps: each zone the concerns work, once, forehead to neck, with what the "
        "screening answers change (capped pressure, zones left out and why, a postponed session). Screening items: "
        "pregnancy, blood-thinners, recent-injectables, recent-procedure, active-breakout, rosacea-flare, "
        "broken-skin, thyroid-or-neck-lump, skin-fragility, fever (docs/consult.md).",
    )
    routine.add_argument("--concern", metavar="ID[,ID]", required=True, help="concerns, e.g. acne,dark-circles")
    routine.add_argument(
        "--screen",
        metavar="ID[,ID]",
        action="append",
        default=[],
        help="items the client answered yes to, comma-separated or repeated; an item that needs data takes it "
        "after colons: the date (YYYY-MM-DD) and the marked zones joined by '+', e.g. "
        "recent-injectables:2026-11-20:forehead+brow, active-breakout:chin",
    )
    routine.add_argument("--format", choices=["text", "json"], default="text", help="default: text (JSON as UTF-8)")
    routine.add_argument("--lang", help="language of the content texts: en or zh (default: en)")
    routine.add_argument("--today", metavar="YYYY-MM-DD", type=_date, help="the session's date (default: today)")
    routine.add_argument(
        "--school", metavar="ID", help="technique school the strokes follow: channel, drainage or lift (default: lift)"
    )
    _add_source_options(routine)

    study = commands.add_parser("study", help="study progress: what is due per deck")
    study_commands = study.add_subparsers(dest="study_command", metavar="STUDY_COMMAND", required=True)
    status = study_commands.add_parser("status", help="print what is due and new per deck")
    status.add_argument("--json", action="store_true", help="as JSON, for scripts")
    status.add_argument("--lang", help="language of the deck names: en or zh (default: en)")
    export_log = study_commands.add_parser("export", help="write your review history as CSV")
    export_log.add_argument("-o", "--output", metavar="FILE", type=Path, required=True, help="the CSV to write")
    import_log = study_commands.add_parser("import", help="add a CSV review history (from `study export`)")
    import_log.add_argument("file", metavar="FILE", type=Path, help="the CSV to read")

    deck = commands.add_parser("deck", help="write an Anki package (.apkg): one note per point, with a picture")
    deck.add_argument("-o", "--output", metavar="FILE", type=Path, required=True, help="the .apkg to write")
    deck.add_argument("--lang", help="language of the notes: en or zh (default: en)")
    deck.add_argument(
        "--deck", metavar="ID", default="all", help="a deck id, e.g. yang-ming, channel:ST (default: all)"
    )

    commands.add_parser("install-desktop", help="add the menu entry and icon to your desktop (your data folder)")
    commands.add_parser("uninstall-desktop", help="remove exactly what install-desktop added")
    return parser


class _SheetHelp(argparse.HelpFormatter):
    """`sheet --help` ends with the concern ids, read when help is shown so other runs never pay for it."""

    def format_help(self) -> str:
        self.add_text(f"concerns: {', '.join(_shipped_concern_ids())} (and any a content pack adds)")
        return super().format_help()


def _shipped_concern_ids() -> list[str]:
    """The ids in the shipped concerns.toml: a plain TOML read, without building the catalog or loading Qt."""
    import tomllib

    from .core.assets import shipped_assets

    data = tomllib.loads(shipped_assets().joinpath("content", "concerns.toml").read_text(encoding="utf-8"))
    return [str(concern["id"]) for concern in data.get("concern", [])]


def _add_source_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--assets", metavar="DIR", type=Path, help="a folder with face.svg and content/")
    parser.add_argument("--face", metavar="FILE", type=Path, help="a face SVG to use instead")
    packs = parser.add_mutually_exclusive_group()
    packs.add_argument(
        "--pack",
        metavar="DIR",
        type=Path,
        help="a content pack (*.toml, optional face.svg) layered over the content (default: your content folder)",
    )
    packs.add_argument("--no-pack", action="store_true", help="leave your content folder out: the shipped content only")


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{clip(text)!r} is not WIDTHxHEIGHT, e.g. 1280x800") from None
    if not (200 <= width <= 8000 and 200 <= height <= 8000):
        raise argparse.ArgumentTypeError(f"{clip(text)!r}: width and height must be between 200 and 8000")
    return width, height


def _date(text: str) -> date:
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{clip(text)!r} is not a date like 2026-11-20") from None


def _joined_sizes(argv: Sequence[str]) -> list[str]:
    """`--size -5x10` as `--size=-5x10`: argparse takes a value starting with "-" for an option.

    So the value reaches `_size`, whose message says what the range is.
    """
    joined: list[str] = []
    for arg in argv:
        if joined and joined[-1] == "--size" and _SIZE_VALUE.fullmatch(arg):
            joined[-1] = f"--size={arg}"
        else:
            joined.append(arg)
    return joined


def _is_dir(path: Path) -> bool:
    """Path.is_dir, except that a name too long for the system is no folder rather than a traceback."""
    try:
        return path.is_dir()
    except OSError:
        return False


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:
        return False


def _not_a_file(path: Path) -> str:
    """Why `path` cannot be read as a file: a FIFO that exists is no "file not found"."""
    from .core.store.reading import KINDS

    try:
        mode = path.stat().st_mode
    except OSError:
        return "file not found"
    return next((f"not a regular file but {name}" for test, name in KINDS if test(mode)), "not a regular file")


def _pack_dirs(args: argparse.Namespace) -> list[Path]:
    """The pack to layer: `--pack`, else the user's content folder (as the window does) unless `--no-pack`."""
    if args.pack is not None:
        return [args.pack]
    if args.no_pack:
        return []
    from .core.store.dirs import content_dir

    user = content_dir()
    try:
        used = user.is_dir() and any(user.iterdir())
    except OSError as exc:
        raise ContentError([_problem(str(user), f"cannot be read: {exc.strerror or exc}")]) from None
    return [user] if used else []


def _load(args: argparse.Namespace, cached: bool = False, announce: bool = True) -> Catalog:
    """The catalog the options name; `cached` reuses a build of identical files.

    `check` always builds afresh, since validating is its whole point; the
    commands that only read the catalog go through the cache. When a pack
    is layered and `announce`, one line on stderr says which, so a sheet
    that differs from another machine's (or from `--no-pack`) explains
    itself; `check` says it in its summary instead, and keeps stderr to
    the problems.
    """
    if args.assets is not None and not _is_dir(args.assets):
        raise ContentError([_problem(str(args.assets), "folder not found")])
    if args.face is not None and not _is_file(args.face):
        raise ContentError([_problem(str(args.face), _not_a_file(args.face))])
    if args.pack is not None and not _is_dir(args.pack):
        raise ContentError([_problem(str(args.pack), "folder not found")])
    user_dirs = _pack_dirs(args)
    if user_dirs and announce:
        hint = "" if args.pack is not None else " (your content folder; --no-pack leaves it out)"
        print(f"content: shipped content with the pack {user_dirs[0]}{hint}", file=sys.stderr)
    from .core.load import load_catalog

    cache = None
    if cached:
        from .core.store.dirs import cache_dir

        cache = cache_dir()
    return load_catalog(user_dirs, assets=args.assets, face_file=args.face, cache_dir=cache)


def _problem(file: str, message: str) -> Problem:
    return Problem(clip(file, 200), None, "file", message)


def _report(error: ContentError, args: argparse.Namespace | None = None) -> int:
    """Every problem, the count, and the way out when they may come from the content folder nobody named."""
    for problem in error.problems:
        print(problem, file=sys.stderr)
    count = len(error.problems)
    print(f"{count} problem{'s' if count != 1 else ''} found", file=sys.stderr)
    if args is not None and _unnamed_pack_in_play(args):
        print("your content folder is layered by default; --no-pack leaves it out", file=sys.stderr)
    return 1


def _unnamed_pack_in_play(args: argparse.Namespace) -> bool:
    """Whether the user's content folder, which the command line did not name, is layered (or unreadable)."""
    if args.pack is not None or args.no_pack:
        return False
    try:
        return bool(_pack_dirs(args))
    except ContentError:
        return True


def cmd_check(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    try:
        catalog = _load(args, announce=False)
    except ContentError as error:
        return _report(error, args)
    from .core.load import load_screening

    try:
        screening = load_screening(catalog, args.assets, _pack_dirs(args))
    except ContentError as error:
        return _report(error, args)
    elapsed = (time.perf_counter() - started) * 1000
    sided = sum(1 for p in catalog.points if p.side is not None)
    midline = len(catalog.points) - sided
    _say(
        f"ok: {len(catalog.points)} points ({sided} on the sides, {midline} on the midline), "
        f"{len(catalog.zones)} zones ({len(catalog.areas)} outlines), {len(catalog.concerns)} concerns, "
        f"{len(catalog.channels)} channels, {len(catalog.face.landmarks)} landmarks, "
        f"{len(screening.items)} screening items in {elapsed:.0f} ms"
    )
    packs = _pack_dirs(args)
    if packs:
        _say(_pack_summary(catalog, own_face=args.face is None and (packs[0] / "face.svg").is_file()))
    return 0


def _pack_summary(catalog: Catalog, own_face: bool) -> str:
    """What the pack changes, so an author sees that a file was picked up at all."""
    content = catalog.content
    face = "; its face.svg replaces the drawing" if own_face else ""
    return f"pack: edits {_listing(content.edited)}; adds {_listing(content.added)}{face}"


def _listing(keys: Iterable[str]) -> str:
    """'zone cheek, point ST2', at most SUMMARY_ITEMS of them and a count of the rest, each cut short.

    Only the first colon separates the kind from the key: a source's key is
    its whole text, which has colons of its own.
    """
    names = sorted(" ".join(key.split(":", 1)) for key in keys)
    if not names:
        return "nothing"
    shown = [name if len(name) <= SUMMARY_NAME_CHARS else name[: SUMMARY_NAME_CHARS - 1] + "…" for name in names]
    more = len(names) - SUMMARY_ITEMS
    return ", ".join(shown[:SUMMARY_ITEMS]) + (f" and {more:,} more" if more > 0 else "")


def cmd_export(args: argparse.Namespace) -> int:
    import json

    from .core.output.json import catalog_document

    try:
        catalog = _load(args, cached=True)
    except ContentError as error:
        return _report(error, args)
    if args.lang not in catalog.content.languages:
        print(
            f"unknown language {clip(args.lang)!r}; the content has {', '.join(catalog.content.languages)}",
            file=sys.stderr,
        )
        return 2
    # UTF-8 whatever the locale: JSON is UTF-8 (RFC 8259), and a script reading it expects that, not escapes.
    data = (json.dumps(catalog_document(catalog, args.lang), ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    if args.output is None or str(args.output) == STDOUT:
        return write_stdout(data)
    return _to_file(args.output, data)


def _can_write(target: Path) -> bool:
    """Whether the PDF can go to `target`, checked before it is rendered; says why not on stderr."""
    from .core.store.files import writable_mode

    try:
        if not target.parent.is_dir():
            print(f"{target}: cannot write: no such folder", file=sys.stderr)
            return False
        writable_mode(target)
    except OSError as exc:
        print(f"{target}: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return False
    return True


def _to_file(target: Path, data: bytes) -> int:
    from .core.store.files import atomic_write_bytes

    try:
        atomic_write_bytes(target, data)
    except OSError as exc:
        print(f"{target}: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return 1
    return 0


class _StdoutFailedError(Exception):
    """Standard output is full, closed or gone; `main` reports it once."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error)
        self.error = error


def _say(text: str) -> None:
    """A line of a command's output; a locale that cannot spell it gets escapes rather than a traceback."""
    if sys.stdout is None:
        raise _StdoutFailedError(OSError(errno.EBADF, "it is closed"))
    try:
        print(text)
    except UnicodeEncodeError:
        encoding = getattr(sys.stdout, "encoding", None) or "ascii"
        _say(text.encode(encoding, "backslashreplace").decode(encoding))
    except OSError as exc:
        raise _StdoutFailedError(exc) from exc


def cmd_paths(_args: argparse.Namespace) -> int:
    from .core.assets import shipped_assets
    from .core.store.dirs import cache_dir, content_dir, data_dir
    from .core.store.jsonstore import settings_store
    from .core.store.paths import clients_path, database_path

    content = content_dir()
    state = "exists" if content.is_dir() else "not created yet"
    _say(f"settings file:   {settings_store().path}")
    _say(f"content folder:  {content} ({state})")
    _say(f"data folder:     {data_dir()}")
    _say(f"study database:  {database_path()}")
    _say(f"client records:  {clients_path()}")
    _say(f"cache folder:    {cache_dir()} (safe to delete)")
    _say(f"shipped content: {shipped_assets()} (face.svg and content/, to copy from)")
    return 0


def cmd_sheet(args: argparse.Namespace) -> int:
    """Render a sheet headless, with the cyclic garbage collector off meanwhile.

    The catalog, Qt's enum classes and the text layout allocate tens of
    thousands of objects that live until the process exits; the collector
    would walk them some sixty times (about 6 ms) to free a few hundred,
    which the next collection, or exiting, frees as well.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _sheet(args)
    finally:
        if enabled:
            gc.enable()


def _sheet(args: argparse.Namespace) -> int:
    """Qt is imported only here so other commands stay light."""
    from .core.output.chart import build_chart
    from .core.output.sheet import Paper, SheetError, TakeHomeSheet, build_sheet, default_filename
    from .core.printable import printing_problem

    if args.concern is not None and not args.concern.strip():
        print("--concern needs a concern id, e.g. dark-circles; leave it out for the cheat sheet", file=sys.stderr)
        return 2
    if args.concern is not None and args.routine is not None:
        print("--concern and --routine each make a take-home sheet: give one of them", file=sys.stderr)
        return 2
    if args.routine is not None and not args.routine.strip():
        print("--routine needs the name of a saved routine", file=sys.stderr)
        return 2
    if args.client is not None and args.routine is None:
        print("--client picks whose saved routine to print; add --routine NAME", file=sys.stderr)
        return 2
    if args.note and not (args.concern or args.routine):
        print("--note goes on a take-home sheet; add --concern ID or --routine NAME", file=sys.stderr)
        return 2
    if args.photo is not None and not args.concern:
        print("--photo goes on a take-home sheet; add --concern ID", file=sys.stderr)
        return 2
    if (args.concern or args.routine) and args.layout != "table":
        which = "--concern" if args.concern else "--routine"
        print(f"--layout {args.layout} shows every zone; leave out {which}", file=sys.stderr)
        return 2
    if args.grayscale and args.layout == "table":
        print("--grayscale is for the wall charts: add --layout chart or --layout points", file=sys.stderr)
        return 2
    problem = printing_problem(args.note)
    if problem:
        print(f"note: {problem}", file=sys.stderr)
        return 2
    try:
        catalog = _load(args, cached=True)
    except ContentError as error:
        return _report(error, args)
    school = (args.school or "").strip().lower().replace("-", "_")
    if school and school not in catalog.schools:
        print(f"unknown school {school!r}; the schools are {', '.join(catalog.schools)}", file=sys.stderr)
        return 2
    if school:
        catalog = catalog.with_school(school)
    if args.compare is not None:
        if args.concern or args.note or school:
            print(
                "--compare shows every school on its own sheet; leave out --concern, --note and --school",
                file=sys.stderr,
            )
            return 2
        return _comparison_sheet(args, catalog)
    mapped: MappedPhoto | None = None
    if args.photo is not None:
        from .photocommands import read_mapped

        found = read_mapped(catalog, args.photo)
        if isinstance(found, str):
            print(found, file=sys.stderr)
            return 1
        mapped = found
        catalog = mapped.catalog(catalog, mapped.drawing_scale(catalog))
    try:
        if args.routine:
            sheet: Printed = _routine_sheet(args, catalog)
        elif args.layout == "table":
            sheet = build_sheet(catalog, args.concern, args.lang, args.note)
        else:
            sheet = build_chart(catalog, args.layout, args.lang, args.grayscale)
    except (SheetError, ValueError) as error:
        print(_clipped(str(error)), file=sys.stderr)
        return 2
    except ContentError as error:
        return _report(error, args)
    concern = sheet.concern if isinstance(sheet, TakeHomeSheet) else None
    if args.routine:
        concern = "".join(c if c.isalnum() else "-" for c in args.routine.strip()).strip("-").lower() or "routine"
    to_stdout = args.output is not None and str(args.output) == STDOUT
    stem = concern if args.layout == "table" else f"{args.layout}{'-grayscale' if args.grayscale else ''}"
    target: Path = args.output or Path(default_filename(stem, args.lang))
    if not to_stdout and not _can_write(target):
        return 1
    try:
        from .gui.sheets.render import ensure_application, render_pdf
    except ImportError as exc:
        print(f"sheets need Qt, which is not available: {exc}", file=sys.stderr)
        return 1
    ensure_application()
    photo = None
    if mapped is not None:
        from .gui.photo.page import qimage

        photo = qimage(mapped.photo.pixels)
    data, layout = render_pdf(catalog, sheet, Paper(args.paper), photo)
    name = "standard output" if to_stdout else str(target)
    if layout.overflow:
        print(f"{name}: not written: {'; '.join(layout.overflow)}", file=sys.stderr)
        return 1
    written = write_stdout(data) if to_stdout else _to_file(target, data)
    if written:
        return written
    pages = f", {layout.pages} pages" if layout.pages > 1 else ""
    summary = f"{name}: {Paper(args.paper).name} sheet{pages}, {len(data) // 1024} KB"
    if to_stdout:
        print(summary, file=sys.stderr)
    else:
        _say(summary)
    return 0


def _routine_sheet(args: argparse.Namespace, catalog: Catalog) -> Sheet:
    """A saved routine's take-home sheet, with its client's name; ValueError says what was not found."""
    import datetime as dt

    from .consultcommands import saved_routine
    from .core.load import load_screening
    from .core.session.screening import screen
    from .core.session.sheet import screened_sheet

    choice = saved_routine(catalog, args.routine, args.client)
    screening = load_screening(catalog, args.assets, _pack_dirs(args))
    unscreened = screen(choice.routine, [], dt.date.today(), screening, catalog)
    return screened_sheet(catalog, unscreened, args.lang, args.note, client=choice.client)


def _comparison_sheet(args: argparse.Namespace, catalog: Catalog) -> int:
    """The one-page 'ways to stroke' sheet for one zone, written where `-o` says."""
    from .core.output.compare import comparison_sheet
    from .core.output.sheet import Paper, SheetError

    try:
        sheet = comparison_sheet(catalog, args.compare, args.lang)
    except SheetError as error:
        print(_clipped(str(error)), file=sys.stderr)
        return 2
    to_stdout = args.output is not None and str(args.output) == STDOUT
    target: Path = args.output or Path(f"ways-to-stroke-{sheet.zone}-{args.lang}.pdf")
    if not to_stdout and not _can_write(target):
        return 1
    try:
        from .gui.schools.sheet import SheetTooLongError, render_comparison
        from .gui.sheets.render import ensure_application
    except ImportError as exc:
        print(f"sheets need Qt, which is not available: {exc}", file=sys.stderr)
        return 1
    ensure_application()
    try:
        data = render_comparison(catalog, sheet, Paper(args.paper))
    except SheetTooLongError as error:
        print(f"not written: {error}", file=sys.stderr)
        return 1
    written = write_stdout(data) if to_stdout else _to_file(target, data)
    if written:
        return written
    summary = f"{'standard output' if to_stdout else target}: {Paper(args.paper).name} sheet, {len(data) // 1024} KB"
    if to_stdout:
        print(summary, file=sys.stderr)
    else:
        _say(summary)
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    """The window; the catalog is loaded before Qt, and the collector waits for the first frame.

    Start-up allocates tens of thousands of long-lived objects (Qt's enum
    classes, our dataclasses, the scene) and the collector would otherwise
    walk them again and again, about 9 ms that a person waiting for the
    window pays for nothing; `gui.app.after_first_frame` turns it back on once
    the map is painted.
    """
    from .gui.headless import display_problem, offscreen_without_display, scale_factor_problem
    from .qtoptions import qt_option

    platform = qt_option(args.qt_arguments, "-platform")
    if platform is not None:
        os.environ["QT_QPA_PLATFORM"] = platform  # what Qt will use, so the display checks judge that one
    if args.select is not None and not args.select.strip():
        print("--select needs a zone or point, e.g. cheek or ST2", file=sys.stderr)
        return 2
    problem = scale_factor_problem() or (None if args.screenshot is not None else display_problem())
    if problem is not None:
        print(problem, file=sys.stderr)
        return 1
    if args.screenshot is not None:
        offscreen_without_display()
    gc.disable()
    try:
        from .core.load import load_with_user_pack

        try:
            catalog, pack_problems = load_with_user_pack()
        except ContentError as error:
            return _report(error)
        try:
            from .gui.sourcescan import spare_source_scan

            spare_source_scan()
            from .gui.app import run
        except ImportError as exc:
            print(f"the window is not available: {exc}", file=sys.stderr)
            return 1
        return int(run(args, catalog, pack_problems))
    finally:
        gc.enable()


def cmd_photo(args: argparse.Namespace) -> int:
    """The map on a photo: JSON in the photo's pixels (--export), a PNG (--screenshot), else the window."""
    from .gui.headless import display_problem, offscreen_without_display, scale_factor_problem
    from .photocommands import export_json, read_mapped, say_error

    select = getattr(args, "select", None)
    if select is not None and not select.strip():
        return say_error("--select needs a zone or point, e.g. cheek or ST2")
    window = args.export is None or args.screenshot is not None
    problem = scale_factor_problem() or (display_problem() if window and args.screenshot is None else None)
    if problem is not None:
        return say_error(problem)
    try:
        catalog = _load(args, cached=True)
    except ContentError as error:
        return _report(error, args)
    mapped = read_mapped(catalog, args.file)
    if isinstance(mapped, str):
        return say_error(mapped)
    if args.export is not None:
        try:
            data = export_json(catalog, mapped, args.lang)
        except ValueError as error:
            print(error, file=sys.stderr)
            return 2
        written = (
            write_stdout(data) if args.output is None or str(args.output) == STDOUT else _to_file(args.output, data)
        )
        if written or not window:
            return written
    if args.screenshot is not None:
        offscreen_without_display()
    try:
        from .gui.sourcescan import spare_source_scan

        spare_source_scan()
        from .gui.app import run
    except ImportError as exc:
        return say_error(f"the window is not available: {exc}")
    return int(run(args, catalog, [], photo=mapped))


def cmd_routine(args: argparse.Namespace) -> int:
    from .consultcommands import RoutineRequestError, routine_output

    try:
        catalog = _load(args, cached=True)
        output = routine_output(args, catalog, _pack_dirs(args))
    except ContentError as error:
        return _report(error, args)
    except RoutineRequestError as error:
        print(_clipped(str(error)), file=sys.stderr)
        return 2
    if args.format == "json":
        return write_stdout(output.encode("utf-8"))
    _say(output.rstrip("\n"))
    return 0


def cmd_study(args: argparse.Namespace) -> int:
    from .studycommands import cmd_study

    return cmd_study(args)


def cmd_deck(args: argparse.Namespace) -> int:
    from .studycommands import cmd_deck

    return cmd_deck(args)


def cmd_desktop(args: argparse.Namespace) -> int:
    """`install-desktop` and `uninstall-desktop`: files in the user's XDG data folder, never elsewhere."""
    from .core.store.desktop import DesktopError, data_home, install, uninstall

    try:
        outcome = install() if args.command == "install-desktop" else uninstall()
    except (DesktopError, OSError) as error:
        print(error, file=sys.stderr)
        return 1
    for path in outcome.written:
        print(f"wrote {path}")
    for path in outcome.removed:
        print(f"removed {path}")
    for path, reason in outcome.kept:
        print(f"left {path}: {reason}")
    if not (outcome.written or outcome.removed):
        print(f"nothing to do in {data_home()}")
    return 0


def _command_language(args: argparse.Namespace) -> str | None:
    """A command's own `--lang`, else the global one, else English; None when the global one is bilingual.

    Commands print or write one language; bilingual is the window's.
    """
    if getattr(args, "lang", None) is not None:
        return str(args.lang)
    if args.global_lang == BILINGUAL:
        return None
    return str(args.global_lang or EN)


def main(argv: Sequence[str] | None = None) -> int:
    from .qtoptions import split_qt_options

    parser = _build_parser()
    split = split_qt_options(sys.argv[1:] if argv is None else argv)
    if split.missing_value:
        parser.error(f"the Qt option {split.missing_value} needs a value")
    args = parser.parse_args(_joined_sizes(split.ours))
    if split.qt and args.command:
        parser.error(f"Qt's options ({' '.join(split.qt)}) are for the window, not for {args.command}")
    args.qt_arguments = split.qt
    if hasattr(args, "lang"):
        args.lang = _command_language(args)
        if args.lang is None:
            one = " or ".join(PRINTED)
            parser.error(f"--lang {BILINGUAL} is for the window; {args.command} writes one language: {one}")
    handlers = {
        "check": cmd_check, "export": cmd_export, "paths": cmd_paths, "sheet": cmd_sheet, "study": cmd_study,
        "deck": cmd_deck, "routine": cmd_routine, "photo": cmd_photo,
    }  # fmt: skip
    handlers |= {"install-desktop": cmd_desktop, "uninstall-desktop": cmd_desktop}
    handler = handlers.get(args.command or "", cmd_gui)
    try:
        return handler(args)
    except _StdoutFailedError as failed:
        return stdout_failed(failed.error)


def run() -> NoReturn:
    """The `meridian-map` program: `main`, then exit without a last collection.

    Everything the command made lives until the process ends, yet Python's
    shutdown would walk it all once more for garbage cycles (about 20 ms
    after a sheet, 8 % of the command). Frozen, it is left to the exit.
    Callers of `main` within a longer-lived process keep their collector as is.
    """
    code = main()
    if sys.stdout is not None:
        try:
            sys.stdout.flush()
        except OSError as exc:
            code = code or stdout_failed(exc)
    gc.freeze()
    sys.exit(code)


if __name__ == "__main__":
    run()
