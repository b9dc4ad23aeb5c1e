"""Answering quiz items in a browser page the way a learner does, and checking the progress file records it."""

from __future__ import annotations

from pathlib import Path

from .browser_page import TIMEOUT_MS
from .servers import LEARNER

ANSWERABLE = ("multiple_choice", "true_false", "many_choice", "string")


def pick_items(calls: list[tuple[str, str]]):
    """Two items shown in the notebook that a test can answer right and wrong: (right_item, wrong_item).
    Prefers two different items; an item answered twice if the notebook shows only one."""
    from nbkit.quiz.bank import get_item

    items = [get_item(stem, item_id) for stem, item_id in calls]
    usable = [it for it in items if it.type in ANSWERABLE]
    usable.sort(key=lambda it: ANSWERABLE.index(it.type))  # radio-button items first
    if not usable:
        return None, None
    return usable[0], (usable[1] if len(usable) > 1 else usable[0])


def choose(item, correct: bool):
    """A response of the asked kind: ``(kind, value)`` with kind radio/checkbox/text and the
    option labels (or text) a learner would pick."""
    d = item.data
    if item.type in ("multiple_choice", "true_false"):
        label = next(a["answer"] for a in d["answers"] if bool(a["correct"]) == correct)
        return "radio", [label]
    if item.type == "many_choice":
        right = [a["answer"] for a in d["answers"] if a["correct"]]
        wrong = [a["answer"] for a in d["answers"] if not a["correct"]]
        return "checkbox", right if correct or not wrong else right[:-1] + wrong[:1]
    if item.type == "string":
        if correct:
            return "text", [next(a["answer"] for a in d["answers"] if a.get("correct"))]
        wrong = [a["answer"] for a in d["answers"] if a.get("type") != "default" and not a.get("correct")]
        return "text", [wrong[0] if wrong else "certainly not the answer"]
    raise ValueError(f"cannot answer a {item.type} item from the browser test")


def expected_result(item, kind: str, values: list[str]):
    from nbkit.quiz import engine

    if kind == "radio":
        response = next(i for i, a in enumerate(item.data["answers"]) if a["answer"] == values[0])
    elif kind == "checkbox":
        response = [i for i, a in enumerate(item.data["answers"]) if a["answer"] in values]
    else:
        response = values[0]
    return engine.check(item, response)


def answer_quiz(page, item, correct: bool, attempt: int, root: str = "body"):
    """Answer ``item`` in the page, right or wrong, press the button and check the feedback (headline
    with attempt number, option feedback, explanation), then open "Show me in the text" and check the
    evidence quote and paragraph. Returns the feedback locator."""
    box = page.locator(f"{root} .{item.dom_class}")
    box.scroll_into_view_if_needed(timeout=TIMEOUT_MS)
    kind, values = choose(item, correct)
    if kind == "radio":
        box.get_by_role("radio", name=values[0], exact=True).check()
    elif kind == "checkbox":
        for label in values:
            box.get_by_role("checkbox", name=label, exact=True).check()
    else:
        box.locator("input[type='text']").fill(values[0])
    result = expected_result(item, kind, values)
    assert result.correct is correct, f"test picked {values} for {item}, engine says {result.status}"
    box.locator(f".{item.dom_class}-submit").click()

    feedback = box.locator(f".{item.dom_class}-feedback .nbkit-feedback-{result.status}")
    feedback.wait_for(timeout=TIMEOUT_MS)
    headline = f"{'Correct.' if correct else 'Not quite.'} Attempt {attempt}."
    text = feedback.inner_text()
    assert text.startswith(headline), f"feedback starts {text[:80]!r}, expected {headline!r}"
    for message in result.messages:
        assert message in text, f"option feedback {message!r} missing from {text!r}"
    assert "Why: " + item.explanation in text

    evidence = feedback.locator("details.nbkit-evidence")
    quote = evidence.locator("blockquote")
    assert not quote.is_visible(), "the evidence should stay folded until asked for"
    evidence.locator("summary", has_text="Show me in the text").click()
    quote.wait_for(state="visible", timeout=TIMEOUT_MS)
    assert quote.inner_text().strip() == item.quote.strip()
    assert f"Paragraph {item.paragraph_id}" in evidence.inner_text()
    return feedback


def progress_records(path: Path, notebook: str) -> list[dict]:
    from nbkit.progress.store import ProgressStore

    return [r for r in ProgressStore(path).records() if r["notebook"] == notebook and r["learner"] == LEARNER]


def attempts_so_far(path: Path, item) -> int:
    return sum(r["item"] == item.id for r in progress_records(path, item.notebook))


def assert_saved(path: Path, item, attempt: int, correct: bool) -> None:
    """The progress file holds exactly one record of this attempt, marked right or wrong."""
    kept = [
        r["correct"] for r in progress_records(path, item.notebook) if r["item"] == item.id and r["attempt"] == attempt
    ]
    assert kept == [correct], (
        f"progress file {path}: attempt {attempt} of {item} recorded as {kept}, expected [{correct}]"
    )
