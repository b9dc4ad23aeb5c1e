"""Quiz items generated from the coded claims of an interview: whose view a claim is, which reading it supports,
its part in the argument, and how two linked claims relate.

Four generators, each a reading item with the claim's verbatim quote as evidence and feedback that says why,
from the coding (``iv.claims``, ``iv.argument_links``: the bundled interview's or a teacher's course folder):

- ``claim_voice`` (multiple_choice, understand): the speaker's own view, a rival view reported to argue
  against it, or a report of what others said (``voice``);
- ``claim_stance`` (multiple_choice, evaluate): which reading of the relationship the claim supports (``stance``);
- ``claim_kinds`` (match, analyse): three claims of one answer to their part in the argument (``kind``);
- ``claim_relation`` (multiple_choice, analyse): how one claim bears on the claim it is linked to (``relation``).

:func:`claim_items` keeps, per question, the first candidate of each generator that adds no high-risk finding of
``nbkit check-bank`` (:func:`nbkit.quiz.cues.find_cues`) to the items already kept. Every item has
``generated: true``, ``purpose: reading`` and the tags ``[generated, <generator>, <skill>]``, as the other
generators' (:func:`nbkit.quiz.generators.common.generated_item`; docs/quiz-format.md).
"""

from __future__ import annotations

import random

import pandas as pd

from ..shorten import shorten
from .bank import Bank, Item
from .generators.common import generated_item, who

__all__ = ["claim_items", "claim_voice", "claim_stance", "claim_kinds", "claim_relation", "VOICE_OPTIONS"]

#: The options of a voice item, short so that no key is long enough to cue another item (check-bank).
VOICE_OPTIONS = {"lee": "own view", "prevailing_view": "rival view", "reported": "a report"}
#: Why a claim has each voice (feedback), ``{s}`` the speaker.
VOICE_WHY = {
    "lee": "the claim is {s}’s: {s} does not attribute it to anyone else",
    "prevailing_view": "{s} attributes it to the prevailing view, which {s} sets out to answer",
    "reported": "{s} attributes it to others (a report, a statement) without arguing for or against it here",
}
#: What each voice option means (feedback on a wrong choice).
VOICE_MEANS = {
    "lee": "an own view is one {s} states without attributing it to anyone",
    "prevailing_view": "a rival view is one {s} reports in order to argue against it",
    "reported": "a report passes on what others said, without arguing for or against it",
}
#: The options of a stance item: the three stances, and "both readings" (a claim both accept is coded neither).
STANCE_OPTIONS = {
    "transactional": "transactional",
    "strategic": "strategic",
    "neither": "neither",
    "both": "both readings",
}
#: The test question of each stance (docs/coding-rules.md), as a reason.
STANCE_WHY = {
    "transactional": "it is about what each side gets now, a reason to expect the tie to weaken once the gains are had",
    "strategic": "it points to goals or ties meant to last, whatever each side gains now",
    "neither": "both readings could accept it, or it is not about the relationship in question",
}
#: What each stance option means (feedback on a wrong choice).
STANCE_MEANS = {
    "transactional": "a transactional claim is about what each side gets now",
    "strategic": "a strategic claim points to goals or ties meant to last",
    "neither": "a claim is coded neither when both readings could accept it, or when it is not about the relationship",
    "both": "a claim both readings accept is coded neither",
}
#: What ``from_claim <relation> to_claim`` says, as a verb phrase.
RELATION_WHY = {
    "supports": "gives a reason or evidence for",
    "rebuts": "argues against",
    "qualifies": "limits, or adds a condition to,",
    "elaborates": "adds detail to",
}
KIND_WHY = {
    "thesis": "the main claim or the frame of the answer",
    "reason": "a judgement offered as a because",
    "evidence": "something a source could show without the speaker's reading",
    "counterpoint": "a view stated in order to disagree with it",
    "implication": "what the developments mean, or for whom",
    "prediction": "what will happen, or how probable it is",
    "context": "background both sides take as given",
}


def _where(c) -> str:
    return f"claim {c.claim_id} (para. {int(c.paragraph_id)})"


def _item(item_id, kind, question, explanation, claim, level, generator, skill, **fields) -> dict:
    return generated_item(
        item_id, kind, question, fields, explanation, int(claim.paragraph_id), claim.quote, level, skill, generator
    )


def _choices(options: dict[str, str], key: str, right: str, wrong) -> list[dict]:
    return [
        {"answer": text, "correct": value == key, "feedback": right if value == key else wrong(value)}
        for value, text in options.items()
    ]


def _summary(claim) -> str:
    return str(claim.summary).strip().rstrip(".")


def claim_voice(iv, claim) -> dict:
    """Whose view claim ``claim`` (a row of ``iv.claims``) is: the speaker's own, a rival view, or a report."""
    s, pid, voice = who(iv), int(claim.paragraph_id), str(claim.voice)
    why = VOICE_WHY[voice].format(s=s)
    return _item(
        f"claim-{claim.claim_id.lower()}-voice",
        "multiple_choice",
        f"In paragraph {pid}, whose view is this claim: {s}’s own view, a rival view {s} reports in order to argue "
        f"against it, or a report of what others said? “{claim.quote}”",
        f"In {_where(claim)} {why}. The claim, in short: {_summary(claim)}.",
        claim,
        "understand",
        "claim_voice",
        "voice",
        answers=_choices(
            VOICE_OPTIONS,
            voice,
            f"Yes: in paragraph {pid} {why}.",
            lambda v: f"Not this one: {VOICE_MEANS[v].format(s=s)}. In paragraph {pid} {why}.",
        ),
    )


def claim_stance(iv, claim) -> dict:
    """Which reading of the relationship claim ``claim`` supports, by its own words."""
    pid, stance = int(claim.paragraph_id), str(claim.stance)
    why = STANCE_WHY[stance]
    return _item(
        f"claim-{claim.claim_id.lower()}-reading",
        "multiple_choice",
        f"In paragraph {pid}, which reading of the relationship does this claim support, read by its own words? "
        f"“{claim.quote}”",
        f"By the coding of {_where(claim)}, {why} (the coding rules give a test question for each reading). "
        f"The coding is contestable: a reader who argues for another reading from the text has a point to make.",
        claim,
        "evaluate",
        "claim_stance",
        "stance",
        answers=_choices(
            STANCE_OPTIONS,
            stance,
            f"Yes, by the coding of paragraph {pid}: {why}.",
            lambda v: (
                f"Not by the coding: {STANCE_MEANS[v]}. This one is coded {stance}: {why}. Reread paragraph {pid} and ask the test question of each reading."
            ),
        ),
    )


def claim_kinds(iv, claims: pd.DataFrame, rng: random.Random) -> dict | None:
    """Three claims of one answer, of three different kinds, to match to their part in the argument."""
    by_kind = {str(k): g for k, g in claims.groupby(claims["kind"].astype(str), sort=True, observed=True)}
    if len(by_kind) < 3:
        return None
    kinds = sorted(rng.sample(sorted(by_kind), 3))
    picked = sorted((by_kind[k].iloc[rng.randrange(len(by_kind[k]))] for k in kinds), key=lambda c: c.claim_id)
    pairs = [
        {
            "label": f"{c.claim_id} (para. {int(c.paragraph_id)}): “{shorten(c.quote, 70)}”",
            "answer": str(c.kind),
            "feedback": f"{c.claim_id} is coded {c.kind}: {KIND_WHY[str(c.kind)]}.",
        }
        for c in picked
    ]
    first = picked[0]
    qid = int(first.question_id)
    return _item(
        f"claims-q{qid}-{'-'.join(c.claim_id.lower() for c in picked)}-parts",
        "match",
        f"Match each claim of the answer to question {qid} to its part in the argument.",
        "Each claim's part, by the coding rules: "
        + "; ".join(f"{c.claim_id}, {KIND_WHY[str(c.kind)]}" for c in picked)
        + ".",
        first,
        "analyse",
        "claim_kinds",
        "kind",
        pairs=pairs,
        options=list(KIND_WHY),
    )


def claim_relation(iv, link, claims: pd.DataFrame) -> dict:
    """How the claim a link starts from bears on the claim it points to (supports, rebuts, qualifies, elaborates)."""
    rows = {c.claim_id: c for c in claims.itertuples(index=False)}
    a, b, relation = rows[link.from_claim], rows[link.to_claim], str(link.relation)
    a_pid, b_pid = int(a.paragraph_id), int(b.paragraph_id)
    why = f"{a.claim_id} {RELATION_WHY[relation]} {b.claim_id}"
    reread = f"paragraph {a_pid}" if a_pid == b_pid else f"paragraphs {a_pid} and {b_pid}"
    return _item(
        f"link-{a.claim_id.lower()}-{b.claim_id.lower()}",
        "multiple_choice",
        f"How does claim {a.claim_id} bear on claim {b.claim_id}? {a.claim_id} (para. {a_pid}): “{a.quote}” "
        f"{b.claim_id} (para. {b_pid}): “{b.quote}”",
        f"In the argument map, {why}. {a.claim_id}: {_summary(a)}. {b.claim_id}: {_summary(b)}.",
        a,
        "analyse",
        "claim_relation",
        "relation",
        answers=_choices(
            {r: r for r in RELATION_WHY},
            relation,
            f"Yes: {why}.",
            lambda r: (
                f"Not by the map: “{r}” would mean {a.claim_id} {RELATION_WHY[r]} {b.claim_id}; the map "
                f"says {why}. Reread both claims ({reread})."
            ),
        ),
    )


def _high_risk(items: list[dict]) -> bool:
    from .cues import find_cues

    bank = Bank("90-claims", "claim items", "<claim items>", tuple(Item("90-claims", d) for d in items))
    return bool((find_cues([bank])["risk"] == "high").any())


def claim_items(iv=None, seed: int = 0) -> list[dict]:
    """Items from the coded claims of ``iv`` (default: the bundled interview), [] when none are coded.

    Per question with coded claims, in question order: a voice, a stance and a kinds item, and a relation item
    when a link starts there; each the first candidate (claims in an order drawn from ``seed``) that adds no
    high-risk check-bank finding to the items kept. Same seed, same items.
    """
    if iv is None:
        from ..course import load_interview

        iv = load_interview()
    if iv.annotations.coded_claims == 0:
        return []
    claims, links = iv.claims, iv.argument_links
    rng = random.Random(seed)
    kept: list[dict] = []
    used: set[str] = set()  # one item per claim, so no item quotes another's evidence

    def keep(candidates) -> None:
        for item in candidates:
            if item is None or item["evidence"]["quote"] in used:
                continue
            if not _high_risk([*kept, item]):
                kept.append(item)
                used.add(item["evidence"]["quote"])
                return

    for qid in sorted(claims["question_id"].unique()):
        mine = claims[claims["question_id"] == qid]
        order = list(mine.itertuples(index=False))
        rng.shuffle(order)
        keep(claim_voice(iv, c) for c in order)
        keep(claim_stance(iv, c) for c in order)
        keep([claim_kinds(iv, mine, rng)])
        starts = links[links["from_claim"].isin(set(mine["claim_id"]))]
        link_order = list(starts.itertuples(index=False))
        rng.shuffle(link_order)
        keep(claim_relation(iv, link, claims) for link in link_order)
    return kept
