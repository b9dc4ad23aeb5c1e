"""Stop the class's hub by its pid (it stops the learners' servers and the proxy), then any learner
process left over, and remove the learners' users on request."""

from __future__ import annotations

import contextlib
import os
import pwd
import signal
import time

from . import users
from .hub_config import ClassState

__all__ = ["stop_hub", "stop_learner_processes", "remove_users", "hub_pid"]


def hub_pid(state: ClassState) -> int | None:
    """The running hub's pid from ``hub.pid``, or None if it is not running."""
    try:
        pid = int((state.folder / "hub.pid").read_text().strip())
    except (OSError, ValueError):
        return None
    return pid if _alive(pid) else None


def _alive(pid: int) -> bool:
    """The process exists and is not a zombie (read from /proc: no process library needed for this)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def _wait_gone(pids: list[int], timeout: float) -> list[int]:
    """Wait until every pid has exited; those still alive after ``timeout``."""
    deadline = time.monotonic() + timeout
    while (alive := [p for p in pids if _alive(p)]) and time.monotonic() < deadline:
        time.sleep(0.2)
    return alive


def process_uid(pid: int) -> int | None:
    """The real uid of process ``pid`` (from /proc), None if it is gone."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("Uid:"))
    except (OSError, StopIteration, ValueError):
        return None


def stop_hub(state: ClassState, timeout: float = 60) -> int | None:
    """SIGTERM the hub and wait for it to finish its cleanup; SIGKILL after ``timeout``. Its pid, or None."""
    pid = hub_pid(state)
    if pid is None:
        return None
    os.kill(pid, signal.SIGTERM)
    if _wait_gone([pid], timeout):
        os.kill(pid, signal.SIGKILL)
        _wait_gone([pid], 10)
    (state.folder / "hub.pid").unlink(missing_ok=True)
    return pid


def stop_learner_processes(state: ClassState, timeout: float = 10) -> list[int]:
    """Terminate every process still running as one of the class's learners; the pids stopped."""
    uids = set()
    for learner in state.learners:
        with contextlib.suppress(KeyError):
            uids.add(pwd.getpwnam(learner.username).pw_uid)
    pids = [int(d) for d in os.listdir("/proc") if d.isdigit() and process_uid(int(d)) in uids]
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
    for pid in _wait_gone(pids, timeout):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    return pids


def remove_users(state: ClassState) -> list[str]:
    """Remove the learners' system users and homes; the names removed."""
    return [x.username for x in state.learners if users.remove(x.username)]
