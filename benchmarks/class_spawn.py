"""N learners starting together on the class hub and running notebook 00 (issue 15, item 4).

    sudo .venv/bin/python benchmarks/class_spawn.py              # N = 10 and 20
    sudo .venv/bin/python benchmarks/class_spawn.py --learners 5 --profile-notebook 03-pyongyangs-calculus

For each N: ``nbkit class serve`` with N throwaway learners (removed afterwards), every server
requested at once through the Hub REST API (a 429 "too many spawns" is retried, as a browser
would), then every learner's kernel runs each code cell of notebook 00 and answers one quiz item.
Reports time to all ready, time to all done, failed spawns, and peak memory per learner (the
high-water RSS, ``VmHWM``, of the learner's server plus kernel, from /proc). ``--profile-notebook``
also runs that whole notebook in the first learner's kernel and reports its peak. Needs root,
Node.js and the project's configurable-http-proxy, like tests/test_class_hub.py (whose start-up
and clean-up it reuses). Prints a Markdown table; exits 1 if a spawn failed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nbkit.classroom import remote, users  # noqa: E402
from nbkit.classroom.stop import process_uid  # noqa: E402
from tests.test_class_hub import ANSWER, NOTEBOOKS, Hub, cleanup, hub_api, learner_names, start_hub  # noqa: E402

READY_TIMEOUT = 600


def _status_kb(pid: int, field: str) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as f:
            return next(int(line.split()[1]) for line in f if line.startswith(field + ":"))
    except (OSError, StopIteration, ValueError):
        return 0


def peak_mb(username: str) -> tuple[float, float]:
    """High-water RSS (MB) of the learner's processes: (their server, their kernel)."""
    uid = users.pwd.getpwnam(username).pw_uid
    server = kernel = 0.0
    for d in Path("/proc").iterdir():
        if not d.name.isdigit() or process_uid(int(d.name)) != uid:
            continue
        try:
            cmdline = (d / "cmdline").read_bytes()
        except OSError:
            continue
        mb = _status_kb(int(d.name), "VmHWM") / 1024
        if b"ipykernel" in cmdline:
            kernel += mb
        else:
            server += mb
    return server, kernel


def code_cells(stem: str) -> list[str]:
    import nbformat

    return [c.source for c in nbformat.read(NOTEBOOKS / f"{stem}.ipynb", as_version=4).cells if c.cell_type == "code"]


def spawn_all(hub: Hub) -> tuple[float, list[str]]:
    """Request every server at once; (seconds until all ready, users whose spawn failed)."""
    t0 = time.monotonic()
    pending = set(hub.usernames)
    failed: list[str] = []
    requested: set[str] = set()
    while pending and time.monotonic() - t0 < READY_TIMEOUT:
        for username in sorted(pending):
            if username not in requested:
                status, body = hub_api(hub, "POST", f"/users/{username}/server")
                if status in (201, 202, 400):  # 400: already pending/running
                    requested.add(username)
                elif status != 429:  # 429: the concurrent spawn limit; ask again, as a browser does
                    failed.append(username)
                    pending.discard(username)
                continue
            model = hub_api(hub, "GET", f"/users/{username}")[1]
            server = model["servers"].get("")
            if server and server.get("ready"):
                pending.discard(username)
            elif not server:  # the spawn ended without a server: it failed (timeout or error)
                failed.append(username)
                pending.discard(username)
        time.sleep(1)  # polling the hub for the servers' state
    failed += sorted(pending)
    return time.monotonic() - t0, failed


def run_notebook(hub: Hub, username: str, cells: list[str], errors: dict) -> None:
    status, body = hub_api(hub, "POST", f"/users/{username}/tokens", {"note": "bench", "expires_in": 3600})
    token = body["token"]
    kernel = remote.http("POST", f"{hub.state.public_url}/user/{username}/api/kernels", token, {})[1]["id"]
    hub.tokens[username], hub.kernels[username] = token, kernel
    for code in [*cells, ANSWER]:
        try:
            out = remote.execute(hub.state.public_url, username, kernel, token, code, timeout=600)
        except Exception as exc:  # a dropped websocket or a timeout: the learner's run failed, the others go on
            errors.setdefault(username, f"{type(exc).__name__}: {exc}")
            return
        if "Error: " in out and username not in errors:
            errors[username] = out.strip().splitlines()[-1]


def bench(n: int, profile: str | None) -> dict:
    with tempfile.TemporaryDirectory(prefix="nbkit-class-bench-") as tmp:
        hub = start_hub(Path(tmp), learner_names(n))
        try:
            ready_s, failed = spawn_all(hub)
            cells, errors = code_cells("00-start-here"), {}
            t0 = time.monotonic()
            ok = [u for u in hub.usernames if u not in failed]
            threads = [threading.Thread(target=run_notebook, args=(hub, u, cells, errors)) for u in ok]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            done_s = ready_s + time.monotonic() - t0
            split = [peak_mb(u) for u in ok]
            peaks = [a + b for a, b in split]
            row = {
                "server_mb": statistics.median(a for a, _ in split) if split else 0,
                "kernel_mb": statistics.median(b for _, b in split) if split else 0,
                "n": n,
                "ready_s": ready_s,
                "done_s": done_s,
                "failed": len(failed),
                "errors": errors,
                "median_mb": statistics.median(peaks) if peaks else 0,
                "max_mb": max(peaks, default=0),
            }
            if profile and ok:
                u = ok[0]
                for code in code_cells(profile):
                    remote.execute(hub.state.public_url, u, hub.kernels[u], hub.tokens[u], code, timeout=600)
                row["profile"] = (profile, *peak_mb(u))
            return row
        finally:
            cleanup(hub)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--learners", type=int, nargs="+", default=[10, 20], metavar="N")
    p.add_argument("--profile-notebook", metavar="STEM", help="also run this whole notebook in one kernel")
    p.add_argument("--write", action="store_true", help="also write the table into benchmarks/README.md")
    args = p.parse_args(argv)
    rows = []
    for n in args.learners:
        rows.append(bench(n, args.profile_notebook))
        print(f"N={n}: {rows[-1]}", file=sys.stderr, flush=True)
    lines = [
        "| learners | all ready (s) | all done (s) | failed spawns | failed runs | peak MB per learner "
        "(median / max) | of which server / kernel (median) |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['n']} | {r['ready_s']:.0f} | {r['done_s']:.0f} | {r['failed']} | {len(r['errors'])} | "
            f"{r['median_mb']:.0f} / {r['max_mb']:.0f} | {r['server_mb']:.0f} / {r['kernel_mb']:.0f} |"
        )
    for r in rows:
        if r.get("errors"):
            lines.append(f"\nN={r['n']}: errors: {r['errors']}")
        if r.get("profile"):
            name, server, kernel = r["profile"]
            lines.append(
                f"\nN={r['n']}: after {name} too, one learner's peak: {server + kernel:.0f} MB "
                f"(server {server:.0f}, kernel {kernel:.0f})"
            )
    text = "\n".join(lines)
    print(text)
    if args.write:
        _write(text)
    return 1 if any(r["failed"] or r["errors"] for r in rows) else 0


def _write(table: str) -> None:
    """Put ``table`` between the class markers of benchmarks/README.md, with the machine and date."""
    import os
    import re
    from datetime import UTC, datetime

    readme = ROOT / "benchmarks" / "README.md"
    text = readme.read_text(encoding="utf-8")
    stamp = f"Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; load average {os.getloadavg()[0]:.1f} at the end.\n\n"
    block = f"<!-- class:start -->\n{stamp}{table}\n<!-- class:end -->"
    text = re.sub(r"<!-- class:start -->.*?<!-- class:end -->", lambda _: block, text, flags=re.S)
    readme.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
