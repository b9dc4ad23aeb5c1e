"""Browser-test helpers: servers on loopback, a log of off-machine requests, and the page actions
a learner takes in JupyterLab and in Voila (run everything, read errors, check charts, answer quizzes).

Every wait is on a real state of the page (kernel status, prompts, feedback), never a sleep.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
#: The notebooks under test (override with NBKIT_E2E_NOTEBOOKS to try a draft folder).
NOTEBOOKS = Path(os.environ.get("NBKIT_E2E_NOTEBOOKS", ROOT / "notebooks")).resolve()
ARTIFACTS = ROOT / "test-artifacts"
DOCS_IMG = ROOT / "docs" / "img"

#: Debian's Chromium (``apt-get install chromium``); Playwright's own download is never used.
CHROMIUM = os.environ.get("NBKIT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
#: Set to 1 (CI does) to make a missing browser a failure instead of a skip.
ENV_REQUIRED = "NBKIT_E2E_REQUIRED"
#: Set to 1 to (re)write the screenshots in docs/img/.
ENV_SCREENSHOTS = "NBKIT_SCREENSHOTS"
ENABLE_HINT = (
    "the browser tests need Debian's Chromium at {path}: install it with "
    "`apt-get install -y chromium` (never `playwright install`), or point NBKIT_CHROMIUM at a Chromium binary"
)
LEARNER = "e2e-learner"

TIMEOUT_MS = 60_000  # generous ceiling for one wait; a passing notebook needs a few seconds
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}

QUIZ_CALL = re.compile(r"""quiz\.show\(\s*["']([^"']+)["']\s*,\s*["']([^"']+)["']""")
# Text that means a chart or widget did not draw: altair's CDN loader failing offline, the repr
# of a chart object printed instead of drawn, a widget the page could not show.
NOT_DRAWN = re.compile(
    r"Error loading script|alt\.(?:Chart|LayerChart|HConcatChart|VConcatChart|ConcatChart|FacetChart|RepeatChart)\("
    r"|JupyterChart\(|Error displaying widget|JavaScript Error|Javascript Error|Loading widget\.\.\."
)


def screenshots_wanted() -> bool:
    return os.environ.get(ENV_SCREENSHOTS, "").strip().lower() in ("1", "true", "yes", "on")


def notebooks() -> list[Path]:
    return sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))


def quiz_calls(notebook: Path) -> list[tuple[str, str]]:
    """(stem, item id) of every ``nbkit.quiz.show("stem", "item")`` in the notebook's code cells, in order."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    calls = []
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            calls += QUIZ_CALL.findall("".join(cell["source"]))
    return calls


def uses_charts(notebook: Path) -> bool:
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    return any("charts." in "".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")


# -- servers --------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def hermetic_env(tmp: Path) -> dict[str, str]:
    """The environment for a server and its kernels: every Jupyter/IPython folder and the learner's
    progress under ``tmp``, so no test reads or writes ~/.jupyter, ~/.ipython or real progress."""
    env = dict(os.environ)
    for var, sub in {"JUPYTER_CONFIG_DIR": "jupyter-config", "JUPYTER_DATA_DIR": "jupyter-data",
                     "JUPYTER_RUNTIME_DIR": "jupyter-runtime", "IPYTHONDIR": "ipython",
                     "MPLCONFIGDIR": "mpl"}.items():
        env[var] = str(tmp / sub)
    env["NBKIT_PROGRESS"] = str(tmp / "progress.json")
    env["NBKIT_LEARNER"] = LEARNER
    env.pop("JUPYTER_PATH", None)
    env.pop("NBKIT_INSTRUCTOR", None)
    return env


@dataclass
class Server:
    """A server process on 127.0.0.1 whose output goes to ``log``."""

    name: str
    proc: subprocess.Popen
    url: str  # base URL, no trailing slash
    log: Path
    token: str = ""
    tmp: Path | None = None
    progress: Path | None = None
    extra: dict = field(default_factory=dict)

    def api(self, method: str, path: str):
        req = urllib.request.Request(f"{self.url}{path}", method=method,
                                     headers={"Authorization": f"token {self.token}"} if self.token else {})
        with urllib.request.urlopen(req, timeout=10) as r:
            body = r.read()
        return json.loads(body) if body else None

    def log_tail(self, n: int = 60) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return ""

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)


def start_server(name: str, args: list[str], env: dict, url: str, ready_path: str, log: Path, *,
                 token: str = "", cwd: Path | None = None, timeout: float = 90) -> Server:
    """Start ``args`` and wait until ``url + ready_path`` answers 200 (or fail with the server's log)."""
    fh = log.open("wb")
    proc = subprocess.Popen(args, env=env, cwd=cwd, stdout=fh, stderr=subprocess.STDOUT)
    fh.close()
    server = Server(name, proc, url, log, token)
    deadline = time.monotonic() + timeout
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"{name} exited with code {proc.returncode}:\n{server.log_tail()}")
        try:
            with urllib.request.urlopen(url + ready_path, timeout=2) as r:
                if r.status == 200:
                    return server
        except (urllib.error.URLError, OSError):
            pass
        if time.monotonic() > deadline:
            server.stop()
            raise RuntimeError(f"{name} did not answer {url + ready_path} within {timeout:.0f} s:\n{server.log_tail()}")
        time.sleep(0.2)  # polling interval of a readiness probe, not a wait for page state


def lab_settings_overrides() -> dict:
    """JupyterLab defaults for the test server (``<app_settings_dir>/overrides.json``): no news or
    update check (both would call jupyter.org), no autosave, every cell attached to the page."""
    return {
        "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
        "@jupyterlab/docmanager-extension:plugin": {"autosave": False},
        "@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"},
    }


def start_lab(tmp: Path, python: str) -> Server:
    """JupyterLab on a free loopback port with a token, hermetic folders, serving a copy of notebooks/
    (so running cells never writes outputs into the repository)."""
    import shutil

    root = tmp / "notebooks"
    shutil.copytree(NOTEBOOKS, root, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    settings = tmp / "lab-app-settings"
    settings.mkdir()
    (settings / "overrides.json").write_text(json.dumps(lab_settings_overrides(), indent=1), encoding="utf-8")
    env = hermetic_env(tmp)
    port, token = free_port(), secrets.token_hex(16)
    args = [python, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
            "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
            f"--LabApp.app_settings_dir={settings}", "--ServerApp.terminals_enabled=False"]
    if os.geteuid() == 0:
        args.append("--allow-root")
    url = f"http://127.0.0.1:{port}"
    server = start_server("JupyterLab", args, env, url, f"/api/status?token={token}", tmp / "jupyterlab.log",
                          token=token)
    server.tmp, server.progress = tmp, Path(env["NBKIT_PROGRESS"])
    return server


# -- requests that leave the machine ----------------------------------------------------------------

def is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "chrome", "chrome-extension", "devtools"):
        return True
    return (parts.hostname or "") in LOCAL_HOSTS


class RequestLog:
    """Every request (and WebSocket) a page makes to a host other than loopback, and failed requests."""

    def __init__(self):
        self.external: list[str] = []
        self.failed: list[str] = []

    def attach(self, page) -> None:
        def on_request(req):
            if not is_local(req.url):
                self.external.append(f"{req.method} {req.url}")

        def on_failed(req):
            if not is_local(req.url):
                self.external.append(f"FAILED {req.method} {req.url} ({req.failure})")
            else:
                self.failed.append(f"{req.method} {req.url} ({req.failure})")

        def on_websocket(ws):
            if not is_local(ws.url):
                self.external.append(f"WEBSOCKET {ws.url}")

        page.on("request", on_request)
        page.on("requestfailed", on_failed)
        page.on("websocket", on_websocket)

    def assert_none_external(self) -> None:
        unique = sorted(set(self.external))
        assert not unique, "requests beyond loopback:\n" + "\n".join(unique)


@dataclass
class Tab:
    """A browser tab, the requests it sent beyond loopback and its uncaught JavaScript errors."""

    page: object
    requests: RequestLog
    js_errors: list[str]


# -- JupyterLab -----------------------------------------------------------------------------------

NOTEBOOK_PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"

# True once the kernel is idle and every code cell ran, or the run stopped at an error.
_RUN_FINISHED_JS = """() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  if (!panel) return false;
  const ind = document.querySelector(".jp-Notebook-ExecutionIndicator");
  if (!ind || ind.dataset.status !== 'idle') return false;
  const prompts = [...panel.querySelectorAll('.jp-CodeCell .jp-InputPrompt')].map(p => p.textContent.trim());
  if (prompts.some(t => t.includes('*'))) return false;
  const failed = [...panel.querySelectorAll("[data-mime-type='application/vnd.jupyter.stderr']")]
    .some(e => e.textContent.includes('Traceback'));
  return failed || prompts.every(t => /\\[\\d+\\]/.test(t));
}"""

_CLEARED_JS = """() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  const ind = document.querySelector(".jp-Notebook-ExecutionIndicator");
  if (!panel || !ind || ind.dataset.status !== 'idle') return false;
  return panel.querySelectorAll('.jp-OutputArea-output').length === 0 &&
    [...panel.querySelectorAll('.jp-CodeCell .jp-InputPrompt')].every(p => !/\\d|\\*/.test(p.textContent));
}"""

# Widget outputs (quizzes: ipywidgets; charts: altair's JupyterChart, drawn by vega-embed) and
# whether each has drawn: a widget view in place, every chart holding an svg or canvas.
_WIDGETS_JS = """(root) => [...document.querySelectorAll(root + ' .jp-OutputArea-output')]
  .filter(e => !e.dataset.mimeType)
  .map(e => {
    const view = e.firstElementChild;
    if (!view) return 'empty widget output';
    if (view.classList.contains('vega-embed')) return view.querySelector('svg, canvas') ? 'chart' : 'chart not drawn';
    if (view.classList.contains('jupyter-widgets')) return 'widget';
    return 'unknown view: ' + view.className;
  })"""


# The execution indicator says "idle" even before a kernel is attached: wait for the kernel's name too.
_KERNEL_READY_JS = """() => {
  const ind = document.querySelector(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook-ExecutionIndicator");
  const name = document.querySelector(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Toolbar-kernelName");
  return !!ind && ind.dataset.status === 'idle' && !!name && !/^\\s*No Kernel\\s*$/.test(name.textContent);
}"""


def open_notebook(page, lab: Server, name: str) -> None:
    """Open ``name`` in a fresh workspace and wait until its kernel has started and is idle."""
    page.goto(f"{lab.url}/lab/tree/{name}?reset&token={lab.token}")
    page.locator(f"{NOTEBOOK_PANEL} .jp-Notebook").wait_for(timeout=TIMEOUT_MS)
    page.wait_for_function(_KERNEL_READY_JS, timeout=TIMEOUT_MS)


def menu(page, top: str, entry: str) -> None:
    """Click a main-menu entry, e.g. menu(page, "Run", "Run All Cells")."""
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(rf"^{re.escape(top)}$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(rf"^{re.escape(entry)}$")).click()


def run_all(page) -> None:
    """Run > Run All Cells, then wait for the kernel to finish (idle, no ``[*]``)."""
    menu(page, "Run", "Run All Cells")
    page.wait_for_function(_RUN_FINISHED_JS, timeout=TIMEOUT_MS)


# Notes every kernel status the toolbar shows from now on (the restart passes through "restarting").
_WATCH_STATUS_JS = """() => {
  const bar = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-NotebookPanel-toolbar');
  window.__nbkitStatuses = [];
  new MutationObserver(() => {
    const ind = bar.querySelector('.jp-Notebook-ExecutionIndicator');
    if (ind) window.__nbkitStatuses.push(ind.dataset.status);
  }).observe(bar, {attributes: true, subtree: true, attributeFilter: ['data-status']});
}"""


def restart_and_clear(page) -> None:
    """Kernel > Restart Kernel and Clear Outputs of All Cells…, confirm, and wait until the kernel
    went through a restart and is idle again with every output cleared."""
    menu(page, "Kernel", "Restart Kernel and Clear Outputs of All Cells…")
    page.evaluate(_WATCH_STATUS_JS)
    page.locator(".jp-Dialog .jp-mod-accept").click()
    page.locator(".jp-Dialog").wait_for(state="detached", timeout=TIMEOUT_MS)
    page.wait_for_function(f"() => window.__nbkitStatuses.some(s => s !== 'idle') && ({_CLEARED_JS})()",
                           timeout=TIMEOUT_MS)


def cell_errors(page, root: str = NOTEBOOK_PANEL) -> list[str]:
    """Texts of every error shown: tracebacks on stderr, error outputs, and code cells left unrun."""
    return page.evaluate("""(root) => {
      const out = [];
      const panel = document.querySelector(root);
      panel.querySelectorAll("[data-mime-type='application/vnd.jupyter.stderr']").forEach(e => {
        if (e.textContent.includes('Traceback') || /\\w+Error\\b/.test(e.textContent)) out.push(e.textContent.slice(0, 2000));
      });
      panel.querySelectorAll('.jp-CodeCell').forEach((c, i) => {
        const p = c.querySelector('.jp-InputPrompt');
        if (p && !/\\[\\d+\\]/.test(p.textContent)) out.push(`code cell ${i + 1} did not run (prompt ${p.textContent.trim()})`);
      });
      return out;
    }""", root)


def wait_widgets_drawn(page, root: str) -> list[str]:
    """Wait until every widget output under ``root`` shows its view and every chart holds an svg or
    canvas; return their kinds ("widget" or "chart"), or fail naming what never drew."""
    check = f"() => ({_WIDGETS_JS})({json.dumps(root)}).every(k => k === 'widget' || k === 'chart')"
    try:
        page.wait_for_function(check, timeout=TIMEOUT_MS)
    except Exception as exc:
        kinds = page.evaluate(_WIDGETS_JS, root)
        raise AssertionError(f"widget outputs that never drew: {kinds}") from exc
    return page.evaluate(_WIDGETS_JS, root)


def not_drawn(page, root: str) -> list[str]:
    """Output texts that stand where a chart or widget should have drawn."""
    texts = page.evaluate("(root) => [...document.querySelectorAll(root + ' .jp-OutputArea-output')]"
                          ".map(e => e.innerText)", root)
    return [t[:300] for t in texts if NOT_DRAWN.search(t)]


# -- quizzes --------------------------------------------------------------------------------------

ANSWERABLE = ("multiple_choice", "true_false", "many_choice", "string")


def pick_items(calls: list[tuple[str, str]]):
    """Two items shown in the notebook that a test can answer right and wrong: (right_item, wrong_item).
    Prefers two different items; an item answered twice if the notebook shows only one."""
    from nbkit.quiz.bank import get_item

    items = [get_item(stem, item_id) for stem, item_id in calls]
    usable = [it for it in items if it.type in ANSWERABLE]
    usable.sort(key=lambda it: ANSWERABLE.index(it.type))  # radio-button items first
    if not usable:
        return None, None
    return usable[0], (usable[1] if len(usable) > 1 else usable[0])


def choose(item, correct: bool):
    """A response of the asked kind: ``(kind, value)`` with kind radio/checkbox/text and the
    option labels (or text) a learner would pick."""
    d = item.data
    if item.type in ("multiple_choice", "true_false"):
        label = next(a["answer"] for a in d["answers"] if bool(a["correct"]) == correct)
        return "radio", [label]
    if item.type == "many_choice":
        right = [a["answer"] for a in d["answers"] if a["correct"]]
        wrong = [a["answer"] for a in d["answers"] if not a["correct"]]
        return "checkbox", right if correct or not wrong else right[:-1] + wrong[:1]
    if item.type == "string":
        if correct:
            return "text", [next(a["answer"] for a in d["answers"] if a.get("correct"))]
        wrong = [a["answer"] for a in d["answers"] if a.get("type") != "default" and not a.get("correct")]
        return "text", [wrong[0] if wrong else "certainly not the answer"]
    raise ValueError(f"cannot answer a {item.type} item from the browser test")


def expected_result(item, kind: str, values: list[str]):
    from nbkit.quiz import engine

    if kind == "radio":
        response = next(i for i, a in enumerate(item.data["answers"]) if a["answer"] == values[0])
    elif kind == "checkbox":
        response = [i for i, a in enumerate(item.data["answers"]) if a["answer"] in values]
    else:
        response = values[0]
    return engine.check(item, response)


def answer_quiz(page, item, correct: bool, attempt: int, root: str = "body"):
    """Answer ``item`` in the page, right or wrong, press the button and check the feedback (headline
    with attempt number, option feedback, explanation), then open "Show me in the text" and check the
    evidence quote and paragraph. Returns the feedback locator."""
    box = page.locator(f"{root} .{item.dom_class}")
    box.scroll_into_view_if_needed(timeout=TIMEOUT_MS)
    kind, values = choose(item, correct)
    if kind == "radio":
        box.get_by_role("radio", name=values[0], exact=True).check()
    elif kind == "checkbox":
        for label in values:
            box.get_by_role("checkbox", name=label, exact=True).check()
    else:
        box.locator("input[type='text']").fill(values[0])
    result = expected_result(item, kind, values)
    assert result.correct is correct, f"test picked {values} for {item}, engine says {result.status}"
    box.locator(f".{item.dom_class}-submit").click()

    feedback = box.locator(f".{item.dom_class}-feedback .nbkit-feedback-{result.status}")
    feedback.wait_for(timeout=TIMEOUT_MS)
    headline = f"{'Correct.' if correct else 'Not quite.'} Attempt {attempt}."
    text = feedback.inner_text()
    assert text.startswith(headline), f"feedback starts {text[:80]!r}, expected {headline!r}"
    for message in result.messages:
        assert message in text, f"option feedback {message!r} missing from {text!r}"
    assert "Why: " + item.explanation in text

    evidence = feedback.locator("details.nbkit-evidence")
    quote = evidence.locator("blockquote")
    assert not quote.is_visible(), "the evidence should stay folded until asked for"
    evidence.locator("summary", has_text="Show me in the text").click()
    quote.wait_for(state="visible", timeout=TIMEOUT_MS)
    assert quote.inner_text().strip() == item.quote.strip()
    assert f"Paragraph {item.paragraph_id}" in evidence.inner_text()
    return feedback


def shutdown_kernels(lab: Server) -> None:
    """End every session of the server (a closed tab leaves its kernel running)."""
    for session in lab.api("GET", "/api/sessions"):
        lab.api("DELETE", f"/api/sessions/{session['id']}")


def progress_records(path: Path, notebook: str) -> list[dict]:
    from nbkit.progress.store import ProgressStore

    return [r for r in ProgressStore(path).records() if r["notebook"] == notebook and r["learner"] == LEARNER]


def attempts_so_far(path: Path, item) -> int:
    return sum(r["item"] == item.id for r in progress_records(path, item.notebook))


def assert_saved(path: Path, item, attempt: int, correct: bool) -> None:
    """The progress file holds exactly one record of this attempt, marked right or wrong."""
    kept = [r["correct"] for r in progress_records(path, item.notebook) if r["item"] == item.id and r["attempt"] == attempt]
    assert kept == [correct], f"progress file {path}: attempt {attempt} of {item} recorded as {kept}, expected [{correct}]"
