"""``nbkit export``: every frame as CSV/Parquet plus a data dictionary, read back without loss."""

import csv
import io
import shutil
import subprocess

import pandas as pd
import pytest

import nbkit
from nbkit import frames as schema
from nbkit.commands.export import DICTIONARY_COLUMNS, FRAMES, collect_frames, read_export

from .cli_helpers import nbkit as run_nbkit
from .expected_frames import CURATED_FRAMES, TOKEN_COLUMNS

pytestmark = pytest.mark.slow  # runs `nbkit export` in subprocesses


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    out = tmp_path_factory.mktemp("export") / "frames"
    r = run_nbkit("export", out)
    assert r.returncode == 0, r.stderr
    assert r.stderr.strip() == f"18 frames and the data dictionary written to {out} (csv)"
    return out


@pytest.fixture(scope="module")
def frames():
    return collect_frames()


@pytest.mark.parametrize("name", FRAMES)
def test_docstring_lists_exactly_the_columns(name, frames):
    doc = getattr(type(nbkit.load_interview()), name).__doc__
    assert doc == schema.describe(name)
    cols = [line.split()[0] for line in doc.split("Columns:\n")[1].split("\n\n")[0].splitlines()]
    assert cols == list(frames[name].columns)


def test_files_written(exported):
    assert sorted(p.name for p in exported.iterdir()) == sorted([f"{n}.csv" for n in FRAMES] + ["data_dictionary.csv"])


@pytest.mark.parametrize("name", FRAMES)
def test_csv_round_trip(exported, frames, name):
    pd.testing.assert_frame_equal(read_export(exported, name), frames[name])


def test_data_dictionary(exported, frames):
    d = read_export(exported, "data_dictionary")
    assert list(d.columns) == DICTIONARY_COLUMNS
    assert len(d) == sum(f.shape[1] for f in frames.values())
    row = d[(d["frame"] == "paragraphs") & (d["column"] == "role")].iloc[0]
    assert (row["type"], row["levels"]) == ("ordered category", "intro; question; answer")
    assert row["meaning"] == "what the paragraph is: the introduction, a question or an answer"
    row = d[(d["frame"] == "tokens") & (d["column"] == "start")].iloc[0]
    assert (row["type"], row["meaning"]) == ("int64", "offset of its first character in Interview.source")
    row = d[(d["frame"] == "timeline") & (d["column"] == "date")].iloc[0]
    assert row["type"] == "datetime64[ns]"
    assert set(d["type"]) == {"str", "int64", "Int64", "bool", "category", "ordered category", "datetime64[ns]"}
    assert (d["meaning"] != "").all()


def test_csv_is_rfc4180_utf8_with_r_conventions(exported):
    raw = (exported / "tokens.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8")
    assert text.count("\r\n") == 1171 and "\n" not in text.replace("\r\n", "")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == TOKEN_COLUMNS
    assert len(rows) == 1171 and {len(r) for r in rows} == {9}
    assert {r[8] for r in rows[1:]} == {"TRUE", "FALSE"}
    assert rows[1] == ["1", "1", "1", "", "The", "the", "0", "3", "TRUE"]  # NA question_id (intro) is empty
    para = list(csv.reader(io.StringIO((exported / "paragraphs.csv").read_text(encoding="utf-8"), newline="")))
    assert para[1][:4] == ["1", "intro", "", ""]
    claims = (exported / "claims.csv").read_text(encoding="utf-8")
    assert "’" in claims and "NaN" not in claims and "<NA>" not in claims


@pytest.mark.skipif(shutil.which("Rscript") is None, reason="R is not installed; the RFC 4180 test stands in")
def test_r_reads_the_csv(exported):
    script = (
        f'd <- read.csv("{exported}/tokens.csv", na.strings = "", encoding = "UTF-8"); '
        "cat(nrow(d), class(d$is_stopword), sum(is.na(d$question_id)))"
    )
    out = subprocess.run(["Rscript", "-e", script], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["1170", "logical", str(int(nbkit.load_interview().tokens["question_id"].isna().sum()))]


def test_parquet_round_trip(tmp_path, frames):
    pytest.importorskip("pyarrow")
    r = run_nbkit("export", tmp_path, "--format", "parquet")
    assert r.returncode == 0, r.stderr
    for name, df in frames.items():
        pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / f"{name}.parquet"), df)


def test_other_interview_skips_curated_frames(tmp_path):
    from nbkit.synthetic import synthetic_interview

    src = tmp_path / "other.txt"
    src.write_text(synthetic_interview(seed=1, n_questions=2), encoding="utf-8")
    r = run_nbkit("export", tmp_path / "out", "--interview", src)
    assert r.returncode == 0, r.stderr
    names = {p.stem for p in (tmp_path / "out").iterdir()}
    assert names == set(FRAMES) - set(CURATED_FRAMES) | {"data_dictionary"}


def test_export_usage_errors(tmp_path):
    f = tmp_path / "file.txt"
    f.write_text("x")
    r = run_nbkit("export", f)
    assert r.returncode == 2
    assert r.stderr.strip() == f"nbkit export: {f} is a file; give a folder to write the frames into"
    r = run_nbkit("export", tmp_path / "o", "--interview", tmp_path / "missing.txt")
    assert r.returncode == 2 and "missing.txt not found" in r.stderr
