"""A learner's quiz results by notebook."""

from __future__ import annotations

import pandas as pd

from ..jsonschema_import import import_altair
from ..progress.store import FIELDS
from .theme import finish, fixed_scale, require, tooltips

__all__ = ["progress_chart", "progress_summary", "STATUS_COLOURS"]

#: Status of an item, in stacking order, with Okabe–Ito colours.
STATUS_COLOURS = {
    "Right first time": "#009E73",
    "Right after retrying": "#56B4E9",
    "Not right yet": "#D55E00",
    "Answered (no right answer)": "#BBBBBB",  # light (outlined): #999999 was too close to the green for deuteranopes
}

PROGRESS_COLUMNS = list(FIELDS)


def progress_summary(progress: pd.DataFrame, learner: str | None = None) -> pd.DataFrame:
    """Items per notebook and status, from the progress frame (``nbkit.progress()``).

    An item is "Right first time" when its first attempt was correct, "Right after retrying"
    when a later attempt was, else "Not right yet"; polls and free responses (``correct`` is NA)
    are "Answered (no right answer)". With several learners and no ``learner``, each learner's
    item counts separately. Columns: notebook, status, items, attempts (distinct attempt numbers).
    """
    require(progress, PROGRESS_COLUMNS, "progress")
    rows = progress if learner is None else progress[progress["learner"] == learner]
    rows = rows.assign(correct=rows["correct"].astype("boolean"))
    rows = rows.sort_values(["learner", "notebook", "item", "attempt"], kind="stable")
    per_item = (
        rows.groupby(["learner", "notebook", "item"], sort=True)
        .agg(
            scored=("correct", "count"),
            first=("correct", "first"),
            ever=("correct", "any"),
            attempts=("attempt", "nunique"),
        )
        .reset_index()
    )
    per_item["status"] = "Not right yet"
    per_item.loc[per_item["ever"].fillna(False).astype(bool), "status"] = "Right after retrying"
    per_item.loc[per_item["first"].fillna(False).astype(bool), "status"] = "Right first time"
    per_item.loc[per_item["scored"] == 0, "status"] = "Answered (no right answer)"
    summary = (
        per_item.groupby(["notebook", "status"], sort=True)
        .agg(items=("item", "size"), attempts=("attempts", "sum"))
        .reset_index()
    )
    summary["order"] = summary["status"].map(list(STATUS_COLOURS).index)
    summary = summary.sort_values(["notebook", "order"], ignore_index=True).drop(columns="order")
    return summary.astype({"notebook": str, "status": str, "items": int, "attempts": int})


def progress_chart(progress: pd.DataFrame, learner: str | None = None):
    """Stacked bars: quiz items right first time, right after retrying, or not right yet, per notebook.

    ``progress``: the frame from ``nbkit.progress()`` (learner, notebook, item, attempt,
    answer, correct, time); ``learner`` keeps one learner's rows. Data: :func:`progress_summary`.
    """
    alt = import_altair()

    data = progress_summary(progress, learner)
    notebooks = sorted(data["notebook"].unique().tolist())
    chart = (
        alt.Chart(data)
        .mark_bar(**({} if len(data) else {"aria": False}))  # no bars: no empty, unnamed mark group for readers
        .encode(
            x=alt.X("notebook:N", sort=notebooks, title="Notebook", axis=alt.Axis(labelAngle=-30, labelLimit=240)),
            y=alt.Y("items:Q", title="Quiz items answered", axis=alt.Axis(tickMinStep=1, format="d")),
            color=alt.Color("status:N", title="Result", sort=list(STATUS_COLOURS), scale=fixed_scale(STATUS_COLOURS)),
            order=alt.Order("status_rank:Q"),
            tooltip=tooltips("notebook:N", "status:N", "items:Q", "attempts:Q"),
        )
        .transform_calculate(
            status_rank=" : ".join(f"datum.status == '{s}' ? {i}" for i, s in enumerate(STATUS_COLOURS)) + " : 9",
        )
        .properties(width=alt.Step(56))
    )
    total = int(data["items"].sum())
    first = int(data.loc[data["status"] == "Right first time", "items"].sum())
    share = f"{round(100 * first / total)}% of them right first time" if total else "none answered yet"
    who = f"Learner {learner}" if learner is not None else "All learners"
    return finish(
        chart,
        "Quiz results by notebook",
        f"Stacked bar chart of {total} quiz items answered in {len(notebooks)} notebooks, {share}; "
        "each bar splits items into right first time, right after retrying, not right yet, "
        "and answered with no right answer (polls and free responses).",
        subtitle=f"{who}: items right first time, after retrying, not yet, or with no right answer",
    )
