"""Items that weigh claims against each other: which sentence of an answer is stated with the most confidence."""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

from ...shorten import shorten
from ..types import MultipleChoice
from .common import answer_sentences, generated_item, who

__all__ = ["most_confident"]

#: Characters each option shows of its sentence (all options clipped alike, so none stands out by length).
WIDTH = 64


def most_confident(iv, rng: random.Random, seed: int = 0, n_options: int = 4) -> Iterator[dict]:
    """Multiple-choice items: of sentences of one answer, the one stated with the most confidence. The key has a
    booster (marker lexicon) and no hedge; each distractor has a hedge or an estimative word and no booster."""
    markers = iv.markers
    if markers.empty:
        return
    kinds = markers.groupby("sentence_id")["kind"].agg(set)
    sents = answer_sentences(iv)
    first_marker: dict[tuple[int, str], Any] = {}
    for m in markers.sort_values("start").itertuples():
        first_marker.setdefault((int(m.sentence_id), m.kind), m)
    qids = sorted(int(q) for q in sents["question_id"].dropna().unique())
    rng.shuffle(qids)
    name = who(iv)
    for qid in qids:
        mine = sents[sents["question_id"] == qid]
        sure = [r for r in mine.itertuples() if kinds.get(r.sentence_id, set()) == {"booster"}]
        soft = [
            r
            for r in mine.itertuples()
            if kinds.get(r.sentence_id, set()) and "booster" not in kinds.get(r.sentence_id, set())
        ]
        if not sure or len(soft) < 2:
            continue
        key = sure[rng.randrange(len(sure))]
        others = rng.sample(soft, min(n_options - 1, len(soft)))
        options = sorted([key, *others], key=lambda r: r.sentence_id)
        shown = {r.sentence_id: shorten(r.text, WIDTH) for r in options}
        if len(set(shown.values())) < len(shown):
            continue
        booster = first_marker[(int(key.sentence_id), "booster")]
        word = key.text[int(booster.start) - int(key.start) : int(booster.end) - int(key.start)]

        def softened(r):
            m = first_marker.get((int(r.sentence_id), "hedge")) or first_marker[(int(r.sentence_id), "estimative")]
            w = r.text[int(m.start) - int(r.start) : int(m.end) - int(r.start)]
            return (
                f"Not this one: “{w}” softens it (paragraph {int(r.paragraph_id)}); the firmest claim has a word "
                "that rules out doubt."
            )

        answers = [
            {
                "answer": shown[r.sentence_id],
                "correct": r is key,
                "feedback": (
                    f"Yes: “{word}” presents it as beyond doubt (paragraph {int(key.paragraph_id)}); each of the "
                    "others is softened."
                    if r is key
                    else softened(r)
                ),
            }
            for r in options
        ]
        yield generated_item(
            f"q{qid}-firmest-claim-{seed}",
            MultipleChoice.name,
            f"Of these sentences from the answer to question {qid}, which does {name} state with the most confidence? "
            "Read each one whole in the text before you judge.",
            {"answers": answers},
            "A claim's confidence shows in its wording: boosters present it as beyond doubt, hedges and estimative "
            "words as possible or likely. Weigh each sentence's wording, not how important its topic is.",
            int(key.paragraph_id),
            key.text,
            "evaluate",
            "certainty",
            "most_confident",
        )
