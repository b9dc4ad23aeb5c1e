"""nbkit.validation: reading data files and explaining schema problems in sentences, for any nbkit error type."""

from __future__ import annotations

import json

import pytest

from nbkit import frames, validation
from nbkit.errors import DataValidationError, QuizBankError
from nbkit.resources import data_file

#: The schemas of the annotation files (``<file>.schema.json``); quiz banks and progress records have their own.
SCHEMAS = sorted(
    p.name for p in data_file("schemas").iterdir() if p.name.endswith((".csv.schema.json", ".yaml.schema.json"))
)


def raised(func, *args):
    with pytest.raises(DataValidationError) as info:
        func(*args)
    return info.value


def test_read_text_strips_a_bom_and_names_missing_and_non_utf8_files(tmp_path):
    (tmp_path / "a.csv").write_bytes(b"\xef\xbb\xbfx,y\n")
    assert validation.read_text(tmp_path / "a.csv", DataValidationError) == "x,y\n"
    err = raised(validation.read_text, tmp_path / "gone.csv", DataValidationError, "the file is missing. Restore it.")
    assert (err.path, err.row, err.field, err.reason) == (
        str(tmp_path / "gone.csv"),
        None,
        None,
        "the file is missing. Restore it.",
    )
    (tmp_path / "latin.csv").write_bytes("caf\xe9 noir".encode("latin-1"))
    err = raised(validation.read_text, tmp_path / "latin.csv", DataValidationError)
    assert err.reason == "the file is not UTF-8 text (invalid continuation byte at byte 3). Save it again as UTF-8."


def test_yaml_errors_name_line_and_column():
    err = raised(validation.parse_yaml, "- a: 1\n- b: [2\n", "f.yaml", DataValidationError)
    assert str(err).startswith("f.yaml: the file is not valid YAML at line 3, column 1: ")
    assert err.reason.endswith("Check the indentation and the quotes.")
    assert validation.parse_yaml("- a: 1\n", "f.yaml", DataValidationError) == [{"a": 1}]


def test_csv_header_and_row_widths():
    assert validation.parse_csv("a,b\n1,2\n", "t.csv", ["a", "b"], DataValidationError) == [{"a": "1", "b": "2"}]
    err = raised(validation.parse_csv, "a,c\n1,2\n", "t.csv", ["a", "b"], DataValidationError)
    assert (err.row, err.field, err.reason) == (
        None,
        "b",
        "the header must be exactly a,b; found a,c. Fix the first line of the file.",
    )
    err = raised(validation.parse_csv, "a,b\n1,2\n1,2,3\n", "t.csv", ["a", "b"], DataValidationError)
    assert (err.row, err.field) == (2, None) and "has 3 values but the header has 2" in err.reason
    err = raised(validation.parse_csv, "a,b\n1\n", "t.csv", ["a", "b"], DataValidationError)
    assert (err.row, err.field) == (1, "b") and "too few commas" in err.reason


@pytest.fixture
def schema_file(tmp_path, monkeypatch):
    """A schema 'test.schema.json' with nested fields, read through validation like a bundled one."""
    schema = {
        "type": "object",
        "additionalProperties": False,
        "required": ["id", "evidence", "flag"],
        "properties": {
            "id": {"type": "string", "pattern": "^Q[0-9]+$", "description": "an id such as 'Q1'"},
            "evidence": {
                "type": "object",
                "required": ["quote"],
                "additionalProperties": False,
                "properties": {
                    "quote": {"type": "string", "pattern": r"\S"},
                    "paragraph_id": {"type": "integer", "minimum": 1, "description": "a paragraph number"},
                },
            },
            "flag": {"type": "string"},
            "answers": {"type": "array", "contains": {"const": "yes"}, "x-message": "needs at least one answer 'yes'"},
            "stance": {"type": "string", "x-categories": "claims.stance"},
        },
    }
    (tmp_path / "test.schema.json").write_text(json.dumps(schema), encoding="utf-8")
    monkeypatch.setattr(validation, "data_file", lambda name: tmp_path / name)
    validation._schema.cache_clear()
    validation.validator.cache_clear()
    yield "test.schema.json"
    validation._schema.cache_clear()
    validation.validator.cache_clear()


GOOD = {"id": "Q1", "evidence": {"quote": "text", "paragraph_id": 3}, "flag": "yes"}


@pytest.mark.parametrize(
    "change, field, reason",
    [
        ({"id": "item1"}, "id", "expected an id such as 'Q1'; found 'item1'. Correct the value."),
        ({"evidence": {"quote": "  "}}, "evidence.quote", "is empty. Fill in 'evidence.quote': every row needs one."),
        (
            {"evidence": {"quote": "q", "paragraph_id": 0}},
            "evidence.paragraph_id",
            "expected a paragraph number; found 0. Correct the value.",
        ),
        ({"evidence": {}}, "evidence.quote", "the field 'quote' is missing. Add it to this entry."),
        (
            {"evidence": {"quote": "q", "para": 3}},
            "evidence.para",
            "'para' is not a known field. Remove it or correct its name (quote, paragraph_id).",
        ),
        ({"flag": True}, "flag", 'expected text but YAML read True as a boolean. Put it in quotes, e.g. "True".'),
        ({"stance": "both"}, "stance", "'both' is not a known value. Use one of: transactional, strategic, neither."),
        (
            {"extra": 1},
            "extra",
            "'extra' is not a known field. Remove it or correct its name (id, evidence, flag, answers, stance).",
        ),
        ({"answers": ["no"]}, "answers", "needs at least one answer 'yes'"),
    ],
)
def test_explained_problems_name_the_field(schema_file, change, field, reason):
    with pytest.raises(QuizBankError) as info:
        validation.check({**GOOD, **change}, schema_file, QuizBankError, "bank.yaml", "q-1")
    err = info.value
    assert (err.path, err.item, err.field, err.reason) == ("bank.yaml", "q-1", field, reason)
    assert str(err) == f"bank.yaml, item 'q-1', field '{field}': {reason}"


def test_the_first_problem_follows_the_schema_order(schema_file):
    found = validation.findings({"id": "x", "evidence": {"quote": ""}, "flag": 1}, schema_file)
    assert [f.field for f in found] == ["id", "evidence.quote", "flag"]
    assert validation.findings(GOOD, schema_file) == []
    assert validation.dotted(("answers", 1, "answer")) == "answers[1].answer" and validation.dotted(()) is None


@pytest.mark.parametrize("name", SCHEMAS)
def test_annotation_schemas_are_valid_and_take_categories_from_the_frame_schema(name):
    from nbkit.jsonschema_import import import_jsonschema

    schema = validation.load_schema(f"schemas/{name}")
    import_jsonschema().Draft202012Validator.check_schema(schema)
    assert schema["required"] == list(schema["properties"]) and schema["additionalProperties"] is False
    for prop in schema["properties"].values():
        if "x-categories" in prop:
            assert prop["enum"] == frames.categories(*prop["x-categories"].split("."))
    raw = json.loads(data_file(f"schemas/{name}").read_text(encoding="utf-8"))
    assert all("enum" not in p or "x-categories" not in p for p in raw["properties"].values())


def test_every_annotation_file_has_a_schema():
    files = sorted(p.name for p in data_file("annotations").iterdir() if p.name.endswith((".csv", ".yaml")))
    assert [f"{f}.schema.json" for f in files] == SCHEMAS
