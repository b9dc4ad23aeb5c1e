"""Items answered by writing: a short answer compared with the accepted ones, or a free response rated by the learner."""

from __future__ import annotations

import re

from .base import ItemType, Result, aria_rule, graded, incomplete

__all__ = ["String", "FreeResponse", "normalize", "rating_scale", "RATING_SCALE"]

#: Default self-rating scale of free-response items.
RATING_SCALE = ("Not yet", "Partly", "Fully")

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})
#: Hyphens and dashes, read as spaces: a learner may type "no-limits" for the text's "no limits", or the reverse.
_DASHES = re.compile(r"[-\u2010-\u2015\u2212]+")
#: Sentence punctuation dropped at either end of an answer ("most likely."); quotes are kept.
_END_PUNCTUATION = ".,;:!?…"


def normalize(text: str, match_case: bool = False) -> str:
    """Text as compared by short-answer items: curly quotes made straight, hyphens and dashes read as spaces,
    sentence punctuation at the ends dropped, spacing collapsed, case folded.

    >>> normalize("  Pyongyang’s   “Calculus” ")
    'pyongyang\\'s "calculus"'
    >>> normalize("Most likely."), normalize("no-limits"), normalize(" No – limits! "), normalize("U.S.-led")
    ('most likely', 'no limits', 'no limits', 'u.s. led')
    """
    out = re.sub(r"\s+", " ", _DASHES.sub(" ", str(text).translate(_QUOTES)))
    out = out.strip().strip(_END_PUNCTUATION).strip()
    return out if match_case else out.casefold()


def rating_scale(item) -> tuple[str, ...]:
    """The self-rating options of a free-response item (default :data:`RATING_SCALE`)."""
    return tuple(item.data.get("rating_scale") or RATING_SCALE)


class String(ItemType):
    """Response: the text typed. Spacing, curly quotes, hyphens and dashes (read as spaces), sentence punctuation
    at the ends and, unless an answer sets ``match_case``, case are ignored."""

    name = "string"
    label = "type your answer"
    contains_hint = "at least one accepted answer with 'correct: true'"

    def check(self, item, response) -> Result:
        text = "" if response is None else str(response)
        if not text.strip():
            return incomplete("Type an answer, then press the button.")
        default = None
        for a in item.data["answers"]:
            if a.get("type") == "default":
                default = a["feedback"]
                continue
            mc = bool(a.get("match_case", False))
            if normalize(text, mc) == normalize(a["answer"], mc):
                return graded(bool(a["correct"]), text.strip(), (a["feedback"],))
        return Result("incorrect", False, text.strip(), (default,) if default else ())

    def _accepted(self, item) -> list[str]:
        return [a["answer"] for a in item.data["answers"] if a.get("correct")]

    def correct_answer(self, item) -> str:
        return " / ".join(self._accepted(item))

    def widgets(self, item):
        import ipywidgets as w

        inputs = w.Text(
            value="",
            placeholder="Type your answer",
            layout=w.Layout(width="24em"),
            _dom_classes=[f"{item.dom_class}-input"],
        )
        return inputs, [inputs]

    def aria_rules(self, item, prompt_id: str) -> list[dict]:
        # the question names the box (a placeholder is no name: it goes once the learner types)
        return [aria_rule(f".{item.dom_class}-input input", aria_labelledby=prompt_id)]

    def fallback(self, item):
        return ["Answer: ________"], [], None

    def answer_strings(self, item) -> list[str]:
        return self._accepted(item) + [item.explanation]


class FreeResponse(ItemType):
    """Response: the text written. Saved, then the learner sees the model answer and rubric and rates the answer."""

    name = "free_response"
    label = "write your answer"
    fields = ("model_answer", "rubric", "rating_scale")
    button = "Submit"
    self_rated = True

    def check(self, item, response) -> Result:
        text = "" if response is None else str(response).strip()
        if not text:
            return incomplete("Write your answer, then press the button.")
        return Result("saved", None, text, ())

    def correct_answer(self, item) -> str:
        return item.data["model_answer"]

    def feedback_lines(self, item, result: Result) -> list[str]:
        if result.status != "saved":
            return []
        return (
            ["Model answer: " + item.data["model_answer"]]
            + [f"Rubric: {c}" for c in item.data["rubric"]]
            + ["Rate your answer against the rubric: " + ", ".join(rating_scale(item)) + "."]
        )

    def widgets(self, item):
        import ipywidgets as w

        inputs = w.Textarea(
            value="",
            placeholder="Write your answer",
            layout=w.Layout(width="100%", height="8em"),
            _dom_classes=[f"{item.dom_class}-input"],
        )
        return inputs, [inputs]

    def aria_rules(self, item, prompt_id: str) -> list[dict]:
        return [aria_rule(f".{item.dom_class}-input textarea", aria_labelledby=prompt_id)]

    def fallback(self, item):
        return ["Your answer: ________"], [], None

    def key_rows(self, item) -> list[tuple[str, str]]:
        return [("Rubric", c) for c in item.data["rubric"]]
