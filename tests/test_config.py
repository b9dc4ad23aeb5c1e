"""nbkit.config: every NBKIT_* variable is named once, read through settings(), and listed in the README."""

from __future__ import annotations

import ast
import re
import subprocess
from pathlib import Path

import pytest

from nbkit.config import VARIABLES, Settings, settings, variable

from .conftest import ROOT

NAMES = [v.name for v in VARIABLES]
NAME = re.compile(r"\bNBKIT_[A-Z0-9_]+")


def test_empty_environment_gives_the_defaults():
    assert settings({}) == Settings()
    assert settings({"NBKIT_PROGRESS": "  ", "NBKIT_RENDERER": "", "NBKIT_INSTRUCTOR": ""}) == Settings()


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("1", True),
        ("true", True),
        (" YES ", True),
        ("on", True),
        ("0", False),
        ("no", False),
        ("", False),
        ("2", False),
    ],
)
def test_flags(raw, expected):
    assert settings({"NBKIT_INSTRUCTOR": raw}).instructor is expected
    assert settings({"NBKIT_E2E_REQUIRED": raw}).e2e_required is expected


def test_values_are_stripped_and_paths_expanded():
    got = settings(
        {
            "NBKIT_PROGRESS": " ~/p.json ",
            "NBKIT_LEARNER": " ada ",
            "NBKIT_RENDERER": "svg",
            "NBKIT_CHROMIUM": "/usr/bin/chromium",
            "OTHER": "x",
        }
    )
    assert got.progress_path == Path.home() / "p.json"
    assert (got.learner, got.renderer, got.chromium) == ("ada", "svg", "/usr/bin/chromium")


def test_settings_read_the_process_environment_when_called(monkeypatch):
    monkeypatch.setenv("NBKIT_LEARNER", "grace")
    assert settings().learner == "grace"
    monkeypatch.delenv("NBKIT_LEARNER")
    assert settings().learner is None


def test_to_env_writes_every_variable_back_and_drops_the_unset():
    other = "NBKIT" + "_NOT_A_SETTING"  # spelt in two so that the scan below does not count it
    base = {"PATH": "/bin", "NBKIT_INSTRUCTOR": "1", "NBKIT_RENDERER": "png", other: "kept"}
    snapshot = settings(base).replace(
        renderer="svg", progress_path=Path("/tmp/p.json"), learner="handout", instructor=False
    )
    env = snapshot.to_env(base)
    assert env == {
        "PATH": "/bin",
        other: "kept",
        "NBKIT_RENDERER": "svg",
        "NBKIT_PROGRESS": "/tmp/p.json",
        "NBKIT_LEARNER": "handout",
    }
    assert settings(env) == snapshot  # a child process reads back the same settings
    assert base["NBKIT_RENDERER"] == "png"  # the base mapping is not changed
    flags = Settings(instructor=True, e2e_required=True).to_env({})
    assert flags == {"NBKIT_INSTRUCTOR": "1", "NBKIT_E2E_REQUIRED": "1"}


def test_variable_names_the_setting():
    assert variable("chromium") == "NBKIT_CHROMIUM"
    assert variable("progress_path") == "NBKIT_PROGRESS"
    assert len(set(NAMES)) == len(NAMES) and all(NAME.fullmatch(n) for n in NAMES)


def _readme_settings_rows() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Settings\n", 1)[1].split("\n## ", 1)[0]
    return [line for line in section.splitlines() if line.startswith("| `")]


def test_readme_settings_table_is_the_variables_table():
    """README "Settings" lists every variable, in order, with its audience and meaning, and nothing else."""
    assert _readme_settings_rows() == [f"| `{v.name}` | {v.audience} | {v.meaning} |" for v in VARIABLES]


def _tracked(*patterns: str) -> list[Path]:
    out = subprocess.run(["git", "ls-files", "--", *patterns], cwd=ROOT, capture_output=True, text=True)
    if out.returncode != 0:
        pytest.skip("not a git checkout")
    return [ROOT / line for line in out.stdout.splitlines() if (ROOT / line).is_file()]


def test_every_nbkit_variable_named_anywhere_is_in_the_table():
    """A variable read or documented anywhere (code, tests, docs, notebooks, Makefile, CI) is one of VARIABLES."""
    files = _tracked("nbkit", "tests", "docs", "notebooks", "scripts", "benchmarks", "README.md", "Makefile", ".ci")
    named = {}
    for path in files:
        if path.suffix in (".png", ".txt", ".csv"):
            continue
        for name in NAME.findall(path.read_text(encoding="utf-8")):
            named.setdefault(name, path.relative_to(ROOT).as_posix())
    unknown = {name: where for name, where in named.items() if name not in NAMES}
    assert unknown == {}, "add these to nbkit.config.VARIABLES (and the README table), or rename them"


#: Modules still naming NBKIT_* variables in code: other branches of issue 11 switch them to nbkit.config.settings()
#: (the lead empties this set when merging; the test below fails once a module no longer needs its place here).
PENDING: set[str] = set()


def _code_literals(path: Path) -> set[str]:
    """NBKIT_* names in string literals of the module's code (docstrings and doctests left out)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return {
        name
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
        for name in NAME.findall(node.value)
    }


def test_only_config_names_the_variables_in_code():
    """Code reads NBKIT_* through nbkit.config.settings() and names them with config.variable(...)."""
    offenders = {}
    for path in sorted((ROOT / "nbkit").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel != "nbkit/config.py" and _code_literals(path):
            offenders[rel] = sorted(_code_literals(path))
    assert set(offenders) - PENDING == set(), offenders
    assert PENDING - set(offenders) == set(), "these modules read nbkit.config now: remove them from PENDING"
