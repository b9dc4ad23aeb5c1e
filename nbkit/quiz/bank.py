"""Load quiz banks (YAML, one per notebook) and validate them against ``data/quiz_schema.json``.

Structure is checked by jsonschema (draft 2020-12); the few rules a schema cannot state are
checked here (unique ids, evidence quoted verbatim from the interview) and by each item type
(:meth:`nbkit.quiz.types.ItemType.problems`, e.g. match answers among the options). Every problem raises :class:`nbkit.errors.QuizBankError` naming the file,
the item and the field.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import QuizBankError
from ..resources import data_file
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


@lru_cache(maxsize=1)
def schema() -> dict:
    """The quiz-bank JSON Schema (a fresh copy is not needed: treat it as read-only)."""
    return json.loads(data_file("quiz_schema.json").read_text(encoding="utf-8"))


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
        raise QuizBankError(path, None, None, "file not found; give a notebook stem such as '00-start-here' or a YAML path")
    return _load_text(path.read_text(encoding="utf-8"), str(path), interview)


@lru_cache(maxsize=None)
def _load_bundled(stem: str) -> Bank:
    ref = data_file(f"quizzes/{stem}.yaml")
    if not ref.is_file():
        raise QuizBankError(f"{stem}.yaml", None, None,
                            f"no bundled quiz bank for notebook '{stem}'; banks: {', '.join(list_banks())}")
    return _load_text(ref.read_text(encoding="utf-8"), str(ref), None)


def get_item(notebook: str, item_id: str) -> Item:
    """One item of a bundled bank."""
    return load_bank(notebook).item(item_id)


def _load_text(text: str, path: str, interview) -> Bank:
    import yaml

    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise _yaml_error(exc, path) from None
    validate_bank(doc, path, interview)
    items = tuple(Item(doc["notebook"], copy.deepcopy(d)) for d in doc["items"])
    return Bank(doc["notebook"], doc["title"], path, items)


def validate_bank(doc: Any, path: str | Path = "<bank>", interview=None) -> None:
    """Raise :class:`QuizBankError` for the first problem in a parsed bank ``doc``; None if valid.

    Three steps, each in one function: the JSON Schema (:func:`_schema_problem`), the rules of each
    item type and unique ids (:func:`_check_items`), the evidence quotes (:func:`_check_quote`).
    """
    from ..jsonschema_import import import_jsonschema

    path = str(path)
    validator = import_jsonschema().Draft202012Validator(schema())
    error = _schema_problem(list(validator.iter_errors(doc)), doc, path)
    if error is not None:
        raise error
    _check_items(doc, path, interview)


# -- error messages (the seams a shared validation module can take over) -----------------------

def _yaml_error(exc, path: str) -> QuizBankError:
    """The error for a bank that is not valid YAML (line and column when PyYAML knows them)."""
    mark = getattr(exc, "problem_mark", None)
    where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
    return QuizBankError(path, None, None, f"not valid YAML{where}: {getattr(exc, 'problem', exc)}")


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
    p = list(err.absolute_path)
    item, rest = None, p
    if len(p) >= 2 and p[0] == "items":
        item, rest = _item_name(doc, p[1]), p[2:]
    dotted = "".join(f"[{x}]" if isinstance(x, int) else f".{x}" for x in rest).lstrip(".") or None
    reason = err.message
    inst = err.instance
    if err.validator == "required":
        missing = [k for k in err.validator_value if not (isinstance(inst, dict) and k in inst)]
        name = missing[0] if missing else None
        dotted = f"{dotted}.{name}" if dotted else name
        reason = "is required but missing"
    elif err.validator in ("additionalProperties", "unevaluatedProperties"):
        found = re.findall(r"'([^']+)'", err.message)
        allowed = set(err.schema.get("properties", {})) if err.validator == "additionalProperties" else set()
        extra = [k for k in found if k not in allowed] or found
        dotted = f"{dotted}.{extra[0]}" if dotted else (extra[0] if extra else None)
        reason = "is not a known field (check the spelling; see nbkit/data/quiz_schema.json)"
    elif err.validator == "not" and isinstance(inst, dict):
        banned = [k for k in _TYPE_FIELDS if k in inst]
        dotted = banned[0] if banned else dotted
        reason = f"does not belong to a {inst.get('type')} item"
    elif err.validator in ("contains", "minContains", "maxContains"):
        kind = doc["items"][p[1]].get("type") if item else None
        hint = item_type(kind).contains_hint if kind in TYPES else "a correct answer"
        reason = f"a {kind} item needs {hint}"
    elif err.validator == "type" and isinstance(inst, bool) and err.validator_value == "string":
        reason = f"expected text but YAML read {inst!r} as a boolean; put it in quotes, e.g. \"{inst}\""
    elif err.validator == "enum":
        reason = f"{inst!r} is not allowed; use one of: {', '.join(map(str, err.validator_value))}"
    return QuizBankError(path, item, dotted, reason)


# -- rules a schema cannot state ---------------------------------------------------------------

def _check_items(doc: dict, path: str, interview) -> None:
    """Unique ids, evidence quoted verbatim, and each item type's own rules (:meth:`ItemType.problems`)."""
    if interview is None:
        from ..interview import load_interview
        interview = load_interview()
    paragraphs = dict(zip(interview.paragraphs["paragraph_id"], interview.paragraphs["text"]))
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
    """Raise unless ``evidence["quote"]`` is verbatim in paragraph ``evidence["paragraph_id"]``."""
    pid, quote = evidence["paragraph_id"], evidence["quote"]
    if pid not in paragraphs:
        raise QuizBankError(path, name, "evidence.paragraph_id",
                            f"paragraph {pid} does not exist; the interview has paragraphs 1-{max(paragraphs)}")
    if quote not in paragraphs[pid]:
        where = [k for k, v in paragraphs.items() if quote in v]
        hint = f" (it is in paragraph {where[0]})" if where else \
            " ; copy it verbatim from the text, with curly quotes ’ “ ” as printed"
        raise QuizBankError(path, name, "evidence.quote", f"the quote is not in paragraph {pid}{hint}")
