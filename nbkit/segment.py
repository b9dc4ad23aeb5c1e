"""Sentences and tokens, with character offsets into the paragraph they came from.

Sentence splitting follows pysbd (Golden-Rule-based, maintained, no model
download): it keeps "U.S. Asia policy", "U.S.-led", "[Russian President
Vladimir] Putin’s", curly quotes, "vis-à-vis" and "(Article 3)" inside one
sentence, which a split on ". " does not. pysbd is imported on first use only,
so ``import nbkit`` stays cheap.

pysbd costs about a millisecond per paragraph, almost all of it in rules for
abbreviations, lists, quotes and numbers that plain prose never triggers. So a
paragraph is first cut at the boundaries pysbd is certain to make (see
:func:`_certain_boundaries`), and pysbd runs only on the pieces that hold
something it has a rule for; a plain piece is one sentence as it stands.
``tests/test_properties.py`` checks that the result equals pysbd's on the
seed, on synthetic interviews and on generated text full of traps.

Tokens are words as tidytext counts them: letters and digits, with internal
apostrophes ("Pyongyang’s") and dotted abbreviations ("U.S.") kept whole;
hyphens and punctuation separate tokens.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["split_sentences", "split_tokens", "fold_word"]

_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|\w+(?:[’'‘]\w+)*")


@lru_cache(maxsize=1)
def _segmenter():
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of the sentences of ``text``, whitespace trimmed.

    The spans cover every non-space character of ``text`` in order; they are the
    sentences pysbd finds.

    >>> text = "Mercy Kuo covers U.S. Asia policy. Next."
    >>> [text[a:b] for a, b in split_sentences(text)]
    ['Mercy Kuo covers U.S. Asia policy.', 'Next.']
    """
    spans: list[tuple[int, int]] = []
    cuts = _certain_boundaries(text)
    if cuts is None:
        return _merge_gaps(text, _pysbd_spans(text, 0, len(text)))
    pieces = []
    start = 0
    for end in [*cuts, len(text)]:
        plain = _is_plain(text, start, end)
        if not plain and _needs_whole_text(text, text[start:end]):
            return _merge_gaps(text, _pysbd_spans(text, 0, len(text)))
        pieces.append((start, end, plain))
        start = end
    for start, end, plain in pieces:
        if plain:
            a, b = _strip(text, start, end)
            if a < b:
                spans.append((a, b))
        else:
            spans.extend(_pysbd_spans(text, start, end))
    return _merge_gaps(text, spans)


# --- the fast path -----------------------------------------------------------------------------
# Each rule below names the pysbd rule (pysbd/lang/common/*.py, processor.py, lists_item_replacer.py,
# between_punctuation.py, abbreviation_replacer.py) that it keeps out of the way.

# Characters that let a pysbd rule reach across a sentence boundary: line breaks (pysbd splits on
# them), single and straight double quotes, guillemets, CJK brackets, braces and backslashes (the
# quote rules' escapes), "&", "°" and pysbd's own placeholder symbols. A paragraph holding any of
# them goes to pysbd whole.
_GLOBAL_FALLBACK = re.compile(
    "[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029'\"‘«»「」（）{}\\\\&°ȸȹ☉☈☇☄∯∮♬♭ᓰᓱᓳᓴᓷᓸ✂⌬⎋ƪ☏♟♝♨☝]|--"
)
# PARENS_BETWEEN_DOUBLE_QUOTES_REGEX: a greedy match that can span the whole paragraph.
_PARENS_BETWEEN_QUOTES = re.compile(r'["\”]\s\(.*\)\s["\“]')
# Processor.process_text skips its double-punctuation rules when the text starts with "??", "?!"…
_DOUBLE_PUNCTUATION_FIRST = re.compile(r"\?!|!\?|\?\?|!!")
# List markers: pysbd turns two consecutive ones ("1. … 2. …", "(a) … (b) …") into line breaks
# anywhere in the paragraph, so such a pair sends the paragraph to pysbd whole (see _makes_list).
_LATIN = list("abcdefghijklmnopqrstuvwxyz")
# A superset of pysbd's ListItemReplacer.ROMAN_NUMERALS neighbours (that list repeats "x".."xiii").
_ROMAN = "i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix xx".split()
_LIST_MARKERS = (
    re.compile(r"(?:(?<=\s)|^|(?<=[-⁃]))\d{1,2}(?=\.[\s)])"),  # NUMBERED_LIST_REGEX_1
    re.compile(r"\d{1,2}(?=\)\s)"),  # NUMBERED_LIST_PARENS_REGEX
    re.compile(r"(?:(?<=\s)|^)[a-z](?=\.)"),  # ALPHABETICAL_LIST_WITH_PERIODS
    re.compile(r"(?:(?<=[\s(])|^)[a-z]+(?=\))"),  # ALPHABETICAL_LIST_WITH_PARENS
)
# Every list marker above also matches this one regex, a quick test that most paragraphs fail.
_ANY_LIST_MARKER = re.compile(r"\d[.)]|(?<![^\s(])[a-z]{1,5}\)|(?<!\S)[a-z]\.")
# A certain boundary: a word of two or more ASCII letters or digits (three or more if all digits, so
# never a list number "12."), not an abbreviation pysbd knows, right
# after a space (or the start), then "." or "?", one space, and a capital letter followed by a
# lower-case one ("I", "A", digits, brackets and lower case are left to pysbd: its abbreviation
# rules look at them). Nothing of pysbd's number, list, ellipsis, e-mail or single-letter rules
# can apply to such a period.
_BOUNDARY = re.compile(r"[.?] (?=[A-Z][a-z])")
_PAIRS = {"(": ")", "[": "]", "“": "”"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}
_PAIR_CHARS = re.compile(r"[()\[\]“”]")
# A plain piece: no sentence punctuation before its last character, and no bracket or quote
# followed by a space and a capital (pysbd may end a sentence there, SENTENCE_BOUNDARY_REGEX).
_INNER_PUNCT = re.compile(r"[.!?。．！？…]")
_END_INSIDE_PAIR = re.compile(r"[.?][)\]”]+\Z")
# "U.S." inside a sentence: pysbd ends a sentence after it only before one of its sentence starters
# (AbbreviationReplacer.replace_abbreviation_as_sentence_boundary), so "U.S.-led" and "U.S. Asia
# policy" do not stop a plain piece.
_STARTERS = "A Being Did For He How However I In It Millions More She That The There They We What When Where Who Why"
_SAFE_US = re.compile(r"(?<![\w.])U\.S\.(?=-[A-Za-z]| (?!(?:" + _STARTERS.replace(" ", "|") + r")\s)[A-Za-z])")
_CLOSE_THEN_CAPITAL = re.compile(r"[)\]”]\s+[A-Z]")


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    from pysbd.lang.english import English

    a = English.Abbreviation
    return frozenset(
        x.strip().lower() for x in [*a.ABBREVIATIONS, *a.PREPOSITIVE_ABBREVIATIONS, *a.NUMBER_ABBREVIATIONS]
    )


@lru_cache(maxsize=1)
def _dotted_abbreviations() -> tuple[tuple[str, re.Pattern], ...]:
    from pysbd.lang.english import English

    dotted = {x.strip() for x in English.Abbreviation.ABBREVIATIONS if "." in x}
    return tuple((d, re.compile(r"(?:^|\s|\r|\n)" + d, re.IGNORECASE)) for d in sorted(dotted))


def _makes_list(text: str) -> bool:
    """True if pysbd's ListItemReplacer would see a list: two neighbouring markers in sequence.

    ListItemReplacer.scan_lists rewrites numbers n, n+1 (or 9, 0) that follow each other, and
    iterate_alphabet_array letters or roman numerals one apart, comparing each with the one
    before it (the first with the last).
    """
    for marker in _LIST_MARKERS[:2]:
        numbers = [int(x) for x in marker.findall(text)]
        if any(b - a == 1 or {a, b} == {0, 9} for a, b in zip(numbers, numbers[1:])):
            return True
    for marker in _LIST_MARKERS[2:]:
        found = marker.findall(text)
        for alphabet in (_LATIN, _ROMAN):
            items = [alphabet.index(x) for x in found if x in alphabet]
            if len(items) > 1 and any(abs(a - b) == 1 for a, b in zip(items, items[-1:] + items[:-1])):
                return True
    return False


def _certain_boundaries(text: str) -> list[int] | None:
    """Offsets just after each boundary pysbd is certain to make, or None to give pysbd the whole text."""
    if (
        not text
        or _GLOBAL_FALLBACK.search(text)
        or _PARENS_BETWEEN_QUOTES.search(text)
        or _DOUBLE_PUNCTUATION_FIRST.match(text)
    ):
        return None
    if _ANY_LIST_MARKER.search(text) and _makes_list(text):
        return None
    # Brackets and curly quotes must open and close in turn, never nested; a boundary inside a
    # pair is no boundary (pysbd protects the punctuation between them).
    inside: list[tuple[int, int]] = []
    opened: dict[str, int] = {}
    for m in _PAIR_CHARS.finditer(text):
        ch = m.group()
        if ch in _PAIRS:
            if ch in opened:
                return None
            opened[ch] = m.start()
        else:
            start = opened.pop(_CLOSERS[ch], None)
            if start is None:
                return None
            inside.append((start, m.start()))
    if opened:
        return None
    cuts = []
    abbreviations = _abbreviations()
    for m in _BOUNDARY.finditer(text):
        at = m.start()
        word = text[text.rfind(" ", 0, at) + 1 : at]
        if (
            len(word) < 2
            or not (word.isascii() and word.isalnum())
            or (word.isdigit() and len(word) < 3)
            or word.lower() in abbreviations
            or any(a < at < b for a, b in inside)
        ):
            continue
        cuts.append(at + 2)
    return cuts


def _needs_whole_text(text: str, piece: str) -> bool:
    """True when pysbd would treat ``piece`` differently inside ``text`` than alone.

    AbbreviationReplacer.search_for_abbreviations_in_string looks for an abbreviation only when it
    occurs literally in the text, but then matches it as a regex, where the dots of "i.e", "e.g",
    "u.s", "ph.d"… match any character ("i.e" finds "Ice"). A piece holding such a look-alike in a
    paragraph holding the real abbreviation elsewhere must be segmented with the whole paragraph.
    """
    lowered, piece_lowered = text.lower(), piece.lower()
    return any(
        d in lowered and d not in piece_lowered and pattern.search(piece) for d, pattern in _dotted_abbreviations()
    )


def _is_plain(text: str, start: int, end: int) -> bool:
    a, b = _strip(text, start, end)
    if _CLOSE_THEN_CAPITAL.search(text, a, b):
        return False
    last = b - 1
    if b == len(text.rstrip()):
        # The paragraph's last sentence may end inside its brackets or quotes ("… Series.”"): the
        # pairs are balanced, so that "." or "?" lies inside a pair and pysbd's BetweenPunctuation
        # protects it.
        closed = _END_INSIDE_PAIR.search(text, a, b)
        last = closed.start() if closed else last
    if not _INNER_PUNCT.search(text, a, max(a, last)):
        return True
    # The lookahead of _SAFE_US needs the text after the piece, hence the search in ``text``.
    body = _SAFE_US.sub("U_S_", text[a:end])[: max(0, last - a)]
    return not _INNER_PUNCT.search(body)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _pysbd_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """pysbd's sentences of ``text[start:end]`` as spans of ``text``."""
    spans: list[tuple[int, int]] = []
    cursor = start
    for piece in _segmenter().segment(text[start:end]):
        piece = piece.strip()
        if not piece:
            continue
        at = text.find(piece, cursor, end)
        if at < 0:  # pysbd changed the text: keep the rest as one sentence rather than lose it
            break
        spans.append((at, at + len(piece)))
        cursor = at + len(piece)
    a, b = _strip(text, cursor, end)
    if a < b:
        spans.append((a, b))
    return spans


def _merge_gaps(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join any non-space text between spans onto the sentence before it, so nothing is dropped."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and text[merged[-1][1] : start].strip():
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def split_tokens(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of the word tokens of ``text``.

    >>> text = "Pyongyang’s U.S.-led order"
    >>> split_tokens(text)
    [(0, 11), (12, 16), (17, 20), (21, 26)]
    >>> [text[a:b] for a, b in split_tokens(text)]
    ['Pyongyang’s', 'U.S.', 'led', 'order']
    """
    return [m.span() for m in _TOKEN.finditer(text)]


def fold_word(token: str) -> str:
    """Lower-case a token and fold curly apostrophes to straight ones.

    >>> fold_word("Pyongyang’s")
    "pyongyang's"
    """
    return token.lower().replace("’", "'").replace("‘", "'")
