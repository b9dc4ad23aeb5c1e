"""Quiz items generated for any interview of the series, deterministic for a given seed.

One generator per reading skill (:mod:`nbkit.quiz.generators`):

- ``answer_order``: put an answer's paragraphs, or a paragraph's sentences, in order (ordering, understand);
- ``question_match``: which question each paragraph answers (match, understand);
- ``cloze``: an answer sentence with a content word blanked (string, remember);
- ``marker_word``: the word that hedges, boosts or estimates a claim (multiple choice, analyse);
- ``which_paragraph``: which paragraph says a given sentence (multiple choice, remember);
- ``main_actor``: the actor a paragraph names most (multiple choice, analyse).

:func:`generate_items` keeps, of each generator's candidates, the first that passes the cue checks of
``nbkit check-bank`` (:func:`nbkit.quiz.cues.find_cues`: no high or medium risk) together with the items already
chosen, and that does not name the paragraph a "which paragraph" item asks for. Every item says
``purpose: reading`` and ``generated: true``. :func:`generate_bank` returns a :class:`~nbkit.quiz.bank.Bank`
validated by the same schema and evidence checks as the hand-written banks.
"""

from __future__ import annotations

import random
import re
from itertools import islice
from typing import Any

from .bank import Bank, Item, validate_bank
from .generators.actors import main_actor
from .generators.locate import which_paragraph
from .generators.structure import answer_order, question_match
from .generators.words import cloze, marker_word
from .types import Match, Ordering

__all__ = ["GENERATORS", "generate_items", "generate_bank", "question_match", "cloze", "main_actor"]

#: The generators by name, in the order :func:`generate_items` fills them.
GENERATORS = {
    "question_match": question_match,
    "answer_order": answer_order,
    "cloze": cloze,
    "marker_word": marker_word,
    "which_paragraph": which_paragraph,
    "main_actor": main_actor,
}
#: Candidates tried per generator before it is left out.
TRIES = 25
_REFUSED_RISKS = ("high", "medium")


def _shown_paragraphs(item: dict, iv) -> set[int]:
    """Paragraphs an item points to in what every learner sees: its evidence, match labels, and every paragraph
    whose steps an ordering item shows (an answer's paragraphs, for ``q<N>-answer-steps-…``)."""
    shown = {item["evidence"]["paragraph_id"]}
    for pair in item.get("pairs", []):
        shown.add(int(pair["label"].split(":")[0].split()[-1]))
    if item["type"] == Ordering.name and re.match(r"q\d+-answer-steps-", item["id"]):
        qid = int(item["id"][1:].split("-")[0])
        shown |= {int(p) for p in iv.paragraphs.loc[iv.paragraphs["question_id"] == qid, "paragraph_id"]}
    return shown


def _conflicts(item: dict, chosen: list[dict], iv) -> bool:
    """True when ``item`` and a chosen item give each other away in a way the cue checks of single texts cannot
    see: one names or shows the paragraph a "which paragraph" item asks for, or a match item labels (with its
    opening) a paragraph whose steps an ordering item asks to order."""
    for other in chosen:
        for x, y in ((item, other), (other, item)):
            if x["tags"][1] == "which_paragraph" and x["evidence"]["paragraph_id"] in _shown_paragraphs(y, iv):
                return True
            if (
                x["type"] == Ordering.name
                and y["type"] == Match.name
                and _shown_paragraphs(x, iv) & _shown_paragraphs(y, iv)
            ):
                return True
    return False


def _clean(items: list[dict], iv) -> bool:
    """True when the items, read as one bank, have no high- or medium-risk cue finding."""
    from .cues import find_cues

    bank = Bank("99-generated", "generated", "<generated>", tuple(Item("99-generated", d) for d in items))
    findings = find_cues([bank])
    return not findings["risk"].isin(_REFUSED_RISKS).any()


def generate_items(iv=None, seed: int = 0, types=None) -> list[dict]:
    """Generated items as bank item dicts, at most one per generator (``types``: names from :data:`GENERATORS`,
    default all, in that order); same interview and seed, same items."""
    if iv is None:
        from ..course import load_interview

        iv = load_interview()
    names = list(GENERATORS) if types is None else list(types)
    unknown = [n for n in names if n not in GENERATORS]
    if unknown:
        raise ValueError(f"unknown generator {unknown[0]!r}; known: {', '.join(GENERATORS)}")
    rng = random.Random(seed)
    chosen: list[dict] = []
    for name in names:
        for cand in islice(GENERATORS[name](iv, rng, seed), TRIES):
            if not _conflicts(cand, chosen, iv) and _clean([*chosen, cand], iv):
                chosen.append(cand)
                break
    return chosen


def generate_bank(iv=None, seed: int = 0, notebook: str = "90-generated") -> Bank:
    """A validated bank of :func:`generate_items` (evidence checked against ``iv``)."""
    if iv is None:
        from ..course import load_interview

        iv = load_interview()
    doc: dict[str, Any] = {
        "notebook": notebook,
        "title": f"Generated quiz on {iv.interview_id} (seed {seed})",
        "items": generate_items(iv, seed),
    }
    validate_bank(doc, f"<generated {iv.interview_id} seed {seed}>", interview=iv)
    return Bank(notebook, doc["title"], f"<generated seed {seed}>", tuple(Item(notebook, d) for d in doc["items"]))
