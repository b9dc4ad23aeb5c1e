"""Class results: merge learners' exported files, per-item summary, chart spec."""

from __future__ import annotations

import pytest

from nbkit.errors import DataValidationError
from nbkit.progress import export, record_answer
from nbkit.quiz import class_chart, class_summary, load_class_results


@pytest.fixture
def class_files(tmp_path, monkeypatch):
    answers = {
        "ada": [("who-is-interviewed", "Mercy Kuo", False), ("who-is-interviewed", "Rachel Minyoung Lee", True),
                ("first-impression", "Not sure yet", None)],
        "bo": [("who-is-interviewed", "Rachel Minyoung Lee", True)],
        "cy": [("who-is-interviewed", "Mercy Kuo", False), ("who-is-interviewed", "Vladimir Putin", False)],
    }
    files = []
    for learner, rows in answers.items():
        monkeypatch.setenv("NBKIT_PROGRESS", str(tmp_path / f"{learner}.json"))
        monkeypatch.setenv("NBKIT_LEARNER", learner)
        for n, (item, answer, correct) in enumerate(rows, start=1):
            attempt = sum(r[0] == item for r in rows[:n])
            record_answer("00-start-here", item, answer, correct, attempt)
        files.append(export(tmp_path / f"{learner}.{'csv' if learner != 'bo' else 'json'}"))
    return files


def test_merge_and_summary(class_files):
    df = load_class_results(class_files + class_files[:1])  # a file given twice counts once
    assert df.columns.tolist() == ["learner", "notebook", "item", "attempt", "answer", "correct", "time"]
    assert len(df) == 6
    s = class_summary(df)
    assert s.columns.tolist() == ["notebook", "item", "n_learners", "n_attempts", "pct_correct_first",
                                  "pct_correct_last", "common_wrong"]
    who = s.set_index("item").loc["who-is-interviewed"]
    assert (who["n_learners"], who["n_attempts"]) == (3, 5)
    assert who["pct_correct_first"] == pytest.approx(100 / 3)
    assert who["pct_correct_last"] == pytest.approx(200 / 3)
    assert who["common_wrong"] == "Mercy Kuo (2); Vladimir Putin (1)"
    poll = s.set_index("item").loc["first-impression"]
    assert poll["common_wrong"] == "" and poll["pct_correct_first"] != poll["pct_correct_first"]  # NaN


def test_chart_spec(class_files):
    spec = class_chart(class_summary(load_class_results(class_files))).to_dict()
    assert spec["mark"]["type"] == "bar"
    assert spec["encoding"]["x"]["field"] == "pct_correct_first"
    assert spec["encoding"]["y"]["field"] == "item"
    data = next(iter(spec["datasets"].values()))
    assert [row["item"] for row in data] == ["who-is-interviewed"]


def test_bad_class_file(tmp_path):
    bad = tmp_path / "x.csv"
    bad.write_text("learner,item\nada,who\n", encoding="utf-8")
    with pytest.raises(DataValidationError, match=r"x.csv, row 1, field 'notebook': column missing"):
        load_class_results(bad)
    txt = tmp_path / "x.txt"
    txt.write_text("", encoding="utf-8")
    with pytest.raises(DataValidationError, match=r"x.txt: expected a .csv or .json file"):
        load_class_results(txt)
    with pytest.raises(DataValidationError, match=r"missing.csv: file not found"):
        load_class_results(tmp_path / "missing.csv")
