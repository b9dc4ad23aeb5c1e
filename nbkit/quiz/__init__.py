"""Quizzes: banks of items (YAML data), a pure-Python checking engine, a thin widget view.

In a notebook::

    import nbkit
    nbkit.quiz.show("00-start-here", "series-number")

shows one item: a live widget in Jupyter, and a readable question (no answers) on pages with
no kernel. Every submission goes to the progress store (see :mod:`nbkit.progress`).
Teachers: :func:`answer_key`, ``python -m nbkit answer-key``, ``NBKIT_INSTRUCTOR=1``, and
:func:`load_class_results` / :func:`class_summary` / :func:`class_chart`.
"""

from __future__ import annotations

from .answer_key import answer_key, answer_strings
from .bank import Bank, Item, get_item, list_banks, load_bank, validate_bank
from .class_results import chart as class_chart
from .class_results import load as load_class_results
from .class_results import set_class, summary as class_summary
from .engine import check
from .fallback import fallback_html, fallback_text
from .generate import generate_bank, generate_items

__all__ = ["show", "view", "show_item", "get_item", "load_bank", "list_banks", "validate_bank", "Bank", "Item", "check",
           "fallback_text", "fallback_html", "answer_key", "answer_strings", "generate_items", "generate_bank",
           "load_class_results", "set_class", "class_summary", "class_chart"]


def view(notebook: str, item_id: str, store_path=None, instructor: bool | None = None):
    """The display object of one bundled item (a :class:`~nbkit.quiz.widgets.QuizView`; ``.widget`` holds the widgets)."""
    from .widgets import QuizView

    return QuizView(get_item(notebook, item_id), store_path=store_path, instructor=instructor)


def show(notebook: str, item_id: str) -> None:
    """Display one item of a notebook's bank (widget, plus a text/HTML version for pages with no kernel)."""
    from IPython.display import display

    display(view(notebook, item_id))


def show_item(bank_path, item_id: str, interview=None) -> None:
    """Display one item of a bank file (a YAML path), e.g. a course written by ``nbkit new-course``.

    ``interview``: the interview the bank's evidence quotes come from (default: the bundled one).
    """
    from IPython.display import display

    from .widgets import QuizView

    display(QuizView(load_bank(str(bank_path), interview=interview).item(item_id)))
