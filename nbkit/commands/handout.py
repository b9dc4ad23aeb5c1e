"""``nbkit handout``: notebooks run and written as self-contained HTML (or PDF) handouts.

Each notebook is run by nbclient in a fresh kernel, in its own folder, with the settings of
:func:`kernel_env` passed to the kernel (this process's environment is left alone): SVG charts
(inline ``<svg>`` elements), a temporary progress file (a handout run never touches a learner's
progress), the learner "handout" and no instructor buttons. Widget state is not
stored, so each quiz prints as its readable HTML version: question and options in the learner
edition; the teacher edition adds the answer, the explanation and the evidence under each quiz
and opens the folded solutions (``<details>``).

Cell tags (View → Cell metadata in JupyterLab): ``hide-input`` or ``remove-input`` hides a
cell's code and keeps its output; ``remove-output`` drops its output; ``remove-cell`` drops the
cell; ``teacher-only`` keeps the cell in the teacher edition only.

The HTML loads nothing from the network: nbconvert's "lab" template without require.js,
MathJax, mermaid and widget scripts (so LaTeX shows as source), images embedded.
PDF: the HTML printed by headless Chromium.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

from . import NOTEBOOKS, OK, PROBLEM, UsageError, add_course_argument, progress_line, say

HELP = "run notebooks and write self-contained HTML or PDF handouts (learner or teacher edition)"

TEMPLATE = "nbkit-handout"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
HIDE_INPUT_TAGS = {"hide-input", "remove-input"}
REMOVE_OUTPUT_TAGS = {"remove-output"}
REMOVE_CELL_TAGS = {"remove-cell"}
TEACHER_ONLY_TAG = "teacher-only"


def add_arguments(p) -> None:
    add_course_argument(p, "notebooks", "NOTEBOOK", "notebooks to turn into handouts", many=True)
    p.add_argument(
        "--edition",
        choices=["learner", "teacher"],
        default="learner",
        help="learner (default): quizzes without answers; teacher: with answers, explanations, evidence",
    )
    p.add_argument("--to", choices=["html", "pdf"], default="html", help="html (default) or pdf (needs Chromium)")
    p.add_argument("--output", "-o", metavar="DIR", default="handouts", help="folder to write to (default: handouts)")
    p.add_argument(
        "--timeout", type=int, default=300, metavar="SECONDS", help="longest a single cell may run (default 300)"
    )


# -- offline check ---------------------------------------------------------------------------


class _Resources(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script" and a.get("src"):
            self.urls.append(a["src"])
        elif tag == "link" and a.get("href") and "stylesheet" in (a.get("rel") or "") + (a.get("as") or ""):
            self.urls.append(a["href"])
        elif tag in ("img", "iframe", "embed", "source", "audio", "video") and a.get("src"):
            self.urls.append(a["src"])


_CSS_URL = re.compile(r"""@import\s+(?:url\()?\s*['"]?(https?:[^'")\s]+)|url\(\s*['"]?(https?://[^'")\s]+)""")


def external_resources(page: str) -> list[str]:
    """URLs a browser would fetch to show ``page`` (scripts, stylesheets, images, CSS imports).

    Links a reader may click (``<a href>``) are not fetched and not listed."""
    parser = _Resources()
    parser.feed(page)
    urls = [u for u in parser.urls if re.match(r"(?i)(https?:)?//", u)]
    urls += [a or b for a, b in _CSS_URL.findall(page)]
    return urls


# -- quizzes in the teacher edition ----------------------------------------------------------


def _course_items(folder: Path) -> dict:
    """dom class -> quiz item, for the bundled banks and the banks of a course made by ``nbkit new-course``."""
    from ..quiz.bank import list_banks, load_bank

    banks = [load_bank(stem) for stem in list_banks()]
    local = folder / "quizzes"
    if local.is_dir() and (folder / "interview.txt").is_file():
        from ..interview import load_interview

        iv = load_interview(folder / "interview.txt")
        banks += [load_bank(p, interview=iv) for p in sorted(local.glob("*.yaml"))]
    return {item.dom_class: item for bank in banks for item in bank.items}


def teacher_html(item) -> str:
    """The answer, rubric, explanation and evidence of a quiz item, as an HTML block (text escaped)."""
    from ..quiz.answer_key import key_rows
    from ..quiz.templates import render

    return render("handout/teacher_key.html.j2", rows=key_rows(item, level=False))


_QUIZ_DIV = re.compile(r'class="nbkit-quiz-static ([^"\s]+)"')


def prepare(nb, edition: str, items: dict) -> int:
    """Make an executed notebook print well; returns the number of quizzes found.

    Drops widget views where a readable version exists (quizzes keep their HTML), drops
    ``teacher-only`` cells from the learner edition, adds the key under each quiz and opens
    ``<details>`` solutions in the teacher edition.
    """
    n_quiz = 0
    nb.metadata.pop("widgets", None)
    keep = []
    for cell in nb.cells:
        tags = set(cell.get("metadata", {}).get("tags", []))
        if TEACHER_ONLY_TAG in tags and edition != "teacher":
            continue
        keep.append(cell)
        if cell.cell_type == "markdown" and edition == "teacher":
            cell.source = re.sub(r"<details(\s*)>", r"<details open\1>", cell.source)
        for out in cell.get("outputs", []):
            data = out.get("data")
            if not data:
                continue
            if WIDGET_VIEW in data and len(data) > 1:
                del data[WIDGET_VIEW]
            page = data.get("text/html")
            if isinstance(page, list):
                page = "".join(page)
            if page and (m := _QUIZ_DIV.search(page)):
                n_quiz += 1
                if edition == "teacher" and m.group(1) in items:
                    data["text/html"] = page + "\n" + teacher_html(items[m.group(1)])
    nb.cells = keep
    return n_quiz


# -- running and writing ---------------------------------------------------------------------


def kernel_env(progress_path: Path) -> dict[str, str]:
    """The environment of a handout's kernel: this process's, with SVG charts, a throw-away progress
    file, the learner "handout" and no instructor buttons (and no debugger warning about frozen modules)."""
    from ..config import settings

    env = settings().replace(renderer="svg", progress_path=progress_path, learner="handout", instructor=False).to_env()
    return {**env, "PYDEVD_DISABLE_FILE_VALIDATION": "1"}


def template_dir() -> Path:
    """The folder of nbconvert templates (the handout page, `nbkit-handout`)."""
    from ..resources import data_file

    return Path(str(data_file("templates/nbconvert")))


def run_notebook(path: Path, timeout: int = 300, env: dict[str, str] | None = None):
    """Execute a notebook in its folder and return it (nbclient; widget state not stored).

    ``env``: the kernel's environment (default: this process's)."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    kernel = nb.metadata.get("kernelspec", {}).get("name", "python3")
    NotebookClient(
        nb,
        timeout=timeout,
        kernel_name=kernel,
        store_widget_state=False,
        resources={"metadata": {"path": str(path.parent.resolve())}},
    ).execute(**({} if env is None else {"env": env}))
    return nb


def to_html(nb, name: str) -> str:
    """The prepared notebook as a self-contained HTML page (raises if it would load anything online)."""
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor

    exporter = HTMLExporter(template_name=TEMPLATE, extra_template_basedirs=[str(template_dir())], embed_images=True)
    exporter.register_preprocessor(
        TagRemovePreprocessor(
            remove_input_tags=HIDE_INPUT_TAGS,
            remove_all_outputs_tags=REMOVE_OUTPUT_TAGS,
            remove_cell_tags=REMOVE_CELL_TAGS,
            enabled=True,
        ),
        enabled=True,
    )
    page, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": name}})
    bad = external_resources(page)
    if bad:
        raise RuntimeError(f"the handout would load {bad[0]} from the network")
    return page


def print_pdf(chromium: str, html_path: Path, pdf_path: Path, timeout: int = 120) -> None:
    """Print an HTML file to PDF with headless Chromium."""
    cmd = [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-pdf-header-footer",
        f"--print-to-pdf={pdf_path.resolve()}",
        html_path.resolve().as_uri(),
    ]
    with tempfile.TemporaryDirectory(prefix="nbkit-chromium-") as profile:
        proc = subprocess.run(cmd + [f"--user-data-dir={profile}"], capture_output=True, text=True, timeout=timeout)
    if not pdf_path.is_file() or pdf_path.stat().st_size == 0:
        raise RuntimeError(f"Chromium wrote no PDF (exit code {proc.returncode}): {proc.stderr.strip()[-300:]}")


def _notebooks(args) -> list[Path]:
    if not args.notebooks:
        found = sorted(Path(NOTEBOOKS).glob("[0-9]*.ipynb"))
        if not found:
            raise UsageError("no notebooks given and no notebooks/*.ipynb here; give the notebooks to print")
        return found
    paths = [Path(p) for p in args.notebooks]
    for p in paths:
        if not p.is_file():
            raise UsageError(f"{p} not found; give notebook files (.ipynb)")
        if p.suffix != ".ipynb":
            raise UsageError(f"{p} is not a notebook (.ipynb)")
    return paths


def run(args) -> int:
    """Run notebooks and write them as self-contained handouts (no network needed to read them).

    Charts are embedded as SVG; quizzes print as text: question and options in the learner
    edition, plus answer, explanation and evidence in the teacher edition. Code cells tagged
    hide-input (or remove-input) show only their output; remove-output, remove-cell and
    teacher-only (teacher edition only) are honoured too. Learners' progress is never touched.
    Output: DIR/<notebook>.html, or <notebook>-teacher.html; .pdf with --to pdf (headless Chromium).
    Exit code 1 when a notebook fails to run or Chromium is missing for --to pdf.
    """
    from importlib.util import find_spec

    from ..chromium import find_chromium
    from ..config import variable

    missing = [m for m in ("nbclient", "nbconvert") if find_spec(m) is None]
    if missing:
        say(f"Handouts need {' and '.join(missing)}: pip install {' '.join(missing)}")
        return PROBLEM
    from nbclient.exceptions import CellExecutionError, CellTimeoutError

    paths = _notebooks(args)
    chromium = None
    if args.to == "pdf":
        chromium = find_chromium()
        if chromium is None:
            say(
                "PDF handouts need Chromium, which was not found (looked for /usr/bin/chromium and chromium on "
                f"PATH). Install it (Debian/Ubuntu: sudo apt-get install chromium) or set {variable('chromium')} to "
                "its path; or make HTML handouts with --to html and print them from a browser."
            )
            return PROBLEM
    out = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    suffix = "-teacher" if args.edition == "teacher" else ""
    failed = 0
    with tempfile.TemporaryDirectory(prefix="nbkit-handout-") as tmp_name:
        tmp = Path(tmp_name)
        items_cache: dict[Path, dict] = {}
        for i, path in enumerate(paths, start=1):
            progress_line(i - 1, len(paths), f"{path.name}: running…")
            t0 = time.perf_counter()
            try:
                nb = run_notebook(path, args.timeout, env=kernel_env(tmp / "progress.json"))
            except (CellExecutionError, CellTimeoutError) as exc:
                ename = getattr(exc, "ename", None)
                why = (
                    f"{ename}: {getattr(exc, 'evalue', exc)}"
                    if ename
                    else re.sub(r"\x1b\[[0-9;]*m", "", str(exc)).strip()
                )
                say(f"{path.name}: a cell failed, no handout written: {why}")
                failed += 1
                continue
            folder = path.parent.resolve()
            if folder not in items_cache:
                items_cache[folder] = _course_items(folder) if args.edition == "teacher" else {}
            n_quiz = prepare(nb, args.edition, items_cache[folder])
            page = to_html(nb, path.stem)
            target = out / f"{path.stem}{suffix}.{args.to}"
            if args.to == "html":
                target.write_text(page, encoding="utf-8")
            else:
                assert chromium is not None  # checked before any notebook runs
                html_path = tmp / f"{path.stem}{suffix}.html"
                html_path.write_text(page, encoding="utf-8")
                try:
                    print_pdf(chromium, html_path, target)
                except (RuntimeError, subprocess.TimeoutExpired) as exc:
                    say(f"{path.name}: {exc}")
                    failed += 1
                    continue
            n_svg = page.count("<svg")
            progress_line(
                i,
                len(paths),
                f"{path.name}: {target} ({n_quiz} quizzes, {n_svg} SVG charts/images, "
                f"{time.perf_counter() - t0:.1f} s)",
            )
            print(target)
    if failed:
        say(f"{failed} of {len(paths)} notebook(s) failed; see the messages above.")
        return PROBLEM
    return OK
