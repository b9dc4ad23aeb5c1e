"""Epistemic markers (hedges such as "may", boosters such as "clearly") in any interview.

Markers match whole words, ignoring case, longest first and without overlaps: "most
likely" is one marker (not also "likely"), "almost certainly" one (not also "certainly").
Deliberately left out of the lexicon: "would" and "should" (in this series they mostly
report speech or give advice: "said it would work", "we should remain open"), and
conditionals such as "if properly implemented" (a hedge by clause, not by word).
"""

from __future__ import annotations

import pandas as pd

from .matching import compile_forms, find_forms
from .tables import CATEGORIES

__all__ = ["find_markers", "MARKER_COLUMNS"]

MARKER_COLUMNS = ["sentence_id", "paragraph_id", "question_id", "marker", "kind", "strength", "start", "end"]


def find_markers(sentences: pd.DataFrame, lexicon: pd.DataFrame) -> pd.DataFrame:
    """One row per marker occurrence in ``sentences`` (a frame like ``Interview.sentences``).

    ``lexicon`` needs columns marker, kind, strength (like ``Interview.marker_lexicon``).
    Returns columns sentence_id, paragraph_id (int), question_id (Int64), marker (str, the
    lexicon form, lower case), kind (category hedge, booster), strength (int 1..5), start,
    end (int offsets, as in the sentences frame).
    """
    info = {m: (k, s) for m, k, s in zip(lexicon["marker"], lexicon["kind"], lexicon["strength"])}
    pattern = compile_forms(info, ignore_case=True)
    rows = []
    for s in sentences.itertuples(index=False):
        for start, end, found in find_forms(pattern, s.text):
            marker = found.lower()
            rows.append((s.sentence_id, s.paragraph_id, s.question_id, marker, *info[marker],
                         s.start + start, s.start + end))
    frame = pd.DataFrame(rows, columns=MARKER_COLUMNS)
    frame = frame.astype({"sentence_id": int, "paragraph_id": int, "strength": int, "start": int, "end": int})
    frame["question_id"] = frame["question_id"].astype("Int64")
    frame["marker"] = frame["marker"].astype("str")
    frame["kind"] = pd.Categorical(frame["kind"].astype(object), categories=CATEGORIES["marker_kind"])
    return frame
