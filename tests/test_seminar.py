"""Notebook 08's seminar (seminar.yaml): roles by roster and seed, a balanced deck, plans that add up, votes."""

from __future__ import annotations

import re

import nbformat
import pandas as pd
import pytest

import nbkit
from nbkit.cli import main
from nbkit.debate import debate_cards, debate_deck
from nbkit.errors import QuizBankError
from nbkit.quiz.votes import vote_table
from nbkit.seminar import SeminarError, assign_roles, before_class, check_plans, debate_minutes, plan_minutes, seminar

from .conftest import POLL_OPTIONS, ROOT, VOTE_SHIFT

NB08 = nbformat.read(ROOT / "notebooks" / "08-seminar-and-review.ipynb", as_version=4)
GUIDE = (ROOT / "docs" / "teaching-guide.md").read_text(encoding="utf-8")
CLASS = ["Ana", "Ben", "Chen", "Dara", "Eli", "Femi", "Gus", "Hana", "Ike", "Jo"]


@pytest.fixture(scope="module")
def iv():
    return nbkit.load_interview()


@pytest.fixture
def run_cli(capsys, monkeypatch):
    """Run ``nbkit ARGS`` in this process from the repository root: (exit code, stdout, stderr)."""
    monkeypatch.chdir(ROOT)

    def run(*args):
        code = main([str(a) for a in args])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


def _markdown(nb) -> str:
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


# -- roles --------------------------------------------------------------------------------------


def test_roles_for_ten_learners_are_fixed_by_the_seed():
    roles = assign_roles(CLASS, seed=8)
    assert roles.to_dict("records") == [
        {"learner": "Ike", "role": "speaker", "side": "strategic"},
        {"learner": "Chen", "role": "speaker", "side": "transactional"},
        {"learner": "Jo", "role": "speaker", "side": "strategic"},
        {"learner": "Eli", "role": "speaker", "side": "transactional"},
        {"learner": "Ana", "role": "chair", "side": ""},
        {"learner": "Hana", "role": "timekeeper", "side": ""},
        {"learner": "Ben", "role": "card checker", "side": "strategic"},
        {"learner": "Gus", "role": "card checker", "side": "transactional"},
        {"learner": "Femi", "role": "speaker", "side": "strategic"},
        {"learner": "Dara", "role": "speaker", "side": "transactional"},
    ]


def test_roles_do_not_depend_on_the_roster_order():
    assert assign_roles(CLASS, seed=8).equals(assign_roles(list(reversed(CLASS)), seed=8))
    assert not assign_roles(CLASS, seed=8).equals(assign_roles(CLASS, seed=9))


def test_every_learner_gets_exactly_one_role_and_sides_are_even():
    for n in range(4, 31):
        roles = assign_roles([f"learner{i:02d}" for i in range(n)], seed=n)
        learners = roles[roles["learner"] != "(teacher)"]
        assert sorted(learners["learner"]) == sorted(f"learner{i:02d}" for i in range(n))
        speakers = learners[learners["role"] == "speaker"]["side"].value_counts()
        assert speakers["strategic"] == speakers["transactional"] in (2, 3)


def test_a_small_class_leaves_the_chair_and_checkers_to_the_teacher():
    roles = assign_roles(["Ana", "Ben", "Chen", "Dara", "Eli"], seed=3)
    assert roles.query("learner == '(teacher)'")["role"].tolist() == ["timekeeper", "card checker", "card checker"]
    assert roles.query("role == 'chair'")["learner"].tolist() != ["(teacher)"]


def test_bad_rosters_are_refused_with_the_reason():
    with pytest.raises(SeminarError, match=r"at least 4 learners .* the roster has 3"):
        assign_roles(["Ana", "Ben", "Chen"])
    with pytest.raises(SeminarError, match="names Ben more than once"):
        assign_roles(["Ana", "Ben", "Chen", "Ben"])


def test_roles_command(tmp_path, run_cli):
    roster = tmp_path / "roster.csv"
    roster.write_text("name,display_name\n" + "\n".join(f"{n},{n} X" for n in CLASS) + "\n", encoding="utf-8")
    code, out, err = run_cli("seminar", "roles", str(roster), "--seed", "8")
    assert code == 0 and out.splitlines()[1].split() == ["Ike", "speaker", "strategic"]
    (tmp_path / "bad.csv").write_text("learner\nAna\n", encoding="utf-8")
    code, out, err = run_cli("seminar", "roles", str(tmp_path / "bad.csv"))
    assert code == 1 and "bad.csv, field 'name': no 'name' column" in err


# -- the deck -----------------------------------------------------------------------------------


@pytest.mark.slow
def test_deck_of_the_50_minute_plan_is_balanced_and_read(iv):
    read = before_class("50")
    assert read == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 17, 18, 19, 20, 21]
    deck = debate_deck(iv, read)
    assert deck["side"].value_counts().to_dict() == {"transactional": 18, "strategic": 18, "neither": 17, "mixed": 3}
    sides = deck[deck["side"].isin(["transactional", "strategic"])]
    assert sides.groupby(["side", "origin"], observed=True).size().to_dict() == {
        ("transactional", "interview"): 9,
        ("transactional", "outside view"): 5,
        ("transactional", "later event"): 4,
        ("strategic", "interview"): 11,  # of 21 read: one claim per paragraph in turn, by debate_deck's rule
        ("strategic", "outside view"): 4,
        ("strategic", "later event"): 3,
    }
    n90 = (debate_deck(iv, before_class("90"))["side"] == "strategic").sum()
    assert f"18 and 18 for the 50-minute plan, {n90} and {n90} for the 90-minute plan" in GUIDE
    paragraphs = deck.loc[deck["origin"] == "interview", "where"].str.removeprefix("para. ").astype(int)
    assert set(paragraphs) <= set(read)


def test_deck_of_the_90_minute_plan_is_balanced(iv):
    deck = debate_deck(iv, before_class("90"))
    assert deck["side"].value_counts().to_dict() == {"neither": 27, "transactional": 21, "strategic": 21, "mixed": 3}
    # every transactional card of the interview is kept; the strategic side loses its last-ranked claims
    all_cards = debate_cards(iv)
    assert (all_cards["side"] == "strategic").sum() == 31
    kept = deck.loc[(deck["side"] == "strategic") & (deck["origin"] == "interview"), "card_id"]
    assert kept.tolist() == [
        "C03",
        "C10",
        "C13",
        "C16",
        "C19",
        "C20",
        "C21",
        "C25",
        "C34",
        "C35",
        "C42",
        "C43",
        "C47",
        "C49",
    ]


def test_every_deck_card_cites_a_paragraph_or_a_sourced_event(iv):
    deck = debate_deck(iv, before_class("50"))
    for card in deck.itertuples():
        if card.origin == "interview":
            assert re.fullmatch(r"para\. \d+", card.where) and card.source == f"interview, {card.where}"
        else:
            assert card.source.startswith("http") and card.where


# -- plans --------------------------------------------------------------------------------------


def test_plans_check_passes(iv):
    assert check_plans(iv, ROOT / "notebooks") == []


def test_plans_check_finds_a_broken_plan(iv, monkeypatch):
    broken = {**seminar()}
    plan = {**broken["plans"]["50"]}
    plan["rows"] = [dict(r) for r in plan["rows"]]
    plan["rows"][1]["end"] = 14
    plan["rows"][0]["items"] = ["poll-during"]
    plan["before"] = [{"notebook": "00"}, {"notebook": "02"}]
    broken["plans"] = {"50": plan}
    monkeypatch.setattr("nbkit.seminar.seminar", lambda: broken)
    problems = check_plans(iv, ROOT / "notebooks")
    assert "plan 50: row 3–14 is followed by 13–33." in problems
    assert "plan 50: notebook 08 does not show the item(s) poll-during." in problems
    assert len(problems) == 2


@pytest.mark.slow
def test_check_plans_command(run_cli):
    code, out, err = run_cli("seminar", "check-plans")
    assert code == 0 and "The plans add up" in err


@pytest.mark.slow
def test_before_class_minutes_come_from_the_model():
    assert plan_minutes("50") == 190 and plan_minutes("90") == 315
    assert "**Before class (about 190 minutes):**" in GUIDE and "**Before class (about 315 minutes):**" in GUIDE


def test_guide_rows_are_the_plans_rows():
    for name, plan in seminar()["plans"].items():
        body = GUIDE.split(f"### {name}-minute seminar\n", 1)[1].split("\n### ", 1)[0]
        rows = [tuple(map(int, m)) for m in re.findall(r"^\| (\d+)–(\d+) \|", body, re.M)]
        assert rows == [(r["start"], r["end"]) for r in plan["rows"]]


def test_notebook_08_states_the_seminar_of_the_yaml():
    text = _markdown(NB08)
    assert f"> **Motion:** {seminar()['motion']}" in text
    assert f"**Motion:** “{seminar()['motion'][:-1]}.”" in GUIDE or seminar()["motion"][:-1] in GUIDE
    assert f"**Order** ({debate_minutes()} minutes):" in text
    for step in seminar()["running_order"]:
        per = " per side" if step.get("per_side") else ""
        assert f"- {step['minutes']} minute{'s' if step['minutes'] > 1 else ''}{per}" in text
    for n, line in enumerate(seminar()["rubric"], start=1):
        assert f"  {n}. {line}" in text


# -- votes --------------------------------------------------------------------------------------


def _votes(rows) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "learner": who,
                "notebook": "08-seminar-and-review",
                "item": item,
                "attempt": attempt,
                "answer": answer,
                "correct": None,
                "time": pd.Timestamp("2026-12-02 10:00", tz="UTC") + pd.Timedelta(minutes=attempt),
            }
            for who, item, attempt, answer in rows
        ]
    )


def test_vote_table_counts_each_learners_latest_vote():
    t, s, b, e = POLL_OPTIONS
    frame = _votes(
        [
            ("ana", "poll-before", 1, t),
            ("ana", "poll-before", 2, e),  # changed her mind before the debate: her latest vote counts
            ("ben", "poll-before", 1, t),
            ("chen", "poll-before", 1, s),
            ("ana", "poll-after", 1, s),
            ("ben", "poll-after", 1, s),
            ("chen", "poll-after", 1, s),
        ]
    )
    table = vote_table(frame, "08-seminar-and-review", "poll-before", "poll-after")
    assert table["answer"].tolist() == list(POLL_OPTIONS)
    assert table[["before", "after", "change"]].values.tolist() == [[1, 0, -1], [1, 3, 2], [0, 0, 0], [1, 0, -1]]
    assert table.attrs["learners"] == {"before": 3, "after": 3}


def test_vote_table_refuses_polls_with_other_options_and_non_polls():
    frame = _votes([("ana", "poll-before", 1, POLL_OPTIONS[0])])
    with pytest.raises(QuizBankError, match="'hardest-transactional-card' is a .* item, not a poll"):
        vote_table(frame, "08-seminar-and-review", "hardest-transactional-card")


@pytest.mark.slow
def test_votes_command_from_hand_in_files(tmp_path, run_cli):
    t, s, b, e = POLL_OPTIONS
    for who, before, after in [("ana", t, s), ("ben", e, s), ("chen", e, e), ("dara", s, s), ("eli", t, b)]:
        _votes([(who, "poll-before", 1, before), (who, "poll-after", 1, after)]).to_csv(
            tmp_path / f"nbkit-progress-{who}.csv", index=False
        )
    (tmp_path / "notes.csv").write_text("not,a,progress,file\n1,2,3,4\n", encoding="utf-8")
    code, out, err = run_cli("seminar", "votes", str(tmp_path), "--chart", str(tmp_path / "votes.html"))
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split() == ["answer", "before", "after", "change"]
    assert [ln.split()[-3:] for ln in lines[1:5]] == VOTE_SHIFT
    assert "skipped notes.csv" in err and "5 learners voted before, 5 learners voted after" in err
    html = (tmp_path / "votes.html").read_text(encoding="utf-8")
    assert "The class&#x27;s votes" in html or "The class's votes" in html


def test_live_votes_reads_a_folder_and_says_how_many_voted(tmp_path):
    from nbkit.quiz.live_votes import live_votes, read_votes

    t, s, b, e = POLL_OPTIONS
    _votes([("ana", "poll-before", 1, t), ("ana", "poll-after", 1, s)]).to_csv(tmp_path / "ana.csv", index=False)
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    table, skipped = read_votes(tmp_path, "08-seminar-and-review", "poll-before", "poll-after")
    assert table[["before", "after"]].values.tolist() == [[1, 0], [0, 1], [0, 0], [0, 0]] and skipped == ["broken.json"]
    view = live_votes(tmp_path, every=None)
    status = view.children[0].children[1].value
    assert "1 voted before, 1 voted after; left out: broken.json." in status and "role='status'" in status
    missing = live_votes(tmp_path / "not-yet", every=None).children[0].children[1].value
    assert "0 voted before, 0 voted after; the folder" in missing and "does not exist yet" in missing


def test_dashboard_command_writes_the_notebook_once(tmp_path, run_cli):
    code, out, err = run_cli("seminar", "dashboard", str(tmp_path))
    nb = nbformat.read(tmp_path / "class-votes.ipynb", as_version=4)
    assert code == 0 and 'live_votes(source, "poll-before", "poll-after")' in nb.cells[2].source
    code, out, err = run_cli("seminar", "dashboard", str(tmp_path))
    assert code == 1 and "exists; nothing written" in err
