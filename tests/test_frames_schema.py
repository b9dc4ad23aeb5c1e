"""Every frame matches nbkit/data/frames.yaml exactly, and the schema is the one place a column is declared."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import yaml

import nbkit
from nbkit import frames
from nbkit.commands.export import FRAMES, data_dictionary
from nbkit.course import AnnotatedInterview

from .expected_frames import ANNOTATION_COLUMNS, TEXT_FRAMES

ROOT = Path(__file__).resolve().parents[1]
DTYPES = {"str": "str", "int64": "int64", "Int64": "Int64", "bool": "bool", "datetime64[ns]": "datetime64[ns]"}


@pytest.fixture(scope="module")
def iv():
    return nbkit.load_interview()


def assert_matches_schema(frame: pd.DataFrame, name: str, corpus: bool = False):
    specs = {**(frames.schema()["corpus_columns"] if corpus else {}), **frames.schema()["frames"][name]["columns"]}
    assert list(frame.columns) == list(specs), name
    assert isinstance(frame.index, pd.RangeIndex) and frame.index.start == 0
    for col, spec in specs.items():
        dtype = frame[col].dtype
        if spec["dtype"] == "category":
            assert isinstance(dtype, pd.CategoricalDtype), f"{name}.{col}"
            assert list(dtype.categories) == spec["categories"], f"{name}.{col}"
            assert dtype.ordered == spec.get("ordered", False), f"{name}.{col}"
        else:
            assert str(dtype) == DTYPES[spec["dtype"]], f"{name}.{col} is {dtype}, schema says {spec['dtype']}"
        if not spec.get("nullable", False):
            assert not frame[col].isna().any(), f"{name}.{col} holds NA but the schema says it never does"


def test_the_schema_lists_the_frames_in_export_order():
    assert frames.frame_names("text") == TEXT_FRAMES
    assert TEXT_FRAMES + tuple(ANNOTATION_COLUMNS) == FRAMES
    assert frames.frame_names("helper") == ("kwic", "instruction_verbs", "disagreements", "data_dictionary")


@pytest.mark.parametrize("name", FRAMES)
def test_every_frame_of_the_bundled_interview_matches_the_schema(iv, name):
    frame = getattr(iv, name)
    assert len(frame) > 0
    assert_matches_schema(frame, name)


def test_helper_frames_and_corpus_frames_match_the_schema(iv, tmp_path):
    assert_matches_schema(nbkit.kwic(iv, "treaty"), "kwic")
    assert_matches_schema(nbkit.kwic(iv, "nowhere"), "kwic")  # no match: still the columns and dtypes
    assert_matches_schema(nbkit.load_instruction_verbs(), "instruction_verbs")
    assert_matches_schema(data_dictionary(iv), "data_dictionary")
    (tmp_path / "a.txt").write_text(iv.source, encoding="utf-8")
    for name, frame in nbkit.load_corpus([tmp_path / "a.txt"]).items():
        assert_matches_schema(frame, name, corpus=True)
        assert frame["interview_id"].eq("a").all()


def test_categories_have_one_home(iv):
    assert (
        frames.categories("paragraphs", "role")
        == frames.categories("sentences", "role")
        == ["intro", "question", "answer"]
    )
    assert (
        frames.categories("markers", "kind")
        == frames.categories("marker_lexicon", "kind")
        == ["hedge", "booster", "estimative"]
    )
    from nbkit import validation

    enum = validation.load_schema("schemas/claims.csv.schema.json")["properties"]["stance"]["enum"]
    assert enum == frames.categories("claims", "stance") == ["transactional", "strategic", "neither"]


def test_the_interview_classes_have_exactly_the_schema_frames():
    def properties(cls):
        return tuple(n for n, v in vars(cls).items() if isinstance(v, property))

    assert properties(nbkit.Interview) == frames.frame_names("text")
    assert properties(AnnotatedInterview) == frames.frame_names("annotations")
    assert issubclass(AnnotatedInterview, nbkit.Interview)


@pytest.mark.parametrize("name", FRAMES)
def test_property_docstrings_are_generated_from_the_schema(name):
    doc = getattr(AnnotatedInterview, name).__doc__
    assert doc == frames.describe(name)
    listed = [line.split()[0] for line in doc.split("Columns:\n")[1].split("\n\n")[0].splitlines()]
    assert listed == frames.columns(name)


def test_describe_gives_type_and_meaning():
    doc = frames.describe("paragraphs")
    assert doc.startswith("One row per paragraph (non-blank line).\n\nColumns:\n")
    assert "    role (ordered category: intro < question < answer): what the paragraph is" in doc
    assert "    question_id (Int64, may be NA): the question it asks or answers, NA for the intro." in doc
    assert doc.endswith("Source: the interview text, split into lines.")
    assert "Columns:" in nbkit.load_claims.__doc__ and "claim_id (str)" in nbkit.load_claims.__doc__
    assert "left (str)" in nbkit.kwic.__doc__


def test_docs_frames_md_is_generated_from_the_schema():
    assert (ROOT / "docs" / "frames.md").read_text(encoding="utf-8") == frames.markdown()


def test_cast_refuses_what_the_schema_forbids():
    with pytest.raises(KeyError, match="needs the column 'relation'"):
        frames.cast("argument_links", {"from_claim": ["C01"], "to_claim": ["C02"]})
    with pytest.raises(ValueError, match="argument_links.relation: 'contradicts' is not one of the categories"):
        frames.cast("argument_links", {"from_claim": ["C01"], "to_claim": ["C02"], "relation": ["contradicts"]})
    with pytest.raises(ValueError, match="argument_links.from_claim holds NA, but frames.yaml says it never does"):
        frames.from_rows("argument_links", [(None, "C02", "supports")])
    with pytest.raises(ValueError, match="claims.start: "):
        frames.from_rows("claims", [("C01", 3, 1, "q", "x", 10, "s", "thesis", "lee", "neither", "", "")])
    with pytest.raises(KeyError, match="'claim' is not a frame"):
        frames.columns("claim")


def test_adding_a_column_is_one_line_in_the_schema(monkeypatch):
    """One new line in frames.yaml, and the cast frame, the docstring and the export dictionary all carry it."""
    text = (ROOT / "nbkit" / "data" / "frames.yaml").read_text(encoding="utf-8")
    anchor = '      description: {dtype: str, meaning: "who or what the actor is"}\n'
    assert text.count(anchor) == 1
    line = '      founded: {dtype: Int64, nullable: true, meaning: "year the actor came into being, NA if unknown"}\n'
    monkeypatch.setattr(frames, "schema", lambda: yaml.safe_load(text.replace(anchor, anchor + line)))

    cast = frames.cast("actors", {"actor": ["Russia"], "kind": ["state"], "description": ["x"], "founded": [1991]})
    assert list(cast.columns) == ["actor", "kind", "description", "founded"]
    assert str(cast["founded"].dtype) == "Int64" and cast.loc[0, "founded"] == 1991

    prop = frames.frame_property("actors", lambda self, name: None)
    assert "    founded (Int64, may be NA): year the actor came into being, NA if unknown." in prop.__doc__

    dictionary = data_dictionary(frames={"actors": cast})
    row = dictionary[dictionary["column"] == "founded"].iloc[0].to_dict()
    assert row == {
        "frame": "actors",
        "column": "founded",
        "type": "Int64",
        "meaning": "year the actor came into being, NA if unknown",
        "levels": "",
    }
    assert "| `founded` | Int64, may be NA | year the actor came into being, NA if unknown |" in frames.markdown()
