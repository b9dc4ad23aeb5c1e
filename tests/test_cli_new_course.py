"""``nbkit new-course``: a starter course for another interview, titled and worded like the bundled course,
whose notebooks pass nbval and whose generated banks pass ``nbkit check-bank``."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from nbkit import load_interview
from nbkit.quiz import load_bank
from nbkit.synthetic import synthetic_interview

from .cli_helpers import nbkit
from .conftest import hermetic_env

pytestmark = pytest.mark.slow  # builds courses and runs them under nbval

ANOTHER = Path(__file__).parent / "data" / "another_interview.txt"
KOWALSKI = [
    "00-overview.ipynb",
    "01-malaysias-approach-disputes-south-china-sea.ipynb",
    "02-kuala-lumpurs-economic-political-ties-beijing.ipynb",
    "03-role-asean-managing-tensions-malaysia-china.ipynb",
    "04-how-should-united-states-approach-relations.ipynb",
]
KOWALSKI_TITLES = [
    "# 00 · The interview with Ana Kowalski, as data",
    "# 01 · Kowalski on Malaysia’s approach to the disputes in the South China Sea",
    "# 02 · Kowalski on Kuala Lumpur’s economic and political ties with Beijing",
    "# 03 · Kowalski on the role of ASEAN in managing tensions between Malaysia and China",
    "# 04 · Kowalski: How should the United States approach its relations with Malaysia?",
]
SYNTHETIC_TITLES = [
    "# 00 · The interview with Alex Example, as data",
    "# 01 · Example on Freedonia’s calculus in deepening ties with Ruritania",
    "# 02 · Example on the origins of the partnership between Ruritania and Freedonia",
    "# 03 · Example: How do regional states view the U.S. role in the region?",
    "# 04 · Example: What should Washington watch for in the coming year?",
]
NAMELESS_TITLES = [
    "# 00 · The interview, as data",
    "# 01 · Freedonia’s calculus in deepening ties with Ruritania",
    "# 02 · The origins of the partnership between Ruritania and Freedonia",
    "# 03 · How do regional states view the U.S. role in the region?",
    "# 04 · What should Washington watch for in the coming year?",
]


def _build(base: Path, text: str, *extra):
    src = base / "interview-in.txt"
    src.write_text(text, encoding="utf-8")
    dest = base / "course"
    r = nbkit("new-course", src, dest, *extra)
    assert r.returncode == 0, r.stderr
    return src, dest, r


@pytest.fixture(scope="module")
def kowalski(tmp_path_factory):
    return _build(tmp_path_factory.mktemp("kowalski"), ANOTHER.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    return _build(tmp_path_factory.mktemp("synthetic"), synthetic_interview(seed=2, n_questions=4))


@pytest.fixture(scope="module")
def nameless(tmp_path_factory):
    return _build(tmp_path_factory.mktemp("nameless"), synthetic_interview(seed=2, n_questions=4, interviewee=""))


def _cells(nb_path: Path, kind: str) -> list[str]:
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == kind]


def _notebooks(dest: Path) -> list[Path]:
    return sorted(dest.glob("*.ipynb"))


def _banks(dest: Path):
    iv = load_interview(dest / "interview.txt")
    return [load_bank(p, interview=iv) for p in sorted((dest / "quizzes").glob("*.yaml"))]


def _nbval(dest: Path, tmp_path: Path):
    cmd = [sys.executable, "-m", "pytest", "--nbval-lax", "--nbval-current-env", "-q", "-p", "no:cacheprovider"]
    return subprocess.run(
        [*cmd, str(dest)], cwd=tmp_path, capture_output=True, text=True, timeout=1200, env=hermetic_env(tmp_path / "e")
    )


def test_files(kowalski):
    src, dest, r = kowalski
    assert (dest / "interview.txt").read_bytes() == src.read_bytes()
    assert [p.name for p in _notebooks(dest)] == KOWALSKI
    assert [p.name for p in sorted((dest / "quizzes").glob("*.yaml"))] == [
        n.replace(".ipynb", ".yaml") for n in KOWALSKI
    ]
    assert r.stdout.splitlines()[0] == str(dest / "interview.txt")
    assert r.stderr.startswith(f"Course written to {dest}: 5 notebooks, ")
    assert f"(review them: nbkit check-bank {dest}/quizzes/*.yaml)" in r.stderr


@pytest.mark.parametrize(
    ("course", "titles"),
    [("kowalski", KOWALSKI_TITLES), ("synthetic", SYNTHETIC_TITLES), ("nameless", NAMELESS_TITLES)],
)
def test_titles_use_the_name_and_the_topic(course, titles, request):
    dest = request.getfixturevalue(course)[1]
    assert [_cells(p, "markdown")[0].splitlines()[0] for p in _notebooks(dest)] == titles


def test_no_title_is_just_a_verb(kowalski, synthetic, nameless):
    import pandas as pd

    from nbkit.resources import data_file

    verbs = {v.lower() for v in pd.read_csv(data_file("instruction_verbs.csv"))["instruction"]}
    for _, dest, _ in (kowalski, synthetic, nameless):
        for p in _notebooks(dest):
            title = re.sub(r"^# \d\d · ", "", _cells(p, "markdown")[0].splitlines()[0])
            words = re.findall(r"[\w’]+", title)
            assert len(words) >= 4 and words[0].lower() not in verbs and words[-1].lower() not in verbs, title


def _sentences(markdown: str) -> list[str]:
    """The sentences of a markdown cell, each line's list, heading and bold-label markup taken off."""
    out = []
    for line in markdown.splitlines():
        line = re.sub(r"^\s*(?:#+\s*|[-*]\s+|\d+\.\s+|>\s*)", "", line)
        line = re.sub(r"^\*\*[^*]+\*\*\s*", "", line)
        out += [s for s in re.split(r"(?<=[.!?:;])\s+", line) if s]
    return out


def test_the_interviewee_is_capitalised_only_where_a_sentence_starts(nameless):
    _, dest, _ = nameless
    texts = [md for p in _notebooks(dest) for md in _cells(p, "markdown")]
    texts += [it.question for bank in _banks(dest) for it in bank.items]
    sentences = [s for t in texts for s in _sentences(t)]
    assert any(s.startswith("The interviewee") for s in sentences)  # the fallback is used, sentence-initially
    assert any("the interviewee" in s for s in sentences)  # and lower-case mid-sentence
    mid = [s for s in sentences if "The interviewee" in s[1:]]
    assert mid == []


def test_text_uses_the_surname_after_the_first_mention(kowalski):
    _, dest, _ = kowalski
    first = _cells(dest / KOWALSKI[1], "markdown")
    assert first[0].splitlines()[2] == (
        "This notebook reads Ana Kowalski’s answer to question 1 of the interview (paragraphs 3–5)."
    )
    assert (
        "Kowalski opens the answer: “Malaysia has long preferred quiet diplomacy to public confrontation in the "
        "South China Sea.” (para. 3)." in first[2]
    )
    assert (
        "- Kowalski (para. 3): “Malaysia has long preferred quiet diplomacy to public confrontation in the South "
        "China Sea.”" in "\n".join(first)
    )
    assert "Dr." not in "\n".join(first[:-1]) and "Ana Kowalski" not in "\n".join(first[1:-1])  # last: navigation


def test_header_outcomes_time_and_sections(kowalski):
    from nbkit.seat_time import notebook_time

    _, dest, _ = kowalski
    for p in _notebooks(dest):
        md = _cells(p, "markdown")
        head = md[0].splitlines()
        assert "**By the end you will be able to…**" in head
        t = notebook_time(p)
        assert t.time_line() in head and t.core <= 50, (p.name, t)
        headings = [line for cell in md for line in cell.splitlines() if line.startswith("## ")]
        assert "## Key points" in headings and "## Recall" in headings
        assert any(cell.startswith("**Discuss (3 minutes):**") for cell in md)
    q1 = [
        line for cell in _cells(dest / KOWALSKI[1], "markdown") for line in cell.splitlines() if line.startswith("## ")
    ]
    assert q1[:4] == [
        "## The question (para. 2)",
        "## Paragraph 3: Malaysia has long preferred quiet diplomacy to public…",
        "## Paragraph 4: The quiet approach is not the same as passivity",
        "## Paragraph 5: There are limits, however",
    ]


def test_navigation_and_times_are_current(kowalski):
    _, dest, _ = kowalski
    r = nbkit("nav", "--check", dest)
    assert r.returncode == 0, r.stdout
    last = _cells(dest / KOWALSKI[1], "markdown")[-1]
    assert last.endswith(
        "Next: [Kowalski on Kuala Lumpur’s economic and political ties with Beijing]"
        "(02-kuala-lumpurs-economic-political-ties-beijing.ipynb) →"
    )


def test_notebooks_time_the_paragraphs_they_ask_to_read(kowalski):
    from nbkit.seat_time import notebook_time

    _, dest, _ = kowalski
    reads = {p.name: json.loads(p.read_text(encoding="utf-8"))["metadata"]["nbkit"]["reads"] for p in _notebooks(dest)}
    assert reads == dict(zip(KOWALSKI, [[], [3, 4, 5], [7, 8, 9], [11, 12], [14, 15, 16]]))
    q1 = dest / KOWALSKI[1]
    head = _cells(q1, "markdown")[0].splitlines()
    assert "**First:** run the cell below (Shift+Enter), then read paragraphs 3–5 of `interview.txt`." in head
    # the words the model counts: n_words of nbkit.load_interview(the course's interview.txt); wc -w agrees
    words = load_interview(dest / "interview.txt").paragraphs.set_index("paragraph_id")["n_words"]
    assert words.loc[[3, 4, 5]].tolist() == [76, 60, 51]
    t = notebook_time(q1)
    reading = t.parts[t.parts["kind"] == "interview"]
    assert reading[["cell", "detail"]].values.tolist() == [[0, "paragraphs 3, 4, 5: 187 words"]]
    assert reading["minutes"].tolist() == [pytest.approx(187 / 150)]  # the bundled course's 150 words a minute
    assert "**Time:** about 25 minutes; core path about 25 minutes (sections marked “(optional)” are extra)." in head
    unread = notebook_time(q1, reads=[])
    assert (unread.total, unread.core) == (25, 20)  # the time stated before the reading was counted
    times = {p.name: (notebook_time(p).total, notebook_time(p).core) for p in _notebooks(dest)}
    assert times == dict(zip(KOWALSKI, [(20, 20), (25, 25), (25, 25), (25, 20), (25, 25)]))


def test_a_reads_id_outside_the_course_interview_names_it(kowalski, tmp_path):
    import shutil

    import nbformat

    course = tmp_path / "course"
    shutil.copytree(kowalski[1], course)
    path = course / KOWALSKI[2]
    nb = nbformat.read(path, as_version=4)
    nb.metadata["nbkit"]["reads"] = [7, 8, 17]  # 17: a paragraph of the bundled interview, not of this one
    nbformat.write(nb, path)
    r = nbkit("nav", "--check", course)
    assert r.returncode == 1
    assert (
        f"{KOWALSKI[2]}, metadata: nbkit.reads names 17, which is not a paragraph of the course's interview, "
        f"{course / 'interview.txt'} (paragraphs 1–16). Correct the list in the notebook's metadata."
    ) in r.stderr


def test_generated_items_cover_types_and_levels(kowalski, synthetic):
    from nbkit.commands.new_course.plan import generator

    items = [it.data for bank in _banks(kowalski[1]) for it in bank.items]
    kinds = {generator(it) for it in items}  # the reading skill: several share the multiple_choice type
    assert kinds == {
        "question_match",
        "answer_order",
        "cloze",
        "marker_word",
        "which_paragraph",
        "main_actor",
        "most_confident",
    }
    assert {it["type"] for it in items} == {"match", "ordering", "string", "multiple_choice"}
    assert {it["level"] for it in items} == {"remember", "understand", "analyse", "evaluate"}
    for bank in _banks(kowalski[1])[1:]:  # each question notebook has several kinds
        assert len({generator(it.data) for it in bank.items}) >= 3, bank.notebook
    # the synthetic filler text names no actor twice in a paragraph and has few markers: four kinds, two levels
    filler = [it.data for bank in _banks(synthetic[1]) for it in bank.items]
    assert {generator(it) for it in filler} == {"question_match", "answer_order", "cloze", "which_paragraph"}


def test_banks_say_they_are_generated_and_hold_this_interviews_evidence(kowalski):
    _, dest, _ = kowalski
    iv = load_interview(dest / "interview.txt")
    para_q = dict(zip(iv.paragraphs["paragraph_id"], iv.paragraphs["question_id"]))
    for n, bank in enumerate(_banks(dest)):
        text = Path(bank.path).read_text(encoding="utf-8")
        assert text.startswith(f"# Quiz bank for {bank.notebook}.ipynb, written by `nbkit new-course`")
        assert "GENERATED" in text.splitlines()[1] and "review each one before class" in text.splitlines()[1]
        assert all(it.data.get("generated") is True or "generated" in it.data.get("tags", []) for it in bank.items)
        if n:  # each item's evidence is in the answer to this notebook's question
            assert {int(para_q[it.paragraph_id]) for it in bank.items} == {n}
    assert [it.type for it in _banks(dest)[0].items] == ["match"]


def test_notebooks_read_the_course_banks(kowalski):
    _, dest, _ = kowalski
    iv = load_interview(dest / "interview.txt")
    for p in _notebooks(dest):
        code = "\n".join(_cells(p, "code"))
        assert 'interview = nbkit.load_interview(Path("interview.txt"))' in code
        assert "nbkit.quiz.show(" not in code  # never the bundled banks
        for item in load_bank(dest / "quizzes" / f"{p.stem}.yaml", interview=iv).items:
            assert f'nbkit.quiz.show_item("quizzes/{p.stem}.yaml", "{item.id}", interview=interview)' in code
        nb = json.loads(p.read_text(encoding="utf-8"))
        assert all(c["outputs"] == [] for c in nb["cells"] if c["cell_type"] == "code")


def test_overview_charts_and_card(kowalski):
    _, dest, _ = kowalski
    md, code = _cells(dest / KOWALSKI[0], "markdown"), "\n".join(_cells(dest / KOWALSKI[0], "code"))
    for chart in ("answer_lengths", "actor_heatmap", "certainty_profile", "actor_network"):
        assert f"nbkit.charts.{chart}(" in code
    assert md[2].splitlines()[2] == (
        "1. [Kowalski on Malaysia’s approach to the disputes in the South China Sea]"
        "(01-malaysias-approach-disputes-south-china-sea.ipynb): “Explain Malaysia’s approach to the disputes in "
        "the South China Sea.” (para. 2, answered in 3 paragraphs)."
    )


@pytest.mark.parametrize("course", ["kowalski", "synthetic"])
def test_generated_banks_pass_check_bank(course, request):
    dest = request.getfixturevalue(course)[1]
    banks = sorted((dest / "quizzes").glob("*.yaml"))
    r = nbkit("check-bank", *banks)
    assert r.returncode == 0, r.stdout
    assert r.stderr.strip().endswith(f"in {len(banks)} bank(s), 0 high-risk")


@pytest.mark.parametrize("course", ["kowalski", "synthetic"])
def test_course_passes_nbval(course, request, tmp_path):
    dest = request.getfixturevalue(course)[1]
    r = _nbval(dest, tmp_path)
    assert r.returncode == 0, r.stdout[-3000:]
    assert re.fullmatch(r"\d+ passed.*", r.stdout.splitlines()[-1]), r.stdout.splitlines()[-1]


def test_refuses_non_empty_and_bad_input(kowalski, tmp_path):
    src, dest, _ = kowalski
    r = nbkit("new-course", src, dest)
    assert r.returncode == 1
    assert (
        r.stderr.strip() == f"{dest} is not empty; nothing written. Choose a new folder, or add --force to overwrite."
    )
    r = nbkit("new-course", tmp_path / "missing.txt", tmp_path / "c")
    assert r.returncode == 2 and "missing.txt not found" in r.stderr
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    r = nbkit("new-course", empty, tmp_path / "c2")
    assert r.returncode == 1 and r.stderr.startswith("nbkit: ")


def test_question_without_items_gets_a_note(tmp_path):
    src = tmp_path / "short.txt"
    src.write_text(synthetic_interview(seed=7, n_questions=2), encoding="utf-8")  # one-word answers: nothing to ask
    r = nbkit("new-course", src, tmp_path / "c")
    assert r.returncode == 0, r.stderr
    empty = [p.stem for p in _notebooks(tmp_path / "c") if not (tmp_path / "c" / "quizzes" / f"{p.stem}.yaml").exists()]
    assert empty
    md = _cells(tmp_path / "c" / f"{empty[0]}.ipynb", "markdown")
    assert any(
        c.startswith(f"No quiz items were generated for this notebook; add some to `quizzes/{empty[0]}.yaml`")
        for c in md
    )


def test_interview_without_questions_names_the_file(tmp_path, monkeypatch):
    import types

    import pandas as pd

    import nbkit.course
    from nbkit.commands.new_course import write_course
    from nbkit.errors import InterviewFormatError

    src = tmp_path / "flat.txt"
    src.write_text("x\n", encoding="utf-8")
    monkeypatch.setattr(nbkit.course, "load_interview", lambda path: types.SimpleNamespace(questions=pd.DataFrame()))
    with pytest.raises(InterviewFormatError) as info:
        write_course(src, tmp_path / "course")
    assert (info.value.path, info.value.line) == (str(src), None)
    assert str(info.value).startswith(f"{src}: no questions found; a course needs an interview with questions")
    assert not (tmp_path / "course").exists()


# -- the argument layer: a claims template, coded by a teacher -----------------------------------------------

#: A few rows of question 1 coded as a teacher would (claim id -> kind, voice, stance, summary, actors).
CODING = {
    "C01": ("thesis", "lee", "neither", "Malaysia prefers quiet diplomacy in the South China Sea.", "Malaysia; China"),
    "C03": ("reason", "lee", "transactional", "The approach appears to reflect concern for trade with China.", "China"),
    "C05": ("counterpoint", "lee", "neither", "The quiet approach is not passivity.", "Malaysia"),
}
LINKS = "from_claim,to_claim,relation\nC03,C01,supports\nC05,C01,qualifies\n"


def code_claims(folder: Path) -> None:
    """Fill :data:`CODING` into ``folder/annotations/claims.csv`` and write :data:`LINKS`."""
    import csv

    path = folder / "annotations" / "claims.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        if r["claim_id"] in CODING:
            r["kind"], r["voice"], r["stance"], r["summary"], r["actors"] = CODING[r["claim_id"]]
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    (folder / "annotations" / "argument_links.csv").write_text(LINKS, encoding="utf-8")


@pytest.fixture(scope="module")
def coded(tmp_path_factory):
    src, dest, r = _build(tmp_path_factory.mktemp("coded"), ANOTHER.read_text(encoding="utf-8"), "--claims")
    code_claims(dest)
    return src, dest, r


def _execute(nb_path: Path, tmp_path: Path):
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(nb_path, as_version=4)
    (tmp_path / "x").mkdir(exist_ok=True)
    env = hermetic_env(tmp_path / "x")

    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        NotebookClient(
            nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(nb_path.parent)}}
        ).execute()
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return nb


def _outputs_after(nb, heading: str) -> list[dict]:
    at = next(i for i, c in enumerate(nb.cells) if c.cell_type == "markdown" and c.source.startswith(heading))
    return [o for c in nb.cells[at:] if c.cell_type == "code" for o in c.outputs]


def test_claims_template_is_written(coded):
    _, dest, r = coded
    iv = load_interview(dest / "interview.txt")
    assert [p.name for p in sorted((dest / "annotations").iterdir())] == [
        "argument_links.csv",
        "claims.csv",
        "manifest.yaml",
    ]
    n_rows = len((dest / "annotations" / "claims.csv").read_text(encoding="utf-8").splitlines()) - 1
    assert n_rows == int((iv.sentences["role"] == "answer").sum()) == 44
    assert iv.annotations.coded_claims == 3
    assert list(iv.claims["claim_id"]) == ["C01", "C03", "C05"]
    assert r.stderr.splitlines()[-1] == (
        f"Claims template written to {dest}/annotations/claims.csv: code it (docs/coding-rules.md, "
        f'"Coding another interview"), check it with: nbkit annotate --check {dest}/interview.txt'
    )
    again = nbkit("new-course", "--claims", "--force", ANOTHER, dest)
    assert again.returncode == 1
    assert again.stderr.strip() == (
        f"{dest}/annotations/claims.csv exists and may hold your coding; nothing written. "
        "Drop --claims to keep it, or move it away first."
    )


def test_coded_notebook_shows_the_map_certainty_and_claim_items(coded, tmp_path):
    from nbkit.argument_section import NOT_CODED

    _, dest, _ = coded
    nb = _execute(dest / KOWALSKI[1], tmp_path)
    out = _outputs_after(nb, "## The argument (optional)")
    tables = [o for o in out if "text/html" in o.get("data", {}) and "claim_id" in o["data"]["text/html"]]
    assert len(tables) == 1 and all(c in tables[0]["data"]["text/html"] for c in CODING)
    charts = [o for o in out if {"image/svg+xml", "application/vnd.vegalite.v6+json"} & set(o.get("data", {}))]
    assert len(charts) == 2  # the argument map and certainty by claim
    quizzes = [o for o in out if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert len(quizzes) >= 2
    assert not [o for o in out if o.get("output_type") == "error"]
    uncoded = _outputs_after(_execute(dest / KOWALSKI[2], tmp_path), "## The argument (optional)")
    assert [o["text"].strip() for o in uncoded if o.get("output_type") == "stream"] == [
        NOT_CODED,
        "No claim items for this answer yet: they come from the coded claims (see the cell above).",
    ]


def test_coded_course_passes_nbval(coded, tmp_path):
    _, dest, _ = coded
    r = _nbval(dest, tmp_path)
    assert r.returncode == 0, r.stdout[-3000:]
    assert re.fullmatch(r"\d+ passed.*", r.stdout.splitlines()[-1]), r.stdout.splitlines()[-1]
