"""``nbkit new-course INTERVIEW.txt DIR``: a starter course for another interview of the series.

Writes into DIR:

- ``interview.txt``: a byte-for-byte copy of the interview;
- ``00-overview.ipynb``: the card, the questions, the frames and the charts that work for any interview;
- ``NN-<topic>.ipynb``: one notebook per question, titled with the interviewee's name and the question's
  topic, reading the answer paragraph by paragraph (its actors and markers), with quiz items, key points,
  a Discuss prompt and recall questions;
- ``quizzes/<notebook>.yaml``: each notebook's generated quiz bank (:func:`nbkit.quiz.generate_items`), for the
  teacher to review and edit; the notebooks read these files (``nbkit.quiz.show_item``).

The text of the notebooks is in ``nbkit/data/templates/new_course/``; ``nbkit nav`` writes their links and times.
Every notebook runs top to bottom with no edits (``pytest --nbval-lax --nbval-current-env DIR``).
"""

from __future__ import annotations

from pathlib import Path

from .. import OK, PROBLEM, UsageError, say
from .plan import plan_items, write_bank
from .writer import course_stems, write_course

__all__ = ["HELP", "add_arguments", "run", "write_course", "plan_items", "write_bank", "course_stems"]

HELP = "write a starter course (notebooks and editable quiz banks) for another interview"


def add_arguments(p) -> None:
    p.add_argument("interview", metavar="INTERVIEW.txt", help="the interview: one paragraph per line, UTF-8")
    p.add_argument("dir", metavar="DIR", help="folder to write the course into (must be empty or new)")
    p.add_argument("--seed", type=int, default=0, help="first seed of the quiz generator (default 0)")
    p.add_argument("--force", action="store_true", help="write into DIR even if it is not empty (overwrites)")
    p.add_argument(
        "--claims",
        action="store_true",
        help="also write the claims template to code (DIR/annotations/, as nbkit annotate does; docs/coding-rules.md)",
    )


def run(args) -> int:
    """Write a starter course for another interview of the series into DIR.

    DIR gets interview.txt (a copy), 00-overview.ipynb (the card, frames and charts), one NN-<topic>.ipynb
    per question, and quizzes/<notebook>.yaml: generated quiz banks to review and edit. The notebooks read
    the banks in DIR. With --claims, DIR/annotations/ gets the claims template to code: the notebooks'
    argument section shows the coded claims. Check the course with: pytest --nbval-lax --nbval-current-env DIR
    Exit code 1 when DIR is not empty (use --force) or the interview cannot be read.
    """
    import yaml

    src, dest = Path(args.interview), Path(args.dir)
    if not src.is_file():
        raise UsageError(f"{src} not found; give the interview's text file (one paragraph per line)")
    if dest.exists() and not dest.is_dir():
        raise UsageError(f"{dest} is a file; give a folder for the course")
    if dest.is_dir() and any(dest.iterdir()) and not args.force:
        say(f"{dest} is not empty; nothing written. Choose a new folder, or add --force to overwrite.")
        return PROBLEM
    try:
        written = write_course(src, dest, args.seed, claims=args.claims)
    except FileExistsError as exc:
        say(f"{exc} nothing written. Drop --claims to keep it, or move it away first.")
        return PROBLEM
    for p in written:
        print(p)
    n_nb = sum(p.suffix == ".ipynb" for p in written)
    n_items = sum(
        len(yaml.safe_load(p.read_text(encoding="utf-8"))["items"]) for p in written if p.parent.name == "quizzes"
    )
    say(
        f"Course written to {dest}: {n_nb} notebooks, {n_items} generated quiz items (review them: "
        f"nbkit check-bank {dest}/quizzes/*.yaml). Check it with: pytest --nbval-lax --nbval-current-env {dest}"
    )
    if args.claims:
        say(
            f"Claims template written to {dest}/annotations/claims.csv: code it (docs/coding-rules.md, "
            f'"Coding another interview"), check it with: nbkit annotate --check {dest}/interview.txt'
        )
    return OK
