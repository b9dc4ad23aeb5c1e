"""A class's quiz results per item (the frame from :func:`nbkit.quiz.class_summary`)."""

from __future__ import annotations

from ..jsonschema_import import import_altair
from .theme import finish, require

__all__ = ["class_chart"]

#: The columns of the class summary the chart shows.
_USED = ["notebook", "item", "n_learners", "pct_correct_first", "pct_correct_last", "common_wrong"]


def class_chart(summary_frame):
    """Bar chart of % correct at the first attempt per item (returns an ``alt.Chart``, never displays).

    ``summary_frame``: :func:`nbkit.quiz.class_summary` of a class's results; polls and free
    responses (no % correct) are left out.
    """
    alt = import_altair()
    require(summary_frame, _USED, "class_summary")
    data = summary_frame.dropna(subset=["pct_correct_first"])
    chart = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("pct_correct_first:Q", title="% correct at first attempt", scale=alt.Scale(domain=[0, 100])),
            y=alt.Y("item:N", title="Item", sort=None),
            color=alt.Color("notebook:N", title="Notebook"),
            tooltip=[
                "notebook:N",
                "item:N",
                "n_learners:Q",
                "pct_correct_first:Q",
                "pct_correct_last:Q",
                "common_wrong:N",
            ],
        )
    )
    return finish(
        chart,
        "Class results per quiz item",
        f"Bar chart of the percentage of learners right at their first attempt, for {len(data)} quiz "
        "items with a right answer, coloured by notebook.",
    )
