"""Shared test set-up: hermetic environments, free ports, hypothesis profiles and the test tiers.

- Every run is hermetic: no ~/.jupyter, ~/.ipython or real learner progress (:func:`hermetic_env`).
- Hypothesis runs the "dev" profile (50 examples) unless ``HYPOTHESIS_PROFILE`` says otherwise
  or ``CI`` is set, which selects "ci" (1,000 examples); ``make test`` and ``make test-fast`` set it.
- Tiers: tests in tests/e2e are marked ``e2e``; slow tests are marked ``slow`` by a ``pytestmark``
  line in their module, a decorator, or, for single slow tests in modules that are fast otherwise,
  :data:`SLOW_TESTS` below. ``make test-fast`` runs ``-m "not slow and not e2e"``.
"""

from __future__ import annotations

import os
import socket
import tempfile
from collections.abc import Mapping
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_b614cc0d873da8e6.txt"

# --- hermetic environment ---------------------------------------------------------------------------
# Where each Jupyter, IPython and matplotlib folder and the learner's progress file go, under one folder.
HERMETIC_PATHS = {
    "IPYTHONDIR": "ipython",
    "JUPYTER_CONFIG_DIR": "jupyter-config",
    "JUPYTER_DATA_DIR": "jupyter-data",
    "JUPYTER_RUNTIME_DIR": "jupyter-runtime",
    "MPLCONFIGDIR": "mpl",
    "NBKIT_PROGRESS": "progress.json",
}
# Variables of the developer's shell that would change what a server or kernel does.
_UNSET = ("JUPYTER_PATH", "NBKIT_INSTRUCTOR")


def hermetic_env(tmp: str | Path, base: Mapping[str, str] | None = None, **extra: str) -> dict[str, str]:
    """The environment for a child process (server, kernel, CLI): ``base`` (default ``os.environ``) with
    every Jupyter/IPython folder and the learner's progress under ``tmp``, ``JUPYTER_PATH`` and
    ``NBKIT_INSTRUCTOR`` removed, then ``extra`` (e.g. ``NBKIT_LEARNER="ada"``) on top.

    >>> env = hermetic_env("/tmp/t", base={"HOME": "/root", "NBKIT_INSTRUCTOR": "1"}, NBKIT_LEARNER="ada")
    >>> env["NBKIT_PROGRESS"], env["IPYTHONDIR"], env["NBKIT_LEARNER"], "NBKIT_INSTRUCTOR" in env
    ('/tmp/t/progress.json', '/tmp/t/ipython', 'ada', False)
    """
    env = {k: v for k, v in (os.environ if base is None else base).items() if k not in _UNSET}
    env.update({var: str(Path(tmp) / sub) for var, sub in HERMETIC_PATHS.items()})
    env.update(extra)
    return env


# This process too: a folder of its own unless the Makefile already set one.
for _var, _value in hermetic_env(tempfile.mkdtemp(prefix="nbkit-tests-")).items():
    if _var in HERMETIC_PATHS:
        os.environ.setdefault(_var, _value)


@pytest.fixture
def hermetic(tmp_path) -> dict[str, str]:
    """:func:`hermetic_env` under this test's ``tmp_path / "env"``."""
    return hermetic_env(tmp_path / "env")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free now (the OS picks it)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- hypothesis profiles ----------------------------------------------------------------------------
# deadline=None: a load takes milliseconds, but CI machines are shared.
_PROFILE = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
settings.register_profile("ci", max_examples=1000, **_PROFILE)
settings.register_profile("dev", max_examples=50, **_PROFILE)


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes", "on")


settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if _truthy(os.environ.get("CI")) else "dev"))


# --- test tiers -------------------------------------------------------------------------------------
# Tests over ~2 s (measured with --durations=0) that do not mark themselves: "module::function" (every
# parameter of it) for one test, "module" for all of them. Most slow modules say so themselves with
# ``pytestmark = pytest.mark.slow``. tests/test_packaging.py checks that every name here exists.
SLOW_TESTS = {
    "test_cli_doctor.py",  # every test runs `nbkit doctor` in a subprocess
    "test_cli_main.py",  # every test runs the CLI in a subprocess
    "test_progress_faults_real.py",  # mounts a tmpfs in a new mount namespace per case
    "test_annotation_validation.py::test_each_check_fires",  # 70 broken copies, each loaded whole
    "test_no_network.py::test_quizzes_offline",
    "test_progress_store.py::test_two_processes_writing_200_each_leave_400",
    "test_progress_store.py::test_sigkill_mid_write_leaves_valid_json",
    "test_offline_render.py::test_executed_notebook_gets_static_svg_and_html_export_needs_no_cdn",
    "test_offline_render.py::test_server_kernel_gets_the_offline_widget",
    "test_offline_render.py::test_import_nbkit_does_not_import_altair",
    "test_charts.py::test_save_chart_formats_offline",
    "test_charts.py::test_real_frames_chart_like_the_fixtures",
    "test_quiz_engine.py::test_python_dash_m_nbkit",
    "test_quiz_engine.py::test_import_nbkit_stays_light",
    "test_quiz_engine.py::test_generated_items_are_deterministic_and_valid",
    "test_charts.py::test_every_chart_draws_to_svg_offline",
}


E2E = ROOT / "tests" / "e2e"


def pytest_collection_modifyitems(config, items):
    """Mark every test under tests/e2e ``e2e``, and the tests named in :data:`SLOW_TESTS` ``slow``."""
    for item in items:
        if E2E in item.path.parents:
            item.add_marker(pytest.mark.e2e)
        name = item.path.name
        if name in SLOW_TESTS or f"{name}::{getattr(item, 'originalname', item.name)}" in SLOW_TESTS:
            item.add_marker(pytest.mark.slow)


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


#: The one option set of every before/after poll of the course (review 02-3, 08-7); tests of 02 and 08 check it.
POLL_OPTIONS = [
    "Transactional in intent and outcome",
    "Strategic in intent, transactional in outcome so far",
    "Strategic in both intent and outcome",
    "Too early to tell",
]
#: Votes (before, after, change) per option that the vote tests' five learners give, through the hub and from
#: hand-in files alike (tests/test_class_hub.py, tests/test_seminar.py).
VOTE_SHIFT = [["2", "0", "-2"], ["1", "3", "2"], ["0", "1", "1"], ["2", "1", "-1"]]
