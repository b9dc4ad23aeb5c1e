"""Which generated quiz items go to which notebook of a starter course, and the bank files that hold them."""

from __future__ import annotations

from numbers import Real
from pathlib import Path

__all__ = ["MAX_ITEMS", "SEEDS", "BANK_HEADER", "plan_items", "write_bank", "bank_doc", "generator"]

MAX_ITEMS = 5  # per question notebook; the overview gets the matching item(s)
MAX_OVERVIEW = 1
SEEDS = 20  # generator seeds tried at most to fill the banks

BANK_HEADER = """\
# Quiz bank for {stem}.ipynb, written by `nbkit new-course` from interview.txt.
# Every item below was GENERATED (it says so: generated / tags): review each one before class.
# Check the bank with `nbkit check-bank quizzes/*.yaml`; reword questions and feedback, delete items, add your own
# (format: docs/quiz-format.md in nbkit). Each evidence quote must stay verbatim from interview.txt.
"""


def bank_doc(stem: str, title: str, items: list[dict]) -> dict:
    """A bank document (the YAML's content) for a notebook."""
    return {"notebook": stem, "title": title, "items": items}


def _risks(plan: dict[str, list[dict]]) -> int:
    """The number of high- and medium-risk cue findings (``nbkit check-bank``) of the planned banks, read as one
    course (the generators keep to the same bar)."""
    from ...quiz.bank import Bank, Item
    from ...quiz.cues import find_cues

    banks = [
        Bank(stem, stem, f"<{stem}>", tuple(Item(stem, d) for d in items)) for stem, items in plan.items() if items
    ]
    if not banks:
        return 0
    found = find_cues(banks)
    return int(found["risk"].isin(["high", "medium"]).sum())


def _valid(item: dict, iv) -> bool:
    from ...errors import QuizBankError
    from ...quiz.bank import validate_bank

    try:
        validate_bank(bank_doc("00-check", "check", [item]), "<generated>", interview=iv)
    except QuizBankError:
        return False
    return True


def generator(item: dict) -> str:
    """The generator (reading skill) that wrote an item, from its tags (``[generated, <generator>, <skill>]``)."""
    from ...quiz.generate import GENERATORS

    return next((t for t in item.get("tags", []) if t in GENERATORS), item["type"])


def _enough(candidates: list[tuple[str, dict]], stems: dict) -> bool:
    """True when every question notebook has as many item types to choose from as the generator gives,
    and a few spare items."""
    types = {generator(item) for _, item in candidates}
    for q, stem in stems.items():
        mine = [item for s, item in candidates if s == stem]
        if q is not None and (
            len({generator(it) for it in mine}) < min(len(types), MAX_ITEMS) or len(mine) < MAX_ITEMS + 2
        ):
            return False
    return True


def plan_items(iv, stems: dict[int | None, str], seed: int = 0) -> dict[str, list[dict]]:
    """Generated items per notebook stem (``stems``: question id -> stem, None -> the overview).

    Matching items go to the overview, every other item to the notebook of the question whose answer
    holds its evidence. A notebook takes an item of a generator it lacks before a second item of a type it has, at most
    :data:`MAX_ITEMS`; an item is kept only if it is valid, new, and adds no high- or medium-risk cue to the course.
    """
    from ...quiz.generate import generate_items
    from ...quiz.types import Match

    qid = dict(zip(iv.paragraphs["paragraph_id"], iv.paragraphs["question_id"]))
    plan: dict[str, list[dict]] = {s: [] for s in stems.values()}
    overview = stems[None]
    candidates: list[tuple[str, dict]] = []
    seen: set[tuple[str, str]] = set()
    for s in range(seed, seed + SEEDS):
        for item in generate_items(iv, s):
            key = (item["type"], item["question"])
            if key in seen:
                continue
            seen.add(key)
            q = qid.get(item.get("evidence", {}).get("paragraph_id"))
            on_question = item["type"] != Match.name and isinstance(q, Real) and q == q  # NaN: not in an answer
            stem = stems.get(int(float(q))) if on_question and isinstance(q, Real) else overview
            if stem is not None:
                candidates.append((stem, item))
        if _enough(candidates, stems):
            break
    for distinct in (True, False):  # first one item of each type per notebook, then fill up
        for stem, item in candidates:
            items = plan[stem]
            cap = MAX_OVERVIEW if stem == overview else MAX_ITEMS
            if len(items) >= cap or any(it is item for it in items):
                continue
            if distinct and any(generator(it) == generator(item) for it in items):
                continue
            if any(it["id"] == item["id"] for its in plan.values() for it in its) or not _valid(item, iv):
                continue
            items.append(item)
            if _risks(plan):
                items.pop()
    return plan


def write_bank(path: Path, stem: str, title: str, items: list[dict], iv) -> None:
    """Validate and write one notebook's bank (atomic: a temporary file renamed into place)."""
    import os
    import tempfile

    import yaml

    from ...quiz.bank import validate_bank

    doc = bank_doc(stem, title, items)
    validate_bank(doc, path, interview=iv)
    text = BANK_HEADER.format(stem=stem) + yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=100)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)
