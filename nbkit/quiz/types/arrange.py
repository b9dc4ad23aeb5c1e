"""Items answered by arranging entries: put them in order, or match each label with an option."""

from __future__ import annotations

import random
import zlib

from .base import ItemType, Result, aria_rule, graded, incomplete

__all__ = ["Ordering", "Match", "display_order"]

_CHOOSE = ("(choose)", None)


def _dropdowns(labels: list[str], options: list[str]) -> list:
    """One dropdown per label, each named by its label (ipywidgets ties ``description`` to the <select> with
    <label for>), shown in full rather than cut to the default description width."""
    import ipywidgets as w

    choices = [_CHOOSE] + [(x, x) for x in options]
    return [
        w.Dropdown(
            options=choices,
            index=0,  # "(choose)" shows (value None); a bare value=None leaves the box blank
            description=label,
            style={"description_width": "initial"},
            layout=w.Layout(width="auto"),
        )
        for label in labels
    ]


def _group(item, prompt_id: str) -> list[dict]:
    return [aria_rule(f".{item.dom_class}-options", role="group", aria_labelledby=prompt_id)]


def display_order(item) -> list[str]:
    """The order an ordering item's answers are offered in: a shuffle fixed by the item,
    never the correct order (so a page never gives the answer away)."""
    answers = [a["answer"] for a in item.data["answers"]]
    rng = random.Random(zlib.crc32(f"{item.notebook}/{item.id}".encode()))
    order = answers[:]
    rng.shuffle(order)
    if order == answers:
        order = order[1:] + order[:1]
    return order


class Ordering(ItemType):
    """Response: the answer texts in the learner's order, one per position (None = empty).
    The bank lists the answers in their correct order."""

    name = "ordering"
    label = "put in order"

    def check(self, item, response) -> Result:
        order = list(response or [])
        answers = item.data["answers"]
        if len(order) != len(answers) or any(x is None for x in order):
            return incomplete("Fill every position, then press the button.")
        if len(set(order)) != len(order):
            return incomplete("Use each entry once: one entry is in two positions.")
        right = [a["answer"] for a in answers]
        n_ok = sum(a == b for a, b in zip(order, right))
        msgs = [f"{n_ok} of {len(right)} in the right position."]
        msgs += [f"{a['answer']}: {a['feedback']}" for a, got in zip(answers, order) if got != a["answer"]]
        return graded(n_ok == len(right), " > ".join(order), msgs)

    def correct_answer(self, item) -> str:
        return " > ".join(a["answer"] for a in item.data["answers"])

    def widgets(self, item):
        import ipywidgets as w

        positions = [f"Position {i}" for i in range(1, len(item.data["answers"]) + 1)]
        inputs = _dropdowns(positions, display_order(item))
        return inputs, [w.VBox(inputs, _dom_classes=[f"{item.dom_class}-options"])]

    def aria_rules(self, item, prompt_id: str) -> list[dict]:
        return _group(item, prompt_id)

    def response(self, inputs):
        return [dd.value for dd in inputs]

    def fallback(self, item):
        n = len(item.data["answers"])
        return [f"{i}. ________" for i in range(1, n + 1)], display_order(item), "Entries to place:"


class Match(ItemType):
    """Response: a dict label -> chosen option (None = empty). Options may include distractors."""

    name = "match"
    label = "match each item"
    fields = ("pairs", "options")

    def check(self, item, response) -> Result:
        chosen = dict(response or {})
        pairs = item.data["pairs"]
        if any(chosen.get(p["label"]) is None for p in pairs):
            return incomplete("Choose a match for every line, then press the button.")
        n_ok = sum(chosen[p["label"]] == p["answer"] for p in pairs)
        msgs = [f"{n_ok} of {len(pairs)} matches correct."]
        msgs += [f"{p['label']}: {p['feedback']}" for p in pairs if chosen[p["label"]] != p["answer"]]
        return graded(n_ok == len(pairs), "; ".join(f"{p['label']} -> {chosen[p['label']]}" for p in pairs), msgs)

    def correct_answer(self, item) -> str:
        return "; ".join(f"{p['label']} -> {p['answer']}" for p in item.data["pairs"])

    def widgets(self, item):
        import ipywidgets as w

        labels = [p["label"] for p in item.data["pairs"]]
        inputs = dict(zip(labels, _dropdowns(labels, sorted(item.data["options"]))))
        return inputs, [w.VBox(list(inputs.values()), _dom_classes=[f"{item.dom_class}-options"])]

    def aria_rules(self, item, prompt_id: str) -> list[dict]:
        return _group(item, prompt_id)

    def response(self, inputs):
        return {label: dd.value for label, dd in inputs.items()}

    def fallback(self, item):
        return [f"{p['label']} -> ________" for p in item.data["pairs"]], sorted(item.data["options"]), "Options:"

    def problems(self, data: dict) -> list[tuple[str, str]]:
        return [
            (f"pairs[{j}].answer", f"{pair['answer']!r} is not one of the item's options")
            for j, pair in enumerate(data["pairs"])
            if pair["answer"] not in data["options"]
        ][:1]
