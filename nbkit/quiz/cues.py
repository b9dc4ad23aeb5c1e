"""Cue risks of quiz items: what lets a test-wise reader pick the key without reading the text.

Each check follows one item-writing guideline (Haladyna, Downing & Rodriguez, "A review of
multiple-choice item-writing guidelines for classroom assessment", 2002) or the course's own rule
on item ids; the checks, their guidelines and advice are data (``data/cue_checks.yaml``).
:func:`find_cues` reads the banks of one course and returns one row per finding;
:func:`bank_figures` gives the bank-level shares ``nbkit check-bank`` reports.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

import pandas as pd

from ..errors import DataValidationError
from ..resources import data_file, read_csv_rows
from ..validation import parse_yaml
from .bank import Bank, Item
from .types import FreeResponse, ManyChoice, Match, MultipleChoice, Poll, String, TrueFalse

__all__ = ["find_cues", "bank_figures", "checks"]

#: Item types whose options a learner chooses from (the choice-cue checks apply to these).
CHOICE_TYPES = (MultipleChoice.name, ManyChoice.name)
#: Types that are not scored (no key to give away).
UNSCORED_TYPES = (Poll.name, FreeResponse.name)
#: Types whose key is text a reader sees (the answers marked correct).
_KEYED_TYPES = (MultipleChoice.name, ManyChoice.name, String.name, TrueFalse.name)

_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


@cache
def checks() -> dict[str, dict]:
    """``{check name: {risk, guideline, advice, scope}}`` from ``data/cue_checks.yaml``."""
    path = data_file("cue_checks.yaml")
    return parse_yaml(path.read_text(encoding="utf-8"), "nbkit/data/cue_checks.yaml", DataValidationError)["checks"]


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'"))


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(r["word"].lower() for r in read_csv_rows("stopwords.csv"))


@cache
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


def _content(text: str) -> set[str]:
    """The text's content words as stems ("hedged" and "hedges" are one), without stopwords."""
    words = [w for w in _words(text) if w not in _stopwords() and len(w) > 2]
    return set(_stemmer().stemWords(words))


def _norm(text: str) -> str:
    return " ".join(_words(text))


def _options(item: Item) -> list[dict]:
    return list(item.data.get("answers", [])) if item.type in CHOICE_TYPES else []


def _keys(item: Item) -> list[str]:
    """The keyed answer texts of a scored item (choice keys, accepted strings, match/order answers)."""
    data = item.data
    if item.type in _KEYED_TYPES:
        return [a["answer"] for a in data.get("answers", []) if a.get("correct")]
    if item.type == Match.name:
        return [p["answer"] for p in data.get("pairs", []) if "answer" in p]
    return []


_BLANK = re.compile(r"_{3,}")


def _filled(item: Item) -> list[str]:
    """A cloze's keys in their place: two words before the blank, the key, one word after (normalised), so a
    short key ("most likely") is caught when another item prints the phrase it completes."""
    if item.type != String.name or not _BLANK.search(item.question):
        return []
    before, after = _BLANK.split(item.question, maxsplit=1)
    head, tail = _words(before)[-2:], _words(after)[:1]
    return [" ".join([*head, *_words(k), *tail]) for k in _keys(item) if _words(k)]


def _verdict(item: Item) -> str:
    """The first sentence of the key's feedback, after its "Right."/"Yes:": the verdict learners see."""
    for a in _answers(item):
        if a.get("correct") and a.get("feedback"):
            text = _OPENING.sub("", a["feedback"].strip())
            return re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
    return ""


_OPENING = re.compile(r"^(right|yes|correct|exactly|true|false)\b[.:,!;]?\s*", re.IGNORECASE)


def _answers(item: Item) -> list[dict]:
    return [a for a in item.data.get("answers", []) if isinstance(a, dict)]


def _shown(item: Item) -> str:
    """What every learner sees before answering, besides the options: the stem and a match item's labels."""
    labels = [str(p.get("label", "")) for p in item.data.get("pairs", []) if isinstance(p, dict)]
    return " ".join([item.question, *labels])


def _told(item: Item) -> str:
    """What an item tells every learner who answers it: its stem and labels, its keyed answers with their feedback,
    and its explanation (a distractor's feedback shows only to those who pick it)."""
    parts = [_shown(item), item.explanation]
    for a in _answers(item):
        if a.get("correct"):
            parts += [a.get("answer", ""), a.get("feedback", "")]
    return " ".join(parts)


def _offered(item: Item) -> str:
    """The options an item offers (a phrase offered elsewhere cues only when it is long and specific)."""
    return " ".join([a.get("answer", "") for a in _answers(item)] + [str(o) for o in item.data.get("options", [])])


_ABSOLUTE = frozenset(
    "always never all none every everyone nothing only proves proof entirely completely totally flatly certainly "
    "definitely impossible must".split()
)


def _finding(rows: list, bank: Bank, item: Item | None, check: str, detail: str) -> None:
    spec = checks()[check]
    rows.append(
        {
            "notebook": bank.notebook,
            "item": item.id if item is not None else "",
            "check": check,
            "risk": spec["risk"],
            "detail": detail,
            "guideline": spec["guideline"],
            "advice": spec["advice"],
        }
    )


def _item_cues(rows: list, bank: Bank, item: Item) -> None:
    options = _options(item)
    if options:
        keys = [a for a in options if a["correct"]]
        others = [a for a in options if not a["correct"]]
        lengths = [len(a["answer"]) for a in options]
        if others and max(len(k["answer"]) for k in keys) > max(len(o["answer"]) for o in others):
            _finding(
                rows,
                bank,
                item,
                "key-longest",
                f"the key has {max(len(k['answer']) for k in keys)} characters, "
                f"the longest distractor {max(len(o['answer']) for o in others)}",
            )
        if min(lengths) and max(lengths) / min(lengths) > 2.0:
            _finding(rows, bank, item, "length-spread", f"options run from {min(lengths)} to {max(lengths)} characters")
        in_keys = set().union(*(_ABSOLUTE & set(_words(k["answer"])) for k in keys))
        in_others = set().union(*(_ABSOLUTE & set(_words(o["answer"])) for o in others)) if others else set()
        if in_others and not in_keys:
            _finding(
                rows, bank, item, "absolutes-in-distractors", "only distractors say: " + ", ".join(sorted(in_others))
            )
        stem = _content(item.question)
        key_overlap = max(len(stem & _content(k["answer"])) for k in keys)
        other_overlap = max((len(stem & _content(o["answer"])) for o in others), default=0)
        if key_overlap >= other_overlap + 2:
            _finding(
                rows,
                bank,
                item,
                "stem-words-in-key",
                f"the key repeats {key_overlap} words of the stem, a distractor at most {other_overlap}",
            )
        texts = [_norm(a["answer"]) for a in options]
        if len(set(texts)) < len(texts):
            _finding(rows, bank, item, "repeated-option", "two options read the same")
    if item.type not in UNSCORED_TYPES:
        said = _content(" ".join(_keys(item)) + " " + _verdict(item)) - _content(item.question)
        leaked = [w for w in item.id.split("-") if _content(w) & said]
        if leaked:
            _finding(rows, bank, item, "id-leaks-answer", "the id's word(s) " + ", ".join(leaked) + " are in the key")


#: A key this long (normalised characters) found in another item's stem, key, feedback or explanation gives it away;
#: among another item's options it takes a longer, more specific phrase (a country's name offered as a
#: distractor elsewhere is no cue).
_TOLD_MIN, _OFFERED_MIN = 12, 25


def _course_cues(rows: list, banks: list[Bank]) -> None:
    everything = [(bank, item) for bank in banks for item in bank.items]
    stems: dict[str, tuple[Bank, Item]] = {}
    for bank, item in everything:
        stem = _norm(item.question)
        if stem in stems:
            first = stems[stem]
            _finding(rows, bank, item, "repeated-stem", f"the same stem as {first[0].notebook}/{first[1].id}")
        stems.setdefault(stem, (bank, item))
        if item.type in UNSCORED_TYPES:
            continue
        keys = [_norm(k) for k in _keys(item) if len(_norm(k)) >= _TOLD_MIN] + _filled(item)
        quote = _norm(item.quote)
        for other_bank, other in everything:
            if other is item:
                continue
            told, offered = _norm(_told(other)), _norm(_offered(other))
            gave = [k for k in keys if k in told or (len(k) >= _OFFERED_MIN and k in offered)]
            if gave:
                _finding(rows, bank, item, "answered-elsewhere", f"{other_bank.notebook}/{other.id} shows the key")
                break
            if len(quote) >= 30 and quote in _norm(
                _shown(other) + " " + " ".join(a.get("answer", "") for a in _answers(other))
            ):
                _finding(rows, bank, item, "evidence-quoted-elsewhere", f"{other_bank.notebook}/{other.id} quotes it")
                break


def _bank_cues(rows: list, bank: Bank) -> None:
    choice = [it for it in bank.items if it.type == MultipleChoice.name]
    positions = [next(i for i, a in enumerate(it.data["answers"]) if a["correct"]) for it in choice]
    if len(positions) >= 3 and len(set(positions)) == 1:
        _finding(rows, bank, None, "key-position-pattern", f"the key is option {positions[0] + 1} in every item")
    missing = [it.id for it in bank.items if "purpose" not in it.data]
    if missing:
        _finding(rows, bank, None, "purpose-missing", f"{len(missing)} item(s) do not say their purpose")
    figures = bank_figures([bank]).iloc[0]
    if figures["scored"] and figures["reading_share"] < 0.6:
        _finding(rows, bank, None, "few-reading-items", f"reading items are {figures['reading_share']:.0%} of scored")


def find_cues(banks: Iterable[Bank]) -> pd.DataFrame:
    """One row per cue risk in ``banks`` (one course): notebook, item ('' for the bank), check, risk, detail,
    guideline, advice. Checks that compare items (a key shown by another item) look across all the banks."""
    banks = list(banks)
    rows: list[dict] = []
    for bank in banks:
        for item in bank.items:
            _item_cues(rows, bank, item)
        _bank_cues(rows, bank)
    _course_cues(rows, banks)
    columns = ["notebook", "item", "check", "risk", "detail", "guideline", "advice"]
    return pd.DataFrame(rows, columns=columns)


def bank_figures(banks: Iterable[Bank]) -> pd.DataFrame:
    """Per bank: choice items, the share whose key is the longest option, scored items, the share of reading items."""
    out = []
    for bank in banks:
        choice = [it for it in bank.items if it.type in CHOICE_TYPES]
        longest = 0
        for it in choice:
            keys = [len(a["answer"]) for a in it.data["answers"] if a["correct"]]
            others = [len(a["answer"]) for a in it.data["answers"] if not a["correct"]]
            longest += bool(others) and max(keys) > max(others)
        scored = [it for it in bank.items if it.type not in UNSCORED_TYPES]
        reading = [it for it in scored if it.data.get("purpose") == "reading"]
        out.append(
            {
                "notebook": bank.notebook,
                "choice_items": len(choice),
                "key_longest_share": longest / len(choice) if choice else 0.0,
                "scored": len(scored),
                "reading_share": len(reading) / len(scored) if scored else 0.0,
            }
        )
    return pd.DataFrame(out)
