"""Every check of the annotation files fires: copy the files, break one thing, expect the exact error."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
import yaml

import nbkit
from nbkit.resources import data_file

from .expected_frames import CURATED_FRAMES, LEXICAL_FRAMES

DATA = Path(str(data_file("annotations")))
CASES_FILE = Path(__file__).parent / "data" / "broken_annotations.yaml"


@pytest.fixture(scope="module")
def iv():
    return nbkit.load_interview()


@pytest.fixture
def data_dir(tmp_path):
    target = tmp_path / "annotations"
    shutil.copytree(DATA, target)
    return target


def set_csv(name, row, field, value):
    """An edit: set ``field`` of 1-based data ``row`` of a CSV file."""

    def edit(folder: Path):
        path = folder / name
        rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
        rows[row - 1][field] = value
        with path.open("w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)

    return edit


def set_yaml(name, row, field, value):
    """An edit: set (or, with value None, delete) ``field`` of 1-based entry ``row`` of a YAML list."""

    def edit(folder: Path):
        path = folder / name
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        entry = data if name == "manifest.yaml" else data[row - 1]
        if value is None:
            del entry[field]
        else:
            entry[field] = value
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    return edit


def replace_text(name, old, new):
    def edit(folder: Path):
        path = folder / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return edit


def delete_file(name):
    return lambda folder: (folder / name).unlink()


def load_cases(path: Path = CASES_FILE) -> list:
    """The cases of tests/data/broken_annotations.yaml as ``pytest.param(edit, file, row, field, words, id=...)``."""
    cases = []
    for file, entries in yaml.safe_load(path.read_text(encoding="utf-8")).items():
        for case_id, case in entries.items():
            if "set" in case:
                row, field, value = case["set"]
                edit = (set_yaml if file.endswith(".yaml") else set_csv)(file, row, field, value)
                row, field = case.get("error", (row, field))
            elif "replace" in case:
                edit = replace_text(file, *case["replace"])
                row, field = case["error"]
            else:
                assert case["delete"] is True, case_id
                edit = delete_file(file)
                row, field = case["error"]
            cases.append(pytest.param(edit, file, row, field, case["words"], id=case_id))
    return cases


@pytest.mark.parametrize("edit, file, row, field, words", load_cases())
def test_each_check_fires(iv, data_dir, edit, file, row, field, words):
    edit(data_dir)
    with pytest.raises(nbkit.DataValidationError) as info:
        nbkit.load_annotations(iv, data_dir=data_dir)
    err = info.value
    assert (Path(err.path).name, err.row, err.field) == (file, row, field), str(err)
    assert Path(err.path).parent == data_dir
    assert words in err.reason, str(err)
    message = str(err)
    assert message.startswith(file) and (row is None or f"row {row}" in message)


@pytest.mark.parametrize("frame", CURATED_FRAMES)
def test_curated_files_refuse_another_text(iv, data_dir, frame):
    set_yaml("manifest.yaml", 1, "sha256", "0" * 64)(data_dir)
    with pytest.raises(nbkit.DataValidationError) as info:
        nbkit.load_annotations(iv, data_dir=data_dir, frames=[frame])
    err = info.value
    assert (Path(err.path).name, err.row, err.field) == ("manifest.yaml", None, "sha256")
    assert "exist only for the bundled interview" in err.reason
    assert sorted(nbkit.load_annotations(iv, data_dir=data_dir)) == LEXICAL_FRAMES


def test_the_bundled_files_pass_unchanged(iv, data_dir):
    frames = nbkit.load_annotations(iv, data_dir=data_dir)
    assert len(frames["claims"]) == 54 and len(frames["argument_links"]) == 56


def test_messages_read_like_sentences(iv, data_dir):
    set_csv("claims.csv", 7, "kind", "opinion")(data_dir)
    with pytest.raises(nbkit.DataValidationError) as info:
        nbkit.load_annotations(iv, data_dir=data_dir)
    assert str(info.value) == (
        "claims.csv, row 7, field 'kind': 'opinion' is not a known value. Use one of: thesis, "
        "reason, evidence, counterpoint, implication, prediction, context."
    )


def test_a_bom_from_a_spreadsheet_is_accepted(iv, data_dir):
    path = data_dir / "glossary.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert len(nbkit.load_annotations(iv, data_dir=data_dir, frames=["glossary"])["glossary"]) == 30


def test_the_bundled_layer_is_not_affected_by_a_broken_copy(iv, data_dir):
    set_csv("claims.csv", 1, "quote", "nothing like this")(data_dir)
    with pytest.raises(nbkit.DataValidationError):
        nbkit.load_annotations(iv, data_dir=data_dir)
    assert len(iv.claims) == 54
