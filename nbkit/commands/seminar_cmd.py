"""``nbkit seminar roles|check-plans|votes``: notebook 08's seminar, for the teacher.

- ``roles ROSTER.csv [--seed N]``: a role and a side for every learner (the same for the same roster and seed);
- ``check-plans``: the teaching guide's plans against the notebooks (minutes, items, cards); exit 1 on a problem;
- ``dashboard [DIR]``: writes ``class-votes.ipynb``, the teacher's live view of the votes, into DIR;
- ``votes FOLDER [ITEM [ITEM]]``: the class's votes from a folder of hand-in files, before vs. after
  (default ``poll-before poll-after`` of notebook 08), as a table and, with ``--chart``, a chart file.
  On the class hub, ``nbkit class votes`` shows the same from every learner's progress.
"""

from __future__ import annotations

from pathlib import Path

from . import OK, PROBLEM, UsageError, say

HELP = "the seminar: assign roles from a roster, check the teaching guide's plans, show the class's votes"

NOTEBOOK = "08-seminar-and-review"
POLLS = ("poll-before", "poll-after")


def add_arguments(p) -> None:
    sub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    r = sub.add_parser("roles", help="assign roles and sides from a roster", description=roles.__doc__)
    r.add_argument("roster", metavar="ROSTER.csv", help="the class list: a CSV file with a 'name' column")
    r.add_argument("--seed", type=int, default=0, help="the shuffle's seed (default 0); keep it to repeat the result")
    sub.add_parser("check-plans", help="check the teaching guide's plans", description=check_plans.__doc__)
    d = sub.add_parser("dashboard", help="write the teacher's live votes notebook", description=dashboard.__doc__)
    d.add_argument(
        "dir", metavar="DIR", nargs="?", default=".", help="folder to write class-votes.ipynb to (default .)"
    )
    v = sub.add_parser("votes", help="the class's votes from hand-in files", description=votes.__doc__)
    v.add_argument("folder", metavar="FOLDER", help="folder of the .csv/.json files learners handed in")
    v.add_argument(
        "items", metavar="ITEM", nargs="*", default=list(POLLS), help="one poll, or two with the same options"
    )
    v.add_argument("--notebook", default=NOTEBOOK, help=f"the notebook whose bank holds the polls (default {NOTEBOOK})")
    v.add_argument("--chart", metavar="FILE.html", help="also save the chart (self-contained HTML, works offline)")


def roles(args) -> int:
    """Print a role and a side for each learner of ROSTER.csv (column 'name'), shuffled with --seed."""
    import pandas as pd

    from ..errors import DataValidationError
    from ..seminar import assign_roles

    path = Path(args.roster)
    if not path.is_file():
        raise UsageError(f"{path} not found; give the class list as a CSV file with a 'name' column")
    names = pd.read_csv(path, dtype=str, keep_default_na=False)
    if "name" not in names.columns:
        raise DataValidationError(path, None, "name", "no 'name' column; the first line must name the columns.")
    print(assign_roles(names["name"], seed=args.seed).to_string(index=False))
    return OK


def check_plans(args) -> int:
    """Check the plans of seminar.yaml against notebooks/: rows add up, items and cards are reachable."""
    from ..course import load_interview
    from ..seminar import check_plans as check

    problems = check(load_interview())
    for line in problems:
        say(line)
    if not problems:
        say("The plans add up: every row, item and card is reachable from the notebooks learners do before class.")
    return PROBLEM if problems else OK


def dashboard(args) -> int:
    """Write class-votes.ipynb into DIR: the class's votes on notebook 08's polls, refreshed every 15 seconds,
    from a folder of hand-in files or the class hub. Exit 1 if the file exists already (nothing overwritten)."""
    import shutil

    from ..resources import data_file

    target = Path(args.dir) / "class-votes.ipynb"
    if target.exists():
        say(f"{target} exists; nothing written. Remove it or choose another folder.")
        return PROBLEM
    target.parent.mkdir(parents=True, exist_ok=True)
    with data_file("teacher/class-votes.ipynb").open("rb") as src, open(target, "wb") as dst:
        shutil.copyfileobj(src, dst)
    print(target)
    say('Open it in JupyterLab and run all cells; set VOTES to the folder of hand-in files, or "hub".')
    return OK


def votes(args) -> int:
    """Count the class's latest vote per learner on one poll, or on two polls with the same options (before,
    after), from a folder of hand-in files (nbkit progress export). Exit 1 when no file can be read."""
    from ..quiz.class_results import load_folder

    folder = Path(args.folder)
    if not folder.is_dir():
        raise UsageError(f"{folder} is not a folder; give the folder of the learners' .csv/.json files")
    results, skipped = load_folder(folder)
    for name, reason in skipped:
        say(f"skipped {name}: {reason}")
    if results.empty:
        say(f"No readable progress files in {folder}; nothing to count.")
        return PROBLEM
    return show_votes(results, args)


def add_vote_arguments(p) -> None:
    """The arguments ``nbkit seminar votes`` and ``nbkit class votes`` share."""
    p.add_argument(
        "items", metavar="ITEM", nargs="*", default=list(POLLS), help="one poll, or two with the same options"
    )
    p.add_argument("--notebook", default=NOTEBOOK, help=f"the notebook whose bank holds the polls (default {NOTEBOOK})")
    p.add_argument("--chart", metavar="FILE.html", help="also save the chart (self-contained HTML, works offline)")


def show_votes(results, args) -> int:
    """Print the vote table of ``results`` for ``args.items`` (and save the chart with ``--chart``)."""
    from ..quiz.votes import vote_table

    if len(args.items) not in (1, 2):
        raise UsageError("give one poll, or two polls with the same options (before and after)")
    table = vote_table(results, args.notebook, *args.items)
    print(table.to_string(index=False))
    say(", ".join(f"{n} learners voted {k}" for k, n in table.attrs["learners"].items()))
    if args.chart:
        from ..charts.rendering import save_chart
        from ..charts.vote_chart import vote_chart

        print(save_chart(vote_chart(table), args.chart))
    return OK


def run(args) -> int:
    """The seminar of notebook 08 for the teacher.

    nbkit seminar roles ROSTER.csv [--seed N]
    nbkit seminar check-plans
    nbkit seminar dashboard [DIR]
    nbkit seminar votes FOLDER [ITEM [ITEM]] [--chart FILE.html]
    """
    return {"roles": roles, "check-plans": check_plans, "dashboard": dashboard, "votes": votes}[args.action](args)
