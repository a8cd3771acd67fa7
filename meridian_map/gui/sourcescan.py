"""Opening the window without PySide reading the source of every module for `from __feature__ import`.

Once imported, PySide reads the whole source of each module an import
statement names, the first time it is named (the standard library's typing,
enum, dataclasses and pathlib, and each of ours), to learn whether it
selects PySide's optional features (snake_case, true_property). This app
selects none. Marked beforehand with what that reading would find, those
modules are not read: about 9 ms of CPU and 2.6 MiB at start-up. The table
is PySide's own; with a PySide that keeps none, nothing is marked and the
reading goes on as before. Modules first imported later are still read.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
USES_NO_FEATURE = 0  # what PySide records for a module that uses PySide and selects no feature
USES_NO_PYSIDE = -1  # and for one that does not use PySide


def our_modules() -> list[str]:
    """Every module of the package by name, found from its files without importing any."""
    names = []
    for folder, _dirs, files in os.walk(PACKAGE):
        package = Path(folder).relative_to(PACKAGE.parent).parts
        for file in files:
            if file.endswith(".py"):
                stem = file.removesuffix(".py")
                names.append(".".join(package if stem == "__init__" else (*package, stem)))
    return names


def spare_source_scan() -> None:
    """Mark our modules, and those already imported, so PySide does not read their source."""
    import PySide6  # noqa: F401  # importing it installs the reading and its table

    table = getattr(sys.modules.get("shibokensupport.feature"), "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return
    for name in our_modules():
        table.setdefault(name, USES_NO_FEATURE)
    for name in list(sys.modules):
        table.setdefault(name, USES_NO_FEATURE if name.startswith("PySide6") else USES_NO_PYSIDE)
