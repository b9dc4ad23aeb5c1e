"""Generated quiz items (nbkit.quiz.generate): six reading skills, three levels, valid banks, no high-risk cue,
on the seed, on synthetic interviews and on a realistic self-written one (tests/data/another_interview.txt)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

import nbkit
from nbkit import cli
from nbkit.quiz.answer_key import answer_key_markdown, key_rows
from nbkit.quiz.bank import Bank, Item, validate_bank
from nbkit.quiz.cues import find_cues
from nbkit.quiz.generate import GENERATORS, generate_items
from nbkit.quiz.generators.common import who, whose
from nbkit.synthetic import synthetic_interview

ANOTHER = Path(__file__).parent / "data" / "another_interview.txt"
SKILLS = ["question_match", "answer_order", "cloze", "marker_word", "which_paragraph", "main_actor"]


def _bank(items, notebook="90-generated") -> Bank:
    return Bank(notebook, "generated", "<test>", tuple(Item(notebook, d) for d in items))


def _key(item) -> list[str]:
    if item["type"] == "match":
        return [p["answer"] for p in item["pairs"]]
    if item["type"] == "ordering":
        return [a["answer"] for a in item["answers"]]
    return [a["answer"] for a in item["answers"] if a.get("correct")]


@pytest.fixture(scope="module")
def seed_items(interview):
    return generate_items(interview, seed=0)


@pytest.fixture(scope="module")
def another():
    return nbkit.load_interview(ANOTHER)


@pytest.fixture(scope="module")
def another_items(another):
    return generate_items(another, seed=0)


def test_the_generators_are_the_six_skills():
    assert list(GENERATORS) == SKILLS


def test_seed_interview_gets_six_skills_on_three_levels(seed_items, interview):
    assert [it["tags"][1] for it in seed_items] == SKILLS
    assert [it["type"] for it in seed_items] == [
        "match",
        "ordering",
        "string",
        "multiple_choice",
        "multiple_choice",
        "multiple_choice",
    ]
    assert sorted({it["level"] for it in seed_items}) == ["analyse", "remember", "understand"]
    validate_bank({"notebook": "90-generated", "title": "t", "items": seed_items}, "<seed>", interview)
    assert find_cues([_bank(seed_items)]).empty  # no finding at all, not only no high-risk one


def test_seed_interview_exact_items(seed_items):
    match, order, blank, marker, where, actor = seed_items
    assert match["id"] == "answers-to-questions-0"
    assert [p["label"][:13] for p in match["pairs"]] == ["Paragraph 4: ", "Paragraph 16:", "Paragraph 21:"]
    assert _key(match) == [
        "Q1: Are North Korea-Russia relations transactional or strategic? Explain",
        "Q4: In strengthening North Korea-Russia cooperation, what are Pyongyang and Moscow signaling to Washington "
        "and Beijing?",
        "Q5: Assess the implications of expanding North Korea-Russia relations vis-à-vis the broader China-U.S. "
        "strategic competition in the geopolitics of Northeast Asia.",
    ]
    assert match["pairs"][0]["feedback"] == (
        "Paragraph 4 is part 2 of the answer to question 1, which is asked in paragraph 2."
    )

    assert order["id"] == "para13-sentence-steps-0"
    assert order["question"] == (
        "Put these sentences of paragraph 13 in the order Lee writes them. Each sentence is shown by its opening words."
    )
    assert _key(order) == [
        "Politically, Russia would benefit from as much…",
        "It is in that vein that Putin expressed…",
        "North Korea was quick to support Russia’s…",
        "It was only one of the three countries to…",
    ]
    assert order["answers"][1]["feedback"] == (
        "Sentence 2 of paragraph 13; it follows “Politically, Russia would benefit from as much…”."
    )

    assert blank["id"] == "para21-missing-word-0"
    assert blank["question"] == (
        "Fill in the blank with Lee’s word (paragraph 21): Their _____ could further complicate the already complex "
        "and volatile security dynamic in the region."
    )
    assert _key(blank) == ["relationship"]

    assert marker["id"] == "para9-claim-wording-0"
    assert marker["question"] == (
        "In paragraph 9, which word softens the claim of this sentence? “The recent uptick in North Korea’s exchange "
        "with Russia’s key partner Belarus appears to be a part of this move.”"
    )
    assert [a["answer"] for a in marker["answers"]] == ["appears", "recent", "partner", "exchange"]
    assert _key(marker) == ["appears"]
    assert marker["answers"][0]["feedback"] == (
        "Yes: “appears” softens the claim: Lee presents it as less than certain (paragraph 9)."
    )
    assert marker["answers"][1]["feedback"] == (
        "“recent”: it is part of what is claimed and does not soften it. Reread the sentence in paragraph 9."
    )

    assert where["id"] == "q5-find-the-sentence-0"
    assert where["question"].startswith("In which paragraph does Lee write this sentence? “First, the treaty likely")
    assert [a["answer"] for a in where["answers"]] == ["16", "18", "19", "20"]  # 17 is a question
    assert _key(where) == ["19"]
    assert where["answers"][2]["feedback"] == "Yes: it is sentence 2 of paragraph 19, in the answer to question 5."

    assert actor["id"] == "para12-actors-0"
    assert actor["question"] == (
        "Which actor does paragraph 12 name most often? Count each actor’s name, its capital and its leader."
    )
    assert [a["answer"] for a in actor["answers"]] == ["North Korea", "South Korea", "Ukraine", "United States"]
    assert _key(actor) == ["North Korea"]
    assert actor["answers"][0]["feedback"] == (
        "Yes: paragraph 12 names it (or its capital or leader) 3 times, more than any other actor."
    )


def test_every_generated_item_says_so_and_quotes_its_paragraph(seed_items, interview):
    paragraphs = dict(zip(interview.paragraphs["paragraph_id"], interview.paragraphs["text"]))
    for it in seed_items:
        assert it["purpose"] == "reading" and it["generated"] is True and it["tags"][0] == "generated"
        pid = it["evidence"]["paragraph_id"]
        assert it["evidence"]["quote"] in paragraphs[pid]
        feedback = [a.get("feedback", "") for a in it.get("answers", [])] + [p["feedback"] for p in it.get("pairs", [])]
        assert any(f"paragraph {pid}" in f.lower() for f in feedback), it["id"]
        for key in _key(it):  # the id names the topic, never the answer
            assert not set(re.findall(r"[a-z]{4,}", key.lower())) & set(it["id"].split("-")), it["id"]


def test_options_alike_in_length_key_not_longest(seed_items, another_items):
    for it in seed_items + another_items:
        if it["type"] == "multiple_choice":
            keys = [len(a["answer"]) for a in it["answers"] if a["correct"]]
            others = [len(a["answer"]) for a in it["answers"] if not a["correct"]]
            assert max(keys) <= max(others), it["id"]


def test_another_interview_gets_six_skills_on_three_levels(another, another_items):
    assert [it["tags"][1] for it in another_items] == SKILLS
    assert sorted({it["level"] for it in another_items}) == ["analyse", "remember", "understand"]
    validate_bank({"notebook": "90-generated", "title": "t", "items": another_items}, "<another>", another)
    assert (find_cues([_bank(another_items)])["risk"] != "high").all()
    text = " ".join(yaml.safe_dump(it, allow_unicode=True) for it in another_items)
    assert "Kowalski" in text and "interviewee" not in text


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(3))
def test_synthetic_interviews_get_six_skills_over_seeds(tmp_path, seed):
    path = tmp_path / "interview.txt"
    path.write_text(synthetic_interview(seed), encoding="utf-8")
    iv = nbkit.load_interview(path)
    course = []
    for s in range(4):
        items = generate_items(iv, s)
        validate_bank({"notebook": "90-generated", "title": "t", "items": items}, "<synthetic>", iv)
        assert (find_cues([_bank(items)])["risk"] != "high").all()
        course += items
    assert len({it["tags"][1] for it in course}) >= 5
    assert len({it["level"] for it in course}) == 3


@pytest.mark.slow
def test_more_seeds_stay_clean(interview, another):
    for iv in (interview, another):
        for s in range(1, 5):
            items = generate_items(iv, s)
            assert len({it["tags"][1] for it in items}) == 6
            validate_bank({"notebook": "90-generated", "title": "t", "items": items}, "<seeds>", iv)
            assert find_cues([_bank(items)]).empty or (find_cues([_bank(items)])["risk"] == "low").all()


def test_types_selects_generators_and_refuses_unknown_names(interview):
    items = generate_items(interview, 0, types=["cloze", "which_paragraph"])
    assert [it["tags"][1] for it in items] == ["cloze", "which_paragraph"]
    with pytest.raises(ValueError, match="unknown generator 'essay'; known: question_match, answer_order"):
        generate_items(interview, 0, types=["essay"])


class _Meta:
    """An interview stand-in with only the intro's interviewee field."""

    def __init__(self, name):
        import pandas as pd

        self.meta = pd.DataFrame({"interviewee": [name]})


@pytest.mark.parametrize(
    "name, mid, start, possessive",
    [
        ("Ana Kowalski", "Kowalski", "Kowalski", "Kowalski’s"),
        ("Dr. Ana Kowalski", "Kowalski", "Kowalski", "Kowalski’s"),
        ("Dr. Ana Kowalski – senior fellow at the Example Institute", "Kowalski", "Kowalski", "Kowalski’s"),
        ("Rachel Minyoung Lee, a senior fellow", "Lee", "Lee", "Lee’s"),
        (None, "the interviewee", "The interviewee", "the interviewee’s"),
        ("", "the interviewee", "The interviewee", "the interviewee’s"),
    ],
)
def test_the_speaker_reads_grammatically(name, mid, start, possessive):
    iv = _Meta(name)
    assert (who(iv), who(iv, start=True), whose(iv)) == (mid, start, possessive)


def test_no_capitalised_interviewee_mid_sentence(tmp_path):
    path = tmp_path / "interview.txt"
    text = ANOTHER.read_text(encoding="utf-8").splitlines()
    text[0] = "The Diplomat author Mercy Kuo regularly engages subject-matter experts for U.S. Asia policy."
    path.write_text("\n".join(text), encoding="utf-8")
    iv = nbkit.load_interview(path)
    items = generate_items(iv, 0)
    said = " ".join(yaml.safe_dump(it, allow_unicode=True, width=10_000) for it in items)
    assert "the interviewee" in said
    assert not re.search(r"[^.?!:\s]\s+The interviewee", said)


def test_answer_key_and_check_bank_mark_generated_items(tmp_path, capsys, another_items):
    course = tmp_path / "course"
    (course / "quizzes").mkdir(parents=True)
    (course / "interview.txt").write_bytes(ANOTHER.read_bytes())
    bank = {"notebook": "01-question-1", "title": "Generated", "items": another_items}
    path = course / "quizzes" / "01-question-1.yaml"
    path.write_text(yaml.safe_dump(bank, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert cli.main(["check-bank", str(path)]) == 0
    out = capsys.readouterr().out
    ids = ", ".join(it["id"] for it in another_items)
    assert f"01-question-1: 6 item(s) generated - review before class: {ids}" in out.splitlines()
    assert out.splitlines()[-1].endswith("  6")  # the table's generated column
    from nbkit.quiz import load_bank

    loaded = load_bank(path, interview=nbkit.load_interview(course / "interview.txt"))
    assert key_rows(loaded.items[0])[0] == ("Review", "generated - review before class")
    assert "- **Review:** generated - review before class" in answer_key_markdown([loaded])
