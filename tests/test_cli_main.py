"""The nbkit command line: every subcommand has --help, usage errors exit with 2."""

import sys
from pathlib import Path

import pytest

from nbkit.cli import COMMANDS

from .cli_helpers import nbkit

SUBCOMMANDS = [
    "doctor",
    "export",
    "handout",
    "answer-key",
    "progress",
    "new-course",
    "app",
    "nav",
    "check-bank",
    "class",
    "annotate",
    "seminar",
]


def test_commands_registered():
    assert list(COMMANDS) == SUBCOMMANDS


def test_top_level_help_lists_every_command_and_exit_codes():
    r = nbkit("--help")
    assert r.returncode == 0
    for name in SUBCOMMANDS:
        assert f"    {name}" in r.stdout
    assert "Exit codes: 0 done; 1 a problem was found or nothing was done; 2 usage error." in r.stdout


@pytest.mark.parametrize("args", [[c] for c in SUBCOMMANDS] + [["progress", a] for a in ("show", "export", "merge")])
def test_help_on_every_subcommand(args):
    r = nbkit(*args, "--help")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith(f"usage: nbkit {' '.join(args)}")
    assert r.stderr == ""


def test_usage_errors_exit_2():
    r = nbkit("no-such-command")
    assert r.returncode == 2
    assert "invalid choice: 'no-such-command'" in r.stderr
    r = nbkit("export")
    assert r.returncode == 2
    assert "the following arguments are required: DIR" in r.stderr


def test_console_script_installed():
    script = Path(sys.executable).with_name("nbkit")
    assert script.exists()
    assert "from nbkit.cli import main" in script.read_text()
