"""Show and save charts with no internet connection.

Altair's default renderer loads Vega from a CDN ("Error loading script" offline), and its
"mimetype" renderer emits Vega-Lite 6, which JupyterLab 4 cannot draw and which makes
nbconvert and Voila fail with a notebook validation error. nbkit therefore uses:

- ``"jupyter"``: altair's anywidget-based JupyterChart with the Vega bundle read from
  vl-convert (``offline=True``): interactive, needs a live Jupyter front end (Lab, Notebook 7, Voila);
- ``"svg"`` (or ``"png"``): a static image drawn by vl-convert in the kernel; works everywhere,
  including notebooks executed by nbclient/nbconvert/nbval for handouts.

``setup`` registers nbkit's versions of altair's "jupyter" and "svg" renderers (same names, same
options): the chart comes with its "Data table" (:mod:`nbkit.charts.data_table`), in the widget as a
``<details>`` below the chart, for a static SVG in the output's metadata (``nbkit/data_table``, which the
handout template shows under the drawing); the widget has no vega-embed actions menu ("View Source",
"Open in Vega Editor": an unnamed icon, a link to the internet, and nothing a learner needs) and
draws SVG, not canvas (the SVG carries the description as its name, and its marks are labelled).
Tables: ``setup`` shows every DataFrame with a header for every column (:mod:`nbkit.charts.frame_html`).

``save_chart`` writes a chart to SVG, PNG, PDF or self-contained HTML through vl-convert,
never fetching anything from the network.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

from ..config import settings, variable
from ..jsonschema_import import import_altair
from .data_table import details_html
from .theme import enable_theme

__all__ = ["setup", "choose_renderer", "save_chart", "chart_to_svg", "RENDERERS", "ENV_VAR", "TABLE_METADATA"]

#: Renderers nbkit can enable; each works with no network access.
RENDERERS = ("jupyter", "svg", "png")
#: Environment variable that overrides ``setup("auto")``, e.g. ``NBKIT_RENDERER=svg`` for handouts.
ENV_VAR = variable("renderer")
#: Key of a static chart's output metadata holding its data table (HTML), shown by the handout template.
TABLE_METADATA = "nbkit/data_table"
#: vega-embed options of the interactive chart: no actions menu; drawn as SVG, whose root carries the
#: chart's description as its accessible name and whose marks are labelled (a canvas has neither).
EMBED_OPTIONS = {"actions": False, "renderer": "svg"}

# Set in a kernel's environment by the Jupyter server (JupyterLab, Notebook 7) or by Voila;
# absent when nbclient, nbconvert --execute, nbval or papermill start the kernel.
_SERVER_ENV = ("JPY_SESSION_NAME", "VOILA_KERNEL_ID", "VOILA_REQUEST_URL", "VOILA_PREHEAT", "VOILA_BASE_URL")


def _in_kernel() -> bool:
    """True inside a Jupyter (ipykernel) kernel; never imports IPython itself."""
    ipython = sys.modules.get("IPython")
    if ipython is None:
        return False
    shell = ipython.get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None


def _has_anywidget() -> bool:
    from importlib.util import find_spec

    return find_spec("anywidget") is not None


def _check_name(name: str, where: str) -> str:
    clean = name.strip().lower()
    if clean not in RENDERERS:
        raise ValueError(
            f"{where} is {name!r}, which is not a renderer nbkit can use offline. "
            f"Choose one of {', '.join(RENDERERS)} (or 'auto' to let nbkit pick)."
        )
    return clean


def choose_renderer(
    renderer: str = "auto",
    *,
    env: Mapping[str, str] | None = None,
    in_kernel: bool | None = None,
    has_anywidget: bool | None = None,
) -> str:
    """The renderer ``setup`` would enable, without enabling it.

    ``"auto"`` resolves in this order: the ``NBKIT_RENDERER`` environment variable if set;
    ``"jupyter"`` in a kernel started by a Jupyter server or Voila when anywidget is installed;
    ``"svg"`` otherwise (plain Python, a terminal, or a notebook executed by nbclient/nbconvert,
    whose HTML export would otherwise need widget scripts from a CDN).
    The keyword arguments exist for tests; by default they are read from this process.

    >>> choose_renderer("auto", env={"NBKIT_RENDERER": " PNG "})
    'png'
    """
    env = os.environ if env is None else env
    if renderer.strip().lower() != "auto":
        return _check_name(renderer, "renderer")
    chosen = settings(env).renderer
    if chosen:
        return _check_name(chosen, f"The environment variable {ENV_VAR}")
    in_kernel = _in_kernel() if in_kernel is None else in_kernel
    has_anywidget = _has_anywidget() if has_anywidget is None else has_anywidget
    served = any(env.get(k) for k in _SERVER_ENV)
    if in_kernel and served and has_anywidget:
        return "jupyter"
    return "svg"


def chart_widget(spec: dict, **metadata):
    """The offline JupyterChart of ``spec`` without the actions menu, in a VBox (class "nbkit-chart")
    with the chart's data table below it (the chart alone when it has no table)."""
    import ipywidgets as widgets
    from altair import Chart, JupyterChart

    JupyterChart.enable_offline(offline=metadata.get("offline", False))
    embed = {**EMBED_OPTIONS, **(metadata.get("embed_options") or {})}
    chart = JupyterChart(chart=Chart.from_dict(spec), embed_options=embed)
    table = details_html(spec)
    if not table:
        return chart
    box = widgets.VBox([chart, widgets.HTML(table)])
    box.add_class("nbkit-chart")
    return box


def jupyter_with_table(spec: dict, **metadata):
    """altair's "jupyter" renderer, drawing :func:`chart_widget`."""
    return chart_widget(spec, **metadata)._repr_mimebundle_()


def svg_with_table(spec: dict, **metadata):
    """altair's "svg" renderer, with the chart's data table in the output's metadata (TABLE_METADATA)."""
    from altair.vegalite.v6.display import svg_renderer

    bundle = svg_renderer(spec, **metadata)
    meta: dict = {}
    data = bundle
    if isinstance(bundle, tuple):
        data, meta = bundle
    table = details_html(spec)
    return (data, {**meta, TABLE_METADATA: table}) if table else bundle


def register_renderers() -> None:
    """Put nbkit's "jupyter" and "svg" renderers in altair's registry in place of altair's own, and
    enable nbkit's theme (text and outline colours: :data:`nbkit.charts.theme.THEME_CONFIG`)."""
    alt = import_altair()

    alt.renderers.register("jupyter", jupyter_with_table)
    alt.renderers.register("svg", svg_with_table)
    enable_theme()


def setup(renderer: str = "auto") -> str:
    """Set a notebook up for the course; returns the chart renderer's name.

    Charts: altair draws without internet access. ``renderer``: ``"auto"`` (see
    :func:`choose_renderer`), ``"jupyter"`` (interactive, offline JupyterChart widget), ``"svg"``
    or ``"png"`` (static images drawn in the kernel).
    Tables: pandas shows text columns in full (``display.max_colwidth``), so quotes from the
    interview are never cut to 50 characters with "...", and every column has a header (an unnamed
    row index is hidden, a named one shown as a column: :func:`nbkit.charts.frame_html.frame_html`).
    Call it once at the top of a notebook: ``nbkit.setup()``.
    """
    import pandas as pd

    from .frame_html import register_frame_html

    pd.set_option("display.max_colwidth", None)
    register_frame_html()
    name = choose_renderer(renderer)
    alt = import_altair()
    register_renderers()

    if name == "jupyter":
        if not _has_anywidget():
            raise ImportError(
                "The 'jupyter' renderer needs the anywidget package: "
                "run `pip install anywidget`, or call nbkit.setup('svg') for static charts."
            )
        alt.renderers.enable("jupyter", offline=True)
    elif name == "png":
        alt.renderers.enable("png", scale_factor=2)
    else:
        alt.renderers.enable("svg")
    return name


def _vl_version() -> str:
    from altair.utils._importers import vl_version_for_vl_convert

    return vl_version_for_vl_convert()


def chart_to_svg(chart) -> str:
    """The chart drawn as an SVG string by vl-convert; external data URLs are refused."""
    import vl_convert as vlc

    return vlc.vegalite_to_svg(chart.to_dict(), vl_version=_vl_version(), allowed_base_urls=[])


def save_chart(chart, path, *, scale: float = 2.0) -> Path:
    """Write ``chart`` to ``path`` for a printable handout; the format follows the suffix.

    ``.svg`` (vector), ``.png`` (``scale`` times the chart's pixel size), ``.pdf``, or
    ``.html`` (a self-contained page with Vega bundled in, interactive and offline).
    Nothing is fetched from the network. Returns the path written.
    """
    import vl_convert as vlc

    path = Path(path)
    suffix = path.suffix.lower()
    spec, version = chart.to_dict(), _vl_version()
    if suffix == ".svg":
        path.write_text(vlc.vegalite_to_svg(spec, vl_version=version, allowed_base_urls=[]), encoding="utf-8")
    elif suffix == ".png":
        path.write_bytes(vlc.vegalite_to_png(spec, vl_version=version, scale=scale, allowed_base_urls=[]))
    elif suffix == ".pdf":
        path.write_bytes(vlc.vegalite_to_pdf(spec, vl_version=version, allowed_base_urls=[]))
    elif suffix == ".html":
        path.write_text(vlc.vegalite_to_html(spec, vl_version=version, bundle=True), encoding="utf-8")
    else:
        raise ValueError(f"Cannot save a chart as {path.name!r}: end the file name with .svg, .png, .pdf or .html.")
    return path
