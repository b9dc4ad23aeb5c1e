"""A concordance (keyword in context): every use of a word with the words around it, one row per match.

The module is not called ``kwic`` so that importing it never hides the function ``nbkit.kwic``.
"""

from __future__ import annotations

import pandas as pd

from . import frames
from .segment import fold_word

__all__ = ["kwic"]


@frames.returns("kwic")
def kwic(interview, word: str, window: int = 6) -> pd.DataFrame:
    """Each occurrence of ``word`` in ``interview``, with up to ``window`` tokens either side.

    Matching is on the folded ``word`` column of ``interview.tokens`` (lower case, curly
    apostrophes straightened), so ``"Pyongyang’s"``, ``"pyongyang's"`` and ``"PYONGYANG'S"``
    find the same tokens; a word matches whole tokens only ("treaty" does not match "treaty’s").
    Context stays inside the keyword's sentence and is sliced from ``interview.source``,
    so punctuation and curly quotes appear as printed.

    Raises ValueError when ``word`` is not one word or ``window`` is not a whole number >= 0.

    >>> from nbkit.interview import load_interview
    >>> kwic(load_interview(), "transactional", window=2)["right"].tolist()
    ['or strategic', '']
    """
    if not isinstance(word, str) or len(word.split()) != 1:
        raise ValueError(
            f"kwic looks for one word (a single token), but got {word!r}. "
            "Give one word, for example kwic(interview, 'strategic')."
        )
    if isinstance(window, bool) or not isinstance(window, int) or window < 0:
        raise ValueError(f"window is the number of tokens shown on each side, a whole number >= 0; got {window!r}.")
    target = fold_word(word.strip())
    source = interview.source
    tokens = interview.tokens
    rows = []
    for sentence_id, sentence in tokens.groupby("sentence_id", sort=True):
        starts = sentence["start"].tolist()
        ends = sentence["end"].tolist()
        words = sentence["word"].tolist()
        paragraph_id = int(sentence["paragraph_id"].iloc[0])
        for i, folded in enumerate(words):
            if folded != target:
                continue
            lo, hi = max(0, i - window), min(len(words) - 1, i + window)
            left = source[starts[lo] : starts[i]].strip() if i > lo else ""
            right = source[ends[i] : ends[hi]].strip() if hi > i else ""
            rows.append((int(sentence_id), paragraph_id, left, source[starts[i] : ends[i]], right))
    return frames.from_rows("kwic", rows)
