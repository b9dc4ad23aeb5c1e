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
