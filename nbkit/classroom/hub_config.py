"""The class's state folder and the ``jupyterhub_config.py`` written into it.

The state folder (mode 0700, root-owned) holds ``class.json`` (roster, ports, course folder: the one
record the other ``nbkit class`` commands read), the hub's database and cookie secret, the proxy and
teacher tokens, the learners' password hashes and ``hub.pid``. The config is rendered from
``data/templates/classroom/jupyterhub_config.py.j2``.
"""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path

from ..errors import NbkitError
from .roster import Learner

__all__ = [
    "ClassState",
    "write_state",
    "load_state",
    "render_config",
    "SINGLEUSER_ARGS",
    "TIMEOUT",
    "STATE_MODE",
    "DEFAULT_URL",
    "spawn_limit",
]

STATE_MODE = 0o700
#: Seconds a learner's server may take to start and answer (issue 15: 30 s failed 14 of 20 spawns on 2 cores).
TIMEOUT = 120
#: Learners' JupyterLab: no terminal, no news feed, no update check (both would call jupyter.org).
SINGLEUSER_ARGS = [
    "--ServerApp.terminals_enabled=False",
    "--LabApp.news_url=None",
    "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
]
#: Where a learner lands after signing in: notebook 00 of their copy of the course.
DEFAULT_URL = "/lab/tree/course/00-start-here.ipynb"
CONFIG = "jupyterhub_config.py"
RECORD = "class.json"


class StateError(NbkitError):
    """The class's state folder is missing or not what ``nbkit class serve`` wrote."""


def spawn_limit(cpus: int | None = None) -> int:
    """Learners' servers starting at once: 5 per core (10 on 2 cores), never fewer than 4."""
    return max(4, 5 * (cpus or os.cpu_count() or 1))


class ClassState(dict):
    """``class.json``: ip, port, hub_port, proxy_api_port, teacher, course, learners ([{name, display_name}])."""

    @property
    def folder(self) -> Path:
        return Path(self["state"])

    @property
    def learners(self) -> list[Learner]:
        return [Learner(x["name"], x["display_name"]) for x in self["learners"]]

    def learner(self, username: str) -> Learner | None:
        return next((x for x in self.learners if x.username == username), None)

    @property
    def hub_api(self) -> str:
        return f"http://127.0.0.1:{self['hub_port']}/hub/api"

    @property
    def public_url(self) -> str:
        scheme = "https" if self.get("ssl_cert") else "http"
        return f"{scheme}://{self['ip']}:{self['port']}"

    def secret(self, name: str) -> str:
        return (self.folder / name).read_text(encoding="utf-8").strip()


def _write_private(path: Path, text: str) -> None:
    """Write a root-only file atomically (mode 0600 from the start, never readable by others)."""
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def write_state(folder: str | Path, record: dict) -> ClassState:
    """Create the state folder (0700), keep existing tokens, write ``class.json`` and the hub config."""
    folder = Path(folder).resolve()
    folder.mkdir(parents=True, exist_ok=True, mode=STATE_MODE)
    os.chmod(folder, STATE_MODE)
    for name in ("proxy-token", "teacher-token"):
        if not (folder / name).exists():
            _write_private(folder / name, secrets.token_hex(32) + "\n")
    state = ClassState(record, state=str(folder))
    _write_private(folder / RECORD, json.dumps(state, indent=1) + "\n")
    _write_private(folder / CONFIG, render_config(state))
    return state


def load_state(folder: str | Path) -> ClassState:
    """The ``class.json`` of a state folder written by ``nbkit class serve``."""
    path = Path(folder) / RECORD
    try:
        return ClassState(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        raise StateError(f"{path} not found; start the class with `nbkit class serve --state {folder}` first") from None
    except PermissionError:
        raise StateError(f"{path}: permission denied; the class's state is root's, run this as root") from None


def render_config(state: ClassState) -> str:
    """The ``jupyterhub_config.py`` text for this class."""
    from importlib.metadata import version

    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("nbkit", "data/templates/classroom"),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["py"] = repr  # values become Python literals in the config file
    learners = state.learners
    return env.get_template(CONFIG + ".j2").render(
        nbkit_version=f"nbkit {version('nbkit')}",
        state=state["state"],
        ip=state["ip"],
        port=state["port"],
        hub_port=state["hub_port"],
        proxy_api_port=state["proxy_api_port"],
        proxy_command=state["proxy_command"],
        cpus=os.cpu_count() or 1,
        concurrent_spawn_limit=spawn_limit(),
        allowed_users=sorted([state["teacher"], *(x.username for x in learners)]),
        teacher=state["teacher"],
        username_map={x.name: x.username for x in learners},
        singleuser=state["singleuser"],
        singleuser_args=SINGLEUSER_ARGS,
        default_url=DEFAULT_URL,
        timeout=TIMEOUT,
        ssl_cert=state.get("ssl_cert"),
        ssl_key=state.get("ssl_key"),
    )
