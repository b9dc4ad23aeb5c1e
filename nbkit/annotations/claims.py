"""Claims of the bundled interview and the links between them (an argument map), checked against the text."""

from __future__ import annotations

import pandas as pd

from .tables import CATEGORIES, Table

__all__ = ["build_claims", "build_links", "locate_quote", "check_paragraph"]

CLAIM_COLUMNS = ["claim_id", "paragraph_id", "question_id", "quote", "start", "end", "summary", "kind", "voice",
                 "stance", "actors", "certainty"]


def check_paragraph(table: Table, i: int, field: str, pid: int, paragraphs: pd.DataFrame, answer: bool) -> pd.Series:
    """The paragraph row ``pid``; fail at row ``i`` if it does not exist (or is not an answer when ``answer``)."""
    match = paragraphs[paragraphs["paragraph_id"] == pid]
    if match.empty:
        table.fail(i, field, f"there is no paragraph {pid}; the interview has paragraphs 1 to "
                             f"{paragraphs['paragraph_id'].max()}. Use the line number of the paragraph.")
    par = match.iloc[0]
    if answer and par["role"] != "answer":
        answers = ", ".join(str(p) for p in paragraphs.loc[paragraphs["role"] == "answer", "paragraph_id"])
        table.fail(i, field, f"paragraph {pid} is the {par['role']}, not an answer. Use an answer paragraph ({answers}).")
    return par


def locate_quote(table: Table, i: int, quote: str, par: pd.Series, paragraphs: pd.DataFrame) -> tuple[int, int]:
    """Offsets (into the source) of the first occurrence of ``quote`` in paragraph ``par``; fail if absent."""
    pos = par["text"].find(quote)
    if pos < 0:
        elsewhere = [str(p) for p, t in zip(paragraphs["paragraph_id"], paragraphs["text"]) if quote in t]
        hint = (f" It occurs in paragraph {elsewhere[0]}: correct paragraph_id." if elsewhere else
                " Copy the span exactly from the text (curly quotes ’ “ ” as written; keep the typo “miliary”).")
        shown = quote if len(quote) <= 60 else quote[:60] + "…"
        table.fail(i, "quote", f"the quote {shown!r} is not in paragraph {par['paragraph_id']} word for word.{hint}")
    start = int(par["start"]) + pos
    return start, start + len(quote)


def build_claims(table: Table, paragraphs: pd.DataFrame, actors: set[str], markers: pd.DataFrame) -> pd.DataFrame:
    """The claims frame (columns in ``CLAIM_COLUMNS``); ``markers`` is the interview's markers frame.

    A quote that occurs twice in its paragraph is anchored at its first occurrence.
    """
    table.check_unique("claim_id", "claim id")
    rows = []
    for i, r in enumerate(table.rows, 1):
        pid = int(r["paragraph_id"])
        par = check_paragraph(table, i, "paragraph_id", pid, paragraphs, answer=True)
        start, end = locate_quote(table, i, r["quote"], par, paragraphs)
        for name in r["actors"].split("; "):
            if name not in actors:
                table.fail(i, "actors", f"{name!r} is not an actor of actors.csv. Use a name from actors.csv "
                                        f"(e.g. North Korea, Russia) or add the actor there first.")
        inside = markers[(markers["start"] >= start) & (markers["end"] <= end)]
        certainty = "; ".join(dict.fromkeys(inside["marker"]))
        rows.append((r["claim_id"], pid, int(par["question_id"]), r["quote"], start, end, r["summary"], r["kind"],
                     r["voice"], r["stance"], r["actors"], certainty))
    frame = pd.DataFrame(rows, columns=CLAIM_COLUMNS)
    frame = frame.astype({"paragraph_id": int, "question_id": int, "start": int, "end": int})
    for col in ("claim_id", "quote", "summary", "actors", "certainty"):
        frame[col] = frame[col].astype("str")
    for col, cat in (("kind", "claim_kind"), ("voice", "voice"), ("stance", "stance")):
        frame[col] = pd.Categorical(frame[col], categories=CATEGORIES[cat])
    return frame


def build_links(table: Table, claim_ids: set[str]) -> pd.DataFrame:
    """The argument_links frame: from_claim, to_claim (str claim ids), relation (category)."""
    seen: dict = {}
    for i, r in enumerate(table.rows, 1):
        for field in ("from_claim", "to_claim"):
            if r[field] not in claim_ids:
                table.fail(i, field, f"there is no claim {r[field]!r} in claims.csv. Use an existing claim_id.")
        if r["from_claim"] == r["to_claim"]:
            table.fail(i, "to_claim", f"the claim {r['to_claim']} is linked to itself. Link two different claims.")
        pair = (r["from_claim"], r["to_claim"])
        if pair in seen:
            table.fail(i, "to_claim", f"the link {pair[0]} -> {pair[1]} is already in row {seen[pair]}. "
                                      "Keep one link per pair of claims.")
        seen[pair] = i
    return table.frame(["from_claim", "to_claim", "relation"], {"relation": "relation"})
