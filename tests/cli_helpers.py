"""Run ``python -m nbkit`` in a subprocess, as a teacher would, with a hermetic progress file."""

from __future__ import annotations

import os
import subprocess
import sys

from .conftest import ROOT


def nbkit(*args, cwd=ROOT, env=None, timeout=600) -> subprocess.CompletedProcess:
    """Run ``python -m nbkit ARGS``; returns the completed process (stdout, stderr as text)."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "nbkit", *map(str, args)],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
