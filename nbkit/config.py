"""nbkit's settings from the environment: every ``NBKIT_*`` variable is named and read here, and nowhere else.

Code asks :func:`settings` for a snapshot (read when called, so a test's ``monkeypatch.setenv`` and a
kernel started with ``env=`` both take effect); :meth:`Settings.to_env` writes one back as variables
for a child process (handouts pass it to the notebook client instead of changing ``os.environ``).

>>> settings({"NBKIT_INSTRUCTOR": "yes", "NBKIT_LEARNER": " ada "}).instructor
True
>>> settings({"NBKIT_LEARNER": " ada "}).learner
'ada'
>>> settings({}).progress_path is None
True
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path

__all__ = ["Variable", "VARIABLES", "Settings", "settings", "variable"]

_TRUE = ("1", "true", "yes", "on")


@dataclass(frozen=True)
class Variable:
    """One environment variable: its ``name``, the :class:`Settings` ``field`` it fills, its ``kind``
    ("path", "text" or "flag"), who it is for (``audience``) and what it does (``meaning``)."""

    name: str
    field: str
    kind: str
    audience: str
    meaning: str


#: Every variable nbkit and its tests read (README "Settings" lists this table; a test keeps them in sync).
VARIABLES: tuple[Variable, ...] = (
    Variable(
        "NBKIT_PROGRESS",
        "progress_path",
        "path",
        "learners",
        "the progress file answers are saved to (default: progress.json in the user data folder)",
    ),
    Variable(
        "NBKIT_LEARNER",
        "learner",
        "text",
        "learners",
        "the learner name recorded with each answer (default: the login name)",
    ),
    Variable("NBKIT_INSTRUCTOR", "instructor", "flag", "teachers", "1 adds a “Show answer” button to every quiz"),
    Variable(
        "NBKIT_RENDERER",
        "renderer",
        "text",
        "teachers",
        "the chart renderer nbkit.setup() enables: jupyter, svg or png (default: chosen for the front end)",
    ),
    Variable(
        "NBKIT_CHROMIUM",
        "chromium",
        "path",
        "teachers",
        "the Chromium executable for PDF handouts and the browser tests (default: found on PATH)",
    ),
    Variable(
        "NBKIT_E2E_REQUIRED",
        "e2e_required",
        "flag",
        "maintainers",
        "1 makes the browser tests fail, not skip, when Chromium is missing (CI)",
    ),
    Variable(
        "NBKIT_REQUIRE_OFFLINE",
        "require_offline",
        "flag",
        "maintainers",
        "1 makes make test fail when it cannot run in a network namespace with only loopback (CI)",
    ),
    Variable(
        "NBKIT_SCREENSHOTS",
        "screenshots",
        "flag",
        "maintainers",
        "1 makes the browser tests write the README's screenshots to docs/img/",
    ),
)


@dataclass(frozen=True)
class Settings:
    """A snapshot of the ``NBKIT_*`` variables (see :data:`VARIABLES`); empty values count as unset."""

    progress_path: Path | None = None
    learner: str | None = None
    instructor: bool = False
    renderer: str | None = None
    chromium: str | None = None
    e2e_required: bool = False
    require_offline: bool = False
    screenshots: bool = False

    def replace(self, **changes) -> Settings:
        """A copy with ``changes`` applied, e.g. ``settings().replace(renderer="svg")``."""
        return replace(self, **changes)

    def to_env(self, base: Mapping[str, str] | None = None) -> dict[str, str]:
        """``base`` (default: this process's environment) with every ``NBKIT_*`` variable set from this
        snapshot, and those that are unset here removed."""
        env = {k: v for k, v in (os.environ if base is None else base).items() if k not in _NAMES}
        for var in VARIABLES:
            value = getattr(self, var.field)
            if var.kind == "flag":
                if value:
                    env[var.name] = "1"
            elif value is not None:
                env[var.name] = str(value)
        return env


_NAMES = frozenset(v.name for v in VARIABLES)
assert {v.field for v in VARIABLES} == {f.name for f in fields(Settings)}, "VARIABLES and Settings disagree"


def variable(field: str) -> str:
    """The environment variable behind a :class:`Settings` field, for messages: ``variable("chromium")``."""
    return next(v.name for v in VARIABLES if v.field == field)


def settings(env: Mapping[str, str] | None = None) -> Settings:
    """The settings in ``env`` (default: this process's environment), read now."""
    env = os.environ if env is None else env
    values: dict = {}
    for var in VARIABLES:
        raw = env.get(var.name, "").strip()
        if var.kind == "flag":
            values[var.field] = raw.lower() in _TRUE
        elif raw:
            values[var.field] = Path(raw).expanduser() if var.field == "progress_path" else raw
    return Settings(**values)
