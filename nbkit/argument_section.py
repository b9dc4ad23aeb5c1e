"""The argument section of a starter course's question notebook, run in the notebook.

It shows the claims the teacher has coded in the course folder's ``annotations/claims.csv`` (docs/another-interview.md):
their table, the argument map, certainty by claim and the claim items of one question; before any claim of the
question is coded, one line that says what to do.
"""

from __future__ import annotations

__all__ = [
    "NOT_CODED",
    "speaker",
    "question_claims",
    "show_argument",
    "argument_chart",
    "certainty_chart",
    "show_claim_items",
]

NOT_CODED = (
    "No claim of this answer is coded yet. Your teacher codes them in annotations/claims.csv "
    "(nbkit new-course --claims writes the template; docs/another-interview.md in nbkit says how); "
    "then run this notebook again."
)


def question_claims(interview, question: int):
    """The coded claims of ``question`` (an empty frame before any is coded)."""
    import pandas as pd

    if not interview.annotations.coded_claims:  # interview.claims refuses a text with no coded course folder
        return pd.DataFrame()
    claims = interview.claims
    return claims[claims["question_id"] == question]


def show_argument(interview, question: int) -> None:
    """Display the coded claims of ``question`` (or print :data:`NOT_CODED`)."""
    from IPython.display import display

    mine = question_claims(interview, question)
    if mine.empty:
        print(NOT_CODED)
        return
    display(mine[["claim_id", "paragraph_id", "kind", "voice", "stance", "quote"]])


def speaker(interview) -> str:
    """The interviewee's surname, as the charts name their own view ("Kowalski’s own view"); "the interviewee"
    when the card has no name."""
    name = interview.meta["interviewee"].iloc[0]
    return str(name).split()[-1] if isinstance(name, str) and name.strip() else "the interviewee"


def argument_chart(interview, question: int):
    """The argument map of ``question``'s coded claims (:func:`nbkit.charts.argument_map`); None before any is coded."""
    from . import charts

    if question_claims(interview, question).empty:
        return None
    return charts.argument_map(
        interview.claims, interview.argument_links, questions=[question], speaker=speaker(interview)
    )


def certainty_chart(interview, question: int):
    """Certainty by claim for ``question`` (:func:`nbkit.charts.claim_certainty`); None before any claim is coded."""
    from . import charts

    if question_claims(interview, question).empty:
        return None
    return charts.claim_certainty(interview.claims, interview.sentence_certainty, interview.sentences, [question])


def show_claim_items(interview, question: int, seed: int = 0) -> None:
    """Display the generated claim items (:func:`nbkit.quiz.claim_items.claim_items`) of ``question`` (a line says
    so when there are none)."""
    from IPython.display import display

    from .quiz.bank import Item, validate_bank
    from .quiz.claim_items import claim_items
    from .quiz.widgets import QuizView

    para_q = dict(zip(interview.paragraphs["paragraph_id"], interview.paragraphs["question_id"]))
    items = [it for it in claim_items(interview, seed) if para_q.get(it["evidence"]["paragraph_id"]) == question]
    if not items:
        print("No claim items for this answer yet: they come from the coded claims (see the cell above).")
        return
    notebook = f"{question:02d}-claims"
    validate_bank({"notebook": notebook, "title": notebook, "items": items}, "<claim items>", interview=interview)
    for data in items:
        display(QuizView(Item(notebook, data)))
