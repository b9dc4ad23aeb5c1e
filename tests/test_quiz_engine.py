"""Quiz engine (no widgets), the no-kernel display, the answer key and its command, generated quizzes."""

from __future__ import annotations

import subprocess
import sys

import pytest

import nbkit
from nbkit import cli
from nbkit.quiz import (
    check,
    fallback_html,
    fallback_text,
    generate_bank,
    generate_items,
    get_item,
    list_banks,
    load_bank,
    view,
)
from nbkit.quiz.answer_key import answer_key
from nbkit.quiz.engine import correct_answer_text, display_order, feedback_text, normalize


@pytest.fixture(autouse=True)
def store(tmp_path, monkeypatch):
    monkeypatch.setenv("NBKIT_PROGRESS", str(tmp_path / "progress.json"))
    monkeypatch.setenv("NBKIT_LEARNER", "ada")


def test_import_nbkit_stays_light():
    code = (
        "import sys, nbkit; heavy = [m for m in ('ipywidgets', 'jsonschema', 'yaml', 'altair', 'filelock', "
        "'platformdirs') if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_normalize_folds_case_spacing_and_curly_quotes():
    assert normalize("  Pyongyang’s   “Calculus” ") == 'pyongyang\'s "calculus"'
    assert normalize("Lee", match_case=True) == "Lee"


def test_check_shapes_and_texts():
    who = get_item("00-start-here", "who-is-interviewed")
    r = check(who, 3)
    assert (r.status, r.correct, r.answer) == (
        "incorrect",
        False,
        "Senior fellow for the Wilson Center’s Korea Program and 38 North",
    )
    assert check(who, None).status == "incomplete"
    roles = get_item("01-the-interview-as-data", "roles")
    labels = [p["label"] for p in roles.data["pairs"]]
    r = check(roles, dict(zip(labels, ["intro", "answer", "answer", "question"])))
    assert (r.status, r.messages) == ("correct", ("4 of 4 matches correct.",))
    assert r.answer == "Paragraph 1 -> intro; Paragraph 10 -> answer; Paragraph 12 -> answer; Paragraph 17 -> question"
    series = get_item("00-start-here", "series-number")
    assert check(series, "38").messages == (
        "38 is part of “38 North”, one of Lee’s affiliations in paragraph 1, not the series number. "
        "Read the end of paragraph 1 again.",
    )


def test_feedback_text():
    item = get_item("00-start-here", "series-number")
    assert feedback_text(item, check(item, "427"), 1) == (
        "Correct. Attempt 1.\n"
        "Yes: paragraph 1 says this conversation “is the 427th” in the series.\n"
        "Why: Paragraph 1 is the series’ standard introduction: who asks, who answers, and the number of the "
        "conversation in the series.\n"
        "In the text, paragraph 1: is the 427th in “The Trans-Pacific View Insight Series.”"
    )


def test_no_kernel_display_text_choice():
    """Printed options come in one fixed shuffled order (not the bank's order, which lists the key second here)."""
    bundle = view("00-start-here", "who-is-interviewed")._repr_mimebundle_()
    assert set(bundle) == {"text/plain", "text/html", "application/vnd.jupyter.widget-view+json"}
    assert bundle["text/plain"] == (
        "Quiz 00-start-here/who-is-interviewed (choose one)\n"
        "Kuo asks the questions and Lee gives every answer. How does paragraph 1 describe Lee’s post?\n"
        "( ) Senior fellow for the Stimson Center’s Korea Program and 38 North\n"
        "( ) Senior fellow for the Stimson Center’s East Asia Program and 38 North\n"
        "( ) Senior editor for the Stimson Center’s Korea Program and 38 North\n"
        "( ) Senior fellow for the Wilson Center’s Korea Program and 38 North\n"
        "Open this notebook in Jupyter to answer and get feedback."
    )


def test_no_kernel_display_text_ordering_gives_no_order_away():
    item = get_item("00-start-here", "question-order")
    assert fallback_text(item) == (
        "Quiz 00-start-here/question-order (put in order)\n"
        "Put the interviewer’s five questions in the order they are asked.\n"
        "1. ________\n2. ________\n3. ________\n4. ________\n5. ________\n"
        "Entries to place:\n"
        "- Moscow’s agenda in seeking North Korea’s support\n"
        "- Are the relations transactional or strategic?\n"
        "- Implications for the China-U.S. competition in Northeast Asia\n"
        "- Pyongyang’s calculus in moving closer to Moscow\n"
        "- The two countries’ signals to Washington and Beijing\n"
        "Open this notebook in Jupyter to answer and get feedback."
    )
    assert display_order(item) != [a["answer"] for a in item.data["answers"]]


def test_no_kernel_display_html_match():
    assert fallback_html(get_item("01-the-interview-as-data", "roles")) == "\n".join(
        [
            '<div class="nbkit-quiz-static nbkit-quiz-01-the-interview-as-data-roles">',
            "<p><strong>Quiz</strong> <code>01-the-interview-as-data/roles</code> (match each item)</p>",
            "<p>Match each paragraph to its role (the role column of interview.paragraphs).</p>",
            "<ul>",
            "<li>Paragraph 1 -&gt; ________</li>",
            "<li>Paragraph 10 -&gt; ________</li>",
            "<li>Paragraph 12 -&gt; ________</li>",
            "<li>Paragraph 17 -&gt; ________</li>",
            "</ul>",
            "<p>Options:</p>",
            "<ul>",
            "<li>answer</li>",
            "<li>intro</li>",
            "<li>question</li>",
            "</ul>",
            "<p><em>Open this notebook in Jupyter to answer and get feedback.</em></p>",
            "</div>",
        ]
    )


@pytest.mark.parametrize("stem", ["00-start-here", "01-the-interview-as-data"])
def test_no_kernel_display_never_holds_answers(stem):
    bank = nbkit.quiz.load_bank(stem)
    for item in bank.items:
        shown = fallback_text(item) + fallback_html(item)
        assert item.explanation not in shown
        if item.type in ("ordering", "match", "free_response"):
            assert correct_answer_text(item) not in shown
        for a in item.data.get("answers", []):
            if "feedback" in a:
                assert a["feedback"] not in shown


def test_show_displays_the_bundle(monkeypatch):
    shown = []
    import IPython.display

    monkeypatch.setattr(IPython.display, "display", lambda obj: shown.append(obj))
    assert nbkit.quiz.show("00-start-here", "para14-citation") is None
    text = shown[0]._repr_mimebundle_()["text/plain"]
    assert text.startswith("Quiz 00-start-here/para14-citation (true or false)\n")


def test_answer_key_markdown_and_html():
    md = answer_key("md")
    assert md.startswith("# nbkit answer key\n\n## 00-start-here: Start here: who says what, and in what order\n")
    assert (
        "### 2. `series-number` (string)\n\n"
        "Which number in the interviewer’s series is this conversation? Type the number.\n\n"
        "- **Answer:** 427 / 427th\n"
        "- **Explanation:** Paragraph 1 is the series’ standard introduction: who asks, who answers, and the number "
        "of the conversation in the series.\n"
        "- **Evidence:** paragraph 1: “is the 427th in “The Trans-Pacific View Insight Series.””\n"
        "- **Level:** remember\n"
    ) in md
    assert md.count("\n### ") == sum(len(load_bank(stem).items) for stem in list_banks())
    html = answer_key("html", ["01-the-interview-as-data"])
    assert html.startswith("<!DOCTYPE html>")
    assert "<dt>Answer</dt><dd>Explain; Examine; Analyze; Assess</dd>" in html
    assert "intro &lt; question &lt; answer" in html
    assert html.count("<section ") == len(load_bank("01-the-interview-as-data").items)


def test_cli_answer_key(tmp_path, capsys):
    out = tmp_path / "key.html"
    assert cli.main(["answer-key", "--format", "html", "--output", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == answer_key("html")
    assert cli.main(["answer-key", "--notebook", "00-start-here"]) == 0
    assert capsys.readouterr().out == answer_key("md", ["00-start-here"])
    assert cli.main(["answer-key", "--notebook", "42-nothing"]) == 1
    assert "nbkit: 42-nothing.yaml: no bundled quiz bank" in capsys.readouterr().err


def test_python_dash_m_nbkit(tmp_path):
    out = tmp_path / "key.md"
    subprocess.run([sys.executable, "-m", "nbkit", "answer-key", "--output", str(out)], check=True, cwd=tmp_path)
    assert out.read_text(encoding="utf-8") == answer_key("md")


def test_generated_items_are_deterministic_and_valid():
    assert generate_items(seed=3) == generate_items(seed=3)
    assert generate_items(seed=3) != generate_items(seed=4)
    bank = generate_bank(seed=0)
    assert [(it.id, it.type, it.paragraph_id) for it in bank.items] == [
        ("answers-to-questions-0", "match", 4),
        ("para13-sentence-steps-0", "ordering", 13),
        ("para21-missing-word-0", "string", 21),
        ("para9-claim-wording-0", "multiple_choice", 9),
        ("q5-find-the-sentence-0", "multiple_choice", 19),
        ("para12-actors-0", "multiple_choice", 12),
    ]
    for seed in range(1, 4):
        generate_bank(seed=seed)  # passes the same schema and evidence checks


def test_generated_items_content():
    match, _, cloze, _, _, actor = generate_items(seed=0)
    assert match["pairs"][0] == {
        "label": "Paragraph 4: There are three main reasons for the assessment that the Pyongyang-Moscow honeymoon…",
        "answer": "Q1: Are North Korea-Russia relations transactional or strategic? Explain",
        "feedback": "Paragraph 4 is part 2 of the answer to question 1, which is asked in paragraph 2.",
    }
    assert len(match["options"]) == 5
    assert cloze["answers"][0]["answer"] == "relationship"
    assert [(a["answer"], a["correct"]) for a in actor["answers"]] == [
        ("North Korea", True),
        ("South Korea", False),
        ("Ukraine", False),
        ("United States", False),
    ]
    assert actor["answers"][3]["feedback"] == (
        "Not this one: paragraph 12 does not name it. Count again, with capitals and leaders."
    )


def test_generated_item_works_in_a_widget():
    item = generate_bank(seed=0).items[2]
    from nbkit.quiz.widgets import QuizWidget

    w = QuizWidget(item)
    w.inputs.value = " Relationship "
    w.submit.click()
    assert w.feedback.value.startswith(
        '<div class="nbkit-feedback nbkit-feedback-correct">\n'
        "<p><strong>Correct. Attempt 1.</strong></p>\n"
        "<p>Yes: Lee writes “relationship” here (paragraph 21); the word is used 5 times in the answers.</p>"
    )
