"""nbkit's own exception types.

Every error names where the problem is (file, line, row, field) and says in a
sentence what was expected, what was found and what to do, so a learner never
has to read a pandas traceback.
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "NbkitError",
    "InterviewFormatError",
    "DataValidationError",
    "QuizBankError",
    "ProgressStoreError",
]


class NbkitError(Exception):
    """Base class of every error nbkit raises on purpose."""


class InterviewFormatError(NbkitError, ValueError):
    """An interview text does not follow the series' format.

    Attributes: ``path`` (file or ``"<text>"``), ``line`` (1-based, or None),
    ``reason`` (the plain-English explanation).
    """

    def __init__(self, path: str | Path | None, line: int | None, reason: str):
        self.path = str(path) if path is not None else "<text>"
        self.line = line
        self.reason = reason
        where = self.path if line is None else f"{self.path}, line {line}"
        super().__init__(f"{where}: {reason}")


class DataValidationError(NbkitError, ValueError):
    """A curated data file (claims, actors, timeline…) does not match the text or its schema.

    Attributes: ``path``, ``row`` (1-based data row, header not counted, or None),
    ``field`` (column name, or None), ``reason``.
    """

    def __init__(self, path: str | Path, row: int | None, field: str | None, reason: str):
        self.path = str(path)
        self.row = row
        self.field = field
        self.reason = reason
        where = [Path(self.path).name]
        if row is not None:
            where.append(f"row {row}")
        if field is not None:
            where.append(f"field '{field}'")
        super().__init__(f"{', '.join(where)}: {reason}")


class QuizBankError(NbkitError, ValueError):
    """A quiz bank file is not valid. Attributes: ``path``, ``item`` (id or index), ``field``, ``reason``."""

    def __init__(self, path: str | Path, item: str | None, field: str | None, reason: str):
        self.path = str(path)
        self.item = item
        self.field = field
        self.reason = reason
        where = [Path(self.path).name]
        if item is not None:
            where.append(f"item '{item}'")
        if field is not None:
            where.append(f"field '{field}'")
        super().__init__(f"{', '.join(where)}: {reason}")


class ProgressStoreError(NbkitError, OSError):
    """The progress store cannot be written (read-only place, full disk…). Earlier answers are kept."""

    def __init__(self, path: str | Path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")
