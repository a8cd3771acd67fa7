"""Reading a PDF as a reader would, through poppler, for the sheet tests."""

from __future__ import annotations

import re
import subprocess


def poppler(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True, timeout=60).stdout


def flat(text: str) -> str:
    """Text with all whitespace taken out: a line may break anywhere, hanzi have no spaces."""
    return re.sub(r"\s+", "", text)
