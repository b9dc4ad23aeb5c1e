"""Run nbkit's benchmarks and write the results table to benchmarks/README.md and the project README.

    python benchmarks/run.py            # full: 5 rounds each, all notebooks; rewrites the table
    python benchmarks/run.py --quick    # CI smoke run: 2 rounds, small corpus, one notebook; prints only

Every figure is a ratio against a baseline measured in the same round (median, min, max over the
rounds). Targets are goals to report, not pass/fail checks: the runner exits 0 when it finishes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_notebooks  # noqa: E402
import bench_scale  # noqa: E402
import bench_startup  # noqa: E402

START, END = "<!-- results:start -->", "<!-- results:end -->"


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        mem_kb = int(
            next(ln for ln in Path("/proc/meminfo").read_text().splitlines() if ln.startswith("MemTotal")).split()[1]
        )
        mem = f"{mem_kb / 1024 / 1024:.0f} GiB"
    except (OSError, StopIteration):
        mem = "? GiB"
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{cpu}, {os.cpu_count()} cores, {mem}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; load average {load:.1f} at start"
    )


def fmt(stat: dict | None) -> str:
    if not stat:
        return "n/a"
    return f"{stat['median']:.2f}x ({stat['min']:.2f}–{stat['max']:.2f})"


def verdict(stat: dict | None, target: float) -> str:
    if not stat:
        return "n/a"
    return "met" if stat["median"] <= target else "missed"


def table(results: dict) -> str:
    rows = [
        "| Benchmark | Ratio: median (min–max) | Baseline | Absolute (median) | Target | |",
        "|---|---|---|---|---|---|",
    ]
    s = results["startup"]
    rows.append(
        f'| {s["name"]} | {fmt(s["ratio"])} | `python -c "{s["baseline"]}"` | '
        f"{s['subject_s']['median']:.2f} s vs {s['baseline_s']['median']:.2f} s | ≤ {s['target']:.2f}x | "
        f"{verdict(s['ratio'], s['target'])} |"
    )
    c = results["scale"]
    small, large = c["sizes"]
    rows.append(
        f"| {c['name']} ({c['mean_bytes'] / 1000:.1f} KB texts) | {fmt(c['ratio'])} | "
        f"cost per interview at {small} | {large}: {c['large_s']['median']:.2f} s "
        f"({c['large_s']['median'] / large * 1000:.1f} ms each); {small}: {c['small_s']['median']:.2f} s | "
        f"≤ {c['target']:.1f}x, {large} in ≤ {c['target_seconds']:.0f} s | "
        f"{verdict(c['ratio'], c['target'])}; {large} in {c['large_s']['median']:.1f} s: "
        f"{'met' if c['large_s']['median'] <= c['target_seconds'] else 'missed'} |"
    )
    n = results["notebooks"]
    for row in n["notebooks"]:
        rows.append(
            f"| {row['name']} | {fmt(row['ratio'])} | floor notebook: kernel + `{'; '.join(row['imports'])}` | "
            f"{row['notebook_s']['median']:.1f} s vs {row['floor_s']['median']:.1f} s | "
            f"≤ {row['target']:.1f}x | {verdict(row['ratio'], row['target'])} |"
        )
    co = n["course"]
    if co["ratio"]:
        rows.append(
            f"| {co['name']} | {fmt(co['ratio'])} | sum of the floor notebooks | "
            f"{co['notebook_s']['median']:.1f} s vs {co['floor_s']['median']:.1f} s | ≤ {co['target']:.1f}x | "
            f"{verdict(co['ratio'], co['target'])} |"
        )
    me = n["memory"]
    if me["ratio"]:
        heaviest = max(n["notebooks"], key=lambda r: r["memory_ratio"]["median"])
        rows.append(
            f"| {me['name']} | {fmt(me['ratio'])} | peak RSS of the floor kernel | "
            f"{heaviest['peak_mb']} MB vs {heaviest['floor_peak_mb']} MB | ≤ {me['target']:.1f}x | "
            f"{verdict(me['ratio'], me['target'])} |"
        )
    return "\n".join(rows)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="CI smoke run: fewer rounds, smaller corpus, one notebook")
    parser.add_argument("--repeats", type=int, default=None, help="rounds per benchmark (default 5, quick 2)")
    parser.add_argument("--notebooks", default=None, help="glob of notebooks to run (default all; quick: 00-*)")
    parser.add_argument("--write", action="store_true", help="also rewrite the README table in quick mode")
    parser.add_argument("--json", type=Path, default=None, help="write the raw results as JSON here")
    args = parser.parse_args(argv)
    repeats = args.repeats or (2 if args.quick else 5)
    started = dt.datetime.now().astimezone()
    results = {
        "machine": machine(),
        "date": started.strftime("%Y-%m-%d %H:%M %Z"),
        "repeats": repeats,
        "quick": args.quick,
    }
    print(f"nbkit benchmarks, {repeats} rounds; {results['machine']}", flush=True)
    results["startup"] = bench_startup.run(repeats)
    print("start-up", fmt(results["startup"]["ratio"]), flush=True)
    results["scale"] = bench_scale.run(repeats, (20, 100) if args.quick else (50, 500))
    print("scale", fmt(results["scale"]["ratio"]), f"{results['scale']['large_s']['median']:.2f} s", flush=True)
    results["notebooks"] = bench_notebooks.run(repeats, args.notebooks or ("00-*.ipynb" if args.quick else "*.ipynb"))
    text = table(results)
    print(text)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    if args.write or not args.quick:
        block = (
            f"{START}\nMachine: {results['machine']}.  \nDate: {results['date']}; {repeats} rounds per figure.\n\n"
            f"{text}\n{END}"
        )
        for readme in (HERE / "README.md", HERE.parent / "README.md"):  # the results, and the project README's copy
            head, rest = readme.read_text(encoding="utf-8").split(START, 1)
            _, tail = rest.split(END, 1)
            readme.write_text(head + block + tail, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
