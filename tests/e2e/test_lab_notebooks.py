"""Each course notebook as a learner meets it in JupyterLab, in a real (headless) browser:
Run All finishes with no error, every chart draws, axe-core finds no failing element in the outputs
(issue 16; JupyterLab's own interface reported, not failed), a quiz answered right and one answered wrong
show the bank's feedback and evidence, and the answers survive a kernel restart. Nothing the page
loads comes from beyond 127.0.0.1.
"""

from __future__ import annotations

import pytest

from . import browser_page, quiz_answers, servers
from .notebooks_under_test import NOTEBOOK_DIR, notebooks, quiz_calls, uses_charts

NOTEBOOKS = notebooks()
PANEL = browser_page.NOTEBOOK_PANEL
#: nbkit's part of a JupyterLab page: the notebook's outputs.
OUTPUTS = f"{PANEL} .jp-OutputArea-output"
# The notebooks whose views go into docs/img/ when NBKIT_SCREENSHOTS=1.
QUIZ_SHOT = NOTEBOOKS[0].stem if NOTEBOOKS else None
CHART_SHOT = next((nb.stem for nb in NOTEBOOKS if uses_charts(nb)), None)


def test_there_are_notebooks_to_test():
    assert NOTEBOOKS, f"no notebooks/NN-*.ipynb under {NOTEBOOK_DIR}"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[nb.stem for nb in NOTEBOOKS])
def test_notebook_in_lab(tab, lab, notebook):
    page = tab.page
    calls = quiz_calls(notebook)
    assert calls, f'{notebook.name} shows no quiz item: add nbkit.quiz.show("{notebook.stem}", "<item-id>")'
    right, wrong = quiz_answers.pick_items(calls)
    assert right is not None, f"{notebook.name} shows no item of a kind the test can answer: {quiz_answers.ANSWERABLE}"
    try:
        browser_page.open_notebook(page, lab, notebook.name)
        browser_page.run_all(page)
        errors = browser_page.cell_errors(page)
        assert not errors, f"{notebook.name} shows errors after Run All:\n" + "\n---\n".join(errors)

        drawn = browser_page.wait_widgets_drawn(page, PANEL)
        if uses_charts(notebook):
            assert "chart" in drawn, f"{notebook.name} calls nbkit.charts but no chart is on the page"
        assert page.locator(f"{PANEL} .nbkit-quiz").count() == len(calls), "not every quiz item is on the page"
        assert not browser_page.not_drawn(page, PANEL), browser_page.not_drawn(page, PANEL)
        # accessibility (issue 16): axe on the page; only nbkit's outputs fail it, JupyterLab's chrome is reported
        audit = browser_page.record_audit(page, "lab", notebook.stem, ours=OUTPUTS)
        assert not audit.failures(), f"{notebook.name} in JupyterLab:\n" + "\n".join(audit.failures())
        browser_page.assert_charts_accessible(page, PANEL, notebook)
        if browser_page.screenshots_wanted() and notebook.stem == CHART_SHOT:
            browser_page.DOCS_IMG.mkdir(parents=True, exist_ok=True)
            page.set_viewport_size({"width": 1800, "height": 1000})  # room for the widest chart
            chart = page.locator(f"{PANEL} .vega-embed").first
            chart.scroll_into_view_if_needed()
            chart.screenshot(path=str(browser_page.DOCS_IMG / "lab-chart.png"))
            page.set_viewport_size({"width": 1280, "height": 900})

        # one item right, one wrong; each submission lands in the learner's progress file
        attempt_right = quiz_answers.attempts_so_far(lab.progress, right) + 1
        quiz_answers.answer_quiz(page, right, True, attempt_right, root=PANEL)
        attempt_wrong = quiz_answers.attempts_so_far(lab.progress, wrong) + 1
        quiz_answers.answer_quiz(page, wrong, False, attempt_wrong, root=PANEL)
        if browser_page.screenshots_wanted() and notebook.stem == QUIZ_SHOT:
            browser_page.DOCS_IMG.mkdir(parents=True, exist_ok=True)
            shot = browser_page.DOCS_IMG / "lab-quiz-feedback.png"
            page.locator(f"{PANEL} .{wrong.dom_class}").screenshot(path=str(shot))
        quiz_answers.assert_saved(lab.progress, right, attempt_right, True)
        quiz_answers.assert_saved(lab.progress, wrong, attempt_wrong, False)

        # a new kernel runs the notebook again; the answers are still there, and the quiz counts them
        browser_page.restart_and_clear(page)
        browser_page.run_all(page)
        errors = browser_page.cell_errors(page)
        assert not errors, f"{notebook.name} shows errors after a restart:\n" + "\n---\n".join(errors)
        browser_page.wait_widgets_drawn(page, PANEL)
        quiz_answers.assert_saved(lab.progress, right, attempt_right, True)
        quiz_answers.assert_saved(lab.progress, wrong, attempt_wrong, False)
        quiz_answers.answer_quiz(page, right, True, quiz_answers.attempts_so_far(lab.progress, right) + 1, root=PANEL)

        tab.requests.assert_none_external()
        assert not tab.js_errors, "uncaught JavaScript errors:\n" + "\n".join(tab.js_errors)
    finally:
        servers.shutdown_kernels(lab)
