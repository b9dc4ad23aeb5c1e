"""Items answered by choosing options: one (multiple choice, true/false, poll) or several (many choice)."""

from __future__ import annotations

import random
import zlib

from .base import ItemType, Result, aria_rule, graded, incomplete, radio_rules

__all__ = ["MultipleChoice", "TrueFalse", "Poll", "ManyChoice", "option_order"]


def _options(item) -> list[str]:
    return [a["answer"] for a in item.data["answers"]]


def option_order(item, learner: str | None = None) -> list[int]:
    """The indices of ``item``'s options in the order ``learner`` sees them: a shuffle seeded by the
    learner and the item, so it is the same after every restart and differs between learners, and
    position is never a cue. ``learner=None`` (printed handouts): one order for everyone, still not
    the bank's. True/false keeps True before False.

    >>> from nbkit.quiz.bank import get_item
    >>> item = get_item("03-pyongyangs-calculus", "two-angles")
    >>> option_order(item, "ana") == option_order(item, "ana")
    True
    >>> sorted(option_order(item, "ana")) == list(range(len(item.data["answers"])))
    True
    """
    n = len(item.data["answers"])
    if item.type == TrueFalse.name:
        return list(range(n))
    order = list(range(n))
    random.Random(zlib.crc32(f"{learner or ''}/{item.notebook}/{item.id}".encode())).shuffle(order)
    return order


def _shown(item) -> list[tuple[str, int]]:
    """(text, bank index) of the options in the current learner's order."""
    from ...progress.store import learner_name

    texts = _options(item)
    return [(texts[i], i) for i in option_order(item, learner_name())]


def _correct(item) -> list[str]:
    return [a["answer"] for a in item.data["answers"] if a["correct"]]


class _OneOption(ItemType):
    """Response: the chosen option's index (int), or None."""

    contains_hint = "exactly one answer with 'correct: true'"

    def check(self, item, response) -> Result:
        if response is None:
            return incomplete("Choose an option, then press the button.")
        chosen = item.data["answers"][int(response)]
        return graded(bool(chosen["correct"]), chosen["answer"], (chosen["feedback"],))

    def correct_answer(self, item) -> str:
        return "; ".join(_correct(item))

    def widgets(self, item):
        import ipywidgets as w

        inputs = w.RadioButtons(
            options=_shown(item), value=None, layout=w.Layout(width="auto"), _dom_classes=[f"{item.dom_class}-options"]
        )
        return inputs, [inputs]

    def aria_rules(self, item, prompt_id: str) -> list[dict]:
        return radio_rules(f".{item.dom_class}-options", prompt_id, prompt_id.removesuffix("-prompt") + "-options")

    def fallback(self, item):
        texts = _options(item)
        return [f"( ) {texts[i]}" for i in option_order(item)], [], None


class MultipleChoice(_OneOption):
    name = "multiple_choice"
    label = "choose one"


class TrueFalse(_OneOption):
    name = "true_false"
    label = "true or false"

    def answer_strings(self, item) -> list[str]:
        return [item.explanation]  # "True" and "False" are too common to look for


class Poll(_OneOption):
    """No right answer: the vote is recorded, with the option's feedback if it has one, and the class's votes."""

    name = "poll"
    label = "poll: no right answer"
    button = "Vote"

    def check(self, item, response) -> Result:
        if response is None:
            return incomplete("Choose an option, then press the button.")
        chosen = item.data["answers"][int(response)]
        return Result("voted", None, chosen["answer"], (chosen["feedback"],) if chosen.get("feedback") else ())

    def correct_answer(self, item) -> str:
        return "No right answer (poll)."

    def class_lines(self, item, class_results) -> list[str]:
        """The class's votes on this poll (each learner's latest vote); [] without class results."""
        if class_results is None:
            return []
        g = class_results[(class_results["notebook"] == item.notebook) & (class_results["item"] == item.id)]
        if g.empty:
            return []
        latest = g.sort_values(["attempt", "time"], kind="stable").groupby("learner").tail(1)
        n = len(latest)
        lines = [f"Class votes ({n} learner{'s' if n != 1 else ''}):"]
        for text in _options(item):
            k = int((latest["answer"] == text).sum())
            lines.append(f"{text}: {k} ({k / n * 100:.0f}%)")
        return lines

    def answer_strings(self, item) -> list[str]:
        return []


class ManyChoice(ItemType):
    """Response: the chosen indices (iterable of int)."""

    name = "many_choice"
    label = "select all that apply"
    contains_hint = "at least one answer with 'correct: true'"

    def check(self, item, response) -> Result:
        picked = sorted({int(i) for i in (response or ())})
        if not picked:
            return incomplete("Tick at least one option, then press the button.")
        answers = item.data["answers"]
        want = {i for i, a in enumerate(answers) if a["correct"]}
        msgs = [f"{answers[i]['answer']}: {answers[i]['feedback']}" for i in picked]
        missed = len(want - set(picked))
        if missed:
            msgs.append(f"You missed {missed} correct option{'s' if missed > 1 else ''}.")
        return graded(set(picked) == want, " | ".join(answers[i]["answer"] for i in picked), msgs)

    def correct_answer(self, item) -> str:
        return "; ".join(_correct(item))

    def widgets(self, item):
        import ipywidgets as w

        # descriptions are shown as text (description_allow_html stays False)
        inputs = [
            w.Checkbox(value=False, description=text, indent=False, layout=w.Layout(width="auto"))
            for text, _ in _shown(item)
        ]
        for cb, (_, index) in zip(inputs, _shown(item)):
            cb.add_class(f"nbkit-option-{index}")
        return inputs, [w.VBox(inputs, _dom_classes=[f"{item.dom_class}-options"])]

    def aria_rules(self, item, prompt_id: str) -> list[dict]:
        # each box is named by the <label> around it; the set is a group named by the question
        return [aria_rule(f".{item.dom_class}-options", role="group", aria_labelledby=prompt_id)]

    def response(self, inputs):
        """The bank indices of the ticked options (the boxes are in the learner's order)."""
        return [
            int(c[len("nbkit-option-") :])
            for cb in inputs
            if cb.value
            for c in cb._dom_classes
            if c.startswith("nbkit-option-")
        ]

    def fallback(self, item):
        texts = _options(item)
        return [f"[ ] {texts[i]}" for i in option_order(item)], [], None

    def answer_strings(self, item) -> list[str]:
        return _correct(item) + [item.explanation]
