"""The outside_views frame: what the two governments and outside analysts said, each with its source."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import nbkit
from nbkit.annotations.argument_layer import load_annotations

ALLOWED = set((Path(__file__).parent / "data" / "allowed_sources.txt").read_text(encoding="utf-8").split())


@pytest.fixture(scope="module")
def views():
    return nbkit.load_interview().outside_views


def test_twelve_statements_in_date_order(views):
    assert list(views["view_id"]) == [f"V{i:02d}" for i in range(1, 13)]
    assert views["date"].is_monotonic_increasing


def test_roles_and_sides_as_coded(views):
    assert views["role"].value_counts().to_dict() == {"government": 9, "analyst": 3}
    assert views["side"].value_counts().to_dict() == {"transactional": 5, "strategic": 4, "neither": 2, "mixed": 1}
    analysts = views[views["role"] == "analyst"]
    assert list(analysts["speaker"]) == ["Cho Han-bum", "ASPI", "Won Gon Park"]
    assert all("opinion, not a fact" in note for note in analysts["note"])


def test_every_source_is_a_checked_one(views):
    assert set(views["source"]) <= ALLOWED


def test_claims_named_exist(views):
    claims = set(nbkit.load_interview().claims["claim_id"])
    named = {cid for ids in views["bears_on"] if ids for cid in ids.split("; ")}
    assert named <= claims
    assert named == {"C03", "C04", "C05", "C20", "C26", "C34", "C35", "C42", "C44", "C49"}


def test_putin_june_2024_words_are_kept_beside_the_april_2025_invocation(views):
    v03 = views.set_index("view_id").loc["V03"]
    assert v03["quote"] == (
        "Also, the Russian leader pointed out that Moscow needed no one's help in the special military operation."
    )
    assert v03["source"] == "https://tass.com/politics/1854537"
    assert "E25" in v03["note"]


def _copy_with(tmp_path, old: str, new: str) -> Path:
    src = Path(nbkit.__file__).parent / "data" / "annotations"
    dst = tmp_path / "annotations"
    shutil.copytree(src, dst)
    path = dst / "outside_views.csv"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return dst


def test_an_unknown_claim_is_refused_with_row_and_field(tmp_path):
    data = _copy_with(tmp_path, "C03; C34,strategic", "C03; C99,strategic")
    with pytest.raises(nbkit.DataValidationError) as err:
        load_annotations(data_dir=data, frames=["outside_views"])
    assert str(err.value) == (
        "outside_views.csv, row 1, field 'bears_on': 'C99' is not a claim_id of claims.csv. "
        "Use the id of an existing claim."
    )


def test_an_unknown_side_is_refused(tmp_path):
    data = _copy_with(tmp_path, "C03; C34,strategic", "C03; C34,pro-russian")
    with pytest.raises(nbkit.DataValidationError, match=r"outside_views.csv, row 1, field 'side'"):
        load_annotations(data_dir=data, frames=["outside_views"])
