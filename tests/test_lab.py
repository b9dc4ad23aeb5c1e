"""`make lab` starts JupyterLab bound to 127.0.0.1 behind a token; a headless start answers its status API."""

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from .conftest import ROOT, free_port, hermetic_env

pytestmark = pytest.mark.slow  # starts JupyterLab


def test_make_lab_binds_localhost_with_a_token():
    cmd = subprocess.run(["make", "-n", "lab"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    line = next(ln for ln in cmd.splitlines() if "jupyter lab" in ln)
    assert "--ip=127.0.0.1" in line
    assert "--no-browser" in line
    assert "--notebook-dir=notebooks" in line
    assert "token=" not in line and "NotebookApp.token" not in line  # no empty or fixed token: Jupyter makes one


def test_jupyterlab_starts_and_answers(tmp_path):
    port, token = free_port(), "nbkit-test-token"
    env = hermetic_env(tmp_path)
    args = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={ROOT / 'notebooks'}",
        "--ServerApp.port_retries=0",
    ]
    if os.geteuid() == 0:
        args.append("--allow-root")
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 90
        status = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status?token={token}", timeout=2) as r:
                    status = json.load(r)
                    break
            except OSError:
                time.sleep(0.3)
        assert status is not None, proc.stderr.read1().decode() if proc.poll() is not None else "no answer"
        assert "started" in status
        # without the token the API refuses
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/contents", timeout=5)
            raise AssertionError("the server answered without a token")
        except urllib.error.HTTPError as exc:
            assert exc.code == 403
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/lab?token={token}", timeout=10) as r:
            assert r.status == 200
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
