"""The class's votes on a poll before and after the debate (the frame of :func:`nbkit.quiz.votes.vote_table`)."""

from __future__ import annotations

from ..jsonschema_import import import_altair
from .theme import finish, require

__all__ = ["vote_chart"]


def vote_chart(table):
    """Grouped bars: learners per option, before and after (or one poll alone). Returns an ``alt.Chart``."""
    alt = import_altair()
    require(table, ["answer", "before"], "vote_table")
    polls = [c for c in ("before", "after") if c in table.columns]
    long = table.melt(id_vars="answer", value_vars=polls, var_name="when", value_name="learners")
    order = list(table["answer"])
    chart = (
        alt.Chart(long)
        .mark_bar()
        .encode(
            y=alt.Y("answer:N", title="Option", sort=order),
            x=alt.X("learners:Q", title="Learners", axis=alt.Axis(tickMinStep=1)),
            yOffset=alt.YOffset("when:N", sort=polls),
            color=alt.Color("when:N", title="Vote", sort=polls),
            tooltip=["answer:N", "when:N", "learners:Q"],
        )
    )
    n = table.attrs.get("learners", {})
    told = ", ".join(f"{n[p]} learners {p}" for p in polls if p in n)
    if "change" in table.columns:
        moves = "; ".join(f"{a}: {c:+d}" for a, c in zip(table["answer"], table["change"]) if c)
        description = (
            f"Bar chart of the class's votes per option before and after the debate ({told}). "
            f"Change per option: {moves or 'none'}."
        )
    else:
        description = f"Bar chart of the class's votes per option ({told})."
    return finish(chart, "The class's votes", description)
