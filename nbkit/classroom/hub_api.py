"""The few Hub REST API calls the teacher's commands make, with the teacher's token, on loopback.

``urllib`` from the standard library: three GET/POST/DELETE calls do not need a client library.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request

from ..errors import NbkitError
from .hub_config import ClassState

__all__ = ["call", "users", "HubError"]


class HubError(NbkitError):
    """The hub did not answer, or refused a call."""


def call(state: ClassState, method: str, path: str, body: dict | None = None, timeout: float = 30):
    """``method`` ``/hub/api{path}`` with the teacher's token; the decoded JSON answer (None if empty)."""
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(
        state.hub_api + path,
        data=data,
        method=method,
        headers={"Authorization": f"token {state.secret('teacher-token')}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            text = resp.read().decode()
    except urllib.error.HTTPError as exc:
        raise HubError(
            f"the hub refused {method} {path}: {exc.code} {exc.read().decode(errors='replace')[:200]}"
        ) from None
    except (urllib.error.URLError, OSError) as exc:
        raise HubError(
            f"the hub at {state.hub_api} does not answer ({exc}); is it running (nbkit class serve)?"
        ) from None
    return json.loads(text) if text.strip() else None


def users(state: ClassState) -> dict[str, dict]:
    """Every hub user's model by name (``server``: its URL or None, ``last_activity``)."""
    return {u["name"]: u for u in call(state, "GET", "/users")}
