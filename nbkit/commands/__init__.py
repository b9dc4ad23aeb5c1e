"""The subcommands of ``nbkit`` (see :mod:`nbkit.cli`), one module each.

Each module has ``HELP`` (one line for ``nbkit --help``), ``add_arguments(parser)`` and
``run(args) -> int``. Heavy libraries are imported inside ``run``, so ``nbkit --help`` stays fast.

Exit codes every subcommand keeps: :data:`OK` (0), :data:`PROBLEM` (1: a problem was found, or
nothing was done), :data:`USAGE` (2: the command line was wrong, e.g. a file that does not exist).
"""

from __future__ import annotations

import sys

__all__ = ["OK", "PROBLEM", "USAGE", "UsageError", "say", "progress_line"]

OK, PROBLEM, USAGE = 0, 1, 2


class UsageError(Exception):
    """The command line asks for something impossible (missing file, wrong kind of file); exit code 2."""


def say(message: str) -> None:
    """A status line on standard error (standard output is kept for results)."""
    print(message, file=sys.stderr, flush=True)


def progress_line(done: int, total: int, label: str) -> None:
    """``[2/5] label`` on standard error: a simple progress bar that also reads well in logs."""
    say(f"[{done}/{total}] {label}")
