"""The argument links of an interview as a table a reader can follow: each link with both claims' summaries."""

from __future__ import annotations

import pandas as pd

__all__ = ["linked_claims"]

COLUMNS = ["from_claim", "from_summary", "relation", "to_claim", "to_summary"]


def linked_claims(iv, relation: str | None = None, question_id: int | None = None) -> pd.DataFrame:
    """The links of ``iv.argument_links`` (only ``relation`` if given) between claims of question ``question_id``
    (all questions if None), each with the summary of the claim it starts from and of the claim it points to."""
    claims, links = iv.claims, iv.argument_links
    if question_id is not None:
        claims = claims[claims["question_id"] == question_id]
    if relation is not None:
        links = links[links["relation"] == relation]
    summary = claims.set_index("claim_id")["summary"]
    links = links[links["from_claim"].isin(summary.index) & links["to_claim"].isin(summary.index)]
    table = links.assign(from_summary=links["from_claim"].map(summary), to_summary=links["to_claim"].map(summary))
    return table[COLUMNS].reset_index(drop=True)
