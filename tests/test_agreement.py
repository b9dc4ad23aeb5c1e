"""nbkit.agreement: percent agreement and Cohen's kappa on literal fixtures with known values."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import nbkit
from nbkit.agreement import Agreement, AgreementError, agreement

from .test_frames_schema import assert_matches_schema


@pytest.fixture(scope="module")
def iv():
    return nbkit.load_interview()


def _pairs(*counts: tuple[str, str, int]) -> tuple[dict, dict]:
    """Two codings from (mine, theirs, how many items) rows, items numbered i01, i02..."""
    mine, theirs = {}, {}
    for a, b, k in counts:
        for _ in range(k):
            item = f"i{len(mine) + 1:02d}"
            mine[item], theirs[item] = a, b
    return mine, theirs


def test_cohen_style_two_by_two():
    """50 items: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no.
    p_o = 35/50 = 0.70; mine says yes 25 times, theirs 30: p_e = (25*30 + 25*20)/50**2 = 0.50;
    kappa = (0.70 - 0.50)/(1 - 0.50) = 0.40."""
    mine, theirs = _pairs(("yes", "yes", 20), ("yes", "no", 5), ("no", "yes", 10), ("no", "no", 15))
    r = agreement(mine, theirs)
    assert (r.n, r.agreed) == (50, 35)
    assert r.percent == pytest.approx(70.0) and r.observed == pytest.approx(0.70)
    assert r.expected == pytest.approx(0.50) and r.kappa == pytest.approx(0.40)
    assert len(r.disagreements) == 15
    assert r.disagreements.groupby(["mine", "theirs"]).size().to_dict() == {("no", "yes"): 10, ("yes", "no"): 5}
    assert str(r) == "35 of 50 items coded alike (70 %); Cohen’s kappa 0.40 (chance agreement 50 %)."


def test_three_categories_by_hand():
    """10 claims coded transactional (T), strategic (S) or neither (N):
    mine   T T T S S S S N N N
    theirs T T S S S S N N N T
    agreed: items 1, 2, 4, 5, 6, 8, 9 -> p_o = 7/10 = 0.70.
    mine has T 3, S 4, N 3; theirs has T 3, S 4, N 3 -> p_e = (3*3 + 4*4 + 3*3)/100 = 0.34.
    kappa = (0.70 - 0.34)/(1 - 0.34) = 0.36/0.66 = 6/11 = 0.5454..."""
    mine = dict(zip([f"C{i:02d}" for i in range(1, 11)], "T T T S S S S N N N".split()))
    theirs = pd.Series("T T S S S S N N N T".split(), index=list(mine))
    r = agreement(mine, theirs)
    assert (r.n, r.agreed) == (10, 7)
    assert r.expected == pytest.approx(0.34) and r.kappa == pytest.approx(6 / 11)
    assert r.disagreements.values.tolist() == [["C03", "t", "s"], ["C07", "s", "n"], ["C10", "n", "t"]]
    assert_matches_schema(r.disagreements, "disagreements")


def test_perfect_agreement_is_one():
    mine, theirs = _pairs(("strategic", "strategic", 3), ("neither", "neither", 2))
    r = agreement(mine, theirs)
    assert (r.agreed, r.percent, r.kappa) == (5, 100.0, 1.0)
    assert r.disagreements.empty and list(r.disagreements.columns) == ["item", "mine", "theirs"]


def test_chance_level_agreement_is_zero():
    """mine yes yes no no, theirs yes no yes no: p_o = 2/4 = 0.5 = p_e = (2*2 + 2*2)/16, so kappa = 0."""
    r = agreement({"a": "yes", "b": "yes", "c": "no", "d": "no"}, {"a": "yes", "b": "no", "c": "yes", "d": "no"})
    assert r.observed == 0.5 and r.expected == 0.5 and r.kappa == 0.0


def test_worse_than_chance_is_negative():
    r = agreement({"a": "yes", "b": "no"}, {"a": "no", "b": "yes"})
    assert (r.agreed, r.expected, r.kappa) == (0, 0.5, -1.0)


def test_kappa_undefined_when_chance_agreement_is_one():
    """Both codings put every item in one category: p_e = 1, so (p_o - p_e)/(1 - p_e) would divide by 0."""
    r = agreement({"a": "neither", "b": "neither"}, {"a": "neither", "b": "neither"})
    assert (r.percent, r.expected, r.kappa) == (100.0, 1.0, None)
    assert "kappa is undefined" in str(r) and "chance agreement is 1" in str(r)


def test_codes_compare_without_case_or_spaces():
    r = agreement({"C39": " Transactional ", "C52": "neither"}, {"C39": "transactional", "C52": "Neither"})
    assert r.agreed == 2


def test_stub_codes_are_not_coded_yet_not_errors():
    """The exercise starts with ... for every code: the notebook must still run (under nbval too)."""
    stub = {"C09": ..., "C39": ..., "C52": ...}
    theirs = {"C09": "neither", "C39": "transactional", "C52": "transactional"}
    r = agreement(stub, theirs)
    assert (r.n, r.kappa, r.not_coded) == (0, None, ("C09", "C39", "C52"))
    assert str(r).startswith("Not answered yet")
    half = agreement({"C09": "neither", "C39": "strategic", "C52": ...}, theirs)
    assert (half.n, half.agreed, half.not_coded) == (2, 1, ("C52",)) and "Not coded yet: C52." in str(half)


@pytest.mark.parametrize(
    ("mine", "theirs", "message"),
    [
        ({}, {"C01": "neither"}, "A coding is empty"),
        (
            {"C01": "neither", "C02": "neither"},
            {"C01": "neither", "C03": "neither"},
            "only in the first: C02; only in the second: C03",
        ),
        ({"C01": None}, {"C01": "neither"}, "no code for C01"),
        ({"C01": float("nan")}, {"C01": "neither"}, "no code for C01"),
        (["neither"], {"C01": "neither"}, "expected a dict or a Series"),
        (pd.Series(["a", "b"], index=["C01", "C01"]), {"C01": "a"}, "codes C01 more than once"),
    ],
)
def test_bad_codings_raise_nbkit_errors(mine, theirs, message):
    with pytest.raises(AgreementError, match=message) as info:
        agreement(mine, theirs)
    assert isinstance(info.value, nbkit.NbkitError) and isinstance(info.value, ValueError)


def test_a_typo_is_an_error_when_categories_are_given():
    with pytest.raises(AgreementError, match="C39 is coded 'strategc', which is not one of: transactional"):
        agreement({"C39": "strategc"}, {"C39": "strategic"}, categories=["transactional", "strategic", "neither"])


def test_annotators_against_themselves_and_a_recoding(iv):
    """On the bundled claims: the annotators agree with themselves; moving C39 and C52 back to `neither`
    (the coding before review 08-2) disagrees on exactly those two."""
    stance = iv.claims.set_index("claim_id")["stance"]
    assert agreement(stance, stance).kappa == 1.0
    before = stance.astype(str).copy()
    before[["C39", "C52"]] = "neither"
    r = agreement(before, stance, categories=stance.cat.categories)
    assert (r.n, r.agreed) == (54, 52)
    assert r.disagreements["item"].tolist() == ["C39", "C52"]
    # p_o = 52/54; p_e from the 24/20/10 (before) and 24/18/12 (after) splits of strategic/neither/transactional
    p_e = (24 * 24 + 20 * 18 + 10 * 12) / 54**2
    assert r.kappa == pytest.approx((52 / 54 - p_e) / (1 - p_e))


def test_public_name_and_result_type():
    """nbkit.agreement is the module and callable, like nbkit.progress: the call is the function."""
    assert nbkit.AgreementError is AgreementError and "agreement" in nbkit.__all__
    result = nbkit.agreement({"a": "x", "b": "y"}, {"a": "x", "b": "x"}, categories=["x", "y"])
    assert isinstance(result, Agreement) and (result.n, result.agreed) == (2, 1)


@given(st.lists(st.tuples(st.sampled_from("TSN"), st.sampled_from("TSN")), min_size=1, max_size=40))
def test_kappa_is_at_most_one_and_symmetric(pairs):
    mine = {f"i{k}": a for k, (a, _) in enumerate(pairs)}
    theirs = {f"i{k}": b for k, (_, b) in enumerate(pairs)}
    r, back = agreement(mine, theirs), agreement(theirs, mine)
    assert r.agreed == sum(a == b for a, b in pairs) and r.kappa == back.kappa
    assert r.kappa is None or r.kappa <= 1 + 1e-12
