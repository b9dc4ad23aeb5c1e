"""Outside context of the bundled interview: the treaty articles it cites, a dated timeline, and what
governments and analysts said outside it.

Every fact row carries its source (a web address); quotes are verbatim spans of the interview and
the claims an event bears on are claim ids, both checked at load.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from .. import frames
from .annotation_files import AnnotationFile
from .claims import check_paragraph, locate_quote

__all__ = ["build_treaty_articles", "build_timeline", "build_outside_views", "first_day_of_next_month"]

_INTERVIEW_SOURCE = re.compile(r"^interview, paragraph ([0-9]+)$")
_SEASON_MONTHS = {3: "spring", 6: "summer", 9: "fall", 12: "winter"}


def first_day_of_next_month(month: str) -> dt.date:
    """For ``"2024-08"`` return 1 September 2024."""
    year, mon = (int(x) for x in month.split("-"))
    return dt.date(year + mon // 12, mon % 12 + 1, 1)


def build_treaty_articles(file: AnnotationFile, paragraphs: pd.DataFrame) -> pd.DataFrame:
    """The treaty_articles frame: every article's quote anchored in its (answer) paragraph."""
    file.check_unique("article", "article number")
    rows = []
    for i, r in enumerate(file.rows, 1):
        par = check_paragraph(file, i, "paragraph_id", r["paragraph_id"], paragraphs, answer=True)
        start, end = locate_quote(file, i, r["quote"], par, paragraphs)
        if bool(r["first_invoked"]) != bool(r["first_invoked_source"]):
            file.fail(
                i,
                "first_invoked_source",
                "first_invoked and first_invoked_source go together: give both (what happened and its web "
                "address) or leave both empty.",
            )
        rows.append(
            (
                r["article"],
                r["paragraph_id"],
                r["quote"],
                start,
                end,
                r["interview_reading"],
                r["treaty_says"],
                r["treaty_source"],
                r["wording"],
                r["note"],
                r["first_invoked"],
                r["first_invoked_source"],
            )
        )
    return frames.from_rows("treaty_articles", rows)


def _check_date(file: AnnotationFile, i: int, text: str, precision: str) -> dt.date:
    try:
        date = dt.date.fromisoformat(text)
    except ValueError:
        file.fail(i, "date", f"{text!r} is not a real calendar date. Write YYYY-MM-DD, e.g. 2023-09-13.")
    if precision == "month" and date.day != 1:
        file.fail(
            i,
            "date",
            f"a date of precision 'month' is written as the first day of the month; found {text!r}. Use {text[:8]}01.",
        )
    if precision == "season" and (date.day != 1 or date.month not in _SEASON_MONTHS):
        file.fail(
            i,
            "date",
            f"a date of precision 'season' is the first day of the season (03-01 spring, "
            f"06-01 summer, 09-01 fall, 12-01 winter); found {text!r}.",
        )
    if precision == "year" and (date.month, date.day) != (1, 1):
        file.fail(
            i, "date", f"a date of precision 'year' is written as 1 January; found {text!r}. Use {text[:4]}-01-01."
        )
    return date


def _in_date_order(file: AnnotationFile, what: str):
    """(1-based row, row, date) of a dated file, each date checked and the rows checked to be in date order."""
    previous = None
    for i, r in enumerate(file.rows, 1):
        date = _check_date(file, i, r["date"], r["precision"])
        if previous is not None and date < previous:
            file.fail(
                i, "date", f"{r['date']} comes before the date of the previous row. Keep the {what} in date order."
            )
        previous = date
        yield i, r, date


def _check_claim_ids(file: AnnotationFile, i: int, r: dict, claim_ids: set[str]) -> list[str]:
    """The claim ids of the row's ``bears_on``, each checked to exist and to be named once."""
    ids = r["bears_on"].split("; ") if r["bears_on"] else []
    for cid in ids:
        if cid not in claim_ids:
            file.fail(i, "bears_on", f"{cid!r} is not a claim_id of claims.csv. Use the id of an existing claim.")
    if len(set(ids)) != len(ids):
        file.fail(i, "bears_on", f"{r['bears_on']!r} names a claim twice. Name each claim once.")
    return ids


def _check_bears_on(file: AnnotationFile, i: int, r: dict, claim_ids: set[str]) -> None:
    ids = _check_claim_ids(file, i, r, claim_ids)
    if ids and not r["direction"]:
        file.fail(i, "direction", "the row names claims in bears_on but no direction. Write for, against or mixed.")
    if r["direction"] and not ids:
        file.fail(i, "direction", f"direction is {r['direction']!r} but bears_on is empty. Name the claims or drop it.")


def build_timeline(file: AnnotationFile, paragraphs: pd.DataFrame, published: str, claim_ids: set[str]) -> pd.DataFrame:
    """The timeline frame, in date order.

    ``published`` is the interview's month ("2024-08"): events from the next month on are
    ``after_interview``. ``claim_ids``: the ids ``bears_on`` may name.
    """
    file.check_unique("event_id", "event id")
    cutoff = first_day_of_next_month(published)
    rows = []
    for i, r, date in _in_date_order(file, "events"):
        pid = int(r["paragraph_id"]) if r["paragraph_id"] else None
        if pid is not None:
            par = check_paragraph(file, i, "paragraph_id", pid, paragraphs, answer=False)
            if r["quote"]:
                locate_quote(file, i, r["quote"], par, paragraphs)
        elif r["quote"]:
            file.fail(
                i, "paragraph_id", "the row has a quote but no paragraph_id. Give the paragraph the quote comes from."
            )
        own = _INTERVIEW_SOURCE.match(r["source"])
        if own is None and not r["source"].startswith(("https://", "http://")):
            file.fail(i, "source", f"expected a web address or 'interview, paragraph N'; found {r['source']!r}.")
        if own is not None and int(own.group(1)) != pid:
            file.fail(
                i, "source", f"the source names paragraph {own.group(1)} but paragraph_id is {pid}. Make them agree."
            )
        _check_bears_on(file, i, r, claim_ids)
        rows.append(
            (
                r["event_id"],
                date,
                r["date_label"],
                r["precision"],
                r["event"],
                pid,
                r["source"],
                date >= cutoff,
                r["quote"],
                r["bears_on"],
                r["direction"] or None,
            )
        )
    return frames.from_rows("timeline", rows)


def build_outside_views(file: AnnotationFile, claim_ids: set[str]) -> pd.DataFrame:
    """The outside_views frame, in date order: each statement with its source and the claims it bears on."""
    file.check_unique("view_id", "view id")
    rows = []
    for i, r, date in _in_date_order(file, "statements"):
        _check_claim_ids(file, i, r, claim_ids)
        rows.append(
            (
                r["view_id"],
                date,
                r["date_label"],
                r["precision"],
                r["speaker"],
                r["role"],
                r["speaking_as"],
                r["quote"],
                r["source"],
                r["bears_on"],
                r["side"],
                r["note"],
            )
        )
    return frames.from_rows("outside_views", rows)
