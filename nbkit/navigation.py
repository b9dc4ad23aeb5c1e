"""Write (or check) the navigation links at the foot of every course notebook.

Run ``python -m nbkit.navigation`` after adding, removing or renaming a notebook;
``python -m nbkit.navigation --check`` exits 1 when any notebook's links are stale
(tests/test_notebooks.py runs the check).
The navigation is the last cell of each notebook, a markdown cell that starts with
the marker below; the script replaces it, or appends it when missing.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

__all__ = ["MARKER", "course_notebooks", "navigation_cell_source", "sync_navigation"]

MARKER = "<!-- nbkit:navigation (written by python -m nbkit.navigation; do not edit) -->"
_NAME = re.compile(r"^(\d\d)-[a-z0-9-]+\.ipynb$")


def course_notebooks(folder: Path) -> list[Path]:
    """The course notebooks (``NN-slug.ipynb``) in teaching order."""
    return sorted(p for p in Path(folder).glob("*.ipynb") if _NAME.match(p.name))


def notebook_title(path: Path) -> str:
    """The text of the first '# ' heading of a notebook, without its number prefix."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            for line in "".join(cell["source"]).splitlines():
                if line.startswith("# "):
                    return re.sub(r"^\d\d\s*[·:.-]\s*", "", line[2:].strip())
    return path.stem


def navigation_cell_source(notebooks: list[Path], index: int) -> str:
    """Markdown for the navigation cell of ``notebooks[index]``."""
    parts = []
    if index > 0:
        prev = notebooks[index - 1]
        parts.append(f"← Previous: [{notebook_title(prev)}]({prev.name})")
    parts.append("[Course start](00-start-here.ipynb)" if index > 0 else "You are at the start of the course.")
    if index + 1 < len(notebooks):
        nxt = notebooks[index + 1]
        parts.append(f"Next: [{notebook_title(nxt)}]({nxt.name}) →")
    return MARKER + "\n\n---\n\n" + " · ".join(parts)


def sync_navigation(folder: Path, check: bool = False) -> list[Path]:
    """Write the navigation of every notebook in ``folder``; return the notebooks that were (or would be) changed."""
    notebooks = course_notebooks(folder)
    changed = []
    for i, path in enumerate(notebooks):
        raw = path.read_text(encoding="utf-8")
        nb = json.loads(raw)
        wanted = navigation_cell_source(notebooks, i)
        cells = nb["cells"]
        last = cells[-1] if cells else None
        if last is not None and last["cell_type"] == "markdown" and "".join(last["source"]).startswith(MARKER):
            if "".join(last["source"]) == wanted:
                continue
            last["source"] = wanted
        else:
            cells.append({"cell_type": "markdown", "metadata": {}, "source": wanted,
                          "id": f"nbkit-navigation-{path.stem[:2]}"})
        changed.append(path)
        if not check:
            path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nbkit.navigation", description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default="notebooks", help="folder of the course notebooks (default: notebooks)")
    parser.add_argument("--check", action="store_true", help="only report stale navigation; exit 1 if any")
    args = parser.parse_args(argv)
    changed = sync_navigation(Path(args.folder), check=args.check)
    for path in changed:
        print(("stale: " if args.check else "updated: ") + str(path))
    return 1 if (args.check and changed) else 0


if __name__ == "__main__":
    sys.exit(main())
