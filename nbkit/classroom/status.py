"""Who has a server and when each learner last answered: the hub's users and each learner's progress store."""

from __future__ import annotations

import json
import os
import stat

from . import hub_api, users
from .hub_config import ClassState

__all__ = ["read_progress", "rows", "COLUMNS"]

COLUMNS = ("learner", "user", "server", "last_activity", "answers", "last_answer")


def read_progress(username: str) -> bytes | None:
    """The raw progress file of a learner, read as root without following a symlink the learner may have
    put in its place, and only if the learner owns it (else None: nothing of anyone else's is read)."""
    if not users.exists(username):
        return None
    path = users.progress_path(users.home(username))
    uid = users.pwd.getpwnam(username).pw_uid
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(f.fileno())
        if not stat.S_ISREG(st.st_mode) or st.st_uid != uid:
            return None
        return f.read()


def _records(raw: bytes | None) -> list[dict]:
    if not raw:
        return []
    try:
        doc = json.loads(raw)
    except ValueError:
        return []
    records = doc.get("records") if isinstance(doc, dict) else None
    return [r for r in records or [] if isinstance(r, dict)]


def rows(state: ClassState) -> list[dict]:
    """One row per learner: :data:`COLUMNS` (server: running / pending / none)."""
    hub = hub_api.users(state)
    out = []
    for learner in state.learners:
        model = hub.get(learner.username, {})
        server = model.get("servers", {}).get("", {})
        status = "none" if not server else ("running" if server.get("ready") else "pending")
        records = _records(read_progress(learner.username))
        out.append(
            {
                "learner": learner.name,
                "user": learner.username,
                "server": status,
                "last_activity": model.get("last_activity") or "",
                "answers": len(records),
                "last_answer": max((str(r.get("time", "")) for r in records), default=""),
            }
        )
    return out
