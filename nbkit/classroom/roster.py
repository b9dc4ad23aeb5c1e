"""The class roster: a CSV of ``name[,display_name]`` rows, one learner each (a header row is optional).

A name becomes the learner's hub and system user name with the project prefix (``alice`` ->
``nbk-alice``), so it must be a safe Unix user name: lower-case letters, digits, ``-`` or ``_``,
starting with a letter, at most :data:`MAX_NAME` characters. Bad rows raise
:class:`nbkit.errors.DataValidationError` naming the file, row and what to fix.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataValidationError

__all__ = ["Learner", "read_roster", "PREFIX", "MAX_NAME", "NAME_PATTERN"]

#: Every learner's system user starts with this, so nbkit only ever removes users it created.
PREFIX = "nbk-"
#: Linux user names are at most 32 characters; the prefix takes 4.
MAX_NAME = 28
NAME_PATTERN = re.compile(r"[a-z][a-z0-9_-]*")


@dataclass(frozen=True)
class Learner:
    """One roster row: ``name`` as written, ``display_name`` (the name if none), ``username`` on the hub."""

    name: str
    display_name: str

    @property
    def username(self) -> str:
        return PREFIX + self.name


def _check_name(path: Path, row: int, name: str) -> None:
    if not name:
        raise DataValidationError(path, row, "name", "empty; give each learner a name such as 'alice'")
    if len(name) > MAX_NAME or not NAME_PATTERN.fullmatch(name):
        raise DataValidationError(
            path,
            row,
            "name",
            f"{name!r} cannot be a user name; use lower-case letters, digits, '-' or '_', "
            f"starting with a letter, at most {MAX_NAME} characters",
        )


def read_roster(path: str | Path) -> list[Learner]:
    """The learners of a roster CSV, in file order. Blank lines are skipped; names must be unique."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DataValidationError(path, None, None, "file not found; give a CSV of name[,display_name] rows") from None
    except UnicodeDecodeError:
        raise DataValidationError(path, None, None, "not UTF-8 text; save the roster as a UTF-8 CSV") from None
    learners: list[Learner] = []
    seen: dict[str, int] = {}
    for row, cells in enumerate(csv.reader(text.splitlines()), start=1):
        cells = [c.strip() for c in cells]
        if not any(cells):
            continue
        if row == 1 and cells[0].lower() == "name":
            continue  # header row
        if len(cells) > 2:
            raise DataValidationError(path, row, None, f"{len(cells)} columns; expected name[,display_name]")
        name = cells[0]
        _check_name(path, row, name)
        if name in seen:
            raise DataValidationError(
                path, row, "name", f"{name!r} is already on row {seen[name]}; names must be unique"
            )
        seen[name] = row
        display = cells[1] if len(cells) == 2 and cells[1] else name
        learners.append(Learner(name, display))
    if not learners:
        raise DataValidationError(path, None, None, "no learners; write one name per line")
    return learners
