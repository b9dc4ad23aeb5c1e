"""The progress store: atomic writes, locking between processes, corrupt files, unwritable places, frame, export."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pandas as pd
import pytest

import nbkit
from nbkit.errors import ProgressStoreError
from nbkit.progress import ProgressStore, default_path, export, learner_name, record_answer

COLUMNS = ["learner", "notebook", "item", "attempt", "answer", "correct", "time"]


@pytest.fixture(autouse=True)
def store_path(tmp_path, monkeypatch):
    path = tmp_path / "progress.json"
    monkeypatch.setenv("NBKIT_PROGRESS", str(path))
    monkeypatch.setenv("NBKIT_LEARNER", "ada")
    return path


def test_env_var_sets_the_path_and_learner(store_path, monkeypatch):
    assert default_path() == store_path
    assert learner_name() == "ada"
    monkeypatch.delenv("NBKIT_PROGRESS")
    assert default_path().name == "progress.json" and "nbkit" in str(default_path())
    monkeypatch.delenv("NBKIT_LEARNER")
    assert learner_name()  # the login name


def test_records_round_trip_and_file_format(store_path):
    rec = record_answer("00-start-here", "series-number", "427", True, 1)
    assert list(rec) == COLUMNS
    doc = json.loads(store_path.read_text(encoding="utf-8"))
    assert doc["format"] == "nbkit-progress" and doc["version"] == 1
    assert doc["records"] == [rec]
    assert ProgressStore().count("ada", "00-start-here", "series-number") == 1


def test_progress_frame_columns_and_types(store_path):
    record_answer("00-start-here", "series-number", "38", False, 1)
    record_answer("00-start-here", "series-number", "427", True, 2)
    record_answer("00-start-here", "first-impression", "Not sure yet", None, 1)
    df = nbkit.progress()
    assert df.columns.tolist() == COLUMNS
    assert str(df["attempt"].dtype) == "int64"
    assert str(df["correct"].dtype) == "boolean"
    assert isinstance(df["time"].dtype, pd.DatetimeTZDtype)
    assert df["correct"].tolist()[:2] == [False, True] and pd.isna(df["correct"].iloc[2])
    assert df["answer"].tolist() == ["38", "427", "Not sure yet"]


def test_empty_store_is_an_empty_frame():
    df = nbkit.progress()
    assert df.columns.tolist() == COLUMNS and len(df) == 0


@pytest.mark.parametrize("suffix", ["csv", "json"])
def test_export_for_hand_in(tmp_path, suffix):
    record_answer("01-the-interview-as-data", "paragraph-count", "1", True, 1)
    out = export(tmp_path / f"hand-in.{suffix}")
    back = nbkit.quiz.load_class_results(out)
    assert back.columns.tolist() == COLUMNS
    assert back[["learner", "item", "attempt", "answer", "correct"]].values.tolist() == [
        ["ada", "paragraph-count", 1, "1", True]
    ]


def test_corrupt_file_is_moved_aside_with_a_warning(store_path):
    store_path.write_text('{"format": "nbkit-progress", "records": [', encoding="utf-8")
    with pytest.warns(RuntimeWarning, match="was damaged"):
        record_answer("00-start-here", "series-number", "427", True, 1)
    aside = sorted(store_path.parent.glob("progress.corrupt-*.json"))
    assert len(aside) == 1
    assert aside[0].read_text(encoding="utf-8") == '{"format": "nbkit-progress", "records": ['
    assert len(nbkit.progress()) == 1


def test_unwritable_place_raises_and_keeps_earlier_answers(store_path):
    record_answer("00-start-here", "series-number", "427", True, 1)
    before = store_path.read_bytes()
    folder = store_path.parent
    os.chmod(folder, 0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as a user who can write anywhere (root)")
        with pytest.raises(ProgressStoreError, match="cannot save your answer.*Earlier answers are safe"):
            record_answer("00-start-here", "series-number", "428", False, 2)
    finally:
        os.chmod(folder, 0o700)
    assert store_path.read_bytes() == before


@pytest.mark.parametrize(
    "module, name, errno, message",
    [
        ("tempfile", "mkstemp", 30, "Read-only file system"),  # no temporary file can be made
        ("os", "fsync", 28, "No space left on device"),  # the temporary file cannot be flushed
    ],
)
def test_simulated_fault_raises_store_error_and_keeps_file(store_path, monkeypatch, module, name, errno, message):
    """Faults injected where the write fails, so they also run without root (real tmpfs faults:
    tests/test_progress_faults_real.py). ProgressStoreError names the file; earlier answers stay; no temp file is left."""
    import importlib

    record_answer("00-start-here", "series-number", "427", True, 1)
    before = store_path.read_bytes()

    def fail(*args, **kwargs):
        raise OSError(errno, message)

    monkeypatch.setattr(importlib.import_module(module), name, fail)
    with pytest.raises(ProgressStoreError, match=rf"cannot save your answer \({message}\)") as info:
        record_answer("00-start-here", "series-number", "428", False, 2)
    assert info.value.path == str(store_path)
    monkeypatch.undo()
    assert store_path.read_bytes() == before
    assert not list(store_path.parent.glob(".progress.json.*.tmp"))


def test_not_a_directory_raises_store_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ProgressStoreError, match="cannot save your answer"):
        record_answer("00-start-here", "series-number", "427", True, 1, path=blocker / "p.json")


WRITER = textwrap.dedent("""
    import sys
    from nbkit.progress import record_answer
    path, learner, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    for i in range(1, n + 1):
        record_answer("00-start-here", "series-number", str(i), i % 2 == 0, i, path=path, learner=learner)
        print(i, flush=True)
""")


def _writer(path: Path, learner: str, n: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), learner, str(n)], stdout=subprocess.PIPE, text=True
    )


def test_two_processes_writing_200_each_leave_400(store_path):
    procs = [_writer(store_path, name, 200) for name in ("ada", "bo")]
    for p in procs:
        p.communicate(timeout=300)
        assert p.returncode == 0
    recs = ProgressStore(store_path).records()
    assert len(recs) == 400
    for name in ("ada", "bo"):
        assert [r["attempt"] for r in recs if r["learner"] == name] == list(range(1, 201))


def test_sigkill_mid_write_leaves_valid_json(store_path):
    proc = _writer(store_path, "ada", 100000)
    done = 0
    while done < 30:  # let it complete some writes, then kill it while it keeps writing
        line = proc.stdout.readline()
        assert line, "writer stopped early"
        done = int(line)
    time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    acknowledged = done
    for line in proc.stdout.read().split():
        acknowledged = int(line)
    doc = json.loads(store_path.read_text(encoding="utf-8"))  # valid JSON, not a half-written file
    attempts = [r["attempt"] for r in doc["records"]]
    assert attempts == list(range(1, len(attempts) + 1))  # nothing lost, nothing out of order
    assert len(attempts) >= acknowledged  # every write reported complete is there (at most one more)
    assert len(attempts) <= acknowledged + 1
    assert len(ProgressStore(store_path).records()) == len(attempts)


def test_non_utf8_file_is_moved_aside(tmp_path):
    from nbkit.progress.store import ProgressStore

    path = tmp_path / "progress.json"
    path.write_bytes(b'{"format": "nbkit-progress", "records": ["\xff"]}')
    with pytest.warns(RuntimeWarning, match="was damaged"):
        assert ProgressStore(path).records() == []
    assert [p.name.split("-")[0] for p in tmp_path.glob("progress.corrupt-*.json")] == ["progress.corrupt"]


def test_damaged_records_are_left_out_after_a_copy(tmp_path):
    import json

    from nbkit.progress.frame import frame
    from nbkit.progress.store import ProgressStore

    good = {
        "learner": "ana",
        "notebook": "00-start-here",
        "item": "series-number",
        "attempt": 1,
        "answer": "427",
        "correct": True,
        "time": "2026-11-26T10:00:00.000+00:00",
    }
    path = tmp_path / "progress.json"
    path.write_text(
        json.dumps(
            {
                "format": "nbkit-progress",
                "version": 1,
                "records": [good, 1, {**good, "attempt": "two"}, {**good, "time": "yesterday"}],
            }
        )
    )
    with pytest.warns(RuntimeWarning, match="holds 3 damaged record"):
        assert ProgressStore(path).records() == [good]
    copies = list(tmp_path.glob("progress.damaged-*.json"))
    assert len(copies) == 1 and json.loads(copies[0].read_text())["records"][1] == 1
    with pytest.warns(RuntimeWarning):
        assert frame(path)["answer"].tolist() == ["427"]
