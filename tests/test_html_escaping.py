"""Bank text never becomes markup: a bank whose every text field holds <script> and <img onerror> goes through
every view (widgets, no-kernel fallback, answer key, handout teacher key) and no script or img element appears."""

from __future__ import annotations

from html.parser import HTMLParser

import pandas as pd
import pytest

import nbkit
from nbkit.commands.handout import prepare, teacher_html
from nbkit.quiz import Bank, fallback_html, fallback_text, validate_bank
from nbkit.quiz.answer_key import answer_key
from nbkit.quiz.bank import TYPES, Item
from nbkit.quiz.widgets import QuizView

from .test_quiz_types import right_response

EVIL = "<script>alert(1)</script> <img src=x onerror=alert(1)>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;"
INTRO = (
    "The Diplomat author Mercy Kuo regularly engages subject-matter experts. "
    "This conversation with Jo Park, a fellow at the Example Institute, is the 12th in “The Trans-Pacific View Insight Series.”"
)


def ev(tag: str) -> str:
    """A distinct evil text per field, so each field is seen escaped on its own."""
    return f"{tag} {EVIL}"


def _item(kind: str) -> dict:
    common = {
        "id": kind.replace("_", "-"),
        "type": kind,
        "question": ev("question"),
        "explanation": ev("explanation"),
        "evidence": {"paragraph_id": 3, "quote": EVIL},
        "level": "remember",
        "tags": [ev("tag")],
    }
    opt = lambda n, correct: {"answer": ev(f"option {n}"), "correct": correct, "feedback": ev(f"feedback {n}")}  # noqa: E731
    fields = {
        "multiple_choice": {"answers": [opt(1, True), opt(2, False)]},
        "many_choice": {"answers": [opt(1, True), opt(2, False), opt(3, True)]},
        "true_false": {
            "answers": [
                {"answer": "True", "correct": True, "feedback": ev("feedback true")},
                {"answer": "False", "correct": False, "feedback": ev("feedback false")},
            ]
        },
        "string": {"answers": [opt(1, True), {"type": "default", "feedback": ev("default feedback")}]},
        "ordering": {"answers": [{"answer": ev(f"step {n}"), "feedback": ev(f"step feedback {n}")} for n in (1, 2, 3)]},
        "match": {
            "pairs": [
                {"label": ev(f"label {n}"), "answer": ev(f"match {n}"), "feedback": ev(f"pair feedback {n}")}
                for n in (1, 2)
            ],
            "options": [ev("match 1"), ev("match 2"), ev("distractor")],
        },
        "free_response": {
            "model_answer": ev("model answer"),
            "rubric": [ev("rubric 1"), ev("rubric 2")],
            "rating_scale": [ev("rating 1"), ev("rating 2")],
        },
        "poll": {"answers": [{"answer": ev("vote 1"), "feedback": ev("vote feedback")}, {"answer": ev("vote 2")}]},
    }[kind]
    return {**common, **fields}


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    folder = tmp_path_factory.mktemp("evil")
    text = folder / "interview.txt"
    text.write_text(f"{INTRO}\nWhy now?\nBecause {EVIL} matters.\n", encoding="utf-8")
    iv = nbkit.load_interview(text)
    doc = {"notebook": "99-evil", "title": ev("title"), "items": [_item(kind) for kind in TYPES]}
    validate_bank(doc, "99-evil.yaml", interview=iv)  # the evil bank is a valid bank
    return Bank("99-evil", doc["title"], "99-evil.yaml", tuple(Item("99-evil", d) for d in doc["items"]))


class Elements(HTMLParser):
    def __init__(self, page: str):
        super().__init__()
        self.tags: list[str] = []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)


def assert_safe(page: str) -> None:
    tags = Elements(page).tags
    assert "script" not in tags and "img" not in tags, page
    assert "<script" not in page and "<img" not in page, page


def html_of_widgets(box) -> list[str]:
    """Every string of a widget tree that a browser reads as HTML: HTML values, and descriptions that allow HTML."""
    import ipywidgets as widgets

    out, todo = [], [box]
    while todo:
        w = todo.pop()
        todo += list(getattr(w, "children", ()))
        if isinstance(w, (widgets.HTML, widgets.HTMLMath)):
            out.append(w.value)
        if getattr(w, "description_allow_html", False):
            out.append(w.description)
    return out


@pytest.mark.parametrize("kind", TYPES)
def test_widget_html_is_escaped(bank, kind, tmp_path):
    item = bank.item(kind.replace("_", "-"))
    votes = pd.DataFrame(
        {
            "learner": ["bo"],
            "notebook": ["99-evil"],
            "item": [item.id],
            "attempt": [1],
            "answer": [ev("vote 1")],
            "correct": [None],
            "time": [pd.Timestamp("2024-09-01", tz="UTC")],
        }
    )
    view = QuizView(item, store_path=tmp_path / "p.json", instructor=True, class_results=votes)
    w = view.widget
    right_response(w)
    w.submit.click()
    assert w.last_result.status != "incomplete"
    if kind == "free_response":
        w.rating.value = w.rating.options[0]
        w.rate.click()
    w.show_answer.click()
    pages = html_of_widgets(w.box)
    for page in pages:
        assert_safe(page)
    joined = "\n".join(pages)
    assert f"question {ESCAPED}" in joined and f"explanation {ESCAPED}" in joined
    assert f"<blockquote>{ESCAPED}</blockquote>" in w.feedback.value
    assert_safe(w.answer.value)
    if kind not in ("true_false", "poll"):  # their key is "True"/"False" or "No right answer (poll)."
        assert ESCAPED in w.answer.value
    if kind == "match":  # each label names its dropdown as plain text (its description, never HTML)
        assert [dd.description for dd in w.inputs.values()] == [f"label 1 {EVIL}", f"label 2 {EVIL}"]
        assert not any(dd.description_allow_html for dd in w.inputs.values())
    if kind == "poll":
        assert f"vote 1 {ESCAPED}: 1 (100%)" in w.feedback.value  # the class's votes, escaped too
    if kind == "free_response":
        assert f"Rubric: rubric 1 {ESCAPED}" in w.feedback.value and f"rating 1 {ESCAPED}" in w.feedback.value


@pytest.mark.parametrize("kind", TYPES)
def test_fallback_is_escaped(bank, kind):
    item = bank.item(kind.replace("_", "-"))
    bundle = QuizView(item)._repr_mimebundle_()
    assert bundle["text/html"] == fallback_html(item)
    assert_safe(bundle["text/html"])
    assert f"<p>question {ESCAPED}</p>" in bundle["text/html"]
    # text/plain is shown as text by every front end: it keeps the bank's characters as they are
    assert bundle["text/plain"] == fallback_text(item) and f"question {EVIL}" in bundle["text/plain"]


def test_answer_key_html_is_escaped(bank):
    page = answer_key("html", [bank])
    assert_safe(page)
    assert f"<h2>99-evil: title {ESCAPED}</h2>" in page
    for text in ("option 1", "explanation", "rubric 1", "model answer", "label 1", "step 1"):
        assert f"{text} {ESCAPED}" in page, text
    assert f"<dd>paragraph 3: “{ESCAPED}”</dd>" in page
    assert page.count("<section ") == len(TYPES)


def test_handout_teacher_key_is_escaped(bank):
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook, new_output

    items = {item.dom_class: item for item in bank.items}
    for item in bank.items:
        assert_safe(teacher_html(item))
    cells = [
        new_code_cell(
            "quiz",
            outputs=[
                new_output("display_data", data={"text/html": fallback_html(item), "text/plain": fallback_text(item)})
            ],
        )
        for item in bank.items
    ]
    nb = new_notebook(cells=cells)
    assert prepare(nb, "teacher", items) == len(TYPES)
    nbformat.validate(nb)
    for cell, _item in zip(nb.cells, bank.items):
        page = cell.outputs[0]["data"]["text/html"]
        assert_safe(page)
        assert page.count('<div class="nbkit-teacher-key">') == 1
        assert f"<p><strong>Explanation:</strong> explanation {ESCAPED}</p>" in page
