"""nbkit: the interview "Assessing North Korea-Russia Relations" (The Diplomat, 2024) as tidy frames,
with quizzes and charts for a Jupyter course.

Quick start::

    import nbkit
    iv = nbkit.load_interview()      # the bundled interview
    iv.paragraphs.head()

Heavy libraries (altair, ipywidgets, pysbd) load only when first used.
"""

from __future__ import annotations

from .errors import DataValidationError, InterviewFormatError, NbkitError, ProgressStoreError, QuizBankError
from .interview import Interview, load_corpus, load_interview

__version__ = "0.1.0"

__all__ = [
    "Interview",
    "load_interview",
    "load_corpus",
    "NbkitError",
    "InterviewFormatError",
    "DataValidationError",
    "QuizBankError",
    "ProgressStoreError",
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


__all__ += ["setup", "save_chart"]

from .annotations.loaders import (  # noqa: E402  (argument layer, issue 3)
    load_actors, load_aliases, load_annotations, load_argument_links, load_claims, load_glossary,
    load_marker_lexicon, load_markers, load_mentions, load_timeline, load_treaty_articles,
)

__all__ += ["load_claims", "load_argument_links", "load_actors", "load_aliases", "load_mentions",
            "load_treaty_articles", "load_timeline", "load_glossary", "load_marker_lexicon", "load_markers",
            "load_annotations"]

from .kwic import kwic  # noqa: E402  (keyword in context, issue 5)
from .lexicons import load_instruction_verbs  # noqa: E402

__all__ += ["kwic", "load_instruction_verbs"]


def __getattr__(name: str):
    """Load ``nbkit.quiz``, ``nbkit.progress``, ``nbkit.charts`` and ``nbkit.exercise`` on first use: ``import nbkit`` stays cheap.

    ``nbkit.progress()`` returns the progress frame (the module is callable).
    """
    if name in ("quiz", "progress", "charts", "exercise"):
        import importlib

        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ += ["quiz", "progress", "charts", "exercise"]
