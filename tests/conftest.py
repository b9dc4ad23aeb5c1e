"""Shared test set-up: every run is hermetic (no ~/.jupyter, ~/.ipython or real learner progress)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_b614cc0d873da8e6.txt"

_HERMETIC = tempfile.mkdtemp(prefix="nbkit-tests-")
for _var, _sub in {
    "IPYTHONDIR": "ipython",
    "JUPYTER_CONFIG_DIR": "jupyter-config",
    "JUPYTER_DATA_DIR": "jupyter-data",
    "JUPYTER_RUNTIME_DIR": "jupyter-runtime",
    "NBKIT_PROGRESS": "progress.json",
}.items():
    os.environ.setdefault(_var, os.path.join(_HERMETIC, _sub))


@pytest.fixture(scope="session")
def seed_bytes() -> bytes:
    return SEED.read_bytes()


@pytest.fixture(scope="session")
def seed_text(seed_bytes) -> str:
    return seed_bytes.decode("utf-8")


@pytest.fixture(scope="session")
def interview():
    import nbkit

    return nbkit.load_interview()
