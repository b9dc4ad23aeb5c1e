"""Quizzes with the keyboard only, in a real (headless) browser, in JupyterLab and in the app view (Voila).

The test notebook tests/data/a11y-quiz.ipynb shows one item of every type (tests/data/a11y-quiz-bank.yaml).
Each item is reached by its accessible name (so a missing label fails the test), answered with Tab, Space,
Enter, typing and arrow keys only, and its feedback is read from the live region (``role="status"``,
``aria-live="polite"``): exact text after submit. Then Tab leads into the feedback ("Show me in the text").
Every answer lands in the progress file. In JupyterLab, ArrowDown on a radio changes the answer and leaves
the active cell where it is, and ArrowDown outside a quiz still moves to the next cell.
"""

from __future__ import annotations

import secrets
import shutil
import sys
from pathlib import Path

import pytest

from nbkit import app
from nbkit.quiz import engine, load_bank
from nbkit.quiz.types import display_order, item_type
from nbkit.quiz.types.choice import option_order
from nbkit.quiz.widgets import CONTROLS

from . import browser_page, quiz_answers, servers

DATA = Path(__file__).resolve().parents[1] / "data"
NOTEBOOK = DATA / "a11y-quiz.ipynb"
BANK_FILE = DATA / "a11y-quiz-bank.yaml"
BANK = load_bank(str(BANK_FILE))
ITEMS = {item.type: item for item in BANK.items}
PANEL = browser_page.NOTEBOOK_PANEL
APP_ROOT = "#rendered_cells"
# The position of the notebook's active cell.
ACTIVE_CELL_JS = """() => [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell')]
  .findIndex(c => c.classList.contains('jp-mod-active'))"""
FREE_TEXT = "Ammunition, the war in Ukraine and diplomatic recognition."


def _copy_notebook(folder: Path) -> None:
    shutil.copy(NOTEBOOK, folder / NOTEBOOK.name)
    shutil.copy(BANK_FILE, folder / BANK_FILE.name)


@pytest.fixture(scope="module")
def keyboard_app(e2e_tmp, browser):
    """Voila (the command ``nbkit app`` runs) on a folder holding the test notebook and its bank."""
    tmp = e2e_tmp / "voila-keyboard"
    (tmp / "notebooks").mkdir(parents=True)
    _copy_notebook(tmp / "notebooks")
    env = app.voila_env(servers.hermetic_env(tmp, NBKIT_LEARNER=servers.LEARNER))
    port, token = servers.free_port(), secrets.token_hex(16)
    cmd = app.voila_command(tmp / "notebooks", port=port, token=token, python=sys.executable)
    server = servers.start_server(
        "Voila", cmd, env, f"http://127.0.0.1:{port}", f"/?token={token}", tmp / "voila.log", token=token, cwd=tmp
    )
    server.tmp, server.progress = tmp, tmp / "progress.json"
    yield server
    server.stop()


# -- what the learner picks, and the feedback it must produce ---------------------------------------


def prompt_name(item) -> str:
    """The accessible name of the item's option set and text box: its question and type label."""
    return f"{item.question} ({item_type(item.type).label})"


def plan(item):
    """(response the engine checks, what the keys pick): the right answer, or the first option of a poll."""
    d = item.data
    if item.type in ("multiple_choice", "true_false", "poll"):
        shown = option_order(item, servers.LEARNER)
        bank_index = 0 if item.type == "poll" else next(i for i, a in enumerate(d["answers"]) if a["correct"])
        return bank_index, shown.index(bank_index)
    if item.type == "many_choice":
        shown = option_order(item, servers.LEARNER)
        ticks = [bool(d["answers"][i]["correct"]) for i in shown]
        return [i for i, a in enumerate(d["answers"]) if a["correct"]], ticks
    if item.type == "string":
        text = next(a["answer"] for a in d["answers"] if a.get("correct"))
        return text, text
    if item.type == "ordering":
        offered = display_order(item)
        right = [a["answer"] for a in d["answers"]]
        return right, [offered.index(x) + 1 for x in right]  # ArrowDown presses from "(choose)"
    if item.type == "match":
        offered = sorted(d["options"])
        return {p["label"]: p["answer"] for p in d["pairs"]}, [offered.index(p["answer"]) + 1 for p in d["pairs"]]
    if item.type == "free_response":
        return FREE_TEXT, FREE_TEXT
    raise AssertionError(f"no plan for {item.type}")


def expected_feedback(item, attempt: int, extra: list[str] = ()) -> tuple[engine.Result, str]:
    """The result of the planned response and the exact text the live region holds after submit
    (headline, option feedback, type lines, extra lines, why, and the folded evidence's summary)."""
    result = engine.check(item, plan(item)[0])
    head = {"correct": "Correct.", "voted": "Vote recorded.", "saved": "Answer saved."}[result.status]
    lines = [f"{head} Attempt {attempt}.", *result.messages, *item_type(item.type).feedback_lines(item, result)]
    lines += [*extra, "Why: " + item.explanation, "Show me in the text"]
    return result, "\n".join(lines)


def _text(locator) -> str:
    return "\n".join(line.strip() for line in locator.inner_text().splitlines() if line.strip())


def _active(page) -> dict:
    return page.evaluate(
        """() => { const e = document.activeElement;
        return {tag: e.tagName.toLowerCase(), type: e.type || '', cls: e.className || '', text: (e.textContent || '').trim(),
                checked: !!e.checked, value: e.value === undefined ? null : e.value}; }"""
    )


# -- answering with keys --------------------------------------------------------------------------


def answer_by_keyboard(page, root: str, item, attempt: int) -> None:
    """Answer ``item`` with keys only, press its button with Enter, check the live region, Tab into the feedback."""
    kb = page.keyboard
    box = page.locator(f"{root} .{item.dom_class}")
    box.scroll_into_view_if_needed(timeout=browser_page.TIMEOUT_MS)
    live = box.locator(f".{item.dom_class}-feedback")
    # the live region is in the page before anything is announced (a region added later is not read)
    assert live.get_attribute("aria-live") == "polite" and live.get_attribute("role") == "status"
    assert _text(live) == ""
    _, keys = plan(item)

    if item.type in ("multiple_choice", "true_false", "poll"):
        group = box.get_by_role("radiogroup", name=prompt_name(item), exact=True)
        radios = group.get_by_role("radio")
        radios.first.focus()  # where Tab lands in a radio group with nothing chosen
        kb.press("Space")
        assert radios.first.is_checked()
        for _ in range(keys):
            kb.press("ArrowDown")
        assert radios.nth(keys).is_checked() and radios.nth(keys).evaluate("e => e === document.activeElement")
    elif item.type == "many_choice":
        boxes = box.get_by_role("group", name=prompt_name(item), exact=True).get_by_role("checkbox")
        assert boxes.count() == len(keys)
        boxes.first.focus()
        for i, tick in enumerate(keys):
            if tick:
                kb.press("Space")
            if i < len(keys) - 1:
                kb.press("Tab")
        assert [boxes.nth(i).is_checked() for i in range(len(keys))] == keys
    elif item.type in ("string", "free_response"):
        field = box.get_by_role("textbox", name=prompt_name(item), exact=True)
        field.focus()
        kb.type(keys)
        assert field.input_value() == keys
    else:  # ordering, match: one named dropdown per position or label
        group = box.get_by_role("group", name=prompt_name(item), exact=True)
        names = (
            [f"Position {i}" for i in range(1, len(keys) + 1)]
            if item.type == "ordering"
            else [p["label"] for p in item.data["pairs"]]
        )
        selects = [group.get_by_role("combobox", name=name, exact=True) for name in names]
        selects[0].focus()
        for i, presses in enumerate(keys):
            for _ in range(presses):
                kb.press("ArrowDown")
            if i < len(keys) - 1:
                kb.press("Tab")
        want = list(plan(item)[0].values()) if item.type == "match" else plan(item)[0]
        assert [s.input_value() for s in selects] == want
    kb.press("Tab")
    focused = _active(page)
    assert f"{item.dom_class}-submit" in focused["cls"], f"Tab after the answer went to {focused}, not the button"
    # Shift+Tab goes back to the last control answered (a radio group is one stop: its chosen radio), Tab returns
    kb.press("Shift+Tab")
    back = _active(page)
    assert back["tag"] in ("input", "select", "textarea") and back["cls"] != focused["cls"], f"Shift+Tab went to {back}"
    if back["type"] == "radio":
        assert back["checked"], "Shift+Tab into a radio group should land on the chosen radio"
    kb.press("Tab")
    assert f"{item.dom_class}-submit" in _active(page)["cls"]
    kb.press("Enter")

    result, text = expected_feedback(item, attempt)
    try:
        live.locator(f".nbkit-feedback-{result.status}").wait_for(timeout=browser_page.TIMEOUT_MS)
    except Exception as exc:
        values = box.locator("input, select, textarea").evaluate_all(
            "els => els.map(e => [e.tagName, e.type, e.value, e.checked])"
        )
        raise AssertionError(
            f"{item.id}: no {result.status} feedback; live region: {_text(live)!r}; inputs: {values}"
        ) from exc
    assert _text(live) == text
    assert f"{item.dom_class}-submit" in _active(page)["cls"], "focus left the button on submit"
    # focus management: the next Tab goes into the feedback, and Enter opens the evidence
    kb.press("Tab")
    focused = _active(page)
    assert (focused["tag"], focused["text"]) == ("summary", "Show me in the text"), f"Tab went to {focused}"
    kb.press("Enter")
    box.locator("details.nbkit-evidence blockquote").wait_for(state="visible", timeout=browser_page.TIMEOUT_MS)

    if item.type == "free_response":  # the self-rating comes next: a radio group named "Self-rating"
        rating = box.get_by_role("radiogroup", name="Self-rating", exact=True).get_by_role("radio")
        kb.press("Tab")
        assert rating.first.evaluate("e => e === document.activeElement")
        kb.press("Space")
        kb.press("ArrowDown")
        assert rating.nth(1).is_checked()
        kb.press("Tab")
        assert f"{item.dom_class}-rate" in _active(page)["cls"]
        kb.press("Enter")
        scale = engine.rating_scale(item)
        _, rated = expected_feedback(item, attempt, [f"Your self-rating: {scale[1]}."])
        live.get_by_text(f"Your self-rating: {scale[1]}.").wait_for(timeout=browser_page.TIMEOUT_MS)
        assert _text(live) == rated


def saved(progress: Path, item) -> list[tuple[int, str, object]]:
    return [
        (r["attempt"], r["answer"], r["correct"])
        for r in quiz_answers.progress_records(progress, item.notebook)
        if r["item"] == item.id
    ]


def answer_every_type(page, root: str, progress: Path) -> None:
    for item in BANK.items:
        attempt = len(saved(progress, item)) + 1
        answer_by_keyboard(page, root, item, attempt)
    for item in BANK.items:
        result = engine.check(item, plan(item)[0])
        records = saved(progress, item)
        want = [(records[-1][0], result.answer, result.correct)]
        if item.type == "free_response":
            scale = engine.rating_scale(item)
            want = [(want[0][0], result.answer, None), (want[0][0], f"{result.answer} [self-rating: {scale[1]}]", None)]
            records = records[-2:]
        else:
            records = records[-1:]
        assert records == want, f"{item.id}: progress holds {records}, expected {want}"


# -- the tests ----------------------------------------------------------------------------------------


def test_the_test_notebook_shows_one_item_of_every_type():
    assert sorted(ITEMS) == sorted(t.name for t in engine.TYPES) and len(BANK.items) == len(engine.TYPES)


def test_keyboard_only_in_lab(tab, lab):
    page = tab.page
    _copy_notebook(lab.tmp / "notebooks")
    try:
        browser_page.open_notebook(page, lab, NOTEBOOK.name)
        browser_page.run_all(page)
        assert not browser_page.cell_errors(page)
        browser_page.wait_widgets_drawn(page, PANEL)
        controls = page.locator(f"{PANEL} .nbkit-quiz").locator(CONTROLS)
        assert controls.count() > 2 * len(BANK.items)
        assert controls.evaluate_all("els => els.filter(e => e.dataset.lmSuppressShortcuts !== 'true').length") == 0
        focusable = page.locator(f"{PANEL} .nbkit-quiz *").evaluate_all(
            "(els, sel) => els.filter(e => e.tabIndex >= 0 && !e.matches(sel)).map(e => e.outerHTML.slice(0, 120))",
            CONTROLS,
        )
        assert focusable == [], f"focusable quiz elements that keep JupyterLab's shortcuts: {focusable}"

        # ArrowDown on a radio changes the answer; the active cell stays where it is
        item = ITEMS["multiple_choice"]
        radios = page.locator(f"{PANEL} .{item.dom_class}").get_by_role("radio")
        radios.first.focus()
        page.keyboard.press("Space")
        before = page.evaluate(ACTIVE_CELL_JS)
        page.keyboard.press("ArrowDown")
        assert radios.nth(1).is_checked() and not radios.first.is_checked()
        assert page.evaluate(ACTIVE_CELL_JS) == before, "ArrowDown in the quiz moved the notebook to another cell"

        # outside a quiz, ArrowDown in command mode still moves to the next cell
        page.locator(f"{PANEL} .jp-MarkdownCell").first.click()
        page.keyboard.press("Escape")
        start = page.evaluate(ACTIVE_CELL_JS)
        page.keyboard.press("ArrowDown")
        page.wait_for_function(f"() => ({ACTIVE_CELL_JS})() === {start + 1}", timeout=browser_page.TIMEOUT_MS)
        page.keyboard.press("ArrowUp")
        page.wait_for_function(f"() => ({ACTIVE_CELL_JS})() === {start}", timeout=browser_page.TIMEOUT_MS)

        answer_every_type(page, PANEL, lab.progress)
        tab.requests.assert_none_external()
        assert not tab.js_errors, "uncaught JavaScript errors:\n" + "\n".join(tab.js_errors)
    finally:
        servers.shutdown_kernels(lab)


def test_keyboard_only_in_app(tab, keyboard_app):
    page = tab.page
    page.goto(f"{keyboard_app.url}/voila/render/{NOTEBOOK.name}?token={keyboard_app.token}")
    page.locator(APP_ROOT).wait_for(state="visible", timeout=browser_page.TIMEOUT_MS)
    browser_page.wait_widgets_drawn(page, APP_ROOT)
    assert page.locator(f"{APP_ROOT} .nbkit-quiz").count() == len(BANK.items)
    answer_every_type(page, APP_ROOT, keyboard_app.progress)
    tab.requests.assert_none_external()
    assert not tab.js_errors, "uncaught JavaScript errors:\n" + "\n".join(tab.js_errors)
