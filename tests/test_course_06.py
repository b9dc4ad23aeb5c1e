"""Notebook 06 (the treaty and Northeast Asia) teaches what the review asked for, on the real seed (issue 12)."""

import ast
import re

import nbformat
import pytest

from nbkit import exercise, kwic
from nbkit.quiz import load_bank

from .conftest import ROOT

STEM = "06-the-treaty-and-northeast-asia"
HEADING = re.compile(r"(#+) (.*)")


@pytest.fixture(scope="module")
def cells():
    return nbformat.read(ROOT / "notebooks" / f"{STEM}.ipynb", as_version=4).cells


@pytest.fixture(scope="module")
def bank():
    return {item.id: item.data for item in load_bank(STEM).items}


def core_and_optional(cells):
    """(cell, optional) pairs: a heading ending "(optional)" marks its section, up to the next heading as high."""
    level = None
    for cell in cells:
        match = HEADING.match(cell.source) if cell.cell_type == "markdown" else None
        if match:
            depth = len(match.group(1))
            if level is not None and depth <= level:
                level = None
            if level is None and match.group(2).endswith("(optional)"):
                level = depth
        yield cell, level is not None


def shown_items(cells):
    return [m.group(1) for c in cells for m in re.finditer(r'quiz\.show\("[\w-]+", "([\w-]+)"\)', c.source)]


def test_question_and_four_answer_paragraphs(interview, cells):
    """06-1: the cell prints the question (para. 17) and four answer paragraphs (18-21), as the text says."""
    answer5 = interview.paragraphs.query("question_id == 5")
    assert list(zip(answer5["paragraph_id"], answer5["role"])) == [
        (17, "question"),
        (18, "answer"),
        (19, "answer"),
        (20, "answer"),
        (21, "answer"),
    ]
    text = next(c.source for c in cells if c.source.startswith("## Question 5"))
    assert "the question (paragraph 17) and the four paragraphs of her answer (paragraphs 18–21)" in text
    assert "five paragraphs" not in " ".join(c.source for c in cells)


def test_exercise_labels_each_reading_against_the_wording(interview, cells):
    """06-7: one exercise (no markers drill): a label per treaty article, checked with exercise.check."""
    checks = [c.source for c in cells if "exercise.check(" in c.source]
    assert len(checks) == 1
    call = ast.parse(checks[0]).body[0].value
    key = ast.literal_eval(call.args[1])
    assert key == ["goes beyond", "narrows", "keeps", "goes beyond"]
    treaty = interview.treaty_articles.set_index("article")
    assert treaty.index.tolist() == [3, 4, 8, 16]  # the frame's order, which the exercise asks for
    assert not any("interview.markers" in c.source for c in cells if c.cell_type == "code")
    assert exercise.check(..., key).startswith("Not answered yet")
    assert exercise.check(["Goes beyond", "narrows", "keeps", "goes  beyond"], key).ok
    assert not exercise.check(["keeps", "keeps", "keeps", "keeps"], key).ok
    # the key follows from the frame: Article 3 adds an action, Article 4 drops a party and a condition,
    # Article 8 keeps the mechanisms (and Lee hedges), Article 16 widens unilateral measures to sanctions
    assert "intervene" in treaty.loc[3, "quote"] and "intervene" not in treaty.loc[3, "treaty_says"]
    assert "consultations" in treaty.loc[3, "treaty_says"]
    assert "either party" in treaty.loc[4, "treaty_says"] and "Article 51" in treaty.loc[4, "treaty_says"]
    assert "to North Korea" in treaty.loc[4, "quote"] and "Article 51" not in treaty.loc[4, "quote"]
    assert "mechanisms for joint measures" in treaty.loc[8, "treaty_says"]
    assert "seeming to suggest" in treaty.loc[8, "interview_reading"]
    assert "unilateral coercive measures" in treaty.loc[16, "treaty_says"]
    assert "refrain from joining unilateral coercive measures" in treaty.loc[16, "treaty_says"]
    assert "sanctions" in treaty.loc[16, "quote"] and "unilateral" not in treaty.loc[16, "quote"]


def test_subject_of_paragraph_19_is_this(interview, cells, bank):
    """06-9 and 06-8: "This" (the regional opening) serves two objectives; the treaty "serves multiple purposes"."""
    assert (
        interview.paragraphs.set_index("paragraph_id")
        .loc[18, "text"]
        .startswith("The new treaty serves multiple purposes for both countries")
    )
    text = next(c.source for c in cells if c.source.startswith("## Paragraph 19"))
    assert "Its subject is “This”" in text and "“serves multiple purposes for both countries” (para. 18)" in text
    assert "one dated milestone of that cooperation" in text
    explanation = bank["two-objectives"]["explanation"]
    assert "is “This”" in explanation and "“serves multiple purposes for both countries”" in explanation
    assert interview.timeline.query("paragraph_id == 19")["event_id"].tolist() == ["E05"]


def test_likely_is_not_called_a_hedge(cells, bank):
    """ "likely" is an estimative word (a judgement of probability), so no text calls it a hedge."""
    texts = [c.source for c in cells] + [str(item) for item in bank.values()]
    assert not [t for t in texts if re.search(r"hedged \(“likely”|both hedged", t)]


def test_question_5_as_asked(interview, cells, bank):
    """06-10: the course asks whether Lee's answer takes up the China-U.S. competition; the data back the key."""
    assert kwic(interview, "competition")["paragraph_id"].tolist() == [17]
    counts = interview.mentions.query("question_id == 5")["actor"].value_counts()
    assert counts.to_dict() == {
        "Russia": 8,
        "North Korea": 6,
        "China": 6,
        "United States": 2,
        "South Korea": 1,
        "Japan": 1,
        "NATO": 1,
    }
    item = bank["question-5-frame"]
    assert item["evidence"]["paragraph_id"] == 17
    keys = [a["answer"] for a in item["answers"] if a["correct"]]
    assert keys == ["It takes up each power on its own, not the rivalry between the two"]
    assert len(keys[0]) < max(len(a["answer"]) for a in item["answers"])  # the key is not the longest option
    assert "question-5-frame" in shown_items(cells)


def test_conclusion_test_weighs_the_unhedged_first_sentence(interview, bank):
    """06-11: para. 21's first sentence carries no marker and names no fronts; the item says so."""
    markers = interview.markers.query("paragraph_id == 21")
    assert markers["marker"].tolist() == ["could"]
    first, second = interview.sentences.query("paragraph_id == 21")["sentence_id"].tolist()
    assert markers["sentence_id"].tolist() == [second]
    item = bank["conclusion-test"]
    assert (
        item["evidence"]["quote"]
        == "North Korea-Russia cooperation has already started to have an impact on multiple fronts."
    )
    assert "stated without a hedge" in item["model_answer"] and "names no fronts" in item["model_answer"]
    assert "unhedged and names no fronts" in item["rubric"][0]
    assert "E22" in item["model_answer"] and "E25" in item["model_answer"]  # later events, both ways


def test_core_path_and_optional_sections(cells):
    """Three optional sections; the core path keeps the exercise and 8 of the 10 quiz items; nothing is defined in them."""
    pairs = list(core_and_optional(cells))
    optional_headings = [HEADING.match(c.source).group(2) for c, opt in pairs if opt and HEADING.match(c.source)]
    assert optional_headings == [
        "The dates in order (optional)",
        "The declared friendship (optional)",
        "Who is in this answer? (optional)",
    ]
    core = [c for c, opt in pairs if not opt]
    assert shown_items(core) == [
        "article-readings",
        "article-3-wording",
        "article-4-who-is-bound",
        "two-objectives",
        "para20-pyongyang-motive",
        "question-5-frame",
        "objective-poll",
        "conclusion-test",
    ]
    assert len(shown_items(cells)) == 10
    assert any("exercise.check(" in c.source for c in core)
    defined_in_optional = {
        t.id
        for c, opt in pairs
        if opt and c.cell_type == "code"
        for node in ast.walk(ast.parse(c.source))
        if isinstance(node, ast.Assign)
        for t in node.targets
        if isinstance(t, ast.Name)
    }
    assert defined_in_optional == set()


def test_one_home_each(cells):
    """X7: 06 shows a bears_on slice of the timeline, not the after-interview table or the certainty chart."""
    code = " ".join(c.source for c in cells if c.cell_type == "code")
    assert "after_interview" not in " ".join(c.source for c in cells) and "certainty_profile" not in code
    assert 'tl["bears_on"]' in code
    assert "Notebook 02 lists all the events after the interview." in " ".join(c.source for c in cells)


def test_treaty_and_objective_items_need_the_text(interview, bank):
    """Blind test, Dec 2026: general knowledge of the treaty, or another item, no longer gives these keys."""
    treaty = interview.treaty_articles.set_index("article")
    paragraphs = interview.paragraphs.set_index("paragraph_id")["text"]

    def key(item_id):
        (answer,) = [a["answer"] for a in bank[item_id]["answers"] if a["correct"]]
        return answer

    article3 = bank["article-3-wording"]
    assert article3["type"] == "multiple_choice"
    assert (
        key("article-3-wording")
        == "To coordinate positions and agree on possible practical measures to assist each other"
    )
    assert (
        "coordinate their positions and agree on possible practical measures to assist each other"
        in (treaty.loc[3, "treaty_says"])
    )
    assert all(a["answer"].startswith("To coordinate positions and agree on ") for a in article3["answers"])
    # Article 4: the statement is about Lee's reading (one way), which the wording (both ways) does not settle;
    # its key is True, so the course's true/false items are not all false
    assert key("article-4-who-is-bound") == "True"
    assert "in one direction only, from Russia to North Korea" in bank["article-4-who-is-bound"]["question"]
    assert "to North Korea" in treaty.loc[4, "quote"] and "either party" in treaty.loc[4, "treaty_says"]
    assert "Military and other assistance could be given" in bank["article-readings"]["options"]
    assert key("two-objectives") == "The opening the treaty leaves for a greater Russian role in the region"
    assert "leaves the door open for greater Russian involvement in Northeast Asia" in paragraphs[18]
    assert key("para20-pyongyang-motive") == "A way to guard against depending too heavily on China"
    assert not [a for a in bank["para20-pyongyang-motive"]["answers"] if "hedge" in a["answer"]]
    poll = [a["answer"] for a in bank["objective-poll"]["answers"]]
    assert poll[:2] == ["The first objective (paragraph 19)", "The second objective (paragraph 20)"]
