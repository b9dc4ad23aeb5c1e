"""nbkit.kwic(): keyword in context on the seed, with exact rows."""

import pytest

import nbkit
from nbkit.concordance import kwic

COLUMNS = ["sentence_id", "paragraph_id", "left", "keyword", "right"]


def test_strategic_exact_rows(interview):
    frame = kwic(interview, "strategic")
    assert list(frame.columns) == COLUMNS
    assert frame.to_dict("records") == [
        {
            "sentence_id": 1,
            "paragraph_id": 1,
            "left": "subject-matter experts, policy practitioners, and",
            "keyword": "strategic",
            "right": "thinkers across the globe for their",
        },
        {
            "sentence_id": 3,
            "paragraph_id": 2,
            "left": "North Korea-Russia relations transactional or",
            "keyword": "strategic",
            "right": "",
        },
        {
            "sentence_id": 6,
            "paragraph_id": 3,
            "left": "possibility that the relationship may be “",
            "keyword": "strategic",
            "right": ",” if not in the outcome at",
        },
        {
            "sentence_id": 39,
            "paragraph_id": 17,
            "left": "à-vis the broader China-U.S.",
            "keyword": "strategic",
            "right": "competition in the geopolitics of Northeast",
        },
    ]


def test_window_and_sentence_edges(interview):
    frame = kwic(interview, "transactional", window=2)
    assert frame.to_dict("records") == [
        {
            "sentence_id": 3,
            "paragraph_id": 2,
            "left": "Russia relations",
            "keyword": "transactional",
            "right": "or strategic",
        },
        {"sentence_id": 5, "paragraph_id": 3, "left": "relationship is “", "keyword": "transactional", "right": ""},
    ]
    assert kwic(interview, "treaty", window=0)[["left", "right"]].eq("").all().all()


def test_folded_matching(interview):
    curly = kwic(interview, "Pyongyang’s")
    assert curly.equals(kwic(interview, "PYONGYANG'S"))
    assert curly["keyword"].tolist() == ["Pyongyang’s", "Pyongyang’s"]
    assert curly["paragraph_id"].tolist() == [6, 7]
    # whole tokens only: "treaty" is not "treaty’s"
    assert kwic(interview, "treaty")["paragraph_id"].tolist() == [3, 8, 15, 18, 18, 19, 20]
    assert kwic(interview, "treaty’s")["sentence_id"].tolist() == [32]
    # the source's typo is kept: "military" finds only the correctly spelt use
    assert kwic(interview, "miliary")["paragraph_id"].tolist() == [8, 18]
    assert kwic(interview, "military")["paragraph_id"].tolist() == [12, 13, 15]


def test_no_match_is_an_empty_frame(interview):
    frame = kwic(interview, "sanctioned")
    assert frame.empty and list(frame.columns) == COLUMNS
    assert str(frame["sentence_id"].dtype) == "int64"


@pytest.mark.parametrize("word", ["new treaty", "", 3])
def test_bad_word(interview, word):
    with pytest.raises(ValueError, match="one word"):
        kwic(interview, word)


@pytest.mark.parametrize("window", [-1, 2.5, True])
def test_bad_window(interview, window):
    with pytest.raises(ValueError, match="window"):
        kwic(interview, "treaty", window=window)


def test_public_name(interview):
    assert nbkit.kwic(interview, "bloc")["paragraph_id"].tolist() == [5, 9, 15]
    assert "kwic" in nbkit.__all__
