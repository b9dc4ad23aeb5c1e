"""Readable quiz items where no kernel runs (GitHub, nbconvert HTML, print): question and
options only, never the answers. Options of ordering items appear in a fixed shuffle and
match options in alphabetical order, so their order gives nothing away either.
"""

from __future__ import annotations

import html

from .engine import TYPE_LABELS, display_order

__all__ = ["fallback_text", "fallback_html", "FOOTER"]

FOOTER = "Open this notebook in Jupyter to answer and get feedback."


def _parts(item) -> tuple[str, list[str], list[str], str | None]:
    """(list style, option lines, second list, caption of the second list)."""
    d, kind = item.data, item.type
    if kind in ("multiple_choice", "true_false", "poll"):
        return "( )", [a["answer"] for a in d["answers"]], [], None
    if kind == "many_choice":
        return "[ ]", [a["answer"] for a in d["answers"]], [], None
    if kind == "string":
        return "", ["Answer: ________"], [], None
    if kind == "ordering":
        n = len(d["answers"])
        return "", [f"{i}. ________" for i in range(1, n + 1)], display_order(item), "Entries to place:"
    if kind == "match":
        return "", [f"{p['label']} -> ________" for p in d["pairs"]], sorted(d["options"]), "Options:"
    return "", ["Your answer: ________"], [], None  # free_response


def fallback_text(item) -> str:
    """Plain text of an item for a page without a kernel (no answers)."""
    mark, lines, extra, caption = _parts(item)
    out = [f"Quiz {item.notebook}/{item.id} ({TYPE_LABELS[item.type]})", item.question]
    out += [f"{mark} {x}" if mark else x for x in lines]
    if caption:
        out.append(caption)
        out += [f"- {x}" for x in extra]
    out.append(FOOTER)
    return "\n".join(out)


def fallback_html(item) -> str:
    """HTML of an item for a page without a kernel (no answers; all bank text escaped)."""
    e = html.escape
    mark, lines, extra, caption = _parts(item)
    out = [f'<div class="nbkit-quiz-static {e(item.dom_class)}">',
           f"<p><strong>Quiz</strong> <code>{e(item.notebook)}/{e(item.id)}</code> ({e(TYPE_LABELS[item.type])})</p>",
           f"<p>{e(item.question)}</p>", "<ul>"]
    out += [f"<li>{e(mark + ' ' + x if mark else x)}</li>" for x in lines]
    out.append("</ul>")
    if caption:
        out += [f"<p>{e(caption)}</p>", "<ul>"] + [f"<li>{e(x)}</li>" for x in extra] + ["</ul>"]
    out += [f"<p><em>{e(FOOTER)}</em></p>", "</div>"]
    return "\n".join(out)
