"""nbkit.quotes (anchoring a quote in its paragraph) and nbkit.shorten, on the real traps of this text."""

from __future__ import annotations

import pytest

import nbkit
from nbkit.quotes import QuoteError, anchor, paragraph_texts
from nbkit.shorten import shorten


@pytest.fixture(scope="module")
def texts():
    return paragraph_texts(nbkit.load_interview().paragraphs)


def test_anchor_gives_the_offset_of_the_first_occurrence(texts):
    assert anchor("transactional", 3, texts) == texts[3].find("transactional") > 0
    assert anchor("provide “miliary and other assistance”", 18, texts) == texts[18].index("provide “miliary")
    assert texts[3].count("the") > 1 and anchor("the", 3, texts) == texts[3].index("the")


def test_a_quote_in_another_paragraph_says_where(texts):
    with pytest.raises(QuoteError) as info:
        anchor("Cold War playbook", 3, texts)
    assert info.value.field == "quote"
    assert info.value.reason == (
        "the quote 'Cold War playbook' is not in paragraph 3 word for word. "
        "It occurs in paragraph 4: correct paragraph_id."
    )


@pytest.mark.parametrize(
    "quote",
    ["North Korea's value", 'provide "miliary and other assistance"', "provide “military and other assistance”"],
)
def test_straight_quotes_and_corrected_typos_are_not_verbatim(texts, quote):
    with pytest.raises(QuoteError) as info:
        anchor(quote, 18, texts)
    assert info.value.reason.endswith(
        "Copy the span exactly from the text (curly quotes ’ “ ” as written; keep the typo “miliary”)."
    )


def test_a_missing_paragraph_is_named(texts):
    with pytest.raises(QuoteError) as info:
        anchor("anything", 99, texts)
    assert (info.value.field, info.value.reason) == (
        "paragraph_id",
        "there is no paragraph 99; the interview has paragraphs 1 to 21. Use the line number of the paragraph.",
    )
    assert isinstance(info.value, nbkit.NbkitError)


def test_a_long_quote_is_shortened_in_the_message(texts):
    quote = texts[4][:120] + " (not in the text)"
    with pytest.raises(QuoteError) as info:
        anchor(quote, 4, texts)
    shown = info.value.reason.split("'")[1]
    assert shown.endswith("…") and len(shown) <= 61 and quote.startswith(shown[:-1])


@pytest.mark.parametrize(
    "text, width, expected",
    [
        ("U.S.-led order vis-à-vis China", 100, "U.S.-led order vis-à-vis China"),
        ("U.S.-led order vis-à-vis China", 20, "U.S.-led order…"),
        ("North Korea-Russia relations", 20, "North Korea-Russia…"),
        ("Pyongyang’s calculus", 12, "Pyongyang’s…"),
        ("Denuclearization", 8, "Denucle…"),
    ],
)
def test_shorten(text, width, expected):
    assert shorten(text, width) == expected
    assert len(shorten(text, width)) <= width
