"""Notebook 02 and its bank: one poll option set, hedges kept apart from forecasts, later events sorted as the
annotators code them, the linked-claims table and the glossary's working definitions (issue 12, review 02-*)."""

from __future__ import annotations

import re

import nbformat
import pytest

import nbkit
from nbkit.annotations.link_table import linked_claims
from nbkit.quiz.bank import load_bank

from .conftest import POLL_OPTIONS, ROOT

STEM = "02-transactional-or-strategic"


@pytest.fixture(scope="module")
def iv():
    return nbkit.load_interview()


@pytest.fixture(scope="module")
def bank():
    return {item.id: item.data for item in load_bank(STEM).items}


@pytest.fixture(scope="module")
def cells():
    return nbformat.read(ROOT / "notebooks" / f"{STEM}.ipynb", 4).cells


def markdown(cells) -> str:
    return "\n".join(c.source for c in cells if c.cell_type == "markdown")


def test_bank_items_each_shown_once_in_order(bank, cells):
    shown = [
        m for c in cells if c.cell_type == "code" for m in re.findall(rf'quiz\.show\("{STEM}", "([^"]+)"\)', c.source)
    ]
    assert shown == [
        "before-reading",
        "lee-thesis",
        "para3-prevailing-view",
        "cloze-global-order",
        "reason-reply",
        "hedges-para5",
        "sort-later-events",
        "after-reading",
        "weigh-the-reply",
    ]
    assert sorted(shown) == sorted(bank)  # three-reasons-order is gone (review 02-14)


def test_before_and_after_polls_share_the_course_option_set(bank):
    for item_id in ("before-reading", "after-reading"):
        assert bank[item_id]["type"] == "poll"
        assert [a["answer"] for a in bank[item_id]["answers"]] == POLL_OPTIONS
    before = " ".join(a["feedback"] for a in bank["before-reading"]["answers"]) + bank["before-reading"]["explanation"]
    assert "paragraph 3 draws" not in before and "intent" not in before  # the thesis is not given away (02-3)


def test_hedges_para5_key_is_the_hedged_claims(iv, bank):
    """The key's three options are the paragraph-5 claims whose quotes hold a hedge (C10, C11, C13); "unlikely"
    in C10 is a forecast, and its feedback says so (review 02-7)."""
    claims, markers = iv.claims, iv.markers
    para5 = claims[claims["paragraph_id"] == 5]
    hedges = markers[markers["kind"] == "hedge"]
    hedged = [
        row.claim_id
        for row in para5.itertuples()
        if ((hedges["start"] >= row.start) & (hedges["end"] <= row.end)).any()
    ]
    assert hedged == ["C10", "C11", "C13"]
    item = bank["hedges-para5"]
    key = [a for a in item["answers"] if a["correct"]]
    assert len(key) == len(hedged) == 3
    assert "“Unlikely” is not the hedge" in key[0]["feedback"] and "forecast" in key[0]["feedback"]
    assert "Hedged claims are harder to test" in item["explanation"]
    assert "most easily confirm" not in item["explanation"]


def test_seems_hedge_tells_lees_report_from_the_reported_view(bank):
    item = bank["para3-prevailing-view"]
    text = " ".join(a["feedback"] for a in item["answers"]) + item["explanation"]
    assert "hedges twice" not in text and "“Prevailing” is not a hedge" in text
    assert "voice column" in item["explanation"]


def test_sorting_keys_follow_the_annotators_coding(iv, bank):
    item = bank["sort-later-events"]
    assert item["options"] == ["Fits the transactional reading", "Fits the strategic reading", "Fits both readings"]
    reading = {"for": "strategic", "against": "transactional", "mixed": "both"}
    direction = iv.timeline.set_index("event_id")["direction"]
    side = iv.outside_views.set_index("view_id")["side"]
    expected = {
        "E25": "Fits both readings",
        "E26": "Fits the strategic reading",
        "E28": "Fits the strategic reading",
        "V03": "Fits the transactional reading",
    }
    got = {re.search(r"\((E\d\d|V\d\d)", p["label"]).group(1): p["answer"] for p in item["pairs"]}
    assert got == expected
    for event in ("E25", "E26", "E28"):
        assert reading[direction[event]] in got[event]
    assert side["V03"] == "transactional"


def test_reason_reply_meets_reason_two_only_indirectly(bank):
    """The reading 02 and 08 share (review 02/08): C11 answers reason 2 only indirectly."""
    item = bank["reason-reply"]
    reason2 = next(p for p in item["pairs"] if p["label"].startswith("Reason 2"))
    assert "only indirectly" in reason2["feedback"] and "only indirectly" in item["explanation"]


def test_cloze_explanation_marks_the_link_as_the_courses_reading(bank):
    explanation = bank["cloze-global-order"]["explanation"]
    assert "which is why she doubts" not in explanation and "Lee does not state herself" in explanation


def test_linked_claims_rebuttals_of_question_1(iv):
    table = linked_claims(iv, relation="rebuts", question_id=1)
    assert list(table.columns) == ["from_claim", "from_summary", "relation", "to_claim", "to_summary"]
    assert list(zip(table["from_claim"], table["to_claim"])) == [
        ("C03", "C01"),
        ("C08", "C04"),
        ("C10", "C05"),
        ("C11", "C06"),
        ("C12", "C07"),
    ]
    summary = iv.claims.set_index("claim_id")["summary"]
    assert table["to_summary"].tolist() == summary[table["to_claim"]].tolist()
    assert table["from_summary"].tolist() == summary[table["from_claim"]].tolist()


def test_linked_claims_filters(iv):
    assert len(linked_claims(iv, question_id=1)) == 16
    assert len(linked_claims(iv)) == len(iv.argument_links)  # every link joins two claims (B owns the count)
    assert linked_claims(iv, relation="supports", question_id=1)["to_claim"].tolist() == [
        "C04",
        "C04",
        "C04",
        "C10",
        "C08",
        "C08",
        "C08",
        "C03",
    ]
    assert linked_claims(iv, relation="no such relation").empty


def test_glossary_working_definitions(iv):
    glossary = iv.glossary.set_index("term")["definition"]
    for term in ("transactional relationship", "strategic relationship"):
        assert glossary[term].startswith("The course’s working definition (not Lee’s, not from a source)")
    assert "strategic in intent when" in glossary["strategic relationship"]
    assert "strategic in outcome when" in glossary["strategic relationship"]
    assert "the Soviet Union and China" in glossary["Cold War playbook"]
    assert len(glossary) == 30


def test_after_interview_events_table_and_the_views_shown(iv, cells):
    after = iv.timeline[iv.timeline["after_interview"]]
    assert len(after) == 19 and after["direction"].value_counts().to_dict() == {"for": 11, "against": 3, "mixed": 2}
    code = "\n".join(c.source for c in cells if c.cell_type == "code")
    assert 'timeline.loc[timeline["after_interview"]' in code  # 02 is the table's one home (X7)
    views = iv.outside_views.set_index("view_id")
    assert views.loc[["V12", "V06", "V07"], "role"].tolist() == ["analyst"] * 3
    assert '["V12", "V06", "V07"]' in code


def test_notebook_wording_from_the_review(cells):
    text = markdown(cells)
    assert "Judge whether, and how, paragraph 5 answers each of the three reasons" in text  # 02-1
    assert text.count("reports and cautions against treating as settled") == 2  # 00-1: c0 and the exercise
    assert "transformed" not in text and "Putin shattered the existing global order" in text  # part 1, 02-1
    assert "6 July 1961" in text and "Soviet Union" in text  # 02-5
    assert "could not yet be tested" in text  # 02-11 keeps it
    assert "culminating in the new treaty" in text  # 02-10: the subject of para. 15
    assert "linked view below" not in text  # 02-15: the question-claims chart is cut
    assert "strength from 1" not in text  # the one strength scale merged likelihood and confidence
    assert re.search(r"\bhedges? (?:is|are) \d", text) is None  # marker counts are computed, never written


def test_optional_section_and_discussions(cells):
    headings = [c.source.splitlines()[0] for c in cells if c.cell_type == "markdown" and c.source.startswith("#")]
    assert [h for h in headings if h.endswith("(optional)")] == [
        "## Exercise: whose view is it? (optional)",
        "### Weigh the reply in writing (optional)",
    ]
    assert re.findall(r"\*\*Discuss \((\d+) minutes\):\*\*", markdown(cells)) == ["5", "3"]
