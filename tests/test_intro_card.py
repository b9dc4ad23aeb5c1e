"""The intro card (nbkit.intro_card): every intro shape of the series gives the exact fields.

The intros are short, self-written strings in the series' shapes (no real intro is copied).
"""

from __future__ import annotations

import pandas as pd
import pytest

from nbkit.intro_card import EXPECTED, ordinal_number, read_intro_card
from nbkit.synthetic import INTRO_STYLES, synthetic_interview
from tests.test_bad_input import load_bytes

OPEN = (
    "The Diplomat author Mercy Kuo regularly engages subject-matter experts for their insights into U.S. Asia policy. "
)
SERIES = "The Trans-Pacific View Insight Series"
ALL = (
    "outlet",
    "series",
    "series_number",
    "interviewer",
    "interviewee",
    "interviewee_title",
    "interviewee_affiliation",
)

CASES = [
    (  # 1 the seed's shape: commas, "a" dropped from the affiliation
        OPEN + "This conversation with Mina Cho, a senior fellow at the Example Center’s Korea Program and 38 North, "
        "is the 427th in “The Trans-Pacific View Insight Series.”",
        ("The Diplomat", SERIES, 427, "Mercy Kuo", "Mina Cho", None,
         "senior fellow at the Example Center’s Korea Program and 38 North"),
    ),
    (  # 2 en dashes, a comma and a quoted book title inside the affiliation, the title "Dr."
        OPEN + "This conversation with Dr. Ana Kowalski – professor of history at Example University, author of "
        "“Ports and Power: A History” – is the 411th in “The Trans-Pacific View Insight Series.”",
        ("The Diplomat", SERIES, 411, "Mercy Kuo", "Ana Kowalski", "Dr.",
         "professor of history at Example University, author of “Ports and Power: A History”"),
    ),
    (  # 3 em dashes without spaces, "Diplomat author" opening, 3rd
        "Diplomat author Mercy Kuo regularly engages experts. This conversation with Ambassador Tomas Reyes—former "
        "envoy to the Philippines, now at the Example Forum—is the 3rd in “The Trans-Pacific View Insight Series.”",
        ("The Diplomat", SERIES, 3, "Mercy Kuo", "Tomas Reyes", "Ambassador",
         "former envoy to the Philippines, now at the Example Forum"),
    ),
    (  # 4 no series clause: the sentence goes straight on after the affiliation
        OPEN + "This conversation with Farid Ismail, a lecturer at the University of Example, Malaysia explores the "
        "past, present, and future of Malaysia-China relations.",
        ("The Diplomat", None, None, "Mercy Kuo", "Farid Ismail", None, "lecturer at the University of Example, Malaysia"),
    ),
    (  # 5 no series clause, a closing comma before the verb
        OPEN + "This conversation with Prof. Lin Wei-ting, director of the Example Institute, examines Taiwan’s "
        "defense reforms.",
        ("The Diplomat", None, None, "Mercy Kuo", "Lin Wei-ting", "Prof.", "director of the Example Institute"),
    ),
    (  # 6 "Trans-Pacific View author" opening (no outlet named), 22nd, a quoted title with a comma
        "Trans-Pacific View author Mercy Kuo regularly engages experts. This conversation with General Sam Ortiz (ret.), "
        "author of “Deterrence, Again” and a former commander, is the 22nd in “The Trans-Pacific View Insight Series.”",
        (None, SERIES, 22, "Mercy Kuo", "Sam Ortiz (ret.)", "General",
         "author of “Deterrence, Again” and a former commander"),
    ),
    (  # 7 the number in words, spaced en dashes
        OPEN + "This conversation with Priya Nair – senior analyst, Example Risk Group – is the twenty-second in "
        "“The Trans-Pacific View Insight Series.”",
        ("The Diplomat", SERIES, 22, "Mercy Kuo", "Priya Nair", None, "senior analyst, Example Risk Group"),
    ),
    (  # 8 the seed's "no series clause" shape of test_bad_input: ends at the full stop
        "Diplomat author Mercy Kuo regularly engages subject-matter experts. "
        "This conversation with Jo Park, a fellow at the Example Institute.",
        ("The Diplomat", None, None, "Mercy Kuo", "Jo Park", None, "fellow at the Example Institute"),
    ),
    (  # 9 no affiliation at all
        OPEN + "This conversation with Dr. Kenji Mori is the 450th in “The Trans-Pacific View Insight Series.”",
        ("The Diplomat", SERIES, 450, "Mercy Kuo", "Kenji Mori", "Dr.", None),
    ),
    (  # 10 an em dash with spaces, the number in words with "hundred"
        OPEN + "This conversation with Rosa Lim — research fellow, Example Program on Southeast Asia — is the four "
        "hundred and eleventh in “The Trans-Pacific View Insight Series.”",
        ("The Diplomat", SERIES, 411, "Mercy Kuo", "Rosa Lim", None, "research fellow, Example Program on Southeast Asia"),
    ),
]  # fmt: skip


@pytest.mark.parametrize("intro, expected", CASES, ids=[f"intro{i}" for i in range(1, len(CASES) + 1)])
def test_every_intro_shape_gives_every_field(intro, expected):
    card = read_intro_card(intro)
    assert tuple(getattr(card, f) for f in ALL) == expected
    missing = [f for f, v in zip(ALL, expected) if v is None and f in EXPECTED]
    assert card.card_warnings == (f"not found: {', '.join(missing)}" if missing else "")


def test_the_warning_names_each_missing_field():
    assert read_intro_card(CASES[3][0]).card_warnings == "not found: series, series_number"
    assert read_intro_card(CASES[8][0]).card_warnings == "not found: interviewee_affiliation"
    assert read_intro_card(CASES[1][0]).card_warnings == ""


@pytest.mark.parametrize("bad", ["", "Why now?", "Mercy Kuo talks to experts.", "This talk with X, Y, is it."])
def test_bad_input_gives_warnings_not_an_exception(bad):
    card = read_intro_card(bad)
    assert card.interviewee is None and card.interviewee_affiliation is None and card.series_number is None
    assert card.card_warnings.startswith("not found: ") and "interviewee, interviewee_affiliation" in card.card_warnings


@pytest.mark.parametrize(
    "text, number",
    [("411th", 411), ("3rd", 3), ("22nd", 22), ("1st", 1), ("first", 1), ("twelfth", 12), ("twenty-second", 22),
     ("ninetieth", 90), ("one hundredth", 100), ("four hundred and eleventh", 411), ("four hundred eleventh", 411),
     ("twenty", None), ("many", None), ("", None)],
)  # fmt: skip
def test_ordinal_numbers(text, number):
    assert ordinal_number(text) == number


@pytest.mark.parametrize("style", list(INTRO_STYLES))
def test_meta_of_synthetic_intros_of_each_style(tmp_path, style):
    text = synthetic_interview(seed=3, n_questions=2, interviewee="Dr. Ana Kowalski", intro_style=style)
    m = load_bytes(tmp_path, text.encode()).meta.iloc[0]
    assert (m["interviewee"], m["interviewee_title"], m["interviewer"]) == ("Ana Kowalski", "Dr.", "Mercy Kuo")
    affiliation = {
        "comma": "senior fellow at the Example Institute",
        "no-series": "fellow at the Example Institute",
    }.get(style, "professor of history at Example University, author of “Ports and Power: A History”")
    assert m["interviewee_affiliation"] == affiliation
    if style == "no-series":
        assert pd.isna(m["series_number"]) and pd.isna(m["series"])
        assert m["card_warnings"] == "not found: series, series_number"
    else:
        assert (m["series_number"], m["series"], m["card_warnings"]) == (500, SERIES, "")


def test_meta_dtypes_hold_na(tmp_path):
    iv = load_bytes(tmp_path, b"Hello there.\nWhy now?\nBecause.")
    m = iv.meta
    assert str(m["series_number"].dtype) == "Int64" and m["series_number"].isna().all()
    assert m["interviewee_title"].isna().all()
    assert m.loc[0, "card_warnings"] == (
        "not found: outlet, series, series_number, interviewer, interviewee, interviewee_affiliation"
    )


def test_unknown_intro_style():
    with pytest.raises(ValueError, match="unknown intro_style 'dashes'; choose from comma, en-dash, em-dash"):
        synthetic_interview(intro_style="dashes")
