"""A teacher's live view of the class's votes: chart and table, refreshed on a timer and by a button.

``source`` is a folder of hand-in files (``nbkit progress export``) or a function that returns the class's
progress frame (on the class hub, what ``nbkit class collect`` reads). Used by the dashboard notebook that
``nbkit class dashboard`` writes.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from .votes import vote_table

__all__ = ["live_votes", "read_votes"]

NOTEBOOK = "08-seminar-and-review"


def read_votes(source, notebook: str, before: str, after: str | None):
    """The vote table from ``source`` now (see the module docstring), and the names of files left out."""
    from ..progress.frame import records_to_frame
    from .class_results import load_folder

    skipped: list[tuple[str, str]] = []
    if callable(source):
        results = source()
    elif not Path(source).is_dir():
        results = records_to_frame([])
    else:
        results, skipped = load_folder(Path(source))
    return vote_table(results, notebook, before, after), [name for name, _ in skipped]


def live_votes(
    source: str | Path | Callable,
    before: str = "poll-before",
    after: str | None = "poll-after",
    notebook: str = NOTEBOOK,
    every: float | None = 15,
):
    """A widget with the class's votes (chart, then table) that refreshes every ``every`` seconds (None: only
    with its Refresh button). Returns an ``ipywidgets.VBox``; the status line says when it last read and how many
    learners voted."""
    import ipywidgets as w
    from IPython.display import display

    from ..charts.vote_chart import vote_chart

    out = w.Output()
    status = w.HTML()
    button = w.Button(description="Refresh", tooltip="Read the class's answers again now")

    def refresh(_=None) -> None:
        table, skipped = read_votes(source, notebook, before, after)
        counts = ", ".join(f"{n} voted {poll}" for poll, n in table.attrs["learners"].items())
        left_out = f"; left out: {', '.join(skipped)}" if skipped else ""
        if not callable(source) and not Path(source).is_dir():
            left_out += f"; the folder {source} does not exist yet"
        status.value = f"<span role='status'>Read at {datetime.now():%H:%M:%S}: {counts}{left_out}.</span>"
        with out:
            out.clear_output(wait=True)
            display(vote_chart(table))
            display(table.style.hide(axis="index"))

    button.on_click(refresh)
    refresh()
    if every:

        async def tick() -> None:
            while True:
                await asyncio.sleep(every)
                refresh()

        with contextlib.suppress(RuntimeError):  # no running loop (a plain Python session): the button works
            asyncio.get_running_loop().create_task(tick())
    return w.VBox([w.HBox([button, status]), out])
