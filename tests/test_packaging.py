"""The package ships the seed byte for byte, finds it from anywhere, and declares its dependencies once."""

import hashlib
import re
import subprocess
import sys
import tomllib
import zipfile

import yaml

from nbkit.resources import SEED_NAME, data_file

from .conftest import ROOT, SEED

SHA256 = "2b2ba8594b2a96c6d6ae68d5ac464767decefe3dc82acf57c3cdf514933b7bd6"


def test_seed_checksum(seed_bytes):
    assert hashlib.sha256(seed_bytes).hexdigest() == SHA256
    assert len(seed_bytes) == 7477
    assert b"miliary" in seed_bytes


def test_shipped_copy_is_identical_to_seeds(seed_bytes):
    assert data_file(f"interview/{SEED_NAME}").read_bytes() == seed_bytes


def test_loads_from_any_working_directory(tmp_path):
    code = "import nbkit; iv = nbkit.load_interview(); print(len(iv.paragraphs), iv.meta.loc[0, 'sha256'])"
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["21", SHA256]


def test_built_wheel_carries_the_seed_and_data(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "-w", str(tmp_path), str(ROOT)], check=True, capture_output=True)
    wheel = next(tmp_path.glob("nbkit-*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        assert zf.read(f"nbkit/data/interview/{SEED_NAME}") == SEED.read_bytes()
        names = set(zf.namelist())
    shipped = {str(p.relative_to(ROOT)).replace("\\", "/") for p in (ROOT / "nbkit" / "data").rglob("*") if p.is_file()}
    assert shipped <= names, sorted(shipped - names)
    # installed from the wheel into a bare folder, it still finds the text
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    code = ("import sys; sys.path.insert(0, sys.argv[1]); import nbkit; "
            "assert nbkit.__file__.startswith(sys.argv[1]), nbkit.__file__; print(len(nbkit.load_interview().paragraphs))")
    out = subprocess.run([sys.executable, "-c", code, str(target)], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "21"


def _requirement(spec: str) -> tuple[str, str]:
    name, bound = re.fullmatch(r"\s*([A-Za-z0-9_.\-]+)\s*(>=\s*[\w.]+)?\s*", spec).groups()
    return name.lower().replace("_", "-"), (bound or "").replace(" ", "")


def test_environment_yml_mirrors_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = dict(_requirement(s) for s in project["dependencies"] + project["optional-dependencies"]["test"])
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
    assert conda == declared
    assert env["channels"] == ["conda-forge"]
    assert pip_entries == ["-e ."]
