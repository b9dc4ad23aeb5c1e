"""What every quiz item type knows (:class:`ItemType`), and the outcome of checking a response (:class:`Result`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

__all__ = ["ItemType", "Result", "incomplete", "aria_rule", "radio_rules"]


@dataclass(frozen=True)
class Result:
    """Outcome of one response.

    ``status``: "correct", "incorrect", "saved" (free response), "voted" (poll) or
    "incomplete" (nothing to check: not recorded, not counted); ``correct``: bool, or None
    when there is no right answer; ``answer``: the response as text for the progress store;
    ``messages``: the feedback written for the options chosen, in order.
    """

    status: str
    correct: bool | None
    answer: str
    messages: tuple[str, ...] = field(default=())


def incomplete(message: str) -> Result:
    """A response with nothing to check yet (not recorded, not counted)."""
    return Result("incomplete", None, "", (message,))


def aria_rule(select: str, **attrs: str) -> dict:
    """One accessibility rule for the quiz's front-end hook: set ``attrs`` on every element under the quiz box
    that matches the CSS selector ``select`` (":scope" is the box itself). Attribute names take "-" for "_".

    >>> aria_rule(".x .widget-radio-box", role="radiogroup", aria_labelledby="p1")
    {'select': '.x .widget-radio-box', 'attrs': {'role': 'radiogroup', 'aria-labelledby': 'p1'}}
    """
    return {"select": select, "attrs": {k.replace("_", "-"): v for k, v in attrs.items()}}


def radio_rules(widget: str, label_id: str, name: str) -> list[dict]:
    """Rules of an ipywidgets ``RadioButtons`` (CSS selector ``widget``): its options become one radiogroup named
    by the element ``label_id``, and its radios share the ``name`` attribute ipywidgets leaves out, so arrow
    keys move between them and Tab stops once (each radio is already named by the <label> around it)."""
    return [
        aria_rule(f"{widget} .widget-radio-box", role="radiogroup", aria_labelledby=label_id),
        aria_rule(f"{widget} input[type=radio]", name=name),
    ]


def graded(ok: bool, answer: str, messages) -> Result:
    """A checked response: "correct" or "incorrect"."""
    return Result("correct" if ok else "incorrect", ok, answer, tuple(messages))


class ItemType:
    """One kind of quiz item. A subclass sets the class attributes and overrides what differs.

    ``item`` arguments are :class:`nbkit.quiz.bank.Item` objects; ``item.data`` holds the bank fields.
    """

    #: The ``type`` value in a bank, e.g. "multiple_choice".
    name: ClassVar[str]
    #: How the type is named to learners, e.g. "choose one".
    label: ClassVar[str]
    #: The bank fields that only some types have, as this type uses them (a bank error names them when they
    #: sit on the wrong type). Most types list options or entries in ``answers``.
    fields: ClassVar[tuple[str, ...]] = ("answers",)
    #: What a bank item of this type needs when jsonschema's ``contains`` rule fails.
    contains_hint: ClassVar[str] = "a correct answer"
    #: Caption of the submit button.
    button: ClassVar[str] = "Check answer"
    #: True when the learner rates the answer after seeing the model answer (free response).
    self_rated: ClassVar[bool] = False

    def __repr__(self) -> str:
        return f"<item type {self.name}>"

    # -- checking ------------------------------------------------------------------------------
    def check(self, item, response) -> Result:
        """Check ``response`` (its shape is the type's, see :mod:`nbkit.quiz.engine`)."""
        raise NotImplementedError

    def correct_answer(self, item) -> str:
        """The answer as the answer key states it (plain text)."""
        raise NotImplementedError

    def feedback_lines(self, item, result: Result) -> list[str]:
        """Lines added to the feedback after the option messages (e.g. the model answer)."""
        return []

    def class_lines(self, item, class_results) -> list[str]:
        """Lines about the class's answers (``class_results``: a progress frame, or None)."""
        return []

    # -- widgets (ipywidgets is imported only here) ----------------------------------------------
    def widgets(self, item) -> tuple[Any, list]:
        """``(inputs, rows)``: the answer widgets, and the widgets to show in the quiz box."""
        raise NotImplementedError

    def response(self, inputs):
        """The response held by ``inputs``, in the shape :meth:`check` expects."""
        return inputs.value

    def aria_rules(self, item, prompt_id: str) -> list[dict]:
        """Accessibility attributes of the inputs (:func:`aria_rule`): what ipywidgets cannot state, such as the
        group label of an option set; ``prompt_id`` is the id of the question's element."""
        return []

    # -- pages with no kernel, the answer key, notebook checks ------------------------------------
    def fallback(self, item) -> tuple[list[str], list[str], str | None]:
        """``(lines, extra, caption)`` of the readable version: answer lines, and a second list with its caption."""
        raise NotImplementedError

    def key_rows(self, item) -> list[tuple[str, str]]:
        """(label, text) rows the answer key adds after the answer (e.g. the rubric)."""
        return []

    def answer_strings(self, item) -> list[str]:
        """Texts that give the item's answer away (a learner notebook must not contain them)."""
        return [self.correct_answer(item), item.explanation]

    # -- bank rules a JSON Schema cannot state ---------------------------------------------------
    def problems(self, data: dict) -> list[tuple[str, str]]:
        """(field, reason) of each problem in a schema-valid bank item ``data``; [] when there is none."""
        texts = [a["answer"] for a in data.get("answers", []) if "answer" in a]
        dupes = sorted({t for t in texts if texts.count(t) > 1})
        return [("answers", f"the answer {dupes[0]!r} is listed twice")] if dupes else []
