"""A headless Chromium page in the browser tests: the requests it sends beyond loopback, and the actions a
learner takes in JupyterLab (open a notebook, run everything, restart) with checks that every chart and
widget drew and no error shows.

Every wait is on a real state of the page (kernel status, prompts, widget views), never a sleep.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from nbkit.chromium import DEBIAN_CHROMIUM, find_chromium
from nbkit.config import settings, variable

from .notebooks_under_test import ROOT, uses_charts
from .servers import Server

ARTIFACTS = ROOT / "test-artifacts"
DOCS_IMG = ROOT / "docs" / "img"

#: Debian's Chromium (``apt-get install chromium``) or NBKIT_CHROMIUM; Playwright's own download is never used.
CHROMIUM = find_chromium() or settings().chromium or DEBIAN_CHROMIUM
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
#: Set to 1 (CI does) to make a missing browser a failure instead of a skip.
ENV_REQUIRED = variable("e2e_required")
ENABLE_HINT = (
    "the browser tests need Debian's Chromium at {path}: install it with "
    f"`apt-get install -y chromium` (never `playwright install`), or point {variable('chromium')} at a Chromium binary"
)

TIMEOUT_MS = 60_000  # generous ceiling for one wait; a passing notebook needs a few seconds
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}

# Text that means a chart or widget did not draw: altair's CDN loader failing offline, the repr
# of a chart object printed instead of drawn, a widget the page could not show.
NOT_DRAWN = re.compile(
    r"Error loading script|alt\.(?:Chart|LayerChart|HConcatChart|VConcatChart|ConcatChart|FacetChart|RepeatChart)\("
    r"|JupyterChart\(|Error displaying widget|JavaScript Error|Javascript Error|Loading widget\.\.\."
)


def browser_required() -> bool:
    """True when a missing browser must fail the run (NBKIT_E2E_REQUIRED=1, as in CI)."""
    return settings().e2e_required


def screenshots_wanted() -> bool:
    """True when the tests should (re)write the screenshots in docs/img/ (NBKIT_SCREENSHOTS=1)."""
    return settings().screenshots


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
    // nbkit's charts: a widget box holding the chart (vega-embed) and its data table
    const embed = view.querySelector('.vega-embed');
    if (embed) return embed.querySelector('svg, canvas') ? 'chart' : 'chart not drawn';
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
    page.wait_for_function(
        f"() => window.__nbkitStatuses.some(s => s !== 'idle') && ({_CLEARED_JS})()", timeout=TIMEOUT_MS
    )


def cell_errors(page, root: str = NOTEBOOK_PANEL) -> list[str]:
    """Texts of every error shown: tracebacks on stderr, error outputs, and code cells left unrun."""
    return page.evaluate(
        """(root) => {
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
    }""",
        root,
    )


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
    texts = page.evaluate(
        "(root) => [...document.querySelectorAll(root + ' .jp-OutputArea-output')].map(e => e.innerText)", root
    )
    return [t[:300] for t in texts if NOT_DRAWN.search(t)]


# -- accessibility audit (axe-core) -----------------------------------------------------------------

#: axe-core, installed by ``make`` from package.json (npm ci); injected into the page, never fetched.
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
#: The rules axe runs: WCAG 2.0-2.2 A and AA, and axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
#: Impacts that fail the audit inside nbkit's part of the page (axe's "minor" is only reported).
FAILING_IMPACTS = ("critical", "serious", "moderate")

# Runs axe on the whole page and sorts each failing element into "ours" (inside ``ours``, a CSS
# selector of nbkit's part of the page) or "theirs" (the rest: JupyterLab's or Voila's own interface).
_AXE_RUN_JS = """async ([tags, ours]) => {
  const res = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  const out = [];
  for (const v of res.violations) {
    for (const n of v.nodes) {
      const sel = n.target[n.target.length - 1];
      let el = null;
      try { el = document.querySelector(Array.isArray(sel) ? sel[sel.length - 1] : sel); } catch (e) {}
      out.push({rule: v.id, impact: n.impact || v.impact, target: JSON.stringify(n.target),
                html: n.html.slice(0, 200), ours: !!(el && ours && el.closest(ours)), help: v.help});
    }
  }
  const rules = res.passes.length + res.violations.length + res.incomplete.length + res.inapplicable.length;
  return {rules, version: axe.version, violations: out};
}"""


@dataclass
class AxeResult:
    """One axe run: axe's version, how many rules it checked, and every failing element."""

    version: str
    rules: int
    violations: list[dict]

    def count(self, *, ours: bool, impacts=FAILING_IMPACTS) -> int:
        return sum(1 for v in self.violations if v["ours"] == ours and v["impact"] in impacts)

    def by_rule(self, *, ours: bool) -> dict[str, int]:
        counts: dict[str, int] = {}
        for v in self.violations:
            if v["ours"] == ours:
                key = f"{v['rule']} ({v['impact']})"
                counts[key] = counts.get(key, 0) + 1
        return dict(sorted(counts.items()))

    def failures(self) -> list[str]:
        """Our failing elements, one line each (rule, impact, element)."""
        return [
            f"{v['rule']} ({v['impact']}): {v['target']} {v['html']}"
            for v in self.violations
            if v["ours"] and v["impact"] in FAILING_IMPACTS
        ]


def axe_audit(page, ours: str) -> AxeResult:
    """Inject axe-core (from node_modules, no network) and audit the page against :data:`AXE_TAGS`;
    elements inside the CSS selector ``ours`` count as nbkit's."""
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    res = page.evaluate(_AXE_RUN_JS, [AXE_TAGS, ours])
    return AxeResult(res["version"], res["rules"], res["violations"])


# Every chart under ``root``: its accessible name and description (the aria-label vega-embed puts on the
# chart's graphics-document element, from the chart's ``description``), whether it is drawn as SVG, whether it has an actions menu, and its data table's summary, and whether
# that summary takes keyboard focus.
_CHARTS_JS = """(root) => [...document.querySelectorAll(root + ' .vega-embed')].map(embed => {
  // vega-embed puts the chart's role and name (its description) on its container, not on the svg
  const doc = embed.matches('[role=graphics-document]') ? embed : embed.querySelector('[role=graphics-document]');
  const box = embed.closest('.nbkit-chart');
  const summary = box ? box.querySelector('details.nbkit-chart-data > summary') : null;
  let focusable = false;
  if (summary) { summary.focus(); focusable = document.activeElement === summary; summary.blur(); }
  return {label: doc ? (doc.getAttribute('aria-label') || '') : '', role: doc ? doc.getAttribute('role') : null,
          svg: !!embed.querySelector('svg.marks'),
          actions: !!embed.querySelector('.vega-actions, details'), table: summary ? summary.textContent : null,
          rows: box ? box.querySelectorAll('details.nbkit-chart-data tbody tr').length : 0, focusable};
})"""


def chart_alternatives(page, root: str) -> list[dict]:
    """For each chart under ``root``: label, role, actions (a menu is shown), table (the data table's
    summary text or None), rows (of the table) and focusable (the summary takes keyboard focus)."""
    return page.evaluate(_CHARTS_JS, root)


AXE_RESULTS = ARTIFACTS / "axe"


def record_audit(page, view: str, name: str, ours: str) -> AxeResult:
    """:func:`axe_audit` the page, print what is not ours (reported, not failed) and write every failing
    element to test-artifacts/axe/<view>-<name>.json."""
    result = axe_audit(page, ours)
    AXE_RESULTS.mkdir(parents=True, exist_ok=True)
    record = {"view": view, "notebook": name, "axe": result.version, "rules": result.rules}
    record |= {"ours": result.by_rule(ours=True), "theirs": result.by_rule(ours=False)}
    record["violations"] = result.violations
    (AXE_RESULTS / f"{view}-{name}.json").write_text(json.dumps(record, indent=1), encoding="utf-8")
    theirs = result.by_rule(ours=False)
    if theirs:
        print(f"axe {view} {name}: not nbkit's (reported, not failed): {theirs}")
    return result


def assert_charts_accessible(page, root: str, notebook) -> None:
    """Every chart under ``root`` is named and described, has no actions menu and a focusable data table."""
    found = chart_alternatives(page, root)
    if uses_charts(notebook):
        assert found, f"{notebook.name} calls nbkit.charts but no chart is on the page"
    for chart in found:
        assert chart["role"] == "graphics-document" and len(chart["label"]) > 40 and chart["svg"], chart
        assert not chart["actions"], f"a chart in {notebook.name} shows vega-embed's actions menu"
        assert chart["table"] and chart["table"].startswith("Data table: "), chart
        assert chart["focusable"], chart
        assert chart["rows"] > 0 or chart["table"].endswith("(no data yet)"), chart


def axe_table(folder=AXE_RESULTS) -> str:
    """The audits in ``folder`` as a Markdown table (for docs/accessibility.md): per view and notebook,
    axe's rules run, and the failing elements (critical/serious/moderate; minor in brackets) that are
    nbkit's and that are JupyterLab's or Voila's own, by rule."""

    def cell(by_rule: dict[str, int]) -> str:
        return "; ".join(f"{rule}: {n}" for rule, n in by_rule.items()) or "none"

    def total(by_rule: dict[str, int]) -> str:
        failing = sum(n for rule, n in by_rule.items() if not rule.endswith("(minor)"))
        minor = sum(n for rule, n in by_rule.items() if rule.endswith("(minor)"))
        return f"{failing}" + (f" (+{minor} minor)" if minor else "")

    rows = [
        "| View | Notebook | Rules run | nbkit's elements failing | by rule | JupyterLab's / Voila's own | by rule |"
    ]
    rows.append("|---|---|---|---|---|---|---|")
    order = {"lab": 0, "app": 1, "handout-learner": 2, "handout-teacher": 3}
    records = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]
    for r in sorted(records, key=lambda r: (order.get(r["view"], 9), r["notebook"])):
        rows.append(
            f"| {r['view']} | {r['notebook']} | {r['rules']} | {total(r['ours'])} | {cell(r['ours'])} "
            f"| {total(r['theirs'])} | {cell(r['theirs'])} |"
        )
    return "\n".join(rows) + "\n"


#: Ceiling for a whole notebook to run in Voila, which sends the page as its cells run.
APP_RUN_TIMEOUT_MS = 4 * TIMEOUT_MS


def open_app(page, voila: Server, name: str, root: str = "#rendered_cells") -> None:
    """Open ``name`` in the app view and wait until Voila ran every cell and showed them (``root`` visible);
    the page's "load" event comes only after the last cell, so the wait is on the cells, not on it."""
    page.goto(f"{voila.url}/voila/render/{name}?token={voila.token}", wait_until="commit")
    page.locator(root).wait_for(state="visible", timeout=APP_RUN_TIMEOUT_MS)
