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

    >>> err = InterviewFormatError("interview.txt", 2, "a question with no answer after it.")
    >>> str(err)
    'interview.txt, line 2: a question with no answer after it.'
    >>> err.line, isinstance(err, ValueError)
    (2, True)
    """

    def __init__(self, path: str | Path | None, line: int | None, reason: str):
        self.path = str(path) if path is not None else "<text>"
        self.line = line
        self.reason = reason
        where = self.path if line is None else f"{self.path}, line {line}"
        super().__init__(f"{where}: {reason}")


def _where(path: str, place: str | None, field: str | None) -> str:
    """The file name, then the place in it and the field, when known.

    >>> _where("data/claims.csv", "row 4", "quote")
    "claims.csv, row 4, field 'quote'"
    >>> _where("data/claims.csv", None, None)
    'claims.csv'
    """
    parts = [Path(path).name] + ([place] if place else []) + ([f"field '{field}'"] if field else [])
    return ", ".join(parts)


class DataValidationError(NbkitError, ValueError):
    """A curated data file (claims, actors, timeline…) does not match the text or its schema.

    Attributes: ``path``, ``row`` (1-based data row, header not counted, or None),
    ``field`` (column name, or None), ``reason``.

    >>> str(DataValidationError("data/claims.csv", 4, "quote", "not in paragraph 3 word for word."))
    "claims.csv, row 4, field 'quote': not in paragraph 3 word for word."
    """

    def __init__(self, path: str | Path, row: int | None, field: str | None, reason: str):
        self.path, self.row, self.field, self.reason = str(path), row, field, reason
        super().__init__(f"{_where(self.path, None if row is None else f'row {row}', field)}: {reason}")


class QuizBankError(NbkitError, ValueError):
    """A quiz bank file is not valid. Attributes: ``path``, ``item`` (id or index), ``field``, ``reason``.

    >>> str(QuizBankError("quizzes/02.yaml", "q1", "answer", "expected one of the options."))
    "02.yaml, item 'q1', field 'answer': expected one of the options."
    """

    def __init__(self, path: str | Path, item: str | None, field: str | None, reason: str):
        self.path, self.item, self.field, self.reason = str(path), item, field, reason
        super().__init__(f"{_where(self.path, None if item is None else f'item {item!r}', field)}: {reason}")


class ProgressStoreError(NbkitError, OSError):
    """The progress store cannot be written (read-only place, full disk…). Earlier answers are kept.

    >>> str(ProgressStoreError("/srv/progress.json", "the disk is full."))
    '/srv/progress.json: the disk is full.'
    """

    def __init__(self, path: str | Path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")
