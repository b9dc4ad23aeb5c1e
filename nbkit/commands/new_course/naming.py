"""Names in a starter course: how the interviewee is called, and each question's topic as a title.

>>> s = Speaker("Ana Kowalski")
>>> s.first(), s.later(), s.later(start=True), s.possessive()
('Ana Kowalski', 'Kowalski', 'Kowalski', 'Kowalski’s')
>>> n = Speaker(None)
>>> n.first(), n.later(start=True), n.possessive(start=True)
('the interviewee', 'The interviewee', 'The interviewee’s')
>>> topic("Examine Malaysia’s calculus in the South China Sea.", "Examine")
'Malaysia’s calculus in the South China Sea'
>>> topic("How do regional states view the U.S. role in the region? Explain", "Explain")
'How do regional states view the U.S. role in the region?'
>>> topic("Briefly explain what the summit achieved?", "Briefly explain")
'what the summit achieved'
>>> slug("Malaysia’s calculus in the South China Sea")
'malaysias-calculus-south-china-sea'
>>> Speaker("Dr. Ana Kowalski – senior fellow at the Example Institute").first()
'Ana Kowalski'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Speaker", "topic", "is_question", "slug", "notebook_title", "capitalise"]

#: Words that start a topic but are not names: lower-cased after "on" ("Kowalski on the origins of …").
_FUNCTION_WORDS = frozenset(
    "a an the what how why whether when where which who whom whose if its their this these those".split()
)
_TRAILING_VERB = re.compile(r"\s*\b(?:please\s+)?(?:briefly\s+)?(?:explain|elaborate|discuss)\.?\s*$", re.IGNORECASE)
_SLUG_WORDS = 6  # a file name keeps the topic's first content words
_SLUG_SKIP = frozenset("a an the of in on to and with for its their between into from by at as".split())
#: Honorifics kept out of the name (the card keeps them in ``interviewee_title``).
_HONORIFIC = re.compile(r"^(?:Dr|Prof|Professor|Mr|Mrs|Ms|Mx|Amb|Ambassador|Gen|Adm|Col|Sen|Rep|Hon)\.?\s+")
#: Where a name ends when a card gives more than the name ("X – senior fellow …", "X, a professor …").
_NAME_END = re.compile(r"\s+[–—-]\s+|,|\s+\(")


def capitalise(text: str) -> str:
    """``text`` with its first letter upper-cased (the rest kept: "U.S." stays)."""
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class Speaker:
    """How the course text calls the interviewee: full name at first mention, surname after it;
    without a name, "the interviewee" (capitalised only where a sentence starts)."""

    name: str | None

    def __post_init__(self):
        if self.name is not None:
            name = _NAME_END.split(" ".join(str(self.name).split()), maxsplit=1)[0]
            object.__setattr__(self, "name", _HONORIFIC.sub("", name).strip() or None)

    @property
    def known(self) -> bool:
        return bool(self.name)

    def first(self, start: bool = False) -> str:
        """The first mention: the full name, else "the interviewee"."""
        return str(self.name).strip() if self.known else ("The interviewee" if start else "the interviewee")

    def later(self, start: bool = False) -> str:
        """Later mentions: the surname (last word of the name), else "the interviewee"."""
        return str(self.name).split()[-1] if self.known else self.first(start)

    def possessive(self, start: bool = False, full: bool = False) -> str:
        """ "Kowalski’s" (or "Ana Kowalski’s" with ``full``), else "the interviewee’s"."""
        who = self.first(start) if full else self.later(start)
        return f"{who}’" if who.endswith("s") and self.known else f"{who}’s"


def is_question(text: str) -> bool:
    """True when a topic is a direct question ("How do …?"), which a title keeps as it is."""
    return text.rstrip().endswith("?")


def _main_sentence(text: str, instruction: str) -> str:
    """The sentence of a question that carries its instruction verb (or its question mark)."""
    sentences = [s.strip() for s in re.split(r"(?<=[.?!])\s+(?=[A-Z“\"])", text.strip()) if s.strip()]
    sentences = [s for s in sentences if not _TRAILING_VERB.fullmatch(s)] or sentences
    if instruction and instruction != "?":
        for s in sentences:
            if s.lower().startswith(instruction.lower()):
                return s
    asked = [s for s in sentences if s.endswith("?")]
    return asked[-1] if asked else sentences[-1]


def topic(text: str, instruction: str) -> str:
    """The topic of a question, from its text, not its verb: "Examine X." -> "X"; "How …? Explain" -> "How …?".

    Indirect questions after the verb ("Explain what …?") lose the stray question mark; an opening
    function word is lower-cased ("the origins of …") so the topic can follow "on" in a title.
    """
    text = _TRAILING_VERB.sub("", " ".join(text.split())) or text
    sentence = _main_sentence(text, instruction)
    verb = instruction if instruction and instruction != "?" else ""
    if verb and sentence.lower().startswith(verb.lower()):
        rest = sentence[len(verb) :].strip().rstrip(".?!").strip()
        rest = re.sub(r"^(?:on|upon|about)\s+", "", rest, flags=re.IGNORECASE)
        first, _, tail = rest.partition(" ")
        if first.lower() in _FUNCTION_WORDS:
            rest = f"{first.lower()} {tail}".strip()
        return rest or sentence
    return capitalise(sentence)


def notebook_title(subject: str, speaker: Speaker) -> str:
    """A question notebook's title: "Kowalski on Malaysia’s calculus …" or "Kowalski: How do …?";
    without a name, the topic alone."""
    if not speaker.known:
        return capitalise(subject)
    if is_question(subject):
        return f"{speaker.later()}: {capitalise(subject)}"
    return f"{speaker.later()} on {subject}"


def slug(text: str) -> str:
    """A file-name part from a topic: its first words, lower-case ASCII letters and digits joined by hyphens."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.sub(r"['’]", "", plain.lower())
    parts = [w for w in re.split(r"[^a-z0-9]+", words) if len(w) > 1 and w not in _SLUG_SKIP]
    return "-".join(parts[:_SLUG_WORDS]) or "question"
