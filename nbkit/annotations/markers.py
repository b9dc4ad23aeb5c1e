"""Epistemic markers in any interview: hedges ("may", "seems"), boosters ("clearly") and estimative words ("likely").

Three kinds (``marker_lexicon.kind``): a hedge softens a claim; a booster presents the evidence as
certain; an estimative word forecasts how probable an event is (ICD 203 language: "unlikely" means the
writer expects it not to happen, which is a judgement, not doubt).
Markers match whole words, ignoring case, longest first and without overlaps: "seems to suggest" is
one marker (not also "seems" and "suggest"), "most likely" one (not also "likely"), "almost
certainly" one (not also "certainly").
Deliberately left out of the lexicon: "would" and "should" (in this series they mostly
report speech or give advice: "said it would work", "we should remain open"); conditionals such as
"if properly implemented" (a hedge by clause, not by word); "indicate(s)", which names the evidence
and does not soften what follows ("indicate that the two countries will take practical steps", para. 15);
and the noun "possibility", which names what is possible rather than softening a claim: in "remain open
to the possibility that the relationship may be" (para. 3) the hedge is "may", and counting the noun too
would count one qualification twice.
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
            attribute_voices(markers, claims), categories=frames.categories("markers", "voice")
        )
    return markers


def attribute_voices(markers: pd.DataFrame, claims: pd.DataFrame) -> list[str]:
    """Whose words each marker is: the voice of the claim whose quote contains it, else "lee".

    A marker outside every claim's quote is Lee's even in a sentence that reports another view: there
    she hedges her report ("the prevailing view still seems to be", para. 3), while a hedge inside the
    reported view's quote is that view's ("Kim Jong Un may have merely picked up", para. 4).
    """
    voices = []
    for m in markers.itertuples(index=False):
        inside = claims[(claims["start"] <= m.start) & (claims["end"] >= m.end)]
        voices.append(str(inside["voice"].iloc[0]) if len(inside) else "lee")
    return voices


def sentence_certainty(sentences: pd.DataFrame, markers: pd.DataFrame) -> pd.DataFrame:
    """The sentence_certainty frame: every answer sentence with its hedge, booster and estimative counts."""
    answers = sentences[sentences["role"] == "answer"]
    counts = markers.groupby(["sentence_id", "kind"], observed=False).size().unstack(fill_value=0)
    kinds = frames.categories("markers", "kind")
    counts = counts.reindex(index=answers["sentence_id"], columns=kinds, fill_value=0)
    rows = []
    for s in answers.itertuples(index=False):
        n = [int(counts.at[s.sentence_id, kind]) for kind in kinds]  # hedge, booster, estimative
        rows.append((s.sentence_id, s.paragraph_id, s.question_id, *n, sum(n) > 0))
    return frames.from_rows("sentence_certainty", rows)
