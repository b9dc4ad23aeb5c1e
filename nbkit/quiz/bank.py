"""Load quiz banks (YAML, one per notebook) and validate them against ``data/schemas/quiz_bank.schema.json``.

Structure is checked by jsonschema (draft 2020-12); the few rules a schema cannot state are
checked here (unique ids, evidence quoted verbatim from the interview) and by each item type
(:meth:`nbkit.quiz.types.ItemType.problems`, e.g. match answers among the options). Every problem raises :class:`nbkit.errors.QuizBankError` naming the file,
the item and the field.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import QuizBankError
from ..quotes import QuoteError, anchor, paragraph_texts
from ..resources import data_file
from ..validation import dotted, explain, load_schema, parse_yaml, validator
from .types import TYPES as _ITEM_TYPES
from .types import item_type, names

__all__ = ["Item", "Bank", "load_bank", "validate_bank", "list_banks", "get_item", "schema"]

#: Type names in the order the answer key and docs list them (the classes: :mod:`nbkit.quiz.types`).
TYPES = names()

#: Fields that belong to some item types only, in the order a misplaced one is reported.
_TYPE_FIELDS = tuple(dict.fromkeys(f for t in _ITEM_TYPES for f in t.fields))


@dataclass(frozen=True)
class Item:
    """One quiz item: ``notebook`` (bank stem), ``id``, ``type`` and the item's fields in ``data``."""

    notebook: str
    data: dict = field(repr=False, compare=False)

    @property
    def id(self) -> str:
        return self.data["id"]

    @property
    def type(self) -> str:
        return self.data["type"]

    @property
    def question(self) -> str:
        return self.data["question"]

    @property
    def explanation(self) -> str:
        return self.data["explanation"]

    @property
    def quote(self) -> str:
        return self.data["evidence"]["quote"]

    @property
    def paragraph_id(self) -> int:
        return self.data["evidence"]["paragraph_id"]

    @property
    def dom_class(self) -> str:
        """Deterministic CSS class of this item's widget, e.g. ``nbkit-quiz-00-start-here-series``."""
        return f"nbkit-quiz-{self.notebook}-{self.id}"

    def __repr__(self) -> str:
        return f"<Item {self.notebook}/{self.id} ({self.type})>"


@dataclass(frozen=True)
class Bank:
    """A validated bank: ``notebook`` (stem), ``title``, ``path`` and ``items`` (tuple of :class:`Item`)."""

    notebook: str
    title: str
    path: str
    items: tuple[Item, ...]

    def item(self, item_id: str) -> Item:
        for it in self.items:
            if it.id == item_id:
                return it
        known = ", ".join(it.id for it in self.items)
        raise QuizBankError(self.path, item_id, None, f"no item with this id; the bank has: {known}")

    def ids(self) -> list[str]:
        return [it.id for it in self.items]


#: The quiz-bank JSON Schema, under ``nbkit/data/``.
SCHEMA = "schemas/quiz_bank.schema.json"


def schema() -> dict:
    """The quiz-bank JSON Schema (a fresh copy)."""
    return load_schema(SCHEMA)


def list_banks() -> list[str]:
    """Stems of the bundled banks, sorted (``nbkit/data/quizzes/*.yaml``)."""
    folder = data_file("quizzes")
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".yaml"))


def load_bank(source: str | Path, interview=None) -> Bank:
    """Read and validate a bank.

    ``source`` is a bundled stem ("00-start-here") or a path to a YAML file. Evidence
    quotes are checked against ``interview`` (default: the bundled interview).
    """
    if interview is None and isinstance(source, str) and not source.endswith((".yaml", ".yml")):
        return _load_bundled(source)
    path = Path(source)
    if not path.exists():
        raise QuizBankError(
            path, None, None, "file not found; give a notebook stem such as '00-start-here' or a YAML path"
        )
    return _load_text(path.read_text(encoding="utf-8"), str(path), interview)


@cache
def _load_bundled(stem: str) -> Bank:
    ref = data_file(f"quizzes/{stem}.yaml")
    if not ref.is_file():
        raise QuizBankError(
            f"{stem}.yaml", None, None, f"no bundled quiz bank for notebook '{stem}'; banks: {', '.join(list_banks())}"
        )
    return _load_text(ref.read_text(encoding="utf-8"), str(ref), None)


def get_item(notebook: str, item_id: str) -> Item:
    """One item of a bundled bank."""
    return load_bank(notebook).item(item_id)


def _load_text(text: str, path: str, interview) -> Bank:
    doc = parse_yaml(text, path, QuizBankError)
    validate_bank(doc, path, interview)
    items = tuple(Item(doc["notebook"], copy.deepcopy(d)) for d in doc["items"])
    return Bank(doc["notebook"], doc["title"], path, items)


def validate_bank(doc: Any, path: str | Path = "<bank>", interview=None) -> None:
    """Raise :class:`QuizBankError` for the first problem in a parsed bank ``doc``; None if valid.

    Three steps, each in one function: the JSON Schema (:func:`_schema_problem`), the rules of each
    item type and unique ids (:func:`_check_items`), the evidence quotes (:func:`_check_quote`).
    """
    path = str(path)
    error = _schema_problem(list(validator(SCHEMA).iter_errors(doc)), doc, path)
    if error is not None:
        raise error
    _check_items(doc, path, interview)


# -- error messages (the seams a shared validation module can take over) -----------------------


def _schema_problem(errors: list, doc, path: str) -> QuizBankError | None:
    """The error to report for jsonschema's ``errors`` (the best match in the first item that has one)."""
    if not errors:
        return None
    from ..jsonschema_import import import_jsonschema

    def item_index(e):
        p = list(e.absolute_path)
        return p[1] if len(p) >= 2 and p[0] == "items" and isinstance(p[1], int) else -1

    first = min(item_index(e) for e in errors)
    best = import_jsonschema().exceptions.best_match(e for e in errors if item_index(e) == first)
    return _to_bank_error(best, doc, path)


def _item_name(doc, index) -> str:
    try:
        item_id = doc["items"][index].get("id")
    except (AttributeError, IndexError, KeyError, TypeError):
        item_id = None
    return item_id if isinstance(item_id, str) and item_id else f"#{index + 1}"


def _to_bank_error(err, doc, path: str) -> QuizBankError:
    """The error for one jsonschema error: :func:`nbkit.validation.explain` words it, except the two rules
    that depend on the item's type (which fields it may have, which answers it needs)."""
    p = list(err.absolute_path)
    item, rest = None, p
    if len(p) >= 2 and p[0] == "items":
        item, rest = _item_name(doc, p[1]), p[2:]
    inst = err.instance
    if err.validator == "not" and isinstance(inst, dict):
        banned = [k for k in _TYPE_FIELDS if k in inst]
        field = banned[0] if banned else dotted(rest)
        return QuizBankError(path, item, field, f"does not belong to a {inst.get('type')} item")
    if err.validator in ("contains", "minContains", "maxContains"):
        kind = doc["items"][p[1]].get("type") if item else None
        hint = item_type(kind).contains_hint if kind in TYPES else "a correct answer"
        return QuizBankError(path, item, dotted(rest), f"a {kind} item needs {hint}")
    finding = explain(err)
    return QuizBankError(path, item, dotted(finding.path[len(p) - len(rest) :]), finding.reason)


# -- rules a schema cannot state ---------------------------------------------------------------


def _check_items(doc: dict, path: str, interview) -> None:
    """Unique ids, evidence quoted verbatim, and each item type's own rules (:meth:`ItemType.problems`)."""
    if interview is None:
        from ..interview import load_interview

        interview = load_interview()
    paragraphs = paragraph_texts(interview.paragraphs)
    seen: set[str] = set()
    for d in doc["items"]:
        name = d["id"]
        if name in seen:
            raise QuizBankError(path, name, "id", "this id is used twice in the bank; ids must be unique")
        seen.add(name)
        _check_quote(paragraphs, d["evidence"], path, name)
        problems = item_type(d["type"]).problems(d)
        if problems:
            raise QuizBankError(path, name, *problems[0])


def _check_quote(paragraphs: dict[int, str], evidence: dict, path: str, name: str) -> None:
    """Raise unless ``evidence["quote"]`` is verbatim in paragraph ``evidence["paragraph_id"]`` (:func:`nbkit.quotes.anchor`)."""
    try:
        anchor(evidence["quote"], evidence["paragraph_id"], paragraphs)
    except QuoteError as exc:
        raise QuizBankError(path, name, f"evidence.{exc.field}", exc.reason) from None
