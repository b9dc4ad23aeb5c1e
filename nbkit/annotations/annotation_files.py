"""Read one annotation file (CSV or YAML) and check every row against its JSON Schema.

Each file lives under ``nbkit/data/annotations/`` (or a copy of that folder given as ``data_dir``);
its schema is ``nbkit/data/schemas/<file>.schema.json``. A row that breaks its schema raises
:class:`nbkit.DataValidationError` naming the file, the 1-based data row (header not counted) and
the field, with what was expected, what was found and what to do (see :mod:`nbkit.validation`).
Checks that need the interview text (quotes, paragraph ids, references between files) are made by
the builders in the sibling modules, through :meth:`AnnotationFile.fail`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .. import frames, validation
from ..errors import DataValidationError
from ..resources import data_file

__all__ = ["AnnotationFile", "read_annotation_file", "annotations_dir", "schema_name"]


def annotations_dir(data_dir=None):
    """The folder of annotation files: ``data_dir`` if given, else the bundled ``nbkit/data/annotations``."""
    return Path(data_dir) if data_dir is not None else data_file("annotations")


def schema_name(file_name: str) -> str:
    """The schema of an annotation file, relative to ``nbkit/data``: ``schemas/claims.csv.schema.json``."""
    return f"schemas/{file_name}.schema.json"


@dataclass
class AnnotationFile:
    """The schema-checked rows of one annotation file: ``name`` ("claims.csv"), ``path`` (str), ``rows``
    (list of dicts, in file order) and ``numbers``: the data row of the file each of ``rows`` is (1-based,
    header not counted), when rows were skipped (``read_annotation_file(keep=...)``); None means 1, 2, 3…"""

    name: str
    path: str
    rows: list
    numbers: list[int] | None = None

    def row_number(self, row: int) -> int:
        """The file's data row of the ``row``-th (1-based) of :attr:`rows`."""
        return self.numbers[row - 1] if self.numbers is not None else row

    def fail(self, row: int | None, field: str | None, reason: str):
        """Raise :class:`DataValidationError` for the ``row``-th (1-based) of :attr:`rows` and ``field``,
        naming the row by its place in the file."""
        raise DataValidationError(self.path, None if row is None else self.row_number(row), field, reason)

    def check_unique(self, field: str, what: str = "id"):
        """Fail at the first row whose ``field`` repeats an earlier row's value."""
        seen: dict = {}
        for i, r in enumerate(self.rows, 1):
            if r[field] in seen:
                self.fail(
                    i,
                    field,
                    f"the {what} {r[field]!r} is already used in row {self.row_number(seen[r[field]])}. "
                    f"Each {what} must be unique: rename or remove one of the two rows.",
                )
            seen[r[field]] = i

    def check_known(self, field: str, known, reason: str, allow_empty: bool = False):
        """Fail at the first row whose ``field`` is not in ``known``; ``reason`` follows the value in the message."""
        for i, r in enumerate(self.rows, 1):
            if (r[field] or not allow_empty) and r[field] not in known:
                self.fail(i, field, f"{r[field]!r} {reason}")

    def frame(self, frame_name: str) -> pd.DataFrame:
        """The rows as frame ``frame_name`` of ``frames.yaml`` (its columns, taken from the rows, cast)."""
        return frames.cast(frame_name, {c: [r[c] for r in self.rows] for c in frames.columns(frame_name)})


def read_annotation_file(
    name: str, data_dir=None, keep=None, missing: str = "the file is missing. Restore it from nbkit/data/annotations/."
) -> AnnotationFile:
    """Read ``name`` (e.g. ``"claims.csv"``) from the annotations folder and check each row's schema.

    ``keep`` (CSV files): a test on a row's raw values; rows it rejects are skipped before the schema check
    (e.g. template rows the teacher has not coded yet) and the kept rows keep their row numbers.
    ``missing``: the reason given when the file does not exist.
    """
    source = annotations_dir(data_dir).joinpath(name)
    path = str(source)
    text = validation.read_text(source, DataValidationError, missing)
    schema = schema_name(name)
    if name.endswith(".csv"):
        rows = validation.parse_csv(text, path, list(validation.load_schema(schema)["properties"]), DataValidationError)
    else:
        rows = _entries(validation.parse_yaml(text, path, DataValidationError), path, single=name == "manifest.yaml")
    numbers = None
    if keep is not None:
        numbers = [i for i, row in enumerate(rows, 1) if keep(row)]
        rows = [rows[i - 1] for i in numbers]
    file = AnnotationFile(name, path, rows, numbers)
    for i, row in enumerate(rows, 1):
        validation.check(row, schema, DataValidationError, path, file.row_number(i))
    return file


def _entries(data, path: str, single: bool) -> list[dict]:
    rows = [data] if single else data
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise DataValidationError(
            path, None, None, "expected a list of entries, each a mapping of field: value (lines starting with '- ')."
        )
    return rows
