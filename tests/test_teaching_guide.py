"""The teaching guide: plans that add up and match notebook 08, a sourced sheet both ways, real commands."""

from __future__ import annotations

import re

import nbformat
import pytest

import nbkit
from nbkit.cli import COMMANDS

from .conftest import ROOT

GUIDE = (ROOT / "docs" / "teaching-guide.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")
NB08 = nbformat.read(ROOT / "notebooks" / "08-seminar-and-review.ipynb", as_version=4)
BEFORE = re.compile(r"^\*\*Before class \(about (\d+) minutes\):\*\* (.+)$", re.M)
PART = re.compile(r'^(\d\d)(?: "([^"]+)")?$')


def _section(heading: str) -> str:
    """The text under ``heading`` up to the next heading of the same or a higher level."""
    level = heading.split(" ", 1)[0]
    body = GUIDE.split(heading + "\n", 1)[1]
    stop = re.search(rf"^#{{1,{len(level)}}} ", body, re.M)
    return body[: stop.start()] if stop else body


def _rows(plan: str) -> list[tuple[int, int, str]]:
    rows = []
    for line in _section(plan).splitlines():
        m = re.match(r"^\| (\d+)–(\d+) \| ([^|]+)\|", line)
        if m:
            rows.append((int(m.group(1)), int(m.group(2)), m.group(3).strip()))
    return rows


def _parts(listing: str) -> list[tuple[str, str | None]]:
    items = re.split(r", | and ", listing)
    return [PART.match(item).groups() for item in items]


def _model_minutes(parts) -> int:
    """What the seat-time model gives for a Before-class list: each notebook's core path, or one section."""
    from nbkit.seat_time import notebook_time, section_time

    paths = {p.stem[:2]: p for p in (ROOT / "notebooks").glob("*.ipynb")}
    return sum(notebook_time(paths[n]).core if s is None else section_time(paths[n], s) for n, s in parts)


@pytest.mark.parametrize("plan, length", [("### 50-minute seminar", 50), ("### 90-minute seminar", 90)])
def test_plan_rows_are_contiguous_from_zero(plan, length):
    rows = _rows(plan)
    assert rows[0][0] == 0 and rows[-1][1] == length
    assert all(a[1] == b[0] for a, b in zip(rows, rows[1:]))
    assert all(start < end for start, end, _ in rows)


@pytest.mark.parametrize(
    "plan, minutes, parts",
    [
        (
            "### 50-minute seminar",
            190,
            [("00", None), ("02", None), ("03", None), ("06", None), ("07", "From thesis to indicators")],
        ),
        (
            "### 90-minute seminar",
            315,
            [("00", None), ("02", None), ("03", None), ("04", None), ("05", None), ("06", None), ("07", None)],
        ),
    ],
)
def test_before_class_line(plan, minutes, parts):
    (line,) = BEFORE.findall(_section(plan))
    assert _parts(line[1]) == parts
    assert int(line[0]) == minutes == _model_minutes(parts)
    headings = {
        stem: [ln.lstrip("#").strip() for c in nbformat.read(nb, as_version=4).cells for ln in c.source.splitlines()]
        for nb in (ROOT / "notebooks").glob("*.ipynb")
        for stem in [nb.stem[:2]]
    }
    for number, section in parts:
        assert number in headings and number != "01"
        assert section is None or section in headings[number]


def test_no_other_time_totals():
    assert len(BEFORE.findall(GUIDE)) == 2
    assert not re.search(r"about [\d½]+ hours|\| \d+ min \|", GUIDE)


def test_debate_minutes_match_notebook_08():
    text = "\n".join(c.source for c in NB08.cells if c.cell_type == "markdown")
    assert "💬 **Discuss (20 minutes):**" in text and "### Preparation (10 minutes)" in text
    for plan in ("### 50-minute seminar", "### 90-minute seminar"):
        rows = _rows(plan)
        (prep,) = [r for r in rows if r[2].startswith("Preparation")]
        (debate,) = [r for r in rows if r[2].startswith("The debate")]
        (after,) = [r for r in rows if r[2].startswith("The vote after")]
        assert prep[1] - prep[0] == 10 and debate[1] - debate[0] == 20 and after[1] - after[0] == 3
        assert prep[1] == debate[0] and debate[1] == after[0]  # the after-vote comes straight after the debate
    opening = re.search(r"(\d+) minutes per side, opening", text).group(1)
    assert f"{opening} minutes of opening per side" in _rows("### 50-minute seminar")[2][2]


def test_indicators_come_before_the_debate_in_the_90_minute_plan():
    rows = _rows("### 90-minute seminar")
    (indicators,) = [r for r in rows if r[2].startswith("From thesis to indicators")]
    (debate,) = [r for r in rows if r[2].startswith("The debate")]
    assert indicators[1] <= debate[0]
    assert any(r[2] == "Break" for r in rows)


def _sheet_rows(prefix: str) -> list[list[str]]:
    sheet = _section("## Since August 2024: a sheet for the class")
    return [
        [cell.strip() for cell in line.strip("|").split(" | ")]
        for line in sheet.splitlines()
        if re.match(rf"^\| [^|]+ \| {prefix}\d\d \|", line)
    ]


def test_since_august_sheet_is_the_data_both_ways():
    iv = nbkit.load_interview()
    events = iv.timeline.set_index("event_id")
    views = iv.outside_views.set_index("view_id")
    event_rows = _sheet_rows("E")
    directions = []
    for row in event_rows:
        date, eid, event, bears_on, *rest = row
        e = events.loc[eid]
        assert e["after_interview"] and (date, event, bears_on) == (e["date_label"], e["event"], e["bears_on"])
        assert rest[-1] == f"<{e['source']}>"
        direction = rest[0] if len(rest) == 2 else "for"
        assert direction == e["direction"], eid
        directions.append(direction)
    assert directions.count("for") == 11 and directions.count("against") == 3 and directions.count("mixed") == 2
    weighed = events[events["after_interview"] & (events["bears_on"] != "")].index
    assert sorted(row[1] for row in event_rows) == sorted(weighed)  # every later event that bears on a claim
    sides = []
    for date, vid, who, words, side, source in _sheet_rows("V"):
        v = views.loc[vid]
        assert (date, words, side, source) == (v["date_label"], v["quote"], v["side"], f"<{v['source']}>")
        assert who == f"{v['speaker']} ({v['role']})"
        sides.append(side)
    assert sorted(sides) == ["mixed", "strategic", "strategic", "strategic", "transactional", "transactional"]
    sheet = _section("## Since August 2024: a sheet for the class")
    assert "later events are evidence to weigh, for and against Lee’s reading, not a verdict" in sheet
    known = set(events["source"]) | set(views["source"])
    assert set(re.findall(r"<(https?://[^>]+)>", sheet)) <= known


def test_commands_named_exist():
    for command in ("progress merge", "progress export", "app", "handout --edition learner", "answer-key"):
        assert f"nbkit {command}" in GUIDE
        assert command.split()[0] in COMMANDS


def test_settings_for_teachers_links_the_readme_table():
    settings = _section("## Settings for teachers")
    assert "[Settings](../README.md#settings)" in settings and "## Settings\n" in README
    for name in ("NBKIT_PROGRESS", "NBKIT_LEARNER", "NBKIT_INSTRUCTOR"):
        assert f"`{name}" in settings and f"| `{name}` |" in README
    assert "| variable |" not in GUIDE  # linked, not copied


def test_review_wordings():
    assert "ship with the installed package as plain YAML" in GUIDE  # TG-9
    assert "feedback for learning, not as a mark" in GUIDE
    assert "argues against" not in GUIDE and "disagrees with" not in GUIDE  # TG-10, 00-1
    notes = _section("### Running the discussion")
    for misreading in ("The prevailing view quoted as Lee’s", "Intent read as outcome", "“Unlikely” read as doubt"):
        assert misreading in notes
    assert "Classes of 20 or more" in notes and "Sides and roles" in notes
    assert "What app mode loses" in GUIDE
