"""The course as apps: Voila shows a notebook's text, charts and quizzes, and none of its code.

``nbkit app`` (and ``make app``) serves a page on 127.0.0.1 listing the notebooks; open one and it
runs top to bottom in its own kernel, quizzes answerable, code cells hidden. Give a notebook to open
just that one::

    nbkit app                                            # all notebooks in ./notebooks
    nbkit app notebooks/02-transactional-or-strategic.ipynb --port 8867

This module builds and runs the Voila command; its options are declared once, in
:mod:`nbkit.commands.app_cmd`.

The page makes no request beyond the machine: nbkit's Voila template ("nbkit", in
``nbkit/data/jupyter/voila/templates/``) is Voila's "lab" template without the icon-font
stylesheets it would load from cdn.jsdelivr.net.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

__all__ = ["TEMPLATE", "DEFAULT_PORT", "template_root", "voila_command", "voila_env", "serve"]

#: Name of nbkit's Voila template.
TEMPLATE = "nbkit"
DEFAULT_PORT = 8866


def template_root() -> Path:
    """The Jupyter data folder holding ``voila/templates/nbkit`` (added to ``JUPYTER_PATH``)."""
    from .resources import data_file

    return Path(str(data_file("jupyter")))


def voila_command(
    target: str | os.PathLike, *, port: int = DEFAULT_PORT, token: str | None = None, python: str = sys.executable
) -> list[str]:
    """The Voila command line for ``target`` (a notebook, or a folder to list its notebooks).

    Binds 127.0.0.1 only, opens no browser, hides every code cell (``strip_sources``) and uses
    nbkit's offline template. The notebook list is Voila's classic tree, rendered on the server: the
    JupyterLab-style list fills itself from the browser and, on a loaded machine, was once seen
    empty after a minute (CI run of 2026-11-26). ``token``: None makes Voila generate one and print the URL with it;
    a string sets it (tests)."""
    cmd = [
        python,
        "-m",
        "voila",
        str(target),
        "--no-browser",
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        "--Voila.port_retries=0",
        f"--template={TEMPLATE}",
        "--strip_sources=True",
        "--theme=light",
        "--classic-tree",
    ]
    cmd.append("--token" if token is None else f"--Voila.token={token}")
    return cmd


def voila_env(base: dict | None = None) -> dict[str, str]:
    """``base`` (default ``os.environ``) with nbkit's template folder first on ``JUPYTER_PATH``."""
    env = dict(os.environ if base is None else base)
    paths = [str(template_root())] + [p for p in env.get("JUPYTER_PATH", "").split(os.pathsep) if p]
    env["JUPYTER_PATH"] = os.pathsep.join(paths)
    return env


def serve(target: str | os.PathLike, *, port: int = DEFAULT_PORT) -> int:
    """Run Voila on ``target`` until it stops (Ctrl+C); returns Voila's exit code."""
    return subprocess.call(voila_command(target, port=port), env=voila_env())
