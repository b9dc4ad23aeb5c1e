"""Class results: merge learners' exported files, per-item summary, chart spec."""

from __future__ import annotations

import pytest

from nbkit.errors import DataValidationError
from nbkit.progress import export, record_answer
from nbkit.quiz import class_chart, class_summary, load_class_results


@pytest.fixture
def class_files(tmp_path, monkeypatch):
    answers = {
        "ada": [
            ("who-is-interviewed", "Mercy Kuo", False),
            ("who-is-interviewed", "Rachel Minyoung Lee", True),
            ("first-impression", "Not sure yet", None),
        ],
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
    assert s.columns.tolist() == [
        "notebook",
        "item",
        "n_learners",
        "n_attempts",
        "pct_correct_first",
        "pct_correct_last",
        "common_wrong",
    ]
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
    with pytest.raises(DataValidationError, match=r"x.csv, row 1, field 'notebook': the field 'notebook' is missing"):
        load_class_results(bad)
    txt = tmp_path / "x.txt"
    txt.write_text("", encoding="utf-8")
    with pytest.raises(DataValidationError, match=r"x.txt: expected a .csv or .json file"):
        load_class_results(txt)
    with pytest.raises(DataValidationError, match=r"missing.csv: file not found"):
        load_class_results(tmp_path / "missing.csv")


HEADER = "learner,notebook,item,attempt,answer,correct,time\n"


@pytest.mark.parametrize(
    "row, field, reason",
    [
        (
            "ada,00-start-here,who,x,Lee,True,2024-09-01T10:00:00Z",
            "attempt",
            "expected a whole number from 1; found 'x'",
        ),
        ("ada,00-start-here,who,0,Lee,True,2024-09-01T10:00:00Z", "attempt", "expected a whole number from 1; found 0"),
        (
            "ada,00-start-here,who,1,Lee,maybe,2024-09-01T10:00:00Z",
            "correct",
            "expected true, false or empty; found 'maybe'",
        ),
        ("ada,00-start-here,who,1,Lee,True,yesterday", "time", "expected an ISO 8601 time"),
        (
            ",00-start-here,who,1,Lee,True,2024-09-01T10:00:00Z",
            "learner",
            "expected the learner's name \\(text\\); found ''",
        ),
    ],
)
def test_records_are_checked_with_the_progress_schema(tmp_path, row, field, reason):
    bad = tmp_path / "class.csv"
    bad.write_text(HEADER + "bo,00-start-here,who,1,Lee,,2024-09-01 10:00:00.5+00:00\n" + row + "\n", encoding="utf-8")
    with pytest.raises(DataValidationError, match=rf"class.csv, row 2, field '{field}': {reason}"):
        load_class_results(bad)


def test_csv_values_are_read_as_record_types(tmp_path):
    good = tmp_path / "class.csv"
    good.write_text(HEADER + "bo,00-start-here,who,2,Lee,FALSE,2024-09-01 10:00:00.5+00:00\n", encoding="utf-8")
    df = load_class_results(good)
    assert df[["learner", "attempt", "correct"]].values.tolist() == [["bo", 2, False]]
    assert str(df["time"].iloc[0]) == "2024-09-01 10:00:00.500000+00:00"
    odd = tmp_path / "odd.json"
    odd.write_text('[["ada", "00-start-here"]]', encoding="utf-8")
    with pytest.raises(DataValidationError, match=r"odd.json, row 1: expected a record with the columns learner, "):
        load_class_results(odd)
