"""App mode (``make app`` = ``nbkit app``): Voila serves the notebooks with every code
cell hidden. In a real browser, a notebook opens as an app, its charts draw, a quiz answers with the
bank's feedback, and no request leaves 127.0.0.1 (Voila's stock "lab" template would fetch an icon
font stylesheet from cdn.jsdelivr.net; nbkit's "nbkit" template does not).
"""

from __future__ import annotations

import json
import secrets
import sys

import pytest

from nbkit import app
from nbkit.cli import main

from . import browser_page, quiz_answers, servers
from .notebooks_under_test import NOTEBOOK_DIR, ROOT, notebooks, quiz_calls, uses_charts

NOTEBOOKS = notebooks()
# The app test opens the first notebook that shows a quiz.
APP_NOTEBOOK = next((nb for nb in NOTEBOOKS if quiz_calls(nb)), NOTEBOOKS[0] if NOTEBOOKS else None)
ROOT_SEL = "#rendered_cells"


@pytest.fixture(scope="module")
def voila_app(e2e_tmp, browser):
    """Voila on the notebooks folder, started with the exact command ``make app`` runs (plus a fixed token)."""
    tmp = e2e_tmp / f"voila-{secrets.token_hex(4)}"  # one per module that uses the fixture
    tmp.mkdir()
    env = app.voila_env(servers.hermetic_env(tmp, NBKIT_LEARNER=servers.LEARNER))
    port, token = servers.free_port(), secrets.token_hex(16)
    cmd = app.voila_command(NOTEBOOK_DIR, port=port, token=token, python=sys.executable)
    server = servers.start_server(
        "Voila", cmd, env, f"http://127.0.0.1:{port}", f"/?token={token}", tmp / "voila.log", token=token, cwd=ROOT
    )
    server.tmp, server.progress = tmp, tmp / "progress.json"
    yield server
    server.stop()


def test_voila_command_is_local_codefree_and_offline():
    cmd = app.voila_command("notebooks", port=8866)
    assert cmd[1:4] == ["-m", "voila", "notebooks"]
    for flag in (
        "--no-browser",
        "--port=8866",
        "--Voila.ip=127.0.0.1",
        "--template=nbkit",
        "--strip_sources=True",
        "--classic-tree",
        "--token",
    ):
        assert flag in cmd
    env = app.voila_env({"JUPYTER_PATH": "/elsewhere"})
    first, rest = env["JUPYTER_PATH"].split(":", 1)
    assert (app.template_root() / "voila" / "templates" / "nbkit" / "index.html.j2").is_file()
    assert first == str(app.template_root()) and rest == "/elsewhere"
    template = (app.template_root() / "voila" / "templates" / "nbkit" / "index.html.j2").read_text()
    assert "cdn.jsdelivr.net" not in template.split("#}", 1)[1] and "http" not in template.split("#}", 1)[1]


def test_app_refuses_what_is_not_a_notebook(tmp_path, capsys):
    assert main(["app", str(tmp_path / "missing.ipynb")]) == 2
    assert "not found" in capsys.readouterr().err
    (tmp_path / "notes.txt").write_text("x")
    assert main(["app", str(tmp_path / "notes.txt")]) == 2
    assert "is not a notebook" in capsys.readouterr().err


def test_app_lists_every_notebook(tab, voila_app):
    page = tab.page
    page.goto(f"{voila_app.url}/?token={voila_app.token}")
    for nb in NOTEBOOKS:
        page.locator(".voila-notebooks a", has_text=nb.name).wait_for(timeout=browser_page.TIMEOUT_MS)
    tab.requests.assert_none_external()


def test_notebook_as_app_answers_a_quiz(tab, voila_app):
    assert APP_NOTEBOOK is not None, "no notebooks to open"
    page = tab.page
    calls = quiz_calls(APP_NOTEBOOK)
    assert calls, f"{APP_NOTEBOOK.name} shows no quiz"
    right, wrong = quiz_answers.pick_items(calls)
    assert right is not None

    browser_page.open_app(page, voila_app, APP_NOTEBOOK.name, ROOT_SEL)  # voila_finish(): every cell ran
    page.locator(f"{ROOT_SEL} .{right.dom_class}").wait_for(timeout=browser_page.TIMEOUT_MS)

    # code-free: no editor, no prompt, no line of code on the page
    text = page.locator(ROOT_SEL).inner_text()
    nb = json.loads(APP_NOTEBOOK.read_text(encoding="utf-8"))
    prose = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            for line in "".join(cell["source"]).splitlines():
                code = line.strip()
                # lines that are plainly code (and not quoted in the prose, e.g. "answer = ...")
                if ("(" in code or "=" in code or code.startswith("import ")) and code not in prose:
                    assert code not in text, f"code shown in app mode: {code!r}"
    assert page.locator(f"{ROOT_SEL} .jp-InputArea-editor, {ROOT_SEL} .jp-InputPrompt:visible").count() == 0
    assert "Traceback" not in text and "There was an error when executing cell" not in text, text[:2000]

    drawn = browser_page.wait_widgets_drawn(page, ROOT_SEL)
    if uses_charts(APP_NOTEBOOK):
        assert "chart" in drawn, f"{APP_NOTEBOOK.name} calls nbkit.charts but no chart is on the page"
    assert page.locator(f"{ROOT_SEL} .nbkit-quiz").count() == len(calls), "not every quiz item is on the page"
    assert not browser_page.not_drawn(page, ROOT_SEL), browser_page.not_drawn(page, ROOT_SEL)

    attempt = quiz_answers.attempts_so_far(voila_app.progress, right) + 1
    feedback = quiz_answers.answer_quiz(page, right, True, attempt, root=ROOT_SEL)
    quiz_answers.assert_saved(voila_app.progress, right, attempt, True)
    if browser_page.screenshots_wanted():
        browser_page.DOCS_IMG.mkdir(parents=True, exist_ok=True)
        feedback.scroll_into_view_if_needed()
        page.screenshot(path=str(browser_page.DOCS_IMG / "app-mode.png"))

    tab.requests.assert_none_external()
    assert not tab.js_errors, "uncaught JavaScript errors:\n" + "\n".join(tab.js_errors)
