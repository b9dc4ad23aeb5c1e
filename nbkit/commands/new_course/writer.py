"""Write a starter course: the notebooks from the templates in ``nbkit/data/templates/new_course/``, and their banks.

A template renders to text in which a line ``%%% markdown`` or ``%%% code`` starts a cell; the context
(names, topics, paragraphs, markers, the planned items) comes from the interview's frames.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections import Counter
from functools import lru_cache
from pathlib import Path

from .naming import Speaker, is_question, notebook_title, slug, topic
from .plan import plan_items, write_bank

__all__ = ["write_course", "course_stems", "render_cells", "question_context", "overview_context"]

_CELL = re.compile(r"^%%% (markdown|code)\s*$")
_KIND_WORDS = {
    "hedge": ("hedge", "hedges"),
    "booster": ("booster", "boosters"),
    "estimative": ("estimative word", "estimative words"),
}


@lru_cache(maxsize=1)
def _templates():
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("nbkit", "data/templates/new_course"),
        autoescape=False,  # notebook text (markdown and Python), not HTML
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_cells(template: str, **context) -> list[tuple[str, str]]:
    """(kind, source) of each cell of a rendered template; blank lines around a cell's text are dropped."""
    cells: list[tuple[str, list[str]]] = []
    for line in _templates().get_template(template).render(**context).splitlines():
        m = _CELL.match(line)
        if m:
            cells.append((m.group(1), []))
        elif cells:
            cells[-1][1].append(line)
    return [(kind, "\n".join(lines).strip("\n")) for kind, lines in cells if "".join(lines).strip()]


# -- the text's facts as sentences ---------------------------------------------------------------------


def _quoted_list(words: list[str]) -> str:
    quoted = [f"“{w}”" for w in words]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def _and(parts: list[str]) -> str:
    if not parts:
        return ""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _markers_sentence(markers, who: Speaker, where: str) -> str:
    """What the markers of a paragraph (or answer) are, e.g. "Kowalski hedges with “may” …"."""
    if markers.empty:
        return f"nbkit finds no hedge, booster or estimative word from its lexicon in {where}."
    parts = []
    for kind in ("hedge", "booster", "estimative"):
        words = list(dict.fromkeys(markers.loc[markers["kind"] == kind, "marker"].str.lower()))
        if words:
            one, many = _KIND_WORDS[kind]
            parts.append(f"{_quoted_list(words)} ({one if len(words) == 1 else many})")
    return f"Words that show how sure {who.later()} is in {where}: {_and(parts)}."


def _counted(kind: str, n: int) -> str:
    one, many = _KIND_WORDS[kind]
    return f"{n} {one if n == 1 else many}"


def _actors_sentence(mentions, where: str) -> str:
    if mentions.empty:
        return ""
    counts = Counter(mentions["actor"]).most_common()
    named = [f"{a} ({n} time{'s' if n != 1 else ''})" for a, n in counts]
    return f"Actors named in {where}: {_and(named)}."


@lru_cache(maxsize=1)
def _verb_asks() -> dict[str, str]:
    """What each instruction verb asks for (``nbkit/data/instruction_verbs.csv``)."""
    import pandas as pd

    from ...resources import data_file

    table = pd.read_csv(data_file("instruction_verbs.csv"), dtype=str)
    return dict(zip(table["instruction"], table["asks"]))


def _verb_sentence(instruction: str, who: Speaker) -> str:
    asks = _verb_asks().get(instruction)
    if instruction == "?" or not asks:
        return f"It is a direct question, so {who.later()} chooses how to structure the reply."
    return f"The verb “{instruction}” asks for {asks}."


def _span(pids: list[int]) -> str:
    if not pids:
        return "no paragraphs"
    return f"paragraph {pids[0]}" if len(pids) == 1 else f"paragraphs {pids[0]}–{pids[-1]}"


def _heading(sentence: str) -> str:
    """A section heading from a paragraph's first sentence: its first words."""
    from ...shorten import shorten

    return shorten(sentence.rstrip("."), 60)


# -- contexts --------------------------------------------------------------------------------------------


def course_stems(iv) -> dict[int | None, str]:
    """Notebook stems by question id (None: the overview): ``00-overview``, ``01-<topic slug>``, …"""
    stems: dict[int | None, str] = {None: "00-overview"}
    for r in iv.questions.itertuples():
        q = int(r.question_id)
        stems[q] = f"{q:02d}-{slug(topic(str(r.text), str(r.instruction)))}"
    return stems


def question_title(iv, q: int, who: Speaker) -> str:
    row = iv.questions.set_index("question_id").loc[q]
    return notebook_title(topic(str(row["text"]), str(row["instruction"])), who)


def question_context(iv, q: int, who: Speaker, stem: str, items: list[dict], folder: Path) -> dict:
    """What the question template needs: title, the question, each answer paragraph with its items."""
    from ...quiz.types import Ordering  # an ordering item asks about the whole answer: it comes after the paragraphs

    row = iv.questions.set_index("question_id").loc[q]
    subject = topic(str(row["text"]), str(row["instruction"]))
    paras = iv.paragraphs
    answer = paras[(paras["question_id"] == q) & (paras["role"] == "answer")].sort_values("paragraph_id")
    pids = [int(p) for p in answer["paragraph_id"]]
    sentences = iv.sentences
    paragraphs: list[dict] = []
    key_points: list[str] = []
    for n, pid in enumerate(pids):
        ps = sentences[sentences["paragraph_id"] == pid].sort_values("sentence_id")
        first = (
            str(ps["text"].iloc[0]) if not ps.empty else str(answer.loc[answer["paragraph_id"] == pid, "text"].iloc[0])
        )
        opening = (
            f"{who.later(start=True)} opens the answer: “{first}” (para. {pid})."
            if n == 0
            else f"Paragraph {pid} opens: “{first}” (para. {pid})."
        )
        key_points.append(f"{who.later(start=True)} (para. {pid}): “{first}”")
        paragraphs.append(
            {
                "id": pid,
                "heading": _heading(first),
                "opening": opening,
                "n_sentences": len(ps),
                "markers_sentence": _markers_sentence(
                    iv.markers[iv.markers["paragraph_id"] == pid], who, "this paragraph"
                ),
                "actors_sentence": _actors_sentence(iv.mentions[iv.mentions["paragraph_id"] == pid], "this paragraph"),
                "quiz": [
                    it["id"]
                    for it in items
                    if it["type"] != Ordering.name and int(it["evidence"]["paragraph_id"]) == pid
                ],
            }
        )
    placed = {i for p in paragraphs for i in p["quiz"]}
    later = [it["id"] for it in items if it["id"] not in placed]  # whole-answer items (ordering) and the rest
    qm = iv.markers[iv.markers["question_id"] == q]
    kinds = Counter(qm["kind"].astype(str))
    if qm.empty:
        markers_summary = "nbkit finds none of these words in the answer."
    else:
        counted = _and([_counted(k, kinds[k]) for k in ("hedge", "booster", "estimative") if kinds.get(k)])
        markers_summary = f"nbkit finds {counted} in the answer: read each in its sentence before you judge how sure {who.later()} is."
        key_points.append(
            f"The answer has {counted} (nbkit's lexicon); each qualifies one claim, so read it in its sentence."
        )
    actors = sorted(set(iv.mentions.loc[iv.mentions["question_id"] == q, "actor"]))
    return {
        "nn": f"{q:02d}",
        "q": q,
        "stem": stem,
        "title": question_title(iv, q, who),
        "who": who,
        "span": _span(pids),
        "reads": pids,  # what the **First:** line asks to read (the span); the question itself is quoted in the notebook
        "ask_sentence": "" if is_question(subject) else f"The question is about {subject}.",
        "question_pid": int(row["paragraph_id"]),
        "question_text": " ".join(str(row["text"]).split()),
        "verb_sentence": _verb_sentence(str(row["instruction"]), who),
        "paragraphs": paragraphs,
        "actors": actors,
        "has_aliases": (folder / "aliases.csv").is_file(),
        "markers_summary": markers_summary,
        "later_items": later,
        "items": [it["id"] for it in items],
        "key_points": key_points,
    }


def overview_context(iv, who: Speaker, stems: dict, titles: dict, items: list[dict], folder: Path) -> dict:
    meta = iv.meta.iloc[0]

    def field(name):
        value = meta.get(name)
        return None if value is None or value != value or str(value).strip() in ("", "<NA>") else str(value).strip()

    parts = [f"{who.first(start=True)}"]
    if field("interviewee_affiliation"):
        parts[0] += f" ({field('interviewee_affiliation')})"
    card = f"{parts[0]} answers"
    if field("interviewer"):
        card += f" {field('interviewer')}’s questions"
    else:
        card += " the questions"
    if field("outlet"):
        card += f" for {field('outlet')}"
    number = field("series_number")
    if field("series"):
        card += f", in {('No. ' + number + ' of ') if number else ''}{field('series')}"
    questions = []
    for r in iv.questions.itertuples():
        q = int(r.question_id)
        questions.append(
            {
                "number": q,
                "link": f"[{titles[q]}]({stems[q]}.ipynb)",
                "text": " ".join(str(r.text).split()),
                "pid": int(r.paragraph_id),
                "n_answer": int(r.n_answer_paragraphs),
            }
        )
    longest = iv.questions.sort_values(["n_answer_words", "question_id"], ascending=[False, True]).iloc[0]
    top = Counter(iv.mentions.loc[iv.mentions["question_id"].notna(), "actor"]).most_common(1)
    kinds = Counter(iv.markers["kind"].astype(str))
    counted = _and([_counted(k, kinds[k]) for k in ("hedge", "booster", "estimative") if kinds.get(k)])
    return {
        "title": f"The interview with {who.first()}, as data" if who.known else "The interview, as data",
        "reads": [],  # its **First:** line asks for no reading: it quotes the questions and shows the frames
        "n_questions": len(iv.questions),
        "card_sentence": card + ".",
        "card_warnings": field("card_warnings") or "",
        "questions": questions,
        "stem": stems[None],
        "items": [it["id"] for it in items],
        "has_aliases": (folder / "aliases.csv").is_file(),
        "top_actor": top[0][0] if top else "",
        "markers_summary": f"nbkit finds {counted} in the interview."
        if counted
        else "nbkit finds none in the interview.",
        "longest_point": f"The longest answer is to question {int(longest['question_id'])} "
        f"({int(longest['n_answer_words'])} words in {int(longest['n_answer_paragraphs'])} paragraphs).",
    }


# -- writing ---------------------------------------------------------------------------------------------


def _notebook(cells: list[tuple[str, str]], stem: str, reads: list[int]):
    """The notebook of ``cells``; ``reads``: the paragraphs of ``interview.txt`` it asks learners to read
    (metadata ``nbkit.reads``, timed by the seat-time model)."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    nb = new_notebook(
        metadata={
            "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
            "nbkit": {"reads": reads},
        }
    )
    for n, (kind, src) in enumerate(cells, start=1):
        cell = new_code_cell(src) if kind == "code" else new_markdown_cell(src)
        cell["id"] = f"{stem[:2]}-c{n:02d}"
        nb.cells.append(cell)
    nbformat.validate(nb)
    return nb


def _write_text(path: Path, text: str) -> None:
    """Write atomically: a temporary file in the same folder, renamed into place."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def write_course(interview_path: Path, dest: Path, seed: int = 0, claims: bool = False) -> list[Path]:
    """Write the course into ``dest``; returns the files written (interview, banks, notebooks, and with
    ``claims`` the claims template in ``dest/annotations/``, :func:`~nbkit.annotations.course_folder.write_claims_template`).

    Raises ``FileExistsError`` (nothing written) when ``claims`` and ``dest/annotations/claims.csv`` exists:
    it may hold the teacher's coding."""
    import nbformat

    from ...course import load_interview
    from ..nav_cmd import sync_notebooks

    iv = load_interview(interview_path)
    if iv.questions.empty:
        from ...errors import InterviewFormatError

        raise InterviewFormatError(
            interview_path,
            None,
            "no questions found; a course needs an interview with "
            "questions (lines such as 'Explain …' or ending in '?')",
        )
    name = iv.meta["interviewee"].iloc[0]
    who = Speaker(name if isinstance(name, str) else None)
    stems = course_stems(iv)
    titles = {q: question_title(iv, q, who) for q in stems if q is not None}
    if claims and (dest / "annotations" / "claims.csv").exists():
        raise FileExistsError(f"{dest / 'annotations' / 'claims.csv'} exists and may hold your coding;")
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "quizzes").mkdir(exist_ok=True)
    shutil.copyfile(interview_path, dest / "interview.txt")
    plan = plan_items(iv, stems, seed)
    written = [dest / "interview.txt"]
    if claims:
        from ...annotations.course_folder import write_claims_template

        written += write_claims_template(load_interview(dest / "interview.txt"), dest)
    for q, stem in stems.items():
        items = plan[stem]
        if q is None:
            context = overview_context(iv, who, stems, titles, items, dest)
            cells = render_cells("overview.ipynb.j2", **context)
            title = f"Overview: {context['title']}"
        else:
            context = question_context(iv, q, who, stem, items, dest)
            cells = render_cells("question.ipynb.j2", **context)
            title = titles[q]
        if items:
            bank = dest / "quizzes" / f"{stem}.yaml"
            write_bank(bank, stem, title, items, iv)
            written.append(bank)
        path = dest / f"{stem}.ipynb"
        _write_text(path, nbformat.writes(_notebook(cells, stem, context["reads"])))
        written.append(path)
    sync_notebooks(dest)  # navigation links and **Time:** lines, as `nbkit nav` writes them
    return written
