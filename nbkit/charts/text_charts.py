"""Charts of the text itself: answer lengths, who is mentioned where, hedges, boosters and estimative words, co-mentions."""

from __future__ import annotations

import math
from itertools import combinations

import pandas as pd

from ..jsonschema_import import import_altair
from ..shorten import shorten
from .links import link_ends, link_rules
from .theme import (
    LINK_OPACITY,
    MARKER_KIND_COLOURS,
    OKABE_ITO,
    SEQUENTIAL,
    finish,
    fixed_scale,
    question_labels,
    require,
    tooltips,
)

__all__ = ["answer_lengths", "actor_heatmap", "certainty_profile", "actor_network", "co_mentions", "circle_layout"]


def _answers(paragraphs: pd.DataFrame) -> pd.DataFrame:
    require(paragraphs, ["paragraph_id", "role", "question_id", "position", "text", "n_words"], "paragraphs")
    answers = paragraphs[paragraphs["role"].astype(str) == "answer"].dropna(subset=["question_id"])
    return answers.astype({"question_id": int, "paragraph_id": int, "n_words": int})


def answer_lengths(paragraphs: pd.DataFrame, questions: pd.DataFrame | None = None):
    """Stacked bars: words in each answer, one bar per question, one segment per answer paragraph.

    ``paragraphs``: ``iv.paragraphs``; ``questions`` (optional, ``iv.questions``) adds the
    instruction verb to the labels and the question's text to the tooltip.
    Data (one row per answer paragraph): question, paragraph_id, position, n_words, opening.
    """
    alt = import_altair()

    answers = _answers(paragraphs)
    labels = question_labels(answers["question_id"].unique(), questions)
    data = pd.DataFrame(
        {
            "question": answers["question_id"].map(labels).astype(str),
            "paragraph_id": answers["paragraph_id"],
            "position": answers["position"].astype(int),
            "n_words": answers["n_words"],
            "opening": answers["text"].map(lambda s: shorten(s, 80)).astype(str),
        }
    ).reset_index(drop=True)
    totals = data.groupby("question", sort=False)["n_words"].sum()
    positions = sorted(data["position"].unique().tolist())
    chart = (
        alt.Chart(data)
        .mark_bar(stroke="white", strokeWidth=1)
        .encode(
            x=alt.X("question:N", sort=list(labels.values()), title="Question", axis=alt.Axis(labelAngle=0)),
            y=alt.Y("n_words:Q", stack="zero", title="Words in the answer"),
            color=alt.Color(
                "position:O",
                title="Paragraph of the answer",
                scale=alt.Scale(domain=positions, range=OKABE_ITO[: len(positions)] or OKABE_ITO[:1]),
            ),
            order=alt.Order("position:O"),
            tooltip=tooltips(
                "question:N",
                "paragraph_id:Q",
                "position:O",
                "n_words:Q",
                "opening:N",
                titles={"paragraph_id": "Paragraph (line)"},
            ),
        )
        .properties(width=alt.Step(72))
    )
    if totals.empty:
        summary = "There are no answer paragraphs."
    else:
        summary = (
            f"{len(totals)} answers of {len(data)} paragraphs in all; the longest answer is "
            f"{totals.idxmax()} with {int(totals.max())} words, the shortest {totals.idxmin()} "
            f"with {int(totals.min())} words."
        )
    return finish(
        chart,
        "How long is each answer?",
        f"Stacked bar chart of the number of words in each answer, one segment per paragraph. {summary}",
        subtitle="Words per answer, split into its paragraphs",
    )


def actor_heatmap(mentions: pd.DataFrame, questions: pd.DataFrame):
    """Heatmap: how often each actor is mentioned in each question and its answer.

    ``mentions``: ``iv.mentions``; ``questions``: ``iv.questions``. Mentions in the
    introduction (no question) are left out. Actors are sorted by total mentions.
    Data (one row per actor and question, zeros included): actor, question, mentions.
    """
    alt = import_altair()

    require(mentions, ["mention_id", "question_id", "actor"], "mentions")
    require(questions, ["question_id", "instruction", "text"], "questions")
    used = mentions.dropna(subset=["question_id"]).astype({"question_id": int})
    labels = question_labels(questions["question_id"], questions)
    counts = used.groupby(["actor", "question_id"]).size()
    totals = used.groupby("actor").size().sort_values(ascending=False, kind="stable")
    order = sorted(totals.index, key=lambda a: (-totals[a], a))
    grid = pd.MultiIndex.from_product([order, list(labels)], names=["actor", "question_id"])
    data = counts.reindex(grid, fill_value=0).rename("mentions").reset_index()
    data["question"] = data["question_id"].map(labels)
    data = data[["actor", "question", "mentions"]].astype({"actor": str, "question": str, "mentions": int})
    base = alt.Chart(data).encode(
        x=alt.X("question:N", sort=list(labels.values()), title="Question", axis=alt.Axis(labelAngle=0)),
        y=alt.Y("actor:N", sort=order, title="Actor"),
    )
    cells = base.mark_rect().encode(
        color=alt.Color("mentions:Q", title="Mentions", scale=alt.Scale(scheme=SEQUENTIAL)),
        tooltip=tooltips("actor:N", "question:N", "mentions:Q"),
    )
    top = int(data["mentions"].max()) if len(data) else 0
    numbers = base.mark_text(fontSize=11).encode(
        text=alt.Text("mentions:Q"),
        color=alt.condition(alt.datum.mentions > top / 2, alt.value("black"), alt.value("white")),
    )
    most = f"{order[0]} is mentioned most ({int(totals.iloc[0])} times)." if order else "No actor is mentioned."
    chart = alt.layer(cells, numbers).properties(width=alt.Step(78), height=alt.Step(30))
    return finish(
        chart,
        "Who is mentioned in which answer?",
        f"Heatmap of {len(order)} actors by {len(labels)} questions; each cell counts the actor's "
        f"mentions in the question and its answer. {most}",
        subtitle="Mentions of each actor, by question",
    )


def certainty_profile(markers: pd.DataFrame, paragraphs: pd.DataFrame):
    """Grouped bars: hedges, boosters and estimative words per 100 words in each answer.

    ``markers``: ``iv.markers``; ``paragraphs``: ``iv.paragraphs`` (for the answer lengths).
    Only markers inside answers count. Data (one row per question and marker kind):
    question, kind, markers (count), words, per_100_words, mean_strength (1 tentative … 5 certain,
    NaN when none), examples ("; "-joined distinct markers).
    """
    alt = import_altair()

    require(markers, ["paragraph_id", "marker", "kind", "strength"], "markers")
    answers = _answers(paragraphs)
    words = answers.groupby("question_id")["n_words"].sum()
    labels = question_labels(words.index)
    found = markers.merge(
        answers[["paragraph_id", "question_id"]], on="paragraph_id", how="inner", suffixes=("_marker", "")
    )
    found = found.assign(kind=found["kind"].astype(str), marker=found["marker"].astype(str).str.lower())
    kinds = list(MARKER_KIND_COLOURS)
    rows = []
    for qid in labels:
        for kind in kinds:
            hits = found[(found["question_id"] == qid) & (found["kind"] == kind)]
            n = len(hits)
            rows.append(
                {
                    "question": labels[qid],
                    "kind": kind,
                    "markers": n,
                    "words": int(words[qid]),
                    "per_100_words": round(100 * n / words[qid], 2) if words[qid] else 0.0,
                    "mean_strength": round(float(hits["strength"].mean()), 2) if n else float("nan"),
                    "examples": "; ".join(dict.fromkeys(hits["marker"])),
                }
            )
    data = pd.DataFrame(
        rows, columns=["question", "kind", "markers", "words", "per_100_words", "mean_strength", "examples"]
    )
    chart = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("question:N", sort=list(labels.values()), title="Question", axis=alt.Axis(labelAngle=0)),
            xOffset=alt.XOffset("kind:N", sort=kinds),
            y=alt.Y("per_100_words:Q", title="Markers per 100 words"),
            color=alt.Color("kind:N", title="Kind of marker", scale=fixed_scale(MARKER_KIND_COLOURS)),
            tooltip=tooltips(
                "question:N", "kind:N", "markers:Q", "words:Q", "per_100_words:Q", "mean_strength:Q", "examples:N"
            ),
        )
        .properties(width=alt.Step(80))
    )
    totals = {kind: int(data.loc[data["kind"] == kind, "markers"].sum()) for kind in kinds}
    return finish(
        chart,
        "How certain does each answer sound?",
        f"Grouped bar chart of hedges (tentative words), boosters (certain words) and estimative words "
        f"(how probable an event is) per 100 words in each of {len(labels)} answers; {totals['hedge']} hedges, "
        f"{totals['booster']} boosters and {totals['estimative']} estimative words in all.",
        subtitle="Hedges, boosters and estimative words per 100 words of each answer",
    )


def co_mentions(frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Actors and pairs of actors named together.

    From ``iv.mentions`` a pair counts once per sentence naming both; from ``iv.claims``
    once per claim (its ``actors`` column, "; "-joined). Returns (nodes, edges):
    nodes has actor, mentions (mention rows, or claims naming the actor); edges has source,
    target (alphabetical), weight (sentences or claims naming both).
    """
    if isinstance(frame, pd.DataFrame) and "sentence_id" in frame.columns:
        require(frame, ["sentence_id", "actor"], "mentions")
        nodes = frame.groupby("actor").size()
        groups = frame.groupby("sentence_id")["actor"].agg(lambda s: sorted(set(map(str, s))))
    else:
        require(frame, ["claim_id", "actors"], "claims")
        lists = (
            frame["actors"].fillna("").astype(str).map(lambda s: sorted({a.strip() for a in s.split(";") if a.strip()}))
        )
        groups = lists
        nodes = lists.explode().dropna().value_counts()
    pairs: dict[tuple[str, str], int] = {}
    for actors in groups:
        for pair in combinations(actors, 2):
            pairs[pair] = pairs.get(pair, 0) + 1
    nodes = nodes.rename("mentions").rename_axis("actor").reset_index().astype({"actor": str, "mentions": int})
    edges = pd.DataFrame(
        [(a, b, w) for (a, b), w in sorted(pairs.items())], columns=["source", "target", "weight"]
    ).astype({"source": str, "target": str, "weight": int})
    return nodes, edges


def circle_layout(names) -> pd.DataFrame:
    """Deterministic positions on the unit circle, first name at the top, then clockwise.

    Returns columns actor, x, y (rounded to 6 decimals).
    """
    names = list(names)
    n = max(len(names), 1)
    angles = [math.pi / 2 - 2 * math.pi * i / n for i in range(len(names))]
    return pd.DataFrame(
        {"actor": names, "x": [round(math.cos(a), 6) for a in angles], "y": [round(math.sin(a), 6) for a in angles]}
    )


def actor_network(frame: pd.DataFrame, actors: pd.DataFrame | None = None):
    """Network of actors named together, on a fixed circle layout (most-mentioned actor at the top).

    ``frame``: ``iv.mentions`` (pairs counted per sentence) or ``iv.claims`` (per claim);
    ``actors`` (optional, ``iv.actors``) colours the nodes by kind (state, organisation, bloc).
    Edge width = number of sentences (or claims) naming both. Layers' data: edges (source, target,
    weight, x, y, x2, y2) and nodes (actor, mentions, kind, x, y).
    """
    alt = import_altair()

    unit = "sentences" if "sentence_id" in getattr(frame, "columns", []) else "claims"
    nodes, edges = co_mentions(frame)
    nodes = nodes.sort_values(["mentions", "actor"], ascending=[False, True], kind="stable").reset_index(drop=True)
    nodes = nodes.merge(circle_layout(nodes["actor"]), on="actor")
    if actors is not None:
        require(actors, ["actor", "kind"], "actors")
        kinds = dict(zip(actors["actor"].astype(str), actors["kind"].astype(str)))
        nodes["kind"] = nodes["actor"].map(kinds).fillna("other")
    else:
        nodes["kind"] = "actor"
    pos = nodes.set_index("actor")[["x", "y"]]
    edges = link_ends(edges, pos, "source", "target")
    kind_names = sorted(nodes["kind"].unique().tolist())
    axis_x = alt.X("x:Q", axis=None, scale=alt.Scale(domain=[-1.45, 1.45]))
    axis_y = alt.Y("y:Q", axis=None, scale=alt.Scale(domain=[-1.3, 1.3]))
    naming_both = f"{unit.capitalize()} naming both"
    lines = link_rules(
        edges,
        axis_x,
        axis_y,
        {"color": OKABE_ITO[4], "opacity": LINK_OPACITY},
        strokeWidth=alt.StrokeWidth("weight:Q", title=naming_both, scale=alt.Scale(range=[1, 9])),
        tooltip=tooltips("source:N", "target:N", "weight:Q", titles={"source": "Actor", "weight": naming_both}),
    )
    dots = (
        alt.Chart(nodes)
        .mark_circle(opacity=1, stroke="white")
        .encode(
            x=axis_x,
            y=axis_y,
            size=alt.Size("mentions:Q", title="Mentions", scale=alt.Scale(range=[80, 900])),
            color=alt.Color(
                "kind:N", title="Kind of actor", scale=alt.Scale(domain=kind_names, range=OKABE_ITO[: len(kind_names)])
            ),
            tooltip=tooltips("actor:N", "kind:N", "mentions:Q"),
        )
    )
    names = alt.Chart(nodes).mark_text(dy=-16, fontSize=11).encode(x=axis_x, y=axis_y, text="actor:N")
    strongest = (
        f"The pair named together most often is {edges.loc[edges['weight'].idxmax(), 'source']} and "
        f"{edges.loc[edges['weight'].idxmax(), 'target']} ({int(edges['weight'].max())} {unit})."
        if len(edges)
        else "No two actors are named together."
    )
    chart = alt.layer(lines, dots, names).properties(width=460, height=420, view=alt.ViewBackground(stroke=None))
    return finish(
        chart,
        "Which actors are named together?",
        f"Network of {len(nodes)} actors on a circle; a line joins two actors named in the same "
        f"{unit[:-1]}, thicker for more {unit}. {strongest}",
        subtitle=f"Lines join actors named in the same {unit[:-1]}",
    )
