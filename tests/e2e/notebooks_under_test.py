"""The course notebooks the browser tests open, and what their code cells show (quizzes, charts)."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[2]
#: The notebooks under test.
NOTEBOOK_DIR = ROOT / "notebooks"

QUIZ_CALL = re.compile(r"""quiz\.show\(\s*["']([^"']+)["']\s*,\s*["']([^"']+)["']""")


def notebooks() -> list[Path]:
    return sorted(NOTEBOOK_DIR.glob("[0-9][0-9]-*.ipynb"))


def _code(notebook: Path) -> list[str]:
    return [c.source for c in nbformat.read(notebook, as_version=4).cells if c.cell_type == "code"]


def quiz_calls(notebook: Path) -> list[tuple[str, str]]:
    """(stem, item id) of every ``nbkit.quiz.show("stem", "item")`` in the notebook's code cells, in order."""
    return [call for source in _code(notebook) for call in QUIZ_CALL.findall(source)]


def uses_charts(notebook: Path) -> bool:
    return any("charts." in source for source in _code(notebook))
