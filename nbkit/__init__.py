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

from .annotations.loaders import (  # noqa: E402  (argument layer, issue 3)
    load_actors, load_aliases, load_annotations, load_argument_links, load_claims, load_glossary,
    load_marker_lexicon, load_markers, load_mentions, load_timeline, load_treaty_articles,
)

__all__ += ["load_claims", "load_argument_links", "load_actors", "load_aliases", "load_mentions",
            "load_treaty_articles", "load_timeline", "load_glossary", "load_marker_lexicon", "load_markers",
            "load_annotations"]
