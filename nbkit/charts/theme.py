"""Shared look of nbkit charts: colour-blind-safe colours, labels and input checks.

Colours are from the Okabe–Ito palette (distinguishable with the common colour-vision
deficiencies); quantities use the viridis scheme. Every chart gets a title and a
``description`` (read by screen readers) through :func:`finish`.
"""

from __future__ import annotations

import pandas as pd

from ..errors import DataValidationError
from ..jsonschema_import import import_altair

OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"]
GREY = "#999999"
SEQUENTIAL = "viridis"

STANCE_COLOURS = {"transactional": "#E69F00", "strategic": "#0072B2", "neither": GREY}
MARKER_KIND_COLOURS = {"hedge": "#56B4E9", "booster": "#D55E00"}
VOICE_LABELS = {
    "lee": "Lee’s own view",
    "prevailing_view": "Prevailing view (she disputes)",
    "reported": "Reported by others",
}
KIND_SHAPES = {
    "thesis": "diamond",
    "reason": "circle",
    "evidence": "square",
    "counterpoint": "cross",
    "implication": "triangle-up",
    "prediction": "triangle-right",
    "context": "triangle-down",
}
RELATION_DASHES = {"supports": [1, 0], "elaborates": [6, 3], "qualifies": [2, 2], "rebuts": [10, 3, 2, 3]}


def colour_scale(colours: dict[str, str]):
    """An altair Scale with a fixed domain and range, so colours mean the same in every chart."""
    alt = import_altair()

    return alt.Scale(domain=list(colours), range=list(colours.values()))


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
