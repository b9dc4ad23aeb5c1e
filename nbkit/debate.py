"""Evidence cards for notebook 08's debate: claims from the interview, sourced outside views and later events.

:func:`debate_cards` puts three kinds of evidence in one frame, each card attributed:

- ``interview``: a claim of the claims frame (its ``stance`` is the side; voice and paragraph kept);
- ``outside view``: a statement of ``outside_views`` (its ``side`` is the annotators' coding; speaker and source);
- ``later event``: an event of ``timeline`` after the interview that ``bears_on`` claims. Its side follows
  from the claims and the ``direction``: *for* a claim takes the claim's stance, *against* a claim the other
  stance, *mixed* stays mixed, a ``neither`` claim gives ``neither``; claims that disagree give ``mixed``.
  That rule is the course's reading, as contestable as the coding it starts from.

:func:`debate_deck` picks the same number of cards for each side, from the paragraphs learners have read.

:func:`card_sheet` renders cards as a printable HTML sheet (template ``cards/cards.html.j2``).
"""

from __future__ import annotations

import pandas as pd

from . import frames

__all__ = ["SIDES", "ORIGINS", "KIND_ORDER", "debate_cards", "debate_deck", "event_side", "card_sheet"]

#: The sides a card can take, in the order the notebook shows them (outside_views.side in frames.yaml).
SIDES = frames.categories("outside_views", "side")
#: Where a card comes from.
ORIGINS = ["interview", "outside view", "later event"]
_OTHER = {"transactional": "strategic", "strategic": "transactional"}
_COLUMNS = ["card_id", "side", "origin", "voice", "where", "quote", "source", "bears_on"]


def event_side(bears_on: str, direction: str, stance: dict[str, str]) -> str:
    """The side a later event supports, from the claims it bears on (``"C26; C34"``) and its direction.

    >>> stance = {"C26": "transactional", "C34": "strategic", "C38": "neither"}
    >>> event_side("C26", "for", stance), event_side("C34", "against", stance), event_side("C38", "against", stance)
    ('transactional', 'transactional', 'neither')
    >>> event_side("C26; C34", "for", stance), event_side("C34", "mixed", stance)
    ('mixed', 'mixed')
    """
    if direction == "mixed":
        return "mixed"
    sides = set()
    for claim_id in bears_on.split("; "):
        side = stance[claim_id]
        sides.add(_OTHER.get(side, side) if direction == "against" else side)
    if len(sides) > 1:
        return "mixed"
    return sides.pop()


def debate_cards(interview) -> pd.DataFrame:
    """Every evidence card of the debate, one row each (a fresh frame).

    Columns: ``card_id`` (claim, view or event id), ``side`` (category of :data:`SIDES`), ``origin``
    (category of :data:`ORIGINS`), ``voice`` (a claim's voice; a view's speaker and role; "event"),
    ``where`` ("para. 8", or the date as written), ``quote`` (the claim's or statement's words verbatim,
    the event as the timeline states it), ``source`` ("interview, para. 8", or the source's address),
    ``bears_on`` (the claims a view or event bears on, "; "-joined; a claim's own id).
    """
    claims = interview.claims
    views = interview.outside_views
    events = interview.timeline
    stance = dict(zip(claims["claim_id"], claims["stance"].astype(str)))
    inside = pd.DataFrame(
        {
            "card_id": claims["claim_id"],
            "side": claims["stance"].astype(str),
            "origin": "interview",
            "voice": claims["voice"].astype(str),
            "where": "para. " + claims["paragraph_id"].astype(str),
            "quote": claims["quote"],
            "source": "interview, para. " + claims["paragraph_id"].astype(str),
            "bears_on": claims["claim_id"],
        }
    )
    outside = pd.DataFrame(
        {
            "card_id": views["view_id"],
            "side": views["side"].astype(str),
            "origin": "outside view",
            "voice": views["speaker"] + " (" + views["role"].astype(str) + ")",
            "where": views["date_label"],
            "quote": views["quote"],
            "source": views["source"],
            "bears_on": views["bears_on"],
        }
    )
    later = events[events["after_interview"] & (events["bears_on"] != "")]
    after = pd.DataFrame(
        {
            "card_id": later["event_id"],
            "side": [event_side(b, str(d), stance) for b, d in zip(later["bears_on"], later["direction"])],
            "origin": "later event",
            "voice": "event",
            "where": later["date_label"],
            "quote": later["event"],
            "source": later["source"],
            "bears_on": later["bears_on"],
        }
    )
    cards = pd.concat([inside, outside, after], ignore_index=True)[_COLUMNS]
    cards["side"] = pd.Categorical(cards["side"], categories=SIDES)
    cards["origin"] = pd.Categorical(cards["origin"], categories=ORIGINS)
    for col in ("card_id", "voice", "where", "quote", "source", "bears_on"):
        cards[col] = cards[col].astype("str")
    return cards


#: The order in which a side's interview cards enter the deck: first the claims that say what the relationship is
#: or will become (thesis, implication, prediction: what a motion about intent turns on), then the reasons and the
#: evidence behind them.
KIND_ORDER = ["thesis", "implication", "prediction", "reason", "evidence", "counterpoint", "context"]


def debate_deck(interview, paragraphs=None) -> pd.DataFrame:
    """The cards a debate uses: the same number for each of the two sides, plus every card of no side yet.

    ``paragraphs``: the interview paragraphs learners have read (default all); claims from other paragraphs are
    left out, so the deck needs only the notebooks a plan assigns. Each side keeps all its outside views and
    later events (each card carries its quote and source); then its interview claims enter in
    :data:`KIND_ORDER`, one paragraph at a time in turn (the first claim of each paragraph, then the second…),
    until the side has as many cards as the smaller side. So neither side is dealt more evidence than the other;
    which claims a side loses is a rule, stated here, not a judgement of their strength. ``neither`` and
    ``mixed`` cards stay in the deck for either team to claim with a reason (notebook 08).
    """
    cards = debate_cards(interview)
    para = cards["where"].str.extract(r"^para\. (\d+)$")[0].astype("Int64")
    if paragraphs is not None:
        cards = cards[(cards["origin"] != "interview") | para.isin(list(paragraphs))]
        para = para[cards.index]
    claims = interview.claims.set_index("claim_id")
    two = [s for s in SIDES if s in ("transactional", "strategic")]
    per_side = min(int((cards["side"] == s).sum()) for s in two)
    keep: list[int] = []
    for side in two:
        mine = cards[cards["side"] == side]
        outside = list(mine.index[mine["origin"] != "interview"])
        inside = mine[mine["origin"] == "interview"].assign(
            kind=lambda f: [KIND_ORDER.index(str(claims.at[c, "kind"])) for c in f["card_id"]],
            para=para[mine.index],
        )
        inside = inside.sort_values(["kind", "para", "card_id"], kind="stable")
        inside["turn"] = inside.groupby("para").cumcount()
        ranked = list(inside.sort_values(["turn", "kind", "para", "card_id"], kind="stable").index)
        keep += (outside + ranked)[:per_side]
    keep += list(cards.index[~cards["side"].isin(two)])
    return cards.loc[sorted(keep)].reset_index(drop=True)


def card_sheet(cards: pd.DataFrame, title: str = "Evidence cards"):
    """The cards as a printable HTML sheet (one box per card: side, id, quote, voice, where, source).

    Returns an ``IPython.display.HTML`` object; a notebook shows it, ``nbkit handout`` prints it.
    """
    from IPython.display import HTML

    from .quiz.templates import render

    rows = cards[_COLUMNS].to_dict("records")
    return HTML(render("cards/cards.html.j2", title=title, cards=rows))
