"""The seat-time model (nbkit.seat_time, docs/seat-time.md): exact minutes on a literal notebook, the course's
notebooks against their stated times and the 50-minute core path, and errors for bad input."""

import shutil

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from nbkit.cli import main
from nbkit.commands.nav_cmd import course_notebooks
from nbkit.seat_time import NotebookContentError, notebook_time, rates, round_up, section_time

from .conftest import ROOT

NOTEBOOKS = ROOT / "notebooks"
ANOTHER = ROOT / "tests" / "data" / "another_interview.txt"  # 16 paragraphs; 3, 4 and 5 have 76 + 60 + 51 words
COURSE = course_notebooks(NOTEBOOKS)


def words(n: int) -> str:
    return " ".join(["word"] * n)


def small_notebook(reads=(1,)):
    """A literal notebook: 1 + 149, 2 + 148, 4 and 5 + 141 words of core prose (450), 3 + 140, 3 and 4 of optional
    prose (150), paragraph 1
    (54 words), a code cell, a multiple-choice item, a chart, a "(5 minutes)" discussion, an optional section with a
    free-response item and a discussion with no minutes, then the core again: an exercise stub and its check."""
    cells = [
        new_markdown_cell(f"# Small\n\n{words(149)}\n**Time:** about 99 minutes."),  # 1 + 149 words
        new_code_cell("import nbkit"),  # 0.5
        new_markdown_cell("## 1 · Core\n\n" + words(148)),  # 2 + 148 words
        new_code_cell('nbkit.quiz.show("03-pyongyangs-calculus", "two-angles")'),  # multiple_choice 1.5
        new_code_cell("nbkit.charts.timeline(interview.timeline)"),  # chart 2
        new_markdown_cell("💬 **Discuss (5 minutes):** Why?"),  # 5 minutes; 4 words of prose
        new_markdown_cell("## 2 · More (optional)\n\n" + words(140)),  # 3 + 140 words, optional
        new_code_cell('nbkit.quiz.show("03-pyongyangs-calculus", "well-documented")'),  # free_response 4, optional
        new_markdown_cell("**Discuss:** What then?"),  # 3 minutes; 3 words of prose, optional
        new_markdown_cell("### 2.1 · Still optional\n\n" + words(0)),  # 4 words, optional (a deeper heading)
        new_markdown_cell("## 3 · Back to the core\n\n" + words(141)),  # 5 + 141 words: the core again
        new_code_cell("answer = ..."),  # 0.5
        new_code_cell("nbkit.exercise.check(answer, 1)"),  # exercise 6
        new_markdown_cell(
            "<!-- nbkit:navigation (written by nbkit nav; do not edit) -->\n\n[Next](x.ipynb)"
        ),  # not timed
    ]
    nb = new_notebook(cells=cells)
    nb.metadata["nbkit"] = {"reads": list(reads)}
    return nb


def test_the_model_on_a_literal_notebook():
    t = notebook_time(small_notebook())
    # core: prose 150+150+4+146 = 450 words / 150 = 3; paragraph 1, 54 words / 150 = 0.36;
    # code 0.5 + 0.5, item 1.5, chart 2, discussion 5, exercise 6  -> 18.86 -> 20
    # optional: prose 143+3+4 = 150 words / 150 = 1; free response 4; discussion 3 -> 8
    assert t.parts["minutes"].sum() == pytest.approx(18.86 + 8)
    assert t.parts.loc[~t.parts["optional"], "minutes"].sum() == pytest.approx(18.86)
    assert (t.total, t.core) == (30, 20)
    assert t.time_line() == (
        "**Time:** about 30 minutes; core path about 20 minutes (sections marked “(optional)” are extra)."
    )
    assert list(t.parts.columns) == ["cell", "section", "optional", "kind", "detail", "minutes"]
    assert t.parts["kind"].value_counts().to_dict() == {
        "prose": 7,
        "code": 2,
        "quiz item": 2,
        "discussion": 2,
        "interview": 1,
        "chart": 1,
        "exercise": 1,
    }
    optional = t.parts.loc[t.parts["optional"]]
    assert optional["cell"].tolist() == [6, 7, 8, 8, 9]
    assert optional["kind"].tolist() == ["prose", "quiz item", "discussion", "prose", "prose"]
    assert optional["detail"].tolist() == [
        "143 words",
        "well-documented (free_response)",
        "no minutes stated",
        "3 words",
        "4 words",
    ]
    first = t.parts.iloc[0]
    assert (first["kind"], first["detail"], first["section"]) == ("interview", "paragraphs 1: 54 words", "Small")
    assert t.parts.loc[t.parts["kind"] == "discussion", "minutes"].tolist() == [5.0, 3.0]
    assert 13 not in t.parts["cell"].tolist()  # the navigation cell


def test_sections_and_rounding():
    nb = small_notebook()
    assert section_time(nb, "## 2 · More (optional)") == 10  # 8, its subsection included
    assert section_time(nb, "2.1 · Still optional") == 5
    assert section_time(nb, "1 · Core") == 10  # 154 words, item, chart, discussion: 1.0267 + 1.5 + 2 + 5
    assert (round_up(45), round_up(45.0000001), round_up(45.01), round_up(0)) == (45, 45, 50, 0)


def test_without_optional_sections_all_is_core():
    nb = small_notebook(reads=())
    nb.cells = nb.cells[:6]
    t = notebook_time(nb)
    # prose 150+150+4 = 304 words = 2.0267; code 0.5, item 1.5, chart 2, discussion 5 -> 11.0267 -> 15
    assert (t.total, t.core, t.has_optional) == (15, 15, False)
    assert t.time_line() == "**Time:** about 15 minutes (all core)."


def test_rates_cover_every_item_type():
    r = rates()
    assert (r.prose_wpm, r.interview_wpm, r.code, r.chart, r.exercise, r.discussion, r.round_to) == (
        150,
        150,
        0.5,
        2,
        6,
        3,
        5,
    )
    assert r.items == {
        "poll": 0.5,
        "true_false": 1,
        "multiple_choice": 1.5,
        "string": 1.5,
        "many_choice": 2,
        "ordering": 2,
        "match": 2,
        "free_response": 4,
    }


@pytest.mark.parametrize("path", COURSE, ids=[p.stem for p in COURSE])
def test_stated_time_is_the_models(path):
    first = nbformat.read(path, as_version=4).cells[0].source.splitlines()
    assert notebook_time(path).time_line() in first


@pytest.mark.parametrize("path", COURSE, ids=[p.stem for p in COURSE])
def test_core_path_fits_50_minutes(path):
    t = notebook_time(path)
    assert t.core <= 50, f"{path.stem}: core path about {t.core} minutes; mark sections '(optional)' or cut"


def test_every_notebook_says_what_it_reads():
    reads = {p.stem: nbformat.read(p, as_version=4).metadata["nbkit"]["reads"] for p in COURSE}
    assert reads == {
        "00-start-here": [1],
        "01-the-interview-as-data": [2, 4, 6, 11, 14, 17],
        "02-transactional-or-strategic": [2, 3, 4, 5],
        "03-pyongyangs-calculus": [6, 7, 8, 9, 10],
        "04-moscows-agenda": [11, 12, 13],
        "05-signals-to-washington-and-beijing": [14, 15, 16],
        "06-the-treaty-and-northeast-asia": [17, 18, 19, 20, 21],
        "07-reading-critically": [3, 4, 5, 15],
        "08-seminar-and-review": [],
    }


# -- bad input ----------------------------------------------------------------------------------


def test_unknown_quiz_item_names_notebook_cell_and_fix(tmp_path):
    nb = small_notebook()
    nb.cells[3].source = 'nbkit.quiz.show("03-pyongyangs-calculus", "no-such-item")'
    nb.cells[3].id = "c-quiz"
    path = tmp_path / "09-test.ipynb"
    nbformat.write(nb, path)
    with pytest.raises(NotebookContentError) as err:
        notebook_time(path)
    assert str(err.value).startswith(
        "09-test.ipynb, cell 3 (id c-quiz): quiz.show('03-pyongyangs-calculus', 'no-such-item'): "
        "no item with this id; the bank has: two-angles, "
    )
    assert str(err.value).endswith(". Correct the call or the bank.")


def test_unknown_bank_and_non_literal_ids():
    nb = small_notebook()
    nb.cells[3].source = 'nbkit.quiz.show("99-nowhere", "x")'
    with pytest.raises(
        NotebookContentError, match=r"^<notebook>, cell 3 .*no bundled quiz bank for notebook '99-nowhere'"
    ):
        notebook_time(nb)
    nb.cells[3].source = 'nbkit.quiz.show("03-pyongyangs-calculus", ITEM)'
    with pytest.raises(NotebookContentError, match=r"quiz.show needs the notebook and the item id as text"):
        notebook_time(nb)


@pytest.mark.parametrize("reads", [[22], [0], ["5"], [True]])
def test_reads_that_are_not_paragraphs(reads):
    with pytest.raises(NotebookContentError) as err:
        notebook_time(small_notebook(reads=reads))
    assert str(err.value) == (
        f"<notebook>, metadata: nbkit.reads names {reads[0]!r}, which is not a paragraph of the interview "
        "(paragraphs 1–21). Correct the list in the notebook's metadata."
    )


def test_reads_are_timed_in_the_interview_beside_the_notebook(tmp_path):
    # a course folder of nbkit new-course: interview.txt beside the notebook; paragraphs 3–5 of that text have
    # 187 words (wc -w agrees), those of the bundled interview 236
    shutil.copyfile(ANOTHER, tmp_path / "interview.txt")
    path = tmp_path / "01-q.ipynb"
    nbformat.write(small_notebook(reads=(3, 4, 5)), path)
    first = notebook_time(path).parts.iloc[0]
    assert (first["kind"], first["detail"]) == ("interview", "paragraphs 3, 4, 5: 187 words")
    assert first["minutes"] == pytest.approx(187 / 150)
    assert notebook_time(small_notebook(reads=(3, 4, 5))).parts.iloc[0]["detail"] == "paragraphs 3, 4, 5: 236 words"
    assert (
        notebook_time(small_notebook(reads=(3,)), folder=tmp_path).parts.iloc[0]["detail"] == "paragraphs 3: 76 words"
    )


def test_reads_outside_the_course_interview_name_its_file_and_range(tmp_path):
    shutil.copyfile(ANOTHER, tmp_path / "interview.txt")
    path = tmp_path / "01-q.ipynb"
    nbformat.write(small_notebook(reads=(3, 17)), path)  # 17 is a paragraph of the bundled interview, not of this one
    notebook_time(small_notebook(reads=(3, 17)))
    with pytest.raises(NotebookContentError) as err:
        notebook_time(path)
    assert str(err.value) == (
        f"01-q.ipynb, metadata: nbkit.reads names 17, which is not a paragraph of the course's interview, "
        f"{tmp_path / 'interview.txt'} (paragraphs 1–16). Correct the list in the notebook's metadata."
    )
    lines = ANOTHER.read_text(encoding="utf-8").splitlines(keepends=True)
    (tmp_path / "interview.txt").write_text("".join(lines[:5]), encoding="utf-8")  # edited: read again
    nbformat.write(small_notebook(reads=(6,)), path)
    with pytest.raises(NotebookContentError, match=r"names 6, which .* \(paragraphs 1–5\)"):
        notebook_time(path)


def test_reads_must_be_a_list():
    nb = small_notebook()
    nb.metadata["nbkit"]["reads"] = "6-10"
    with pytest.raises(
        NotebookContentError, match=r"nbkit.reads must be a list of paragraph ids, e.g. \[6, 7, 8\]; found '6-10'"
    ):
        notebook_time(nb)


def test_unknown_section():
    with pytest.raises(NotebookContentError, match=r"no section headed 'Nowhere'. The headings are: Small; 1 · Core; "):
        section_time(small_notebook(), "Nowhere")


# -- nbkit nav writes the times -------------------------------------------------------------------


def test_nav_rewrites_a_stale_time(tmp_path, capsys):
    folder = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOKS, folder)
    path = folder / COURSE[3].name
    nb = nbformat.read(path, as_version=4)
    stated = next(line for line in nb.cells[0].source.splitlines() if line.startswith("**Time:**"))
    nb.cells[0].source = nb.cells[0].source.replace(stated, "**Time:** about 30 minutes.")
    nbformat.write(nb, path)
    assert main(["nav", "--check", str(folder)]) == 1
    out = capsys.readouterr()
    assert out.out.splitlines() == [f"stale: {path} (time)"]
    assert "1 notebook(s) have stale navigation or time; run: nbkit nav" in out.err
    assert main(["nav", str(folder)]) == 0
    assert capsys.readouterr().out.splitlines() == [f"updated: {path} (time)"]
    assert path.read_bytes() == COURSE[3].read_bytes()


def test_nav_needs_a_time_line(tmp_path, capsys):
    folder = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOKS, folder)
    path = folder / COURSE[0].name
    nb = nbformat.read(path, as_version=4)
    nb.cells[0].source = "\n".join(ln for ln in nb.cells[0].source.splitlines() if not ln.startswith("**Time:**"))
    nbformat.write(nb, path)
    assert main(["nav", "--check", str(folder)]) == 1
    assert capsys.readouterr().err.strip() == (
        f"nbkit: {path.name}, cell 0: the first cell has no line starting '**Time:**'. Add one under the outcomes, "
        "e.g. '**Time:** about 30 minutes.', and run nbkit nav: it writes the time from the notebook's content."
    )


def test_docs_table_is_the_models():
    """docs/seat-time.md compares the model with the teacher's review; its model columns are the model's."""
    text = (ROOT / "docs" / "seat-time.md").read_text(encoding="utf-8")
    table = text.split("| notebook | model: total | model: core path | review |\n|---|---|---|---|\n", 1)[1]
    stated = [line.split(" | ")[:3] for line in table.split("\n\n", 1)[0].splitlines()]
    wanted = []
    for path in COURSE:
        t = notebook_time(path)
        wanted.append([f"| `{path.stem}`", str(t.total), str(t.core)])
    assert stated == wanted, "docs/seat-time.md, the table of current notebooks should read:\n" + "\n".join(
        " | ".join(row) + " | …" for row in wanted
    )


def test_show_item_reads_the_type_from_the_bank_file_next_to_the_notebook(tmp_path):
    (tmp_path / "quizzes").mkdir()
    (tmp_path / "quizzes" / "01-q.yaml").write_text(
        "notebook: 01-q\ntitle: Q\nitems:\n  - id: pick\n    type: many_choice\n", encoding="utf-8"
    )
    nb = new_notebook(cells=[new_code_cell('nbkit.quiz.show_item("quizzes/01-q.yaml", "pick", interview=iv)')])
    nb.metadata["nbkit"] = {"reads": []}
    t = notebook_time(nb, folder=tmp_path)
    assert t.parts[["kind", "detail", "minutes"]].values.tolist() == [["quiz item", "pick (many_choice)", 2.0]]
    nb.cells[0].source = 'nbkit.quiz.show_item("quizzes/01-q.yaml", "other")'
    with pytest.raises(
        NotebookContentError,
        match=r"cell 0 .*: quiz.show_item\('quizzes/01-q.yaml', 'other'\): "
        r"no item with this id and a known type; the bank has: pick. Correct the call or the bank.",
    ):
        notebook_time(nb, folder=tmp_path)
    with pytest.raises(NotebookContentError, match=r"no bank file 'quizzes/01-q.yaml' next to the notebook"):
        notebook_time(nb, folder=tmp_path / "elsewhere")


def test_discussion_prompts_and_what_is_not_one():
    nb = new_notebook(
        cells=[
            new_markdown_cell(
                "💬 **Discuss:** One?\n💬 Discuss: Two?\n**Discuss in pairs (10 minutes):** Three?\n"
                "- **💬 Discuss** lines are prompts for a seminar.\n**Discussion** is not a prompt."
            )
        ]
    )
    nb.metadata["nbkit"] = {"reads": []}
    parts = notebook_time(nb).parts
    assert parts.loc[parts["kind"] == "discussion", ["detail", "minutes"]].values.tolist() == [
        ["no minutes stated", 3.0],
        ["no minutes stated", 3.0],
        ["10 minutes stated", 10.0],
    ]
