"""Find the words of a lexicon in text: whole words, longest form first, no overlaps."""

from __future__ import annotations

import re

__all__ = ["compile_forms", "find_forms"]


def compile_forms(forms, ignore_case: bool) -> re.Pattern:
    """One regex matching any of ``forms`` as a whole word (not inside a longer word).

    Forms are tried longest first, so "most likely" wins over "likely" and "North Korea"
    over "Korea"; a match is never overlapped by another. A space in a form matches any
    run of white space. Word edges are "no letter or digit just outside", so "U.S." in
    "U.S.-led" and "Pyongyang" in "Pyongyang’s" match.
    """
    unique = sorted(set(forms), key=lambda f: (-len(f), f))
    alternation = "|".join(r"\s+".join(re.escape(w) for w in f.split(" ")) for f in unique)
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE if ignore_case else 0)


def find_forms(pattern: re.Pattern, text: str):
    """Yield (start, end, matched text with white space runs made single spaces) for each match."""
    for m in pattern.finditer(text):
        yield m.start(), m.end(), " ".join(m.group().split())
