"""Read data files (text, YAML, CSV) and check them against JSON Schemas, with messages written for learners.

Every problem is raised as ``error(path, place, field, reason)``: nbkit's error types
(:class:`nbkit.DataValidationError` for annotation files, :class:`nbkit.QuizBankError` for quiz banks)
all take these four arguments, so the caller chooses the type and the place (a row, an item) and this
module writes the reason: what was expected, what was found, what to do.

Schemas are JSON files under ``nbkit/data/`` (``schemas/<file>.schema.json`` for the annotation files).
A property may say ``"x-categories": "<frame>.<column>"``: its ``enum`` is then taken from
``frames.yaml`` when the schema is loaded, so the categories have one home. A (sub)schema may give
``"x-message"``: the reason to show when it fails, for rules the generic sentences do not fit
(e.g. "a multiple_choice item needs exactly one answer with 'correct: true'").

>>> from nbkit.errors import DataValidationError
>>> row = {"from_claim": "C02", "to_claim": "C01", "relation": "contradicts"}
>>> check(row, "schemas/argument_links.csv.schema.json", DataValidationError, "argument_links.csv", 3)
Traceback (most recent call last):
...
nbkit.errors.DataValidationError: argument_links.csv, row 3, field 'relation': 'contradicts' is not a known value. Use one of: supports, rebuts, qualifies, elaborates.
"""

from __future__ import annotations

import copy
import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from .resources import data_file

__all__ = [
    "Finding",
    "read_text",
    "parse_yaml",
    "parse_csv",
    "load_schema",
    "validator",
    "findings",
    "explain",
    "check",
    "dotted",
]

ErrorType = Callable[..., Exception]  # called as error(path, place, field, reason)


@dataclass(frozen=True)
class Finding:
    """One schema problem: ``path`` (keys from the checked instance down to the field), ``reason``."""

    path: tuple
    reason: str

    @property
    def field(self) -> str | None:
        """The path as a dotted name ("quote", "evidence.quote", "answers[1].answer"), None at the top."""
        return dotted(self.path)


def dotted(path) -> str | None:
    """``("evidence", "quote")`` -> ``"evidence.quote"``; ints become ``[i]``; an empty path gives None."""
    text = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")
    return text or None


# -- reading ----------------------------------------------------------------------------------


def read_text(source, error: ErrorType, missing: str = "the file is missing.") -> str:
    """The UTF-8 text of ``source`` (a path or an importlib Traversable), a byte-order mark removed.

    A missing file raises ``error(path, None, None, missing)``; bytes that are not UTF-8 say where.
    """
    path = str(source)
    try:
        return source.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise error(path, None, None, missing) from None
    except UnicodeDecodeError as exc:
        raise error(
            path, None, None, f"the file is not UTF-8 text ({exc.reason} at byte {exc.start}). Save it again as UTF-8."
        ) from None


def parse_yaml(text: str, path: str, error: ErrorType) -> Any:
    """The parsed YAML document; a syntax error names its line and column."""
    import yaml

    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        raise error(
            path,
            None,
            None,
            f"the file is not valid YAML{where}: {getattr(exc, 'problem', None) or exc}. "
            "Check the indentation and the quotes.",
        ) from None


def parse_csv(text: str, path: str, columns: list[str], error: ErrorType) -> list[dict[str, str]]:
    """The rows of a CSV file whose header must be exactly ``columns``; each row has every column.

    Rows are numbered from 1, the header not counted (the ``place`` given to ``error``).
    """
    reader = csv.DictReader(io.StringIO(text))
    header = reader.fieldnames or []
    if header != columns:
        missing = [c for c in columns if c not in header]
        extra = [c for c in header if c not in columns]
        raise error(
            path,
            None,
            next(iter(missing or extra), None),
            f"the header must be exactly {','.join(columns)}; found {','.join(header) or 'nothing'}. "
            "Fix the first line of the file.",
        )
    rows = []
    for i, row in enumerate(reader, 1):
        if None in row:
            raise error(
                path,
                i,
                None,
                f"the row has {len(columns) + len(row[None])} values but the header has "
                f"{len(columns)}. Put double quotes around text that contains a comma.",
            )
        short = [c for c in columns if row[c] is None]
        if short:
            raise error(
                path,
                i,
                short[0],
                f"the row has no value for '{short[0]}' (too few commas). Every row needs {len(columns)} values.",
            )
        rows.append(row)
    return rows


# -- schemas ----------------------------------------------------------------------------------


@cache
def _schema(name: str) -> dict:
    schema = json.loads(data_file(name).read_text(encoding="utf-8"))
    _fill_categories(schema)
    return schema


def load_schema(name: str) -> dict:
    """The JSON Schema ``nbkit/data/<name>`` (a fresh copy), with ``x-categories`` enums filled in."""
    return copy.deepcopy(_schema(name))


def _fill_categories(node) -> None:
    from .frames import categories

    if isinstance(node, dict):
        if "x-categories" in node:
            frame, column = node["x-categories"].split(".")
            node["enum"] = categories(frame, column)
        for value in node.values():
            _fill_categories(value)
    elif isinstance(node, list):
        for value in node:
            _fill_categories(value)


@cache
def validator(name: str):
    """A draft 2020-12 validator of the schema ``nbkit/data/<name>`` (built once)."""
    from .jsonschema_import import import_jsonschema

    return import_jsonschema().Draft202012Validator(_schema(name))


def explain(error) -> Finding:
    """A jsonschema ``ValidationError`` in plain English: where (path) and what to do (reason)."""
    path = tuple(error.absolute_path)
    value = error.instance
    description = error.schema.get("description", "")
    kind = error.validator
    if "x-message" in error.schema:  # the schema's own words for this rule
        return Finding(path, error.schema["x-message"])
    if kind == "required":
        field = next(f for f in error.validator_value if not (isinstance(value, dict) and f in value))
        return Finding((*path, field), f"the field '{field}' is missing. Add it to this entry.")
    if kind in ("additionalProperties", "unevaluatedProperties"):
        known = list(error.schema.get("properties", {}))
        field = next((f for f in value if f not in known), None)
        names = f" ({', '.join(known)})" if known else ""
        return Finding((*path, field), f"'{field}' is not a known field. Remove it or correct its name{names}.")
    if kind == "pattern" and error.validator_value == r"\S":
        return Finding(path, f"is empty. Fill in '{dotted(path)}': every row needs one.")
    if kind == "enum":
        return Finding(
            path, f"{value!r} is not a known value. Use one of: {', '.join(map(str, error.validator_value))}."
        )
    if kind == "type" and isinstance(value, bool) and error.validator_value == "string":
        return Finding(path, f'expected text but YAML read {value!r} as a boolean. Put it in quotes, e.g. "{value}".')
    if kind in ("pattern", "minimum", "maximum", "type", "format", "minLength", "maxLength"):
        expected = description or f"{kind} {error.validator_value}"
        return Finding(path, f"expected {expected}; found {value!r}. Correct the value.")
    return Finding(path, f"{error.message}. Correct the value.")


def findings(instance, name: str) -> list[Finding]:
    """Every problem of ``instance`` against schema ``name``, the first in the order of the schema's properties."""
    order = list(_schema(name).get("properties", {}))
    found = [explain(e) for e in validator(name).iter_errors(instance)]

    def position(f: Finding) -> tuple:
        return tuple(
            order.index(p) if isinstance(p, str) and p in order else p if isinstance(p, int) else -1 for p in f.path[:1]
        ) or (-1,)

    return sorted(found, key=position)


def check(instance, name: str, error: ErrorType, path: str, place=None) -> None:
    """Raise ``error(path, place, field, reason)`` for the first problem of ``instance`` against schema ``name``."""
    found = findings(instance, name)
    if found:
        raise error(path, place, found[0].field, found[0].reason)
