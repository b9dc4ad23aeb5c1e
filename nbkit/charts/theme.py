"""Shared look of nbkit charts: colour-blind-safe colours, fixed scales, tooltips, labels and input checks.

Colours are from the Okabe–Ito palette (distinguishable with the common colour-vision
deficiencies: tests/test_palette.py simulates them with colorspacious); quantities use the viridis
scheme. Every chart gets a title and a ``description`` (read by screen readers) through :func:`finish`.
``nbkit.setup()`` enables the altair theme "nbkit" (:data:`THEME_CONFIG`): dark text (at least 4.5:1
on the white background) and a dark outline round every filled mark, so a mark whose colour is light
(Okabe–Ito's orange, sky blue, yellow) still stands out at least 3:1 (WCAG 2.2 1.4.3 and 1.4.11).
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from ..errors import DataValidationError
from ..jsonschema_import import import_altair
from ..resources import read_csv_rows

OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"]
GREY = "#999999"
#: Lines that join marks (argument links): the lightest grey with 4.5:1 on white.
LINK_GREY = "#767676"
#: Opacity of the actor network's lines (Okabe–Ito blue): the least that keeps 3:1 on white.
LINK_OPACITY = 0.7
SEQUENTIAL = "viridis"

STANCE_COLOURS = {"transactional": "#E69F00", "strategic": "#0072B2", "neither": GREY}
MARKER_KIND_COLOURS = {"hedge": "#56B4E9", "booster": "#D55E00", "estimative": "#009E73"}


def voice_labels(speaker: str = "Lee") -> dict[str, str]:
    """How the charts name each ``voice`` of a claim, for an interview whose expert is ``speaker`` (a surname).

    The voice ``lee`` is the interviewee's own view, whoever the interviewee is (docs/coding-rules.md).
    """
    return {
        "lee": f"{speaker}’s own view",
        "prevailing_view": f"Prevailing view (as {speaker} reports it)",
        "reported": "Reported by others",
    }


VOICE_LABELS = voice_labels()
KIND_SHAPES = {
    "thesis": "diamond",
    "reason": "circle",
    "evidence": "square",
    "counterpoint": "cross",
    "implication": "triangle-up",
    "prediction": "triangle-right",
    "context": "triangle-down",
}
#: The page behind every chart.
BACKGROUND = "#ffffff"
#: Text (titles, axes, legends) and the outline of filled marks.
TEXT = "#1a1a1a"
MUTED_TEXT = "#4d4d4d"
OUTLINE = "#333333"
THEME = "nbkit"
_TEXT = {"labelColor": TEXT, "titleColor": TEXT}
#: The altair theme "nbkit": colours of text and outlines (Vega-Lite ``config``).
THEME_CONFIG = {
    "background": BACKGROUND,
    "title": {"color": TEXT, "subtitleColor": MUTED_TEXT},
    "axis": {**_TEXT, "domainColor": MUTED_TEXT, "tickColor": MUTED_TEXT},
    "legend": dict(_TEXT),
    "header": dict(_TEXT),
    "text": {"color": TEXT},
    "bar": {"stroke": OUTLINE, "strokeWidth": 0.75},
    "rect": {"stroke": OUTLINE, "strokeWidth": 0.5},
    "arc": {"stroke": OUTLINE, "strokeWidth": 0.75},
    "area": {"stroke": OUTLINE, "strokeWidth": 0.75},
    "point": {"stroke": OUTLINE, "strokeWidth": 0.75},
}
RELATION_DASHES = {"supports": [1, 0], "elaborates": [6, 3], "qualifies": [2, 2], "rebuts": [10, 3, 2, 3]}


def enable_theme() -> str:
    """Register and enable the altair theme "nbkit" (:data:`THEME_CONFIG`); returns its name."""
    alt = import_altair()

    if THEME not in alt.theme.names():
        alt.theme.register(THEME, enable=False)(lambda: {"config": THEME_CONFIG})
    alt.theme.enable(THEME)
    return THEME


def fixed_scale(mapping: dict):
    """An altair Scale from ``mapping``'s keys (domain) to its values (range: colours, shapes, dash patterns),
    so each value looks the same in every chart."""
    alt = import_altair()

    return alt.Scale(domain=list(mapping), range=list(mapping.values()))


@lru_cache(maxsize=1)
def field_tooltips() -> dict[str, dict[str, str]]:
    """Field name -> the arguments of its ``alt.Tooltip`` (title, and format where given), from
    ``data/chart_fields.csv`` (one row a field, columns named as those arguments)."""
    return {
        row["field"]: {k: v for k, v in row.items() if k != "field" and v} for row in read_csv_rows("chart_fields.csv")
    }


def tooltips(*fields: str, titles: dict[str, str] | None = None) -> list:
    """Tooltip channels for ``fields`` ("n_words:Q"), in order, titled and formatted as :func:`field_tooltips` says.

    ``titles`` (keyed by field name) names a field this chart shows otherwise, or one not in that file.
    """
    alt = import_altair()

    known, titles = field_tooltips(), titles or {}
    channels = []
    for field in fields:
        name = field.split(":")[0]
        spec = dict(known.get(name, {}))
        if name in titles:
            spec["title"] = titles[name]
        channels.append(alt.Tooltip(field, **spec))
    return channels


def require(frame, columns, name: str) -> pd.DataFrame:
    """Check ``frame`` is a DataFrame with ``columns``; raise DataValidationError saying what to pass."""
    if not isinstance(frame, pd.DataFrame):
        raise DataValidationError(
            name, None, None, f"expected a pandas DataFrame (for example iv.{name}), got {type(frame).__name__}."
        )
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise DataValidationError(
            name,
            None,
            missing[0],
            f"the chart needs the column(s) {', '.join(missing)}; pass the frame iv.{name} "
            f"from nbkit.load_interview() (found columns: {', '.join(map(str, frame.columns))}).",
        )
    return frame


def question_labels(question_ids, questions: pd.DataFrame | None = None) -> dict[int, str]:
    """Axis labels per question id: "Q2 Examine" when ``questions`` gives the instruction verb, else "Q2"."""
    labels = {int(q): f"Q{int(q)}" for q in question_ids}
    if questions is not None:
        require(questions, ["question_id", "instruction"], "questions")
        for qid, verb in zip(questions["question_id"], questions["instruction"]):
            if int(qid) in labels and verb and verb != "?":
                labels[int(qid)] = f"Q{int(qid)} {verb}"
    return dict(sorted(labels.items()))


def finish(chart, title: str, description: str, subtitle: str | None = None):
    """Add the title (and subtitle) and the screen-reader description to a chart."""
    alt = import_altair()

    heading = alt.Title(title, subtitle=subtitle, anchor="start") if subtitle else alt.Title(title, anchor="start")
    return chart.properties(title=heading, description=description)
