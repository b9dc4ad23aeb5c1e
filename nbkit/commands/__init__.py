"""The subcommands of ``nbkit`` (see :mod:`nbkit.cli`), one module each.

Each module has ``HELP`` (one line for ``nbkit --help``), ``add_arguments(parser)`` and
``run(args) -> int``. Heavy libraries are imported inside ``run``, so ``nbkit --help`` stays fast.

Exit codes every subcommand keeps: :data:`OK` (0), :data:`PROBLEM` (1: a problem was found, or
nothing was done), :data:`USAGE` (2: the command line was wrong, e.g. a file that does not exist).
"""

from __future__ import annotations

import sys

__all__ = ["OK", "PROBLEM", "USAGE", "UsageError", "say", "progress_line", "NOTEBOOKS", "add_course_argument"]

OK, PROBLEM, USAGE = 0, 1, 2

#: The folder of the course's notebooks, relative to where ``nbkit`` runs: used when a command is given none.
NOTEBOOKS = "notebooks"


class UsageError(Exception):
    """The command line asks for something impossible (missing file, wrong kind of file); exit code 2."""


def say(message: str) -> None:
    """A status line on standard error (standard output is kept for results)."""
    print(message, file=sys.stderr, flush=True)


def add_course_argument(p, dest: str, metavar: str, help: str, *, many: bool = False) -> None:
    """Declare the positional argument naming what a command works on in the course.

    One ``metavar`` that defaults to the :data:`NOTEBOOKS` folder, or with ``many`` any number (none
    meaning every notebook there). ``help`` says what to give; the default is added to it.
    """
    if many:
        p.add_argument(dest, metavar=metavar, nargs="*", help=f"{help} (default: every {NOTEBOOKS}/*.ipynb)")
    else:
        p.add_argument(dest, metavar=metavar, nargs="?", default=NOTEBOOKS, help=f"{help} (default: {NOTEBOOKS})")


def progress_line(done: int, total: int, label: str) -> None:
    """``[2/5] label`` on standard error: a simple progress bar that also reads well in logs."""
    say(f"[{done}/{total}] {label}")
