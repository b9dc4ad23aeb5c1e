"""The teacher's answer key, built from the banks, and the answer strings a learner notebook must not contain."""

from __future__ import annotations

import html
from collections.abc import Iterable

from .bank import load_bank, list_banks
from .engine import correct_answer_text

__all__ = ["answer_key", "answer_key_markdown", "answer_key_html", "answer_strings", "key_rows"]

_TITLE = "nbkit answer key"


def _banks(notebooks: Iterable[str] | None):
    return [load_bank(nb) for nb in (list(notebooks) if notebooks is not None else list_banks())]


def key_rows(item, level: bool = True) -> list[tuple[str, str]]:
    """(label, text) rows of an item's key: answer, rubric (free response), explanation, evidence and level.

    Shared by the answer key and the teacher edition of handouts."""
    rows = [("Answer", correct_answer_text(item))]
    if item.type == "free_response":
        rows += [("Rubric", c) for c in item.data["rubric"]]
    rows += [("Explanation", item.explanation),
             ("Evidence", f"paragraph {item.paragraph_id}: “{item.quote}”")]
    return rows + [("Level", item.data["level"])] if level else rows


def answer_key_markdown(notebooks: Iterable[str] | None = None) -> str:
    """Markdown answer key of the given banks (default: all bundled banks)."""
    out = [f"# {_TITLE}", ""]
    for bank in _banks(notebooks):
        out += [f"## {bank.notebook}: {bank.title}", ""]
        for n, item in enumerate(bank.items, start=1):
            out += [f"### {n}. `{item.id}` ({item.type})", "", item.question, ""]
            out += [f"- **{k}:** {v}" for k, v in key_rows(item)]
            out.append("")
    return "\n".join(out)


def answer_key_html(notebooks: Iterable[str] | None = None) -> str:
    """A standalone HTML page of the answer key (all bank text escaped)."""
    e = html.escape
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">', f"<title>{_TITLE}</title>",
           "</head>", "<body>", f"<h1>{_TITLE}</h1>"]
    for bank in _banks(notebooks):
        out.append(f"<h2>{e(bank.notebook)}: {e(bank.title)}</h2>")
        for n, item in enumerate(bank.items, start=1):
            out += [f'<section id="{e(item.dom_class)}">', f"<h3>{n}. <code>{e(item.id)}</code> ({e(item.type)})</h3>",
                    f"<p>{e(item.question)}</p>", "<dl>"]
            out += [f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in key_rows(item)]
            out += ["</dl>", "</section>"]
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


def answer_key(fmt: str = "md", notebooks: Iterable[str] | None = None) -> str:
    """The answer key as ``"md"`` (Markdown) or ``"html"``."""
    if fmt in ("md", "markdown"):
        return answer_key_markdown(notebooks)
    if fmt == "html":
        return answer_key_html(notebooks)
    raise ValueError(f"format must be 'md' or 'html', not {fmt!r}")


def answer_strings(notebook: str) -> list[str]:
    """Texts that give a bank's answers away, for a test that greps learner notebooks.

    Correct option texts (not "True"/"False", too common to grep), accepted short answers, the
    correct order and matches as the key writes them, model answers and explanations.
    """
    out: list[str] = []
    for item in load_bank(notebook).items:
        d = item.data
        if item.type in ("multiple_choice", "many_choice"):
            out += [a["answer"] for a in d["answers"] if a["correct"]]
        elif item.type == "string":
            out += [a["answer"] for a in d["answers"] if a.get("correct")]
        elif item.type in ("ordering", "match"):
            out.append(correct_answer_text(item))
        elif item.type == "free_response":
            out.append(d["model_answer"])
        if item.type != "poll":
            out.append(item.explanation)
    return list(dict.fromkeys(out))
