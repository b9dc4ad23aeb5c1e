"""``nbkit handout``: notebooks run into self-contained HTML (charts as <svg>) and PDF handouts."""

import json
import shutil
from html.parser import HTMLParser

import pytest

from nbkit.commands.handout import external_resources
from nbkit.quiz import load_bank

from .cli_helpers import nbkit
from .conftest import ROOT

pytestmark = pytest.mark.slow  # handouts execute notebooks in kernels

NOTEBOOK = ROOT / "notebooks" / "00-start-here.ipynb"


class Tree(HTMLParser):
    """Tags of a page, with the classes of their elements, and the text."""

    def __init__(self, page):
        super().__init__()
        self.tags, self.text = [], []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    def count(self, tag, cls=None):
        return sum(t == tag and (cls is None or cls in (a.get("class") or "").split()) for t, a in self.tags)


@pytest.fixture(scope="module")
def editions(tmp_path_factory):
    out = tmp_path_factory.mktemp("handouts")
    progress = out / "learner-progress.json"
    pages = {}
    for edition in ("learner", "teacher"):
        r = nbkit("handout", NOTEBOOK, "--edition", edition, "--output", out, env={"NBKIT_PROGRESS": str(progress)})
        assert r.returncode == 0, r.stderr
        name = "00-start-here.html" if edition == "learner" else "00-start-here-teacher.html"
        assert r.stdout.strip() == str(out / name)
        assert "[0/1] 00-start-here.ipynb: running…" in r.stderr
        assert f"[1/1] 00-start-here.ipynb: {out / name} (5 quizzes, 1 SVG charts/images, " in r.stderr
        pages[edition] = (out / name).read_text(encoding="utf-8")
    assert not progress.exists()  # handout runs never touch a learner's progress
    return pages


def test_no_network_resources(editions):
    for page in editions.values():
        assert external_resources(page) == []
        assert "cdn.jsdelivr.net" not in page and "require.min.js" not in page and "MathJax" not in page


def test_chart_is_inline_svg(editions):
    tree = Tree(editions["learner"])
    assert tree.count("svg") >= 1
    assert tree.count("div", "jp-RenderedSVG") == 1
    assert not any(t == "img" and a.get("src", "").startswith("data:image/svg") for t, a in tree.tags)
    assert not any(t == "script" for t, a in tree.tags if a.get("type") == "application/vnd.jupyter.widget-view+json")


def test_quizzes_printed(editions):
    bank = load_bank("00-start-here")
    learner, teacher = Tree(editions["learner"]), Tree(editions["teacher"])
    assert learner.count("div", "nbkit-quiz-static") == 5
    assert teacher.count("div", "nbkit-quiz-static") == 5
    assert learner.count("div", "nbkit-teacher-key") == 0
    assert teacher.count("div", "nbkit-teacher-key") == 5
    text_l, text_t = " ".join(learner.text), " ".join(teacher.text)
    item = bank.item("who-is-interviewed")
    assert item.question in text_l and item.question in text_t
    for option in (
        "Senior fellow for the Stimson Center’s East Asia Program and 38 North",
        "Senior fellow for the Stimson Center’s Korea Program and 38 North",
        "Senior editor for the Stimson Center’s Korea Program and 38 North",
        "Senior fellow for the Wilson Center’s Korea Program and 38 North",
    ):
        assert f"( ) {option}" in text_l
    for shown in ("who-is-interviewed", "series-number", "series-audience", "para14-citation", "question-order"):
        it = bank.item(shown)
        assert it.explanation not in text_l
        assert it.explanation in text_t
        assert f"paragraph {it.paragraph_id}: “{it.quote}”" in text_t
    assert "Answer: Senior fellow for the Stimson Center’s Korea Program and 38 North" in " ".join(text_t.split())
    # the folded solution opens in the teacher edition only
    assert "<details open" in editions["teacher"] and "<details open" not in editions["learner"]


@pytest.fixture(scope="module")
def tagged(tmp_path_factory):
    """A small notebook using every cell tag, with a chart and a quiz."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    folder = tmp_path_factory.mktemp("tagged")
    nb = new_notebook(
        cells=[
            new_markdown_cell("# Tagged"),
            new_code_cell("import nbkit\nSECRET_SETUP = nbkit.setup()", metadata={"tags": ["hide-input"]}),
            new_code_cell("print('visible code')"),
            new_code_cell("print('dropped output')", metadata={"tags": ["remove-output"]}),
            new_code_cell("print('dropped cell')", metadata={"tags": ["remove-cell"]}),
            new_markdown_cell("Only for teachers.", metadata={"tags": ["teacher-only"]}),
            new_code_cell(
                "iv = nbkit.load_interview()\nnbkit.charts.answer_lengths(iv.paragraphs, iv.questions)",
                metadata={"tags": ["hide-input"]},
            ),
            new_code_cell('nbkit.quiz.show("00-start-here", "series-number")', metadata={"tags": ["hide-input"]}),
        ],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
    )
    path = folder / "tagged.ipynb"
    nbformat.write(nb, path)
    return path


def test_cell_tags(tagged, tmp_path):
    r = nbkit("handout", tagged, "-o", tmp_path)
    assert r.returncode == 0, r.stderr
    page = (tmp_path / "tagged.html").read_text(encoding="utf-8")
    assert "SECRET_SETUP" not in page and "answer_lengths" not in page and "nbkit.quiz.show" not in page
    assert "visible code" in page  # code and output of an untagged cell
    assert "dropped output" in page.split("print(")[0] or "&#39;dropped output&#39;" in page
    assert "dropped cell" not in page
    assert "Only for teachers." not in page
    assert Tree(page).count("svg") >= 1
    assert "Which number in the interviewer’s series is this conversation?" in page
    tree = Tree(page)
    outputs = [t for t, a in tree.tags if "jp-OutputArea-output" in (a.get("class") or "")]
    assert len(outputs) == 3  # visible code, chart, quiz: not the remove-output cell
    r = nbkit("handout", tagged, "-o", tmp_path, "--edition", "teacher")
    assert "Only for teachers." in (tmp_path / "tagged-teacher.html").read_text(encoding="utf-8")


@pytest.mark.skipif(
    shutil.which("chromium") is None and not shutil.os.access("/usr/bin/chromium", shutil.os.X_OK),
    reason="Chromium is not installed",
)
def test_pdf(tagged, tmp_path):
    r = nbkit("handout", tagged, "--to", "pdf", "-o", tmp_path)
    assert r.returncode == 0, r.stderr
    pdf = (tmp_path / "tagged.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-") and len(pdf) > 10_000


def test_pdf_without_chromium(tagged, tmp_path):
    r = nbkit("handout", tagged, "--to", "pdf", "-o", tmp_path, env={"NBKIT_CHROMIUM": str(tmp_path / "none")})
    assert r.returncode == 1
    assert r.stderr.startswith("PDF handouts need Chromium, which was not found")
    assert list(tmp_path.iterdir()) == []


def test_failing_notebook_and_usage_errors(tmp_path):
    bad = tmp_path / "bad.ipynb"
    bad.write_text(
        json.dumps(
            {
                "cells": [
                    {
                        "cell_type": "code",
                        "source": "1/0",
                        "metadata": {},
                        "outputs": [],
                        "execution_count": None,
                        "id": "c1",
                    }
                ],
                "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3"}},
                "nbformat": 4,
                "nbformat_minor": 5,
            }
        )
    )
    r = nbkit("handout", bad, "-o", tmp_path / "out")
    assert r.returncode == 1
    assert "bad.ipynb: a cell failed, no handout written: ZeroDivisionError: division by zero" in r.stderr
    assert not (tmp_path / "out" / "bad.html").exists()
    r = nbkit("handout", tmp_path / "missing.ipynb")
    assert r.returncode == 2 and "missing.ipynb not found" in r.stderr


def test_kernel_gets_handout_settings_and_this_process_keeps_its_own(tmp_path, monkeypatch):
    """Handouts pass env= to the kernel: the kernel sees SVG charts, a throw-away progress file, the learner
    "handout" and no instructor mode, while os.environ of the process running the handout is left unchanged."""
    import os

    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    from nbkit import cli

    outer = tmp_path / "learner-progress.json"
    for name, value in {
        "NBKIT_PROGRESS": str(outer),
        "NBKIT_LEARNER": "ada",
        "NBKIT_INSTRUCTOR": "1",
        "NBKIT_RENDERER": "png",
    }.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("PYDEVD_DISABLE_FILE_VALIDATION", raising=False)
    nb = new_notebook(
        cells=[
            new_code_cell(
                "import os\nfrom nbkit.config import settings\ns = settings()\n"
                "print('seen:', s.renderer, s.learner, s.instructor, s.progress_path.name, s.progress_path.parent.name != "
                f"{tmp_path.name!r}, os.environ['PYDEVD_DISABLE_FILE_VALIDATION'])"
            )
        ],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
    )
    path = tmp_path / "env.ipynb"
    nbformat.write(nb, path)
    from nbkit.commands import handout

    during, real_run = [], handout.run_notebook

    def watched(*args, **kwargs):
        during.append(dict(os.environ))
        return real_run(*args, **kwargs)

    monkeypatch.setattr(handout, "run_notebook", watched)
    before = dict(os.environ)
    assert cli.main(["handout", str(path), "-o", str(tmp_path / "out")]) == 0
    assert during == [before] and dict(os.environ) == before  # never changed, not even while the kernel runs
    page = (tmp_path / "out" / "env.html").read_text(encoding="utf-8")
    assert "seen: svg handout False progress.json True 1" in page
    assert not outer.exists()
