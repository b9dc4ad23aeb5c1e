"""Data flows one way: text -> annotations -> quizzes/charts/progress -> course tools -> commands; no module imports
a higher layer."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "nbkit"

#: The one map of layers: module (or package, covering its submodules) -> layer; lower never imports higher.
LAYERS = {
    # 0 text: the interview as frames, and the helpers every layer may use
    "nbkit.errors": 0,
    "nbkit.config": 0,
    "nbkit.resources": 0,
    "nbkit.source": 0,
    "nbkit.structure": 0,
    "nbkit.segment": 0,
    "nbkit.interview": 0,
    "nbkit.intro_card": 0,
    "nbkit.concordance": 0,
    "nbkit.lexicons": 0,
    "nbkit.agreement": 0,
    "nbkit.frames": 0,
    "nbkit.validation": 0,
    "nbkit.quotes": 0,
    "nbkit.shorten": 0,
    "nbkit.synthetic": 0,
    "nbkit.jsonschema_import": 0,
    "nbkit.exercise": 0,
    "nbkit.chromium": 0,
    "nbkit.extras": 0,  # which extra a command needs, and the error when it is missing
    # 1 annotations: the argument layer, and the course's interview composed of text and annotations
    "nbkit.annotations": 1,
    "nbkit.course": 1,
    # 2 quizzes, charts, progress, rendering
    "nbkit.quiz": 2,
    "nbkit.charts": 2,
    "nbkit.progress": 2,
    "nbkit.debate": 2,  # notebook 08's evidence cards (frames + a card template)
    # 3 course tools that read whole notebooks, their quiz items and charts
    "nbkit.seat_time": 3,
    "nbkit.classroom": 3,  # the class hub: roster, users, hub config, status and collect
    "nbkit.argument_section": 3,  # a starter course's argument section, run in its notebooks
    "nbkit.seminar": 3,  # notebook 08's seminar and the teaching guide's plans (seminar.yaml)
    # 4 the command line and the apps
    "nbkit.commands": 4,
    "nbkit.cli": 4,
    "nbkit.app": 4,
    "nbkit.__main__": 4,
    "nbkit": 4,  # the package's __init__: a lazy facade over every layer
}
NAMES = {0: "text", 1: "annotations", 2: "quiz/charts/progress", 3: "course tools", 4: "commands"}


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


MODULES = _modules()


def layer_of(module: str) -> int | None:
    """The layer of ``module``: its own entry, else that of its closest package in LAYERS."""
    parts = module.split(".")
    for n in range(len(parts), 0, -1):
        if ".".join(parts[:n]) in LAYERS and (n > 1 or module == "nbkit"):
            return LAYERS[".".join(parts[:n])]
    return None


def imports(module: str, path: Path) -> list[tuple[int, str]]:
    """(line, nbkit module) for every import of ``path``, at any depth (functions included)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            for a in node.names:
                out.append((node.lineno, f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base))
    return [(line, name) for line, name in out if name == "nbkit" or name.startswith("nbkit.")]


def test_every_module_is_in_the_layer_map():
    unknown = [m for m in MODULES if layer_of(m) is None]
    assert not unknown, (
        f"modules without a layer: {unknown}. Add each to LAYERS in tests/test_layers.py "
        "(text < annotations < quiz/charts/progress < course tools < commands)."
    )


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_imports_a_higher_layer(module):
    own = layer_of(module)
    if own is None:
        pytest.fail(f"{module} has no layer; add it to LAYERS in tests/test_layers.py")
    upward = [
        f"line {line}: {name} ({NAMES[layer_of(name)]})"
        for line, name in imports(module, MODULES[module])
        if layer_of(name) is not None and layer_of(name) > own
    ]
    assert not upward, f"{module} ({NAMES[own]}) imports a higher layer: {upward}"


def test_the_walk_sees_function_level_and_relative_imports():
    module = "nbkit.annotations.argument_layer"
    found = {name: line for line, name in imports(module, MODULES[module])}
    assert {"nbkit.frames", "nbkit.errors", "nbkit.annotations.claims", "nbkit.interview"} <= set(found)
    assert layer_of("nbkit.annotations.claims") == 1 and layer_of("nbkit.quiz.types.base") == 2
    assert layer_of("nbkit_other") is None


def test_importing_the_text_layer_loads_no_higher_layer():
    code = (
        "import sys, nbkit.interview; nbkit.interview.load_interview().tokens; "
        "print(sorted({m.split('.')[1] for m in sys.modules if m.startswith('nbkit.')}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    loaded = set(ast.literal_eval(out))
    assert loaded.isdisjoint({"annotations", "course", "quiz", "charts", "progress", "display", "commands"}), loaded
    assert {"interview", "frames", "segment"} <= loaded
