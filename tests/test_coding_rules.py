"""docs/coding-rules.md: a rule for every stance and kind, and every quotation verbatim in the interview."""

from __future__ import annotations

import re

import nbkit
from nbkit import frames

from .conftest import ROOT

RULES = (ROOT / "docs" / "coding-rules.md").read_text(encoding="utf-8")


def _plain(text: str) -> str:
    """Compare quotations without the typography: curly and straight quotes, apostrophes and dashes alike."""
    for curly, straight in (("’", "'"), ("‘", "'"), ("“", "'"), ("”", "'"), ('"', "'")):
        text = text.replace(curly, straight)
    return text


def _section(value: str) -> str:
    return RULES.split(f"### `{value}`", 1)[1].split("\n#", 1)[0]


def test_every_stance_and_kind_has_a_test_question_an_example_and_a_hard_case():
    for column in ("stance", "kind"):
        for value in frames.categories("claims", column):
            section = _section(value)
            for part in ("**Test question:**", "**Example:**", "**Hard case:**"):
                assert part in section, (value, part)
            assert re.search(r"C\d\d \(para\. \d+\)", section), value


def test_the_coding_is_presented_as_contestable():
    assert "**The coding is the annotators' reading of the interview, and it is contestable.**" in RULES
    assert "nbkit.agreement" in RULES


def test_quotations_are_verbatim():
    source = _plain(nbkit.load_interview().source)
    quoted = [q for q in re.findall(r'"([^"\n]*)"', RULES) if len(q) >= 12]
    assert len(quoted) >= 25
    for q in quoted:
        q = q.rstrip(".").removesuffix(":")
        assert _plain(q) in source, q


def test_the_examples_are_coded_as_the_rules_say():
    claims = nbkit.load_interview().claims.set_index("claim_id")
    examples = {
        "transactional": "C26",
        "strategic": "C12",
        "neither": "C31",
        "thesis": "C03",
        "reason": "C50",
        "evidence": "C27",
        "counterpoint": "C01",
        "implication": "C36",
        "prediction": "C10",
        "context": "C02",
    }
    for value, claim in examples.items():
        column = "stance" if value in frames.categories("claims", "stance") else "kind"
        assert f"**Example:** {claim} (para." in _section(value), value
        assert claims.loc[claim, column] == value, (claim, column)
