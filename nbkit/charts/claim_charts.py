"""Charts of the coded claims: how certain each claim sounds (its sentence's hedges, boosters, estimative words)."""

from __future__ import annotations

import pandas as pd

from ..errors import DataValidationError
from ..jsonschema_import import import_altair
from .theme import GREY, MARKER_KIND_COLOURS, finish, fixed_scale, require, tooltips

__all__ = ["claim_certainty", "claim_sentences"]

_COUNTS = {"hedge": "n_hedges", "booster": "n_boosters", "estimative": "n_estimative"}
_PLURALS = {"hedge": "hedges", "booster": "boosters", "estimative": "estimative words", "marker": "markers"}


def _count(n: int, what: str) -> str:
    """``_count(1, "booster")`` -> "1 booster"; ``_count(2, "estimative")`` -> "2 estimative words"."""
    return f"{n} {what if n == 1 else _PLURALS[what]}" if what != "estimative" or n != 1 else "1 estimative word"


def claim_sentences(claims: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Which sentence(s) each claim is quoted from: one row per claim and sentence its quote overlaps
    (offsets), columns claim_id, sentence_id. A quote spanning two sentences gives two rows."""
    require(claims, ["claim_id", "paragraph_id", "start", "end"], "claims")
    require(sentences, ["sentence_id", "paragraph_id", "start", "end"], "sentences")
    pairs = claims[["claim_id", "paragraph_id", "start", "end"]].merge(
        sentences[["sentence_id", "paragraph_id", "start", "end"]], on="paragraph_id", suffixes=("", "_s")
    )
    inside = pairs[(pairs["start"] < pairs["end_s"]) & (pairs["start_s"] < pairs["end"])]
    return inside[["claim_id", "sentence_id"]].reset_index(drop=True)


def claim_certainty(claims: pd.DataFrame, sentence_certainty: pd.DataFrame, sentences: pd.DataFrame, questions=None):
    """Stacked bars: the hedges, boosters and estimative words of the sentence each claim is quoted from.

    ``claims``: ``iv.claims`` (the bundled interview's, or the rows a teacher has coded); ``sentence_certainty``:
    ``iv.sentence_certainty``; ``sentences``: ``iv.sentences`` (its offsets join each claim to its sentence(s));
    ``questions``: question ids to show (e.g. ``[2]``), default all. A claim stated without any marker is
    labelled "no marker". Data (one row per claim and kind of marker): claim, claim_id, paragraph_id,
    summary, quote, voice, stance, marker_kind, markers, kind_order.
    """
    alt = import_altair()

    require(claims, ["claim_id", "paragraph_id", "question_id", "quote", "summary", "voice", "stance"], "claims")
    require(sentence_certainty, ["sentence_id", *_COUNTS.values()], "sentence_certainty")
    shown = claims.sort_values("claim_id", kind="stable")
    if questions is not None:
        focus = {int(q) for q in questions}
        shown = shown[shown["question_id"].isin(focus)]
        if shown.empty:
            raise DataValidationError(
                "claims",
                None,
                "question_id",
                f"no claims answer question(s) {sorted(focus)}; use ids from iv.questions.",
            )
    counts = claim_sentences(shown, sentences).merge(sentence_certainty, on="sentence_id", how="left")
    per_claim = counts.groupby("claim_id")[list(_COUNTS.values())].sum()
    rows = []
    for c in shown.itertuples(index=False):
        label = f"{c.claim_id} (para. {int(c.paragraph_id)})"
        for kind, column in _COUNTS.items():
            n = int(per_claim.at[c.claim_id, column]) if c.claim_id in per_claim.index else 0
            rows.append(
                (label, c.claim_id, int(c.paragraph_id), c.summary, c.quote, str(c.voice), str(c.stance), kind, n)
            )
    columns = ["claim", "claim_id", "paragraph_id", "summary", "quote", "voice", "stance", "marker_kind", "markers"]
    data = pd.DataFrame(rows, columns=columns)
    data["kind_order"] = data["marker_kind"].map({k: i for i, k in enumerate(_COUNTS)})
    order = list(dict.fromkeys(data["claim"]))
    totals = data.groupby("claim", sort=False)["markers"].sum()
    unmarked = pd.DataFrame({"claim": [c for c in order if totals.get(c, 0) == 0], "text": "no marker"})
    y = alt.Y("claim:N", sort=order, title="Claim (paragraph)")
    ticks = list(range(0, max(2, int(totals.max()) if len(totals) else 0) + 1))  # whole markers only
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X(
                "markers:Q",
                stack="zero",
                title="Markers in the claim's sentence",
                axis=alt.Axis(values=ticks, format="d"),
            ),
            y=y,
            color=alt.Color(
                "marker_kind:N", title="Kind of marker", scale=fixed_scale(MARKER_KIND_COLOURS), sort=list(_COUNTS)
            ),
            order=alt.Order("kind_order:Q"),
            tooltip=tooltips(
                "claim_id:N",
                "paragraph_id:Q",
                "summary:N",
                "quote:N",
                "stance:N",
                "marker_kind:N",
                "markers:Q",
                titles={"marker_kind": "Kind of marker", "markers": "Markers of this kind"},
            ),
        )
    )
    notes = (
        alt.Chart(unmarked)
        .mark_text(align="left", dx=3, color=GREY, fontStyle="italic")
        .encode(x=alt.datum(0), y=y, text="text:N")
    )
    chart = alt.layer(bars, notes).properties(width=360, height=alt.Step(18))
    kind_totals = {kind: int(data.loc[data["marker_kind"] == kind, "markers"].sum()) for kind in _COUNTS}
    if totals.empty:
        summary = "There are no coded claims."
    else:
        top = totals.idxmax()
        summary = (
            f"{len(order)} claims; {int((totals > 0).sum())} are quoted from sentences with at least one marker, "
            f"{len(unmarked)} from sentences with none. In all: {_count(kind_totals['hedge'], 'hedge')}, "
            f"{_count(kind_totals['booster'], 'booster')} and {_count(kind_totals['estimative'], 'estimative')}"
            + (f"; the most marked is {top} with {_count(int(totals.max()), 'marker')}." if totals.max() > 0 else ".")
        )
    return finish(
        chart,
        "How certain does each claim sound?",
        f"Stacked bar chart of the hedges (tentative words), boosters (certain words) and estimative words (how "
        f"probable an event is) in the sentence each claim is quoted from. {summary}",
        subtitle="Hedges, boosters and estimative words in each claim's sentence",
    )
