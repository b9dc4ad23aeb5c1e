"""The real class hub: ``nbkit class serve`` with a roster of 5 throwaway learners, driven through the
Hub REST API and each learner's Jupyter server (kernels over their websocket), then collected and
torn down. Needs root, Node.js and the project's configurable-http-proxy; skips without them, and
fails instead under CI (``CI=true`` or ``NBKIT_E2E_REQUIRED=1``). Everything listens on 127.0.0.1.

The tests run in file order on one hub (module fixture); the last one stops it and removes the users,
and the fixture's teardown makes sure of both even if a test failed.
"""

from __future__ import annotations

import csv
import os
import secrets
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from nbkit.classroom import remote, users
from nbkit.classroom.hub_config import ClassState, load_state
from nbkit.classroom.remote import http
from nbkit.classroom.serve import PROXY, free_port, unreachable_folder

pytestmark = [pytest.mark.slow, pytest.mark.hub]

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
REQUIRED = os.environ.get("NBKIT_E2E_REQUIRED") == "1" or os.environ.get("CI") == "true"
READY_TIMEOUT = 240  # 5 servers starting at once on 2 shared cores (the hub's own timeout is 120 s each)
ANSWER = (
    "q = nbkit.quiz.view('00-start-here', 'who-is-interviewed').widget\n"
    "q.inputs.label = 'Senior fellow for the Stimson Center’s Korea Program and 38 North'\n"
    "q.submit.click()\n"
    "import re\n"
    "print(re.sub('<[^>]+>', '', q.feedback.value).strip().splitlines()[0])\n"
    "print(nbkit.progress.default_path())\n"
)

# This machine's Python may live under /root (mode 0700), where learners cannot run it. In a private
# mount namespace (invisible to the rest of the machine) the hub sees a /root that holds only a bind
# mount of that Python, so learners can run it; a Python in /usr or /opt (CI) needs none of this.
_SHARE_PYTHON = """#!/bin/sh
set -e
closed="$1"; python_root="$2"; shift 2
keep="$(mktemp -d)"
mount --bind "$python_root" "$keep"
mount -t tmpfs -o mode=0755 tmpfs "$closed"
mkdir -p "$python_root"
mount --bind "$keep" "$python_root"
exec "$@"
"""


def _why_not() -> str | None:
    if os.geteuid() != 0:
        return "the class hub runs as root (it creates system users); run the tests as root"
    if not shutil.which("node"):
        return "Node.js not found (apt-get install nodejs); the hub's proxy needs it"
    if not PROXY.exists():
        return f"{PROXY} not found; run `npm ci` (make does it)"
    if not shutil.which("useradd") or not shutil.which("userdel"):
        return "useradd/userdel not found (apt-get install passwd)"
    if not Path(sys.executable).with_name("jupyterhub").exists():
        return "jupyterhub not installed; pip install 'nbkit[class]'"
    if unreachable_folder(os.path.realpath(sys.executable)) and not shutil.which("unshare"):
        return "this Python is closed to other users and unshare (util-linux) is missing to share it"
    return None


@dataclass
class Hub:
    state: ClassState
    proc: subprocess.Popen
    log: Path
    names: list[str]
    tokens: dict[str, str] = field(default_factory=dict)
    kernels: dict[str, str] = field(default_factory=dict)

    @property
    def usernames(self) -> list[str]:
        return [users.PREFIX + n for n in self.names]

    def log_tail(self) -> str:
        return self.log.read_text(errors="replace")[-3000:]


def hub_api(hub: Hub, method: str, path: str, body: dict | None = None):
    return http(method, hub.state.hub_api + path, hub.state.secret("teacher-token"), body)


def execute(hub: Hub, username: str, code: str) -> str:
    """Run ``code`` in the learner's kernel through the hub's proxy, with the learner's own token."""
    return remote.execute(hub.state.public_url, username, hub.kernels[username], hub.tokens[username], code)


def _wait_for_hub(hub: Hub, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if hub.proc.poll() is not None:
            raise RuntimeError(f"nbkit class serve exited with {hub.proc.returncode}:\n{hub.log_tail()}")
        try:
            if hub_api(hub, "GET", "/")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)  # readiness probe interval
    raise RuntimeError(f"the hub did not answer within {timeout} s:\n{hub.log_tail()}")


def start_hub(tmp: Path, names: list[str]) -> Hub:
    """``nbkit class serve`` for these roster names on a free loopback port, answering; RuntimeError if not."""
    roster = tmp / "roster.csv"
    roster.write_text("name,display_name\n" + "".join(f"{n},Learner {n}\n" for n in names))
    state_dir, log = tmp / "state", tmp / "serve.log"
    cmd = [sys.executable, "-m", "nbkit", "class", "serve", "--roster", str(roster), "--course", str(NOTEBOOKS)]
    cmd += ["--port", str(free_port()), "--state", str(state_dir)]
    python = Path(os.path.realpath(sys.executable))
    blocked = unreachable_folder(python)
    if blocked is not None:
        script = tmp / "share-python.sh"
        script.write_text(_SHARE_PYTHON)
        python_root = blocked / python.relative_to(blocked).parts[0]  # e.g. /root/.pyenv
        cmd = [
            "unshare",
            "--mount",
            "--propagation",
            "private",
            "sh",
            str(script),
            str(blocked),
            str(python_root),
        ] + cmd
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)
    deadline = time.monotonic() + 60
    while not (state_dir / "class.json").exists():
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            proc.wait(10)
            raise RuntimeError(f"nbkit class serve did not write its state:\n{log.read_text(errors='replace')}")
        time.sleep(0.2)  # waiting for another process's file
    hub = Hub(load_state(state_dir), proc, log, names)
    try:
        _wait_for_hub(hub)
    except RuntimeError:
        cleanup(hub)
        raise
    return hub


def cleanup(hub: Hub) -> None:
    """Whatever is left: the hub by its pid, learner processes, then the users."""
    from nbkit.classroom.stop import stop_hub, stop_learner_processes

    stop_hub(hub.state)
    if hub.proc.poll() is None:
        hub.proc.terminate()
        try:
            hub.proc.wait(30)
        except subprocess.TimeoutExpired:
            hub.proc.kill()
            hub.proc.wait(10)
    stop_learner_processes(hub.state)
    for username in hub.usernames:
        users.remove(username)


def learner_names(n: int) -> list[str]:
    """``n`` throwaway roster names (users ``nbk-t<random><i>``), new each run."""
    tag = secrets.token_hex(3)
    return [f"t{tag}{i:02d}" for i in range(n)]


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    reason = _why_not()
    if reason:
        (pytest.fail if REQUIRED else pytest.skip)(reason)
    try:
        hub = start_hub(tmp_path_factory.mktemp("class-hub"), learner_names(5))
    except RuntimeError as exc:
        pytest.fail(str(exc))
    try:
        yield hub
    finally:
        cleanup(hub)


def test_serve_creates_private_learner_homes_and_a_root_only_state(hub):
    for username in hub.usernames:
        st = os.stat(users.home(username))
        assert (st.st_mode & 0o777, st.st_uid) == (0o700, users.pwd.getpwnam(username).pw_uid)
    for path in [hub.state.folder, *hub.state.folder.iterdir()]:
        st = os.stat(path)
        assert st.st_uid == 0 and st.st_mode & 0o077 == 0, path
    assert {p.name for p in hub.state.folder.iterdir()} >= {
        "jupyterhub.sqlite",
        "jupyterhub_cookie_secret",
        "proxy-token",
        "teacher-token",
    }


def test_every_learner_server_starts_runs_notebook_00_and_answers(hub):
    import nbformat

    for username in hub.usernames:
        status, body = hub_api(hub, "POST", f"/users/{username}/server")
        assert status in (201, 202), (username, status, body)
    deadline = time.monotonic() + READY_TIMEOUT
    waiting = set(hub.usernames)
    while waiting and time.monotonic() < deadline:
        for username in sorted(waiting):
            model = hub_api(hub, "GET", f"/users/{username}")[1]
            if model["servers"].get("", {}).get("ready"):
                waiting.discard(username)
        time.sleep(1)  # polling the hub for the servers' state
    assert not waiting, f"servers not ready after {READY_TIMEOUT} s: {sorted(waiting)}\n{hub.log_tail()}"

    setup = nbformat.read(NOTEBOOKS / "00-start-here.ipynb", as_version=4).cells
    setup = next(c.source for c in setup if c.cell_type == "code")
    assert "nbkit.setup()" in setup
    for username in hub.usernames:
        status, body = hub_api(hub, "POST", f"/users/{username}/tokens", {"note": "test", "expires_in": 3600})
        assert status == 201, body
        hub.tokens[username] = body["token"]
        status, kernel = http("POST", f"{hub.state.public_url}/user/{username}/api/kernels", body["token"], {})
        assert status == 201, kernel
        hub.kernels[username] = kernel["id"]
        out = execute(hub, username, setup + "\n" + ANSWER)
        progress = users.progress_path(users.home(username))
        assert out == f"Correct. Attempt 1.\n{progress}\n", out
        assert progress.stat().st_uid == users.pwd.getpwnam(username).pw_uid
        whoami = execute(hub, username, "import getpass, os; print(getpass.getuser(), os.getcwd())")
        assert whoami == f"{username} {users.home(username)}\n"


def test_a_learner_cannot_read_another_learners_answers_nor_the_hubs_secrets(hub):
    a, b = hub.usernames[:2]
    targets = [
        users.progress_path(users.home(b)),
        users.home(b) / "course" / "00-start-here.ipynb",
        hub.state.folder / "jupyterhub.sqlite",
        hub.state.folder / "jupyterhub_cookie_secret",
        hub.state.folder / "teacher-token",
        hub.state.folder / "proxy-token",
        hub.state.folder / "class.json",
    ]
    code = (
        f"for p in {[str(t) for t in targets]!r}:\n"
        "    try:\n"
        "        open(p, 'rb').read(1)\n"
        "        print('READ', p)\n"
        "    except PermissionError as exc:\n"
        "        print('PermissionError', exc.filename)\n"
        f"try:\n    open({str(users.home(b) / 'planted.txt')!r}, 'w')\n"
        "except PermissionError as exc:\n    print('PermissionError', exc.filename)\n"
    )
    out = execute(hub, a, code)
    expected = [f"PermissionError {t}" for t in targets] + [f"PermissionError {users.home(b) / 'planted.txt'}"]
    assert out.splitlines() == expected
    # a's own file is readable, so the refusals above are about whose file it is
    own = execute(hub, a, f"print(len(open({str(users.progress_path(users.home(a)))!r}).read()) > 0)")
    assert own == "True\n"


def test_a_learner_cannot_open_a_terminal_nor_reach_another_learners_server(hub):
    a, b = hub.usernames[:2]
    status, _ = http("POST", f"{hub.state.public_url}/user/{a}/api/terminals", hub.tokens[a], {})
    assert status in (403, 404), status
    status, _ = http("GET", f"{hub.state.public_url}/user/{b}/api/kernels", hub.tokens[a])
    assert status == 403, status
    assert http("GET", f"{hub.state.hub_api}/users", hub.tokens[a])[0] == 403  # no list of the class
    assert http("GET", f"{hub.state.hub_api}/users/{b}", hub.tokens[a])[0] == 404  # nor anyone else's model
    assert http("GET", f"{hub.state.hub_api}/users/{a}", hub.tokens[a])[1]["name"] == a


def test_everything_listens_on_loopback_only(hub):
    psutil = pytest.importorskip("psutil")
    uids = {users.pwd.getpwnam(u).pw_uid for u in hub.usernames}
    tree = {hub.proc.pid, *(p.pid for p in psutil.Process(hub.proc.pid).children(recursive=True))}
    pids = tree | {p.pid for p in psutil.process_iter(["uids"]) if p.info["uids"] and p.info["uids"].real in uids}
    listening = [
        c for c in psutil.net_connections("inet") if c.status == psutil.CONN_LISTEN and c.pid in pids and c.laddr
    ]
    assert len(listening) >= 3 + len(hub.usernames)  # proxy (public + API), hub, one server per learner
    assert {c.laddr.ip for c in listening} == {"127.0.0.1"}, listening


def class_command(hub, *args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    """``nbkit class ARGS --state <the hub's state>`` as the teacher runs it; it must succeed."""
    done = subprocess.run(
        [sys.executable, "-m", "nbkit", "class", *args, "--state", str(hub.state.folder)],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, done.stderr
    return done


def test_status_shows_every_learner_running_with_one_answer(hub):
    done = class_command(hub, "status", timeout=120)
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["learner", "user", "server", "last_activity", "answers", "last_answer"]
    assert [line.split()[:3] + [line.split()[4]] for line in lines[1:]] == [
        [n, users.PREFIX + n, "running", "1"] for n in hub.names
    ]
    assert done.stderr.strip().splitlines()[-1] == "5 of 5 learners have a running server; 5 answered"


def test_collect_writes_the_class_table_of_five_learners(hub, tmp_path):
    out = tmp_path / "results"
    done = class_command(hub, "collect", "--output", str(out))
    assert done.stdout.split() == [str(out / n) for n in ("class.csv", "class-summary.csv", "class-chart.html")]
    with (out / "class.csv").open(encoding="utf-8") as f:
        rows = [
            (r["learner"], r["notebook"], r["item"], r["attempt"], r["answer"], r["correct"]) for r in csv.DictReader(f)
        ]
    assert rows == [
        (
            n,
            "00-start-here",
            "who-is-interviewed",
            "1",
            "Senior fellow for the Stimson Center’s Korea Program and 38 North",
            "True",
        )
        for n in hub.names
    ]
    with (out / "class-summary.csv").open(encoding="utf-8") as f:
        summary = list(csv.DictReader(f))
    assert [(r["notebook"], r["item"]) for r in summary] == [("00-start-here", "who-is-interviewed")]
    assert "5 learners, 5 answers" in done.stderr
    assert (out / "class-chart.html").stat().st_size > 1000


VOTE = (
    "for item, option in (('poll-before', {before!r}), ('poll-after', {after!r})):\n"
    "    q = nbkit.quiz.view('08-seminar-and-review', item).widget\n"
    "    q.inputs.label = option\n"
    "    q.submit.click()\n"
    "print(len(nbkit.progress()))\n"
)


def test_class_votes_shows_before_after_and_the_shift(hub, tmp_path):
    from .conftest import POLL_OPTIONS, VOTE_SHIFT

    t, s, b, e = POLL_OPTIONS
    votes = [(t, s), (t, s), (s, s), (e, e), (e, b)]  # (before, after) for the five learners
    for username, (before, after) in zip(hub.usernames, votes):
        assert execute(hub, username, VOTE.format(before=before, after=after)) == "3\n"
    chart = tmp_path / "votes.html"
    done = class_command(hub, "votes", "--chart", str(chart))
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["answer", "before", "after", "change"]
    assert [ln.split()[-3:] for ln in lines[1:5]] == VOTE_SHIFT
    assert done.stderr.strip().splitlines()[-1] == "5 learners voted before, 5 learners voted after"
    assert lines[5] == str(chart) and chart.stat().st_size > 1000


def test_stop_stops_every_server_and_removes_the_users(hub):
    servers = [hub_api(hub, "GET", f"/users/{u}")[1]["servers"][""]["state"]["pid"] for u in hub.usernames]
    done = class_command(hub, "stop", "--remove-users", timeout=180)
    assert f"hub (pid {hub.proc.pid}) stopped" in done.stderr
    assert "5 learner user(s) and their homes removed" in done.stderr
    assert hub.proc.wait(30) is not None
    assert [Path(f"/proc/{pid}").exists() for pid in servers] == [False] * 5
    for username in hub.usernames:
        assert subprocess.run(["getent", "passwd", username], capture_output=True).returncode == 2
        assert not Path("/home", username).exists()
