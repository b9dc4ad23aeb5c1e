"""Gather every learner's progress file (read as root, see :func:`~nbkit.classroom.status.read_progress`)
into one folder, one ``<name>.json`` each, for ``nbkit progress merge`` to turn into the class table."""

from __future__ import annotations

from pathlib import Path

from .hub_config import ClassState
from .status import read_progress

__all__ = ["gather", "class_results"]


def gather(state: ClassState, folder: str | Path) -> dict[str, bool]:
    """Write ``<folder>/<name>.json`` for each learner with a progress file; learner name -> found."""
    folder = Path(folder)
    found = {}
    for learner in state.learners:
        raw = read_progress(learner.username)
        found[learner.name] = raw is not None
        if raw is not None:
            (folder / f"{learner.name}.json").write_bytes(raw)
    return found


def class_results(state: ClassState | str | Path):
    """Every learner's answers now, as one progress frame (what ``nbkit class collect`` merges), read as root.

    ``state``: the class's state, or its folder (``nbkit class serve --state``). Used by ``nbkit class votes``
    and the teacher's live votes notebook (``nbkit seminar dashboard``).
    """
    import tempfile

    from ..quiz.class_results import load_folder
    from .hub_config import load_state

    if not isinstance(state, ClassState):
        state = load_state(state)
    with tempfile.TemporaryDirectory(prefix="nbkit-class-") as tmp:
        gather(state, tmp)
        results, _ = load_folder(tmp)
    return results
