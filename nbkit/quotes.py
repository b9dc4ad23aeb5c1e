"""Anchor a quote in the interview: check it is verbatim in its paragraph and find where it starts.

Used by the annotation files (claims, treaty articles, timeline) and the quiz banks (evidence quotes).
Problems raise :class:`QuoteError`, whose ``reason`` is written for the person who typed the quote;
callers re-raise it with their own file and row (``DataValidationError``, ``QuizBankError``).

>>> texts = {3: "the relationship may be “strategic,”", 4: "There are three reasons."}
>>> anchor("may be “strategic", 3, texts)
17
>>> anchor("three reasons", 3, texts)
Traceback (most recent call last):
...
nbkit.quotes.QuoteError: the quote 'three reasons' is not in paragraph 3 word for word. It occurs in paragraph 4: correct paragraph_id.
"""

from __future__ import annotations

from collections.abc import Mapping

from .errors import NbkitError
from .shorten import shorten

__all__ = ["QuoteError", "paragraph_texts", "paragraph_text", "anchor"]

_COPY_HINT = " Copy the span exactly from the text (curly quotes ’ “ ” as written; keep the typo “miliary”)."


class QuoteError(NbkitError, ValueError):
    """A quote or its paragraph does not anchor. ``field``: "paragraph_id" or "quote" (which to correct);
    ``reason``: what is wrong and what to do."""

    def __init__(self, field: str, reason: str):
        self.field, self.reason = field, reason
        super().__init__(reason)


def paragraph_texts(paragraphs) -> dict[int, str]:
    """``{paragraph_id: text}`` of a paragraphs frame (``Interview.paragraphs``)."""
    return dict(zip(paragraphs["paragraph_id"].tolist(), paragraphs["text"].tolist()))


def paragraph_text(paragraph_id: int, texts: Mapping[int, str]) -> str:
    """The text of paragraph ``paragraph_id``; :class:`QuoteError` (field "paragraph_id") if there is none."""
    if paragraph_id not in texts:
        raise QuoteError(
            "paragraph_id",
            f"there is no paragraph {paragraph_id}; the interview has paragraphs "
            f"1 to {max(texts)}. Use the line number of the paragraph.",
        )
    return texts[paragraph_id]


def anchor(quote: str, paragraph_id: int, texts: Mapping[int, str]) -> int:
    """Offset of the first occurrence of ``quote`` in paragraph ``paragraph_id`` (of ``texts``).

    Raises :class:`QuoteError`: field "paragraph_id" if the paragraph does not exist, field "quote" if the
    quote is not in it word for word (naming the paragraph where it does occur, if any).
    """
    pos = paragraph_text(paragraph_id, texts).find(quote)
    if pos < 0:
        elsewhere = next((pid for pid, text in texts.items() if quote in text), None)
        hint = _COPY_HINT if elsewhere is None else f" It occurs in paragraph {elsewhere}: correct paragraph_id."
        raise QuoteError(
            "quote", f"the quote {shorten(quote, 61)!r} is not in paragraph {paragraph_id} word for word.{hint}"
        )
    return pos
