"""Every quiz type through its widget, without a browser: set values, click, assert the exact feedback."""

from __future__ import annotations

from typing import NamedTuple

import pytest

import nbkit
from nbkit.progress.store import learner_name
from nbkit.quiz import view
from nbkit.quiz.types.choice import option_order


class Why(NamedTuple):
    """What every feedback of one item ends with: its explanation and the evidence (quote, paragraph)."""

    explanation: str
    quote: str
    paragraph: int


WHO = Why(
    "The interview gives one analyst’s view: Mercy Kuo asks, Rachel Minyoung Lee answers. "
    "So write “Lee argues…”, not “the article proves…”.",
    "This conversation with Rachel Minyoung Lee, a senior fellow for the Stimson Center’s Korea Program and 38 North",
    1,
)


@pytest.fixture(autouse=True)
def store(tmp_path, monkeypatch):
    path = tmp_path / "progress.json"
    monkeypatch.setenv("NBKIT_PROGRESS", str(path))
    monkeypatch.setenv("NBKIT_LEARNER", "ada")
    monkeypatch.delenv("NBKIT_INSTRUCTOR", raising=False)
    return path


def answer(w, value) -> None:
    """Put ``value`` in the quiz widget ``w``'s input and press its button."""
    w.inputs.value = value
    w.submit.click()


def expected(status: str, head: str, messages: list[str], why: Why) -> str:
    lines = [f'<div class="nbkit-feedback nbkit-feedback-{status}">', f"<p><strong>{head}</strong></p>"]
    lines += [f"<p>{m}</p>" for m in messages]
    lines += [
        f"<p><strong>Why:</strong> {why.explanation}</p>",
        '<details class="nbkit-evidence"><summary>Show me in the text</summary>'
        f"<blockquote>{why.quote}</blockquote><p>Paragraph {why.paragraph}</p></details>",
        "</div>",
    ]
    return "\n".join(lines)


def test_dom_classes_are_deterministic():
    w = view("00-start-here", "who-is-interviewed").widget
    assert w.box._dom_classes == ("nbkit-quiz", "nbkit-quiz-00-start-here-who-is-interviewed")
    assert w.submit._dom_classes == ("nbkit-quiz-00-start-here-who-is-interviewed-submit",)
    assert w.feedback._dom_classes == ("nbkit-quiz-00-start-here-who-is-interviewed-feedback",)


def test_multiple_choice_wrong_then_right_counts_attempts(store):
    w = view("00-start-here", "who-is-interviewed").widget
    answer(w, 0)  # the East Asia Program
    interview = (
        "Paragraph 1 names the program: Lee is “a senior fellow for the Stimson Center’s Korea Program and 38 North”. "
        "Whose post it is matters: the answers are one Korea specialist’s analysis."
    )
    assert w.feedback.value == expected("incorrect", "Not quite. Attempt 1.", [interview], WHO)
    answer(w, 1)
    interviewee = (
        "Yes: paragraph 1 introduces “This conversation with Rachel Minyoung Lee, a senior fellow for the Stimson "
        "Center’s Korea Program and 38 North”. Kuo asks the questions; every answer is Lee’s."
    )
    assert w.feedback.value == expected("correct", "Correct. Attempt 2.", [interviewee], WHO)
    df = nbkit.progress()
    assert df[["learner", "notebook", "item", "attempt", "answer", "correct"]].values.tolist() == [
        [
            "ada",
            "00-start-here",
            "who-is-interviewed",
            1,
            "Senior fellow for the Stimson Center’s East Asia Program and 38 North",
            False,
        ],
        [
            "ada",
            "00-start-here",
            "who-is-interviewed",
            2,
            "Senior fellow for the Stimson Center’s Korea Program and 38 North",
            True,
        ],
    ]


def test_nothing_chosen_is_not_counted(store):
    w = view("00-start-here", "who-is-interviewed").widget
    w.submit.click()
    assert w.feedback.value == (
        '<div class="nbkit-feedback nbkit-feedback-incomplete">\n'
        "<p><strong>Answer first.</strong></p>\n"
        "<p>Choose an option, then press the button.</p>\n</div>"
    )
    assert not store.exists()


def test_true_false():
    w = view("00-start-here", "para14-citation").widget
    assert w.inputs.options == (("True", 0), ("False", 1))
    answer(w, 1)
    right = (
        "Right: “(Kuo, para. 14)” is correct, since paragraph 14 is the interviewer’s question (“what are Pyongyang "
        "and Moscow signaling to Washington and Beijing?”), but it has no instruction verb: it opens “In "
        "strengthening North Korea-Russia cooperation”. The answers are cited “(Lee, para. N)” and the introduction "
        "“(para. 1)”."
    )
    why = Why(
        "Cite whose words they are: answers “(Lee, para. N)”, question lines “(Kuo, para. N)”, the introduction "
        "“(para. 1)”. To tell a question line from an answer, read it: four of the five give an instruction "
        "(Explain, Examine, Analyze, Assess); paragraph 14 asks a direct question.",
        "In strengthening North Korea-Russia cooperation, what are Pyongyang and Moscow signaling to Washington and "
        "Beijing?",
        14,
    )
    assert w.feedback.value == expected("correct", "Correct. Attempt 1.", [right], why)


VERBS = Why(
    "The questions frame stores each question’s instruction: Explain, Examine, Analyze, ? (no instruction verb) "
    "and Assess. What each verb asks for (the asks column of nbkit.load_instruction_verbs()) is the course’s own "
    "gloss: interview questions are not exam command words, so read the glosses as one reading of the questions, "
    "not a brief Lee passes or fails.",
    "Analyze Moscow’s agenda in seeking North Korea’s support for Russia’s war against Ukraine.",
    11,
)


def test_many_choice_partial_then_complete():
    w = view("01-the-interview-as-data", "instruction-verbs").widget
    bank_order = ["Explain", "Examine", "Analyze", "Assess", "Signal", "Discuss"]
    shown = [cb.description for cb in w.inputs]
    assert shown == [bank_order[i] for i in option_order(w.item, learner_name())] and shown != bank_order
    box = {cb.description: cb for cb in w.inputs}
    box["Explain"].value = True
    box["Signal"].value = True
    w.submit.click()
    explain = "Explain: Yes: question 1 (paragraph 2) ends with the instruction “Explain”."
    signal = (
        "Signal: Question 4 (paragraph 14) uses “signaling” inside a direct question; it has no instruction verb, "
        "so its instruction is “?”."
    )
    missed = "You missed 3 correct options."
    assert w.feedback.value == expected("incorrect", "Not quite. Attempt 1.", [explain, signal, missed], VERBS)
    box["Signal"].value = False
    for name in ("Examine", "Analyze", "Assess"):
        box[name].value = True
    w.submit.click()
    chosen = [
        explain,
        "Examine: Yes: question 2 (paragraph 6) begins “Examine Pyongyang’s calculus…”.",
        "Analyze: Yes: question 3 (paragraph 11) begins “Analyze Moscow’s agenda…”.",
        "Assess: Yes: question 5 (paragraph 17) begins “Assess the implications…”.",
    ]
    assert w.feedback.value == expected("correct", "Correct. Attempt 2.", chosen, VERBS)
    assert nbkit.progress()["answer"].tolist() == ["Explain | Signal", "Explain | Examine | Analyze | Assess"]


TYPO = Why(
    "Lee lists the benefits Pyongyang has already reaped from supplying munitions to Russia (paragraph 8). "
    "The printed word is “miliary”, a typo that nbkit’s data keeps, because quotes must match the source exactly.",
    "The diplomatic, economic, and possibly miliary-technology benefits Pyongyang has already reaped from "
    "supplying munitions to Russia have been well documented.",
    8,
)


@pytest.mark.parametrize("typed", ["miliary", "  MILIARY ", "Miliary"])
def test_short_text_ignores_case_and_spacing(typed):
    w = view("01-the-interview-as-data", "para8-printed-word").widget
    answer(w, typed)
    printed = (
        "Yes, exactly as printed: the text has the typo “miliary” (for “military”), and nbkit keeps the source "
        "unchanged, so searches for “military” miss it (paragraph 8, and paragraph 18, where Lee quotes Article 4)."
    )
    assert w.feedback.value == expected("correct", "Correct. Attempt 1.", [printed], TYPO)


def test_short_text_the_meant_word_is_not_the_printed_one():
    """A reader who has not read paragraph 8 types the word meant, "military": not the key (issue 13)."""
    w = view("01-the-interview-as-data", "para8-printed-word").widget
    answer(w, "military")
    assert w.feedback.value.startswith('<div class="nbkit-feedback nbkit-feedback-incorrect">')
    assert "misprint" in w.feedback.value


def test_short_text_default_feedback_and_curly_quotes():
    w = view("01-the-interview-as-data", "para8-printed-word").widget
    answer(w, "naval")
    default = (
        "Not the word in paragraph 8. Reread its first sentence: Lee lists the benefits Pyongyang has gained from "
        "supplying munitions to Russia."
    )
    assert w.feedback.value == expected("incorrect", "Not quite. Attempt 1.", [default], TYPO)
    w2 = view("00-start-here", "series-number").widget
    answer(w2, "427TH")
    assert "<p><strong>Correct. Attempt 1.</strong></p>" in w2.feedback.value


QUESTION_ORDER = Why(
    "The interview moves from the big question (what kind of relationship) to each side’s motives "
    "(Pyongyang, then Moscow), then to the messages for Washington and Beijing, and ends with the regional picture.",
    "Are North Korea-Russia relations transactional or strategic? Explain",
    2,
)
ORDER = [
    "Are the relations transactional or strategic?",
    "Pyongyang’s calculus in moving closer to Moscow",
    "Moscow’s agenda in seeking North Korea’s support",
    "The two countries’ signals to Washington and Beijing",
    "Implications for the China-U.S. competition in Northeast Asia",
]


def test_ordering_with_dropdowns():
    w = view("00-start-here", "question-order").widget
    assert len(w.inputs) == 5
    assert [label for label, _ in w.inputs[0].options][1:] != ORDER  # offered shuffled, never in the answer order
    swapped = [ORDER[1], ORDER[0], *ORDER[2:]]
    for dd, value in zip(w.inputs, swapped):
        dd.value = value
    w.submit.click()
    misplaced = [
        "3 of 5 in the right position.",
        "Are the relations transactional or strategic?: This is question 1, in paragraph 2: “Are North Korea-Russia "
        "relations transactional or strategic?”",
        "Pyongyang’s calculus in moving closer to Moscow: This is question 2, in paragraph 6: “Examine Pyongyang’s calculus…”.",
    ]
    assert w.feedback.value == expected("incorrect", "Not quite. Attempt 1.", misplaced, QUESTION_ORDER)
    for dd, value in zip(w.inputs, ORDER):
        dd.value = value
    w.submit.click()
    assert w.feedback.value == expected(
        "correct", "Correct. Attempt 2.", ["5 of 5 in the right position."], QUESTION_ORDER
    )


def test_ordering_incomplete():
    w = view("00-start-here", "question-order").widget
    w.inputs[0].value = ORDER[0]
    w.submit.click()
    assert "<p>Fill every position, then press the button.</p>" in w.feedback.value


ROLES = Why(
    "Role is an ordered category, intro &lt; question &lt; answer: the introduction comes first, and each "
    "question line is followed by Lee’s answer paragraphs.",
    "Assess the implications of expanding North Korea-Russia relations vis-à-vis the broader China-U.S. strategic "
    "competition in the geopolitics of Northeast Asia.",
    17,
)


def test_match_with_dropdowns():
    w = view("01-the-interview-as-data", "roles").widget
    labels = list(w.inputs)
    assert [label for label, _ in w.inputs[labels[0]].options] == ["(choose)", "answer", "intro", "question"]
    for label, value in zip(labels, ["intro", "answer", "question", "question"]):
        w.inputs[label].value = value
    w.submit.click()
    wrong = (
        "Paragraph 12: Paragraph 12 is Lee’s first paragraph in reply to question 3, which the interviewer asks in "
        "paragraph 11."
    )
    assert w.feedback.value == expected("incorrect", "Not quite. Attempt 1.", ["3 of 4 matches correct.", wrong], ROLES)
    w.inputs[labels[2]].value = "answer"
    w.submit.click()
    assert w.feedback.value.startswith(
        '<div class="nbkit-feedback nbkit-feedback-correct">\n'
        "<p><strong>Correct. Attempt 2.</strong></p>\n<p>4 of 4 matches correct.</p>"
    )


def test_free_response_model_answer_rubric_and_rating(store):
    v = view("01-the-interview-as-data", "three-reasons")
    w = v.widget
    assert w.rating.layout.display == "none"
    answer(w, "Value drops after the war; Cold War playbook; past cooperation failed.")
    item = v.item
    body = [
        "Model answer: " + item.data["model_answer"],
        "Rubric: Names all three reasons: North Korea’s value after the war, the Cold War playbook, past cooperation with few results.",
        "Rubric: Attributes them correctly: they are the reasons of the assessment Lee reports, not her own conclusion.",
        "Rubric: Points to paragraph 4, and notes that paragraph 5 replies to them (“Yet …”).",
        "Rate your answer against the rubric: Not yet, Partly, Fully.",
    ]
    why = Why(
        "Each of the three reasons is its own sentence of paragraph 4 and its own row of interview.claims (C05, C06, "
        "C07), where the annotators code its voice prevailing_view: the reasons of the view Lee reports, not hers. "
        "She then replies in paragraph 5 (“Yet …”); whether that reply meets each reason is the question notebooks "
        "02 and 08 ask.",
        "There are three main reasons for the assessment that the Pyongyang-Moscow honeymoon will not last beyond the war in Ukraine.",
        4,
    )
    assert w.feedback.value == expected("saved", "Answer saved. Attempt 1.", body, why)
    assert body[0].startswith("Model answer: Lee reports three reasons behind the common assessment (paragraph 4):")
    assert w.rating.layout.display is None
    w.rating.value = "Partly"
    w.rate.click()
    assert w.feedback.value == expected("saved", "Answer saved. Attempt 1.", body + ["Your self-rating: Partly."], why)
    df = nbkit.progress()
    assert df["answer"].tolist() == [
        "Value drops after the war; Cold War playbook; past cooperation failed.",
        "Value drops after the war; Cold War playbook; past cooperation failed. [self-rating: Partly]",
    ]
    assert df["attempt"].tolist() == [1, 1]
    assert df["correct"].isna().all()
    answer(w, "Second try.")
    assert "<p><strong>Answer saved. Attempt 2.</strong></p>" in w.feedback.value


POLL = Why(
    "There is no right answer. How long an answer is can be counted; why it is short is an inference. Either way, "
    "the interview says less about what Russia wants (paras. 12–13) than about what North Korea wants (paras. 7–10).",
    "The most obvious and immediate need is military",
    12,
)
POLL_ITEM = ("01-the-interview-as-data", "moscow-answer-space")


def test_poll_shows_choice_and_class_distribution(tmp_path):
    w = view(*POLL_ITEM).widget
    answer(w, 1)
    chose = (
        "Check the question: “Analyze Moscow’s agenda…” (Kuo, para. 11) asks for as much as “Examine Pyongyang’s "
        "calculus…” (Kuo, para. 6). Length may have other causes."
    )
    assert w.feedback.value == expected("voted", "Vote recorded. Attempt 1.", [chose], POLL)
    cls = tmp_path / "class.csv"
    cls.write_text(
        "learner,notebook,item,attempt,answer,correct,time\n"
        "bo,01-the-interview-as-data,moscow-answer-space,1,I would need more than the text to tell,,2024-09-01T10:00:00Z\n"
        "cy,01-the-interview-as-data,moscow-answer-space,1,Question 3 asks for less than the others,,2024-09-01T10:00:00Z\n"
        "di,01-the-interview-as-data,moscow-answer-space,1,I would need more than the text to tell,,2024-09-01T10:00:00Z\n"
        'di,01-the-interview-as-data,moscow-answer-space,2,"Her expertise is North Korea, not Russia",,2024-09-01T10:05:00Z\n',
        encoding="utf-8",
    )
    w2 = view(*POLL_ITEM, class_results=[cls]).widget  # the class, passed in
    answer(w2, 1)
    votes = [
        "Class votes (3 learners):",
        "Her expertise is North Korea, not Russia: 1 (33%)",
        "Question 3 asks for less than the others: 1 (33%)",
        "Moscow’s needs are quicker to set out: 0 (0%)",
        "I would need more than the text to tell: 1 (33%)",
    ]
    assert w2.feedback.value == expected("voted", "Vote recorded. Attempt 2.", [chose, *votes], POLL)
    w.submit.click()  # the first widget got no class results: no class votes, nothing global leaked
    assert "Class votes" not in w.feedback.value and "Attempt 3." in w.feedback.value


def test_instructor_mode_adds_show_answer(monkeypatch):
    monkeypatch.setenv("NBKIT_INSTRUCTOR", "1")
    w = view("00-start-here", "question-order").widget
    assert w.show_answer._dom_classes == ("nbkit-quiz-00-start-here-question-order-show-answer",)
    w.show_answer.click()
    assert w.answer.value == (
        '<p class="nbkit-answer"><strong>Answer:</strong> Are the relations transactional or '
        "strategic? &gt; Pyongyang’s calculus in moving closer to Moscow &gt; Moscow’s agenda in "
        "seeking North Korea’s support &gt; The two countries’ signals to Washington and Beijing "
        "&gt; Implications for the China-U.S. competition in Northeast Asia</p>"
    )
    monkeypatch.delenv("NBKIT_INSTRUCTOR")
    assert not hasattr(view("00-start-here", "question-order").widget, "show_answer")


def test_unsaved_answer_is_reported_not_raised(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    monkeypatch.setenv("NBKIT_PROGRESS", str(blocker / "progress.json"))
    w = view("00-start-here", "who-is-interviewed").widget
    w.inputs.value = 1
    with pytest.warns(RuntimeWarning, match="Cannot read the progress file"):
        w.submit.click()
    assert "<p><strong>Correct. Attempt 1.</strong></p>" in w.feedback.value
    assert "<p>Your answer could not be saved: cannot save your answer" in w.feedback.value


def test_each_learner_sees_options_in_an_order_of_their_own_that_survives_a_restart():
    from nbkit.quiz.bank import get_item

    item = get_item("03-pyongyangs-calculus", "two-angles")
    orders = {name: option_order(item, name) for name in ("ana", "ben", "chen", "dara", "eli")}
    assert all(sorted(o) == [0, 1, 2, 3] for o in orders.values())
    assert len({tuple(o) for o in orders.values()}) > 1  # learners differ
    # a new process (a kernel restart) gives the same order for the same learner
    import subprocess
    import sys

    code = (
        "from nbkit.quiz.bank import get_item; from nbkit.quiz.types.choice import option_order; "
        "print(option_order(get_item('03-pyongyangs-calculus', 'two-angles'), 'ana'))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == str(orders["ana"])
    tf = get_item("02-transactional-or-strategic", "para3-prevailing-view")
    assert option_order(tf, "ana") == [0, 1]  # True before False for everyone


def test_the_answer_key_names_options_not_positions():
    """Issue 13: options come in each learner's own order, so the key gives the option's words, never its place."""
    import re

    from nbkit.quiz.answer_key import answer_key_markdown
    from nbkit.quiz.bank import get_item

    key = answer_key_markdown(["03-pyongyangs-calculus"])
    item = get_item("03-pyongyangs-calculus", "two-angles")
    right = next(a["answer"] for a in item.data["answers"] if a["correct"])
    assert f"- **Answer:** {right}\n" in key
    assert not re.search(r"\*\*Answer:\*\* *(?:option *)?(?:[A-D]|[1-4])[).:]?(?:\s|$)", key, re.I)


def _page_state(w, values) -> None:
    """What the front-end hook sends just before a button's click: the controls' state as the page shows it."""
    w.a11y._handle_custom_msg({"event": "answers", "values": values}, [])


def test_the_answer_the_page_shows_is_checked_even_if_its_update_lags_behind_the_click():
    # ipywidgets holds back a control's update while another is in flight but sends a click at once: the hook
    # sends the page's state first, so the kernel checks what the learner sees, not the last update it received
    w = view("01-the-interview-as-data", "roles").widget
    labels = list(w.inputs)
    assert w.a11y.inputs == [c for c in w.a11y.inputs if c.startswith(w.item.dom_class)] and len(w.a11y.inputs) == 4
    assert w.a11y.buttons == [f".{w.item.dom_class}-submit"]
    assert all(w.a11y.inputs[i] in w.inputs[label]._dom_classes for i, label in enumerate(labels))
    options = [label for label, _ in w.inputs[labels[0]].options]
    _page_state(w, [options.index(v) for v in ["intro", "answer", "answer", "question"]])
    w.submit.click()
    assert [w.inputs[label].value for label in labels] == ["intro", "answer", "answer", "question"]
    assert "<p><strong>Correct. Attempt 1.</strong></p>" in w.feedback.value


def test_page_state_of_every_control_kind():
    radio = view("00-start-here", "who-is-interviewed").widget
    _page_state(radio, [1])
    assert radio.inputs.index == 1
    _page_state(radio, [-1])
    assert radio.inputs.value is None
    _page_state(radio, [99])  # an index the widget does not have changes nothing
    assert radio.inputs.value is None
    free = view("01-the-interview-as-data", "three-reasons").widget
    assert free.a11y.buttons == [f".{free.item.dom_class}-submit", f".{free.item.dom_class}-rate"]
    _page_state(free, ["My answer.", 2])
    assert (free.inputs.value, free.rating.value) == ("My answer.", "Fully")
    _page_state(free, ["ignored", 2, 3])  # a snapshot of another shape is ignored, not half applied
    assert free.inputs.value == "My answer."
    ticks = view("01-the-interview-as-data", "instruction-verbs").widget
    _page_state(ticks, [True, False, True, False, False, False])
    assert [cb.value for cb in ticks.inputs] == [True, False, True, False, False, False]
