"""``nbkit`` / ``python -m nbkit``: command-line tools for teachers.

This module only parses the command line; each subcommand lives in its own module under
:mod:`nbkit.commands` (``HELP``, ``add_arguments(parser)``, ``run(args) -> int``), except
``answer-key``, kept here. To add a subcommand, write its module and add a line to :data:`COMMANDS`.

Exit codes: 0 done, 1 a problem was found or nothing was done, 2 usage error (wrong arguments,
a file that does not exist).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from .errors import NbkitError

__all__ = ["main", "build_parser", "COMMANDS"]

EPILOG = "Exit codes: 0 done; 1 a problem was found or nothing was done; 2 usage error."


def _args_answer_key(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=["md", "html"], default="md", help="Markdown (default) or HTML")
    p.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument(
        "--notebook",
        action="append",
        metavar="STEM",
        help="only this notebook's bank (repeatable); default: every bank",
    )


def cmd_answer_key(args: argparse.Namespace) -> int:
    """Write the answer key of the quiz banks (each item: answer, explanation, evidence)."""
    from .quiz.answer_key import answer_key

    text = answer_key(args.format, args.notebook)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"Answer key written to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


#: name -> module under nbkit.commands (or a (help, add-arguments, run) triple)
COMMANDS = {
    "doctor": "doctor",
    "export": "export",
    "handout": "handout",
    "answer-key": ("write the teacher's answer key of the quiz banks", _args_answer_key, cmd_answer_key),
    "progress": "progress_cmd",
    "new-course": "new_course",
    "app": "app_cmd",
    "nav": "nav_cmd",
    "check-bank": "check_bank_cmd",
    "annotate": "annotate_cmd",
}


def _command(spec):
    if isinstance(spec, tuple):
        return spec
    mod = importlib.import_module(f"{__package__}.commands.{spec}")
    return mod.HELP, mod.add_arguments, mod.run


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="nbkit", description="nbkit tools for the interview course.", epilog=EPILOG)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, spec in COMMANDS.items():
        help_text, add_args, func = _command(spec)
        description = (func.__doc__ or help_text).strip()
        p = sub.add_parser(
            name,
            help=help_text,
            description=description,
            epilog=EPILOG,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        add_args(p)
        p.set_defaults(func=func)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run a subcommand. nbkit's own errors print as one readable line and exit with 1; usage errors with 2."""
    from .commands import UsageError

    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except UsageError as exc:
        print(f"nbkit {args.command}: {exc}", file=sys.stderr)
        return 2
    except NbkitError as exc:
        print(f"nbkit: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("nbkit: interrupted", file=sys.stderr)
        return 130
