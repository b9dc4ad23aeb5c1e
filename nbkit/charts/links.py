"""Links between placed nodes (the argument map's claims, the actor network's actors), drawn as rules."""

from __future__ import annotations

import pandas as pd

from ..jsonschema_import import import_altair


def link_ends(links: pd.DataFrame, positions: pd.DataFrame, start: str, end: str) -> pd.DataFrame:
    """``links`` with x, y (where its ``start`` node is) and x2, y2 (where its ``end`` node is).

    ``positions``: x and y indexed by node name.
    """
    return links.assign(
        x=links[start].map(positions["x"]),
        y=links[start].map(positions["y"]),
        x2=links[end].map(positions["x"]),
        y2=links[end].map(positions["y"]),
    )


def link_rules(links: pd.DataFrame, x, y, mark: dict, **channels):
    """A chart of one rule per row of :func:`link_ends` ``links``, on the nodes' ``x`` and ``y`` encodings.

    ``mark``: the rule's properties (colour, width); ``channels``: more encodings (stroke, tooltip).
    """
    alt = import_altair()

    return alt.Chart(links).mark_rule(**mark).encode(x=x, y=y, x2="x2:Q", y2="y2:Q", **channels)
