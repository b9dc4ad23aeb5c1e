"""Quizzes: banks of items (YAML data), one class per item type, a pure-Python checking engine, a thin widget view.

In a notebook::

    import nbkit
    nbkit.quiz.show("00-start-here", "series-number")

shows one item: a live widget in Jupyter, and a readable question (no answers) on pages with
no kernel. Every submission goes to the progress store (see :mod:`nbkit.progress`).
Teachers: :func:`answer_key`, ``python -m nbkit answer-key``, ``NBKIT_INSTRUCTOR=1``, and
:func:`load_class_results` / :func:`class_summary` / :func:`class_chart`; pass the class's results to
``show(..., class_results=frame)`` and polls show the class's votes.
"""

from __future__ import annotations

from .answer_key import answer_key, answer_strings
from .bank import Bank, Item, get_item, list_banks, load_bank, validate_bank
from .class_results import load as load_class_results
from .class_results import summary as class_summary
from .engine import check
from .fallback import fallback_html, fallback_text
from .generate import generate_bank, generate_items

__all__ = [
    "show",
    "view",
    "show_item",
    "get_item",
    "load_bank",
    "list_banks",
    "validate_bank",
    "Bank",
    "Item",
    "check",
    "fallback_text",
    "fallback_html",
    "answer_key",
    "answer_strings",
    "generate_items",
    "generate_bank",
    "load_class_results",
    "class_summary",
    "class_chart",
]


def class_chart(summary_frame):
    """Bar chart of a class's % correct at the first attempt per item: :func:`nbkit.charts.class_chart.class_chart`."""
    from ..charts.class_chart import class_chart as chart

    return chart(summary_frame)


def _class_frame(class_results):
    """A class's progress frame: given as a frame, or as exported files to load; None stays None."""
    if class_results is None or hasattr(class_results, "columns"):
        return class_results
    return load_class_results(class_results)


def view(notebook: str, item_id: str, store_path=None, instructor: bool | None = None, class_results=None):
    """The display object of one bundled item (a :class:`~nbkit.quiz.widgets.QuizView`; ``.widget`` holds the widgets).

    ``class_results``: a class's results (a frame from :func:`load_class_results`, or the exported
    files), so a poll shows the class's votes.
    """
    from .widgets import QuizView

    return QuizView(
        get_item(notebook, item_id),
        store_path=store_path,
        instructor=instructor,
        class_results=_class_frame(class_results),
    )


def show(notebook: str, item_id: str, class_results=None) -> None:
    """Display one item of a notebook's bank (widget, plus a text/HTML version for pages with no kernel)."""
    from IPython.display import display

    display(view(notebook, item_id, class_results=class_results))


def show_item(bank_path, item_id: str, interview=None, class_results=None) -> None:
    """Display one item of a bank file (a YAML path), e.g. a course written by ``nbkit new-course``.

    ``interview``: the interview the bank's evidence quotes come from (default: the bundled one).
    """
    from IPython.display import display

    from .widgets import QuizView

    item = load_bank(str(bank_path), interview=interview).item(item_id)
    display(QuizView(item, class_results=_class_frame(class_results)))
