"""nbkit.setup(): which offline renderer is chosen where, and what an executed notebook then contains."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

import nbkit
from nbkit.charts.rendering import ENV_VAR, choose_renderer

alt = pytest.importorskip("altair")

CDN = re.compile(r"cdn\.jsdelivr\.net|unpkg\.com")


@pytest.fixture
def restore_renderer():
    name, options = alt.renderers.active, dict(alt.renderers.options)
    yield
    alt.renderers.enable(name, **options)


@pytest.mark.parametrize(
    "env,in_kernel,has_anywidget,expected",
    [
        ({}, False, True, "svg"),  # plain python / terminal
        ({}, True, True, "svg"),  # kernel of nbclient / nbconvert / nbval
        ({"JPY_SESSION_NAME": "notebooks/01.ipynb"}, True, True, "jupyter"),  # JupyterLab, Notebook 7
        ({"VOILA_REQUEST_URL": "http://localhost:8866/"}, True, True, "jupyter"),  # Voila
        ({"JPY_SESSION_NAME": "nb.ipynb"}, True, False, "svg"),  # no anywidget installed
        ({"JPY_SESSION_NAME": "nb.ipynb"}, False, True, "svg"),  # a script started from Jupyter's terminal
        ({ENV_VAR: "png"}, False, True, "png"),  # explicit override
        ({ENV_VAR: " SVG ", "JPY_SESSION_NAME": "nb.ipynb"}, True, True, "svg"),
        ({ENV_VAR: "jupyter"}, False, True, "jupyter"),
        ({ENV_VAR: ""}, False, True, "svg"),  # empty means unset
    ],
)
def test_auto_choice_per_environment(env, in_kernel, has_anywidget, expected):
    assert choose_renderer("auto", env=env, in_kernel=in_kernel, has_anywidget=has_anywidget) == expected


def test_explicit_renderer_wins_over_the_environment():
    assert choose_renderer("png", env={ENV_VAR: "svg"}, in_kernel=True, has_anywidget=True) == "png"


def test_unknown_names_say_what_to_use():
    with pytest.raises(ValueError, match="'mimetype'.*jupyter, svg, png"):
        choose_renderer("mimetype")
    with pytest.raises(ValueError, match=f"environment variable {ENV_VAR} is 'html'"):
        choose_renderer("auto", env={ENV_VAR: "html"}, in_kernel=False, has_anywidget=True)


def test_setup_enables_the_renderer(restore_renderer, monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    assert nbkit.setup() == "svg"  # pytest is not a kernel
    assert alt.renderers.active == "svg"
    assert nbkit.setup("jupyter") == "jupyter"
    assert alt.renderers.active == "jupyter" and alt.renderers.options == {"offline": True}
    assert nbkit.setup("png") == "png" and alt.renderers.active == "png"
    monkeypatch.setenv(ENV_VAR, "svg")
    assert nbkit.setup() == "svg"


def test_svg_renderer_output_has_no_script(restore_renderer):
    nbkit.setup("svg")
    bundle = alt.Chart(alt.Data(values=[{"a": 1}])).mark_point().encode(x="a:Q")._repr_mimebundle_()
    data = bundle[0] if isinstance(bundle, tuple) else bundle
    assert set(data) == {"image/svg+xml"} and data["image/svg+xml"].startswith("<svg")


def test_import_nbkit_does_not_import_altair():
    code = "import sys, nbkit; print(sorted(m for m in ('altair', 'vl_convert', 'anywidget') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# ---------------------------------------------------------------- executed notebooks (nbclient, nbconvert)

CHART_CELL = "from nbkit import charts\niv = nbkit.load_interview()\ncharts.answer_lengths(iv.paragraphs, iv.questions)"


def _execute(monkeypatch, **env):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    for key in (ENV_VAR, "JPY_SESSION_NAME"):
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)  # the kernel inherits this process's environment
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("import nbkit\nnbkit.setup()"), nbformat.v4.new_code_cell(CHART_CELL)]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbclient.NotebookClient(nb, timeout=120, kernel_name="python3").execute()
    nbformat.validate(nb)
    return nb


def _html(nb) -> str:
    from nbconvert import HTMLExporter

    return HTMLExporter().from_notebook_node(nb)[0]


def test_executed_notebook_gets_static_svg_and_html_export_needs_no_cdn(monkeypatch):
    nb = _execute(monkeypatch)
    first, chart = nb.cells[0].outputs, nb.cells[1].outputs
    assert first[0]["data"]["text/plain"] == "'svg'"
    assert [sorted(o["data"]) for o in chart] == [["image/svg+xml", "text/plain"]]
    assert "How long is each answer?" in chart[0]["data"]["image/svg+xml"]
    assert "widgets" not in nb.metadata
    html = _html(nb)
    assert "data:image/svg+xml;base64," in html
    assert not CDN.search(html)


def test_server_kernel_gets_the_offline_widget(monkeypatch):
    """What the 'jupyter' renderer produces, and why it is not the default for executed notebooks."""
    nb = _execute(monkeypatch, JPY_SESSION_NAME="sim.ipynb")
    assert nb.cells[0].outputs[0]["data"]["text/plain"] == "'jupyter'"
    chart = nb.cells[1].outputs
    assert [sorted(o["data"]) for o in chart] == [["application/vnd.jupyter.widget-view+json", "text/plain"]]
    state = nb.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    esm = "".join(str(m["state"].get("_esm", "")) for m in state.values())
    assert "vega" in esm and not CDN.search(esm)  # the widget carries Vega itself: live kernels draw offline
    assert CDN.search(_html(nb))  # but nbconvert's HTML would fetch the widget manager from a CDN


def test_setup_shows_quotes_in_full(restore_renderer):
    import pandas as pd

    with pd.option_context("display.max_colwidth", 50):
        nbkit.setup("svg")
        assert pd.get_option("display.max_colwidth") is None
        quote = nbkit.load_interview().claims.loc[2, "quote"]  # C03, the thesis: longer than 50 characters
        assert len(quote) > 50 and quote in nbkit.load_interview().claims[["quote"]].to_string()
