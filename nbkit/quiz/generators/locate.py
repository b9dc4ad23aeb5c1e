"""Items that send the reader back to the text: which paragraph says a given sentence."""

from __future__ import annotations

import random
from collections.abc import Iterator

from ...shorten import shorten
from ..types import MultipleChoice
from .common import answer_paragraphs, answer_sentences, generated_item, who

__all__ = ["which_paragraph"]

#: Fewest words of a sentence worth locating (shorter ones are too generic to pin to one paragraph).
MIN_WORDS = 9


def _window(pids: list[int], key: int, k: int) -> list[int] | None:
    """k paragraph numbers around ``key`` (consecutive answer paragraphs) in which the key is not the longest."""
    i = pids.index(key)
    for lo in sorted(range(max(0, i - k + 1), min(i, len(pids) - k) + 1), key=lambda j: abs(j + k // 2 - i)):
        window = pids[lo : lo + k]
        if len(window) == k and max(len(str(p)) for p in window if p != key) >= len(str(key)):
            return window
    return None


def which_paragraph(iv, rng: random.Random, seed: int = 0, n_options: int = 4) -> Iterator[dict]:
    """Multiple-choice items: "Which paragraph says this?" for one answer sentence; the options are the numbers of
    neighbouring answer paragraphs (alike in form; the key never the only longest number)."""
    paras = answer_paragraphs(iv)
    pids = [int(p) for p in paras["paragraph_id"]]
    if len(pids) < 3:
        return
    k = min(n_options, len(pids))
    opening = {int(r.paragraph_id): shorten(r.text, 60) for r in paras.itertuples()}
    sents = answer_sentences(iv)
    sents = sents[sents["text"].str.split().str.len() >= MIN_WORDS]
    order = list(range(len(sents)))
    rng.shuffle(order)
    name = who(iv)
    for i in order:
        s = sents.iloc[i]
        pid, qid = int(s["paragraph_id"]), int(s["question_id"])
        window = _window(pids, pid, k)
        if window is None:
            continue
        all_s = iv.sentences
        position = int(((all_s["paragraph_id"] == pid) & (all_s["sentence_id"] <= s["sentence_id"])).sum())
        answers = [
            {
                "answer": str(p),
                "correct": p == pid,
                "feedback": (
                    f"Yes: it is sentence {position} of paragraph {pid}, in the answer to question {qid}."
                    if p == pid
                    else f"Paragraph {p} opens “{opening[p]}”; reread the paragraphs around it."
                ),
            }
            for p in window
        ]
        yield generated_item(
            f"q{qid}-find-the-sentence-{seed}",
            MultipleChoice.name,
            f"In which paragraph does {name} write this sentence? “{s['text']}” Choose the paragraph’s number.",
            {"answers": answers},
            f"Finding a sentence again means knowing what each paragraph of the answer to question {qid} is about; "
            "skim each paragraph’s opening, then read the likely one.",
            pid,
            s["text"],
            "remember",
            "locating",
            "which_paragraph",
        )
