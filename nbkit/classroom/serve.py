"""Start the class's JupyterHub: check the machine, create the learners' users, write the state, run the hub.

Runs as root (the hub starts each learner's server as that learner's system user). The hub
(``jupyterhub`` from this environment) and the proxy (``configurable-http-proxy`` from the
project's ``node_modules``) must both be installed; every learner must be able to run this
environment's Python, so it may not live under a folder only root can enter (such as ``/root``).
"""

from __future__ import annotations

import ipaddress
import os
import shutil
import socket
import stat
import sys
from pathlib import Path

from ..errors import NbkitError
from . import users
from .hub_config import ClassState, write_state
from .roster import Learner

__all__ = ["prepare", "exec_hub", "preflight", "unreachable_folder", "is_loopback", "free_port", "PROXY"]

#: configurable-http-proxy as ``npm ci`` installs it (package.json).
PROXY = Path(__file__).resolve().parents[2] / "node_modules" / ".bin" / "configurable-http-proxy"
TEACHER = "teacher"


class ServeError(NbkitError):
    """The machine cannot run the class hub yet (not root, no Node.js or proxy, Python out of learners' reach)."""


def is_loopback(ip: str) -> bool:
    try:
        return ipaddress.ip_address(ip).is_loopback
    except ValueError:
        return ip == "localhost"


def free_port(ip: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((ip, 0))
        return s.getsockname()[1]


def unreachable_folder(path: str | Path) -> Path | None:
    """The first folder above ``path`` that other users cannot enter (no ``o+x``), or None."""
    for folder in reversed(Path(path).resolve().parents):
        if not folder.stat().st_mode & stat.S_IXOTH:
            return folder
    return None


def _singleuser() -> Path:
    return Path(sys.executable).with_name("jupyterhub-singleuser")


def proxy_command() -> str:
    """The proxy to run: the project's ``node_modules`` copy, else one on PATH."""
    found = str(PROXY) if PROXY.exists() else shutil.which("configurable-http-proxy")
    if not found:
        raise ServeError("configurable-http-proxy not found; run `npm ci` in the project (make does it)")
    if not shutil.which("node"):
        raise ServeError("node not found; install Node.js (apt-get install nodejs)")
    return found


def preflight(course: Path) -> None:
    """Raise :class:`ServeError` with what to do when the hub could not serve learners here."""
    if os.geteuid() != 0:
        raise ServeError("run as root: the hub creates one system user per learner and starts their servers")
    if not _singleuser().exists():
        raise ServeError(f"{_singleuser()} not found; install the class extra: pip install 'nbkit[class]'")
    needed = {
        "Python": Path(os.path.realpath(sys.executable)),
        "the environment": Path(sys.prefix) / "bin",
        "nbkit": Path(__file__).resolve().parents[1],
        "the course": course,
    }
    for what, path in needed.items():
        if not os.access(path, os.R_OK):
            raise ServeError(f"{path} ({what}) not found or not readable")
        blocked = unreachable_folder(path / "x" if path.is_dir() else path)
        if blocked is not None:
            raise ServeError(
                f"learners cannot reach {what} at {path}: {blocked} is closed to other users; install Python "
                "and the environment where every user can read them (e.g. /opt or /usr/local)"
            )


def prepare(
    learners: list[Learner],
    state: Path,
    course: Path,
    ip: str,
    port: int,
    teacher: str = TEACHER,
    ssl: tuple[Path, Path] | None = None,
) -> ClassState:
    """Create the learners' users and write the state folder; returns the class record."""
    course = course.resolve()
    preflight(course)
    proxy = proxy_command()
    for learner in learners:
        users.create(learner.username, learner.display_name)
    record = {
        "ip": ip,
        "port": port,
        "hub_port": free_port(),
        "proxy_api_port": free_port(),
        "proxy_command": proxy,
        "singleuser": str(_singleuser()),
        "teacher": teacher,
        "course": str(course),
        "learners": [{"name": x.name, "display_name": x.display_name} for x in learners],
    }
    if ssl:
        record["ssl_cert"], record["ssl_key"] = (str(p.resolve()) for p in ssl)
    return write_state(state, record)


def exec_hub(state: ClassState) -> None:
    """Replace this process with the hub (so ``hub.pid`` is this pid; ``nbkit class stop`` signals it).

    Files are created private (umask 077), the hub's and the learners' alike; homes are 0700 anyway.
    """
    hub = Path(sys.executable).with_name("jupyterhub")
    os.chdir(state.folder)
    os.umask(0o077)  # the database, cookie secret and pid file the hub writes: root's only
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(str(hub), [str(hub), "-f", str(state.folder / "jupyterhub_config.py")])
