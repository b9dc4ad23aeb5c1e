"""What each quiz type renders for assistive technology, without a browser: the names ipywidgets ties to each
input, and the rules the front-end hook (nbkit/data/quiz_assets/quiz_a11y.js) sets in the page.
tests/e2e/test_a11y_keyboard.py checks the same in JupyterLab and Voila."""

from __future__ import annotations

from pathlib import Path

import pytest

from nbkit.quiz import load_bank
from nbkit.quiz.types import TYPES, display_order
from nbkit.quiz.widgets import CONTROLS, FRONT_END, QuizWidget
from nbkit.resources import data_file

BANK = load_bank(str(Path(__file__).parent / "data" / "a11y-quiz-bank.yaml"))
ITEMS = {item.type: item for item in BANK.items}
SUPPRESS = {"select": CONTROLS, "attrs": {"data-lm-suppress-shortcuts": "true"}}


@pytest.fixture(autouse=True)
def store(tmp_path, monkeypatch):
    monkeypatch.setenv("NBKIT_PROGRESS", str(tmp_path / "progress.json"))
    monkeypatch.setenv("NBKIT_LEARNER", "ada")
    monkeypatch.delenv("NBKIT_INSTRUCTOR", raising=False)


def widget(kind: str) -> QuizWidget:
    return QuizWidget(ITEMS[kind])


def test_the_bank_has_one_item_of_every_type():
    assert [item.type for item in BANK.items] == [t.name for t in TYPES]


def test_common_rules_multiple_choice():
    w = widget("multiple_choice")
    dom = "nbkit-quiz-90-a11y-quiz-review-two-angles"
    pid = w.prompt_id
    assert pid.startswith(dom + "-") and pid.endswith("-prompt") and len(pid) == len(dom) + len("-12345678-prompt")
    group = pid.removesuffix("-prompt") + "-options"
    assert w.aria_rules() == [
        SUPPRESS,
        {"select": f".{dom}-prompt", "attrs": {"id": pid}},
        {"select": f".{dom}-options .widget-radio-box", "attrs": {"role": "radiogroup", "aria-labelledby": pid}},
        {"select": f".{dom}-options input[type=radio]", "attrs": {"name": group}},
        {"select": f".{dom}-submit", "attrs": {"aria-describedby": pid}},
        {"select": f".{dom}-feedback", "attrs": {"role": "status", "aria-live": "polite", "aria-atomic": "true"}},
    ]
    assert w.inputs._dom_classes == (f"{dom}-options", *w.a11y.inputs)  # the second: what the hook reads on a click
    assert w.inputs.description == ""  # the radios are named by the <label> around each, the set by the question


@pytest.mark.parametrize("kind", ["true_false", "poll"])
def test_one_option_types_are_named_radiogroups(kind):
    w = widget(kind)
    dom = ITEMS[kind].dom_class
    assert w.aria_rules()[2:4] == [
        {
            "select": f".{dom}-options .widget-radio-box",
            "attrs": {"role": "radiogroup", "aria-labelledby": w.prompt_id},
        },
        {"select": f".{dom}-options input[type=radio]", "attrs": {"name": w.prompt_id[: -len("prompt")] + "options"}},
    ]


def test_many_choice_is_a_named_group_of_labelled_boxes():
    w = widget("many_choice")
    item = ITEMS["many_choice"]
    assert w.aria_rules()[2] == {
        "select": f".{item.dom_class}-options",
        "attrs": {"role": "group", "aria-labelledby": w.prompt_id},
    }
    group = w.box.children[1]
    assert group._dom_classes == (f"{item.dom_class}-options",) and list(group.children) == w.inputs
    # each box is named by its option text (ipywidgets puts the <input> inside a <label> with it)
    assert sorted(cb.description for cb in w.inputs) == sorted(a["answer"] for a in item.data["answers"])
    assert len(w.inputs) == 5


@pytest.mark.parametrize(("kind", "tag"), [("string", "input"), ("free_response", "textarea")])
def test_text_boxes_are_named_by_the_question(kind, tag):
    w = widget(kind)
    dom = ITEMS[kind].dom_class
    assert w.aria_rules()[2] == {"select": f".{dom}-input {tag}", "attrs": {"aria-labelledby": w.prompt_id}}
    assert w.inputs._dom_classes == (f"{dom}-input", w.a11y.inputs[0])


def test_ordering_dropdowns_are_named_by_position_in_a_named_group():
    w = widget("ordering")
    item = ITEMS["ordering"]
    assert [dd.description for dd in w.inputs] == ["Position 1", "Position 2", "Position 3", "Position 4"]
    assert [dd.label for dd in w.inputs] == ["(choose)"] * 4 and [dd.value for dd in w.inputs] == [None] * 4
    assert [label for label, _ in w.inputs[0].options] == ["(choose)", *display_order(item)]
    assert {dd.style.description_width for dd in w.inputs} == {"initial"}  # the name is shown in full
    assert w.aria_rules()[2] == {
        "select": f".{item.dom_class}-options",
        "attrs": {"role": "group", "aria-labelledby": w.prompt_id},
    }


def test_match_dropdowns_are_named_by_their_labels():
    w = widget("match")
    item = ITEMS["match"]
    labels = [p["label"] for p in item.data["pairs"]]
    assert list(w.inputs) == labels and len(labels) == 3
    assert [dd.description for dd in w.inputs.values()] == labels  # <label for> the <select>, not text beside it
    assert not any(dd.description_allow_html for dd in w.inputs.values())  # bank text stays text
    assert [label for label, _ in w.inputs[labels[0]].options] == ["(choose)", *sorted(item.data["options"])]
    assert w.box.children[1]._dom_classes == (f"{item.dom_class}-options",)
    assert w.aria_rules()[2]["attrs"] == {"role": "group", "aria-labelledby": w.prompt_id}


def test_free_response_rating_is_a_radiogroup_named_by_its_label():
    w = widget("free_response")
    dom, rid = ITEMS["free_response"].dom_class, w.rating_id
    assert rid == w.prompt_id.removesuffix("-prompt") + "-rating"
    assert w.rating.description == "Self-rating"
    assert w.aria_rules()[-3:] == [
        {"select": f".{dom}-rating > .widget-label", "attrs": {"id": rid}},
        {"select": f".{dom}-rating .widget-radio-box", "attrs": {"role": "radiogroup", "aria-labelledby": rid}},
        {"select": f".{dom}-rating input[type=radio]", "attrs": {"name": rid + "-options"}},
    ]
    assert not any("rating" in r["select"] for r in widget("string").aria_rules())


@pytest.mark.parametrize("kind", [t.name for t in TYPES])
def test_every_type_names_its_inputs_and_announces_feedback(kind):
    w = widget(kind)
    rules = w.aria_rules()
    dom = ITEMS[kind].dom_class
    assert rules[0] == SUPPRESS
    # every rule but the controls' one is scoped to this item's own parts
    assert all(r["select"].startswith(f".{dom}-") for r in rules[1:])
    # every id a rule points at is set by a rule
    ids = {r["attrs"]["id"] for r in rules if "id" in r["attrs"]}
    refs = {v for r in rules for k, v in r["attrs"].items() if k in ("aria-labelledby", "aria-describedby")}
    assert refs and refs <= ids
    assert {"role": "status", "aria-live": "polite", "aria-atomic": "true"} in [r["attrs"] for r in rules]
    assert len([r for r in rules if "aria-labelledby" in r["attrs"]]) == (2 if kind == "free_response" else 1)


def test_an_item_shown_twice_gets_ids_of_its_own():
    a, b = widget("poll"), widget("poll")
    assert a.prompt_id != b.prompt_id and a.rating_id != b.rating_id


def test_the_hook_sits_hidden_in_the_box_with_the_rules():
    w = widget("match")
    assert w.box.children[-1] is w.a11y
    assert w.a11y.layout.display == "none"
    assert w.a11y.rules == w.aria_rules()
    assert w.a11y.get_state()["rules"] == w.aria_rules()  # synced to the page as plain JSON
    source = data_file(FRONT_END).read_text(encoding="utf-8")
    assert w.a11y._esm == source and "export default { render }" in source and "MutationObserver" in source
