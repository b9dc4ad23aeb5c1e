"""Read the annotation files (CSV or YAML) and check every row against its schema.

Each table lives in its own file under ``nbkit/data/annotations/`` (or a copy of that
folder given as ``data_dir``). A row that breaks its schema raises
:class:`nbkit.DataValidationError` naming the file, the 1-based data row (header not
counted) and the field, with what was expected, what was found and what to do.
Checks that need the interview text (quotes, paragraph ids, references between tables)
are made by the builders in the sibling modules, through :meth:`Table.fail`.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import DataValidationError
from ..resources import data_file

__all__ = ["Table", "read_table", "annotations_dir", "SCHEMAS", "CATEGORIES"]

# Categories of the frames, in display order (the single source for schemas and dtypes).
CATEGORIES = {
    "marker_kind": ["hedge", "booster"],
    "actor_kind": ["state", "organisation", "bloc"],
    "alias_kind": ["state", "capital", "leader", "organisation", "bloc", "adjective"],
    "claim_kind": ["thesis", "reason", "evidence", "counterpoint", "implication", "prediction", "context"],
    "voice": ["lee", "prevailing_view", "reported"],
    "stance": ["transactional", "strategic", "neither"],
    "relation": ["supports", "rebuts", "qualifies", "elaborates"],
    "precision": ["day", "month", "season", "year"],
}

_TEXT = {"type": "string", "pattern": r"\S", "description": "some text"}


def _enum(name: str) -> dict:
    return {"type": "string", "enum": CATEGORIES[name]}


def _pattern(regex: str, description: str) -> dict:
    return {"type": "string", "pattern": regex, "description": description}


_CLAIM_ID = _pattern(r"^C[0-9]{2,}$", "a claim id such as 'C07'")
_NAMES = _pattern(r"^[^;\s][^;]*(; [^;\s][^;]*)*$", "one or more actor names joined by '; ', e.g. 'North Korea; Russia'")
_FORMS = _pattern(r"^[^;\s][^;]*(; [^;\s][^;]*)*$", "one or more forms joined by '; '")
_PARAGRAPH = _pattern(r"^[0-9]+$", "a paragraph number (the line of the interview), e.g. '12'")

# columns: exact header of the file; fields: JSON Schema of one row (CSV values are strings).
SCHEMAS: dict[str, dict] = {
    "markers.csv": {"marker": _pattern(r"^[a-z]+( [a-z]+)*$", "a lower-case word or phrase, e.g. 'most likely'"),
                    "kind": _enum("marker_kind"),
                    "strength": {"type": "string", "enum": ["1", "2", "3", "4", "5"]}},
    "actors.csv": {"actor": _TEXT, "kind": _enum("actor_kind"), "description": _TEXT},
    "aliases.csv": {"alias": _TEXT, "actor": _TEXT, "kind": _enum("alias_kind")},
    "claims.csv": {"claim_id": _CLAIM_ID, "paragraph_id": _PARAGRAPH, "quote": _TEXT, "summary": _TEXT,
                   "kind": _enum("claim_kind"), "voice": _enum("voice"), "stance": _enum("stance"), "actors": _NAMES},
    "argument_links.csv": {"from_claim": _CLAIM_ID, "to_claim": _CLAIM_ID, "relation": _enum("relation")},
    "timeline.csv": {"event_id": _pattern(r"^E[0-9]{2,}$", "an event id such as 'E04'"),
                     "date": _pattern(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "a date written YYYY-MM-DD (the first day of the period)"),
                     "date_label": _TEXT, "precision": _enum("precision"), "event": _TEXT,
                     "paragraph_id": _pattern(r"^([0-9]+)?$", "a paragraph number, or nothing when the interview does not refer to the event"),
                     "source": _TEXT, "quote": {"type": "string"}},
    "glossary.csv": {"term": _TEXT, "match": _FORMS, "definition": _TEXT},
    "treaty_articles.yaml": {"article": {"type": "integer", "minimum": 1, "maximum": 23,
                                         "description": "an article number of the treaty (1 to 23)"},
                             "paragraph_id": {"type": "integer", "minimum": 1, "description": "a paragraph number"},
                             "quote": _TEXT, "interview_reading": _TEXT, "treaty_says": _TEXT,
                             "treaty_source": _pattern(r"^https?://\S+$", "a web address starting with https://"),
                             "note": _TEXT},
    "manifest.yaml": {"interview": _TEXT, "title": _TEXT,
                      "sha256": _pattern(r"^[0-9a-f]{64}$", "64 lower-case hex digits (the SHA-256 of the interview file)"),
                      "published": _pattern(r"^[0-9]{4}-[0-9]{2}$", "a month written YYYY-MM"),
                      "curated": {"type": "array", "items": {"type": "string"}}},
}


def annotations_dir(data_dir=None):
    """The folder of annotation files: ``data_dir`` if given, else the bundled ``nbkit/data/annotations``."""
    return Path(data_dir) if data_dir is not None else data_file("annotations")


@dataclass
class Table:
    """The checked rows of one file: ``rows`` (list of dicts, in file order), ``path`` (str)."""

    name: str
    path: str
    rows: list

    def fail(self, row: int | None, field: str | None, reason: str):
        """Raise :class:`DataValidationError` for 1-based data ``row`` and ``field`` of this file."""
        raise DataValidationError(self.path, row, field, reason)

    def check_unique(self, field: str, what: str = "id"):
        """Fail at the first row whose ``field`` repeats an earlier row's value."""
        seen: dict = {}
        for i, r in enumerate(self.rows, 1):
            if r[field] in seen:
                self.fail(i, field, f"the {what} {r[field]!r} is already used in row {seen[r[field]]}. "
                                    f"Each {what} must be unique: rename or remove one of the two rows.")
            seen[r[field]] = i

    def frame(self, columns: list[str], categories: dict[str, str] | None = None, ints: tuple[str, ...] = ()):
        """The rows as a frame of ``columns``: ``categories`` ({column: key of CATEGORIES}) as categoricals
        in their fixed order, ``ints`` as int, every other column as str."""
        import pandas as pd

        categories = categories or {}
        frame = pd.DataFrame([[r[c] for c in columns] for r in self.rows], columns=columns)
        for col in columns:
            if col in categories:
                frame[col] = pd.Categorical(frame[col], categories=CATEGORIES[categories[col]])
            else:
                frame[col] = frame[col].astype(int if col in ints else "str")
        return frame


def read_table(name: str, data_dir=None) -> Table:
    """Read ``name`` (e.g. ``"claims.csv"``) from the annotations folder and check each row's schema."""
    folder = annotations_dir(data_dir)
    source = folder.joinpath(name)
    path = str(source)
    try:
        text = source.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise DataValidationError(path, None, None, "the file is missing. Restore it from nbkit/data/annotations/.") from None
    except UnicodeDecodeError as exc:
        raise DataValidationError(path, None, None, f"the file is not UTF-8 text ({exc.reason} at byte {exc.start}). "
                                                    "Save it again as UTF-8.") from None
    rows = _read_csv(path, text, list(SCHEMAS[name])) if name.endswith(".csv") else _read_yaml(path, text, name)
    validator = _validator(name)
    for i, row in enumerate(rows, 1):
        errors = sorted(validator.iter_errors(row), key=lambda e: _field_order(name, e))
        if errors:
            field, reason = _explain(errors[0], row)
            raise DataValidationError(path, i, field, reason)
    return Table(name, path, rows)


def _read_csv(path: str, text: str, columns: list[str]) -> list[dict]:
    reader = csv.DictReader(io.StringIO(text))
    header = reader.fieldnames or []
    missing = [c for c in columns if c not in header]
    extra = [c for c in header if c not in columns]
    if missing or extra or header != columns:
        field = (missing or extra or [None])[0]
        raise DataValidationError(path, None, field, f"the header must be exactly {','.join(columns)}; found "
                                  f"{','.join(header) or 'nothing'}. Fix the first line of the file.")
    rows = []
    for i, row in enumerate(reader, 1):
        if None in row:
            raise DataValidationError(path, i, None, f"the row has {len(columns) + len(row[None])} values but the header "
                                      f"has {len(columns)}. Put double quotes around text that contains a comma.")
        missing = [c for c in columns if row[c] is None]
        if missing:
            raise DataValidationError(path, i, missing[0], f"the row has no value for '{missing[0]}' (too few commas). "
                                      f"Every row needs {len(columns)} values.")
        rows.append(row)
    return rows


def _read_yaml(path: str, text: str, name: str):
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise DataValidationError(path, None, None, f"the file is not valid YAML{where}: "
                                  f"{getattr(exc, 'problem', exc)}. Check the indentation and the quotes.") from None
    if name == "manifest.yaml":
        data = [data]
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise DataValidationError(path, None, None, "expected a list of entries, each a mapping of field: value "
                                  "(lines starting with '- ').")
    return data


@lru_cache(maxsize=None)
def _validator(name: str):
    from ..jsonschema_import import import_jsonschema

    jsonschema = import_jsonschema()
    fields = SCHEMAS[name]
    schema = {"type": "object", "properties": fields, "required": list(fields), "additionalProperties": False}
    return jsonschema.Draft202012Validator(schema)


def _field_order(name: str, error) -> int:
    columns = list(SCHEMAS[name])
    field = error.path[0] if error.path else None
    return columns.index(field) if field in columns else -1


def _explain(error, row: dict) -> tuple[str | None, str]:
    """(field, plain-English reason) for one jsonschema error."""
    if error.validator == "required":
        field = next(f for f in error.validator_value if f not in row)
        return field, f"the field '{field}' is missing. Add it to this entry."
    if error.validator == "additionalProperties":
        field = next(f for f in row if f not in error.schema["properties"])
        return field, f"'{field}' is not a known field. Remove it or correct its name ({', '.join(error.schema['properties'])})."
    field = error.path[0] if error.path else None
    value = error.instance
    description = error.schema.get("description", "")
    if error.validator == "pattern" and error.validator_value == r"\S":
        return field, f"is empty. Fill in '{field}': every row needs one."
    if error.validator == "pattern":
        return field, f"expected {description}; found {value!r}. Correct the value."
    if error.validator == "enum":
        return field, f"{value!r} is not a known value. Use one of: {', '.join(error.validator_value)}."
    if error.validator in ("minimum", "maximum", "type"):
        return field, f"expected {description or error.validator_value}; found {value!r}. Correct the value."
    return field, f"{error.message}. Correct the value."
