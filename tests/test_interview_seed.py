"""The bundled interview parses to exactly the structure of the seed."""

import pandas as pd
import pytest

import nbkit

from .expected_frames import TOKEN_COLUMNS


def test_structure_of_the_seed(interview):
    p = interview.paragraphs
    assert len(p) == 21
    assert p["paragraph_id"].tolist() == list(range(1, 22))
    assert p.loc[p["role"] == "question", "paragraph_id"].tolist() == [2, 6, 11, 14, 17]
    assert p.loc[p["role"] == "intro", "paragraph_id"].tolist() == [1]
    answers = p[p["role"] == "answer"].groupby("question_id")["paragraph_id"].apply(list).to_dict()
    assert answers == {1: [3, 4, 5], 2: [7, 8, 9, 10], 3: [12, 13], 4: [15, 16], 5: [18, 19, 20, 21]}
    assert p.loc[p["role"] == "answer", "position"].tolist() == [1, 2, 3, 1, 2, 3, 4, 1, 2, 1, 2, 1, 2, 3, 4]


def test_questions_frame(interview):
    q = interview.questions
    assert q.columns.tolist() == [
        "question_id",
        "paragraph_id",
        "text",
        "instruction",
        "n_answer_paragraphs",
        "n_answer_words",
    ]
    assert q["instruction"].tolist() == ["Explain", "Examine", "Analyze", "?", "Assess"]
    assert q["n_answer_paragraphs"].tolist() == [3, 4, 2, 2, 4]
    assert q["n_answer_words"].tolist() == [236, 238, 126, 212, 233]
    assert q.loc[3, "text"].endswith("signaling to Washington and Beijing?")


def test_meta(interview):
    m = interview.meta.iloc[0]
    assert m["outlet"] == "The Diplomat"
    assert m["series"] == "The Trans-Pacific View Insight Series"
    assert m["series_number"] == 427
    assert m["interviewer"] == "Mercy Kuo"
    assert m["interviewee"] == "Rachel Minyoung Lee"
    assert m["interviewee_affiliation"] == "senior fellow for the Stimson Center’s Korea Program and 38 North"
    assert pd.isna(m["interviewee_title"]) and m["card_warnings"] == ""
    assert m["sha256"] == "2b2ba8594b2a96c6d6ae68d5ac464767decefe3dc82acf57c3cdf514933b7bd6"


def test_counts(interview):
    assert len(interview.sentences) == 50
    assert len(interview.tokens) == 1170
    assert interview.paragraphs["n_sentences"].tolist() == [
        2,
        2,
        2,
        4,
        4,
        1,
        1,
        2,
        3,
        1,
        1,
        2,
        4,
        1,
        4,
        4,
        1,
        3,
        2,
        4,
        2,
    ]
    assert interview.paragraphs["n_words"].sum() == 1170
    assert int(interview.tokens["is_stopword"].sum()) == 451


def test_the_three_reasons_are_separate_sentences(interview):
    s = interview.sentences
    line4 = s.loc[s["paragraph_id"] == 4, "text"].str[:6].tolist()
    assert line4 == ["There ", "First,", "Second", "Third,"]


def test_columns_and_dtypes(interview):
    assert interview.paragraphs.columns.tolist() == [
        "paragraph_id",
        "role",
        "question_id",
        "position",
        "text",
        "start",
        "end",
        "n_words",
        "n_sentences",
    ]
    assert isinstance(interview.paragraphs["role"].dtype, pd.CategoricalDtype)
    assert interview.paragraphs["role"].cat.ordered
    assert interview.paragraphs["role"].cat.categories.tolist() == ["intro", "question", "answer"]
    assert interview.sentences.columns.tolist() == [
        "sentence_id",
        "paragraph_id",
        "question_id",
        "role",
        "text",
        "start",
        "end",
    ]
    assert interview.tokens.columns.tolist() == TOKEN_COLUMNS
    assert interview.meta.columns.tolist() == [
        "outlet",
        "series",
        "series_number",
        "interviewer",
        "interviewee",
        "interviewee_title",
        "interviewee_affiliation",
        "card_warnings",
        "source",
        "sha256",
    ]
    for frame, id_col in [(interview.sentences, "sentence_id"), (interview.tokens, "token_id")]:
        assert frame[id_col].tolist() == list(range(1, len(frame) + 1))
    assert interview.paragraphs["question_id"].isna().tolist() == [True] + [False] * 20


def test_frames_are_fresh_copies(interview):
    p = interview.paragraphs
    p.loc[0, "text"] = "changed by a learner"
    p["text"] = ""
    assert interview.paragraphs.loc[0, "text"].startswith("The Diplomat author Mercy Kuo")


def test_tokens_keep_abbreviations_and_possessives(interview):
    t = interview.tokens
    assert (
        t["token"] == "U.S."
    ).sum() == 6  # U.S. Asia, U.S.-led, U.S. policy, anti-U.S., China-U.S., U.S.-South Korea
    assert "pyongyang's" in set(t["word"])
    assert t.loc[t["token"] == "Pyongyang’s", "word"].unique().tolist() == ["pyongyang's"]


def test_load_corpus(tmp_path, seed_bytes):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(seed_bytes)
    b.write_bytes(seed_bytes.replace(b"427th", b"428th"))
    corpus = nbkit.load_corpus([a, b])
    assert corpus["paragraphs"]["interview_id"].value_counts().to_dict() == {"a": 21, "b": 21}
    assert corpus["meta"]["series_number"].tolist() == [427, 428]
    assert corpus["tokens"].columns[0] == "interview_id"
    assert len(corpus["tokens"]) == 2340


def test_frame_docstrings_list_their_columns(interview):
    for name in ["meta", "paragraphs", "questions", "sentences", "tokens"]:
        doc = getattr(type(interview), name).__doc__
        for column in getattr(interview, name).columns:
            assert column in doc, f"{name} docstring misses {column}"


def test_load_corpus_refuses_two_interviews_with_one_id(tmp_path, seed_bytes):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for folder in ("a", "b"):
        (tmp_path / folder / "same.txt").write_bytes(seed_bytes)
    with pytest.raises(nbkit.InterviewFormatError, match="another interview in the corpus has the id 'same'"):
        nbkit.load_corpus([tmp_path / "a" / "same.txt", tmp_path / "b" / "same.txt"])


def test_each_paragraph_is_segmented_once(monkeypatch):
    import nbkit.structure

    calls = []
    real = nbkit.structure.split_sentences
    monkeypatch.setattr(nbkit.structure, "split_sentences", lambda text: calls.append(text) or real(text))
    iv = nbkit.load_interview()
    assert len(calls) == 21 and len(iv.sentences) == 50
