"""Quiz item types: one class per type, found by name; the schema lists the same types; no module switches on names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import nbkit
from nbkit.quiz import fallback_text, get_item, load_bank
from nbkit.quiz.answer_key import key_rows
from nbkit.quiz.bank import TYPES, schema
from nbkit.quiz.types import TYPES as CLASSES
from nbkit.quiz.types import FreeResponse, ItemType, Match, Poll, item_type
from nbkit.quiz.widgets import QuizWidget

PACKAGE = Path(nbkit.__file__).resolve().parent

#: One bundled item of each type, and the right response as the widgets take it.
EXAMPLES = {
    "multiple_choice": ("00-start-here", "who-is-interviewed"),
    "many_choice": ("01-the-interview-as-data", "instruction-verbs"),
    "true_false": ("00-start-here", "para14-citation"),
    "string": ("00-start-here", "series-number"),
    "ordering": ("00-start-here", "question-order"),
    "match": ("01-the-interview-as-data", "roles"),
    "free_response": ("01-the-interview-as-data", "three-reasons"),
    "poll": ("01-the-interview-as-data", "moscow-answer-space"),
}


@pytest.fixture(autouse=True)
def store(tmp_path, monkeypatch):
    monkeypatch.setenv("NBKIT_PROGRESS", str(tmp_path / "progress.json"))
    monkeypatch.setenv("NBKIT_LEARNER", "ada")


def test_registry_matches_the_schema():
    assert TYPES == tuple(t.name for t in CLASSES) == tuple(EXAMPLES)
    assert schema()["$defs"]["item"]["properties"]["type"]["enum"] == list(TYPES)
    blocks = [b["if"]["properties"]["type"]["const"] for b in schema()["$defs"]["item"]["allOf"]]
    assert blocks == list(TYPES)  # one if/then block per type, in the same order
    assert all(isinstance(t, ItemType) and t.label for t in CLASSES)


def test_item_type_lookup():
    assert item_type("match") is CLASSES[TYPES.index("match")]
    assert isinstance(item_type("free_response"), FreeResponse)
    with pytest.raises(ValueError, match="unknown item type 'essay'; known types: multiple_choice, many_choice"):
        item_type("essay")


def right_response(w: QuizWidget) -> None:
    d, kind = w.item.data, w.item.type
    if kind in ("multiple_choice", "true_false"):
        w.inputs.value = next(i for i, a in enumerate(d["answers"]) if a["correct"])
    elif kind == "poll":
        w.inputs.value = 0
    elif kind == "many_choice":
        for cb, a in zip(w.inputs, d["answers"]):
            cb.value = a["correct"]
    elif kind == "string":
        w.inputs.value = next(a["answer"] for a in d["answers"] if a.get("correct"))
    elif kind == "free_response":
        w.inputs.value = "An answer."
    elif kind == "ordering":
        for dd, a in zip(w.inputs, d["answers"]):
            dd.value = a["answer"]
    elif kind == "match":
        for p in d["pairs"]:
            w.inputs[p["label"]].value = p["answer"]


@pytest.mark.parametrize("kind", TYPES)
def test_each_type_through_widget_check_and_key(kind):
    item = get_item(*EXAMPLES[kind])
    t = item_type(kind)
    w = QuizWidget(item)
    assert w.kind is t
    assert t.check(item, w.response()).status == "incomplete"  # nothing entered yet
    right_response(w)
    result = t.check(item, w.response())
    assert result.status == {"poll": "voted", "free_response": "saved"}.get(kind, "correct")
    assert result.correct is {"poll": None, "free_response": None}.get(kind, True)
    w.submit.click()
    assert nbkit.progress()["answer"].tolist() == [result.answer]
    assert key_rows(item)[0] == ("Answer", t.correct_answer(item))
    assert fallback_text(item).startswith(f"Quiz {item.notebook}/{item.id} ({t.label})\n{item.question}\n")


def test_type_specific_rules_and_strings():
    roles = get_item("01-the-interview-as-data", "roles")
    bad = {**roles.data, "pairs": [{**roles.data["pairs"][0], "answer": "preface"}, *roles.data["pairs"][1:]]}
    assert Match().problems(bad) == [("pairs[0].answer", "'preface' is not one of the item's options")]
    assert Match().problems(roles.data) == []
    poll = get_item("01-the-interview-as-data", "moscow-answer-space")
    assert Poll().answer_strings(poll) == [] and Poll().class_lines(poll, None) == []
    free = get_item("01-the-interview-as-data", "three-reasons")
    assert [label for label, _ in key_rows(free)] == [
        "Answer",
        "Rubric",
        "Rubric",
        "Rubric",
        "Explanation",
        "Evidence",
        "Level",
    ]


def test_type_names_live_only_in_the_types_package():
    """`grep '"multiple_choice"' nbkit/` finds the name only in nbkit/quiz/types/ (and the schema, a data file)."""
    names = [n for n in TYPES if n not in ("string", "match")]  # also JSON Schema words and a glossary column
    pattern = re.compile("|".join(rf"""["']{n}["']""" for n in names))
    found = [
        f"{p.relative_to(PACKAGE)}:{i}"
        for p in sorted(PACKAGE.rglob("*.py"))
        if "types" not in p.parent.parts
        for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), start=1)
        if pattern.search(line)
    ]
    assert found == []


def test_bundled_banks_use_every_example():
    for kind, (stem, item_id) in EXAMPLES.items():
        assert load_bank(stem).item(item_id).type == kind


@pytest.mark.parametrize(
    "bank, item_id, typed, status",
    [
        ("04-moscows-agenda", "para12-personnel-wording", "most likely.", "correct"),  # a full stop at the end
        ("04-moscows-agenda", "para12-personnel-wording", "  Most-likely ", "correct"),  # a hyphen for the space
        ("04-moscows-agenda", "para12-personnel-wording", "least likely", "incorrect"),  # a different answer
        ("06-the-treaty-and-northeast-asia", "para20-quoted-phrase", "no-limits", "correct"),
        (
            "06-the-treaty-and-northeast-asia",
            "para20-quoted-phrase",
            "No – limits!",
            "correct",
        ),  # a dash, end punctuation
        ("06-the-treaty-and-northeast-asia", "para20-quoted-phrase", "“no-limits”", "correct"),  # the quoted answer
        ("06-the-treaty-and-northeast-asia", "para20-quoted-phrase", "no limit", "incorrect"),
        ("06-the-treaty-and-northeast-asia", "para20-quoted-phrase", "nolimits", "incorrect"),
    ],
)
def test_short_answers_ignore_end_punctuation_and_hyphens(bank, item_id, typed, status):
    """Review X8: "most likely." and "no-limits" are the right words, typed a little differently."""
    item = get_item(bank, item_id)
    result = item_type("string").check(item, typed)
    assert (result.status, result.answer) == (status, typed.strip())
