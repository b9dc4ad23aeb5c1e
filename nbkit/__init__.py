"""nbkit: the interview "Assessing North Korea-Russia Relations" (The Diplomat, 2024) as tidy frames,
with quizzes and charts for a Jupyter course.

Quick start::

    import nbkit
    nbkit.setup()                    # charts that draw with no network
    iv = nbkit.load_interview()      # the bundled interview
    iv.paragraphs.head()

``import nbkit`` loads pandas and nbkit's own modules only. altair, ipywidgets, jsonschema and
yaml load on first use, and the subpackages ``nbkit.quiz``, ``nbkit.progress``, ``nbkit.charts``
and ``nbkit.exercise`` are imported the first time they are named.
"""

from __future__ import annotations

import importlib
import importlib.metadata

from .annotations.loaders import (
    load_actors, load_aliases, load_annotations, load_argument_links, load_claims, load_glossary,
    load_marker_lexicon, load_markers, load_mentions, load_timeline, load_treaty_articles,
)
from .errors import DataValidationError, InterviewFormatError, NbkitError, ProgressStoreError, QuizBankError
from .interview import Interview, load_corpus, load_interview
from .kwic import kwic
from .lexicons import load_instruction_verbs

__version__ = importlib.metadata.version(__name__)

_LAZY_SUBPACKAGES = ("quiz", "progress", "charts", "exercise")

__all__ = [
    # the interview as frames
    "Interview", "load_interview", "load_corpus", "kwic", "load_instruction_verbs",
    # the argument layer (bundled interview)
    "load_claims", "load_argument_links", "load_actors", "load_aliases", "load_mentions",
    "load_treaty_articles", "load_timeline", "load_glossary", "load_marker_lexicon", "load_markers",
    "load_annotations",
    # charts
    "setup", "save_chart",
    # errors
    "NbkitError", "InterviewFormatError", "DataValidationError", "QuizBankError", "ProgressStoreError",
    # subpackages, loaded on first use
    *_LAZY_SUBPACKAGES,
]


def setup(renderer: str = "auto") -> str:
    """Make charts display without internet access; returns the renderer enabled ("jupyter", "svg" or "png").

    See :func:`nbkit.display.setup` (altair is imported only now, not by ``import nbkit``).
    """
    from .display import setup as _setup

    return _setup(renderer)


def save_chart(chart, path, *, scale: float = 2.0):
    """Save a chart as .svg, .png, .pdf or self-contained .html for handouts, offline; returns the path.

    See :func:`nbkit.display.save_chart`.
    """
    from .display import save_chart as _save_chart

    return _save_chart(chart, path, scale=scale)


def __getattr__(name: str):
    """Import ``nbkit.quiz``, ``nbkit.progress``, ``nbkit.charts`` or ``nbkit.exercise`` the first time it is named.

    ``nbkit.progress()`` returns the progress frame (the module is callable).
    """
    if name in _LAZY_SUBPACKAGES:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
