"""Timing for the benchmarks: a fresh process timed, and a list of timings summarised (median, min, max)."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def time_process(code: str, env: dict | None = None) -> float:
    """Wall-clock seconds for ``python -c code`` in a fresh interpreter (run in the repository root)."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def summary(values: list[float]) -> dict:
    """Median, min and max of ``values`` (and how many)."""
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "n": len(values)}
