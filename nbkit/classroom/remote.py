"""Drive learners' servers through the hub as a script would (the class tests and benchmark use it):
one HTTP call with a token, and code run in a kernel over its websocket (Jupyter messaging protocol).

``websocket-client`` comes with ``jupyter_server`` (the class extra); it is imported on first use.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
import uuid

__all__ = ["http", "execute"]


def http(method: str, url: str, token: str, body: dict | None = None, timeout: float = 60) -> tuple[int, object]:
    """(status, decoded JSON or text) of one request with ``Authorization: token``; HTTP errors are returned."""
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method, headers={"Authorization": f"token {token}"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            status, text = resp.status, resp.read().decode()
    except urllib.error.HTTPError as exc:
        status, text = exc.code, exc.read().decode(errors="replace")
    try:
        return status, json.loads(text) if text else None
    except ValueError:
        return status, text


def execute(base_url: str, username: str, kernel_id: str, token: str, code: str, timeout: float = 180) -> str:
    """Run ``code`` in a learner's kernel (``base_url``: the hub's public address); their stdout, then
    ``ename: evalue`` of an error. Raises TimeoutError when the kernel is not idle after ``timeout``."""
    import websocket

    ws_url = base_url.replace("http", "ws", 1) + f"/user/{username}/api/kernels/{kernel_id}/channels"
    ws = websocket.create_connection(ws_url, header=[f"Authorization: token {token}"], timeout=timeout)
    msg_id = uuid.uuid4().hex
    header = {
        "msg_id": msg_id,
        "username": username,
        "session": uuid.uuid4().hex,
        "msg_type": "execute_request",
        "version": "5.3",
    }
    content = {"code": code, "silent": False, "store_history": False, "allow_stdin": False}
    ws.send(json.dumps({"header": header, "parent_header": {}, "metadata": {}, "content": content, "channel": "shell"}))
    out: list[str] = []
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            msg = json.loads(ws.recv())
            if msg.get("parent_header", {}).get("msg_id") != msg_id or msg.get("channel") != "iopub":
                continue
            kind, body = msg["msg_type"], msg["content"]
            if kind == "stream" and body["name"] == "stdout":
                out.append(body["text"])
            elif kind == "error":
                out.append(f"{body['ename']}: {body['evalue']}\n")
            elif kind == "status" and body["execution_state"] == "idle":
                return "".join(out)
    finally:
        ws.close()
    raise TimeoutError(f"{username}'s kernel did not finish within {timeout} s; output so far: {''.join(out)}")
