"""Items on the actors an answer names (counted from ``iv.mentions``: aliases such as a capital or a leader count
for their actor)."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator

from ..types import MultipleChoice
from .common import answer_paragraphs, generated_item

__all__ = ["main_actor"]


def _options(actor: str, others: list[str], rng: random.Random, k: int) -> list[str] | None:
    """The key and up to k-1 other actors, the key not the longest, lengths as alike as the pool allows."""
    pool = others[:]
    rng.shuffle(pool)
    pool.sort(key=lambda a: abs(len(a) - len(actor)))
    picked = pool[: k - 1]
    if not picked:
        return None
    if max(len(a) for a in picked) < len(actor):
        longer = [a for a in pool[k - 1 :] if len(a) >= len(actor)]
        if not longer:
            return None
        picked[-1] = longer[0]
    return sorted([actor, *picked])


def main_actor(iv, rng: random.Random, seed: int = 0, n_options: int = 4) -> Iterator[dict]:
    """Multiple-choice items: the actor an answer paragraph names most (at least twice, strictly more than any
    other); the distractors are other actors the answers name."""
    m = iv.mentions
    answer_pids = set(answer_paragraphs(iv)["paragraph_id"])
    m = m[m["paragraph_id"].isin(answer_pids)].sort_values("start", kind="stable")
    if m.empty:
        return
    overall = sorted(set(m["actor"]))
    cands = []
    for pid, g in m.groupby("paragraph_id", sort=True):
        top = Counter(g["actor"]).most_common()
        if top[0][1] >= 2 and (len(top) == 1 or top[0][1] > top[1][1]):
            cands.append((int(pid), top[0][0], Counter(g["actor"])))
    rng.shuffle(cands)
    for pid, actor, counts in cands:
        options = _options(actor, [a for a in overall if a != actor], rng, n_options)
        if options is None:
            continue
        first_sid = m[(m["paragraph_id"] == pid) & (m["actor"] == actor)]["sentence_id"].iloc[0]
        quote = iv.sentences.set_index("sentence_id").loc[first_sid, "text"]

        def times(a, counts=counts):
            k = counts.get(a, 0)
            return "once" if k == 1 else f"{k} times"

        answers = [
            {
                "answer": a,
                "correct": a == actor,
                "feedback": (
                    f"Yes: paragraph {pid} names it (or its capital or leader) {times(a)}, more than any other actor."
                    if a == actor
                    else f"Not this one: paragraph {pid} "
                    + (f"names it {times(a)}" if counts.get(a) else "does not name it")
                    + ". Count again, with capitals and leaders."
                ),
            }
            for a in options
        ]
        yield generated_item(
            f"para{pid}-actors-{seed}",
            MultipleChoice.name,
            f"Which actor does paragraph {pid} name most often? Count each actor’s name, its capital and its leader.",
            {"answers": answers},
            f"Counting the names of each actor, its capital and its leader shows whom paragraph {pid} is mainly about.",
            pid,
            quote,
            "analyse",
            "actors",
            "main_actor",
        )
