"""``nbkit app``: a notebook (or the course folder) as a code-free Voila app; see :mod:`nbkit.app`.

The app's command-line options are declared here only (``make app`` runs ``nbkit app``).
"""

from __future__ import annotations

from pathlib import Path

from . import UsageError, add_course_argument

HELP = "open a notebook as a code-free app in the browser (Voila, 127.0.0.1 only)"


def add_arguments(p) -> None:
    from ..app import DEFAULT_PORT

    add_course_argument(p, "target", "NOTEBOOK", "a notebook (.ipynb), or a folder to list its notebooks")
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port on 127.0.0.1 (default {DEFAULT_PORT})")


def run(args) -> int:
    """Open a notebook as an app: its text, charts and quizzes run in the browser with no code shown.

    Voila serves on 127.0.0.1 only and prints the address (with its access token) to open;
    stop it with Ctrl+C. Nothing is loaded from the internet. Exit code 2 when the notebook
    does not exist or Voila is not installed.
    """
    from ..app import serve

    target = Path(args.target)
    if not target.exists():
        raise UsageError(
            f"{target} not found. Give a notebook such as notebooks/00-start-here.ipynb, "
            "or run from the folder that holds notebooks/."
        )
    if target.is_file() and target.suffix != ".ipynb":
        raise UsageError(f"{target} is not a notebook (.ipynb).")
    return serve(target, port=args.port)
