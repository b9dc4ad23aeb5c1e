"""``nbkit progress show|export|merge``: a learner's answers in the terminal, a hand-in file, a class table.

- ``show``: one learner's summary per notebook (items right first time, after retrying, not yet);
- ``export FILE``: the learner's answers as ``.csv`` or ``.json`` to hand in;
- ``merge FOLDER``: every ``.csv``/``.json`` a class handed in, merged into ``class.csv`` (every
  answer, each record once even when a learner handed in overlapping files), ``class-summary.csv``
  (one row per quiz item) and ``class-chart.html`` (self-contained, works offline). A file that
  cannot be read is named on standard error and skipped.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..config import variable
from . import OK, PROBLEM, UsageError, say

HELP = "show a learner's progress, export it for hand-in, or merge a class's files"

MERGE_OUTPUTS = ("class.csv", "class-summary.csv", "class-chart.html")


def add_arguments(p) -> None:
    sub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    store_help = (
        f"the progress file to read (default: ${variable('progress_path')}, else the user data folder's progress.json)"
    )

    s = sub.add_parser(
        "show",
        help="a learner's summary in the terminal",
        description="Print a summary of the answers in a progress file, per notebook.",
    )
    s.add_argument("--file", metavar="PATH", help=store_help)
    s.add_argument("--learner", metavar="NAME", help="only this learner (default: everyone in the file)")

    e = sub.add_parser(
        "export",
        help="write the answers to a .csv or .json file to hand in",
        description="Write every answer in the progress file to FILE (.csv or .json) for hand-in.",
    )
    e.add_argument("output", metavar="FILE", help="file to write; its suffix (.csv or .json) chooses the format")
    e.add_argument("--file", metavar="PATH", help=store_help)

    m = sub.add_parser(
        "merge",
        help="merge a folder of learners' files into a class table and chart",
        description="Merge the .csv and .json files learners handed in (nbkit progress export) "
        "into class.csv, class-summary.csv and class-chart.html. Unreadable files "
        "are reported and skipped; duplicate records are kept once.",
    )
    m.add_argument("folder", metavar="FOLDER", help="folder holding the learners' files")
    m.add_argument("--output", "-o", metavar="DIR", default=".", help="folder to write the class files to (default: .)")


def _store_path(args):
    if args.file and not Path(args.file).is_file():
        raise UsageError(f"{args.file} not found; give the progress file (progress.json) to read")
    return args.file


def show(args) -> int:
    import pandas as pd

    from ..charts.progress_chart import STATUS_COLOURS, progress_summary
    from ..progress.frame import frame
    from ..progress.store import default_path
    from ..quiz.bank import list_banks, load_bank

    path = _store_path(args) or default_path()
    df = frame(path)
    if args.learner:
        df = df[df["learner"] == args.learner]
    if df.empty:
        who = f" for {args.learner}" if args.learner else ""
        print(f"No answers recorded{who} in {path} yet.")
        return PROBLEM
    # polls and free responses (correct is NA) are counted as "Answered (no right answer)"
    summary = progress_summary(df)
    notebooks = sorted(df["notebook"].unique())
    table = summary.pivot_table(index="notebook", columns="status", values="items", aggfunc="sum", fill_value=0)
    table = table.reindex(index=notebooks, columns=list(STATUS_COLOURS), fill_value=0).astype(int)
    table.index.name, table.columns.name = "notebook", None
    banks = set(list_banks())
    table["of items"] = [len(load_bank(nb).items) if nb in banks else pd.NA for nb in table.index]
    learners = sorted(df["learner"].unique())
    print(f"Progress file: {path}")
    print(f"Learner{'s' if len(learners) > 1 else ''}: {', '.join(learners)}")
    print(f"Answers: {len(df)} submissions to {df.groupby(['notebook', 'item']).ngroups} quiz items\n")
    print(table.to_string())
    return OK


def export(args) -> int:
    from ..progress.frame import export as export_progress
    from ..progress.frame import frame

    dest = Path(args.output)
    if dest.suffix.lower() not in (".csv", ".json"):
        raise UsageError(f"{dest.name}: end the file name with .csv or .json")
    path = _store_path(args)
    n = len(frame(path))
    if n == 0:
        print("No answers recorded yet; nothing exported.", file=sys.stderr)
        return PROBLEM
    export_progress(dest, path=path)
    say(f"{n} answers written to {dest}")
    return OK


def merge(args) -> int:
    import pandas as pd

    from ..charts.class_chart import class_chart as chart
    from ..charts.rendering import save_chart
    from ..errors import NbkitError
    from ..quiz.class_results import load, summary

    folder, out = Path(args.folder), Path(args.output)
    if not folder.is_dir():
        raise UsageError(f"{folder} is not a folder; give the folder holding the learners' .csv/.json files")
    files = sorted(
        p
        for p in folder.iterdir()
        if p.is_file()
        and p.suffix.lower() in (".csv", ".json")
        and not (p.name in MERGE_OUTPUTS and p.parent.resolve() == out.resolve())
    )
    frames, skipped = [], 0
    for p in files:
        try:
            frames.append(load(p))
        except (NbkitError, ValueError, TypeError, KeyError, AttributeError, UnicodeDecodeError) as exc:
            say(f"skipped {p.name}: {exc}")
            skipped += 1
    if not frames:
        say(f"No readable progress files in {folder} ({skipped} skipped); nothing written.")
        return PROBLEM
    used = len(frames)
    df = pd.concat(frames, ignore_index=True)
    before = len(df)
    df = df.drop_duplicates(subset=["learner", "notebook", "item", "attempt", "answer", "time"])
    df = df.sort_values(["learner", "notebook", "item", "attempt", "time"], kind="stable").reset_index(drop=True)
    table = summary(df)
    out.mkdir(parents=True, exist_ok=True)
    df.to_csv(out / "class.csv", index=False)
    table.to_csv(out / "class-summary.csv", index=False)
    save_chart(chart(table), out / "class-chart.html")
    for name in MERGE_OUTPUTS:
        print(out / name)
    say(
        f"{used} file(s) merged, {skipped} skipped; {df['learner'].nunique()} learners, {len(df)} answers "
        f"({before - len(df)} duplicates dropped), {len(table)} quiz items"
    )
    return OK


def run(args) -> int:
    """Show a learner's progress, export it for hand-in, or merge a class's files.

    nbkit progress show [--file PATH] [--learner NAME]
    nbkit progress export FILE.csv|FILE.json [--file PATH]
    nbkit progress merge FOLDER [--output DIR]   -> class.csv, class-summary.csv, class-chart.html
    Exit code 1 when there is nothing to show, export or merge.
    """
    return {"show": show, "export": export, "merge": merge}[args.action](args)
