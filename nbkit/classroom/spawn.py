"""What the hub does before each learner's server starts (``Spawner.pre_spawn_hook``).

It sets the learner's name and progress file (inside their home) and, at first login, copies the
course notebooks into ``~/course``. The copy runs as the learner (``subprocess`` with ``user=``), so
it can write nothing the learner could not, even if their home holds a symlink.
"""

from __future__ import annotations

import pwd
import subprocess
import sys
from pathlib import Path

from ..progress.store import ENV_LEARNER, ENV_PATH
from .hub_config import load_state
from .users import progress_path

__all__ = ["make_pre_spawn_hook", "copy_course", "COURSE_FOLDER"]

#: The learner's copy of the course, in their home.
COURSE_FOLDER = "course"
_COPY = (
    "import os, shutil, sys\n"
    "src, dst = sys.argv[1:]\n"
    "if not os.path.lexists(dst):\n"
    "    shutil.copytree(src, dst, ignore=shutil.ignore_patterns('.ipynb_checkpoints', '*.lock', '.*'))\n"
)


def copy_course(username: str, course: str | Path) -> Path:
    """Copy the course folder into the user's ``~/course`` as that user, unless it is there already."""
    entry = pwd.getpwnam(username)
    dst = Path(entry.pw_dir) / COURSE_FOLDER
    subprocess.run(
        [sys.executable, "-c", _COPY, str(course), str(dst)],
        user=entry.pw_uid,
        group=entry.pw_gid,
        extra_groups=[],
        cwd=entry.pw_dir,
        env={"HOME": entry.pw_dir, "PATH": "/usr/bin:/bin"},
        check=True,
        capture_output=True,
    )
    return dst


def make_pre_spawn_hook(state_folder: str | Path):
    """The hook for ``c.Spawner.pre_spawn_hook``: refuses anyone not on the roster (the teacher has no server)."""

    def pre_spawn_hook(spawner) -> None:
        state = load_state(state_folder)
        learner = state.learner(spawner.user.name)
        if learner is None:
            raise ValueError(f"{spawner.user.name} is not a learner on this class's roster and has no server")
        home = pwd.getpwnam(learner.username).pw_dir
        spawner.environment.update({ENV_LEARNER: learner.name, ENV_PATH: str(progress_path(home))})
        copy_course(learner.username, state["course"])

    return pre_spawn_hook
