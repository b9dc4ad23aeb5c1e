"""Quiz items generated for any interview of the series, deterministic for a given seed.

- ``question_match``: "Which question does this paragraph answer?" (match);
- ``cloze``: a sentence with a key term blanked (string);
- ``main_actor``: "Which actor is this paragraph mainly about?" (multiple choice), counted
  from ``iv.mentions`` (aliases such as "Pyongyang" or "Putin" count for their actor).

:func:`generate_bank` returns a :class:`~nbkit.quiz.bank.Bank` validated by the same schema
and evidence checks as the hand-written banks.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from typing import Any

from ..shorten import shorten
from .bank import Bank, Item, validate_bank
from .types import Match, MultipleChoice, String

__all__ = ["generate_items", "generate_bank", "question_match", "cloze", "main_actor"]


def _speaker(iv) -> str:
    name = iv.meta["interviewee"].iloc[0]
    return str(name).split()[-1] if isinstance(name, str) and name.strip() else "The interviewee"


def question_match(iv, rng: random.Random, k: int = 3, item_id: str = "auto-question-match") -> dict | None:
    """A match item: k answer paragraphs (from different questions) to the question each answers."""
    paras = iv.paragraphs
    answers = paras[paras["role"] == "answer"]
    qs = iv.questions
    if len(qs) < 2 or answers.empty:
        return None
    pool = sorted(int(q) for q in answers["question_id"].dropna().unique())
    qids = sorted(rng.sample(pool, min(k, len(pool))))
    q_text = {int(r.question_id): f"Q{int(r.question_id)}: {r.text}" for r in qs.itertuples()}
    q_para = {int(r.question_id): int(r.paragraph_id) for r in qs.itertuples()}
    pairs, chosen = [], []
    for qid in qids:
        cand = answers[answers["question_id"] == qid]
        row = cand.iloc[rng.randrange(len(cand))]
        pid, pos = int(row["paragraph_id"]), int(row["position"])
        chosen.append(row)
        pairs.append(
            {
                "label": f"Paragraph {pid}: {shorten(row['text'], 85)}",
                "answer": q_text[qid],
                "feedback": f"Paragraph {pid} is part {pos} of the answer to question {qid}, "
                f"which is asked in paragraph {q_para[qid]}.",
            }
        )
    first = iv.sentences[iv.sentences["paragraph_id"] == int(chosen[0]["paragraph_id"])].iloc[0]
    return {
        "id": item_id,
        "type": Match.name,
        "question": "Which question does each paragraph answer? Match each paragraph to its question.",
        "pairs": pairs,
        "options": [q_text[q] for q in sorted(q_text)],
        "explanation": "Each answer follows its question: the paragraphs after a question, up to the next question, answer it.",
        "evidence": {"paragraph_id": int(first["paragraph_id"]), "quote": first["text"]},
        "level": "understand",
        "purpose": "reading",
        "tags": ["generated", "structure"],
    }


def cloze(iv, rng: random.Random, item_id: str = "auto-cloze") -> dict | None:
    """A short-answer item: one answer sentence with a key term (a content word used at least twice) blanked."""
    tok = iv.tokens
    answer_pids = set(iv.paragraphs.loc[iv.paragraphs["role"] == "answer", "paragraph_id"])
    content = tok[
        (~tok["is_stopword"]) & tok["token"].str.fullmatch(r"[A-Za-z]{5,}") & tok["paragraph_id"].isin(answer_pids)
    ]
    counts = content["word"].value_counts()
    terms = sorted(counts[counts >= 2].index)
    sents = iv.sentences[iv.sentences["role"] == "answer"]
    if not terms or sents.empty:
        return None
    term = terms[rng.randrange(len(terms))]
    ids = sorted(content[content["word"] == term]["sentence_id"].unique())
    ids = [i for i in ids if i in set(sents["sentence_id"])]
    sid = ids[rng.randrange(len(ids))]
    s = sents[sents["sentence_id"] == sid].iloc[0]
    blanked = re.sub(rf"\b{re.escape(term)}\b", "_____", s["text"], flags=re.IGNORECASE)
    written = content[(content["sentence_id"] == sid) & (content["word"] == term)]["token"].iloc[0]
    pid, who = int(s["paragraph_id"]), _speaker(iv)
    return {
        "id": item_id,
        "type": String.name,
        "question": f"Fill in the blank (paragraph {pid}): {blanked}",
        "answers": [
            {
                "answer": written,
                "correct": True,
                "feedback": f"Yes: {who} uses “{written}” here (paragraph {pid}); the word appears {int(counts[term])} times in the answers.",
            },
            {"type": "default", "feedback": f"That is not the word {who} uses here; reread paragraph {pid}."},
        ],
        "explanation": f"“{written}” is one of the content words {who} uses more than once; the blanked sentence is from paragraph {pid}.",
        "evidence": {"paragraph_id": pid, "quote": s["text"]},
        "level": "remember",
        "purpose": "reading",
        "tags": ["generated", "vocabulary"],
    }


def main_actor(iv, rng: random.Random, item_id: str = "auto-main-actor", n_options: int = 4) -> dict | None:
    """A multiple-choice item: the actor a paragraph mentions most (strictly more than any other)."""
    m = iv.mentions
    if m.empty:
        return None
    m = m.sort_values("start", kind="stable")
    overall = [a for a, _ in sorted(Counter(m["actor"]).items(), key=lambda kv: (-kv[1], kv[0]))]
    cands = []
    for pid, g in m.groupby("paragraph_id", sort=True):
        top = Counter(g["actor"]).most_common()
        if top[0][1] >= 2 and (len(top) == 1 or top[0][1] > top[1][1]):
            cands.append((int(pid), top[0][0], Counter(g["actor"])))
    if not cands or len(overall) < 2:
        return None
    pid, actor, counts = cands[rng.randrange(len(cands))]
    options = sorted(set([actor] + [a for a in overall if a != actor][: n_options - 1]))
    first_sid = m[(m["paragraph_id"] == pid) & (m["actor"] == actor)]["sentence_id"].iloc[0]
    quote = iv.sentences.set_index("sentence_id").loc[first_sid, "text"]
    text = iv.paragraphs.set_index("paragraph_id").loc[pid, "text"]

    def times(a):
        k = counts.get(a, 0)
        return "once" if k == 1 else f"{k} times"

    answers = [
        {
            "answer": a,
            "correct": a == actor,
            "feedback": (
                f"Yes: paragraph {pid} names {a} (or its capital or leader) {times(a)}, more than any other actor."
                if a == actor
                else f"Paragraph {pid} names {a} {times(a) if counts.get(a) else 'not at all'}; "
                f"{actor} is named {times(actor)}."
            ),
        }
        for a in options
    ]
    return {
        "id": item_id,
        "type": MultipleChoice.name,
        "question": f"Which actor is paragraph {pid} mainly about? Paragraph {pid} reads: {text}",
        "answers": answers,
        "explanation": f"Counting the names of each actor, its capital and its leader, paragraph {pid} names {actor} most often.",
        "evidence": {"paragraph_id": pid, "quote": quote},
        "level": "analyse",
        "purpose": "reading",
        "tags": ["generated", "actors"],
    }


def generate_items(iv=None, seed: int = 0) -> list[dict]:
    """Three generated items (question match, cloze, main actor) as bank item dicts; same seed, same items."""
    if iv is None:
        from ..course import load_interview

        iv = load_interview()
    rng = random.Random(seed)
    items = [
        question_match(iv, rng, item_id=f"auto-question-match-{seed}"),
        cloze(iv, rng, item_id=f"auto-cloze-{seed}"),
        main_actor(iv, rng, item_id=f"auto-main-actor-{seed}"),
    ]
    return [it for it in items if it is not None]


def generate_bank(iv=None, seed: int = 0, notebook: str = "90-generated") -> Bank:
    """A validated bank of :func:`generate_items` (evidence checked against ``iv``)."""
    if iv is None:
        from ..course import load_interview

        iv = load_interview()
    doc: dict[str, Any] = {
        "notebook": notebook,
        "title": f"Generated quiz on {iv.interview_id} (seed {seed})",
        "items": generate_items(iv, seed),
    }
    validate_bank(doc, f"<generated {iv.interview_id} seed {seed}>", interview=iv)
    return Bank(notebook, doc["title"], f"<generated seed {seed}>", tuple(Item(notebook, d) for d in doc["items"]))
