"""How notebooks show a pandas DataFrame after ``nbkit.setup()``: a table with a header for every column.

pandas' own HTML leaves the top-left header cell empty (the index has no name) and, for a named index
or named columns, adds a second header row of empty cells: a screen reader then announces columns with
no name (axe rule ``empty-table-header``). Here an unnamed integer index (row numbers, also after a
filter) is hidden, any other index becomes ordinary first columns, and the columns' own name
(``unstack``) becomes the table's caption; a caption the notebook gives (``frame.attrs["caption"]``)
comes first. Rows and columns are cut as pandas' display options say, as in pandas' own view.
Every table (and every Styler a notebook shows) sits in a scrolling box that takes keyboard focus, so a
keyboard user can scroll a wide table (axe rule ``scrollable-region-focusable``).
"""

from __future__ import annotations

import html

import pandas as pd

__all__ = ["display_frame", "frame_html", "styler_html", "scroll_box", "register_frame_html"]


def display_frame(frame: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """The frame as shown (every column named, no index) and its caption ("" for none)."""
    captions = [str(frame.attrs["caption"])] if frame.attrs.get("caption") else []
    names = [n for n in frame.columns.names if n is not None]
    if names:
        captions.append("Columns: " + ", ".join(map(str, names)))
    shown = frame.copy(deep=False)
    if isinstance(shown.columns, pd.MultiIndex):
        shown.columns = [" ".join(str(part) for part in col if str(part)) for col in shown.columns]
    shown.columns = pd.Index([str(c) for c in shown.columns])
    unnamed = all(n is None for n in frame.index.names)
    if unnamed and frame.index.nlevels == 1 and pd.api.types.is_integer_dtype(frame.index.dtype):
        shown = shown.reset_index(drop=True)
    else:
        levels = [
            n if n is not None else ("index" if frame.index.nlevels == 1 else f"level {i}")
            for i, n in enumerate(frame.index.names)
        ]
        shown.index = shown.index.set_names(levels)
        shown = shown.reset_index()
    return shown, " · ".join(captions)


def frame_html(frame: pd.DataFrame) -> str:
    """``frame`` as an HTML table with a header for every column (and a caption where it has one)."""
    shown, caption = display_frame(frame)
    max_rows = pd.get_option("display.max_rows")
    if max_rows and len(shown) > max_rows:  # as pandas' own view: a long frame shows min_rows rows
        max_rows = pd.get_option("display.min_rows") or max_rows
    body = shown.to_html(
        index=False,
        max_rows=max_rows,
        max_cols=pd.get_option("display.max_columns"),
        show_dimensions=pd.get_option("display.show_dimensions"),
        classes="nbkit-frame",
    )
    if caption:
        body = body.replace(">\n  <thead>", f">\n  <caption>{html.escape(caption)}</caption>\n  <thead>", 1)
    return scroll_box(body)


def scroll_box(table: str) -> str:
    """``table`` (HTML) in a box that scrolls sideways when the table is wide and takes keyboard focus
    (no role or name of its own: many tables on a page would be landmarks of the same name)."""
    return f'<div class="nbkit-table" tabindex="0" style="overflow-x: auto; max-width: 100%;">\n{table}\n</div>'


def styler_html(styler) -> str:
    """A pandas Styler (``frame.style.hide(axis="index")``) as its own HTML, in :func:`scroll_box`."""
    return scroll_box(styler.to_html())


def register_frame_html() -> bool:
    """Make IPython show DataFrames with :func:`frame_html` and Stylers with :func:`styler_html`;
    False outside IPython (nothing to do)."""
    import sys

    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is None:
        return False
    from pandas.io.formats.style import Styler

    formatter = shell.display_formatter.formatters["text/html"]
    formatter.for_type(pd.DataFrame, frame_html)
    formatter.for_type(Styler, styler_html)
    return True
