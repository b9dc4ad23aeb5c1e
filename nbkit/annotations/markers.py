"""Epistemic markers (hedges such as "may", boosters such as "clearly") in any interview.

Markers match whole words, ignoring case, longest first and without overlaps: "most
likely" is one marker (not also "likely"), "almost certainly" one (not also "certainly").
Deliberately left out of the lexicon: "would" and "should" (in this series they mostly
report speech or give advice: "said it would work", "we should remain open"), and
conditionals such as "if properly implemented" (a hedge by clause, not by word).
"""

from __future__ import annotations

import pandas as pd

from .. import frames
from .lexicon_matching import compile_forms, find_forms

__all__ = ["find_markers"]


def find_markers(sentences: pd.DataFrame, lexicon: pd.DataFrame) -> pd.DataFrame:
    """One row per marker occurrence in ``sentences`` (a frame like ``Interview.sentences``).

    ``lexicon`` needs columns marker, kind, strength (like ``Interview.marker_lexicon``).
    Returns the markers frame (see ``frames.yaml``); offsets are those of the sentences frame.
    """
    info = {m: (k, s) for m, k, s in zip(lexicon["marker"], lexicon["kind"], lexicon["strength"])}
    pattern = compile_forms(info, ignore_case=True)
    rows = []
    for s in sentences.itertuples(index=False):
        for start, end, found in find_forms(pattern, s.text):
            marker = found.lower()
            rows.append(
                (s.sentence_id, s.paragraph_id, s.question_id, marker, *info[marker], s.start + start, s.start + end)
            )
    return frames.from_rows("markers", rows)
