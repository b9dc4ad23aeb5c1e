"""Find nbkit's bundled data files through importlib.resources, never a working-directory path."""

from __future__ import annotations

import csv
import io
from importlib import resources
from pathlib import Path

__all__ = ["data_file", "read_csv_rows", "SEED_NAME", "seed_path"]

SEED_NAME = "000_b614cc0d873da8e6.txt"


def data_file(name: str):
    """A Traversable for ``nbkit/data/<name>`` (works from a source tree, an install or a wheel)."""
    return resources.files("nbkit").joinpath("data", *name.split("/"))


def seed_path() -> Path:
    """Path of the bundled interview text."""
    return Path(str(data_file(f"interview/{SEED_NAME}")))


def read_csv_rows(name: str) -> list[dict[str, str]]:
    """Rows of a bundled CSV file as dicts of strings."""
    text = data_file(name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))
