"""The progress store as a pandas frame, and export for hand-in."""

from __future__ import annotations

from pathlib import Path

from .store import FIELDS, ProgressStore

__all__ = ["frame", "records_to_frame", "export"]


def records_to_frame(records: list[dict]):
    """Records (dicts with keys learner, notebook, item, attempt, answer, correct, time) as a frame.

    Columns: learner (str), notebook (str, bank stem), item (str, item id), attempt (int, 1 for the
    first try of that learner at that item), answer (str, the response as text), correct (boolean,
    NA for polls and free responses), time (datetime64, UTC).
    """
    import pandas as pd

    df = pd.DataFrame([{k: r.get(k) for k in FIELDS} for r in records], columns=list(FIELDS))
    for col in ("learner", "notebook", "item", "answer"):
        df[col] = df[col].astype("str")
    df["attempt"] = df["attempt"].astype("int64")
    df["correct"] = df["correct"].astype("boolean")
    df["time"] = pd.to_datetime(df["time"], utc=True, format="ISO8601")
    return df


def frame(path: str | Path | None = None):
    """Every recorded submission, oldest first (see :func:`records_to_frame` for the columns)."""
    return records_to_frame(ProgressStore(path).records())


def export(dest: str | Path, fmt: str | None = None, path: str | Path | None = None) -> Path:
    """Write the progress to ``dest`` for hand-in, as CSV or JSON (from ``fmt`` or the file suffix)."""
    dest = Path(dest)
    fmt = (fmt or dest.suffix.lstrip(".") or "csv").lower()
    df = frame(path)
    if fmt == "csv":
        df.to_csv(dest, index=False)
    elif fmt == "json":
        df.to_json(dest, orient="records", date_format="iso", force_ascii=False, indent=1)
    else:
        raise ValueError(f"export format must be 'csv' or 'json', not {fmt!r}")
    return dest
