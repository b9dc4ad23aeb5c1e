"""Sentences and tokens, with character offsets into the paragraph they came from.

Sentence splitting uses pysbd (Golden-Rule-based, maintained, no model
download): it keeps "U.S. Asia policy", "U.S.-led", "[Russian President
Vladimir] Putin’s", curly quotes, "vis-à-vis" and "(Article 3)" inside one
sentence, which a split on ". " does not. pysbd is imported on first use only,
so ``import nbkit`` stays cheap.

Tokens are words as tidytext counts them: letters and digits, with internal
apostrophes ("Pyongyang’s") and dotted abbreviations ("U.S.") kept whole;
hyphens and punctuation separate tokens.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["split_sentences", "split_tokens", "fold_word"]

_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|\w+(?:[’'‘]\w+)*")


@lru_cache(maxsize=1)
def _segmenter():
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of the sentences of ``text``, whitespace trimmed.

    The spans cover every non-space character of ``text`` in order.
    """
    spans: list[tuple[int, int]] = []
    cursor = 0
    for piece in _segmenter().segment(text):
        piece = piece.strip()
        if not piece:
            continue
        start = text.find(piece, cursor)
        if start < 0:  # pysbd changed the text: keep the rest as one sentence rather than lose it
            break
        spans.append((start, start + len(piece)))
        cursor = start + len(piece)
    rest = text[cursor:].strip()
    if rest:
        start = text.index(rest, cursor)
        spans.append((start, start + len(rest)))
    return _merge_gaps(text, spans)


def _merge_gaps(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join any non-space text between spans onto the sentence before it, so nothing is dropped."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and text[merged[-1][1]:start].strip():
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def split_tokens(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of the word tokens of ``text``."""
    return [m.span() for m in _TOKEN.finditer(text)]


def fold_word(token: str) -> str:
    """Lower-case a token and fold curly apostrophes to straight ones: "Pyongyang’s" → "pyongyang's"."""
    return token.lower().replace("’", "'").replace("‘", "'")
