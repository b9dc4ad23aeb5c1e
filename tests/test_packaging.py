"""The package ships the seed byte for byte, finds it from anywhere, declares its dependencies and its
version once, and keeps its habits (test tiers, lint configuration, no run artefacts in the repo)."""

import hashlib
import importlib.metadata
import json
import os
import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
import yaml

import nbkit
from nbkit.resources import SEED_NAME, data_file

from .conftest import ROOT, SEED, SLOW_TESTS

SHA256 = "2b2ba8594b2a96c6d6ae68d5ac464767decefe3dc82acf57c3cdf514933b7bd6"


def test_seed_checksum(seed_bytes):
    assert hashlib.sha256(seed_bytes).hexdigest() == SHA256
    assert len(seed_bytes) == 7477
    assert b"miliary" in seed_bytes


def test_shipped_copy_is_identical_to_seeds(seed_bytes):
    assert data_file(f"interview/{SEED_NAME}").read_bytes() == seed_bytes


@pytest.mark.slow  # a fresh interpreter
def test_loads_from_any_working_directory(tmp_path):
    code = "import nbkit; iv = nbkit.load_interview(); print(len(iv.paragraphs), iv.meta.loc[0, 'sha256'])"
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["21", SHA256]


@pytest.mark.slow  # builds and installs a wheel
def test_built_wheel_carries_the_seed_and_data(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("nbkit-*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        assert zf.read(f"nbkit/data/interview/{SEED_NAME}") == SEED.read_bytes()
        names = set(zf.namelist())
    shipped = {str(p.relative_to(ROOT)).replace("\\", "/") for p in (ROOT / "nbkit" / "data").rglob("*") if p.is_file()}
    assert shipped <= names, sorted(shipped - names)
    # installed from the wheel into a bare folder, it still finds the text
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import nbkit; "
        "assert nbkit.__file__.startswith(sys.argv[1]), nbkit.__file__; print(len(nbkit.load_interview().paragraphs))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(target)], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "21"


def _requirement(spec: str) -> tuple[str, str]:
    name, bound = re.fullmatch(r"\s*([A-Za-z0-9_.\-]+)\s*(>=\s*[\w.]+)?\s*", spec).groups()
    return name.lower().replace("_", "-"), (bound or "").replace(" ", "")


def _pyproject_groups() -> dict[str, dict[str, str]]:
    """ "core" and each extra -> {distribution: lower bound}; the test extra's nbkit[...] line is left out."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    groups = {"core": dict(_requirement(s) for s in project["dependencies"])}
    for extra, specs in project["optional-dependencies"].items():
        groups[extra] = dict(_requirement(s) for s in specs if not s.startswith("nbkit["))
    return groups


def _environment_groups() -> dict[str, dict[str, str]]:
    """environment.yml's entries grouped by the comment above them ("# core", "# extra: NAME ...")."""
    groups: dict[str, dict[str, str]] = {}
    group = None
    for line in (ROOT / "environment.yml").read_text().splitlines():
        comment = re.fullmatch(r"\s+# (.*)", line)
        entry = re.fullmatch(r"  - ([A-Za-z0-9_.\-]+\s*(>=\s*[\w.]+)?)", line)
        if comment:  # "# core", "# extra: NAME ...", or any other comment, which ends the group
            named = re.match(r"core$|extra: ([\w-]+)", comment.group(1))
            group = (named.group(1) or "core") if named else None
        elif entry and group:
            name, bound = _requirement(entry.group(1))
            groups.setdefault(group, {})[name] = bound
    return groups


def test_environment_yml_mirrors_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = {}
    pip_entries = []
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            pip_entries += dep["pip"]
        elif dep != "pip":
            name, bound = _requirement(dep)
            conda[name] = bound
    assert conda.pop("python") == ">=" + project["requires-python"].removeprefix(">=")
    declared = {name: bound for group in _pyproject_groups().values() for name, bound in group.items()}
    assert conda == declared
    assert env["channels"] == ["conda-forge"]
    assert pip_entries == ["-e ."]


def test_environment_yml_names_the_extra_of_each_package():
    assert _environment_groups() == _pyproject_groups()
    assert list(_pyproject_groups()) == ["core", "lab", "tools", "class", "parquet", "test"]


def test_the_core_leaves_server_and_tools_to_extras():
    groups = _pyproject_groups()
    heavy = {"jupyterlab", "voila", "nbclient", "nbconvert", "vl-convert-python", "jupyterhub", "pyarrow"}
    assert not heavy & set(groups["core"])
    assert set(groups["core"]) == {
        *"pandas altair ipywidgets anywidget pysbd platformdirs filelock jsonschema pyyaml".split(),
        *"jinja2 nbformat packaging snowballstemmer pycountry".split(),
    }
    assert groups["class"] == {"jupyterhub": ">=6.1.1", "jupyterhub-firstuseauthenticator": ">=1.1.1"}
    test = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]["test"]
    assert test[0] == "nbkit[lab,tools,class,parquet]"  # make test installs every extra


# --- habits: one version, test tiers, lint configuration, no run artefacts in the repo ---------------
def _tracked_files() -> list[str]:
    out = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True)
    if out.returncode != 0:
        pytest.skip("not a git checkout")
    return [name for name in out.stdout.split("\0") if name]


def test_one_version():
    project_version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert nbkit.__version__ == importlib.metadata.version("nbkit") == project_version
    written = re.compile(rf"(?<![\w.]){re.escape(project_version)}(?![\w.])")
    places = []
    for name in _tracked_files():
        path = ROOT / name
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, IsADirectoryError, FileNotFoundError):
            continue  # binary files (screenshots) and files deleted in the work tree
        for number, line in enumerate(text.splitlines(), start=1):
            if written.search(line):
                places.append(f"{name}:{number}: {line.strip()}")
    allowed = [
        p
        for p in places
        if p.startswith("pyproject.toml:")
        and p.endswith(f'version = "{project_version}"')
        or p.startswith("CHANGES.md:")
        and f": ## [{project_version}]" in p
    ]
    assert places == allowed
    assert [p for p in allowed if p.startswith("pyproject.toml:")], "the version must be in pyproject.toml"


def test_changes_has_an_unreleased_section_and_one_heading_per_version():
    headings = re.findall(r"^## \[([^\]]+)\]", (ROOT / "CHANGES.md").read_text(encoding="utf-8"), re.M)
    assert headings[0] == "Unreleased"
    assert len(headings) == len(set(headings))
    assert tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"] in headings


def test_every_slow_test_named_in_conftest_exists():
    for entry in SLOW_TESTS:
        module, _, function = entry.partition("::")
        source = (ROOT / "tests" / module).read_text(encoding="utf-8")
        assert not function or re.search(rf"^def {function}\(", source, re.M), entry


def test_markers_and_hypothesis_profiles():
    from hypothesis import settings

    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"]["ini_options"]
    assert sorted(m.split(":")[0] for m in config["markers"]) == ["e2e", "hub", "slow"]
    assert "--strict-markers" in config["addopts"] and "--doctest-modules" in config["addopts"]
    assert settings.get_profile("ci").max_examples == 1000
    assert settings.get_profile("dev").max_examples == 50


def test_make_targets_pick_their_profile_and_tier():
    def dry_run(target):
        return subprocess.run(
            ["make", "-n", target],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
            env={k: v for k, v in os.environ.items() if k != "HYPOTHESIS_PROFILE"},
        ).stdout

    fast = dry_run("test-fast")
    assert '-m "not slow and not e2e"' in fast and " tests nbkit" in fast and "notebooks" not in fast
    full = dry_run("test")
    assert "--nbval-lax --nbval-current-env tests nbkit notebooks" in full and "not slow" not in full
    lint = dry_run("lint").splitlines()
    assert [line.split("/")[-1] for line in lint if ".venv/bin/" in line][-3:] == [
        "ruff check .",
        "ruff format --check .",
        "mypy",
    ]
    ci = (ROOT / ".ci" / "run").read_text()
    assert ci.index("make lint") < ci.index("make test")


def test_each_make_target_installs_the_extras_it_needs():
    def forced_dry_run(target):
        out = subprocess.run(["make", "-n", "-B", target], cwd=ROOT, capture_output=True, text=True, check=True)
        return [
            line.split("pip install --quiet ")[1] for line in out.stdout.splitlines() if "pip install --quiet" in line
        ]

    assert forced_dry_run("lab") == ["--upgrade pip", "-e '.[lab]'"]
    assert forced_dry_run("app") == ["--upgrade pip", "-e '.[lab]'"]
    assert forced_dry_run("handouts") == ["--upgrade pip", "-e '.[tools]'"]
    assert forced_dry_run("class") == ["--upgrade pip", "-e '.[class]'", "-e '.[lab]'"]
    assert forced_dry_run("test-fast") == ["--upgrade pip", "-e '.[test]'"]
    assert forced_dry_run("doctor") == ["--upgrade pip", "-e ."]
    assert (
        "nbkit class serve --roster roster.csv"
        in subprocess.run(["make", "-n", "class"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    )


# --- deploy/: Zero to JupyterHub's values and the single-user image -----------------------------------
def _dockerfile() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) of deploy/Dockerfile, continuation lines joined, comments left out."""
    text = re.sub(r"\\\n\s*", " ", (ROOT / "deploy" / "Dockerfile").read_text())
    return [tuple(line.split(None, 1)) for line in text.splitlines() if line.strip() and not line.startswith("#")]


def test_single_user_image_installs_the_core_and_the_lab_extra():
    from packaging.requirements import Requirement
    from packaging.specifiers import SpecifierSet

    steps = _dockerfile()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    (base,) = [args for op, args in steps if op == "FROM"]
    assert base == "python:3.12-slim" and "3.12" in SpecifierSet(project["requires-python"])
    (pip,) = [args for op, args in steps if op == "RUN" and "pip install" in args]
    (hub_version,) = [args.split("=")[1] for op, args in steps if op == "ARG" and args.startswith("JUPYTERHUB_")]
    words = pip.replace("${JUPYTERHUB_VERSION}", hub_version).replace("/tmp/nbkit", "nbkit").split()
    args = words[words.index("install") + 1 : words.index("&&")]
    installed = [Requirement(word.strip('"')) for word in args if not word.startswith("-")]
    assert [(r.name, sorted(r.extras), str(r.specifier)) for r in installed] == [
        ("nbkit", ["lab"], ""),
        ("jupyterhub", [], "==6.1.1"),
    ]
    hub_bound = _pyproject_groups()["class"]["jupyterhub"]
    assert hub_version in SpecifierSet(hub_bound)  # the learner's jupyterhub-singleuser meets nbkit[class]
    copied = {args.split()[-1]: args.split()[:-1] for op, args in steps if op == "COPY"}
    assert copied["/opt/nbkit/course/notebooks"] == ["notebooks"] and (ROOT / "notebooks").is_dir()
    assert all((ROOT / source).exists() for sources in copied.values() for source in sources)
    assert ("USER", "1000") in steps and steps[-1] == ("CMD", '["jupyterhub-singleuser"]')
    config = json.loads((ROOT / "deploy" / "jupyter_server_config.json").read_text())
    assert config["ServerApp"]["terminals_enabled"] is False
    assert config["LabApp"] == {"news_url": None, "check_for_updates_class": "jupyterlab.NeverCheckForUpdate"}


def test_zero_to_jupyterhub_values_match_the_image_and_the_extras():
    values = yaml.safe_load((ROOT / "deploy" / "values.yaml").read_text())
    hub, user = values["hub"]["config"], values["singleuser"]
    # the hub signs learners in with the authenticator of nbkit[class], limited to the roster
    assert hub["JupyterHub"]["authenticator_class"] == "firstuseauthenticator.FirstUseAuthenticator"
    assert "jupyterhub-firstuseauthenticator" in _pyproject_groups()["class"]
    assert hub["FirstUseAuthenticator"]["create_users"] is False and hub["Authenticator"]["admin_users"] == ["teacher"]
    # the learner's server is the image's: jupyterhub-singleuser with JupyterLab (the lab extra)
    assert user["cmd"] == "jupyterhub-singleuser" == json.loads(_dockerfile()[-1][1])[0]
    assert user["defaultUrl"] == "/lab" and "jupyterlab" in _pyproject_groups()["lab"]
    copy = user["lifecycleHooks"]["postStart"]["exec"]["command"][-1]
    assert copy == "cp -rn /opt/nbkit/course/notebooks /home/jovyan/ || true"
    assert ("COPY", "notebooks /opt/nbkit/course/notebooks") in _dockerfile()
    # memory from deploy/measure_memory.py: 242 MB peak after notebook 03 (server 96 + kernel 146)
    mb = {k: int(v.removesuffix("M")) for k, v in user["memory"].items()}
    assert mb == {"guarantee": 256, "limit": 512} and mb["guarantee"] >= 242
    assert user["startTimeout"] >= 120  # issue 15: 30 s failed 14 of 20 spawns on 2 cores
    assert set(user["networkPolicy"]["egressAllowRules"].values()) == {False}  # the course needs no network


@pytest.mark.slow  # runs mypy
def test_mypy_reports_a_call_with_missing_arguments(tmp_path):
    pytest.importorskip("mypy")
    snippet = tmp_path / "snippet.py"
    snippet.write_text(
        "from nbkit.errors import InterviewFormatError\n\n\n"
        "def make():\n    return InterviewFormatError('only a reason')\n"
    )
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--cache-dir",
            str(tmp_path / "cache"),
            "--follow-imports=silent",
            str(snippet),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 1, r.stdout
    assert (
        'snippet.py:5: error: Missing positional arguments "line", "reason" in call to "InterviewFormatError"'
        in r.stdout
    )


def test_notebook_08_exports_outside_the_repo(tmp_path, monkeypatch):
    """The export cell writes to ~/Downloads (or ~), or beside $NBKIT_PROGRESS; the pattern is ignored."""
    import nbformat

    nb = nbformat.read(ROOT / "notebooks" / "08-seminar-and-review.ipynb", as_version=4)
    (cell,) = [c.source for c in nb.cells if c.cell_type == "code" and "EXPORT CELL" in c.source]
    home = tmp_path / "home"
    (home / "Downloads").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("NBKIT_LEARNER", "ada lovelace")
    monkeypatch.chdir(ROOT / "notebooks")
    for store, expected in [(None, home / "Downloads"), (tmp_path / "class" / "progress.json", tmp_path / "class")]:
        if store is None:
            monkeypatch.delenv("NBKIT_PROGRESS", raising=False)
        else:
            monkeypatch.setenv("NBKIT_PROGRESS", str(store))
        namespace = {"os": os, "re": re, "Path": Path, "nbkit": nbkit, "progress": nbkit.progress()}
        exec(compile(cell, "08-export-cell", "exec"), namespace)  # the learner's cell, as written
        assert namespace["saved"] == expected / "nbkit-progress-ada-lovelace.csv"
        assert namespace["saved"].exists()
    assert not list((ROOT / "notebooks").glob("nbkit-progress-*"))
    assert "nbkit-progress-*.csv" in (ROOT / ".gitignore").read_text().splitlines()
