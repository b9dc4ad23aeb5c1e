"""Checks for the notebooks' exercises: friendly messages, never an exception.

An exercise cell starts as a valid stub (``answer = ...``); the check cell calls
:func:`check`, which says "Not answered yet" for the stub, so the notebook runs
top to bottom (and under nbval) before the learner has written anything.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

__all__ = ["check", "Result"]


class Result(str):
    """The message shown for a check; ``.ok`` is True when the answer matched."""

    ok: bool

    def __new__(cls, message: str, ok: bool):
        obj = super().__new__(cls, message)
        obj.ok = ok
        return obj

    def _repr_markdown_(self) -> str:
        return ("✅ " if self.ok else "✍️ ") + str(self)


def _normalise(value: Any) -> Any:
    """Compare like a person would: frames and series as lists, strings without case or outer spaces."""
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, str):
        return " ".join(value.replace("’", "'").split()).lower()
    if isinstance(value, (list, tuple)):
        return [_normalise(v) for v in value]
    if isinstance(value, set):
        return sorted(_normalise(v) for v in value)
    return value


def check(
    answer: Any,
    expected: Any = None,
    *,
    hint: str = "",
    test: Callable[[Any], bool] | None = None,
    tolerance: float = 0.0,
) -> Result:
    """Compare a learner's ``answer`` with ``expected`` (or run ``test(answer)``) and return the message to show.

    - ``answer`` still ``...`` → "Not answered yet" (no error, so the notebook keeps running);
    - numbers match within ``tolerance``; strings ignore case, spacing and curly apostrophes;
      lists, tuples, Series and sets compare item by item;
    - a wrong answer shows ``hint``.

    >>> check(..., 5)
    'Not answered yet: replace the ... with your answer and run both cells again.'
    >>> check(5, 5).ok, check("  Pyongyang’s ", "pyongyang's").ok, check(0.333, 1 / 3, tolerance=0.001).ok
    (True, True, True)
    >>> check(4, 5, hint="Count the rows of interview.questions.")
    'Not yet. Count the rows of interview.questions.'
    >>> check([1, 2], test=lambda a: len(a) == 3)
    'Not yet.'
    """
    if answer is Ellipsis:
        return Result("Not answered yet: replace the ... with your answer and run both cells again.", False)
    try:
        if test is not None:
            ok = bool(test(answer))
        elif isinstance(expected, (int, float)) and isinstance(answer, (int, float)) and not isinstance(answer, bool):
            ok = math.isclose(answer, expected, abs_tol=tolerance)
        else:
            ok = _normalise(answer) == _normalise(expected)
    except Exception as exc:  # a learner's odd value must give a message, not a traceback
        return Result(f"Could not check this answer ({type(exc).__name__}: {exc}). {hint}".strip(), False)
    if ok:
        return Result("Correct.", True)
    return Result(f"Not yet. {hint}".strip(), False)
