"""The text alternative shown with every chart: a ``<details>`` "Data table" of what the chart draws.

The table is read from the chart's own Vega-Lite spec, so every altair chart gets one without its
function doing anything: the layer (unit) whose tooltip names the most fields is the chart's main
layer, and the table has one column per tooltip field (headed by the tooltip's title) and one row per
record of that layer's data. Fields a transform computes (``count()``, ``transform_calculate``) are
left out: they are not in the data.
"""

from __future__ import annotations

import html
from collections.abc import Iterator

import pandas as pd

__all__ = ["chart_title", "data_table", "details_html", "figure_html"]

_COMPOSITES = ("layer", "hconcat", "vconcat", "concat")


def _units(spec: dict, data=None) -> Iterator[tuple[dict, object]]:
    """Every unit spec (one mark) under ``spec`` with the data it inherits."""
    data = spec.get("data", data)
    for key in _COMPOSITES:
        for sub in spec.get(key, []):
            yield from _units(sub, data)
    if "spec" in spec:  # facet and repeat
        yield from _units(spec["spec"], data)
    if "mark" in spec:
        yield spec, data


def _records(spec: dict, data) -> list[dict]:
    if not isinstance(data, dict):
        return []
    if "values" in data:
        return list(data["values"])
    return list(spec.get("datasets", {}).get(data.get("name", ""), []))


def chart_title(spec: dict) -> str:
    """The chart's title text ("Chart" when it has none)."""
    title = spec.get("title")
    if isinstance(title, dict):
        title = title.get("text")
    if isinstance(title, list):
        title = " ".join(map(str, title))
    return str(title) if title else "Chart"


def data_table(spec: dict) -> pd.DataFrame | None:
    """The records the chart's main layer draws, columns named by their tooltip titles; None if no layer
    has a tooltip naming a field of its data (a chart with no data: every tooltip field, no rows)."""
    best: tuple[int, list[tuple[str, str]], list[dict]] | None = None
    for unit, data in _units(spec):
        tips = unit.get("encoding", {}).get("tooltip")
        if not isinstance(tips, list):
            continue
        records = _records(spec, data)
        present = set().union(*(r.keys() for r in records)) if records else None
        fields = [
            (t["field"], t.get("title", t["field"]))
            for t in tips
            if t.get("field") and (present is None or t["field"] in present)  # no records: every field
        ]
        if fields and (best is None or len(fields) > best[0]):
            best = (len(fields), fields, records)
    if best is None:
        return None
    _, fields, records = best
    frame = pd.DataFrame.from_records(records, columns=[f for f, _ in fields] if not records else None)
    return frame[[f for f, _ in fields]].set_axis([t for _, t in fields], axis=1)


def details_html(spec: dict) -> str:
    """``<details><summary>Data table: <title></summary><table>…</table></details>`` for the chart, or ""."""
    table = data_table(spec)
    if table is None:
        return ""
    title = html.escape(chart_title(spec))
    if table.empty:
        return f'<details class="nbkit-chart-data"><summary>Data table: {title} (no data yet)</summary></details>'
    body = table.to_html(index=False, na_rep="", border=0, classes="nbkit-data-table")
    body = body.replace(">\n  <thead>", f">\n  <caption>{title}</caption>\n  <thead>", 1)
    return f'<details class="nbkit-chart-data"><summary>Data table: {title}</summary>\n{body}\n</details>'


def figure_html(spec: dict, drawing: str) -> str:
    """A static chart (``drawing``: inline SVG or an ``<img>``) with its data table below it."""
    return f'<div class="nbkit-chart" role="group" aria-label="{html.escape(chart_title(spec), quote=True)}">\n{drawing}\n{details_html(spec)}\n</div>'
