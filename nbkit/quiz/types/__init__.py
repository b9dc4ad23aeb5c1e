"""Quiz item types: one class per type, found by name.

Each class knows how to check a response, build its widgets and read them, name them for assistive
technology (:meth:`ItemType.aria_rules`), print itself where no kernel runs, state its answer for the key,
which of its strings give the answer away, and the bank rules a schema cannot state. Adding a type: one class
here (listed in :data:`TYPES`) and its entry in
``nbkit/data/schemas/quiz_bank.schema.json`` (see docs/quiz-format.md).
"""

from __future__ import annotations

from .arrange import Match, Ordering, display_order
from .base import ItemType, Result, incomplete
from .choice import ManyChoice, MultipleChoice, Poll, TrueFalse
from .text import RATING_SCALE, FreeResponse, String, normalize, rating_scale

__all__ = [
    "ItemType",
    "Result",
    "TYPES",
    "item_type",
    "names",
    "MultipleChoice",
    "ManyChoice",
    "TrueFalse",
    "String",
    "Ordering",
    "Match",
    "FreeResponse",
    "Poll",
    "display_order",
    "normalize",
    "rating_scale",
    "RATING_SCALE",
    "incomplete",
]

#: Every item type, in the order the answer key and the docs list them.
TYPES: tuple[ItemType, ...] = (
    MultipleChoice(),
    ManyChoice(),
    TrueFalse(),
    String(),
    Ordering(),
    Match(),
    FreeResponse(),
    Poll(),
)

_BY_NAME = {t.name: t for t in TYPES}


def names() -> tuple[str, ...]:
    """The type names, in the order of :data:`TYPES`.

    >>> names()[:2]
    ('multiple_choice', 'many_choice')
    """
    return tuple(_BY_NAME)


def item_type(name: str) -> ItemType:
    """The item type called ``name`` (raises ValueError for an unknown name)."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise ValueError(f"unknown item type {name!r}; known types: {', '.join(_BY_NAME)}") from None
