"""Bad input gives nbkit.InterviewFormatError with the file, the line and what to do; variants of the format load."""

import pytest

import nbkit
from nbkit.synthetic import synthetic_interview

INTRO = (
    "The Diplomat author Mercy Kuo regularly engages subject-matter experts. "
    "This conversation with Jo Park, a fellow at the Example Institute, is the 12th in “The Trans-Pacific View Insight Series.”"
)


def load_bytes(tmp_path, data: bytes, **kwargs):
    path = tmp_path / "interview.txt"
    path.write_bytes(data)
    return nbkit.load_interview(path, **kwargs)


def error_for(tmp_path, data: bytes, **kwargs) -> nbkit.InterviewFormatError:
    with pytest.raises(nbkit.InterviewFormatError) as info:
        load_bytes(tmp_path, data, **kwargs)
    assert isinstance(info.value, ValueError)
    assert info.value.path.endswith("interview.txt")
    return info.value


@pytest.mark.parametrize("data", [b"", b"   \n\n \t \n", "\ufeff\n".encode()])
def test_empty_file(tmp_path, data):
    err = error_for(tmp_path, data)
    assert err.line == 1
    assert "the file is empty" in str(err)


def test_not_utf8_names_the_byte_offset(tmp_path):
    data = (INTRO + "\nWhy?\nBecause caf").encode() + b"\xe9 matters."
    err = error_for(tmp_path, data)
    offset = len((INTRO + "\nWhy?\nBecause caf").encode())
    assert err.line == 3
    assert f"byte offset {offset} are not valid UTF-8" in str(err)
    assert "Re-save the file as UTF-8" in str(err)


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", bytes(range(256))])
def test_binary_data(tmp_path, data):
    err = error_for(tmp_path, data)
    assert "looks like binary data" in str(err)


def test_no_question_line(tmp_path):
    err = error_for(tmp_path, (INTRO + "\nThe relationship is deep.\nIt will last.").encode())
    assert err.line == 2
    assert "no question line found" in str(err)
    assert "question_lines=[...]" in str(err)


def test_question_without_answer(tmp_path):
    err = error_for(tmp_path, (INTRO + "\nWhy now?\nBecause of the war.\nExplain what comes next.").encode())
    assert err.line == 4
    assert "has no answer after it" in str(err)


def test_two_questions_in_a_row(tmp_path):
    err = error_for(tmp_path, (INTRO + "\nWhy now?\nExplain the timing.\nBecause of the war.").encode())
    assert err.line == 2


def test_text_before_the_introduction(tmp_path):
    err = error_for(tmp_path, ("Posted by admin on Monday.\n" + INTRO + "\nWhy now?\nBecause.").encode())
    assert err.line == 1
    assert "found text before the introduction (the introduction is on line 2)" in str(err)


def test_question_first(tmp_path):
    err = error_for(tmp_path, ("Why now?\n" + INTRO + "\nBecause.").encode())
    assert err.line == 1


def test_missing_file_names_it(tmp_path):
    with pytest.raises(FileNotFoundError, match="nope.txt"):
        nbkit.load_interview(tmp_path / "nope.txt")


def test_question_lines_override(tmp_path):
    text = INTRO + "\nThe first topic is trade.\nTrade grew.\nThe second topic is security.\nSecurity ties deepened."
    with pytest.raises(nbkit.InterviewFormatError):
        load_bytes(tmp_path, text.encode())
    iv = load_bytes(tmp_path, text.encode(), question_lines=[2, 4])
    assert iv.questions["paragraph_id"].tolist() == [2, 4]
    assert iv.paragraphs["role"].astype(str).tolist() == ["intro", "question", "answer", "question", "answer"]


def test_question_lines_must_name_real_lines(tmp_path):
    err = error_for(tmp_path, (INTRO + "\nWhy?\nBecause.").encode(), question_lines=[9])
    assert err.line == 9


@pytest.mark.parametrize(
    "opening", ["The Diplomat author Mercy Kuo", "Diplomat author Mercy Kuo", "Trans-Pacific View author Mercy Kuo"]
)
def test_intro_openings_of_the_series(tmp_path, opening):
    text = INTRO.replace("The Diplomat author Mercy Kuo", opening) + "\nWhy now?\nBecause."
    iv = load_bytes(tmp_path, text.encode())
    assert iv.meta.loc[0, "interviewer"] == "Mercy Kuo"
    assert iv.meta.loc[0, "series_number"] == 12


def test_series_clause_missing(tmp_path):
    intro = (
        "Diplomat author Mercy Kuo regularly engages subject-matter experts. "
        "This conversation with Jo Park, a fellow at the Example Institute."
    )
    iv = load_bytes(tmp_path, (intro + "\nWhy now?\nBecause.").encode())
    m = iv.meta.iloc[0]
    assert m["series_number"] is None or str(m["series_number"]) == "<NA>"
    assert m["interviewee"] == "Jo Park"
    assert m["interviewee_affiliation"] == "fellow at the Example Institute"


def test_question_forms(tmp_path):
    lines = [
        INTRO,
        "Briefly explain the summit’s outcome.",
        "It was modest.",
        "Identify the main actors.",
        "Yes.",
        "What changed in 2023? Discuss.",
        "The question is what changed in 2023.",
        "Trade did.",
        "Describe the U.S. response.",
        "Explain.",
    ]
    iv = load_bytes(tmp_path, "\n".join(lines).encode())
    assert iv.questions["paragraph_id"].tolist() == [2, 4, 6, 9]
    assert iv.questions["instruction"].tolist() == ["Briefly explain", "Identify", "Discuss", "Describe"]
    assert iv.questions["n_answer_paragraphs"].tolist() == [1, 1, 2, 1]


def test_synthetic_interviews_load():
    for seed in range(20):
        text = synthetic_interview(seed)
        iv = nbkit.Interview(text)
        assert iv.to_text() == text
        assert len(iv.questions) == 5
