"""Epistemic markers (hedges such as "may", boosters such as "clearly") in any interview.

Markers match whole words, ignoring case, longest first and without overlaps: "seems to suggest" is
one marker (not also "seems" and "suggest"), "most likely" one (not also "likely"), "almost
certainly" one (not also "certainly"). The noun "possibility" counts as a hedge: "remain open to the
possibility that" (para. 3) qualifies the sentence it is in.
Deliberately left out of the lexicon: "would" and "should" (in this series they mostly
report speech or give advice: "said it would work", "we should remain open"), and
conditionals such as "if properly implemented" (a hedge by clause, not by word).
"""

from __future__ import annotations

import pandas as pd

from .. import frames
from .lexicon_matching import compile_forms, find_forms

__all__ = ["find_markers", "attribute_voices", "sentence_certainty"]


def find_markers(sentences: pd.DataFrame, lexicon: pd.DataFrame, claims: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per marker occurrence in ``sentences`` (a frame like ``Interview.sentences``).

    ``lexicon`` needs columns marker, kind, strength, sense (like ``Interview.marker_lexicon``).
    ``claims`` (columns start, end, voice): the claims that give each marker its voice (see
    :func:`attribute_voices`); without them ``voice`` is NA.
    Returns the markers frame (see ``frames.yaml``); offsets are those of the sentences frame.
    """
    info = {r.marker: (r.kind, r.strength, r.sense) for r in lexicon.itertuples(index=False)}
    pattern = compile_forms(info, ignore_case=True)
    rows = []
    for s in sentences.itertuples(index=False):
        for start, end, found in find_forms(pattern, s.text):
            marker = found.lower()
            rows.append(
                (
                    s.sentence_id,
                    s.paragraph_id,
                    s.question_id,
                    marker,
                    *info[marker],
                    s.start + start,
                    s.start + end,
                    None,
                )
            )
    markers = frames.from_rows("markers", rows)
    if claims is not None:
        markers["voice"] = pd.Categorical(
            attribute_voices(markers, sentences, claims), categories=frames.categories("markers", "voice")
        )
    return markers


def attribute_voices(markers: pd.DataFrame, sentences: pd.DataFrame, claims: pd.DataFrame) -> list[str]:
    """Whose words each marker is: the voice of the claim whose quote contains it; for a marker in no
    claim, "prevailing_view" if its sentence holds a prevailing-view claim, else "lee" (she is speaking)."""
    bounds = sentences.set_index("sentence_id")[["start", "end"]]
    voices = []
    for m in markers.itertuples(index=False):
        inside = claims[(claims["start"] <= m.start) & (claims["end"] >= m.end)]
        if len(inside):
            voices.append(str(inside["voice"].iloc[0]))
            continue
        s_start, s_end = bounds.loc[m.sentence_id]
        in_sentence = claims[(claims["start"] < s_end) & (claims["end"] > s_start)]
        voices.append("prevailing_view" if (in_sentence["voice"] == "prevailing_view").any() else "lee")
    return voices


def sentence_certainty(sentences: pd.DataFrame, markers: pd.DataFrame) -> pd.DataFrame:
    """The sentence_certainty frame: every answer sentence with its hedge and booster counts."""
    answers = sentences[sentences["role"] == "answer"]
    counts = markers.groupby(["sentence_id", "kind"], observed=False).size().unstack(fill_value=0)
    rows = []
    for s in answers.itertuples(index=False):
        n_hedges = int(counts.at[s.sentence_id, "hedge"]) if s.sentence_id in counts.index else 0
        n_boosters = int(counts.at[s.sentence_id, "booster"]) if s.sentence_id in counts.index else 0
        rows.append((s.sentence_id, s.paragraph_id, s.question_id, n_hedges, n_boosters, n_hedges + n_boosters > 0))
    return frames.from_rows("sentence_certainty", rows)
