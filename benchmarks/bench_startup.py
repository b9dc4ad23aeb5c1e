"""Start-up: a fresh process running ``import nbkit; nbkit.load_interview()`` against ``import pandas``.

Target: <= 1.10x. Baseline and subject run alternately in each round, so both see the same load.
"""

from __future__ import annotations

from timing import summary, time_process

BASELINE = "import pandas"
SUBJECT = "import nbkit; nbkit.load_interview()"
TARGET = 1.10


def run(repeats: int = 5) -> dict:
    time_process(BASELINE), time_process(SUBJECT)  # warm the file cache
    base, subj, ratios = [], [], []
    for _ in range(repeats):
        b, s = time_process(BASELINE), time_process(SUBJECT)
        base.append(b), subj.append(s), ratios.append(s / b)
    return {
        "name": "Start-up: import nbkit; load_interview()",
        "baseline": BASELINE,
        "target": TARGET,
        "ratio": summary(ratios),
        "baseline_s": summary(base),
        "subject_s": summary(subj),
    }


if __name__ == "__main__":
    print(run())
