"""What notebooks 00 and 01 show learners, checked on the seed (teacher review part 2, items 00-1…01-11)."""

import re

import nbformat
import pytest

import nbkit
from nbkit.quiz import load_bank

from .conftest import ROOT

NOTEBOOKS = ROOT / "notebooks"
QUIZ_CALL = re.compile(r"""nbkit\.quiz\.show\(\s*["']([\w-]+)["']\s*,\s*["']([\w-]+)["']\s*\)""")
HEADING = re.compile(r"^(#+) (.+)$", re.M)


@pytest.fixture(scope="module")
def interview():
    return nbkit.load_interview()


def notebook(stem):
    return nbformat.read(NOTEBOOKS / f"{stem}.ipynb", as_version=4).cells[:-1]  # without the navigation


def markdown(stem) -> str:
    return "\n".join(c.source for c in notebook(stem) if c.cell_type == "markdown")


def bank_text(stem) -> str:
    return (ROOT / "nbkit" / "data" / "quizzes" / f"{stem}.yaml").read_text(encoding="utf-8")


def sections(stem):
    """(cell, optional) for each cell: optional when under a heading ending "(optional)" (the seat-time model)."""
    level, out = None, []
    for cell in notebook(stem):
        if cell.cell_type == "markdown":
            for hashes, text in HEADING.findall(cell.source):
                if level is not None and len(hashes) <= level:
                    level = None
                if level is None and text.strip().endswith("(optional)"):
                    level = len(hashes)
        out.append((cell, level is not None))
    return out


# -- notebook 00 ---------------------------------------------------------------------------------------------------


def test_00_setup_check_comes_before_any_quiz_item_or_chart():
    """00-5: the check is at c2-c4, says what a broken item looks like, and names `nbkit doctor`."""
    cells = notebook("00-start-here")
    first_widget = next(i for i, c in enumerate(cells) if "nbkit.quiz.show" in c.source or "nbkit.charts." in c.source)
    check = next(i for i, c in enumerate(cells) if c.source.startswith("## Check your setup"))
    doctor = next(i for i, c in enumerate(cells) if "ask your teacher to run `nbkit doctor`" in c.source)
    assert check == 2 and doctor == 4 and first_widget == 10
    assert "Open this notebook in Jupyter to answer and get feedback." in cells[doctor].source
    assert 'print(f"{package:<11} {version(package)}")' in cells[3].source


def test_00_card_gives_the_series_purpose(interview):
    """00-6: the card prints the purpose paragraph 1 states; the audience item replaces `one-analyst`."""
    intro = interview.paragraphs.loc[interview.paragraphs["paragraph_id"] == 1, "text"].item()
    assert intro.split("insights into ")[1].split(". This")[0] == "U.S. Asia policy"
    card = next(c.source for c in notebook("00-start-here") if "interview.meta.iloc[0]" in c.source)
    assert 'print(f"Purpose:     {purpose} (para. 1)")' in card
    bank = load_bank("00-start-here")
    assert bank.ids() == [
        "who-is-interviewed",
        "series-number",
        "series-audience",
        "para14-citation",
        "question-order",
    ]
    audience = bank.item("series-audience")
    assert audience.question.startswith("Paragraph 1 says the series is written for readers of U.S. Asia policy.")
    key = [a["answer"] for a in audience.data["answers"] if a["correct"]]
    assert key == ["Subject-matter experts, policy practitioners, and strategic thinkers"]
    assert (
        key[0].lower() in intro
    )  # the key is paragraph 1's own words, which general knowledge of the series does not give


def test_00_who_is_interviewed_has_plausible_distractors(interview):
    """00-7, blind test 2026-12-02: who answers is common knowledge of the series, so the item asks for Lee's post as
    paragraph 1 gives it; each distractor changes one word of it (program, role, institution)."""
    item = load_bank("00-start-here").item("who-is-interviewed")
    options = [a["answer"] for a in item.data["answers"]]
    assert options == [
        "Senior fellow for the Stimson Center’s East Asia Program and 38 North",
        "Senior fellow for the Stimson Center’s Korea Program and 38 North",
        "Senior editor for the Stimson Center’s Korea Program and 38 North",
        "Senior fellow for the Wilson Center’s Korea Program and 38 North",
    ]
    assert [a["answer"] for a in item.data["answers"] if a["correct"]] == [
        "Senior fellow for the Stimson Center’s Korea Program and 38 North"
    ]
    intro = interview.paragraphs.loc[interview.paragraphs["paragraph_id"] == 1, "text"].item()
    assert "Rachel Minyoung Lee, a senior fellow for the Stimson Center’s Korea Program and 38 North" in intro
    assert all(o.replace("Senior", "senior", 1) not in intro for o in options if o != options[1])


def test_00_citation_rule_covers_questions_introduction_and_brackets():
    """00-8, 00-9: "(Kuo, para. 2)" for questions, "(para. 1)" for the introduction; brackets are the editor's."""
    text = markdown("00-start-here")
    assert '"(Lee, para. 5)"' in text and '"(Kuo, para. 2)"' in text and '"(para. 1)"' in text
    assert "Square brackets inside a quotation mark words an editor added" in text
    assert "How many words are there in the answer to question 1?" in text


def test_00_editorial_brackets_and_the_exercise_count(interview):
    """00-9: paragraph 3's three bracketed words are in question 1's 236 words (the exercise's answer)."""
    text = interview.paragraphs.set_index("paragraph_id").loc[3, "text"]
    assert re.findall(r"\[([^\]]+)\]", interview.source) == ["Russian President Vladimir"]
    assert text.startswith("Even after [Russian President Vladimir] Putin’s latest visit")
    q1 = interview.questions.set_index("question_id").loc[1, "n_answer_words"]
    assert q1 == 236
    check = next(c.source for c in notebook("00-start-here") if "nbkit.exercise.check(" in c.source)
    assert "nbkit.exercise.check(answer, 236," in check


def test_00_timeline_says_which_events_are_drawn_hollow(interview):
    """00-10: the events sourced only to the interview (E06, E08) are hollow, and the text says so."""
    t = interview.timeline
    assert t.loc[t["source"].str.startswith("interview, paragraph"), "event_id"].tolist() == ["E06", "E08"]
    assert int(t["after_interview"].sum()) == 19
    assert "Events whose only source is the interview itself" in markdown("00-start-here")


def test_00_labels_and_wording_of_the_prevailing_view():
    """00-1, 00-2: `prevailing_view` vs `reported`, and no "argues against"/"disputes"."""
    text = markdown("00-start-here") + bank_text("00-start-here")
    assert "views she reports and cautions against treating as settled" in text
    assert "the course labels that view `prevailing_view`" in text.replace("The course", "the course")
    assert "`reported`" in text
    for phrase in ("argues against", "disagrees with", "disputes", "first-impression"):
        assert phrase not in text, phrase


def test_00_leaves_environment_variables_and_instructor_mode_to_the_guide():
    """00-4: two sentences on saved answers stay; variables, platformdirs and instructor mode go."""
    everything = "\n".join(c.source for c in notebook("00-start-here"))
    for word in ("NBKIT_", "platformdirs", "instructor", "os.environ"):
        assert word not in everything, word
    assert "Your answers are saved on this computer" in everything
    assert "Notebook 08 shows how to hand them in." in everything


# -- notebook 01 ---------------------------------------------------------------------------------------------------


def test_01_answer_lengths_single_out_moscows_agenda(interview):
    """01-2: questions 2, 1 and 5 tie (238, 236, 233); question 3 gets at most three fifths of any other."""
    words = dict(zip(interview.questions["question_id"], interview.questions["n_answer_words"]))
    assert words == {1: 236, 2: 238, 3: 126, 4: 212, 5: 233}
    share = {q: round(n / max(words.values()), 2) for q, n in words.items()}
    assert share == {1: 0.99, 2: 1.0, 3: 0.53, 4: 0.89, 5: 0.98}
    assert max(words[3] / n for q, n in words.items() if q != 3) == pytest.approx(126 / 212)
    assert 126 / 212 < 0.6
    assert "at most three fifths as long as any other" in markdown("01-the-interview-as-data")


def test_01_the_treaty_never_comes_up_in_the_answer_on_moscows_agenda(interview):
    """01-3: "treaty" in paragraphs 3, 8, 15, 18, 19, 20; none of question 3's (12, 13)."""
    found = sorted(nbkit.kwic(interview, "treaty")["paragraph_id"].unique().tolist())
    assert found == [3, 8, 15, 18, 19, 20]
    q3 = interview.paragraphs.loc[interview.paragraphs["question_id"] == 3, "paragraph_id"]
    q3_answer = sorted(q3[interview.paragraphs["role"] == "answer"].tolist())
    assert q3_answer == [12, 13] and not set(found) & set(q3_answer)
    assert all("treaty" not in t.lower() for t in interview.paragraphs.set_index("paragraph_id").loc[q3_answer, "text"])
    item = load_bank("01-the-interview-as-data").item("treaty-absent")
    assert [a["answer"] for a in item.data["answers"] if a["correct"]] == ["The answer to question 3 (Moscow’s agenda)"]


def test_01_kwic_misses_the_typo_and_possessives(interview):
    """01-7, 01-8: "military" 12, 13, 15 beside "miliary" 8, 18 (18 inside Lee's Article 4 quote); "Kim’s", "Putin’s"."""

    def paragraphs(word):
        return sorted(set(nbkit.kwic(interview, word)["paragraph_id"]))

    assert paragraphs("military") == [12, 13, 15] and paragraphs("miliary") == [8, 18]
    assert "“miliary and other assistance”" in interview.paragraphs.set_index("paragraph_id").loc[18, "text"]
    text = interview.paragraphs.set_index("paragraph_id")["text"]
    assert paragraphs("kim") == [4, 10, 15] and "Kim’s bet" in text[16]
    assert 3 not in paragraphs("putin") and "Putin’s" in text[3]
    code = [c.source for c in notebook("01-the-interview-as-data") if c.cell_type == "code"]
    assert 'nbkit.kwic(interview, "military")' in code and 'nbkit.kwic(interview, "miliary")' in code


def test_01_claims_voices_as_the_notebook_shows_them(interview):
    """01-1: "Which claims are Lee's and which does she report?" 43 Lee's, 5 prevailing view, 6 reported."""
    claims = interview.claims
    assert claims["voice"].value_counts().to_dict() == {"lee": 43, "prevailing_view": 5, "reported": 6}
    not_lee = claims[claims["voice"] != "lee"]
    assert not_lee["claim_id"].tolist() == ["C01", "C04", "C05", "C06", "C07", "C22", "C23", "C27", "C28", "C30", "C48"]
    assert not_lee.loc[not_lee["paragraph_id"] == 4, "claim_id"].tolist() == ["C04", "C05", "C06", "C07"]
    assert "the annotators' reading of it, by the rules in `docs/coding-rules.md`" in markdown(
        "01-the-interview-as-data"
    )


# The marker counts 01 computes live. They follow the marker lexicon (helper B's file): when its kinds change
# (hedge / booster / estimative), these are the values to update.
BOOSTERS = [(8, "well documented"), (12, "obvious"), (15, "clearly")]  # "almost certainly" is estimative
HEDGES_PER_QUESTION = {1: 6, 2: 4, 4: 2, 5: 4}  # question 3 has none: "most likely" is estimative
MARKED_SENTENCES = {False: 23, True: 19}


def test_01_markers_where_she_is_most_and_least_sure(interview):
    """01-1: the worked examples on `markers` and `sentence_certainty`, as the notebook runs them."""
    markers = interview.markers
    boosters = markers.loc[markers["kind"] == "booster", ["paragraph_id", "marker", "voice"]]
    assert list(zip(boosters["paragraph_id"], boosters["marker"])) == BOOSTERS
    assert set(boosters["voice"]) == {"lee"}
    hedges = markers.loc[markers["kind"] == "hedge", "question_id"].value_counts().sort_index()
    assert hedges.to_dict() == HEDGES_PER_QUESTION
    assert interview.sentence_certainty["marked"].value_counts().to_dict() == MARKED_SENTENCES


def test_01_timeline_before_and_after(interview):
    """01-1: "What happened before and after?" 14 events up to the interview; 18 after: 10 for, 3 against, 2 mixed."""
    t = interview.timeline
    assert len(t[~t["after_interview"]]) == 15
    after = t[t["after_interview"]]
    assert after["direction"].value_counts().to_dict() == {"for": 11, "against": 3, "mixed": 2}
    assert after.loc[after["direction"].isna(), "event_id"].tolist() == ["E12", "E13", "E14"]


def test_01_prose_gives_no_marker_counts_as_numbers():
    """Marker counts come from code cells (the lexicon may change); prose never writes them as numbers."""
    counted = re.compile(
        r"\b\d+\s+(hedges?|boosters?|markers?|estimative)\b|\b(one|two|three|four|five)\s+(hedges|boosters)\b"
    )
    assert [ln for ln in markdown("01-the-interview-as-data").splitlines() if counted.search(ln)] == []


def test_01_core_path_uses_the_three_frames_and_leaves_tokens_optional():
    """01-1: claims, markers and timeline in the core; tokens and offsets in one optional section."""
    cells = sections("01-the-interview-as-data")
    core = "\n".join(c.source for c, optional in cells if not optional)
    optional = "\n".join(c.source for c, optional in cells if optional)
    for frame in ("interview.claims", "interview.markers", "interview.timeline"):
        assert frame in core, frame
    for question in (
        "which claims are Lee's, and which does she report?",
        "where is she most and least sure?",
        "what happened before and after?",
    ):
        assert question in core, question
    for operation in ("**Keep matching rows.**", "**Pick columns.**", "**Count or sort.**"):
        assert operation in core, operation
    assert core.count("Worked example") >= 3
    for text_unit in ("interview.tokens", "interview.source[", "is_stopword"):
        assert text_unit not in core and (text_unit == "is_stopword" or text_unit in optional), text_unit
    core_items = [m.group(2) for c, optional in cells if not optional for m in QUIZ_CALL.finditer(c.source)]
    assert core_items == [
        "instruction-verbs",
        "moscow-answer-space",
        "three-reasons",
        "para8-printed-word",
        "treaty-absent",
    ]


def test_01_refers_back_to_the_questions_table_of_00():
    """X7: the questions table is 00's; 01 shows only the verbs and the lengths."""
    code = [c.source for c in notebook("01-the-interview-as-data") if c.cell_type == "code"]
    assert not any('"text"]]' in s and "interview.questions" in s for s in code)
    assert "Notebook 00 listed the five questions; this notebook refers back to that table." in markdown(
        "01-the-interview-as-data"
    )


def test_01_bank_uses_interview_and_the_reply_of_paragraph_5():
    """01-4, 01-9, 01-10: `interview` not `iv`; "no instruction verb"; "in paragraph 5 she replies"."""
    bank = load_bank("01-the-interview-as-data")
    text = bank_text("01-the-interview-as-data")
    assert "iv." not in text and "direct question with no" not in text
    assert "in paragraph 5 she replies (“Yet, geopolitical shifts…”)" in bank.item("three-reasons").data["model_answer"]
    assert "one has no instruction verb" in markdown("01-the-interview-as-data")
