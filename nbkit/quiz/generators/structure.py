"""Items on the answers' structure: which question a paragraph answers (match), and the order of an answer's steps
(ordering)."""

from __future__ import annotations

import random
from collections.abc import Iterator

from ...shorten import shorten
from ..types import Match, Ordering
from .common import answer_paragraphs, answer_sentences, generated_item, who, whose

__all__ = ["question_match", "answer_order"]

#: Characters of a step's opening (whole words, then "…"), and the most steps an ordering item asks for.
STEP_WIDTH, MAX_STEPS = 48, 5


def question_match(iv, rng: random.Random, seed: int = 0, k: int = 3, tries: int = 6) -> Iterator[dict]:
    """Match items: k answer paragraphs (from different questions) to the question each answers."""
    answers = answer_paragraphs(iv)
    qs = iv.questions
    if len(qs) < 2 or answers.empty:
        return
    pool = sorted(int(q) for q in answers["question_id"].dropna().unique())
    q_text = {int(r.question_id): f"Q{int(r.question_id)}: {r.text}" for r in qs.itertuples()}
    q_para = {int(r.question_id): int(r.paragraph_id) for r in qs.itertuples()}
    for _ in range(tries):
        qids = sorted(rng.sample(pool, min(k, len(pool))))
        pairs, chosen = [], []
        for qid in qids:
            cand = answers[answers["question_id"] == qid]
            row = cand.iloc[rng.randrange(len(cand))]
            pid, pos = int(row["paragraph_id"]), int(row["position"])
            chosen.append(pid)
            pairs.append(
                {
                    "label": f"Paragraph {pid}: {shorten(row['text'], 85)}",
                    "answer": q_text[qid],
                    "feedback": f"Paragraph {pid} is part {pos} of the answer to question {qid}, "
                    f"which is asked in paragraph {q_para[qid]}.",
                }
            )
        if len(pairs) < 2:
            return
        first = iv.sentences[iv.sentences["paragraph_id"] == chosen[0]].iloc[0]
        yield generated_item(
            f"answers-to-questions-{seed}",
            Match.name,
            "Which question does each paragraph answer? Match each paragraph to its question.",
            {"pairs": pairs, "options": [q_text[q] for q in sorted(q_text)]},
            "Each answer follows its question: the paragraphs after a question, up to the next question, answer it.",
            chosen[0],
            first["text"],
            "understand",
            "structure",
            "question_match",
        )


def _opening(text: str) -> str:
    return shorten(text, STEP_WIDTH)


def answer_order(iv, rng: random.Random, seed: int = 0) -> Iterator[dict]:
    """Ordering items: the paragraphs of an answer of 3 or more paragraphs, or the sentences of a paragraph of 3 or
    more, each step shown by its opening words (verbatim, clipped)."""
    paras = answer_paragraphs(iv)
    sents = answer_sentences(iv)
    candidates: list[tuple[str, int]] = []
    for qid, g in paras.groupby("question_id", sort=True):
        if len(g) >= 3:
            candidates.append(("answer", int(qid)))
    for pid, g in sents.groupby("paragraph_id", sort=True):
        if len(g) >= 3:
            candidates.append(("paragraph", int(pid)))
    rng.shuffle(candidates)
    for scope, n in candidates:
        if scope == "answer":
            g = paras[paras["question_id"] == n].head(MAX_STEPS)
            steps = [(int(r.paragraph_id), _opening(r.text)) for r in g.itertuples()]
            if len({s for _, s in steps}) < len(steps):
                continue
            first = sents[sents["paragraph_id"] == steps[0][0]].iloc[0]
            answers = [
                {
                    "answer": text,
                    "feedback": f"Paragraph {pid} is part {i} of the answer to question {n}"
                    + (" and opens it." if i == 1 else f"; it follows paragraph {steps[i - 2][0]}."),
                }
                for i, (pid, text) in enumerate(steps, start=1)
            ]
            yield generated_item(
                f"q{n}-answer-steps-{seed}",
                Ordering.name,
                f"Put the paragraphs of {whose(iv)} answer to question {n} in the order {who(iv)} gives them. "
                "Each paragraph is shown by its opening words.",
                {"answers": answers},
                f"The answer to question {n} runs over paragraphs {steps[0][0]}–{steps[-1][0]}; reread them in "
                "order and note what each adds to the one before.",
                steps[0][0],
                first["text"],
                "understand",
                "structure",
                "answer_order",
            )
        else:
            g = sents[sents["paragraph_id"] == n].head(MAX_STEPS)
            openings = [_opening(t) for t in g["text"]]
            if len(set(openings)) < len(openings):
                continue
            answers = [
                {
                    "answer": text,
                    "feedback": f"Sentence {i} of paragraph {n}"
                    + (": it opens the paragraph." if i == 1 else f"; it follows “{openings[i - 2]}”."),
                }
                for i, text in enumerate(openings, start=1)
            ]
            yield generated_item(
                f"para{n}-sentence-steps-{seed}",
                Ordering.name,
                f"Put these sentences of paragraph {n} in the order {who(iv)} writes them. "
                "Each sentence is shown by its opening words.",
                {"answers": answers},
                f"Paragraph {n} builds its point sentence by sentence; words such as “also”, “but” or “such” "
                "tie a sentence to the one before.",
                n,
                g["text"].iloc[0],
                "understand",
                "structure",
                "answer_order",
            )
