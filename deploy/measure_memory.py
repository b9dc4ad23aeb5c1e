"""Measure a learner's peak memory: JupyterLab's server and the kernel of notebook 03, both on loopback.

Starts ``jupyter lab`` (no browser) on a free loopback port with a throwaway runtime/config folder, opens
a session for the notebook through the REST API (so the kernel runs as a learner's does, with
JPY_SESSION_NAME set and charts drawn by the browser), executes every code cell through the kernel's
own connection file, then reads VmHWM (peak resident memory) of the server and the kernel from
/proc/<pid>/status. Prints one JSON line: {"server_mb", "kernel_mb", "total_mb", "kernel_modules"}.

    python deploy/measure_memory.py [notebooks/03-pyongyangs-calculus.ipynb]

The numbers size deploy/values.yaml's memory limit (see /work/brief/s3/lean-measurements.md).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _vm(pid: int, field: str = "VmHWM") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field} for {pid}")


def _children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def measure(notebook: Path) -> dict:
    import nbformat
    from jupyter_client import BlockingKernelClient

    tmp = Path(tempfile.mkdtemp(prefix="nbkit-mem-"))
    env = dict(os.environ)
    env.update(
        IPYTHONDIR=str(tmp / "ipython"),
        JUPYTER_CONFIG_DIR=str(tmp / "config"),
        JUPYTER_RUNTIME_DIR=str(tmp / "runtime"),
        NBKIT_PROGRESS=str(tmp / "progress.json"),
    )
    port, token = _free_port(), "measure"
    bindir = Path(sys.executable).parent
    cmd = [
        str(bindir / "jupyter"),
        "lab",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={notebook.parent.parent}",
        "--LabApp.news_url=",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    if os.getuid() == 0:
        cmd.append("--allow-root")
    with open(tmp / "server.log", "wb") as log:  # the child keeps its own copy of the descriptor
        server = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"

    def api(method: str, path: str, body: dict | None = None):
        req = urllib.request.Request(
            base + path,
            method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": f"token {token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(req, timeout=30) as r:
            return json.loads(r.read() or b"null")

    try:
        for _ in range(900):  # up to 3 minutes: a busy 2-core machine starts JupyterLab slowly
            try:
                api("GET", "/api/status")
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError(f"JupyterLab did not answer on {base} within 3 minutes; see {tmp / 'server.log'}")
        rel = f"{notebook.parent.name}/{notebook.name}"
        session = api(
            "POST",
            "/api/sessions",
            {"path": rel, "type": "notebook", "name": notebook.name, "kernel": {"name": "python3"}},
        )
        kernel_id = session["kernel"]["id"]
        cf = tmp / "runtime" / f"kernel-{kernel_id}.json"
        for _ in range(100):
            if cf.exists():
                break
            time.sleep(0.1)
        for _ in range(600):  # the server says "starting" until the kernel answers its first request
            if api("GET", f"/api/kernels/{kernel_id}")["execution_state"] not in ("starting", "busy"):
                break
            time.sleep(0.2)
        kc = BlockingKernelClient(connection_file=str(cf))
        kc.load_connection_file()
        kc.start_channels()
        kc.wait_for_ready(timeout=60)
        (kernel,) = [p for p in _children(server.pid) if "ipykernel" in Path(f"/proc/{p}/cmdline").read_text()]
        errors, steps = [], [("kernel started", round(_vm(kernel, "VmRSS"), 1))]
        nb = nbformat.read(notebook, as_version=4)
        for cell in nb.cells:
            if cell.cell_type != "code":
                continue
            reply = kc.execute_interactive(cell.source, timeout=120, output_hook=lambda msg: None)
            if reply["content"]["status"] != "ok" and "answer = ..." not in cell.source:
                errors.append(reply["content"].get("ename"))
            steps.append((cell.source.splitlines()[0][:60], round(_vm(kernel, "VmRSS"), 1)))
        out: list[str] = []
        kc.execute_interactive(
            "import sys as _s, json as _j; print(_j.dumps(sorted(m for m in _s.modules if '.' not in m)))",
            timeout=30,
            output_hook=lambda m: out.append(m["content"].get("text", "")) if m["msg_type"] == "stream" else None,
        )
        kc.stop_channels()
        result = {
            "server_mb": round(_vm(server.pid), 1),
            "kernel_mb": round(_vm(kernel), 1),
            "errors": errors,
            "kernel_rss_after_each_cell": steps,
            "kernel_modules": json.loads("".join(out)),
        }
        result["total_mb"] = round(result["server_mb"] + result["kernel_mb"], 1)
        return result
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    nb = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "notebooks" / "03-pyongyangs-calculus.ipynb"
    r = measure(nb.resolve())
    mods = r.pop("kernel_modules")
    heavy = [
        m
        for m in (
            "vl_convert",
            "nbconvert",
            "nbclient",
            "jupyterlab",
            "voila",
            "jinja2",
            "pyarrow",
            "numpy",
            "jsonschema",
            "altair",
            "pandas",
            "narwhals",
            "anywidget",
        )
        if m in mods
    ]
    r["heavy_modules_in_kernel"] = heavy
    print(json.dumps(r))
