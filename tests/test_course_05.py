"""Notebook 05 (signals to Washington and Beijing) and its bank agree with the text and the frames they cite.

Review items of 2026-12 (part 2: 05-1 … 05-16; part 1: 05-1 … 05-3) are named where a test checks one.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import nbformat
import pytest

import nbkit
from nbkit.quiz import load_bank

from .conftest import ROOT

STEM = "05-signals-to-washington-and-beijing"
NOTEBOOK = ROOT / "notebooks" / f"{STEM}.ipynb"
ALLOWED = set((Path(__file__).parent / "data" / "allowed_sources.txt").read_text(encoding="utf-8").split())
# Phrases of the one outside work the notebook quotes: the abstract of J. D. Fearon, "Signaling Foreign Policy
# Interests: Tying Hands versus Sinking Costs", Journal of Conflict Resolution 41 (1), 1997, pp. 68–90
# (found with the search tool: https://ideas.repec.org/a/sae/jocore/v41y1997i1p68-90.html).
FEARON = {
    "Signaling Foreign Policy Interests: Tying Hands versus Sinking Costs",
    "tie hands by creating audience costs that they will suffer ex post if they do not follow through on their "
    "threat or commitment",
    "sink costs by taking actions such as mobilizing troops that are financially costly ex ante",
}


@pytest.fixture(scope="module")
def iv():
    return nbkit.load_interview()


@pytest.fixture(scope="module")
def nb():
    return nbformat.read(NOTEBOOK, as_version=4)


@pytest.fixture(scope="module")
def bank():
    return load_bank(STEM)


def markdown(nb) -> str:
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def para(iv, pid: int) -> str:
    return iv.paragraphs.set_index("paragraph_id").loc[pid, "text"]


# -- the timeline rows this notebook added ------------------------------------------------------


def test_new_timeline_rows_e33_e34(iv):
    tl = iv.timeline.set_index("event_id")
    e33, e34 = tl.loc["E33"], tl.loc["E34"]
    # 05-6: Reuters' "China reacted guardedly in June [2024]", in its story on the 75th anniversary
    assert (e33["date"].strftime("%Y-%m-%d"), e33["precision"], bool(e33["after_interview"])) == (
        "2024-06-01",
        "month",
        False,
    )
    assert "“China reacted guardedly in June”" in e33["event"]
    assert (
        e33["source"]
        == "https://thenews.com.pk/print/1237548-china-north-korea-mark-75th-anniversary-of-ties-with-vows-of-cooperation"
    )
    assert (e33["bears_on"], e33["direction"]) == ("C38", "for")
    # 05-11: the Multilateral Sanctions Monitoring Team, launched 16 October 2024 outside the UN
    assert (e34["date"].strftime("%Y-%m-%d"), e34["precision"], bool(e34["after_interview"])) == (
        "2024-10-16",
        "day",
        True,
    )
    assert e34["source"].startswith("https://newsportalnp.com/2024/10/16/")
    assert "Eleven states" in e34["event"] and "no government page was found" in e34["event"]
    assert (e34["bears_on"], e34["direction"]) == ("C34", "for")
    assert tl.loc["E16", "bears_on"] == "C19; C34"  # the veto, before the interview
    assert {e33["source"], e34["source"]} <= ALLOWED
    assert pd_isna(e33["paragraph_id"]) and pd_isna(e34["paragraph_id"])


def pd_isna(value) -> bool:
    import pandas as pd

    return bool(pd.isna(value))


def test_partial_checks_of_remain_strained_are_2024_and_none_dates_fall_2023(iv):
    """05-6: the three sourced checks fall in 2024; none of them is dated to fall 2023, which only the interview gives."""
    tl = iv.timeline.set_index("event_id")
    checks = tl.loc[["E33", "E18", "E32"]]
    assert set(checks["bears_on"]) == {"C38"}
    assert "fell 5% in 2024" in tl.loc["E32", "event"]
    assert "no publicly reported major events" in tl.loc["E18", "event"]
    fall_2023 = tl[(tl["date"] >= "2023-09-01") & (tl["date"] < "2023-12-01")]
    assert fall_2023.index.tolist() == ["E06", "E07"]
    assert tl.loc["E06", "source"] == "interview, paragraph 16"


def test_the_exchanges_the_timeline_dates_between_summit_and_treaty(iv):
    """05-10: between the summit (E07) and the treaty (E09) the timeline holds six rows, two of them exchanges."""
    tl = iv.timeline
    between = tl[(tl["date"] >= "2023-09-13") & (tl["date"] <= "2024-06-19")]
    assert between["event_id"].tolist() == ["E07", "E16", "E17", "E08", "E33", "E09"]


# -- the notebook -------------------------------------------------------------------------------


def test_outside_views_beside_paragraph_15(nb, iv):
    """05-8: the four statements the notebook shows are the two governments' own, with checked sources."""
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "views.query(\"view_id in ['V01', 'V02', 'V04', 'V05']\")" in code
    views = iv.outside_views.set_index("view_id").loc[["V01", "V02", "V04", "V05"]]
    assert views["speaker"].tolist() == ["Kim Jong Un", "Vladimir Putin", "Maria Zakharova", "Andrei Rudenko"]
    assert set(views["role"]) == {"government"}
    assert set(views["source"]) <= ALLOWED
    for vid, phrase in [
        ("V01", "a new, high level of alliance"),
        ("V02", "stopped short"),
        (
            "V04",
            "is not intended to create a Western-style military alliance and is not directed against third countries",
        ),
        ("V05", "defensive in nature"),
    ]:
        assert phrase in views.loc[vid, "quote"]
        assert any(f"“{phrase}”" in line and f"({vid}" in line for line in markdown(nb).splitlines()), vid


def test_grid_exercise_key_follows_the_text(nb, iv):
    """05-2: the sender × audience grid's key is what paragraphs 15, 16 and 20 say, sender by sender."""
    check = next(c.source for c in nb.cells if c.cell_type == "code" and "nbkit.exercise.check(" in c.source)
    call = ast.parse(check).body[0].value
    key = ast.literal_eval(call.args[1])
    assert key == {
        "North Korea → United States": [],
        "North Korea → China": [16, 20],
        "Russia → United States": [],
        "Russia → China": [20],
    }
    assert "North Korea is sending a clear message to China" in para(iv, 16)
    assert "From Moscow’s point of view, fostering closer relations with Pyongyang will help to curb Beijing’s" in para(
        iv, 20
    )
    assert "For North Korea, which traditionally has been wary of heavy dependence on China" in para(iv, 20)
    # the only sentence about Washington is Lee's judgement, not a message either government sends
    p15 = para(iv, 15)
    assert "should be a red flag for the United States" in p15
    assert not re.search(r"messag|signal", p15)
    stubs = [c.source for c in nb.cells if c.cell_type == "code" and re.search(r"^grid = \.\.\.$", c.source, re.M)]
    assert len(stubs) == 1


def test_converging_support_is_in_the_links(iv, bank):
    """05-3: the match item's key is the annotators' links: C33 → C34, C22 → C35, C34 and C35 → C36."""
    links = {(r.from_claim, r.to_claim) for r in iv.argument_links.itertuples() if r.relation == "supports"}
    assert {("C33", "C34"), ("C22", "C35"), ("C34", "C36"), ("C35", "C36")} <= links
    item = bank.item("chain-of-reasoning")
    assert item.type == "match"
    ids = [re.findall(r"C\d\d", p["label"] + " → " + p["answer"]) for p in item.data["pairs"]]
    assert ids == [["C34", "C33"], ["C35", "C22"], ["C36", "C34", "C35"]]
    for target, *sources in ids:
        assert {(s, target) for s in sources} <= links


def test_indicate_is_not_taught_as_a_hedge(nb, bank):
    """05-4 (and 07-7): "indicate" names evidence; only "(and possibly military)" is hedged."""
    text = markdown(nb) + bank.item("para15-treaty-scope").explanation
    assert "the hedge “indicate”" not in text and "middle-strength hedge" not in text
    assert "it does not soften “will”" in text
    assert "only “(and possibly military)” is hedged" in markdown(nb)


def test_paragraph_16_is_firm_and_question_4_has_no_instruction_verb(nb):
    """Part 1 05-1 (key point 4) and 05-12 (question 1 is also direct; the questions table lives in 00)."""
    text = markdown(nb)
    assert "hedged and conditional: acceptable" not in text
    assert "Paragraph 16 is stated firmly" in text
    assert "only direct question" not in text
    assert "the only one of the interviewer’s five questions with no instruction verb" in text
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "interview.questions" not in code


def test_every_event_and_view_the_notebook_names_exists(nb, bank, iv):
    text = markdown(nb) + " ".join(str(i.data) for i in bank.items)
    events, views = set(re.findall(r"\bE\d\d\b", text)), set(re.findall(r"\bV\d\d\b", text))
    assert events <= set(iv.timeline["event_id"]) and views <= set(iv.outside_views["view_id"])
    assert {"E33", "E34", "E16", "E18", "E29", "E32"} <= events


def test_quotations_are_verbatim(nb, iv):
    """Every “…” span in the notebook's markdown is verbatim from the interview, a cited frame row, or Fearon."""
    sources = [iv.source, *iv.outside_views["quote"], *iv.outside_views["note"], *iv.timeline["event"], *FEARON]
    haystack = "\n".join(sources).lower()
    lines = [ln for ln in markdown(nb).splitlines() if not ln.startswith("**Time:**")]  # written by nbkit nav
    spans = re.findall(r"“([^”]+)”", "\n".join(lines))
    assert len(spans) >= 30
    missing = [s for s in spans if s.lower().rstrip(",.") not in haystack]
    assert missing == []


def test_later_events_item_uses_a_later_distractor(iv, bank):
    """05-13: "fit", not "confirm"; all options are later events, the keys those tied to C34 (blind test, Dec 2026)."""
    item = bank.item("later-events")
    tl = iv.timeline.set_index("event_id")
    assert "confirm part" not in item.explanation and "Fitting a claim is not confirming it" in item.explanation
    eids = []
    for answer in item.data["answers"]:
        (eid,) = re.findall(r"\bE\d\d\b", answer["feedback"])
        eids.append(eid)
        row = tl.loc[eid]
        assert bool(row["after_interview"]), eid  # every option is later: the dates give nothing away
        assert ("C34" in row["bears_on"].split("; ")) == answer["correct"], eid
    assert eids == ["E29", "E28", "E19", "E26", "E27"]
    wrong = [a for a in item.data["answers"] if not a["correct"]]
    assert "Beijing" in wrong[0]["answer"]
    # the other two distractors are North Korea-Russia events that bear on paragraph 12, not on C34
    assert [tl.loc[e, "bears_on"] for e in ("E19", "E27")] == ["C26", "C28"]


def test_china_conditional_is_multiple_choice_with_the_conditional_key(bank):
    """05-5: the key is the condition on the two; the key is not the longest option (issue 13's rules)."""
    item = bank.item("para15-china-outlook")
    assert item.type == "multiple_choice"
    (key,) = [a["answer"] for a in item.data["answers"] if a["correct"]]
    assert key == "Perhaps not all that bad for China, only if the two leave the status quo and its influence intact"
    # every option is hedged and conditional alike, so the hedge cannot pick the key (blind test, Dec 2026)
    assert all(a["answer"].startswith("Perhaps not all that bad for China, only if ") for a in item.data["answers"])
    for item_id in ("para15-china-outlook", "para15-treaty-scope"):
        answers = bank.item(item_id).data["answers"]
        longest = max(len(a["answer"]) for a in answers)
        assert all(len(a["answer"]) < longest for a in answers if a["correct"]), item_id


def test_rubric_names_the_sanctions_evidence_without_assuming_the_verdict(bank):
    """Part 1 05-2 and part 2 05-11: the rubric asks for a judgement, and names the veto (E16) and the MSMT (E34)."""
    item = bank.item("strength-of-inference")
    rubric = item.data["rubric"]
    assert rubric[2] == "Judges, with a reason, whether “clearly” matches the evidence the interview shows."
    assert "E16" in rubric[3] and "E34" in rubric[3]
    assert "in disregard of sanctions" in item.question


def test_feedback_lines_point_to_a_paragraph(bank):
    for item in bank.items:
        lines = [a.get("feedback", "") for a in item.data.get("answers", [])]
        lines += [p["feedback"] for p in item.data.get("pairs", [])]
        lines = [ln for ln in lines if ln and item.type != "poll"]
        assert all(re.search(r"paragraphs? \d", ln, re.I) for ln in lines), item.id


def test_optional_sections_and_quiz_items_in_the_flow(nb):
    headings = [c.source.splitlines()[0] for c in nb.cells if c.cell_type == "markdown" and c.source.startswith("#")]
    assert [h for h in headings if h.endswith("(optional)")] == [
        "### Counting the exchanges (optional)",
        "### Playing Russia off against China? (optional)",
        "## 7 · The intent claim after the interview (optional)",
    ]
    core, optional = [], False
    for c in nb.cells:
        if c.cell_type == "markdown" and c.source.startswith("## "):
            optional = c.source.splitlines()[0].endswith("(optional)")
        if c.cell_type == "code" and "nbkit.quiz.show(" in c.source and not optional:
            core.append(c.source)
    assert len(core) == 6  # items on the core path (the many_choice later-events item is optional)
