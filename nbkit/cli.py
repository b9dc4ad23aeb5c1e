"""``python -m nbkit`` / ``nbkit``: command-line tools for teachers.

One function per subcommand, ``cmd_<name>(args) -> int``, registered in :data:`COMMANDS`
with a function that adds its arguments. To add a subcommand, write both and add a line to
:data:`COMMANDS`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import NbkitError

__all__ = ["main", "build_parser", "COMMANDS"]


def _args_answer_key(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=["md", "html"], default="md", help="Markdown (default) or HTML")
    p.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--notebook", action="append", metavar="STEM",
                   help="only this notebook's bank (repeatable); default: every bank")


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


#: name -> (help, add-arguments function, command function)
COMMANDS = {
    "answer-key": ("write the teacher's answer key of the quiz banks", _args_answer_key, cmd_answer_key),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m nbkit", description="nbkit tools for the interview course.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, (help_text, add_args, func) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=func.__doc__)
        add_args(p)
        p.set_defaults(func=func)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run a subcommand; nbkit's own errors print as one readable line and exit with status 1."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except NbkitError as exc:
        print(f"nbkit: {exc}", file=sys.stderr)
        return 1
