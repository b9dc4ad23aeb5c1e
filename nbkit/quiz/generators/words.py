"""Items on the answers' words: a content word blanked (cloze), and the word that hedges or boosts a claim."""

from __future__ import annotations

import random
from collections.abc import Iterator
from functools import cache, lru_cache

import numpy as np
import pandas as pd

from ..types import MultipleChoice, String
from .common import answer_sentences, generated_item, who

__all__ = ["cloze", "marker_word", "content_tokens"]

#: Shortest word a cloze blanks, and how often its stem must occur in the answers.
MIN_LETTERS, MIN_COUNT = 5, 2
#: Modal and auxiliary words never offered as "not a hedge" (a reader may fairly take them for one).
_MODALS = frozenset("would should can will must shall might may could cannot".split())

#: What each marker kind does to a claim: (stem verb, key verdict, distractor advice).
_KINDS = {
    "hedge": (
        "softens",
        "softens the claim: {who} presents it as less than certain",
        "it is part of what is claimed and does not soften it",
    ),
    "booster": (
        "strengthens",
        "strengthens the claim: {who} presents it as beyond doubt",
        "it is part of what is claimed and does not strengthen it",
    ),
    "estimative": (
        "says how likely",
        "gives the likelihood {who} sees, as an intelligence estimate would",
        "it is part of what is claimed and gives no likelihood",
    ),
}
_OPPOSITE = {"hedge": "booster", "booster": "hedge", "estimative": "booster"}


@cache
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=20_000)
def stem(word: str) -> str:
    """The Snowball stem of a word, lower-cased ("renegotiated" and "renegotiations" share one)."""
    return _stemmer().stemWord(word.lower())


#: The last interviews' content tokens (an interview's frames do not change once loaded), by id() with the object
#: kept so the id stays its own.
_TOKENS: dict[int, tuple[object, pd.DataFrame]] = {}


def content_tokens(iv) -> pd.DataFrame:
    """See :func:`_content_tokens`; computed once per interview object."""
    hit = _TOKENS.get(id(iv))
    if hit is None or hit[0] is not iv:
        if len(_TOKENS) >= 4:
            _TOKENS.pop(next(iter(_TOKENS)))
        hit = _TOKENS[id(iv)] = (iv, _content_tokens(iv))
    return hit[1]


def _content_tokens(iv) -> pd.DataFrame:
    """Answer tokens a reader can supply from the text: alphabetic, not stopwords, not markers, not names.

    A name is a word the text ever writes capitalised other than at a sentence start, or a word inside an actor
    mention; adds the columns ``stem`` and ``first`` (True for a sentence's first token)."""
    tok = iv.tokens.sort_values("token_id").copy()
    tok["first"] = ~tok["sentence_id"].duplicated()
    capital = tok["token"].str[:1].str.isupper() & ~tok["first"]
    names = set(tok.loc[capital, "word"])
    spans = iv.mentions[["start", "end"]].to_numpy()
    starts, ends = tok["start"].to_numpy()[:, None], tok["end"].to_numpy()[:, None]
    in_mention = (
        ((starts >= spans[:, 0]) & (ends <= spans[:, 1])).any(axis=1) if len(spans) else np.zeros(len(tok), bool)
    )
    markers = set(iv.marker_lexicon["marker"].str.lower())
    answer = set(answer_sentences(iv)["sentence_id"])
    keep = (
        tok["sentence_id"].isin(answer)
        & ~tok["is_stopword"]
        & tok["token"].str.fullmatch(r"[A-Za-z]+")
        & ~tok["word"].isin(names | markers)
        & ~in_mention
    )
    out = tok[keep].copy()
    out["stem"] = [stem(w) for w in out["word"]]
    return out


def cloze(iv, rng: random.Random, seed: int = 0) -> Iterator[dict]:
    """String items: an answer sentence with one content word blanked. The word's stem occurs at least
    :data:`MIN_COUNT` times in the answers and once in its sentence (the stem does not give it away); it is
    lower-case where it stands, at least :data:`MIN_LETTERS` letters, and no name."""
    tok = content_tokens(iv)
    counts = tok["stem"].value_counts()
    per_sentence = tok.groupby(["sentence_id", "stem"]).size()
    cand = tok[
        (tok["token"].str.len() >= MIN_LETTERS)
        & tok["token"].str.islower()
        & tok["stem"].map(lambda s: counts[s] >= MIN_COUNT)
    ]
    cand = cand[[per_sentence[(r.sentence_id, r.stem)] == 1 for r in cand.itertuples()]]
    sents = iv.sentences.set_index("sentence_id")
    order = list(range(len(cand)))
    rng.shuffle(order)
    name = who(iv)
    for i in order:
        t = cand.iloc[i]
        s = sents.loc[t["sentence_id"]]
        a, b = int(t["start"]) - int(s["start"]), int(t["end"]) - int(s["start"])
        text = s["text"]
        blanked = text[:a] + "_____" + text[b:]
        written, n, pid = t["token"], int(counts[t["stem"]]), int(s["paragraph_id"])
        forms = sorted(set(tok.loc[tok["stem"] == t["stem"], "word"]) - {written})
        also = f" (also as {', '.join(f'“{f}”' for f in forms)})" if forms else ""
        yield generated_item(
            f"para{pid}-missing-word-{seed}",
            String.name,
            f"Fill in the blank with {name}’s word (paragraph {pid}): {blanked}",
            {
                "answers": [
                    {
                        "answer": written,
                        "correct": True,
                        "feedback": f"Yes: {name} writes “{written}” here (paragraph {pid}); the word is used "
                        f"{n} times in the answers{also}.",
                    },
                    {"type": "default", "feedback": f"That is not the word {name} uses here; reread paragraph {pid}."},
                ],
            },
            f"The blanked word is one {name} uses {n} times in the answers{also}; the sentence is from paragraph {pid}.",
            pid,
            text,
            "remember",
            "vocabulary",
            "cloze",
        )


def _distractors(key: str, words: list[str], rng: random.Random, k: int = 3) -> list[str] | None:
    """Up to k words alike in form to ``key`` (length, "-ly" ending), one at least as long as the key."""
    pool = sorted(set(words) - {key.lower()})
    rng.shuffle(pool)
    ly = key.endswith("ly")
    pool.sort(key=lambda w: abs(len(w) - len(key)) + (0 if w.endswith("ly") == ly else 3))
    picked = pool[:k]
    if len(picked) < 2:
        return None
    if max(len(w) for w in picked) < len(key):
        longer = [w for w in pool[k:] if len(w) >= len(key)]
        if not longer:
            return None
        picked[-1] = longer[0]
    return picked


def marker_word(iv, rng: random.Random, seed: int = 0, n_options: int = 4) -> Iterator[dict]:
    """Multiple-choice items: the one word of a sentence that hedges, boosts or estimates the claim (from the
    marker lexicon, ``iv.markers``). The distractors are other words of the same sentence, alike in form, and a
    marker of the opposite kind when the sentence has one; a sentence with two markers of the asked kind is skipped."""
    markers = iv.markers
    if markers.empty:
        return
    tok = content_tokens(iv)
    sents = iv.sentences.set_index("sentence_id")
    answer = set(answer_sentences(iv)["sentence_id"])
    groups = [(int(sid), g) for sid, g in markers.groupby("sentence_id", sort=True) if sid in answer]
    rng.shuffle(groups)
    name, name_start = who(iv), who(iv, start=True)
    for sid, g in groups:
        s = sents.loc[sid]
        text, offset, pid = s["text"], int(s["start"]), int(s["paragraph_id"])
        for kind in ("hedge", "booster", "estimative"):
            mine = g[g["kind"] == kind]
            if len(mine) != 1:
                continue
            m = mine.iloc[0]
            key = text[int(m["start"]) - offset : int(m["end"]) - offset]
            if " " in key:
                continue  # a phrase among single words would stand out
            others = g[g["kind"] == _OPPOSITE[kind]]
            opposite = [text[int(o.start) - offset : int(o.end) - offset] for o in others.itertuples()]
            opposite = [w for w in opposite if " " not in w][:1]
            words = [
                w
                for w in tok.loc[tok["sentence_id"] == sid, "token"]
                if w.islower() and w not in _MODALS and w.lower() not in set(g["marker"].str.lower())
            ]
            rest = _distractors(key, words, rng, n_options - 1 - len(opposite))
            if rest is None:
                continue
            verb, verdict, advice = _KINDS[kind]
            options = [key, *opposite, *rest]
            rng.shuffle(options)
            feedback = {key: f"Yes: “{key}” {verdict.format(who=name)} (paragraph {pid})."}
            for w in opposite:
                feedback[w] = f"“{w}” does the opposite here: it is a {_OPPOSITE[kind]}. Reread paragraph {pid}."
            for w in rest:
                feedback[w] = f"“{w}”: {advice}. Reread the sentence in paragraph {pid}."
            question = (
                f"In paragraph {pid}, which word {verb} the claim of this sentence? “{text}”"
                if kind != "estimative"
                else f"In paragraph {pid}, which word says how likely {name} finds this? “{text}”"
            )
            yield generated_item(
                f"para{pid}-claim-wording-{seed}",
                MultipleChoice.name,
                question,
                {"answers": [{"answer": w, "correct": w == key, "feedback": feedback[w]} for w in options]},
                f"{name_start}’s wording tells the reader how sure the claim is: “{key}” is in the course’s marker "
                f"lexicon as a {kind} ({m['sense']}).",
                pid,
                text,
                "analyse",
                "certainty",
                "marker_word",
            )
            break
