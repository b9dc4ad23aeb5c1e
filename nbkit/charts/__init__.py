"""Altair charts of the interview and of quiz progress.

Every function takes frames (from :func:`nbkit.load_interview` or :func:`nbkit.progress`) and
returns an altair chart without displaying it; show it by leaving it last in a cell after
``nbkit.setup()``, or save it with :func:`nbkit.save_chart`. Each chart has a title, plain-word
axis titles, tooltips, colour-blind-safe colours and a ``description`` for screen readers.
Importing this package imports no altair: each chart function gets it from
:func:`nbkit.jsonschema_import.import_altair` when called. :mod:`nbkit.charts.rendering` shows and saves charts
offline (``nbkit.setup``, ``nbkit.save_chart``).
"""

from __future__ import annotations

from .argument_charts import argument_map, question_claims, timeline
from .claim_charts import claim_certainty
from .class_chart import class_chart
from .progress_chart import progress_chart
from .text_charts import actor_heatmap, actor_network, answer_lengths, certainty_profile

__all__ = [
    "answer_lengths",
    "actor_heatmap",
    "certainty_profile",
    "argument_map",
    "claim_certainty",
    "question_claims",
    "timeline",
    "actor_network",
    "progress_chart",
    "class_chart",
]
