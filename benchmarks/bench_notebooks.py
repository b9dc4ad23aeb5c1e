"""Notebooks and memory: each notebook run top to bottom (nbclient) against a floor notebook.

The floor notebook of a notebook starts a kernel and runs only the import lines found in the
notebook's code cells (``import x`` / ``from x import y`` at the start of a line). Both end with a
cell that reports the kernel's peak RSS (``resource.getrusage``), for the memory figure: the peak
RSS after the heaviest notebook against its floor kernel's.

Targets: each notebook <= 1.5x its floor, the whole course (sum) <= 1.3x, memory <= 1.3x.
Learner progress goes to a temporary file (``NBKIT_PROGRESS``), never the real store.
"""

from __future__ import annotations

import copy
import os
import tempfile
import time
from pathlib import Path

import nbformat
from timing import summary

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
TARGET_EACH, TARGET_COURSE, TARGET_MEMORY = 1.5, 1.3, 1.3

_RSS_CELL = "import resource, sys\n_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\nprint('PEAK_RSS_KB', _kb)"


def import_lines(nb) -> list[str]:
    """The notebook's import statements, in first-seen order."""
    seen: list[str] = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for line in cell.source.splitlines():
            is_import = line.startswith("import ") or (line.startswith("from ") and " import " in line)
            if is_import and line not in seen:
                seen.append(line)
    return seen


def floor_notebook(nb):
    """A notebook with one cell holding ``nb``'s imports."""
    floor = nbformat.v4.new_notebook(metadata=copy.deepcopy(nb.metadata))
    floor.cells = [nbformat.v4.new_code_cell("\n".join(import_lines(nb)) or "pass")]
    return floor


def execute(nb, cwd: Path) -> tuple[float, int]:
    """Run ``nb`` (plus the RSS cell) in a fresh kernel; return (seconds, peak RSS in KB)."""
    from nbclient import NotebookClient

    nb = copy.deepcopy(nb)
    nb.cells.append(nbformat.v4.new_code_cell(_RSS_CELL))
    client = NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(cwd)}})
    start = time.perf_counter()
    client.execute()
    seconds = time.perf_counter() - start
    text = "".join(o.get("text", "") for o in nb.cells[-1].outputs)
    return seconds, int(text.split("PEAK_RSS_KB")[1].split()[0])


def run(repeats: int = 5, pattern: str = "*.ipynb") -> dict:
    paths = sorted(NOTEBOOKS.glob(pattern))
    with tempfile.TemporaryDirectory(prefix="nbkit-bench-") as tmp:
        os.environ["NBKIT_PROGRESS"] = str(Path(tmp) / "progress.json")
        os.environ.setdefault("MPLCONFIGDIR", str(Path(tmp) / "mpl"))
        rows, course_nb, course_floor = [], [0.0] * repeats, [0.0] * repeats
        for path in paths:
            nb = nbformat.read(path, as_version=4)
            floor = floor_notebook(nb)
            execute(floor, NOTEBOOKS)  # warm-up: first kernel start, bytecode caches
            ratios, t_nb, t_floor, mem, kb = [], [], [], [], []
            for r in range(repeats):
                f_s, f_rss = execute(floor, NOTEBOOKS)
                n_s, n_rss = execute(nb, NOTEBOOKS)
                ratios.append(n_s / f_s), t_nb.append(n_s), t_floor.append(f_s), mem.append(n_rss / f_rss)
                kb.append((n_rss, f_rss))
                course_nb[r] += n_s
                course_floor[r] += f_s
            rows.append(
                {
                    "name": f"Notebook {path.stem}",
                    "target": TARGET_EACH,
                    "ratio": summary(ratios),
                    "notebook_s": summary(t_nb),
                    "floor_s": summary(t_floor),
                    "memory_ratio": summary(mem),
                    "peak_mb": round(max(k[0] for k in kb) / 1024),
                    "floor_peak_mb": round(max(k[1] for k in kb) / 1024),
                    "imports": import_lines(nb),
                }
            )
    heaviest = max(rows, key=lambda row: row["memory_ratio"]["median"]) if rows else None
    course = [n / f for n, f in zip(course_nb, course_floor)] if rows else []
    return {
        "notebooks": rows,
        "course": {
            "name": "Course: all notebooks, summed",
            "target": TARGET_COURSE,
            "ratio": summary(course) if course else None,
            "notebook_s": summary(course_nb) if rows else None,
            "floor_s": summary(course_floor) if rows else None,
        },
        "memory": {
            "name": f"Memory: kernel peak RSS after the heaviest notebook ({heaviest['name'][9:]})"
            if heaviest
            else "Memory",
            "target": TARGET_MEMORY,
            "ratio": heaviest["memory_ratio"] if heaviest else None,
        },
    }


if __name__ == "__main__":
    print(run(1))
