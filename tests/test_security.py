"""Security: nbkit's source has no code-execution or unsafe-loading calls; the lab is local and token-gated.

- The package source (ast scan of nbkit/**/*.py) calls no eval, exec, compile of strings, pickle,
  marshal, shelve, yaml.load without SafeLoader, yaml.unsafe_load/full_load, and passes no shell=True.
- ``make lab`` binding only 127.0.0.1 with a Jupyter-made token is checked in tests/test_lab.py
  (test_make_lab_binds_localhost_with_a_token, test_jupyterlab_starts_and_answers: 403 without token).
- Quiz text is escaped in the HTML widgets (a bank item with <script> shows as text) in
  tests/test_quiz_bank.py::test_script_in_a_bank_shows_as_text. Neither is repeated here.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import nbkit

PACKAGE = Path(nbkit.__file__).resolve().parent
SOURCES = sorted(PACKAGE.rglob("*.py"))

BANNED_CALLS = {"eval", "exec", "compile"}  # compile() of source text; re.compile is fine
BANNED_MODULES = {"pickle", "cPickle", "dill", "marshal", "shelve", "cloudpickle", "joblib"}
SAFE_YAML_LOADERS = {"SafeLoader", "CSafeLoader", "BaseLoader", "CBaseLoader"}


def _name(node) -> str:
    """Dotted name of a call target: yaml.load, subprocess.run, eval…"""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_name(node.value)}.{node.attr}"
    return ""


def problems(source: str, filename: str = "<src>") -> list[str]:
    """Unsafe constructs in ``source``, as "line: what" strings."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [a.name for a in node.names] + (
                [node.module] if isinstance(node, ast.ImportFrom) and node.module else []
            )
            for name in names:
                if name.split(".")[0] in BANNED_MODULES:
                    found.append(f"{node.lineno}: imports {name}")
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        last = name.rsplit(".", 1)[-1]
        if name in BANNED_CALLS or (last in BANNED_CALLS and name.startswith("builtins.")):
            found.append(f"{node.lineno}: calls {name}()")
        if name.split(".")[0] in BANNED_MODULES:
            found.append(f"{node.lineno}: calls {name}()")
        if name.endswith(("yaml.unsafe_load", "yaml.full_load", "yaml.unsafe_load_all", "yaml.full_load_all")):
            found.append(f"{node.lineno}: calls {name}()")
        if name.endswith(("yaml.load", "yaml.load_all")):
            loader = [kw.value for kw in node.keywords if kw.arg == "Loader"] + node.args[1:2]
            if not loader or _name(loader[0]).rsplit(".", 1)[-1] not in SAFE_YAML_LOADERS:
                found.append(f"{node.lineno}: calls {name}() without SafeLoader (use yaml.safe_load)")
        for kw in node.keywords:
            if kw.arg == "shell" and not (isinstance(kw.value, ast.Constant) and kw.value.value is False):
                found.append(f"{node.lineno}: passes shell={ast.unparse(kw.value)} to {name}()")
        if name in ("os.system", "os.popen", "subprocess.getoutput", "subprocess.getstatusoutput"):
            found.append(f"{node.lineno}: calls {name}() (runs a shell)")
    return found


def test_the_scan_sees_the_package():
    assert PACKAGE / "interview.py" in SOURCES and len(SOURCES) > 20


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_unsafe_calls_in_package_source(path):
    assert problems(path.read_text(encoding="utf-8"), str(path)) == []


@pytest.mark.parametrize(
    "snippet, expected",
    [
        ("eval('1')", "calls eval()"),
        ("exec(code)", "calls exec()"),
        ("import pickle", "imports pickle"),
        ("from marshal import loads", "imports marshal"),
        ("import yaml\nyaml.load(text)", "without SafeLoader"),
        ("import yaml\nyaml.load(text, Loader=yaml.FullLoader)", "without SafeLoader"),
        ("import yaml\nyaml.unsafe_load(text)", "calls yaml.unsafe_load()"),
        ("import subprocess\nsubprocess.run('ls', shell=True)", "shell=True"),
        ("import os\nos.system('ls')", "runs a shell"),
    ],
)
def test_the_scan_catches_each_unsafe_construct(snippet, expected):
    assert any(expected in p for p in problems(snippet)), problems(snippet)


@pytest.mark.parametrize(
    "snippet",
    [
        "import yaml\nyaml.safe_load(text)",
        "import yaml\nyaml.load(text, Loader=yaml.SafeLoader)",
        "import subprocess\nsubprocess.run(['ls'], check=True)",
        "import subprocess\nsubprocess.run(['ls'], shell=False)",
        "import re\nre.compile('x')",
    ],
)
def test_the_scan_allows_safe_constructs(snippet):
    assert problems(snippet) == []
