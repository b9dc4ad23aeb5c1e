"""The intro card: read the series' introduction paragraph into the interview's ``meta`` fields.

The series opens every interview with one paragraph: who asks ("The Diplomat author Mercy Kuo
regularly engages …"), then "This conversation with NAME, AFFILIATION, is the 427th in “The
Trans-Pacific View Insight Series.”". Intros vary; the rules read them all:

- the name is set off by a comma or an en/em dash; with a dash the affiliation runs to the next dash
  (commas and quoted titles inside it are kept), with a comma it runs to the series clause;
- the series clause may be missing: the affiliation then ends before the verb of the main clause
  ("…, Malaysia explores the past …"; verbs in ``data/lexicons/intro_card.yaml``) or at the full stop;
- an honorific ("Dr.", "Ambassador"…) is kept apart in ``interviewee_title``;
- the series number is written in digits ("411th", "3rd") or in words ("twenty-second").

A field that cannot be found is NA and named in ``card_warnings``; bad input never raises.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import lru_cache

import yaml

from .resources import data_file

__all__ = ["IntroCard", "read_intro_card", "ordinal_number"]

#: The fields a complete card has (``interviewee_title`` is often absent and never warned about).
EXPECTED = ("outlet", "series", "series_number", "interviewer", "interviewee", "interviewee_affiliation")
_TRANS_PACIFIC = "The Trans-Pacific View Insight Series"
_WITH = re.compile(r"\b(?:conversation|interview) with\s+")
_INTERVIEWER = re.compile(r"\b(?:author|editor)\s+(.+?)\s+regularly engages")
_SERIES_NAME = re.compile(r"[“\"](The [^”\"]*?Series)\.?[”\"]")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
_DASH = re.compile(r"\s*[–—]\s*|\s+-\s+")  # en dash, em dash, or a spaced hyphen
_DELIMITER = re.compile(r",\s*|\s*[–—]\s*|\s+-\s+")
_SENTENCE_END = re.compile(r"(?<=[a-z]{3})\.\s+(?=[A-Z“\"])")
_ARTICLE = re.compile(r"^(?:an?|the)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class IntroCard:
    """The fields of an introduction paragraph (None where not found; see ``warnings``)."""

    outlet: str | None
    series: str | None
    series_number: int | None
    interviewer: str | None
    interviewee: str | None
    interviewee_title: str | None
    interviewee_affiliation: str | None

    @property
    def card_warnings(self) -> str:
        """ "" when every expected field was found, else "not found: field, field"."""
        missing = [f for f in EXPECTED if getattr(self, f) is None]
        return f"not found: {', '.join(missing)}" if missing else ""

    def fields(self) -> dict:
        """The card as the ``meta`` columns it fills (``card_warnings`` included)."""
        return {**asdict(self), "card_warnings": self.card_warnings}


@lru_cache(maxsize=1)
def _words() -> dict:
    return yaml.safe_load(data_file("lexicons/intro_card.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    words = _words()
    titles = sorted(words["titles"], key=len, reverse=True)
    title = re.compile(rf"^({'|'.join(re.escape(t) for t in titles)})\s+")
    ordinal_words = [*words["ordinal_units"], *words["ordinal_teens"], *words["ordinal_tens"], "hundredth"]
    cardinal_words = [*words["cardinal_units"], *words["cardinal_teens"], *words["cardinal_tens"], "hundred", "and"]
    ordinal = rf"\d+(?:st|nd|rd|th)|(?:(?:{'|'.join(cardinal_words)})[\s-]+)*(?:{'|'.join(ordinal_words)})"
    series_clause = re.compile(rf"[\s,–—-]*\bis the ({ordinal})\b(?:\s+\w+)?\s+in\b", re.IGNORECASE)
    verbs = re.compile(rf"(?:,|\s*[–—])?\s+(?:{'|'.join(words['clause_verbs'])})\b")
    return title, series_clause, verbs


def ordinal_number(text: str) -> int | None:
    """The number an ordinal writes: "411th" -> 411, "twenty-second" -> 22, "four hundred and eleventh" -> 411.

    Hand-written (a dozen lines) rather than a new dependency: the series writes at most three-digit ordinals.
    """
    digits = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", text.strip())
    if digits:
        return int(digits.group(1))
    w = _words()
    last_values = {**w["ordinal_units"], **w["ordinal_teens"], **w["ordinal_tens"]}
    values = {**w["cardinal_units"], **w["cardinal_teens"], **w["cardinal_tens"]}
    *head, last = [t for t in re.split(r"[\s-]+", text.strip().lower()) if t and t != "and"] or [""]
    total = 0
    for token in head:
        if token == "hundred":
            total = max(total, 1) * 100
        elif token in values:
            total += values[token]
        else:
            return None
    if last == "hundredth":
        return max(total, 1) * 100
    return total + last_values[last] if last in last_values else None


def _mask_quotes(text: str) -> str:
    """``text`` with every quoted title blanked (same length), so delimiters inside titles are not seen."""
    return _QUOTED.sub(lambda m: m.group()[0] + "x" * (len(m.group()) - 2) + m.group()[-1], text)


def _split_person(head: str) -> tuple[str | None, str | None]:
    """(name, affiliation) of "Ana Kowalski – professor at X, author of “Y” –"."""
    head = head.strip().rstrip(",.–— ")
    masked = _mask_quotes(head)
    d = _DELIMITER.search(masked)
    if d is None:
        return head.strip() or None, None
    name, rest = head[: d.start()].strip(), head[d.end() :]
    if _DASH.fullmatch(d.group()):  # a dash opens the affiliation: it runs to the closing dash
        close = _DASH.search(_mask_quotes(rest))
        if close is not None:
            rest = rest[: close.start()]
    affiliation = _ARTICLE.sub("", rest.strip().strip(",–— ").rstrip(".")).strip()
    return name or None, affiliation or None


def read_intro_card(intro: str) -> IntroCard:
    """Read the introduction paragraph ``intro`` into an :class:`IntroCard` (never raises for odd text).

    >>> card = read_intro_card("Diplomat author Mercy Kuo regularly engages experts. This conversation with "
    ...     "Dr. Ana Kowalski – professor at Example University – is the twenty-second in “The Trans-Pacific View Insight Series.”")
    >>> card.interviewee, card.interviewee_title, card.interviewee_affiliation, card.series_number, card.card_warnings
    ('Ana Kowalski', 'Dr.', 'professor at Example University', 22, '')
    """
    intro = " ".join(str(intro).split())
    title_pattern, series_clause, verbs = _patterns()
    interviewer = _INTERVIEWER.search(intro)
    series = _SERIES_NAME.search(intro)
    number = None
    title = name = affiliation = None
    with_ = _WITH.search(intro)
    if with_:
        rest = intro[with_.end() :]
        honorific = title_pattern.match(rest)
        if honorific:
            title, rest = honorific.group(1), rest[honorific.end() :]
        masked = _mask_quotes(rest)
        clause = series_clause.search(masked)
        if clause is not None:
            number = ordinal_number(clause.group(1))
            end = clause.start()
        else:
            # no series clause: the affiliation ends at the main clause's verb or at the sentence's end
            stops = [m.start() for m in (verbs.search(masked), _SENTENCE_END.search(masked)) if m]
            end = min(stops) if stops else len(rest)
        name, affiliation = _split_person(rest[:end])
    else:
        clause = series_clause.search(_mask_quotes(intro))
        number = ordinal_number(clause.group(1)) if clause else None
    return IntroCard(
        outlet="The Diplomat" if re.search(r"\bDiplomat\b", intro) else None,
        series=series.group(1) if series else (_TRANS_PACIFIC if "Trans-Pacific View" in intro else None),
        series_number=number,
        interviewer=interviewer.group(1) if interviewer else None,
        interviewee=name,
        interviewee_title=title,
        interviewee_affiliation=affiliation,
    )
