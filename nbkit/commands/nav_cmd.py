"""``nbkit nav``: write (or check) the navigation links at the foot of every course notebook.

Run ``nbkit nav`` after adding, removing or renaming a notebook; ``nbkit nav --check`` exits 1 when
any notebook's links are stale (tests/test_notebooks.py runs the check). The navigation is the last
cell of each notebook, a markdown cell that starts with :data:`MARKER`; the command replaces it, or
appends it when missing. Notebooks are read and written with nbformat, and only a notebook whose
navigation changes is written.
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
    "sync_navigation",
    "add_arguments",
    "run",
]

HELP = "write the navigation links between the course notebooks (--check: exit 1 when they are stale)"

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


def sync_navigation(folder: Path, check: bool = False) -> list[Path]:
    """Write the navigation of every course notebook in ``folder``; return those changed (or, with
    ``check``, those that would be)."""
    import nbformat

    paths = course_notebooks(folder)
    notebooks = [nbformat.read(path, as_version=nbformat.NO_CONVERT) for path in paths]
    links = [(path.name, notebook_title(nb, path.stem)) for path, nb in zip(paths, notebooks)]
    changed = []
    for i, (path, nb) in enumerate(zip(paths, notebooks)):
        wanted = navigation_cell_source(links, i)
        last = nb.cells[-1] if nb.cells else None
        if last is not None and last.cell_type == "markdown" and last.source.startswith(_MARKED):
            if last.source == wanted:
                continue
            last.source = wanted
        else:
            nb.cells.append(nbformat.v4.new_markdown_cell(wanted, id=f"nbkit-navigation-{path.stem[:2]}"))
        changed.append(path)
        if not check:
            nbformat.write(nb, path)
    return changed


def add_arguments(p) -> None:
    add_course_argument(p, "folder", "FOLDER", "folder of the course notebooks")
    p.add_argument("--check", action="store_true", help="only report stale navigation; exit 1 if any")


def run(args) -> int:
    """Write the navigation links at the foot of every course notebook (NN-slug.ipynb) in FOLDER.

    Each notebook's last cell links to the previous notebook, the course start and the next one, under
    a marker comment; nothing else in the notebook changes. With --check nothing is written: the stale
    notebooks are listed and the exit code is 1 when there are any.
    """
    folder = Path(args.folder)
    if not folder.is_dir() or not course_notebooks(folder):
        raise UsageError(f"{folder} holds no course notebooks (NN-slug.ipynb); give the folder of the course")
    changed = sync_navigation(folder, check=args.check)
    for path in changed:
        print(("stale: " if args.check else "updated: ") + str(path))
    if args.check and changed:
        say(f"{len(changed)} notebook(s) have stale navigation; run: nbkit nav {folder}")
        return PROBLEM
    return OK
