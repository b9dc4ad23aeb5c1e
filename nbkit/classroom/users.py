"""One system user per learner: created with a private home (mode 0700), removed with it on request.

Only names with the roster's :data:`~nbkit.classroom.roster.PREFIX` are ever created or removed, so
nbkit cannot delete a user it did not make. Uses the system's ``useradd``/``userdel`` (shadow-utils):
they lock ``/etc/passwd`` properly, which hand-written edits would not.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
from pathlib import Path

from ..errors import NbkitError
from .roster import PREFIX

__all__ = ["create", "remove", "exists", "home", "progress_path", "NOLOGIN", "HOME_MODE"]

HOME_MODE = 0o700
NOLOGIN = next((s for s in ("/usr/sbin/nologin", "/sbin/nologin") if Path(s).exists()), "/bin/false")


class UserError(NbkitError):
    """A system user could not be created or removed."""


def _guard(username: str) -> None:
    if not username.startswith(PREFIX):
        raise UserError(f"{username}: nbkit only manages users whose name starts with {PREFIX!r}")


def exists(username: str) -> bool:
    try:
        pwd.getpwnam(username)
    except KeyError:
        return False
    return True


def home(username: str) -> Path:
    """The user's home folder (from the password database)."""
    return Path(pwd.getpwnam(username).pw_dir)


def progress_path(home_dir: str | Path) -> Path:
    """Where a learner's progress store lives: the default location (``platformdirs``) of that home."""
    return Path(home_dir) / ".local" / "share" / "nbkit" / "progress.json"


def _run(args: list[str]) -> None:
    tool = shutil.which(args[0])
    if tool is None:
        raise UserError(f"{args[0]} not found; install the 'passwd' package (shadow-utils)")
    done = subprocess.run([tool, *args[1:]], capture_output=True, text=True)
    if done.returncode:
        raise UserError(f"{' '.join(args)} failed: {done.stderr.strip() or done.returncode}")


def create(username: str, comment: str = "") -> bool:
    """Create the user (own group, no login shell, home mode 0700). False if it already existed."""
    _guard(username)
    if not exists(username):
        _run(
            ["useradd", "--create-home", "--user-group", "--shell", NOLOGIN, "--comment", comment or username, username]
        )
        created = True
    else:
        created = False
    os.chmod(home(username), HOME_MODE)
    return created


def remove(username: str) -> bool:
    """Remove the user and their home. False if there was no such user."""
    _guard(username)
    if not exists(username):
        return False
    _run(["userdel", "--remove", username])
    return True
