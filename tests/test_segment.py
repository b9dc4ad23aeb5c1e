"""Sentence and token splitting on tiny literal fixtures with this text's traps."""

import pytest

from nbkit.segment import fold_word, split_sentences, split_tokens


def sentences(text):
    return [text[a:b] for a, b in split_sentences(text)]


def tokens(text):
    return [text[a:b] for a, b in split_tokens(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mercy Kuo covers U.S. Asia policy. Next.", ["Mercy Kuo covers U.S. Asia policy.", "Next."]),
        ("They oppose the U.S.-led order. Still.", ["They oppose the U.S.-led order.", "Still."]),
        (
            "After [Russian President Vladimir] Putin’s visit, it changed. Then more.",
            ["After [Russian President Vladimir] Putin’s visit, it changed.", "Then more."],
        ),
        ("It is “transactional.” Rather not.", ["It is “transactional.”", "Rather not."]),
        ("Leverage vis-à-vis North Korea grows. Yes.", ["Leverage vis-à-vis North Korea grows.", "Yes."]),
        (
            "Russia may intervene early (Article 3) and help (Article 4). Done.",
            ["Russia may intervene early (Article 3) and help (Article 4).", "Done."],
        ),
        ("Are relations transactional or strategic? Explain", ["Are relations transactional or strategic?", "Explain"]),
        ("One sentence only", ["One sentence only"]),
    ],
)
def test_sentences(text, expected):
    assert sentences(text) == expected


def test_sentence_spans_cover_every_character():
    text = "First point.  Second point!  Third?"
    spans = split_sentences(text)
    assert "".join(text[a:b] for a, b in spans).replace(" ", "") == text.replace(" ", "")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Pyongyang’s U.S.-led order", ["Pyongyang’s", "U.S.", "led", "order"]),
        ("China-U.S. competition", ["China", "U.S.", "competition"]),
        ("vis-à-vis 38 North, the 427th", ["vis", "à", "vis", "38", "North", "the", "427th"]),
        ("“miliary and other assistance”", ["miliary", "and", "other", "assistance"]),
    ],
)
def test_tokens(text, expected):
    assert tokens(text) == expected


def test_fold_word():
    assert fold_word("Pyongyang’s") == "pyongyang's"
    assert fold_word("U.S.") == "u.s."
