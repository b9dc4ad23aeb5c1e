"""Check a response to a quiz item and build its feedback: plain Python, no widgets.

Responses by item type:

- ``multiple_choice``, ``true_false``, ``poll``: the chosen option's index (int);
- ``many_choice``: the chosen indices (iterable of int);
- ``string``: the text typed;
- ``ordering``: the answer texts in the learner's order, one per position (None = empty);
- ``match``: a dict label -> chosen option (None = empty);
- ``free_response``: the text written.

:func:`check` returns a :class:`Result`; :func:`feedback_html` / :func:`feedback_text`
render it. Every piece of bank text is HTML-escaped before it goes into HTML.
"""

from __future__ import annotations

import html
import random
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field

__all__ = ["Result", "check", "normalize", "feedback_html", "feedback_text", "correct_answer_text",
           "display_order", "rating_scale", "RATING_SCALE", "TYPE_LABELS"]

#: Default self-rating scale of free-response items.
RATING_SCALE = ("Not yet", "Partly", "Fully")

#: How each type is named to learners.
TYPE_LABELS = {
    "multiple_choice": "choose one",
    "many_choice": "select all that apply",
    "true_false": "true or false",
    "string": "type your answer",
    "ordering": "put in order",
    "match": "match each item",
    "free_response": "write your answer",
    "poll": "poll: no right answer",
}

_HEADLINE = {"correct": "Correct.", "incorrect": "Not quite.", "saved": "Answer saved.",
             "voted": "Vote recorded.", "incomplete": "Answer first."}

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})


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


def normalize(text: str, match_case: bool = False) -> str:
    """Text as compared by short-answer items: curly quotes made straight, spacing collapsed, case folded."""
    out = re.sub(r"\s+", " ", str(text).translate(_QUOTES)).strip()
    return out if match_case else out.casefold()


def rating_scale(item) -> tuple[str, ...]:
    return tuple(item.data.get("rating_scale") or RATING_SCALE)


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


def _incomplete(message: str) -> Result:
    return Result("incomplete", None, "", (message,))


def check(item, response) -> Result:
    """Check ``response`` (see the module docstring for its shape per type) against ``item``."""
    kind, d = item.type, item.data
    if kind in ("multiple_choice", "true_false", "poll"):
        if response is None:
            return _incomplete("Choose an option, then press the button.")
        chosen = d["answers"][int(response)]
        if kind == "poll":
            msgs = (chosen["feedback"],) if chosen.get("feedback") else ()
            return Result("voted", None, chosen["answer"], msgs)
        ok = bool(chosen["correct"])
        return Result("correct" if ok else "incorrect", ok, chosen["answer"], (chosen["feedback"],))
    if kind == "many_choice":
        picked = sorted({int(i) for i in (response or ())})
        if not picked:
            return _incomplete("Tick at least one option, then press the button.")
        answers = d["answers"]
        want = {i for i, a in enumerate(answers) if a["correct"]}
        ok = set(picked) == want
        msgs = [f"{answers[i]['answer']}: {answers[i]['feedback']}" for i in picked]
        missed = len(want - set(picked))
        if missed:
            msgs.append(f"You missed {missed} correct option{'s' if missed > 1 else ''}.")
        return Result("correct" if ok else "incorrect", ok, " | ".join(answers[i]["answer"] for i in picked), tuple(msgs))
    if kind == "string":
        text = "" if response is None else str(response)
        if not text.strip():
            return _incomplete("Type an answer, then press the button.")
        default = None
        for a in d["answers"]:
            if a.get("type") == "default":
                default = a["feedback"]
                continue
            mc = bool(a.get("match_case", False))
            if normalize(text, mc) == normalize(a["answer"], mc):
                return Result("correct" if a["correct"] else "incorrect", bool(a["correct"]), text.strip(), (a["feedback"],))
        return Result("incorrect", False, text.strip(), (default,) if default else ())
    if kind == "ordering":
        order = list(response or [])
        answers = d["answers"]
        if len(order) != len(answers) or any(x is None for x in order):
            return _incomplete("Fill every position, then press the button.")
        if len(set(order)) != len(order):
            return _incomplete("Use each entry once: one entry is in two positions.")
        right = [a["answer"] for a in answers]
        n_ok = sum(a == b for a, b in zip(order, right))
        msgs = [f"{n_ok} of {len(right)} in the right position."]
        msgs += [f"{a['answer']}: {a['feedback']}" for a, got in zip(answers, order) if got != a["answer"]]
        ok = n_ok == len(right)
        return Result("correct" if ok else "incorrect", ok, " > ".join(order), tuple(msgs))
    if kind == "match":
        chosen = dict(response or {})
        pairs = d["pairs"]
        if any(chosen.get(p["label"]) is None for p in pairs):
            return _incomplete("Choose a match for every line, then press the button.")
        n_ok = sum(chosen[p["label"]] == p["answer"] for p in pairs)
        msgs = [f"{n_ok} of {len(pairs)} matches correct."]
        msgs += [f"{p['label']}: {p['feedback']}" for p in pairs if chosen[p["label"]] != p["answer"]]
        ok = n_ok == len(pairs)
        return Result("correct" if ok else "incorrect", ok,
                      "; ".join(f"{p['label']} -> {chosen[p['label']]}" for p in pairs), tuple(msgs))
    if kind == "free_response":
        text = "" if response is None else str(response).strip()
        if not text:
            return _incomplete("Write your answer, then press the button.")
        return Result("saved", None, text, ())
    raise ValueError(f"unknown item type {kind!r}")


def correct_answer_text(item) -> str:
    """The answer as the answer key states it (plain text)."""
    d, kind = item.data, item.type
    if kind in ("multiple_choice", "true_false", "many_choice"):
        return "; ".join(a["answer"] for a in d["answers"] if a["correct"])
    if kind == "string":
        return " / ".join(a["answer"] for a in d["answers"] if a.get("correct"))
    if kind == "ordering":
        return " > ".join(a["answer"] for a in d["answers"])
    if kind == "match":
        return "; ".join(f"{p['label']} -> {p['answer']}" for p in d["pairs"])
    if kind == "free_response":
        return d["model_answer"]
    return "No right answer (poll)."


def _lines(item, result: Result, attempt: int, extra: Iterable[str] = ()) -> tuple[str, list[str]]:
    head = _HEADLINE[result.status]
    if result.status != "incomplete":
        head += f" Attempt {attempt}."
    body = list(result.messages)
    if item.type == "free_response" and result.status == "saved":
        body.append("Model answer: " + item.data["model_answer"])
        body.extend(f"Rubric: {c}" for c in item.data["rubric"])
        body.append("Rate your answer against the rubric: " + ", ".join(rating_scale(item)) + ".")
    body.extend(extra)
    return head, body


def feedback_text(item, result: Result, attempt: int, extra: Iterable[str] = ()) -> str:
    """Plain-text feedback: headline and attempt, option feedback, explanation, where in the text."""
    head, body = _lines(item, result, attempt, extra)
    if result.status == "incomplete":
        return "\n".join([head, *body])
    return "\n".join([head, *body, "Why: " + item.explanation,
                      f"In the text, paragraph {item.paragraph_id}: {item.quote}"])


def feedback_html(item, result: Result, attempt: int, extra: Iterable[str] = ()) -> str:
    """HTML feedback (all bank text escaped); the evidence sits in a ``<details>`` "Show me in the text"."""
    e = html.escape
    head, body = _lines(item, result, attempt, extra)
    out = [f'<div class="nbkit-feedback nbkit-feedback-{result.status}">', f"<p><strong>{e(head)}</strong></p>"]
    out += [f"<p>{e(m)}</p>" for m in body]
    if result.status != "incomplete":
        out.append(f"<p><strong>Why:</strong> {e(item.explanation)}</p>")
        out.append(f'<details class="nbkit-evidence"><summary>Show me in the text</summary>'
                   f"<blockquote>{e(item.quote)}</blockquote><p>Paragraph {item.paragraph_id}</p></details>")
    out.append("</div>")
    return "\n".join(out)
