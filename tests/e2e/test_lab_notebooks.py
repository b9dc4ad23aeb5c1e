"""Each course notebook as a learner meets it in JupyterLab, in a real (headless) browser:
Run All finishes with no error, every chart draws, a quiz answered right and one answered wrong
show the bank's feedback and evidence, and the answers survive a kernel restart. Nothing the page
loads comes from beyond 127.0.0.1.
"""

from __future__ import annotations

import pytest

from . import helpers as h

NOTEBOOKS = h.notebooks()
PANEL = h.NOTEBOOK_PANEL
# The notebooks whose views go into docs/img/ when NBKIT_SCREENSHOTS=1.
QUIZ_SHOT = NOTEBOOKS[0].stem if NOTEBOOKS else None
CHART_SHOT = next((nb.stem for nb in NOTEBOOKS if h.uses_charts(nb)), None)


def test_there_are_notebooks_to_test():
    assert NOTEBOOKS, f"no notebooks/NN-*.ipynb under {h.NOTEBOOKS}"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[nb.stem for nb in NOTEBOOKS])
def test_notebook_in_lab(tab, lab, notebook):
    page = tab.page
    calls = h.quiz_calls(notebook)
    assert calls, f"{notebook.name} shows no quiz item: add nbkit.quiz.show(\"{notebook.stem}\", \"<item-id>\")"
    right, wrong = h.pick_items(calls)
    assert right is not None, f"{notebook.name} shows no item of a kind the test can answer: {h.ANSWERABLE}"
    try:
        h.open_notebook(page, lab, notebook.name)
        h.run_all(page)
        errors = h.cell_errors(page)
        assert not errors, f"{notebook.name} shows errors after Run All:\n" + "\n---\n".join(errors)

        drawn = h.wait_widgets_drawn(page, PANEL)
        if h.uses_charts(notebook):
            assert "chart" in drawn, f"{notebook.name} calls nbkit.charts but no chart is on the page"
        assert page.locator(f"{PANEL} .nbkit-quiz").count() == len(calls), "not every quiz item is on the page"
        assert not h.not_drawn(page, PANEL), h.not_drawn(page, PANEL)
        if h.screenshots_wanted() and notebook.stem == CHART_SHOT:
            h.DOCS_IMG.mkdir(parents=True, exist_ok=True)
            page.set_viewport_size({"width": 1800, "height": 1000})  # room for the widest chart
            chart = page.locator(f"{PANEL} .vega-embed").first
            chart.scroll_into_view_if_needed()
            chart.screenshot(path=str(h.DOCS_IMG / "lab-chart.png"))
            page.set_viewport_size({"width": 1280, "height": 900})

        # one item right, one wrong; each submission lands in the learner's progress file
        attempt_right = h.attempts_so_far(lab.progress, right) + 1
        h.answer_quiz(page, right, True, attempt_right, root=PANEL)
        attempt_wrong = h.attempts_so_far(lab.progress, wrong) + 1
        h.answer_quiz(page, wrong, False, attempt_wrong, root=PANEL)
        if h.screenshots_wanted() and notebook.stem == QUIZ_SHOT:
            h.DOCS_IMG.mkdir(parents=True, exist_ok=True)
            page.locator(f"{PANEL} .{wrong.dom_class}").screenshot(path=str(h.DOCS_IMG / "lab-quiz-feedback.png"))
        h.assert_saved(lab.progress, right, attempt_right, True)
        h.assert_saved(lab.progress, wrong, attempt_wrong, False)

        # a new kernel runs the notebook again; the answers are still there, and the quiz counts them
        h.restart_and_clear(page)
        h.run_all(page)
        errors = h.cell_errors(page)
        assert not errors, f"{notebook.name} shows errors after a restart:\n" + "\n---\n".join(errors)
        h.wait_widgets_drawn(page, PANEL)
        h.assert_saved(lab.progress, right, attempt_right, True)
        h.assert_saved(lab.progress, wrong, attempt_wrong, False)
        h.answer_quiz(page, right, True, h.attempts_so_far(lab.progress, right) + 1, root=PANEL)

        tab.requests.assert_none_external()
        assert not tab.js_errors, "uncaught JavaScript errors:\n" + "\n".join(tab.js_errors)
    finally:
        h.shutdown_kernels(lab)
