"""The schema of every frame (``nbkit/data/frames.yaml``): column lists, casting, generated documentation.

Every frame builder casts through :func:`cast`, so a frame has exactly the columns, order and dtypes
the schema lists; frame docstrings (:func:`describe`), the data dictionary of ``nbkit export``
(:func:`column_table`) and ``docs/frames.md`` (:func:`markdown`) are generated from the same file.

>>> columns("argument_links")
['from_claim', 'to_claim', 'relation']
>>> links = cast("argument_links", {"from_claim": ["C02"], "to_claim": ["C01"], "relation": ["elaborates"]})
>>> [str(t) for t in links.dtypes], links["relation"].cat.categories.tolist()
(['str', 'str', 'category'], ['supports', 'rebuts', 'qualifies', 'elaborates'])
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from .resources import data_file

__all__ = [
    "SCHEMA_FILE",
    "schema",
    "frame_names",
    "columns",
    "categories",
    "cast",
    "from_rows",
    "column_table",
    "describe",
    "frame_property",
    "returns",
    "markdown",
]

SCHEMA_FILE = "frames.yaml"
_CORPUS = "corpus_columns"


@lru_cache(maxsize=1)
def schema() -> dict:
    """The parsed ``frames.yaml`` (read once; treat it as read-only)."""
    import yaml

    text = data_file(SCHEMA_FILE).read_text(encoding="utf-8")
    try:
        return yaml.load(text, Loader=yaml.CSafeLoader)  # ten times faster than the pure-Python SafeLoader
    except AttributeError:  # PyYAML built without libyaml
        return yaml.safe_load(text)


def _frame(name: str) -> dict:
    try:
        return schema()["frames"][name]
    except KeyError:
        raise KeyError(f"{name!r} is not a frame of {SCHEMA_FILE}; frames: {', '.join(frame_names())}") from None


def _specs(name: str, corpus: bool = False) -> dict[str, dict]:
    return {**(schema()[_CORPUS] if corpus else {}), **_frame(name)["columns"]}


def frame_names(layer: str | None = None) -> tuple[str, ...]:
    """Frames of the schema in its order, or only those of ``layer`` ("text", "annotations", "helper").

    >>> frame_names("text")
    ('meta', 'paragraphs', 'questions', 'sentences', 'tokens')
    """
    return tuple(n for n, f in schema()["frames"].items() if layer is None or f["layer"] == layer)


def columns(name: str, corpus: bool = False) -> list[str]:
    """The columns of frame ``name`` in order (``corpus``: with ``interview_id`` first, as in load_corpus)."""
    return list(_specs(name, corpus))


def categories(name: str, column: str) -> list[str]:
    """The categories of a category column, in their order.

    >>> categories("paragraphs", "role")
    ['intro', 'question', 'answer']
    """
    return list(_frame(name)["columns"][column]["categories"])


def _dtype(spec: dict):
    if spec["dtype"] == "category":
        return pd.CategoricalDtype(spec["categories"], ordered=spec.get("ordered", False))
    return spec["dtype"]


def _convert(spec: dict, values):
    if isinstance(values, pd.Series):
        values = values.to_numpy(dtype=object)
    kind = spec["dtype"]
    if kind in ("int64", "bool"):
        return np.asarray(values, dtype=kind)
    if kind == "datetime64[ns]":
        return pd.to_datetime(list(values)).astype(kind)
    if kind == "category":
        values = np.asarray(values, dtype=object)
        outside = sorted({str(v) for v in values if not pd.isna(v)} - set(spec["categories"]))
        if outside:
            raise ValueError(f"{outside[0]!r} is not one of the categories {spec['categories']}")
        return pd.Categorical(values, dtype=_dtype(spec))
    return pd.array(values, dtype=kind)  # str, Int64


def cast(name: str, data: Mapping | pd.DataFrame, corpus: bool = False) -> pd.DataFrame:
    """Frame ``name`` from ``data`` (a frame, or a mapping of column -> values) with the schema's columns,
    order and dtypes; columns of ``data`` the schema does not list are dropped.

    Raises ``KeyError`` for a missing column and ``ValueError`` for a value the dtype cannot hold (a word
    outside a column's categories) or an NA in a column the schema says is never NA.
    """
    specs = _specs(name, corpus)
    out = {}
    for col, spec in specs.items():
        if col not in data:
            raise KeyError(f"frame {name!r} needs the column {col!r} ({SCHEMA_FILE}); got {', '.join(data)}")
        try:
            out[col] = _convert(spec, data[col])
        except (TypeError, ValueError) as exc:
            raise ValueError(f"{name}.{col}: {exc}") from None
        if not spec.get("nullable", False) and pd.isna(out[col]).any():
            raise ValueError(f"{name}.{col} holds NA, but {SCHEMA_FILE} says it never does")
    n = len(next(iter(out.values()))) if out else 0
    return pd.DataFrame(out, index=pd.RangeIndex(n), columns=list(specs))


def from_rows(name: str, rows) -> pd.DataFrame:
    """Frame ``name`` from ``rows`` (tuples in the schema's column order, or dicts by column), cast as :func:`cast`."""
    return cast(name, pd.DataFrame(list(rows), columns=columns(name)))


def column_table(name: str, corpus: bool = False) -> list[dict[str, str]]:
    """One dict per column of ``name``: column, type ("int64", "Int64", "str", "bool", "datetime64[ns]",
    "category", "ordered category"), levels ("; "-joined categories in order, else ""), nullable
    ("yes"/"no") and meaning.

    >>> column_table("paragraphs")[1]["type"], column_table("paragraphs")[1]["levels"]
    ('ordered category', 'intro; question; answer')
    """
    return _column_rows(_specs(name, corpus))


def _column_rows(specs: dict[str, dict]) -> list[dict[str, str]]:
    rows = []
    for col, spec in specs.items():
        kind = spec["dtype"]
        if kind == "category" and spec.get("ordered", False):
            kind = "ordered category"
        rows.append(
            {
                "column": col,
                "type": kind,
                "levels": "; ".join(spec.get("categories", [])),
                "nullable": "yes" if spec.get("nullable", False) else "no",
                "meaning": spec["meaning"],
            }
        )
    return rows


def _type_text(row: dict) -> str:
    sep = " < " if row["type"] == "ordered category" else ", "
    kind = f"{row['type']}: {sep.join(row['levels'].split('; '))}" if row["levels"] else row["type"]
    return kind + (", may be NA" if row["nullable"] == "yes" else "")


def describe(name: str) -> str:
    """The docstring of frame ``name``: its description, every column with type and meaning, its source."""
    frame = _frame(name)
    lines = [frame["description"], "", "Columns:"]
    lines += [f"    {r['column']} ({_type_text(r)}): {_sentence(r['meaning'])}" for r in column_table(name)]
    return "\n".join([*lines, "", f"Source: {_sentence(frame['source'])}"])


def _sentence(text: str) -> str:
    return text if text.endswith((".", "…", "?", "!")) else text + "."


def frame_property(name: str, get: Callable) -> Any:
    """A read-only property returning ``get(self, name)``, with :func:`describe` as its docstring.

    Typed ``Any`` so that a type checker reads ``iv.paragraphs`` as a value, not as the property object.
    """
    return property(lambda self: get(self, name), doc=describe(name))


def returns(name: str):
    """Decorator: append the columns and source of frame ``name`` to the function's docstring."""

    def document(func):
        func.__doc__ = (func.__doc__ or "").rstrip() + "\n\n" + describe(name).split("\n", 2)[2]
        return func

    return document


def markdown() -> str:
    """``docs/frames.md``: one section per frame with a table of its columns."""
    out = [
        "# Frames",
        "",
        f"Generated from `nbkit/data/{SCHEMA_FILE}` by `nbkit.frames.markdown()`: do not edit by hand.",
        "After changing the schema run `python -m nbkit.frames > docs/frames.md` (a test checks the two agree).",
        "Frames of `nbkit.load_corpus` start with the column "
        + "; ".join(f"`{r['column']}` ({r['type']}: {r['meaning']})" for r in _column_rows(schema()[_CORPUS]))
        + ".",
    ]
    for name in frame_names():
        frame = _frame(name)
        out += [
            "",
            f"## {name}",
            "",
            f"{frame['description']} Source: {frame['source']}.",
            "",
            "| column | type | meaning |",
            "|---|---|---|",
        ]
        out += [
            f"| `{r['column']}` | {_type_text(r)} | {r['meaning']} |".replace("\n", " ") for r in column_table(name)
        ]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    print(markdown(), end="")
