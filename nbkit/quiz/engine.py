"""Check a response to a quiz item and build its feedback: plain Python, no widgets.

Each item type (:mod:`nbkit.quiz.types`) checks its own responses:

- ``multiple_choice``, ``true_false``, ``poll``: the chosen option's index (int);
- ``many_choice``: the chosen indices (iterable of int);
- ``string``: the text typed;
- ``ordering``: the answer texts in the learner's order, one per position (None = empty);
- ``match``: a dict label -> chosen option (None = empty);
- ``free_response``: the text written.

:func:`check` returns a :class:`Result`; :func:`feedback_html` / :func:`feedback_text`
render it (the HTML through a template that escapes every piece of bank text).
"""

from __future__ import annotations

from collections.abc import Iterable

from .templates import render
from .types import RATING_SCALE, TYPES, Result, display_order, item_type, normalize, rating_scale

__all__ = [
    "Result",
    "check",
    "normalize",
    "feedback_html",
    "feedback_text",
    "correct_answer_text",
    "display_order",
    "rating_scale",
    "RATING_SCALE",
    "TYPE_LABELS",
]

#: How each type is named to learners.
TYPE_LABELS = {t.name: t.label for t in TYPES}

_HEADLINE = {
    "correct": "Correct.",
    "incorrect": "Not quite.",
    "saved": "Answer saved.",
    "voted": "Vote recorded.",
    "incomplete": "Answer first.",
}


def check(item, response) -> Result:
    """Check ``response`` (see the module docstring for its shape per type) against ``item``."""
    return item_type(item.type).check(item, response)


def correct_answer_text(item) -> str:
    """The answer as the answer key states it (plain text)."""
    return item_type(item.type).correct_answer(item)


def _lines(item, result: Result, attempt: int, extra: Iterable[str] = ()) -> tuple[str, list[str]]:
    head = _HEADLINE[result.status]
    if result.status != "incomplete":
        head += f" Attempt {attempt}."
    body = [*result.messages, *item_type(item.type).feedback_lines(item, result), *extra]
    return head, body


def feedback_text(item, result: Result, attempt: int, extra: Iterable[str] = ()) -> str:
    """Plain-text feedback: headline and attempt, option feedback, explanation, where in the text."""
    head, body = _lines(item, result, attempt, extra)
    if result.status == "incomplete":
        return "\n".join([head, *body])
    return "\n".join(
        [head, *body, "Why: " + item.explanation, f"In the text, paragraph {item.paragraph_id}: {item.quote}"]
    )


def feedback_html(item, result: Result, attempt: int, extra: Iterable[str] = ()) -> str:
    """HTML feedback (all bank text escaped); the evidence sits in a ``<details>`` "Show me in the text"."""
    head, body = _lines(item, result, attempt, extra)
    return render(
        "quiz/feedback.html.j2",
        status=result.status,
        head=head,
        body=body,
        evidence=result.status != "incomplete",
        explanation=item.explanation,
        quote=item.quote,
        paragraph_id=item.paragraph_id,
    )
