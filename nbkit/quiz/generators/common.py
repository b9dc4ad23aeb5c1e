"""What every generated item shares: the speaker's name as a sentence needs it, and the item dict itself."""

from __future__ import annotations

import re

import pandas as pd

__all__ = ["surname", "who", "whose", "generated_item", "answer_sentences", "answer_paragraphs", "GENERATED_NOTE"]

#: How the answer key and ``nbkit check-bank`` mark a generated item.
GENERATED_NOTE = "generated - review before class"

_HONORIFIC = re.compile(r"^(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Mx|Ambassador|Amb|Gen|General|Col|Sir|Dame)\.?\s+)+")
# The name ends where an affiliation starts: a comma or a spaced dash ("Ana Kowalski – senior fellow …").
_NAME_END = re.compile(r"\s*(?:,|\s[–—-]\s)")


def surname(iv) -> str | None:
    """The interviewee's last name from ``iv.meta`` ("Lee" for "Rachel Minyoung Lee"), or None when unknown."""
    name = iv.meta["interviewee"].iloc[0] if "interviewee" in iv.meta else None
    if not isinstance(name, str):
        return None
    name = _HONORIFIC.sub("", _NAME_END.split(name.strip(), maxsplit=1)[0]).strip()
    return name.split()[-1] if name else None


def who(iv, start: bool = False) -> str:
    """The speaker as a sentence names them: the surname, else "the interviewee" ("The …" when ``start``)."""
    name = surname(iv)
    if name:
        return name
    return "The interviewee" if start else "the interviewee"


def whose(iv, start: bool = False) -> str:
    """The possessive: "Lee’s", else "the interviewee’s" ("The …" when ``start``)."""
    return f"{who(iv, start)}’s"


def generated_item(
    item_id: str,
    kind: str,
    question: str,
    fields: dict,
    explanation: str,
    paragraph_id: int,
    quote: str,
    level: str,
    tag: str,
    generator: str,
) -> dict:
    """A bank item dict (docs/quiz-format.md) with ``purpose: reading`` and ``generated: true``."""
    return {
        "id": item_id,
        "type": kind,
        "question": question,
        **fields,
        "explanation": explanation,
        "evidence": {"paragraph_id": int(paragraph_id), "quote": quote},
        "level": level,
        "purpose": "reading",
        "generated": True,
        "tags": ["generated", generator, tag],
    }


def answer_paragraphs(iv) -> pd.DataFrame:
    """The answer paragraphs, in order."""
    p = iv.paragraphs
    return p[p["role"] == "answer"].sort_values("paragraph_id")


def answer_sentences(iv) -> pd.DataFrame:
    """The answer sentences, in order."""
    s = iv.sentences
    return s[s["role"] == "answer"].sort_values("sentence_id")
