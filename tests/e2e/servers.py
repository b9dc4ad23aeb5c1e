"""Servers the browser tests start on 127.0.0.1 (JupyterLab, Voila), in hermetic folders, and their readiness.

Every Jupyter/IPython folder and the learner's progress live in a temporary folder, so no test reads or
writes ~/.jupyter, ~/.ipython or real progress.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from ..conftest import free_port, hermetic_env
from .notebooks_under_test import NOTEBOOK_DIR

#: The learner name recorded by the browser tests' answers.
LEARNER = "e2e-learner"


@dataclass
class Server:
    """A server process on 127.0.0.1 whose output goes to ``log``."""

    name: str
    proc: subprocess.Popen
    url: str  # base URL, no trailing slash
    log: Path
    token: str = ""
    tmp: Path | None = None
    progress: Path | None = None
    extra: dict = field(default_factory=dict)

    def api(self, method: str, path: str):
        req = urllib.request.Request(
            f"{self.url}{path}", method=method, headers={"Authorization": f"token {self.token}"} if self.token else {}
        )
        with urllib.request.urlopen(req, timeout=10) as r:
            body = r.read()
        return json.loads(body) if body else None

    def log_tail(self, n: int = 60) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return ""

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)


def start_server(
    name: str,
    args: list[str],
    env: dict,
    url: str,
    ready_path: str,
    log: Path,
    *,
    token: str = "",
    cwd: Path | None = None,
    timeout: float = 90,
) -> Server:
    """Start ``args`` and wait until ``url + ready_path`` answers 200 (or fail with the server's log)."""
    fh = log.open("wb")
    proc = subprocess.Popen(args, env=env, cwd=cwd, stdout=fh, stderr=subprocess.STDOUT)
    fh.close()
    server = Server(name, proc, url, log, token)
    deadline = time.monotonic() + timeout
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"{name} exited with code {proc.returncode}:\n{server.log_tail()}")
        try:
            with urllib.request.urlopen(url + ready_path, timeout=2) as r:
                if r.status == 200:
                    return server
        except (urllib.error.URLError, OSError):
            pass
        if time.monotonic() > deadline:
            server.stop()
            raise RuntimeError(f"{name} did not answer {url + ready_path} within {timeout:.0f} s:\n{server.log_tail()}")
        time.sleep(0.2)  # polling interval of a readiness probe, not a wait for page state


def lab_settings_overrides() -> dict:
    """JupyterLab defaults for the test server (``<app_settings_dir>/overrides.json``): no news or
    update check (both would call jupyter.org), no autosave, every cell attached to the page."""
    return {
        "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
        "@jupyterlab/docmanager-extension:plugin": {"autosave": False},
        "@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"},
    }


def start_lab(tmp: Path, python: str, root: Path | None = None) -> Server:
    """JupyterLab on a free loopback port with a token, hermetic folders, serving ``root``, by default a copy of
    notebooks/ (so running cells never writes outputs into the repository)."""
    if root is None:
        root = tmp / "notebooks"
        shutil.copytree(NOTEBOOK_DIR, root, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    app_settings = tmp / "lab-app-settings"
    app_settings.mkdir()
    (app_settings / "overrides.json").write_text(json.dumps(lab_settings_overrides(), indent=1), encoding="utf-8")
    env = hermetic_env(tmp, NBKIT_LEARNER=LEARNER)
    port, token = free_port(), secrets.token_hex(16)
    args = [
        python,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        f"--LabApp.app_settings_dir={app_settings}",
        "--ServerApp.terminals_enabled=False",
    ]
    if os.geteuid() == 0:
        args.append("--allow-root")
    url = f"http://127.0.0.1:{port}"
    server = start_server(
        "JupyterLab", args, env, url, f"/api/status?token={token}", tmp / "jupyterlab.log", token=token
    )
    server.tmp, server.progress = tmp, tmp / "progress.json"
    return server


def shutdown_kernels(lab: Server) -> None:
    """End every session of the server (a closed tab leaves its kernel running)."""
    for session in lab.api("GET", "/api/sessions"):
        lab.api("DELETE", f"/api/sessions/{session['id']}")
