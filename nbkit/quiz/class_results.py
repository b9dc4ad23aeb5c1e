"""Class results for teachers: merge learners' exported progress files into one frame, summarise per item.

Every record is checked against the progress record schema (``data/schemas/progress_record.schema.json``,
the one the progress store uses). The chart is :func:`nbkit.charts.class_chart.class_chart`; polls
show the class's votes when the frame is passed to ``nbkit.quiz.show(..., class_results=frame)``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

from ..errors import DataValidationError
from ..progress.store import FIELDS, RECORD_SCHEMA
from ..validation import check

__all__ = ["load", "load_folder", "summary"]

_SPACED_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2}) (?=\d)")  # pandas writes CSV times as "2024-09-01 10:00:00+00:00"


def _rows(path: Path) -> list:
    """The rows of one exported file (CSV: every value a string; JSON: as written)."""
    import pandas as pd

    if not path.exists():
        raise DataValidationError(path, None, None, "file not found; give the CSV or JSON files learners exported")
    if path.suffix.lower() == ".csv":
        return pd.read_csv(path, dtype=str, keep_default_na=False).to_dict("records")
    if path.suffix.lower() == ".json":
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise DataValidationError(path, None, None, f"not valid JSON ({exc})") from None
        rows = doc["records"] if isinstance(doc, dict) and "records" in doc else doc
        if not isinstance(rows, list):
            raise DataValidationError(path, None, None, "expected a list of records (nbkit.progress.export output)")
        return rows
    raise DataValidationError(path, None, None, "expected a .csv or .json file from nbkit.progress.export")


def _typed(row: dict) -> dict:
    """A row with the text a CSV holds read as the record's types (attempt, correct, time); the rest unchanged."""
    rec = dict(row)
    attempt, correct, time = rec.get("attempt"), rec.get("correct"), rec.get("time")
    if isinstance(attempt, str) and attempt.strip().isdigit():
        rec["attempt"] = int(attempt)
    if isinstance(correct, str):
        rec["correct"] = {"true": True, "false": False, "": None}.get(correct.strip().lower(), correct)
    if isinstance(time, str):
        rec["time"] = _SPACED_TIME.sub(r"\1T", time.strip())
    return rec


def _read_one(path: Path) -> list[dict]:
    out = []
    for i, row in enumerate(_rows(path), start=1):
        rec = _typed(row) if isinstance(row, dict) else row
        check(rec, RECORD_SCHEMA, DataValidationError, str(path), i)
        out.append({f: rec[f] for f in FIELDS})
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


def load_folder(folder: str | Path, skip: Iterable[str] = ()):
    """Every ``.csv``/``.json`` file a class handed in to ``folder``, merged as :func:`load` does.

    Returns ``(frame, skipped)``: ``skipped`` lists ``(file name, reason)`` for each file that cannot be read
    (it is left out, not fatal) and leaves out the names in ``skip``. An empty folder gives an empty frame.
    """
    import pandas as pd

    from ..errors import NbkitError
    from ..progress.frame import records_to_frame

    frames, skipped = [], []
    for p in sorted(Path(folder).iterdir()):
        if not p.is_file() or p.suffix.lower() not in (".csv", ".json") or p.name in set(skip):
            continue
        try:
            frames.append(load(p))
        except (NbkitError, ValueError, TypeError, KeyError, AttributeError, UnicodeDecodeError) as exc:
            skipped.append((p.name, str(exc)))
    if not frames:
        return records_to_frame([]), skipped
    df = pd.concat(frames, ignore_index=True)
    df = df.drop_duplicates(subset=["learner", "notebook", "item", "attempt", "answer", "time"])
    return df.sort_values(["learner", "notebook", "item", "attempt", "time"], kind="stable").reset_index(
        drop=True
    ), skipped


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
        rows.append(
            {
                "notebook": nb,
                "item": item,
                "n_learners": int(g["learner"].nunique()),
                "n_attempts": len(g),
                "pct_correct_first": float(first["correct"].astype(float).mean() * 100) if graded else float("nan"),
                "pct_correct_last": float(last["correct"].astype(float).mean() * 100) if graded else float("nan"),
                "common_wrong": common,
            }
        )
    cols = ["notebook", "item", "n_learners", "n_attempts", "pct_correct_first", "pct_correct_last", "common_wrong"]
    return pd.DataFrame(rows, columns=cols)
