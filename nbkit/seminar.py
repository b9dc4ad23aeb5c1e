"""Notebook 08's seminar as data (``nbkit/data/seminar.yaml``): the motion, roles, running order, rubric and plans.

:func:`assign_roles` gives every learner of a roster a role and a side, the same for the same roster and seed.
:func:`check_plans` checks the teaching guide's plans against the notebooks: the minutes add up, and every quiz
item and evidence card a plan uses can be reached from the notebooks learners do before class.

>>> seminar()["motion"]
'Pyongyang and Moscow intend a lasting alignment, one meant to outlast the war in Ukraine.'
>>> roles = assign_roles(["Ana", "Ben", "Chen", "Dara"], seed=1)
>>> roles.groupby("learner")["role"].first().to_dict()
{'(teacher)': 'chair', 'Ana': 'speaker', 'Ben': 'speaker', 'Chen': 'speaker', 'Dara': 'speaker'}
"""

from __future__ import annotations

import random
from functools import cache
from pathlib import Path

import pandas as pd

from .errors import NbkitError
from .resources import data_file
from .validation import check, parse_yaml, read_text

__all__ = ["SeminarError", "seminar", "assign_roles", "debate_minutes", "before_class", "check_plans", "plan_minutes"]


class SeminarError(NbkitError, ValueError):
    """seminar.yaml or a roster cannot be used. Attributes: ``path`` (or None), ``reason``."""

    def __init__(self, path: str | Path | None, reason: str):
        self.path, self.reason = (None if path is None else str(path)), reason
        super().__init__(f"{Path(self.path).name}: {reason}" if self.path else reason)


def _error(path, place, field, reason):
    return SeminarError(path, f"field '{field}': {reason}" if field else reason)


@cache
def seminar() -> dict:
    """The contents of ``seminar.yaml``, checked against ``schemas/seminar.schema.json`` (read once)."""
    source = data_file("seminar.yaml")
    doc = parse_yaml(read_text(source, _error), str(source), _error)
    check(doc, "schemas/seminar.schema.json", _error, str(source))
    return doc


def debate_minutes() -> int:
    """The debate's length: the running order's steps, per-side steps counted twice.

    >>> debate_minutes()
    20
    """
    return sum(s["minutes"] * (2 if s.get("per_side") else 1) for s in seminar()["running_order"])


def assign_roles(names, seed: int = 0) -> pd.DataFrame:
    """A role and a side for each learner: columns ``learner``, ``role``, ``side`` (empty for roles of no side).

    The roster is sorted, then shuffled with ``seed``, so the same names and seed always give the same
    assignment whatever order the names come in. Roles are filled in ``seminar.yaml``'s order; a role whose
    ``min_class`` the class does not reach is held by the teacher (a row with learner ``"(teacher)"``).
    Raises :class:`SeminarError` for a duplicate name or a class smaller than ``min_learners``.
    """
    names = [str(n).strip() for n in names]
    doc = seminar()
    dup = sorted({n for n in names if names.count(n) > 1})
    if dup:
        raise SeminarError(None, f"the roster names {', '.join(dup)} more than once; give each learner once.")
    if len(names) < doc["min_learners"]:
        raise SeminarError(
            None,
            f"a debate needs at least {doc['min_learners']} learners (two speakers per side), the roster has "
            f"{len(names)}; with fewer, hold the debate as a whole-class discussion.",
        )
    order = sorted(names)
    random.Random(seed).shuffle(order)
    sides = [doc["sides"]["for"], doc["sides"]["against"]]
    rows: list[dict] = []
    for spec in doc["roles"]:
        reached = len(names) >= spec.get("min_class", 0)
        if spec["count"] == "rest":
            rows += [{"learner": n, "role": spec["role"], "side": ""} for n in order]
            order = []
            continue
        for _ in range(spec["count"]):
            for side in sides if spec.get("each_side") else [""]:
                if reached and order:
                    rows.append({"learner": order.pop(0), "role": spec["role"], "side": side})
                elif spec["role"] != "speaker":
                    rows.append({"learner": "(teacher)", "role": spec["role"], "side": side})
    return pd.DataFrame(rows, columns=["learner", "role", "side"])


def _notebooks(folder: Path) -> dict[str, Path]:
    return {p.stem[:2]: p for p in sorted(folder.glob("[0-9][0-9]-*.ipynb"))}


def plan_minutes(plan: str, folder: str | Path | None = None) -> int:
    """Minutes of work before class for ``plan`` ("50" or "90"), from the seat-time model: each listed notebook's
    core path, or the one section named."""
    from .seat_time import notebook_time, section_time

    paths = _notebooks(_folder(folder))
    return sum(
        notebook_time(paths[b["notebook"]]).core
        if "section" not in b
        else section_time(paths[b["notebook"]], b["section"])
        for b in seminar()["plans"][plan]["before"]
    )


def before_class(plan: str, folder: str | Path | None = None) -> list[int]:
    """The interview paragraphs learners read before class for ``plan``: the ``nbkit.reads`` of each whole
    notebook listed (a single section adds none), sorted."""
    import nbformat

    paths = _notebooks(_folder(folder))
    reads: set[int] = set()
    for b in seminar()["plans"][plan]["before"]:
        if "section" not in b:
            nb = nbformat.read(paths[b["notebook"]], as_version=4)
            reads.update(nb.metadata.get("nbkit", {}).get("reads", []))
    return sorted(reads)


def _folder(folder) -> Path:
    """The course's notebooks: ``folder``; by default the current folder when it holds them (a notebook's kernel
    runs in ``notebooks/``), else ``notebooks/`` below it (where the commands run)."""
    if folder is not None:
        return Path(folder)
    return Path(".") if any(Path(".").glob("00-*.ipynb")) else Path("notebooks")


def _headings(path: Path) -> list[str]:
    import nbformat

    nb = nbformat.read(path, as_version=4)
    return [
        ln.lstrip("#").strip()
        for c in nb.cells
        if c.cell_type == "markdown"
        for ln in c.source.splitlines()
        if ln.startswith("#")
    ]


def _shown_items(path: Path) -> set[str]:
    """Ids of the quiz items a notebook's code cells show (``quiz.show(notebook, "id")``)."""
    import re

    import nbformat

    nb = nbformat.read(path, as_version=4)
    return {
        m.group(1)
        for c in nb.cells
        if c.cell_type == "code"
        for m in re.finditer(r"quiz\.show\(\s*\"[^\"]+\"\s*,\s*\"([^\"]+)\"", c.source)
    }


def check_plans(interview=None, folder: str | Path | None = None) -> list[str]:
    """Problems with the plans of ``seminar.yaml`` (an empty list when there are none).

    Checked per plan: the rows run from 0 to the plan's length without gaps or overlaps; each notebook and
    section a row or the before-class list names exists; each item a row uses is shown in the row's notebook;
    the debate rows last :func:`debate_minutes`; every evidence card of the plan's deck
    (:func:`nbkit.debate.debate_deck`) can be reached from the before-class notebooks.
    """
    from .debate import debate_deck

    paths = _notebooks(_folder(folder))
    problems: list[str] = []
    for name, plan in seminar()["plans"].items():
        where = f"plan {name}"
        rows = plan["rows"]
        if rows[0]["start"] != 0 or rows[-1]["end"] != plan["minutes"]:
            problems.append(f"{where}: the rows run {rows[0]['start']}–{rows[-1]['end']}, not 0–{plan['minutes']}.")
        for a, b in zip(rows, rows[1:]):
            if a["end"] != b["start"]:
                problems.append(f"{where}: row {a['start']}–{a['end']} is followed by {b['start']}–{b['end']}.")
        for spec in [*plan["before"], *rows]:
            nb = spec.get("notebook")
            if nb is None:
                continue
            if nb not in paths:
                problems.append(f"{where}: no notebook {nb}-*.ipynb.")
                continue
            if "section" in spec and spec["section"] not in _headings(paths[nb]):
                problems.append(f"{where}: notebook {nb} has no heading “{spec['section']}”.")
            missing = set(spec.get("items", [])) - _shown_items(paths[nb])
            if missing:
                problems.append(f"{where}: notebook {nb} does not show the item(s) {', '.join(sorted(missing))}.")
        debate = [r for r in rows if r.get("section") == "Running the debate"]
        if [r["end"] - r["start"] for r in debate] != [debate_minutes()]:
            problems.append(f"{where}: the debate rows do not last {debate_minutes()} minutes (seminar.yaml).")
        if interview is not None:
            read = set(before_class(name, folder))
            deck = debate_deck(interview, read)
            unread = sorted({int(w.split()[1]) for w in deck.loc[deck["origin"] == "interview", "where"]} - read)
            if unread:
                problems.append(f"{where}: the deck cites paragraphs {unread}, which no before-class notebook reads.")
    return problems
