"""``nbkit nav``: write (or check) the navigation links and the stated time of every course notebook.

Run ``nbkit nav`` after adding, removing or renaming a notebook, or after changing its content;
``nbkit nav --check`` exits 1 when any notebook's links or time are stale (tests/test_notebooks.py
runs the check). The navigation is the last cell of each notebook, a markdown cell that starts with
:data:`MARKER`; the command replaces it, or appends it when missing. The time is the ``**Time:**``
line of the first cell, written from the seat-time model (:mod:`nbkit.seat_time`, docs/seat-time.md).
Notebooks are read and written with nbformat, and only a notebook that changes is written.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import OK, PROBLEM, UsageError, add_course_argument, say

__all__ = [
    "HELP",
    "MARKER",
    "course_notebooks",
    "notebook_title",
    "navigation_cell_source",
    "time_cell_source",
    "sync_notebooks",
    "sync_navigation",
    "add_arguments",
    "run",
]

HELP = "write the navigation links and the times of the course notebooks (--check: exit 1 when they are stale)"

MARKER = "<!-- nbkit:navigation (written by nbkit nav; do not edit) -->"
_MARKED = "<!-- nbkit:navigation"  # how a navigation cell starts, whatever its marker's wording
_NAME = re.compile(r"^(\d\d)-[a-z0-9-]+\.ipynb$")


def course_notebooks(folder: Path) -> list[Path]:
    """The course notebooks (``NN-slug.ipynb``) in teaching order."""
    return sorted(p for p in Path(folder).glob("*.ipynb") if _NAME.match(p.name))


def notebook_title(nb, default: str) -> str:
    """The text of the notebook's first '# ' heading without its number prefix (``default`` when it has none).

    >>> import nbformat
    >>> notebook_title(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# 02 · Moscow")]), "x")
    'Moscow'
    """
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return re.sub(r"^\d\d\s*[·:.-]\s*", "", line[2:].strip())
    return default


def navigation_cell_source(links: list[tuple[str, str]], index: int) -> str:
    """Markdown of the navigation cell of notebook ``index``; ``links``: (file name, title) in teaching order.

    >>> print(navigation_cell_source([("00-a.ipynb", "A"), ("01-b.ipynb", "B")], 1).splitlines()[-1])
    ← Previous: [A](00-a.ipynb) · [Course start](00-a.ipynb)
    """
    parts = []
    if index > 0:
        name, title = links[index - 1]
        parts.append(f"← Previous: [{title}]({name})")
    parts.append(f"[Course start]({links[0][0]})" if index > 0 else "You are at the start of the course.")
    if index + 1 < len(links):
        name, title = links[index + 1]
        parts.append(f"Next: [{title}]({name}) →")
    return MARKER + "\n\n---\n\n" + " · ".join(parts)


def time_cell_source(nb, path: Path) -> str:
    """The first cell's markdown with its ``**Time:**`` line written from the seat-time model."""
    from ..seat_time import TIME_LINE, NotebookContentError, notebook_time

    first = nb.cells[0].source if nb.cells and nb.cells[0].cell_type == "markdown" else ""
    lines = first.splitlines()
    at = [i for i, line in enumerate(lines) if line.startswith(TIME_LINE)]
    if not at:
        raise NotebookContentError(
            path,
            0,
            f"the first cell has no line starting {TIME_LINE!r}. Add one under the outcomes, e.g. "
            f"'{TIME_LINE} about 30 minutes.', and run nbkit nav: it writes the time from the notebook's content.",
        )
    try:
        lines[at[0]] = notebook_time(nb, folder=Path(path).parent).time_line()
    except NotebookContentError as exc:  # the model saw an in-memory notebook: name the file
        raise NotebookContentError(path, exc.cell, exc.reason, exc.cell_id) from None
    return "\n".join(lines) + ("\n" if first.endswith("\n") else "")


def sync_notebooks(folder: Path, check: bool = False) -> list[tuple[Path, list[str]]]:
    """Write the navigation and the time of every course notebook in ``folder``; return those changed
    (or, with ``check``, those that would be), each with what is stale ("navigation", "time")."""
    import nbformat

    paths = course_notebooks(folder)
    notebooks = [nbformat.read(path, as_version=nbformat.NO_CONVERT) for path in paths]
    links = [(path.name, notebook_title(nb, path.stem)) for path, nb in zip(paths, notebooks)]
    changed = []
    for i, (path, nb) in enumerate(zip(paths, notebooks)):
        stale = []
        wanted = navigation_cell_source(links, i)
        last = nb.cells[-1] if nb.cells else None
        if last is not None and last.cell_type == "markdown" and last.source.startswith(_MARKED):
            if last.source != wanted:
                last.source = wanted
                stale.append("navigation")
        else:
            nb.cells.append(nbformat.v4.new_markdown_cell(wanted, id=f"nbkit-navigation-{path.stem[:2]}"))
            stale.append("navigation")
        timed = time_cell_source(nb, path)
        if timed != nb.cells[0].source:
            nb.cells[0].source = timed
            stale.append("time")
        if stale:
            changed.append((path, stale))
            if not check:
                nbformat.write(nb, path)
    return changed


def sync_navigation(folder: Path, check: bool = False) -> list[Path]:
    """The notebooks :func:`sync_notebooks` changed (or would change), without the reasons."""
    return [path for path, _ in sync_notebooks(folder, check)]


def add_arguments(p) -> None:
    add_course_argument(p, "folder", "FOLDER", "folder of the course notebooks")
    p.add_argument("--check", action="store_true", help="only report stale navigation; exit 1 if any")


def run(args) -> int:
    """Write the navigation links and the time of every course notebook (NN-slug.ipynb) in FOLDER.

    Each notebook's last cell links to the previous notebook, the course start and the next one, under
    a marker comment; the "**Time:**" line of its first cell is written from the seat-time model
    (docs/seat-time.md: the total, and the core path when some sections are marked "(optional)").
    Nothing else in the notebook changes. With --check nothing is written: the stale notebooks are
    listed with what is stale, and the exit code is 1 when there are any.
    """
    folder = Path(args.folder)
    if not folder.is_dir() or not course_notebooks(folder):
        raise UsageError(f"{folder} holds no course notebooks (NN-slug.ipynb); give the folder of the course")
    changed = sync_notebooks(folder, check=args.check)
    for path, stale in changed:
        print(("stale: " if args.check else "updated: ") + f"{path} ({', '.join(stale)})")
    if args.check and changed:
        say(f"{len(changed)} notebook(s) have stale navigation or time; run: nbkit nav {folder}")
        return PROBLEM
    return OK
