"""Clip a text for a message or a label: whole words, an ellipsis where it was cut."""

from __future__ import annotations

import textwrap

__all__ = ["shorten"]


def shorten(text: str, width: int = 70, placeholder: str = "…") -> str:
    """``text`` as is if it fits in ``width`` characters, else cut at a word boundary and ending in ``placeholder``.

    Built on :func:`textwrap.shorten` (runs of white space become single spaces; hyphenated words such as
    "vis-à-vis" stay whole); a first word too long on its own is cut inside the word, not dropped.

    >>> shorten("the prevailing view still seems to be", 20)
    'the prevailing view…'
    >>> shorten("short enough", 20)
    'short enough'
    >>> shorten("Denuclearization", 8)
    'Denucle…'
    """
    if len(text) <= width:
        return text
    short = textwrap.shorten(text, width, placeholder=placeholder, break_on_hyphens=False)
    return short if short != placeholder else text[: width - len(placeholder)] + placeholder
