"""Notebook 08 and its bank: a motion, balanced and attributed debate cards, one poll option set, review on new material."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

import nbkit
from nbkit.debate import ORIGINS, SIDES, card_sheet, debate_cards, event_side
from nbkit.quiz import load_bank

from .conftest import POLL_OPTIONS, ROOT

NB = ROOT / "notebooks" / "08-seminar-and-review.ipynb"
ALLOWED = set((Path(__file__).parent / "data" / "allowed_sources.txt").read_text(encoding="utf-8").split())


@pytest.fixture(scope="module")
def iv():
    return nbkit.load_interview()


@pytest.fixture(scope="module")
def cards(iv):
    return debate_cards(iv)


@pytest.fixture(scope="module")
def bank():
    return load_bank("08-seminar-and-review")


@pytest.fixture(scope="module")
def notebook():
    return nbformat.read(NB, as_version=4)


def _markdown(nb) -> str:
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def test_card_counts_per_side_and_origin(cards):
    counts = cards.groupby(["side", "origin"], observed=False).size().unstack()
    assert list(counts.index) == SIDES and list(counts.columns) == ORIGINS
    assert counts.to_dict(orient="index") == {
        "transactional": {"interview": 12, "outside view": 5, "later event": 4},
        "strategic": {"interview": 24, "outside view": 4, "later event": 3},
        "mixed": {"interview": 0, "outside view": 1, "later event": 2},
        "neither": {"interview": 18, "outside view": 2, "later event": 7},
    }
    assert len(cards) == 54 + 12 + 16


def test_outside_the_interview_the_transactional_side_has_at_least_as_many_cards(cards):
    outside = cards[cards["origin"] != "interview"]["side"].value_counts()
    assert outside["transactional"] == 9 and outside["strategic"] == 7
    assert outside["transactional"] >= outside["strategic"]


def test_sources_named_in_the_brief_are_cards_on_the_expected_side(cards):
    side = dict(zip(cards["card_id"], cards["side"].astype(str)))
    assert [side[v] for v in ("V03", "V06", "V12")] == ["transactional"] * 3  # Putin June 2024, Cho, Park
    assert [side[e] for e in ("E25", "E26", "E28")] == ["mixed", "strategic", "strategic"]
    # 08-2: C39 and C52 (North Korea playing Russia against China) are transactional cards; C40 stays neither,
    # claimable with a reason
    assert [side[c] for c in ("C39", "C40", "C52")] == ["transactional", "neither", "transactional"]


def test_event_side_rule():
    stance = {"C19": "strategic", "C26": "transactional", "C38": "neither"}
    assert event_side("C26", "for", stance) == "transactional"
    assert event_side("C19", "against", stance) == "transactional"
    assert event_side("C26", "against", stance) == "strategic"
    assert event_side("C38", "against", stance) == "neither"
    assert event_side("C19; C26", "for", stance) == "mixed"
    assert event_side("C19", "mixed", stance) == "mixed"


def test_every_card_is_attributed_and_sourced(iv, cards):
    text = dict(zip(iv.paragraphs["paragraph_id"].astype(str), iv.paragraphs["text"]))
    inside = cards[cards["origin"] == "interview"]
    for row in inside.itertuples():
        paragraph = row.where.removeprefix("para. ")
        assert row.source == f"interview, para. {paragraph}"
        assert row.quote in text[paragraph], row.card_id
        assert row.voice in {"lee", "prevailing_view", "reported"}
    outside = cards[cards["origin"] != "interview"]
    assert set(outside["source"]) <= ALLOWED
    assert all(outside["bears_on"] != "")
    views = outside[outside["origin"] == "outside view"]
    assert views["voice"].str.fullmatch(r".+ \((government|analyst)\)").all()
    assert list(cards.loc[cards["origin"] == "later event", "card_id"]) == ["E18", "E34"] + [
        f"E{i}" for i in range(19, 33)
    ]


def test_cards_are_a_fresh_frame(iv):
    first = debate_cards(iv)
    first.loc[0, "quote"] = "changed"
    assert debate_cards(iv).loc[0, "quote"] != "changed"


def test_card_sheet_prints_one_escaped_box_per_card(cards):
    html = card_sheet(cards).data
    assert html.count('<article class="nbkit-card"') == len(cards) == 82
    assert 'aria-label="card V03"' in html and "needed no one&#39;s help" in html
    tricky = cards.head(1).assign(quote="<script>x</script>")
    assert "&lt;script&gt;" in card_sheet(tricky).data and "<script>" not in card_sheet(tricky).data


def test_polls_use_the_course_option_set(bank):
    for item_id in ("poll-before", "poll-after"):
        item = bank.item(item_id)
        assert [a["answer"] for a in item.data["answers"]] == POLL_OPTIONS
        assert "on the evidence of the interview" not in item.question


def test_bank_items_review_on_new_material(bank):
    assert bank.ids() == [
        "poll-before",
        "poll-after",
        "hardest-transactional-card",
        "review-weigh-reply",
        "review-two-angles",
        "review-belarus",
        "review-moscow-needs",
        "china-card-and-cold-war-playbook",
        "kim-in-beijing-2025",
        "paraphrase-treaty-and-china",
        "review-final-sentence",
    ]
    keys = []
    for item in bank.items:
        if item.type != "multiple_choice":
            continue
        answers = item.data["answers"]
        key = next(i for i, a in enumerate(answers) if a["correct"])
        keys.append(key)
        longest = max(len(a["answer"]) for a in answers)
        assert len(answers[key]["answer"]) < longest, item.id  # the key is never the longest option
        assert all("paragraph" in a["feedback"] for a in answers), item.id
    assert len(set(keys)) >= 3  # the key's position varies


def test_fixed_wordings(bank):
    assert "annotators" in bank.item("review-two-angles").data["explanation"]  # part 1, 03-1
    moscow = bank.item("review-moscow-needs").data
    assert "would benefit from" in moscow["question"] and "need" not in moscow["pairs"][1]["answer"]  # 08-9
    reply = bank.item("review-weigh-reply").data["model_answer"]
    assert "The second reason, the Cold War playbook, is answered only indirectly" in reply  # agreed with 02
    assert "seems to have renounced" in reply and "E26" in reply and "V12" in reply
    belarus = bank.item("review-belarus").data
    assert belarus["question"].startswith("Question 2 (paragraph 9): Lee ends the paragraph with")
    assert _key(bank.item("review-belarus")) == "The security structure Pyongyang said it would build with Moscow"


def _key(item) -> str:
    return next(a["answer"] for a in item.data["answers"] if a.get("correct"))


def _shown(item) -> str:
    """What a learner sees before answering: the question and the options."""
    return " ".join([item.question] + [a["answer"] for a in item.data.get("answers", []) if "answer" in a])


def test_review_items_do_not_answer_the_items_they_review(bank):
    # blind test 2026-12-02: 08's reviews shared their keys with 03's items, and two stems quoted other items' keys
    nb03 = load_bank("03-pyongyangs-calculus")
    assert _key(bank.item("review-two-angles")) != _key(nb03.item("two-angles"))
    assert bank.item("review-two-angles").data["evidence"]["paragraph_id"] == 9  # the second angle, not paragraph 7
    assert "bigger player" not in _shown(bank.item("review-two-angles"))
    assert "appear" not in _shown(bank.item("review-belarus"))  # 03's true/false asks about that hedge
    shown = " ".join(_shown(item) for item in bank.items)
    for phrase in ("an opportunity to hedge", "seems in part to be targeting China", "other cards to play"):
        assert phrase not in shown, phrase
    assert (
        _key(bank.item("review-final-sentence"))
        == "That the security dynamic in the region is already complex and volatile"
    )


def test_notebook_has_a_motion_roles_and_an_optional_review(notebook):
    text = _markdown(notebook)
    assert "> **Motion:** Pyongyang and Moscow intend a lasting alignment" in text
    for role in ("**chair**", "**timekeeper**", "**speakers**", "**card checker**", "**observes**"):
        assert role in text
    assert "may claim a `neither` or `mixed` card if it says" in text  # 08-2
    assert "💬 **Discuss (20 minutes):**" in text and "💬 **Discuss (6 minutes):**" in text
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert "## Review quiz: homework in a 50-minute seminar (optional)" in headings
    assert "## After the debate" in headings
    assert headings.index("## After the debate") < headings.index(
        "## Review quiz: homework in a 50-minute seminar (optional)"
    )
    assert "appears to view itself" in text and "Putin’s thanks" in text  # 08-9
    assert "facts.md" not in text and "facts file" not in text
    assert "skim the whole interview" not in text


def test_export_counts_from_the_exported_file(notebook):
    (cell,) = [c.source for c in notebook.cells if c.cell_type == "code" and "EXPORT CELL" in c.source]
    assert "load_class_results([saved])" in cell and "len(progress)" not in cell


def test_exercise_answer_is_what_the_cards_give(cards):
    answer = list(cards.loc[cards["bears_on"].str.contains("C34"), "card_id"])
    assert set(answer) == {"C34", "E26", "E28", "E34", "V01", "V02", "V09", "V11"}
    sides = cards.set_index("card_id").loc[answer, "side"]
    assert list(sides[sides == "transactional"].index) == ["V02"]  # the solution's "all but one"
    assert nbkit.exercise.check(answer, test=lambda a: set(a) == set(answer)).ok


def test_links_shown_to_learners_are_checked_sources(notebook, cards):
    texts = [NB.read_text(encoding="utf-8"), (ROOT / "nbkit/data/quizzes/08-seminar-and-review.yaml").read_text()]
    urls = {u.rstrip(".,;") for text in texts for u in re.findall(r'https?://[^\s)"\\]+', text)}
    assert urls <= ALLOWED
    shown = set(cards["source"][cards["origin"] != "interview"])  # the card tables show each card's source
    assert len(shown) == 27 and shown <= ALLOWED  # 12 views, 16 events, one address shared (E28, V09)
