"""Writing a command's output to standard output, which may be full, closed or gone.

Shared by the command line and the window's `--screenshot -`: a script that
pipes our output somewhere gets one message and exit 1, never a traceback.
"""

from __future__ import annotations

import os
import sys

STDOUT = "-"  # as an output file name: standard output


def write_stdout(data: bytes) -> int:
    """Write bytes to standard output; a closed, full or broken one is a message and exit 1, not a traceback."""
    stream = sys.stdout
    if stream is None:
        print("standard output is closed; name a file with -o FILE", file=sys.stderr)
        return 1
    try:
        stream.flush()
        stream.buffer.write(data)
        stream.buffer.flush()
    except OSError as exc:
        return stdout_failed(exc)
    return 0


def stdout_failed(exc: OSError) -> int:
    """Report a failed write to stdout, and drop what is still buffered so exiting does not fail again."""
    if not isinstance(exc, BrokenPipeError):  # the reader stopped on purpose (`| head`): nothing to say
        print(f"cannot write to standard output: {exc.strerror or exc}", file=sys.stderr)
    if sys.stdout is sys.__stdout__ and sys.stdout is not None:
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
        except (OSError, ValueError):
            pass
    return 1
