"""The class roster, the hub config written from it, and the class commands' checks (no hub, no root needed)."""

from __future__ import annotations

import ast
import os
import shutil
import stat
import tempfile
from pathlib import Path

import pytest

from nbkit.classroom.hub_config import SINGLEUSER_ARGS, TIMEOUT, load_state, render_config, spawn_limit, write_state
from nbkit.classroom.roster import Learner, read_roster
from nbkit.classroom.serve import is_loopback, unreachable_folder
from nbkit.cli import main as run_cli
from nbkit.errors import DataValidationError


def roster(tmp_path, text: str):
    path = tmp_path / "roster.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_roster_reads_names_display_names_and_an_optional_header(tmp_path):
    path = roster(tmp_path, "name,display_name\nalice,Alice Kim\n\nbob\ncarol, \n")
    assert read_roster(path) == [
        Learner("alice", "Alice Kim"),
        Learner("bob", "bob"),
        Learner("carol", "carol"),
    ]
    assert [x.username for x in read_roster(path)] == ["nbk-alice", "nbk-bob", "nbk-carol"]
    assert read_roster(roster(tmp_path, "dan\n")) == [Learner("dan", "dan")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "alice\nBob Smith\n",
            "row 2, field 'name': 'Bob Smith' cannot be a user name; use lower-case letters, digits, '-' or '_', "
            "starting with a letter, at most 28 characters",
        ),
        ("alice\n../root\n", "row 2, field 'name': '../root' cannot be a user name"),
        ("alice\n" + "a" * 29 + "\n", "row 2, field 'name': '" + "a" * 29 + "' cannot be a user name"),
        ("alice\nalice,Again\n", "row 2, field 'name': 'alice' is already on row 1; names must be unique"),
        ("alice,A,extra\n", "row 1: 3 columns; expected name[,display_name]"),
        (",Nobody\n", "row 1, field 'name': empty; give each learner a name such as 'alice'"),
        ("name\n\n", "roster.csv: no learners; write one name per line"),
    ],
)
def test_bad_roster_rows_name_file_row_and_fix(tmp_path, text, message):
    path = roster(tmp_path, text)
    with pytest.raises(DataValidationError) as info:
        read_roster(path)
    assert str(info.value).startswith(f"{path.name}")
    assert message in str(info.value)


def test_missing_roster_says_what_to_give(tmp_path):
    with pytest.raises(DataValidationError, match="file not found; give a CSV of name"):
        read_roster(tmp_path / "none.csv")


def _record(tmp_path, ip="127.0.0.1"):
    return {
        "ip": ip,
        "port": 8000,
        "hub_port": 8081,
        "proxy_api_port": 8001,
        "proxy_command": "/opt/chp",
        "singleuser": "/opt/venv/bin/jupyterhub-singleuser",
        "teacher": "teacher",
        "course": str(tmp_path / "notebooks"),
        "learners": [{"name": "alice", "display_name": "Alice"}, {"name": "bob", "display_name": "bob"}],
    }


def _assignments(text: str) -> dict[str, str]:
    """``c.X.y = <expr>`` lines of a config file as ``{"X.y": source of expr}``."""
    out = {}
    for node in ast.parse(text).body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Attribute):
            target = node.targets[0]
            if isinstance(target.value, ast.Attribute):
                out[f"{target.value.attr}.{target.attr}"] = ast.get_source_segment(text, node.value)
    return out


def test_state_folder_is_private_and_the_config_says_what_the_class_needs(tmp_path):
    state = write_state(tmp_path / "state", _record(tmp_path))
    assert stat.S_IMODE(os.stat(state.folder).st_mode) == 0o700
    for name in ("class.json", "jupyterhub_config.py", "proxy-token", "teacher-token"):
        assert stat.S_IMODE(os.stat(state.folder / name).st_mode) == 0o600, name
    token = state.secret("teacher-token")
    assert len(token) == 64
    assert write_state(tmp_path / "state", _record(tmp_path)).secret("teacher-token") == token  # kept
    assert load_state(state.folder) == state
    config = _assignments(render_config(state))
    assert config["JupyterHub.ip"] == "'127.0.0.1'"
    assert config["JupyterHub.hub_ip"] == config["Spawner.ip"] == '"127.0.0.1"'
    assert config["Spawner.http_timeout"] == config["Spawner.start_timeout"] == str(TIMEOUT) == "120"
    assert ast.literal_eval(config["Spawner.args"]) == SINGLEUSER_ARGS
    assert "--ServerApp.terminals_enabled=False" in SINGLEUSER_ARGS
    assert ast.literal_eval(config["Authenticator.username_map"]) == {"alice": "nbk-alice", "bob": "nbk-bob"}
    assert config["Authenticator.admin_users"] == "{'teacher'}"
    assert config["JupyterHub.concurrent_spawn_limit"] == str(spawn_limit())
    assert config["JupyterHub.authenticator_class"] == '"firstuseauthenticator.FirstUseAuthenticator"'


def test_https_is_configured_when_a_certificate_is_given(tmp_path):
    plain = write_state(tmp_path / "plain", _record(tmp_path))
    assert "JupyterHub.ssl_cert" not in _assignments(render_config(plain))
    assert plain.public_url == "http://127.0.0.1:8000"
    record = _record(tmp_path, ip="192.168.1.5") | {"ssl_cert": "/etc/ssl/hub.pem", "ssl_key": "/etc/ssl/hub.key"}
    state = write_state(tmp_path / "tls", record)
    config = _assignments(render_config(state))
    assert (config["JupyterHub.ssl_cert"], config["JupyterHub.ssl_key"]) == ("'/etc/ssl/hub.pem'", "'/etc/ssl/hub.key'")
    assert state.public_url == "https://192.168.1.5:8000"


def test_serve_wants_both_certificate_files(tmp_path, capsys):
    (tmp_path / "r.csv").write_text("alice\n")
    args = ["class", "serve", "--roster", str(tmp_path / "r.csv"), "--course", str(tmp_path), "--ssl-cert", "x.pem"]
    assert run_cli(args) == 2
    assert capsys.readouterr().err.strip() == "nbkit class: give both --ssl-cert and --ssl-key, or neither"


def test_spawn_limit_is_sized_by_cores():
    assert [spawn_limit(n) for n in (1, 2, 4)] == [5, 10, 20]


def test_loopback_and_reachable_folders(tmp_path):
    assert [is_loopback(ip) for ip in ("127.0.0.1", "::1", "localhost", "0.0.0.0", "192.168.1.5")] == [
        True,
        True,
        True,
        False,
        False,
    ]
    base = Path(tempfile.mkdtemp(dir="/tmp"))  # pytest's own tmp folders are closed (0700) already
    try:
        os.chmod(base, 0o755)
        closed = base / "closed"
        (closed / "inner").mkdir(parents=True)
        os.chmod(closed, 0o700)
        assert unreachable_folder(closed / "inner" / "python") == closed
        os.chmod(closed, 0o755)
        assert unreachable_folder(closed / "inner" / "python") is None
    finally:
        shutil.rmtree(base)


def test_class_commands_without_a_state_folder_are_usage_errors(tmp_path, capsys):
    code = run_cli(["class", "status", "--state", str(tmp_path / "none")])
    assert code == 2
    assert capsys.readouterr().err.strip() == (
        f"nbkit class: {tmp_path / 'none'}: no class state here; start one with "
        f"`nbkit class serve --state {tmp_path / 'none'}`"
    )


def test_serve_with_a_missing_roster_is_a_usage_error(tmp_path, capsys):
    assert run_cli(["class", "serve", "--roster", str(tmp_path / "none.csv")]) == 2
    assert "none.csv not found; give the roster CSV" in capsys.readouterr().err
