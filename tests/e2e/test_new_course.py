"""A notebook that ``nbkit new-course --claims`` writes, with a few claims coded, as a learner meets it in
JupyterLab (headless Chromium): Run All finishes with no error, the argument map and certainty by claim draw,
and every quiz item (the bank's and the claim items) is on the page. Nothing loads from beyond 127.0.0.1."""

from __future__ import annotations

import subprocess
import sys

import pytest

from ..test_cli_new_course import ANOTHER, KOWALSKI, code_claims
from . import browser_page, servers

PANEL = browser_page.NOTEBOOK_PANEL


@pytest.fixture(scope="module")
def course_lab(e2e_tmp, browser):
    """JupyterLab serving a coded course written by nbkit new-course (its own hermetic folders)."""
    tmp = e2e_tmp / "new-course"
    tmp.mkdir()
    dest = tmp / "course"
    r = subprocess.run(
        [sys.executable, "-m", "nbkit", "new-course", "--claims", str(ANOTHER), str(dest)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert r.returncode == 0, r.stderr
    code_claims(dest)
    server = servers.start_lab(tmp, sys.executable, root=dest)
    yield server, dest
    server.stop()


def test_coded_question_notebook_in_lab(tab, course_lab):
    from nbkit import load_interview
    from nbkit.quiz.claim_items import claim_items

    lab, dest = course_lab
    name = KOWALSKI[1]
    iv = load_interview(dest / "interview.txt")
    para_q = dict(zip(iv.paragraphs["paragraph_id"], iv.paragraphs["question_id"]))
    n_claim_items = sum(para_q[it["evidence"]["paragraph_id"]] == 1 for it in claim_items(iv))
    source = (dest / name).read_text(encoding="utf-8")
    n_bank_items = source.count("nbkit.quiz.show_item(")
    page = tab.page
    console: list[str] = []

    def on_console(msg) -> None:
        if msg.type == "error":
            console.append(f"{msg.type}: {msg.text}")

    page.on("console", on_console)
    try:
        browser_page.open_notebook(page, lab, name)
        browser_page.run_all(page)
        errors = browser_page.cell_errors(page)
        assert not errors, f"{name} shows errors after Run All:\n" + "\n---\n".join(errors)
        drawn = browser_page.wait_widgets_drawn(page, PANEL)
        assert drawn.count("chart") == 2, drawn  # the argument map and certainty by claim: the only charts here
        assert not browser_page.not_drawn(page, PANEL), browser_page.not_drawn(page, PANEL)
        assert n_claim_items >= 2
        assert page.locator(f"{PANEL} .nbkit-quiz").count() == n_bank_items + n_claim_items
        text = page.locator(PANEL).inner_text()
        assert "No claim of this answer is coded yet" not in text
        assert all(claim in text for claim in ("C01", "C03", "C05"))
        tab.requests.assert_none_external()
        assert not tab.js_errors, "uncaught JavaScript errors:\n" + "\n".join(tab.js_errors + console)
    finally:
        page.remove_listener("console", on_console)
        servers.shutdown_kernels(lab)
        page.goto("about:blank")  # leave this JupyterLab: the next module's test starts from an empty page
