"""Learners' quiz progress: a JSON store on disk and a frame view.

``nbkit.progress()`` (this module is callable) returns the frame of every submission with
columns learner, notebook, item, attempt, answer, correct, time; ``nbkit.progress.export(
"my-answers.csv")`` writes it for hand-in. See :mod:`nbkit.progress.store` for where the file
lives and how writes are made safe.
"""

from __future__ import annotations

import sys
import types

from .frame import export, frame, records_to_frame
from .store import ENV_LEARNER, ENV_PATH, ProgressStore, default_path, learner_name, record_answer

__all__ = [
    "frame",
    "export",
    "records_to_frame",
    "ProgressStore",
    "default_path",
    "learner_name",
    "record_answer",
    "ENV_PATH",
    "ENV_LEARNER",
]


class _CallableModule(types.ModuleType):
    """Lets ``nbkit.progress()`` work although ``nbkit.progress`` is a package."""

    def __call__(self, path=None):
        """The progress frame (same as :func:`nbkit.progress.frame`)."""
        return frame(path)


sys.modules[__name__].__class__ = _CallableModule
