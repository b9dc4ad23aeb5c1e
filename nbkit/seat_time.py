"""Seat time: how long a course notebook takes, computed from what is in it (docs/seat-time.md).

Markdown prose and the interview paragraphs a notebook asks learners to read (notebook metadata
``nbkit.reads``) are timed by their words; each code cell, chart, quiz item (by type), exercise and
discussion prompt has a rate. The rates live in ``nbkit/data/seat_time.yaml``, each with its reason.
A heading that ends in "(optional)" makes its section optional: every cell up to the next heading of
the same or a higher level. The **core path** is everything else.

>>> import nbformat
>>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1") for _ in range(8)])
>>> t = notebook_time(nb)
>>> t.total, t.core, t.time_line()
(5, 5, '**Time:** about 5 minutes (all core).')
"""

from __future__ import annotations

import ast
import math
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from .errors import NbkitError, QuizBankError
from .resources import data_file
from .segment import split_tokens
from .validation import check, parse_yaml, read_text

__all__ = [
    "NotebookContentError",
    "Rates",
    "NotebookTime",
    "rates",
    "notebook_time",
    "section_time",
    "round_up",
    "count_words",
    "TIME_LINE",
    "INTERVIEW_FILE",
    "GENERATED",
]

#: How a line of a notebook's first cell that states its time starts (``nbkit nav`` rewrites it).
TIME_LINE = "**Time:**"
#: The interview file of a course folder (``nbkit new-course``): notebooks beside it read its paragraphs.
INTERVIEW_FILE = "interview.txt"
#: How a cell written by an nbkit command starts (e.g. the navigation cell); such cells are not timed.
GENERATED = "<!-- nbkit:"

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_OPTIONAL = re.compile(r"\(optional\)$", re.IGNORECASE)
_DISCUSS = re.compile(r"^(?:💬\s*\**|\*\*)Discuss\b[^:\n]*?(?:\((?P<minutes>\d+)\s*min(?:ute)?s?\))?[^:\n(]*(?::|$)")
_FENCE = re.compile(r"^\s*(```|~~~)")
_NOT_READ = re.compile(r"<!--.*?-->|<[^>]+>|\]\([^)]*\)|https?://\S+", re.DOTALL)
_COLUMNS = ["cell", "section", "optional", "kind", "detail", "minutes"]


class NotebookContentError(NbkitError, ValueError):
    """A notebook's content cannot be timed (an unknown quiz item, a reads id that is not a paragraph…).

    Attributes: ``path`` (the notebook), ``cell`` (0-based index, or None for the notebook metadata), ``reason``.

    >>> print(NotebookContentError("notebooks/03-x.ipynb", 9, "no quiz item 'x'.", "nb03-c10"))
    03-x.ipynb, cell 9 (id nb03-c10): no quiz item 'x'.
    """

    def __init__(self, path: str | Path, cell: int | None, reason: str, cell_id: str | None = None):
        self.path, self.cell, self.reason, self.cell_id = str(path), cell, reason, cell_id
        where = "metadata" if cell is None else f"cell {cell}" + (f" (id {cell_id})" if cell_id else "")
        super().__init__(f"{Path(self.path).name}, {where}: {reason}")


@dataclass(frozen=True)
class Rates:
    """The model's rates (``seat_time.yaml``): reading speeds in words per minute, everything else in minutes."""

    prose_wpm: float
    interview_wpm: float
    code: float
    chart: float
    exercise: float
    discussion: float
    items: dict[str, float] = field(repr=False)
    round_to: int = 5


def _rates_error(path, place, field_name, reason):
    return NotebookContentError(path, None, f"field '{field_name}': {reason}" if field_name else reason)


@cache
def rates() -> Rates:
    """The rates of ``nbkit/data/seat_time.yaml``, checked against ``schemas/seat_time.schema.json``."""
    from .quiz.bank import TYPES

    source = data_file("seat_time.yaml")
    doc = parse_yaml(read_text(source, _rates_error), str(source), _rates_error)
    check(doc, "schemas/seat_time.schema.json", _rates_error, str(source))
    missing = [t for t in TYPES if t not in doc["items"]]
    if missing:
        raise NotebookContentError(source, None, f"items: no rate for the item type(s) {', '.join(missing)}; add one.")
    return Rates(
        prose_wpm=doc["reading"]["prose_wpm"],
        interview_wpm=doc["reading"]["interview_wpm"],
        code=doc["cells"]["code"],
        chart=doc["cells"]["chart"],
        exercise=doc["cells"]["exercise"],
        discussion=doc["discussion"]["default"],
        items=dict(doc["items"]),
        round_to=doc["round_to"],
    )


def round_up(minutes: float, step: int | None = None) -> int:
    """``minutes`` rounded up to a multiple of ``step`` (default: the model's ``round_to``, 5).

    >>> round_up(40.2), round_up(45), round_up(0.1, 1)
    (45, 45, 1)
    """
    step = rates().round_to if step is None else step
    return int(math.ceil(round(minutes, 6) / step) * step)


def count_words(markdown: str) -> int:
    """Words a learner reads in ``markdown``: nbkit's word tokens, with tags, comments and link targets left out.

    >>> count_words("Read [paragraph 3](https://example.org/a-b-c), then <b>answer</b>.")
    5
    """
    return len(split_tokens(_NOT_READ.sub(" ", markdown)))


@dataclass(frozen=True)
class NotebookTime:
    """A notebook's seat time: ``parts`` has one row per timed component (cell, section, optional, kind,
    detail, minutes); ``total`` and ``core`` are its minutes rounded up."""

    notebook: str
    parts: pd.DataFrame = field(repr=False)
    sections: tuple[tuple[str, ...], ...] = field(repr=False, default=())  # the open headings of each part

    @property
    def total(self) -> int:
        """Minutes of the whole notebook, rounded up."""
        return round_up(self.parts["minutes"].sum())

    @property
    def core(self) -> int:
        """Minutes of the core path (the parts outside optional sections), rounded up."""
        return round_up(self.parts.loc[~self.parts["optional"], "minutes"].sum())

    @property
    def has_optional(self) -> bool:
        """Whether the notebook has an optional section."""
        return bool(self.parts["optional"].any())

    def time_line(self) -> str:
        """The ``**Time:**`` line ``nbkit nav`` writes into the notebook's first cell."""
        if self.has_optional:
            return (
                f"{TIME_LINE} about {self.total} minutes; core path about {self.core} minutes "
                "(sections marked “(optional)” are extra)."
            )
        return f"{TIME_LINE} about {self.total} minutes (all core)."

    def __repr__(self) -> str:
        return f"<NotebookTime {self.notebook}: about {self.total} minutes, core {self.core}>"


def _read(source) -> tuple[Any, str]:
    import nbformat

    if isinstance(source, (str, Path)):
        return nbformat.read(source, as_version=4), str(source)
    return source, "<notebook>"


@cache
def _bundled_words() -> dict[int, int]:
    from .interview import load_interview

    return _words_by_paragraph(load_interview())


@lru_cache(maxsize=32)
def _course_words(path: str, mtime_ns: int, size: int) -> dict[int, int]:
    """Words by paragraph of a course's ``interview.txt``; the key's mtime and size reload an edited file."""
    from .course import load_interview  # nbkit.load_interview, as the course's notebooks load it

    return _words_by_paragraph(load_interview(path))


def _words_by_paragraph(iv) -> dict[int, int]:
    p = iv.paragraphs
    return dict(zip(p["paragraph_id"].astype(int), p["n_words"].astype(int)))


def _interview_of(folder: Path) -> Path | None:
    """The interview a notebook in ``folder`` reads: its ``interview.txt`` (a course written by
    ``nbkit new-course``), or None for the bundled interview."""
    path = folder / INTERVIEW_FILE
    return path if path.is_file() else None


def _paragraph_words(interview: Path | None = None) -> dict[int, int]:
    """Words by paragraph id of ``interview`` (a file), or of the bundled interview."""
    if interview is None:
        return _bundled_words()
    stat = interview.stat()
    return _course_words(str(interview.resolve()), stat.st_mtime_ns, stat.st_size)


def _reads(reads, path: str, interview: Path | None) -> tuple[list[int], dict[int, int]]:
    """The checked reads list and the words by paragraph of the interview they name."""
    if not isinstance(reads, list):
        raise NotebookContentError(
            path, None, f"nbkit.reads must be a list of paragraph ids, e.g. [6, 7, 8]; found {reads!r}."
        )
    if not reads:
        return reads, {}  # nothing to time: the interview is not loaded
    words = _paragraph_words(interview)
    where = "the interview" if interview is None else f"the course's interview, {interview}"
    for pid in reads:
        if isinstance(pid, bool) or not isinstance(pid, int) or pid not in words:
            raise NotebookContentError(
                path,
                None,
                f"nbkit.reads names {pid!r}, which is not a paragraph of {where} "
                f"(paragraphs {min(words)}–{max(words)}). Correct the list in the notebook's metadata.",
            )
    return reads, words


def _dotted(node) -> str:
    """``nbkit.quiz.show`` for the function of a call (empty when it is not a plain dotted name)."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return ""


def _item_type(call: str, bank: str, item_id: str, folder: Path) -> str:
    """The type of the item a ``quiz.show(notebook, id)`` or ``quiz.show_item(bank.yaml, id)`` call shows."""
    from .quiz import load_bank

    if call == "show":
        return load_bank(bank).item(item_id).type
    path = folder / bank  # a bank file next to the notebook (nbkit new-course); only its types are read here
    if not path.is_file():
        raise QuizBankError(path, None, None, f"no bank file {bank!r} next to the notebook")
    doc = parse_yaml(read_text(path, QuizBankError), str(path), QuizBankError)
    items = doc.get("items", []) if isinstance(doc, dict) else []
    for item in items:
        if isinstance(item, dict) and item.get("id") == item_id and item.get("type") in rates().items:
            return item["type"]
    known = ", ".join(str(i.get("id")) for i in items if isinstance(i, dict))
    raise QuizBankError(path, item_id, None, f"no item with this id and a known type; the bank has: {known}")


def _code_parts(code: str, path: str, index: int, cell_id: str | None, folder: Path) -> list[tuple[str, str, float]]:
    """(kind, detail, minutes) of a code cell: its quiz items, charts and exercise checks, else one code cell."""
    from . import charts

    r = rates()
    try:
        tree = ast.parse(code)
    except SyntaxError as exc:
        raise NotebookContentError(
            path, index, f"the code does not parse (line {exc.lineno}); fix it first.", cell_id
        ) from None
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _dotted(node.func).split(".")
        if len(name) >= 2 and name[-2] == "quiz" and name[-1] in ("show", "show_item"):
            call = name[-1]
            args = [a.value for a in node.args[:2] if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            if len(args) < 2:
                raise NotebookContentError(
                    path,
                    index,
                    f"quiz.{call} needs the {'notebook' if call == 'show' else 'bank file'} and the item id as text, "
                    'e.g. quiz.show("03-x", "two-angles").',
                    cell_id,
                )
            bank_name, item_id = args[0], args[1]
            try:
                kind = _item_type(call, bank_name, item_id, folder)
            except QuizBankError as exc:
                raise NotebookContentError(
                    path,
                    index,
                    f"quiz.{call}({bank_name!r}, {item_id!r}): {exc.reason.rstrip('.')}. Correct the call or the bank.",
                    cell_id,
                ) from None
            found.append((node.lineno, node.col_offset, ("quiz item", f"{item_id} ({kind})", r.items[kind])))
        elif len(name) >= 2 and name[-2] == "charts" and name[-1] in charts.__all__:
            found.append((node.lineno, node.col_offset, ("chart", name[-1], r.chart)))
        elif name[-2:] == ["exercise", "check"]:
            found.append((node.lineno, node.col_offset, ("exercise", "exercise.check", r.exercise)))
    if found:
        return [part for *_, part in sorted(found)]
    return [("code", "", r.code)] if code.strip() else []


def notebook_time(source, reads: list[int] | None = None, folder: str | Path | None = None) -> NotebookTime:
    """The seat time of a notebook (a path or an nbformat notebook), by the model of docs/seat-time.md.

    ``reads``: the paragraphs learners read (default: the notebook's metadata ``nbkit.reads``), timed by
    their words in ``folder``'s ``interview.txt`` when there is one (a course of ``nbkit new-course``),
    else in the bundled interview.
    ``folder``: where the bank files of ``quiz.show_item`` calls and ``interview.txt`` are (default: the
    notebook's folder).
    """
    nb, path = _read(source)
    base = Path(folder) if folder is not None else Path(path).parent if path != "<notebook>" else Path.cwd()
    r = rates()
    rows: list[tuple] = []
    open_sections: list[tuple[int, str]] = []  # (level, heading) of every open heading
    optional_level: int | None = None

    def flush(cell: int, prose: list[str]) -> None:
        words = count_words("\n".join(prose))
        if words:
            add(cell, "prose", f"{words} words", words / r.prose_wpm)
        prose.clear()

    def add(cell, kind, detail, minutes):
        section = open_sections[-1][1] if open_sections else ""
        rows.append((cell, section, optional_level is not None, kind, detail, float(minutes), open_sections.copy()))

    if reads is None:
        reads = nb.metadata.get("nbkit", {}).get("reads", [])
    reads, words_of = _reads(reads, path, _interview_of(base))
    for index, cell in enumerate(nb.cells):
        text = cell.source
        if cell.cell_type == "code":
            for kind, detail, minutes in _code_parts(text, path, index, cell.get("id"), base):
                add(index, kind, detail, minutes)
            continue
        if cell.cell_type != "markdown" or text.startswith(GENERATED):
            continue
        prose: list[str] = []
        fenced = False

        for line in text.splitlines():
            if _FENCE.match(line):
                fenced = not fenced
            heading = None if fenced else _HEADING.match(line)
            if heading:
                flush(index, prose)
                level, title = len(heading.group(1)), heading.group(2)
                while open_sections and open_sections[-1][0] >= level:
                    open_sections.pop()
                if optional_level is not None and level <= optional_level:
                    optional_level = None
                open_sections.append((level, title))
                if optional_level is None and _OPTIONAL.search(title):
                    optional_level = level
            if line.startswith(TIME_LINE) and index == 0:
                continue
            discuss = None if fenced else _DISCUSS.match(line)
            if discuss:
                stated = discuss.group("minutes")
                add(
                    index,
                    "discussion",
                    f"{stated} minutes stated" if stated else "no minutes stated",
                    int(stated) if stated else r.discussion,
                )
            prose.append(line)
        flush(index, prose)
    if reads:  # read with the first cell, which asks for it (its **First:** line)
        words = sum(words_of[p] for p in reads)
        first = next((row for row in rows if row[0] == 0), None)
        title = first[6] if first else []
        rows.insert(
            0,
            (
                0,
                title[-1][1] if title else "",
                False,
                "interview",
                f"paragraphs {', '.join(map(str, reads))}: {words} words",
                words / r.interview_wpm,
                title,
            ),
        )
    parts = pd.DataFrame([row[:6] for row in rows], columns=_COLUMNS)
    parts = parts.astype(
        {
            "cell": "int64",
            "section": "string",
            "optional": "bool",
            "kind": "string",
            "detail": "string",
            "minutes": "float64",
        }
    )
    name = Path(path).stem if path != "<notebook>" else path
    return NotebookTime(name, parts, tuple(tuple(h for _, h in row[6]) for row in rows))


def section_time(source, heading: str) -> int:
    """Minutes of one section (its heading's text, with or without the ``#``s), its subsections included,
    rounded up to 5: for planning a lesson from part of a notebook."""
    t = notebook_time(source)
    wanted = heading.lstrip("#").strip()
    inside = [wanted in stack for stack in t.sections]
    if not any(inside):
        known = list(dict.fromkeys(h for stack in t.sections for h in stack))
        raise NotebookContentError(
            t.notebook + ".ipynb", None, f"no section headed {wanted!r}. The headings are: {'; '.join(known)}."
        )
    return round_up(t.parts.loc[inside, "minutes"].sum())
