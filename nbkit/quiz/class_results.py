"""Class results for teachers: merge learners' exported progress files, summarise per item, chart.

A loaded class (:func:`set_class`) also lets poll items show the class's votes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from ..errors import DataValidationError
from ..progress.store import FIELDS

__all__ = ["load", "summary", "chart", "set_class", "current_class", "poll_lines"]

_CLASS = None


def _read_one(path: Path) -> list[dict]:
    import pandas as pd

    if not path.exists():
        raise DataValidationError(path, None, None, "file not found; give the CSV or JSON files learners exported")
    if path.suffix.lower() == ".csv":
        rows = pd.read_csv(path, dtype=str, keep_default_na=False).to_dict("records")
    elif path.suffix.lower() == ".json":
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise DataValidationError(path, None, None, f"not valid JSON ({exc})") from None
        rows = doc["records"] if isinstance(doc, dict) and "records" in doc else doc
        if not isinstance(rows, list):
            raise DataValidationError(path, None, None, "expected a list of records (nbkit.progress.export output)")
    else:
        raise DataValidationError(path, None, None, "expected a .csv or .json file from nbkit.progress.export")
    out = []
    for i, row in enumerate(rows, start=1):
        missing = [f for f in FIELDS if f not in row]
        if missing:
            raise DataValidationError(path, i, missing[0], f"column missing; expected columns: {', '.join(FIELDS)}")
        rec = {f: row[f] for f in FIELDS}
        c = rec["correct"]
        rec["correct"] = {"true": True, "false": False}.get(str(c).strip().lower()) if not isinstance(c, bool) else c
        try:
            rec["attempt"] = int(rec["attempt"])
        except (TypeError, ValueError):
            raise DataValidationError(path, i, "attempt", f"expected a whole number, found {rec['attempt']!r}") from None
        out.append(rec)
    return out


def load(paths: str | Path | Iterable[str | Path]):
    """Merge learners' exported files (CSV or JSON, or progress stores) into one progress frame.

    Columns as :func:`nbkit.progress.frame`: learner, notebook, item, attempt, answer, correct,
    time. Records found in more than one file are kept once.
    """
    from ..progress.frame import records_to_frame

    if isinstance(paths, (str, Path)):
        paths = [paths]
    records = [r for p in paths for r in _read_one(Path(p))]
    df = records_to_frame(records)
    df = df.drop_duplicates(subset=["learner", "notebook", "item", "attempt", "answer", "time"])
    return df.sort_values(["notebook", "item", "learner", "attempt", "time"], kind="stable").reset_index(drop=True)


def summary(frame):
    """One row per item.

    Columns: notebook, item (str); n_learners (int, learners who answered); n_attempts (int);
    pct_correct_first (float, % of learners right at their first attempt; NA for polls and free
    responses); pct_correct_last (float, % right at their latest attempt); common_wrong (str, up to
    three wrong answers with the number of learners who gave each, "answer (n); …"; "" if none).
    """
    import pandas as pd

    rows = []
    for (nb, item), g in frame.groupby(["notebook", "item"], sort=True):
        g = g.sort_values(["learner", "attempt", "time"], kind="stable")
        first = g.groupby("learner").head(1)
        last = g.groupby("learner").tail(1)
        graded = g["correct"].notna().any()
        wrong = g[g["correct"].eq(False).fillna(False)]
        counts = wrong.groupby("answer")["learner"].nunique().sort_values(ascending=False, kind="stable")
        common = "; ".join(f"{a} ({n})" for a, n in counts.head(3).items())
        rows.append({
            "notebook": nb, "item": item, "n_learners": int(g["learner"].nunique()), "n_attempts": len(g),
            "pct_correct_first": float(first["correct"].astype(float).mean() * 100) if graded else float("nan"),
            "pct_correct_last": float(last["correct"].astype(float).mean() * 100) if graded else float("nan"),
            "common_wrong": common,
        })
    cols = ["notebook", "item", "n_learners", "n_attempts", "pct_correct_first", "pct_correct_last", "common_wrong"]
    return pd.DataFrame(rows, columns=cols)


def chart(summary_frame):
    """Bar chart of % correct at the first attempt per item (returns an ``alt.Chart``, never displays)."""
    from ..jsonschema_import import import_altair

    alt = import_altair()

    data = summary_frame.dropna(subset=["pct_correct_first"])
    return alt.Chart(data).mark_bar().encode(
        x=alt.X("pct_correct_first:Q", title="% correct at first attempt", scale=alt.Scale(domain=[0, 100])),
        y=alt.Y("item:N", title="Item", sort=None),
        color=alt.Color("notebook:N", title="Notebook"),
        tooltip=["notebook:N", "item:N", "n_learners:Q", "pct_correct_first:Q", "pct_correct_last:Q", "common_wrong:N"],
    ).properties(title="Class results per quiz item")


def set_class(frame_or_paths) -> None:
    """Load a class (a frame from :func:`load`, or file paths) so polls show the class's votes; None clears it."""
    global _CLASS
    if frame_or_paths is None or hasattr(frame_or_paths, "columns"):
        _CLASS = frame_or_paths
    else:
        _CLASS = load(frame_or_paths)


def current_class():
    """The loaded class frame, or None."""
    return _CLASS


def poll_lines(item) -> list[str]:
    """Lines showing the loaded class's votes on a poll item (each learner's latest vote); [] if no class."""
    if _CLASS is None:
        return []
    g = _CLASS[(_CLASS["notebook"] == item.notebook) & (_CLASS["item"] == item.id)]
    if g.empty:
        return []
    latest = g.sort_values(["attempt", "time"], kind="stable").groupby("learner").tail(1)
    n = len(latest)
    lines = [f"Class votes ({n} learner{'s' if n != 1 else ''}):"]
    for a in item.data["answers"]:
        k = int((latest["answer"] == a["answer"]).sum())
        lines.append(f"{a['answer']}: {k} ({k / n * 100:.0f}%)")
    return lines
