"""Learner-facing text never sends learners to the course's private context files (issue 12, X2)."""

from __future__ import annotations

import re

import nbformat
import pytest

import nbkit
from nbkit.quiz.bank import list_banks, load_bank

from .conftest import ROOT

PRIVATE = re.compile(r"facts[-_ ]?(?:treaty|file)|facts\.md|context files?", re.I)
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_notebook_cell_names_a_facts_file(path):
    cells = nbformat.read(path, as_version=4).cells
    assert [i for i, c in enumerate(cells) if PRIVATE.search(c.source)] == []


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


@pytest.mark.parametrize("stem", list_banks())
def test_no_quiz_item_names_a_facts_file(stem):
    """Every string learners can see in an item (its comments in the YAML file are for authors)."""
    leaks = [(it.id, t) for it in load_bank(stem).items for t in _strings(it.data) if PRIVATE.search(t)]
    assert leaks == []


def test_no_frame_learners_see_names_a_facts_file():
    iv = nbkit.load_interview()
    for name in ("timeline", "treaty_articles", "outside_views", "claims", "glossary"):
        frame = getattr(iv, name)
        text = frame.select_dtypes(include=["object", "string", "str"]).astype(str).to_numpy().ravel()
        assert [t for t in text if PRIVATE.search(t)] == [], name


def test_the_pattern_finds_what_it_must():
    for leak in ("see facts.md", "the facts file", "facts-treaty-and-after.md §B", "the course's context files"):
        assert PRIVATE.search(leak)
    assert not PRIVATE.search("the course timeline (`interview.timeline`) gives a source for each event")
