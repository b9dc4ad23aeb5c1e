"""Scale: load_corpus on synthetic corpora of 50 and 500 interview-sized texts.

Texts come from ``nbkit.synthetic.synthetic_interview(seed, n_questions=8, max_answer_paragraphs=9)``,
one seed per file (mean about 7.3 KB, like the 7.5 KB seed). Every text is segmented afresh: nothing
is cached by content. Targets: 500 texts in <= 5 s; cost per interview at 500 <= 1.2x the cost at 50
(the baseline measured in the same round).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from timing import summary

TARGET_SECONDS = 5.0
TARGET_RATIO = 1.2

# Each round runs in a fresh interpreter (imports and the first load warmed up, then timed).
_ROUND = r"""
import json, sys, time
from pathlib import Path
import nbkit
nbkit.load_interview()
files = sorted(Path(sys.argv[1]).glob("*.txt"))
out = {}
for n in (50, 500):
    start = time.perf_counter()
    frames = nbkit.load_corpus(files[:n])
    out[n] = time.perf_counter() - start
    assert frames["meta"].shape[0] == n
print(json.dumps(out))
"""


def write_corpus(folder: Path, n: int = 500) -> float:
    """Write ``n`` synthetic interviews to ``folder``; return their mean size in bytes."""
    from nbkit.synthetic import synthetic_interview

    sizes = []
    for seed in range(n):
        data = synthetic_interview(seed, n_questions=8, max_answer_paragraphs=9).encode("utf-8")
        (folder / f"interview-{seed:04d}.txt").write_bytes(data)
        sizes.append(len(data))
    return sum(sizes) / len(sizes)


def run(repeats: int = 5, sizes: tuple[int, int] = (50, 500)) -> dict:
    small, large = sizes
    code = _ROUND.replace("(50, 500)", f"({small}, {large})")
    with tempfile.TemporaryDirectory(prefix="nbkit-bench-") as tmp:
        mean_bytes = write_corpus(Path(tmp), large)
        t_small, t_large, ratios = [], [], []
        for _ in range(repeats):
            out = subprocess.run(
                [sys.executable, "-c", code, tmp],
                check=True,
                capture_output=True,
                text=True,
                cwd=Path(__file__).resolve().parents[1],
            )
            times = {int(k): v for k, v in json.loads(out.stdout).items()}
            t_small.append(times[small]), t_large.append(times[large])
            ratios.append((times[large] / large) / (times[small] / small))
    return {
        "name": f"Scale: load_corpus, cost per interview at {large} vs at {small}",
        "target": TARGET_RATIO,
        "ratio": summary(ratios),
        "small_s": summary(t_small),
        "large_s": summary(t_large),
        "sizes": [small, large],
        "mean_bytes": round(mean_bytes),
        "target_seconds": TARGET_SECONDS,
    }


if __name__ == "__main__":
    print(run())
