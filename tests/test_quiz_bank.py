"""Quiz banks: the bundled banks are valid; broken banks fail with the file, the item and the field."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

import nbkit
from nbkit.errors import QuizBankError
from nbkit.quiz import answer_strings, list_banks, load_bank, validate_bank
from nbkit.quiz.bank import TYPES

CHOICE = {
    "id": "who",
    "type": "multiple_choice",
    "question": "Who answers?",
    "answers": [
        {"answer": "Lee", "correct": True, "feedback": "Yes (paragraph 1)."},
        {"answer": "Kuo", "correct": False, "feedback": "She asks (paragraph 1)."},
    ],
    "explanation": "Paragraph 1 names them.",
    "evidence": {"paragraph_id": 1, "quote": "This conversation with Rachel Minyoung Lee"},
    "level": "remember",
    "tags": ["people"],
}
MATCH = {
    "id": "roles",
    "type": "match",
    "question": "Match.",
    "pairs": [
        {"label": "Paragraph 1", "answer": "intro", "feedback": "First line."},
        {"label": "Paragraph 2", "answer": "question", "feedback": "A question."},
    ],
    "options": ["intro", "question", "answer"],
    "explanation": "Roles.",
    "evidence": {"paragraph_id": 2, "quote": "Are North Korea-Russia relations transactional or strategic?"},
    "level": "understand",
    "tags": [],
}
FREE = {
    "id": "why",
    "type": "free_response",
    "question": "Why?",
    "model_answer": "Because.",
    "rubric": ["Says why."],
    "explanation": "See paragraph 3.",
    "evidence": {"paragraph_id": 3, "quote": "the prevailing view"},
    "level": "evaluate",
    "tags": [],
}


BASES = {"choice": CHOICE, "match": MATCH, "free": FREE}
BROKEN_BANKS = Path(__file__).parent / "data" / "broken_quiz_banks.yaml"


def _bank(*items):
    return {"notebook": "99-test", "title": "Test", "items": [copy.deepcopy(i) for i in items]}


def test_bundled_banks_are_valid():
    assert list_banks()[:2] == ["00-start-here", "01-the-interview-as-data"]
    for stem in ("00-start-here", "01-the-interview-as-data"):
        bank = load_bank(stem)
        assert bank.notebook == stem
        assert len(bank.items) >= 4
        assert all(it.data["level"] in ("remember", "understand", "analyse", "evaluate") for it in bank.items)


def test_bundled_banks_cover_every_type():
    kinds = {it.type for stem in ("00-start-here", "01-the-interview-as-data") for it in load_bank(stem).items}
    assert kinds == set(TYPES)


def test_bank_ids():
    assert load_bank("00-start-here").ids() == [
        "who-is-interviewed",
        "series-number",
        "series-audience",
        "para14-citation",
        "question-order",
    ]
    assert load_bank("01-the-interview-as-data").ids() == [
        "instruction-verbs",
        "moscow-answer-space",
        "three-reasons",
        "para8-printed-word",
        "treaty-absent",
        "paragraph-count",
        "roles",
    ]


def test_evidence_quotes_are_verbatim_from_the_seed():
    iv = nbkit.load_interview()
    text = dict(zip(iv.paragraphs["paragraph_id"], iv.paragraphs["text"]))
    for stem in ("00-start-here", "01-the-interview-as-data"):
        for it in load_bank(stem).items:
            assert it.quote in text[it.paragraph_id], (stem, it.id)


def _set(item, path, value):
    item = copy.deepcopy(item)
    *parents, last = path
    target = item
    for p in parents:
        target = target[p]
    if value is None:
        del target[last]
    else:
        target[last] = value
    return item


def _changed(base: str, changes: dict) -> dict:
    """A copy of test item ``base`` with ``changes`` ({dotted path: value}, in order) made by :func:`_set`."""
    item = BASES[base]
    for path, value in changes.items():
        item = _set(item, [int(p) if p.isdigit() else p for p in path.split(".")], value)
    return item


def broken_banks() -> list:
    """tests/data/broken_quiz_banks.yaml as ``pytest.param(case, bank, item, field, reason, id=case)``."""
    cases = yaml.safe_load(BROKEN_BANKS.read_text(encoding="utf-8"))
    return [
        pytest.param(case, _bank(*(_changed(*i) for i in spec["items"])), *spec["error"], id=case)
        for case, spec in cases.items()
    ]


@pytest.mark.parametrize("case,bank,item,field,reason", broken_banks())
def test_schema_errors_name_file_item_and_field(tmp_path, case, bank, item, field, reason):
    path = tmp_path / "99-test.yaml"
    path.write_text(yaml.safe_dump(bank, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(QuizBankError) as info:
        load_bank(path)
    err = info.value
    assert (err.path, err.item, err.field) == (str(path), item, field)
    assert reason in err.reason
    assert str(err).startswith(f"99-test.yaml, item '{item}', field '{field}': ")


def test_bank_level_errors(tmp_path):
    with pytest.raises(QuizBankError, match=r"99-test.yaml, field 'items': the field 'items' is missing"):
        validate_bank({"notebook": "99-test", "title": "T"}, "99-test.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("notebook: 99-test\ntitle: a: b\n", encoding="utf-8")
    with pytest.raises(QuizBankError, match=r"bad.yaml: the file is not valid YAML at line 2, column 9"):
        load_bank(bad)
    with pytest.raises(QuizBankError, match="no bundled quiz bank for notebook '42-nothing'"):
        load_bank("42-nothing")
    with pytest.raises(QuizBankError, match="00-start-here.yaml, item 'nope': no item with this id"):
        nbkit.quiz.get_item("00-start-here", "nope")


def test_script_in_a_bank_shows_as_text(tmp_path, monkeypatch):
    monkeypatch.setenv("NBKIT_PROGRESS", str(tmp_path / "p.json"))
    evil = _set(
        _set(CHOICE, ["question"], "<script>alert(1)</script> Who?"), ["answers", 0, "feedback"], "<b>bold</b> & more"
    )
    path = tmp_path / "99-test.yaml"
    path.write_text(yaml.safe_dump(_bank(evil), allow_unicode=True), encoding="utf-8")
    item = load_bank(path).item("who")
    from nbkit.quiz.widgets import QuizView

    view = QuizView(item)
    assert view.widget.prompt.value == (
        "<p><strong>&lt;script&gt;alert(1)&lt;/script&gt; Who?</strong> <em>(choose one)</em></p>"
    )
    view.widget.inputs.value = 0
    view.widget.submit.click()
    assert "<p>&lt;b&gt;bold&lt;/b&gt; &amp; more</p>" in view.widget.feedback.value
    html = view._repr_mimebundle_()["text/html"]
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; Who?" in html


def test_answer_strings_for_notebook_checks():
    strings = answer_strings("00-start-here")
    assert strings[:2] == [
        "Senior fellow for the Stimson Center’s Korea Program and 38 North",
        "The interview gives one analyst’s view: Mercy Kuo asks, "
        "Rachel Minyoung Lee answers. So write “Lee argues…”, not “the article proves…”.",
    ]
    assert "427" in strings and "427th" in strings
    assert "True" not in strings and "False" not in strings
    assert (
        "Are the relations transactional or strategic? > Pyongyang’s calculus in moving closer to Moscow > "
        "Moscow’s agenda in seeking North Korea’s support > The two countries’ signals to Washington and Beijing > "
        "Implications for the China-U.S. competition in Northeast Asia"
    ) in strings
    strings01 = answer_strings("01-the-interview-as-data")
    assert (
        "1" in strings01 and "21" not in strings01 and "miliary" in strings01 and "military" not in strings01
    )  # the key is the printed word
    assert any(s.startswith("Lee reports three reasons behind the common assessment") for s in strings01)
