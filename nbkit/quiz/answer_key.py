"""The teacher's answer key, built from the banks, and the answer strings a learner notebook must not contain."""

from __future__ import annotations

from collections.abc import Iterable

from .bank import Bank, list_banks, load_bank
from .generators.common import GENERATED_NOTE
from .templates import render
from .types import item_type

__all__ = ["answer_key", "answer_key_markdown", "answer_key_html", "answer_strings", "key_rows"]

_TITLE = "nbkit answer key"


def _banks(notebooks: Iterable | None) -> list[Bank]:
    """Banks for the key: bundled stems (default: all) or :class:`Bank` objects (e.g. a new course's banks)."""
    return [
        nb if isinstance(nb, Bank) else load_bank(nb) for nb in (notebooks if notebooks is not None else list_banks())
    ]


def key_rows(item, level: bool = True) -> list[tuple[str, str]]:
    """(label, text) rows of an item's key: "Review: generated - review before class" for a generated item, then
    answer, rubric (free response), explanation, evidence and level.

    Shared by the answer key and the teacher edition of handouts."""
    kind = item_type(item.type)
    review = [("Review", GENERATED_NOTE)] if item.data.get("generated") else []
    rows = [
        *review,
        ("Answer", kind.correct_answer(item)),
        *kind.key_rows(item),
        ("Explanation", item.explanation),
        ("Evidence", f"paragraph {item.paragraph_id}: “{item.quote}”"),
    ]
    return rows + [("Level", item.data["level"])] if level else rows


def answer_key_markdown(notebooks: Iterable | None = None) -> str:
    """Markdown answer key of the given banks (stems or :class:`Bank` objects; default: all bundled banks)."""
    out = [f"# {_TITLE}", ""]
    for bank in _banks(notebooks):
        out += [f"## {bank.notebook}: {bank.title}", ""]
        for n, item in enumerate(bank.items, start=1):
            out += [f"### {n}. `{item.id}` ({item.type})", "", item.question, ""]
            out += [f"- **{k}:** {v}" for k, v in key_rows(item)]
            out.append("")
    return "\n".join(out)


def answer_key_html(notebooks: Iterable | None = None) -> str:
    """A standalone HTML page of the answer key (all bank text escaped by the template)."""
    return render("quiz/answer_key.html.j2", title=_TITLE, banks=_banks(notebooks), rows=key_rows)


def answer_key(fmt: str = "md", notebooks: Iterable | None = None) -> str:
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
    out = [text for item in load_bank(notebook).items for text in item_type(item.type).answer_strings(item)]
    return list(dict.fromkeys(out))
