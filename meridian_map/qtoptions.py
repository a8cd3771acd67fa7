"""Qt's own command-line options (`-style Fusion`, `-platform offscreen`, `-reverse` …), set apart from ours.

Our parser would reject them, and Qt reads them only if QApplication is
given them; so they are taken out of the arguments before ours are parsed
and handed to QApplication when the window starts. Only the options Qt
documents are taken: a mistyped option of ours still gets our error message.
No Qt import here: this runs before Qt is loaded, and for every command.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# QGuiApplication's and QApplication's documented options that take a value, and those that do not.
WITH_VALUE = frozenset(
    {
        "-platform",
        "-platformpluginpath",
        "-platformtheme",
        "-plugin",
        "-qwindowgeometry",
        "-qwindowicon",
        "-qwindowtitle",
        "-session",
        "-style",
        "-stylesheet",
        "-display",
        "-geometry",
        "-name",
        "-title",
        "-visual",
    }
)
FLAGS = frozenset({"-reverse", "-widgetcount", "-nograb", "-dograb", "-sync"})


@dataclass(frozen=True)
class SplitArguments:
    ours: list[str]
    qt: list[str]
    missing_value: str = ""  # a Qt option given last, without its value


def split_qt_options(argv: Sequence[str]) -> SplitArguments:
    """Our arguments and Qt's, each in the order given; everything after "--" is ours."""
    ours: list[str] = []
    qt: list[str] = []
    args = list(argv)
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            ours.extend(args[i:])
            break
        name = arg.split("=", 1)[0]
        if (name in FLAGS and "=" not in arg) or (name in WITH_VALUE and "=" in arg):
            qt.append(arg)
        elif name in WITH_VALUE:
            if i + 1 >= len(args):
                return SplitArguments(ours, qt, arg)
            qt.extend(args[i : i + 2])
            i += 1
        else:
            ours.append(arg)
        i += 1
    return SplitArguments(ours, qt)


def qt_option(qt: Sequence[str], name: str) -> str | None:
    """The value given to a Qt option, the last one if repeated."""
    value = None
    for i, arg in enumerate(qt):
        if arg == name and i + 1 < len(qt):
            value = qt[i + 1]
        elif arg.startswith(name + "="):
            value = arg.split("=", 1)[1]
    return value
