"""Claims of an interview and the links between them (an argument map), checked against the text: the bundled
interview's curated files, or a course folder's coded rows (:mod:`~nbkit.annotations.course_folder`)."""

from __future__ import annotations

from collections.abc import Set

import pandas as pd

from .. import frames, quotes
from .annotation_files import AnnotationFile

__all__ = ["build_claims", "build_links", "locate_quote", "check_paragraph"]


def check_paragraph(
    file: AnnotationFile, i: int, field: str, pid: int, paragraphs: pd.DataFrame, answer: bool
) -> pd.Series:
    """The paragraph row ``pid``; fail at row ``i`` if it does not exist (or is not an answer when ``answer``)."""
    try:
        quotes.paragraph_text(pid, quotes.paragraph_texts(paragraphs))
    except quotes.QuoteError as exc:
        file.fail(i, field, exc.reason)
    par = paragraphs[paragraphs["paragraph_id"] == pid].iloc[0]
    if answer and par["role"] != "answer":
        answers = ", ".join(str(p) for p in paragraphs.loc[paragraphs["role"] == "answer", "paragraph_id"])
        file.fail(
            i, field, f"paragraph {pid} is the {par['role']}, not an answer. Use an answer paragraph ({answers})."
        )
    return par


def locate_quote(file: AnnotationFile, i: int, quote: str, par: pd.Series, paragraphs: pd.DataFrame) -> tuple[int, int]:
    """Offsets (into the source) of the first occurrence of ``quote`` in paragraph ``par``; fail if absent."""
    try:
        pos = quotes.anchor(quote, int(par["paragraph_id"]), quotes.paragraph_texts(paragraphs))
    except quotes.QuoteError as exc:
        file.fail(i, exc.field, exc.reason)
    start = int(par["start"]) + pos
    return start, start + len(quote)


def build_claims(
    file: AnnotationFile, paragraphs: pd.DataFrame, actors: set[str], markers: pd.DataFrame
) -> pd.DataFrame:
    """The claims frame; ``markers`` is the interview's markers frame.

    A quote that occurs twice in its paragraph is anchored at its first occurrence.
    """
    file.check_unique("claim_id", "claim id")
    rows = []
    for i, r in enumerate(file.rows, 1):
        pid = int(r["paragraph_id"])
        par = check_paragraph(file, i, "paragraph_id", pid, paragraphs, answer=True)
        start, end = locate_quote(file, i, r["quote"], par, paragraphs)
        for name in r["actors"].split("; "):
            if name not in actors:
                file.fail(
                    i,
                    "actors",
                    f"{name!r} is not an actor of actors.csv. Use a name from actors.csv "
                    f"(e.g. North Korea, Russia) or add the actor there first.",
                )
        inside = markers[(markers["start"] >= start) & (markers["end"] <= end)]
        certainty = "; ".join(dict.fromkeys(inside["marker"]))
        rows.append(
            (
                r["claim_id"],
                pid,
                int(par["question_id"]),
                r["quote"],
                start,
                end,
                r["summary"],
                r["kind"],
                r["voice"],
                r["stance"],
                r["actors"],
                certainty,
            )
        )
    return frames.from_rows("claims", rows)


def build_links(file: AnnotationFile, claim_ids: set[str], uncoded: Set[str] = frozenset()) -> pd.DataFrame:
    """The argument_links frame, every link between two existing, different claims, each pair once.

    ``uncoded``: ids of template rows of claims.csv not coded yet (a link to one of them says so).
    """
    seen: dict = {}
    for i, r in enumerate(file.rows, 1):
        for field in ("from_claim", "to_claim"):
            if r[field] in uncoded:
                file.fail(
                    i,
                    field,
                    f"the claim {r[field]!r} is not coded yet in claims.csv (its kind, voice and stance are empty). "
                    "Code it, or remove the link.",
                )
            if r[field] not in claim_ids:
                file.fail(i, field, f"there is no claim {r[field]!r} in claims.csv. Use an existing claim_id.")
        if r["from_claim"] == r["to_claim"]:
            file.fail(i, "to_claim", f"the claim {r['to_claim']} is linked to itself. Link two different claims.")
        pair = (r["from_claim"], r["to_claim"])
        if pair in seen:
            file.fail(
                i,
                "to_claim",
                f"the link {pair[0]} -> {pair[1]} is already in row {file.row_number(seen[pair])}. "
                "Keep one link per pair of claims.",
            )
        seen[pair] = i
    return file.frame("argument_links")
