"""The course notebooks follow one template, cover the interview, and keep answers out of learners' sight."""

import ast
import json
import re
import shutil

import nbformat
import pytest

from nbkit.cli import main
from nbkit.commands.nav_cmd import MARKER, course_notebooks
from nbkit.quiz import answer_strings, load_bank

from .conftest import ROOT

NOTEBOOKS = ROOT / "notebooks"
STEMS = [
    "00-start-here",
    "01-the-interview-as-data",
    "02-transactional-or-strategic",
    "03-pyongyangs-calculus",
    "04-moscows-agenda",
    "05-signals-to-washington-and-beijing",
    "06-the-treaty-and-northeast-asia",
    "07-reading-critically",
    "08-seminar-and-review",
]
ANSWER_PARAGRAPHS = {3, 4, 5, 7, 8, 9, 10, 12, 13, 15, 16, 18, 19, 20, 21}
QUIZ_CALL = re.compile(r"""nbkit\.quiz\.show\(\s*["']([\w-]+)["']\s*,\s*["']([\w-]+)["']\s*\)""")


def cells(stem):
    return json.loads((NOTEBOOKS / f"{stem}.ipynb").read_text(encoding="utf-8"))["cells"]


def source(cell):
    return "".join(cell["source"])


def test_unique_gap_free_numbering():
    names = [p.stem for p in course_notebooks(NOTEBOOKS)]
    assert names == STEMS
    assert sorted(p.name for p in NOTEBOOKS.glob("*.ipynb")) == [f"{s}.ipynb" for s in STEMS]


@pytest.mark.parametrize("stem", STEMS)
def test_committed_clean(stem):
    for cell in cells(stem):
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None, source(cell)[:60]
        assert "id" in cell


@pytest.mark.parametrize("stem", STEMS)
def test_opening_template(stem):
    first, second = cells(stem)[:2]
    assert first["cell_type"] == "markdown"
    text = source(first)
    assert re.match(rf"# {stem[:2]} · \S", text), text.splitlines()[0]
    lines = text.splitlines()
    start = lines.index("**By the end you will be able to…**")
    outcomes = []
    for line in lines[start + 1 :]:
        if not line.startswith("- "):
            break
        outcomes.append(line[2:])
    assert 3 <= len(outcomes) <= 5, outcomes
    assert all(re.match(r"[A-Z][a-z]+\b", o) for o in outcomes), outcomes
    assert re.search(
        r"^\*\*Time:\*\* about \d+ minutes(; core path about \d+ minutes \(sections marked “\(optional\)” are extra\)"
        r"| \(all core\))\.$",
        text,
        re.M,
    )  # written by `nbkit nav` from the seat-time model (tests/test_seat_time.py checks the numbers)
    assert re.search(r"^\*\*First:\*\* \S", text, re.M)
    purpose = [ln for ln in lines[1:start] if ln.strip()]
    assert purpose, "a sentence of purpose under the title"
    assert second["cell_type"] == "code"
    imports = source(second)
    assert "import nbkit" in imports
    assert "import *" not in imports


@pytest.mark.parametrize("stem", STEMS)
def test_code_cells_parse_and_use_no_hidden_setup(stem):
    for cell in cells(stem):
        if cell["cell_type"] == "code":
            ast.parse(source(cell))
            assert "import *" not in source(cell)
            assert cell["metadata"].get("jupyter", {}).get("source_hidden") is not True


@pytest.mark.parametrize("stem", STEMS)
def test_quizzes_charts_exercises_and_ending(stem):
    all_cells = cells(stem)
    code = [(i, source(c)) for i, c in enumerate(all_cells) if c["cell_type"] == "code"]
    markdown = [source(c) for c in all_cells if c["cell_type"] == "markdown"]
    calls = [(i, m.groups()) for i, text in code for m in QUIZ_CALL.finditer(text)]
    assert len(calls) >= 3, f"{stem}: {len(calls)} quiz items"
    bank_ids = set(load_bank(stem).ids())
    for _, (bank, item) in calls:
        assert bank == stem
        assert item in bank_ids
    # quizzes are placed through the notebook, not all at the end
    assert calls[0][0] < len(all_cells) * 0.6
    assert any("nbkit.charts." in text for _, text in code), f"{stem}: no chart"
    assert any(re.search(r"^\w+ = \.\.\.\s*$", text, re.M) for _, text in code), f"{stem}: no exercise stub"
    assert any("<details>" in text and "Solution" in text for text in markdown), f"{stem}: no folded solution"
    assert any(text.startswith("## Key points") for text in markdown)
    assert any(text.startswith("## Recall") for text in markdown)


def test_navigation_in_sync(capsys):
    assert main(["nav", "--check", str(NOTEBOOKS)]) == 0
    assert capsys.readouterr().out == ""


def test_nav_rewrites_stale_navigation_byte_for_byte(tmp_path, capsys):
    """`nbkit nav` restores the committed files exactly (nbformat's layout), and `--check` names what drifted."""
    folder = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOKS, folder)
    first, middle = folder / f"{STEMS[0]}.ipynb", folder / f"{STEMS[4]}.ipynb"
    nb = nbformat.read(first, as_version=4)
    nb.cells.pop()  # navigation removed
    nbformat.write(nb, first)
    nb = nbformat.read(middle, as_version=4)
    nb.cells[-1].source = nb.cells[-1].source.replace("Next:", "Onwards:")  # navigation edited by hand
    nbformat.write(nb, middle)

    assert main(["nav", "--check", str(folder)]) == 1
    out = capsys.readouterr()
    assert out.out.splitlines() == [f"stale: {first} (navigation)", f"stale: {middle} (navigation)"]
    assert "2 notebook(s) have stale navigation or time; run: nbkit nav" in out.err
    assert main(["nav", str(folder)]) == 0
    assert capsys.readouterr().out.splitlines() == [f"updated: {first} (navigation)", f"updated: {middle} (navigation)"]
    for stem in STEMS:
        assert (folder / f"{stem}.ipynb").read_bytes() == (NOTEBOOKS / f"{stem}.ipynb").read_bytes(), stem
    assert main(["nav", str(folder)]) == 0 and capsys.readouterr().out == ""  # nothing left to write


def test_navigation_cells_link_neighbours():
    last = [cells(stem)[-1] for stem in STEMS]
    assert all(source(c).startswith(MARKER) for c in last)
    assert source(last[0]).endswith(
        "You are at the start of the course. · Next: [The interview as data](01-the-interview-as-data.ipynb) →"
    )
    assert (
        source(last[-1]).splitlines()[-1]
        == "← Previous: [Reading critically](07-reading-critically.ipynb) · [Course start](00-start-here.ipynb)"
    )


def test_nav_needs_a_folder_of_course_notebooks(tmp_path, capsys):
    assert main(["nav", str(tmp_path)]) == 2
    assert f"nbkit nav: {tmp_path} holds no course notebooks" in capsys.readouterr().err


@pytest.mark.parametrize("stem", STEMS)
def test_no_answers_in_learner_sources(stem):
    text = " ".join(source(c) for c in cells(stem))
    leaks = [a for a in answer_strings(stem) if len(a) >= 12 and a in text]
    assert leaks == []


def test_quiz_coverage_of_every_answer_paragraph():
    covered = set()
    levels = set()
    for stem in STEMS:
        used = {
            item for _, (bank, item) in ((0, m.groups()) for c in cells(stem) for m in QUIZ_CALL.finditer(source(c)))
        }
        for item in load_bank(stem).items:
            if item.id in used:
                covered.add(item.paragraph_id)
                levels.add(item.data["level"])
    assert ANSWER_PARAGRAPHS - covered == set()
    assert levels == {"remember", "understand", "analyse", "evaluate"}


ATTRIBUTION = re.compile(
    r"\bLee (argues|says|writes|notes|reads|judges|suggests|sees|predicts|concludes|states|expects|"
    r"observes|points out|warns|proposes|identifies|replies|describes|calls|holds|believes|thinks)\b"
)
PARAGRAPH_REF = re.compile(r"para(graph)?s?\.? ?\d", re.I)


@pytest.mark.parametrize("stem", STEMS)
def test_statements_of_what_lee_argues_carry_a_paragraph(stem):
    """Content standard: "Lee argues … (para. 5)". A markdown cell that attributes a view to Lee cites a paragraph."""
    uncited = [
        source(c)[:80]
        for c in cells(stem)
        if c["cell_type"] == "markdown" and ATTRIBUTION.search(source(c)) and not PARAGRAPH_REF.search(source(c))
    ]
    assert uncited == []


YEAR = re.compile(r"\b(19|20)\d\d\b")
DATE_SOURCE = re.compile(
    r"timeline|source|http|facts|para|August 2024|Reuters|TASS|NHK|Yonhap|Interfax|KCNA|\bE[0-9]{2}\b", re.I
)  # E19: an event of interview.timeline, which carries its source


@pytest.mark.parametrize("stem", STEMS)
def test_dated_facts_carry_their_source(stem):
    """Content standard: a markdown line that gives a year says where it comes from (the interview's paragraph,
    `interview.timeline` or one of its events by id, or the source named in facts.md). Folded solutions are exempt."""
    unsourced = [
        line
        for c in cells(stem)
        if c["cell_type"] == "markdown" and "<details>" not in source(c)
        for line in source(c).splitlines()
        if YEAR.search(line) and not DATE_SOURCE.search(line)
    ]
    assert unsourced == []
