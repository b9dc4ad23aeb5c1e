"""``nbkit app``: wired to nbkit.app (Voila), serving on 127.0.0.1 only."""

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request

import pytest

from .cli_helpers import nbkit
from .conftest import ROOT, free_port, hermetic_env

pytestmark = pytest.mark.slow  # starts a Voila server


def test_missing_notebook_is_a_usage_error(tmp_path):
    r = nbkit("app", tmp_path / "missing.ipynb")
    assert r.returncode == 2
    assert r.stderr.startswith(f"nbkit app: {tmp_path / 'missing.ipynb'} not found.")
    txt = tmp_path / "notes.txt"
    txt.write_text("x")
    r = nbkit("app", txt)
    assert r.returncode == 2 and "is not a notebook (.ipynb)" in r.stderr


def test_app_serves_the_notebook(tmp_path):
    pytest.importorskip("voila")
    port = free_port()
    env = hermetic_env(tmp_path)
    proc = subprocess.Popen(
        [sys.executable, "-m", "nbkit", "app", "notebooks/00-start-here.ipynb", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        url, log = None, []
        deadline = time.time() + 120
        while time.time() < deadline and url is None:
            line = proc.stdout.readline()
            if not line:
                break
            log.append(line)
            m = re.search(rf"(http://127\.0\.0\.1:{port}/\S*token=\S+)", line)
            url = m.group(1) if m else None
        assert url, "".join(log)
        with urllib.request.urlopen(url, timeout=180) as resp:
            assert resp.status == 200
            page = resp.read().decode("utf-8")
        assert "00 &#183; Start here" in page  # the notebook, rendered by Voila
        assert "cdn.jsdelivr.net" not in page
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
