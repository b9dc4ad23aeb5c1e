"""Mentions of actors in any interview, found by matching the alias lexicon.

Rules (documented for learners): aliases match as written (case-sensitive), as whole
words, longest alias first, without overlaps. So "North Korea-Russia" gives North Korea
and Russia, "Pyongyang’s" gives North Korea (possessives count), "U.S.-led" and
"China-U.S." give the United States, and "North Korea" never also yields a "Korea".
Adjectives count as mentions of their state ("Russian-occupied" and "South Korean media"
are mentions of Russia and South Korea). A titled name is one mention: the editor's
"[Russian President Vladimir] Putin" is a single mention of Russia (kind leader).
"""

from __future__ import annotations

import pandas as pd

from .. import frames
from .lexicon_matching import compile_forms, find_forms

__all__ = ["find_mentions"]


def find_mentions(sentences: pd.DataFrame, aliases: pd.DataFrame) -> pd.DataFrame:
    """One row per actor mention in ``sentences`` (a frame like ``Interview.sentences``).

    ``aliases`` needs columns alias and actor. Returns the mentions frame (see ``frames.yaml``);
    offsets are those of the sentences frame, i.e. into ``Interview.source``.
    """
    actor_of = dict(zip(aliases["alias"], aliases["actor"]))
    pattern = compile_forms(actor_of, ignore_case=False)
    rows: list[tuple] = []
    for s in sentences.itertuples(index=False):
        for start, end, alias in find_forms(pattern, s.text):
            rows.append(
                (
                    len(rows) + 1,
                    s.sentence_id,
                    s.paragraph_id,
                    s.question_id,
                    actor_of[alias],
                    alias,
                    s.start + start,
                    s.start + end,
                )
            )
    return frames.from_rows("mentions", rows)
