"""WCAG 2.2 AA in the browser (issue 16): axe-core on every notebook after Run All in the app view
(Voila) and on both handout editions; the JupyterLab audit is a step of test_lab_notebooks.py (which
already runs each notebook). nbkit's part of a page must show 0 failing elements of impact critical,
serious or moderate; JupyterLab's own interface is reported, not failed. Every chart has a name, a
description and a data table that takes keyboard focus. Each audit is written to
test-artifacts/axe/ (the table in docs/accessibility.md is made from those files).
"""

from __future__ import annotations

import copy

import pytest

from nbkit.commands import handout

from . import browser_page
from .notebooks_under_test import notebooks, uses_charts
from .test_app_mode import voila_app  # noqa: F401  (the Voila server fixture)

NOTEBOOKS = notebooks()
ROOT_SEL = "#rendered_cells"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[nb.stem for nb in NOTEBOOKS])
def test_app_view_passes_axe(tab, voila_app, notebook):  # noqa: F811
    page = tab.page
    browser_page.open_app(page, voila_app, notebook.name, ROOT_SEL)
    browser_page.wait_widgets_drawn(page, ROOT_SEL)
    # the whole app page is nbkit's: its template, the notebook's text and outputs
    result = browser_page.record_audit(page, "app", notebook.stem, ours="body")
    assert page.locator("[role=main]#rendered_cells").count() == 1
    assert page.locator("a.nbkit-skip-link[href='#rendered_cells']").count() == 1
    assert page.locator("#rendered_cells h1").count() == 1, "the notebook has not one heading 1"
    assert not result.failures(), "\n".join(result.failures())
    browser_page.assert_charts_accessible(page, ROOT_SEL, notebook)
    tab.requests.assert_none_external()


@pytest.fixture(scope="module")
def handouts(e2e_tmp):
    """Every notebook run once and written as learner and teacher handouts: {(stem, edition): path}."""
    out = e2e_tmp / "handouts"
    out.mkdir()
    env = handout.kernel_env(out / "progress.json")
    items = handout._course_items(NOTEBOOKS[0].parent.resolve()) if NOTEBOOKS else {}
    pages = {}
    for path in NOTEBOOKS:
        ran = handout.run_notebook(path, env=env)
        for edition in ("learner", "teacher"):
            nb = copy.deepcopy(ran)
            handout.prepare(nb, edition, items if edition == "teacher" else {})
            target = out / f"{path.stem}-{edition}.html"
            target.write_text(handout.to_html(nb, path.stem), encoding="utf-8")
            pages[(path.stem, edition)] = target
    return pages


@pytest.mark.slow
@pytest.mark.parametrize("edition", ["learner", "teacher"])
def test_handouts_pass_axe(tab, handouts, edition):
    page = tab.page
    failures = []
    for path in NOTEBOOKS:
        page.goto(handouts[(path.stem, edition)].as_uri())
        result = browser_page.record_audit(page, f"handout-{edition}", path.stem, ours="body")
        failures += [f"{path.stem}: {line}" for line in result.failures()]
        assert page.locator("main").count() == 1
        if uses_charts(path):
            tables = page.locator("details.nbkit-chart-data > summary")
            assert tables.count() >= 1 and tables.first.inner_text().startswith("Data table: ")
    assert not failures, "\n".join(failures)
