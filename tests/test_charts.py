"""Charts tested as specs (chart.to_dict()), and drawn with the network switched off.

Fixtures follow the argument-layer column contract exactly and are built from the seed
(verbatim sentences, real offsets); when the real frames exist (iv.claims …) the same
checks also run on them.
"""

from __future__ import annotations

import re
import socket
from collections import Counter

import pandas as pd
import pytest

import nbkit
from nbkit import charts
from nbkit.charts.rendering import chart_to_svg
from nbkit.charts.text_charts import circle_layout, co_mentions
from nbkit.errors import DataValidationError

from .expected_frames import ANNOTATION_CATEGORIES, ANNOTATION_COLUMNS

alt = pytest.importorskip("altair")

IV = nbkit.load_interview()

# ---------------------------------------------------------------- fixtures (contract columns, seed text)

ALIASES = {
    "North Korea": "North Korea",
    "Pyongyang": "North Korea",
    "Russia": "Russia",
    "Moscow": "Russia",
    "China": "China",
    "Beijing": "China",
    "Washington": "United States",
    "U.S.": "United States",
}
LEXICON = {
    "seems": ("hedge", 2),
    "possibly": ("hedge", 1),
    "likely": ("estimative", 3),
    "may": ("hedge", 2),
    "clearly": ("booster", 5),
    "certainly": ("booster", 5),
}


def _frame(name: str, rows: list[tuple], *categorical: str) -> pd.DataFrame:
    """A fixture frame with the columns of the real frame ``name``; the ``categorical`` columns get its categories."""
    frame = pd.DataFrame(rows, columns=ANNOTATION_COLUMNS[name])
    for col in categorical:
        frame[col] = frame[col].astype(pd.CategoricalDtype(ANNOTATION_CATEGORIES[(name, col)]))
    return frame


def _scan(words: dict) -> list[tuple]:
    pattern = re.compile(
        r"(?<![\w.])(" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?![\w])"
    )
    hits = []
    for s in IV.sentences.itertuples():
        for m in pattern.finditer(s.text):
            hits.append(
                (s.sentence_id, s.paragraph_id, s.question_id, m.group(1), s.start + m.start(), s.start + m.end())
            )
    return hits


@pytest.fixture(scope="module")
def mentions():
    rows = [
        (i + 1, sid, pid, qid, ALIASES[alias], alias, start, end)
        for i, (sid, pid, qid, alias, start, end) in enumerate(_scan(ALIASES))
    ]
    frame = _frame("mentions", rows)
    frame["question_id"] = frame["question_id"].astype("Int64")
    return frame


@pytest.fixture(scope="module")
def markers():
    rows = [
        (sid, pid, qid, m, LEXICON[m][0], LEXICON[m][1], "possibility", start, end, "lee")
        for sid, pid, qid, m, start, end in _scan(LEXICON)
    ]
    return _frame("markers", rows, "kind")


# (claim_id, sentence_id, kind, voice, stance, summary): quote = that sentence of the seed, verbatim
CLAIM_ROWS = [
    ("C01", 5, "thesis", "prevailing_view", "transactional", "Prevailing view: the relationship is transactional."),
    ("C02", 11, "thesis", "lee", "strategic", "Geopolitical shifts shape longer-term calculations."),
    ("C03", 8, "reason", "prevailing_view", "transactional", "North Korea's value to Russia ends with the war."),
    ("C04", 12, "evidence", "lee", "strategic", "Putin shattered the global order."),
    ("C05", 16, "thesis", "lee", "strategic", "Two angles on Pyongyang's alignment."),
    ("C06", 25, "evidence", "reported", "neither", "South Korean media report technical help."),
]


@pytest.fixture(scope="module")
def claims():
    sentences = IV.sentences.set_index("sentence_id")
    rows = []
    for cid, sid, kind, voice, stance, summary in CLAIM_ROWS:
        s = sentences.loc[sid]
        assert IV.source[s.start : s.end] == s.text
        rows.append(
            (
                cid,
                int(s.paragraph_id),
                int(s.question_id),
                s.text,
                int(s.start),
                int(s.end),
                summary,
                kind,
                voice,
                stance,
                "North Korea; Russia",
                "",
            )
        )
    frame = _frame("claims", rows, "kind", "voice", "stance")
    frame.loc[frame["claim_id"] == "C05", "actors"] = "North Korea; Russia; China"
    return frame


@pytest.fixture(scope="module")
def links():
    rows = [
        ("C02", "C01", "rebuts"),
        ("C03", "C01", "supports"),
        ("C04", "C02", "supports"),
        ("C05", "C02", "elaborates"),
        ("C06", "C05", "qualifies"),
    ]
    return _frame("argument_links", rows, "relation")


@pytest.fixture(scope="module")
def events():
    rows = [
        (
            "E01",
            "2023-08-18",
            "18 August 2023",
            "day",
            "Camp David summit (United States, Japan, South Korea)",
            None,
            "https://kr.usembassy.gov/2023-trilateral-leaders-summit/",
            False,
            "",
            "",
            None,
        ),
        (
            "E02",
            "2023-09-13",
            "13 September 2023",
            "day",
            "Kim Jong Un – Putin summit",
            15,
            "http://en.people.cn/n3/2023/0913/c90000-20071375.html",
            False,
            "the Kim-Putin summit in September 2023",
            "",
            None,
        ),
        (
            "E03",
            "2024-06-19",
            "19 June 2024",
            "day",
            "Putin visits Pyongyang; treaty signed",
            3,
            "https://kcnawatch.org/newstream/1718870859-459880358/dprk-russia-treaty-on-comprehensive-strategic-partnership",
            False,
            "",
            "",
            None,
        ),
        (
            "E04",
            "2024-11-09",
            "9 November 2024",
            "day",
            "Russia ratifies the treaty",
            None,
            "https://tass.com/politics/1868051",
            True,
            "",
            "",
            None,
        ),
        (
            "E05",
            "2024-12-04",
            "4 December 2024",
            "day",
            "Treaty enters into force",
            None,
            "https://interfax.com/newsroom/top-stories/108291/",
            True,
            "",
            "",
            None,
        ),
    ]
    frame = _frame("timeline", rows, "precision")
    frame["date"] = pd.to_datetime(frame["date"])
    frame["paragraph_id"] = frame["paragraph_id"].astype("Int64")
    return frame


@pytest.fixture(scope="module")
def actors():
    rows = [
        ("North Korea", "state", ""),
        ("Russia", "state", ""),
        ("China", "state", ""),
        ("United States", "state", ""),
    ]
    return _frame("actors", rows)


@pytest.fixture(scope="module")
def progress():
    t = pd.Timestamp("2025-01-01T10:00")
    rows = [
        ("ana", "01-the-interview-as-data", "q1", 1, "b", True, t),
        ("ana", "01-the-interview-as-data", "q2", 1, "a", False, t),
        ("ana", "01-the-interview-as-data", "q2", 2, "c", True, t),
        ("ana", "02-transactional-or-strategic", "q1", 1, "a", False, t),
        ("ana", "02-transactional-or-strategic", "q1", 2, "d", False, t),
        ("ben", "02-transactional-or-strategic", "q1", 1, "c", True, t),
    ]
    return pd.DataFrame(rows, columns=["learner", "notebook", "item", "attempt", "answer", "correct", "time"])


# ---------------------------------------------------------------- spec helpers


def units(spec: dict):
    """Every single-view spec inside a (layered / concatenated) spec."""
    for key in ("layer", "hconcat", "vconcat", "concat"):
        if key in spec:
            for child in spec[key]:
                yield from units(child)
            return
    yield spec


def rows_of(top: dict, unit: dict) -> list:
    data = unit.get("data") or top.get("data")
    return top["datasets"][data["name"]]


def fields(unit: dict) -> dict:
    return {
        ch: (enc.get("field") or enc.get("aggregate"), enc.get("type"))
        for ch, enc in unit.get("encoding", {}).items()
        if isinstance(enc, dict) and "type" in enc
    }


def has_url(obj) -> bool:
    if isinstance(obj, dict):
        return "url" in obj or any(has_url(v) for v in obj.values())
    if isinstance(obj, list):
        return any(has_url(v) for v in obj)
    return False


def check_common(spec: dict):
    assert spec["title"]["text"]
    assert len(spec["description"]) > 40
    assert any("tooltip" in u.get("encoding", {}) for u in units(spec))
    assert not has_url({k: v for k, v in spec.items() if k != "$schema"})
    for u in units(spec):  # every drawn axis has a plain-word title
        for ch in ("x", "y"):
            enc = u.get("encoding", {}).get(ch, {})
            axis = enc.get("axis", {})
            if "field" in enc and axis is not None and axis.get("labels") is not False:
                assert isinstance(enc.get("title"), str) and enc["title"][0].isupper(), (ch, enc)


# ---------------------------------------------------------------- the charts


def test_answer_lengths_on_seed():
    spec = charts.answer_lengths(IV.paragraphs, IV.questions).to_dict()
    check_common(spec)
    assert spec["mark"]["type"] == "bar"
    assert fields(spec) == {
        "x": ("question", "nominal"),
        "y": ("n_words", "quantitative"),
        "color": ("position", "ordinal"),
        "order": ("position", "ordinal"),
    }
    rows = rows_of(spec, spec)
    assert len(rows) == 15  # 21 lines: 1 intro, 5 questions, 15 answer paragraphs
    assert sum(r["n_words"] for r in rows) == int(IV.questions["n_answer_words"].sum())
    assert spec["encoding"]["x"]["sort"] == ["Q1 Explain", "Q2 Examine", "Q3 Analyze", "Q4", "Q5 Assess"]
    assert [r["paragraph_id"] for r in rows] == [3, 4, 5, 7, 8, 9, 10, 12, 13, 15, 16, 18, 19, 20, 21]
    assert [r["position"] for r in rows[:4]] == [1, 2, 3, 1] and rows[0]["question"] == "Q1 Explain"
    assert set(rows[0]) == {"question", "paragraph_id", "position", "n_words", "opening"}


def test_answer_lengths_without_questions_uses_short_labels():
    spec = charts.answer_lengths(IV.paragraphs).to_dict()
    assert spec["encoding"]["x"]["sort"] == ["Q1", "Q2", "Q3", "Q4", "Q5"]


def test_actor_heatmap(mentions):
    spec = charts.actor_heatmap(mentions, IV.questions).to_dict()
    check_common(spec)
    cells, numbers = spec["layer"]
    assert cells["mark"]["type"] == "rect" and numbers["mark"]["type"] == "text"
    assert fields(cells) == {
        "x": ("question", "nominal"),
        "y": ("actor", "nominal"),
        "color": ("mentions", "quantitative"),
    }
    rows = rows_of(spec, cells)
    n_actors = mentions.dropna(subset=["question_id"])["actor"].nunique()
    assert len(rows) == n_actors * 5
    assert sum(r["mentions"] for r in rows) == int(mentions["question_id"].notna().sum())
    assert cells["encoding"]["color"]["scale"]["scheme"] == "viridis"


def test_certainty_profile(markers):
    spec = charts.certainty_profile(markers, IV.paragraphs).to_dict()
    check_common(spec)
    assert spec["mark"]["type"] == "bar"
    assert fields(spec) == {
        "x": ("question", "nominal"),
        "xOffset": ("kind", "nominal"),
        "y": ("per_100_words", "quantitative"),
        "color": ("kind", "nominal"),
    }
    rows = rows_of(spec, spec)
    assert len(rows) == 15  # 5 questions x (hedge, booster, estimative)
    answer_pids = set(IV.paragraphs.loc[IV.paragraphs["role"] == "answer", "paragraph_id"])
    assert sum(r["markers"] for r in rows) == int(markers["paragraph_id"].isin(answer_pids).sum())
    q1 = next(r for r in rows if r["question"] == "Q1" and r["kind"] == "hedge")
    words = int(IV.questions.loc[0, "n_answer_words"])
    assert q1["words"] == words and q1["per_100_words"] == round(100 * q1["markers"] / words, 2)
    assert spec["encoding"]["color"]["scale"]["range"] == ["#56B4E9", "#D55E00", "#009E73"]
    n_est = sum(r["markers"] for r in rows if r["kind"] == "estimative")
    assert n_est > 0 and f"{n_est} estimative words in all." in spec["description"]


def test_argument_map(claims, links):
    spec = charts.argument_map(claims, links).to_dict()
    check_common(spec)
    edges, nodes, names = spec["layer"]
    assert [edges["mark"]["type"], nodes["mark"]["type"], names["mark"]["type"]] == ["rule", "point", "text"]
    assert fields(nodes) == {
        "x": ("x", "quantitative"),
        "y": ("y", "quantitative"),
        "color": ("stance", "nominal"),
        "shape": ("kind", "nominal"),
    }
    assert fields(edges)["strokeDash"] == ("relation", "nominal")
    assert len(rows_of(spec, nodes)) == len(claims) and len(rows_of(spec, edges)) == len(links)
    assert "quote" in {t["field"] for t in nodes["encoding"]["tooltip"]}
    assert spec["layer"][1]["encoding"]["color"]["scale"]["domain"] == ["transactional", "strategic", "neither"]
    by_id = {r["claim_id"]: r for r in rows_of(spec, nodes)}
    assert by_id["C02"]["y"] == 0 and by_id["C01"]["y"] == 1 and by_id["C06"]["y"] == 2  # voice rows
    first = rows_of(spec, edges)[0]
    assert (first["x"], first["y"], first["x2"], first["y2"]) == (by_id["C02"]["x"], 0, by_id["C01"]["x"], 1)


def test_argument_map_rejects_a_link_to_an_unknown_claim(claims):
    bad = pd.DataFrame({"from_claim": ["C01"], "to_claim": ["C99"], "relation": ["supports"]})
    with pytest.raises(DataValidationError, match="row 1, field 'to_claim'.*C99"):
        charts.argument_map(claims, bad)


def test_question_claims_is_linked(claims):
    chart = charts.question_claims(IV.questions, claims)
    spec = chart.to_dict()
    check_common(spec)
    bars, listing = spec["hconcat"]
    assert bars["mark"]["type"] == "bar" and listing["mark"]["type"] == "text"
    assert spec["params"][0]["name"] == "pick_question" and spec["params"][0]["views"] == [bars["name"]]
    assert spec["params"][0]["select"] == {
        "type": "point",
        "fields": ["question_id"],
        "on": "click",
        "clear": "dblclick",
    }
    assert listing["transform"] == [{"filter": {"param": "pick_question"}}]
    assert fields(bars)["x"] == ("count", "quantitative") and fields(listing)["text"] == ("line", "nominal")
    assert len(spec["datasets"][spec["data"]["name"]]) == len(claims)


def test_timeline(events):
    spec = charts.timeline(events).to_dict()
    check_common(spec)
    points, rule, note = spec["layer"]
    assert [points["mark"]["type"], rule["mark"]["type"], note["mark"]["type"]] == ["point", "rule", "text"]
    assert fields(points) == {
        "x": ("date", "temporal"),
        "y": ("label", "nominal"),
        "color": ("when", "nominal"),
        "fill": ("when", "nominal"),
        "shape": ("when", "nominal"),
    }
    rows = rows_of(spec, points)
    assert len(rows) == 5 and [r["when"] for r in rows].count("After the interview") == 2
    assert rows_of(spec, rule) == [{"date": "2024-08-01T00:00:00", "label": "Interview published (August 2024)"}]
    assert rows[0]["paragraph"] == "not in the interview" and rows[1]["paragraph"] == "paragraph 15"
    assert {r["sourced"] for r in rows} == {"an independent source"}
    fill = points["encoding"]["fill"]
    assert fill["condition"] == {"test": "(datum.sourced === 'the interview only')", "value": "white"}
    assert (fill["field"], fill["legend"]) == ("when", None) and points["mark"]["filled"] is False


def test_timeline_draws_events_sourced_only_to_the_interview_hollow():
    """Review 00-10: E06 and E08 have no source but the interview (paragraphs 16 and 12), so they are hollow."""
    spec = charts.timeline(_real("timeline")).to_dict()
    rows = rows_of(spec, spec["layer"][0])
    hollow = [(r["event_id"], r["source"]) for r in rows if r["sourced"] == "the interview only"]
    assert hollow == [("E06", "interview, paragraph 16"), ("E08", "interview, paragraph 12")]
    assert sum(r["sourced"] == "an independent source" for r in rows) == 32
    assert "2 events whose only source is the interview are drawn hollow" in spec["description"]
    assert svg_fills(charts.timeline(_real("timeline"))) == {"#D55E00": 19, "#0072B2": 13, "white": 2}


def svg_fills(chart) -> dict[str, int]:
    """How many point marks of the chart's SVG have each fill colour."""
    svg = chart_to_svg(chart)
    points = re.findall(r'<path[^>]*aria-roledescription="point"[^>]*>', svg)
    return dict(Counter(re.search(r'fill="([^"]+)"', p).group(1) for p in points))


def test_argument_map_voice_axis_says_the_prevailing_view_is_reported():
    """Review 00-1: Lee cautions against treating the prevailing view as settled; she does not "dispute" it."""
    spec = charts.argument_map(_real("claims"), _real("argument_links")).to_dict()
    label_expr = spec["layer"][1]["encoding"]["y"]["axis"]["labelExpr"]
    assert "'Prevailing view (as Lee reports it)'" in label_expr and "disputes" not in label_expr
    assert "5 stating the prevailing view as Lee reports it" in spec["description"]


def test_co_mentions_and_layout(mentions, claims):
    nodes, edges = co_mentions(mentions)
    assert nodes["mentions"].sum() == len(mentions)
    sentence_pairs = mentions.groupby("sentence_id")["actor"].nunique()
    assert edges["weight"].sum() == int((sentence_pairs * (sentence_pairs - 1) // 2).sum())
    assert (edges["source"] < edges["target"]).all()
    nodes, edges = co_mentions(claims)
    assert dict(zip(nodes["actor"], nodes["mentions"])) == {"North Korea": 6, "Russia": 6, "China": 1}
    assert edges.values.tolist() == [["China", "North Korea", 1], ["China", "Russia", 1], ["North Korea", "Russia", 6]]
    layout = circle_layout(["a", "b", "c", "d"])
    assert layout[["x", "y"]].values.tolist() == [[0.0, 1.0], [1.0, 0.0], [-0.0, -1.0], [-1.0, -0.0]]


def test_actor_network(mentions, actors):
    spec = charts.actor_network(mentions, actors).to_dict()
    check_common(spec)
    lines, dots, names = spec["layer"]
    assert [lines["mark"]["type"], dots["mark"]["type"], names["mark"]["type"]] == ["rule", "circle", "text"]
    assert fields(lines)["strokeWidth"] == ("weight", "quantitative")
    assert fields(dots)["size"] == ("mentions", "quantitative") and fields(dots)["color"] == ("kind", "nominal")
    node_rows = rows_of(spec, dots)
    assert len(node_rows) == mentions["actor"].nunique() == 4
    assert node_rows[0]["y"] == 1.0 and node_rows[0]["mentions"] == max(r["mentions"] for r in node_rows)
    assert len(rows_of(spec, lines)) == len(co_mentions(mentions)[1])
    assert spec == charts.actor_network(mentions, actors).to_dict()  # deterministic


def test_progress_chart(progress):
    spec = charts.progress_chart(progress).to_dict()
    check_common(spec)
    assert spec["mark"]["type"] == "bar"
    assert fields(spec) == {
        "x": ("notebook", "nominal"),
        "y": ("items", "quantitative"),
        "color": ("status", "nominal"),
        "order": ("status_rank", "quantitative"),
    }
    assert rows_of(spec, spec) == [
        {"notebook": "01-the-interview-as-data", "status": "Right first time", "items": 1, "attempts": 1},
        {"notebook": "01-the-interview-as-data", "status": "Right after retrying", "items": 1, "attempts": 2},
        {"notebook": "02-transactional-or-strategic", "status": "Right first time", "items": 1, "attempts": 1},
        {"notebook": "02-transactional-or-strategic", "status": "Not right yet", "items": 1, "attempts": 2},
    ]
    ana = charts.progress_chart(progress, learner="ana").to_dict()
    assert len(rows_of(ana, ana)) == 3 and "Learner ana" in ana["title"]["subtitle"]
    empty = charts.progress_chart(progress.iloc[0:0]).to_dict()
    assert rows_of(empty, empty) == [] and "none answered yet" in empty["description"]


def test_missing_column_names_the_frame_and_field(claims):
    with pytest.raises(DataValidationError, match="claims, field 'stance'.*iv.claims"):
        charts.argument_map(claims.drop(columns="stance"), pd.DataFrame(columns=["from_claim", "to_claim", "relation"]))
    with pytest.raises(DataValidationError, match="expected a pandas DataFrame"):
        charts.answer_lengths([1, 2])


# ---------------------------------------------------------------- the real argument layer, once it exists


def _real(name):
    try:
        return getattr(nbkit.load_interview(), name)
    except (AttributeError, NotImplementedError):
        pytest.skip(f"iv.{name} is not built yet")


def test_real_frames_chart_like_the_fixtures():
    """Exact sizes on the bundled argument layer (54 claims, 56 links, 117 mentions, 23 markers, 34 events)."""
    iv = nbkit.load_interview()
    claims, links, mentions = _real("claims"), _real("argument_links"), _real("mentions")
    markers, events, actors = _real("markers"), _real("timeline"), _real("actors")
    spec = charts.argument_map(claims, links).to_dict()
    check_common(spec)
    assert len(rows_of(spec, spec["layer"][1])) == len(claims) == 54
    assert len(rows_of(spec, spec["layer"][0])) == len(links) == 56
    spec = charts.actor_heatmap(mentions, iv.questions).to_dict()
    cells = rows_of(spec, spec["layer"][0])
    assert len(cells) == 9 * 5 and sum(r["mentions"] for r in cells) == int(mentions["question_id"].notna().sum())
    assert spec["layer"][0]["encoding"]["y"]["sort"][0] == "Russia"
    spec = charts.certainty_profile(markers, iv.paragraphs).to_dict()
    rows = rows_of(spec, spec)
    assert len(rows) == 15 and sum(r["markers"] for r in rows) == len(markers) == 23
    assert spec["description"].endswith("16 hedges, 3 boosters and 4 estimative words in all.")
    spec = charts.timeline(events).to_dict()
    rows = rows_of(spec, spec["layer"][0])
    assert len(rows) == len(events) == 34 and [r["when"] for r in rows].count("After the interview") == 19
    spec = charts.actor_network(mentions, actors).to_dict()
    assert len(rows_of(spec, spec["layer"][1])) == mentions["actor"].nunique() == 12
    assert "North Korea and Russia (28 sentences)" in spec["description"]
    spec = charts.question_claims(iv.questions, claims).to_dict()
    assert len(spec["datasets"][spec["data"]["name"]]) == len(claims)
    assert len(chart_to_svg(charts.argument_map(claims, links))) > 10_000


# ---------------------------------------------------------------- drawn offline


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


CHARTS = {
    "answer_lengths": lambda f: charts.answer_lengths(IV.paragraphs, IV.questions),
    "actor_heatmap": lambda f: charts.actor_heatmap(f["mentions"], IV.questions),
    "certainty_profile": lambda f: charts.certainty_profile(f["markers"], IV.paragraphs),
    "argument_map": lambda f: charts.argument_map(f["claims"], f["links"]),
    "question_claims": lambda f: charts.question_claims(IV.questions, f["claims"]),
    "timeline": lambda f: charts.timeline(f["events"]),
    "actor_network": lambda f: charts.actor_network(f["mentions"], f["actors"]),
    "actor_network_claims": lambda f: charts.actor_network(f["claims"]),
    "progress_chart": lambda f: charts.progress_chart(f["progress"]),
}


@pytest.fixture(scope="module")
def frames(mentions, markers, claims, links, events, actors, progress):
    return {
        "mentions": mentions,
        "markers": markers,
        "claims": claims,
        "links": links,
        "events": events,
        "actors": actors,
        "progress": progress,
    }


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_every_chart_draws_to_svg_offline(name, frames, no_network):
    with pytest.raises(OSError):
        socket.create_connection(("cdn.jsdelivr.net", 443))
    chart = CHARTS[name](frames)
    svg = chart_to_svg(chart)
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
    assert chart.to_dict()["title"]["text"] in svg  # the title is drawn


@pytest.mark.parametrize(
    "suffix,magic", [(".svg", b"<svg"), (".png", b"\x89PNG"), (".pdf", b"%PDF"), (".html", b"<!DOCTYPE html>")]
)
def test_save_chart_formats_offline(tmp_path, frames, no_network, suffix, magic):
    path = nbkit.save_chart(CHARTS["argument_map"](frames), tmp_path / f"map{suffix}")
    data = path.read_bytes()
    assert data.lstrip()[: len(magic)].lower() == magic.lower()
    if suffix == ".html":
        assert b"cdn.jsdelivr.net" not in data and b'<script src="http' not in data


def test_save_chart_rejects_unknown_suffix(tmp_path, frames):
    with pytest.raises(ValueError, match=r"\.svg, \.png, \.pdf or \.html"):
        nbkit.save_chart(CHARTS["timeline"](frames), tmp_path / "chart.jpg")


def test_argument_map_focus_on_one_question():
    iv = nbkit.load_interview()
    spec = charts.argument_map(iv.claims, iv.argument_links, questions=[2]).to_dict()
    edges, nodes = spec["layer"][0], spec["layer"][1]
    q2 = iv.claims[iv.claims["question_id"] == 2]
    assert len(rows_of(spec, nodes)) == len(q2)
    ids = set(q2["claim_id"])
    links = iv.argument_links
    assert len(rows_of(spec, edges)) == int((links["from_claim"].isin(ids) & links["to_claim"].isin(ids)).sum())
    assert nodes["encoding"]["x"]["scale"]["domain"] == [1.45, 2.55]
    with pytest.raises(DataValidationError, match="no claims answer question"):
        charts.argument_map(iv.claims, iv.argument_links, questions=[9])


def test_progress_summary_counts_polls_and_free_responses():
    progress = pd.DataFrame(
        {
            "learner": ["ana"] * 6,
            "notebook": ["02-transactional-or-strategic"] * 6,
            "item": [
                "lee-thesis",
                "lee-thesis",
                "before-reading",
                "weigh-the-reply",
                "weigh-the-reply",
                "para3-prevailing-view",
            ],
            "attempt": [1, 2, 1, 1, 1, 1],
            "answer": ["x", "y", "Strategic", "text", "text [self-rating: 2]", "True"],
            "correct": pd.array([False, True, pd.NA, pd.NA, pd.NA, True], dtype="boolean"),
            "time": pd.to_datetime(["2026-11-26T10:00:00Z"] * 6),
        }
    )
    from nbkit.charts.progress_chart import progress_summary

    summary = progress_summary(progress)
    assert summary.to_dict("records") == [
        {"notebook": "02-transactional-or-strategic", "status": "Right first time", "items": 1, "attempts": 1},
        {"notebook": "02-transactional-or-strategic", "status": "Right after retrying", "items": 1, "attempts": 2},
        {
            "notebook": "02-transactional-or-strategic",
            "status": "Answered (no right answer)",
            "items": 2,
            "attempts": 2,
        },
    ]
    spec = charts.progress_chart(progress).to_dict()
    assert "4 quiz items answered in 1 notebooks" in spec["description"]


def test_a_chart_module_alone_gets_altair_itself():
    """No import-order dependence: argument_charts imported alone (fresh process, no nbkit.setup) builds a chart,
    and altair arrives through nbkit's fast jsonschema import (rfc3987_syntax never loaded)."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import pandas as pd\n"
        "from nbkit.charts.argument_charts import timeline\n"
        "before = sorted(m for m in ('altair', 'jsonschema') if m in sys.modules)\n"
        "events = pd.DataFrame({'event_id': ['E01'], 'date': ['2024-06-19'], 'date_label': ['19 June 2024'],\n"
        "    'precision': ['day'], 'event': ['Putin visits Pyongyang.'], 'paragraph_id': [1], 'source': ['s'],\n"
        "    'after_interview': [False]})\n"
        "spec = timeline(events).to_dict()\n"
        "print(before, spec['title']['text'], len(spec['layer']), 'rfc3987_syntax' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["[]", "What", "happened", "when?", "3", "False"]


# ---------------------------------------------------------------- accessibility (issue 16)


def test_every_chart_brings_a_data_table_of_what_it_draws():
    from nbkit.charts.data_table import data_table, details_html

    spec = charts.answer_lengths(IV.paragraphs, IV.questions).to_dict()
    table = data_table(spec)
    answers = IV.paragraphs[IV.paragraphs["role"] == "answer"]
    assert list(table.columns) == ["Question", "Paragraph (line)", "Paragraph of the answer", "Words", "Opening words"]
    assert len(table) == len(answers) == 15
    assert table["Words"].sum() == answers["n_words"].sum()
    page = details_html(spec)
    assert page.startswith('<details class="nbkit-chart-data"><summary>Data table: How long is each answer?</summary>')
    assert page.count("<tr") == 16 and "<caption>How long is each answer?</caption>" in page
    assert "<th></th>" not in page
    # a chart with no tooltip has no table to give
    bare = alt.Chart(pd.DataFrame({"a": [1]})).mark_point().encode(x="a:Q")
    assert data_table(bare.to_dict()) is None and details_html(bare.to_dict()) == ""


def test_renderers_show_the_table_and_no_actions_menu():
    import ipywidgets

    from nbkit.charts import rendering

    spec = charts.certainty_profile(IV.markers, IV.paragraphs).to_dict()
    data, meta = rendering.svg_with_table(spec)
    assert set(data) == {"image/svg+xml"}
    assert meta[rendering.TABLE_METADATA].startswith("<details") and "Per 100 words" in meta[rendering.TABLE_METADATA]
    box = rendering.chart_widget(spec, offline=True)
    chart, table = box.children
    assert isinstance(box, ipywidgets.VBox) and "application/vnd.jupyter.widget-view+json" in box._repr_mimebundle_()
    assert chart.embed_options == {"actions": False, "renderer": "svg"}
    assert table.value.startswith("<details") and box._dom_classes == ("nbkit-chart",)


def test_setup_enables_the_nbkit_theme():
    name, options = alt.renderers.active, dict(alt.renderers.options)
    try:
        nbkit.setup("svg")
        assert alt.theme.active == "nbkit"
        config = charts.answer_lengths(IV.paragraphs).to_dict()["config"]
        assert config["bar"] == {"stroke": "#333333", "strokeWidth": 0.75} and config["axis"]["labelColor"] == "#1a1a1a"
    finally:
        alt.renderers.enable(name, **options)
        alt.theme.enable("default")


def test_frames_show_a_header_for_every_column():
    from nbkit.charts.frame_html import display_frame, frame_html

    filtered = IV.timeline.loc[IV.timeline["after_interview"], ["event_id", "bears_on"]]
    shown, caption = display_frame(filtered)
    assert list(shown.columns) == ["event_id", "bears_on"] and caption == ""  # row numbers hidden
    counts = IV.markers.groupby(["voice", "kind"], observed=True).size().unstack(fill_value=0)
    shown, caption = display_frame(counts)
    assert list(shown.columns) == ["voice", "hedge", "booster", "estimative"] and caption == "Columns: kind"
    page = frame_html(counts)
    assert "<caption>Columns: kind</caption>" in page and page.count("<th>") == 4
    assert not re.search(r"<th[^>]*>\s*</th>", frame_html(filtered) + page)
    named = pd.DataFrame({"n": [1, 2]}, index=pd.Index(["a", "b"]))
    named.attrs["caption"] = "Two rows"
    shown, caption = display_frame(named)
    assert list(shown.columns) == ["index", "n"] and caption == "Two rows"
    long = pd.DataFrame({"n": range(100)})
    assert frame_html(long).count("<tr") == 1 + 10 + 1  # header, min_rows rows, the "..." row
