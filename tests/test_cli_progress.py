"""``nbkit progress show|export|merge`` through real files."""

import json

import pandas as pd
import pytest

from nbkit.commands.handout import external_resources
from nbkit.progress.store import record_answer

from .cli_helpers import nbkit

pytestmark = pytest.mark.slow  # every test runs the CLI in a subprocess


@pytest.fixture
def store(tmp_path):
    path = tmp_path / "store" / "progress.json"
    record_answer("00-start-here", "series-number", "428", False, 1, path=path, learner="ana")
    record_answer("00-start-here", "series-number", "427", True, 2, path=path, learner="ana")
    record_answer("00-start-here", "who-is-interviewed", "Rachel Minyoung Lee", True, 1, path=path, learner="ana")
    record_answer("00-start-here", "first-impression", "Strategic", None, 1, path=path, learner="ana")
    return path


def test_show(store):
    r = nbkit("progress", "show", "--file", store)
    assert r.returncode == 0, r.stderr
    out = r.stdout.splitlines()
    assert out[:3] == [f"Progress file: {store}", "Learner: ana", "Answers: 4 submissions to 3 quiz items"]
    row = next(line for line in out if line.startswith("00-start-here"))
    # right first time, right after retrying, not right yet, no right answer (poll), items in the bank
    assert row.split() == ["00-start-here", "1", "1", "0", "1", "5"]


def test_show_nothing_recorded(tmp_path):
    empty = tmp_path / "p.json"
    empty.write_text('{"format": "nbkit-progress", "version": 1, "records": []}')
    r = nbkit("progress", "show", "--file", empty)
    assert r.returncode == 1
    assert r.stdout.strip() == f"No answers recorded in {empty} yet."
    assert nbkit("progress", "show", "--file", tmp_path / "missing.json").returncode == 2


def test_export_csv_and_json(store, tmp_path):
    for suffix in ("csv", "json"):
        dest = tmp_path / f"ana.{suffix}"
        r = nbkit("progress", "export", dest, "--file", store)
        assert r.returncode == 0, r.stderr
        assert r.stderr.strip() == f"4 answers written to {dest}"
    df = pd.read_csv(tmp_path / "ana.csv")
    assert list(df.columns) == ["learner", "notebook", "item", "attempt", "answer", "correct", "time"]
    assert df["answer"].tolist() == ["428", "427", "Rachel Minyoung Lee", "Strategic"]
    assert [r["attempt"] for r in json.loads((tmp_path / "ana.json").read_text())] == [1, 2, 1, 1]
    r = nbkit("progress", "export", tmp_path / "ana.txt", "--file", store)
    assert r.returncode == 2 and "end the file name with .csv or .json" in r.stderr


def test_merge_dedups_and_skips_corrupt(store, tmp_path):
    hand_in = tmp_path / "hand-in"
    hand_in.mkdir()
    assert nbkit("progress", "export", hand_in / "ana.csv", "--file", store).returncode == 0
    assert (
        nbkit("progress", "export", hand_in / "ana-again.json", "--file", store).returncode == 0
    )  # same learner twice
    ben = tmp_path / "ben.json"
    record_answer("00-start-here", "series-number", "427", True, 1, path=ben, learner="ben")
    (hand_in / "ben.json").write_text(ben.read_text())  # a raw progress store also works
    (hand_in / "broken.json").write_text('{"records": [')
    (hand_in / "wrong.csv").write_text("name,score\nx,1\n")
    (hand_in / "notes.txt").write_text("ignored")
    out = tmp_path / "class"
    r = nbkit("progress", "merge", hand_in, "--output", out)
    assert r.returncode == 0, r.stderr
    err = r.stderr.splitlines()
    assert err[0].startswith("skipped broken.json: ") and "not valid JSON" in err[0]
    assert err[1].startswith("skipped wrong.csv: ") and "learner" in err[1]
    assert err[2] == ("3 file(s) merged, 2 skipped; 2 learners, 5 answers (4 duplicates dropped), 3 quiz items")
    merged = pd.read_csv(out / "class.csv")
    assert merged["learner"].tolist() == ["ana"] * 4 + ["ben"]
    summary = pd.read_csv(out / "class-summary.csv")
    row = summary[summary["item"] == "series-number"].iloc[0]
    assert (row["n_learners"], row["n_attempts"], row["pct_correct_first"], row["pct_correct_last"]) == (
        2,
        3,
        50.0,
        100.0,
    )
    assert row["common_wrong"] == "428 (1)"
    page = (out / "class-chart.html").read_text(encoding="utf-8")
    assert "<html" in page and "Class results per quiz item" in page
    assert external_resources(page) == []


def test_merge_nothing_readable(tmp_path):
    (tmp_path / "broken.json").write_text("nope")
    r = nbkit("progress", "merge", tmp_path, "-o", tmp_path / "out")
    assert r.returncode == 1
    assert r.stderr.splitlines()[-1] == f"No readable progress files in {tmp_path} (1 skipped); nothing written."
    r = nbkit("progress", "merge", tmp_path / "missing")
    assert r.returncode == 2
