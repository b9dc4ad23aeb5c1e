"""Readable quiz items where no kernel runs (GitHub, nbconvert HTML, print): question and
options only, never the answers. Options of ordering items appear in a fixed shuffle and
match options in alphabetical order, so their order gives nothing away either.
"""

from __future__ import annotations

from .templates import render
from .types import item_type

__all__ = ["fallback_text", "fallback_html", "FOOTER"]

FOOTER = "Open this notebook in Jupyter to answer and get feedback."


def fallback_text(item) -> str:
    """Plain text of an item for a page without a kernel (no answers)."""
    kind = item_type(item.type)
    lines, extra, caption = kind.fallback(item)
    out = [f"Quiz {item.notebook}/{item.id} ({kind.label})", item.question, *lines]
    if caption:
        out += [caption, *(f"- {x}" for x in extra)]
    out.append(FOOTER)
    return "\n".join(out)


def fallback_html(item) -> str:
    """HTML of an item for a page without a kernel (no answers; all bank text escaped)."""
    kind = item_type(item.type)
    lines, extra, caption = kind.fallback(item)
    return render(
        "quiz/fallback.html.j2",
        dom_class=item.dom_class,
        notebook=item.notebook,
        item_id=item.id,
        label=kind.label,
        question=item.question,
        lines=lines,
        extra=extra,
        caption=caption,
        footer=FOOTER,
    )
