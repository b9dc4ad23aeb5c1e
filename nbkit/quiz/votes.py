"""The class's votes on a poll, and how they moved between two polls with the same options (before and after).

Reads the merged progress frame of a class (:func:`nbkit.quiz.load_class_results`, or what ``nbkit class
collect`` gathers from the hub): each learner's latest answer counts once.

>>> import pandas as pd
>>> rows = [("ana", "poll-before", "Too early to tell"), ("ben", "poll-before", "Too early to tell"),
...         ("ana", "poll-after", "Strategic in both intent and outcome"), ("ben", "poll-after", "Too early to tell")]
>>> frame = pd.DataFrame([{"learner": l, "notebook": "08-seminar-and-review", "item": i, "attempt": 1,
...                        "answer": a, "correct": None, "time": pd.Timestamp("2026-12-02", tz="UTC")} for l, i, a in rows])
>>> table = vote_table(frame, "08-seminar-and-review", "poll-before", "poll-after")
>>> table[["before", "after", "change"]].values.tolist(), table.attrs["learners"]
([[0, 0, 0], [0, 0, 0], [0, 1, 1], [2, 1, -1]], {'before': 2, 'after': 2})
"""

from __future__ import annotations

import pandas as pd

from ..errors import QuizBankError

__all__ = ["vote_table", "poll_options"]


def poll_options(notebook: str, item: str, folder=None) -> list[str]:
    """The options of poll ``item`` in ``notebook``'s bank, in the bank's order."""
    from .bank import load_bank
    from .types import Poll

    bank = load_bank(notebook) if folder is None else load_bank(f"{folder}/{notebook}.yaml")
    found = bank.item(item)
    if found.type != Poll.name:
        raise QuizBankError(bank.path, item, "type", f"'{item}' is a {found.type} item, not a poll; give a poll's id.")
    return [a["answer"] for a in found.data["answers"]]


def _latest(results: pd.DataFrame, notebook: str, item: str) -> pd.Series:
    rows = results[(results["notebook"] == notebook) & (results["item"] == item)]
    rows = rows.sort_values(["learner", "attempt", "time"], kind="stable")
    return rows.groupby("learner")["answer"].last()


def vote_table(
    results: pd.DataFrame, notebook: str, before: str, after: str | None = None, folder=None
) -> pd.DataFrame:
    """One row per option of poll ``before``: ``answer``, ``before`` (learners whose latest vote it is) and, with
    ``after`` (a poll with the same options), ``after`` and ``change`` (after − before). Options nobody chose
    count 0; the attribute ``table.attrs["learners"]`` gives how many learners voted in each poll."""
    options = poll_options(notebook, before, folder)
    table = pd.DataFrame({"answer": options})
    first = _latest(results, notebook, before)
    table["before"] = [int((first == o).sum()) for o in options]
    counts = {"before": len(first)}
    if after is not None:
        if poll_options(notebook, after, folder) != options:
            raise QuizBankError(
                notebook,
                after,
                "answers",
                f"'{after}' and '{before}' differ in their options; a before/after comparison needs one option set.",
            )
        second = _latest(results, notebook, after)
        table["after"] = [int((second == o).sum()) for o in options]
        table["change"] = table["after"] - table["before"]
        counts["after"] = len(second)
    table.attrs["learners"] = counts
    return table
