"""Charts of the argument layer: the argument map, claims linked to questions, and the timeline."""

from __future__ import annotations

import pandas as pd

from ..errors import DataValidationError
from ..jsonschema_import import import_altair
from ..shorten import shorten
from .links import link_ends, link_rules
from .theme import (
    KIND_SHAPES,
    LINK_GREY,
    OKABE_ITO,
    RELATION_DASHES,
    STANCE_COLOURS,
    VOICE_LABELS,
    finish,
    fixed_scale,
    question_labels,
    require,
    tooltips,
    voice_labels,
)

__all__ = ["argument_map", "argument_layout", "question_claims", "timeline", "INTERVIEW_DATE"]

#: The interview was published in August 2024 (day unknown; facts.md, thediplomat.com URL).
INTERVIEW_DATE = pd.Timestamp("2024-08-01")

#: How timeline.csv names an event whose only source is the interview ("interview, paragraph 16").
INTERVIEW_ONLY_SOURCE = "interview, paragraph"
SOURCED_BY_INTERVIEW = "the interview only"


def _voice_short(speaker: str) -> dict[str, str]:
    return {"lee": speaker, "prevailing_view": "Prevailing view", "reported": "Reported"}


def _voice_phrases(speaker: str) -> dict[str, str]:
    return {
        "lee": f"stating {speaker}’s own view",
        "prevailing_view": f"stating the prevailing view as {speaker} reports it",
        "reported": "reporting what others say",
    }


CLAIM_COLUMNS = ["claim_id", "paragraph_id", "question_id", "quote", "summary", "kind", "voice", "stance"]


def argument_layout(claims: pd.DataFrame, per_row: int = 5) -> pd.DataFrame:
    """Node positions for the argument map: x by question, y by voice (0 Lee, 1 prevailing view, 2 reported).

    Claims sharing a question and voice fill a small grid in claim order, ``per_row`` to a
    line, centred on the question (x) and the voice (y). Deterministic. Returns columns
    claim_id, x, y.
    """
    require(claims, ["claim_id", "question_id", "voice"], "claims")
    rows = []
    voices = list(VOICE_LABELS)
    ordered = claims.assign(voice=claims["voice"].astype(str)).sort_values("claim_id")
    for (qid, voice), group in ordered.groupby(["question_id", "voice"], sort=True):
        n = len(group)
        n_lines = -(-n // per_row)
        row = voices.index(voice) if voice in voices else len(voices)
        for k, claim_id in enumerate(group["claim_id"]):
            line, col = divmod(k, per_row)
            in_line = min(per_row, n - line * per_row)
            x = int(qid) + (col - (in_line - 1) / 2) * 0.17
            y = row + (line - (n_lines - 1) / 2) * 0.27
            rows.append((str(claim_id), round(x, 4), round(y, 4)))
    return pd.DataFrame(rows, columns=["claim_id", "x", "y"]).sort_values("claim_id", ignore_index=True)


def _claim_table(claims: pd.DataFrame, speaker: str = "Lee") -> pd.DataFrame:
    require(claims, CLAIM_COLUMNS, "claims")
    data = claims[CLAIM_COLUMNS].copy()
    for col in ("claim_id", "quote", "summary", "kind", "voice", "stance"):
        data[col] = data[col].astype(str)
    data = data.astype({"paragraph_id": int, "question_id": int})
    data["voice_label"] = data["voice"].map(voice_labels(speaker)).fillna(data["voice"])
    return data


def argument_map(claims: pd.DataFrame, argument_links: pd.DataFrame, questions=None, speaker: str = "Lee"):
    """The argument as a map: claims as points placed by question (x) and voice (rows), links as lines.

    ``claims``: ``iv.claims``; ``argument_links``: ``iv.argument_links``; ``questions``: question
    ids to focus on (e.g. ``[2]``), drawing only their claims and the links between them. Colour = stance
    (transactional, strategic, neither), shape = kind of claim, line pattern = relation
    (supports, rebuts, qualifies, elaborates); the tooltip gives the verbatim quote. ``speaker``: the
    interviewee's surname, naming the voice ``lee`` ("Kowalski’s own view") for another interview.
    Layers' data: links (from_claim, relation, to_claim, x, y, x2, y2) and claims (claim_id,
    paragraph_id, question, kind, voice_label, stance, summary, quote, x, y).
    """
    alt = import_altair()

    data = _claim_table(claims, speaker)
    require(argument_links, ["from_claim", "to_claim", "relation"], "argument_links")
    pos = argument_layout(data).set_index("claim_id")
    data = data.join(pos, on="claim_id")
    links = argument_links[["from_claim", "relation", "to_claim"]].astype(str).reset_index(drop=True)
    for i, row in links.iterrows():
        for end in ("from_claim", "to_claim"):
            if row[end] not in pos.index:
                raise DataValidationError(
                    "argument_links",
                    i + 1,
                    end,
                    f"link names claim {row[end]!r}, which is not in the claims frame; "
                    "pass the claims and links of the same interview.",
                )
    if questions is not None:
        focus = {int(q) for q in questions}
        data = data[data["question_id"].isin(focus)]
        if data.empty:
            raise DataValidationError(
                "claims",
                None,
                "question_id",
                f"no claims answer question(s) {sorted(focus)}; use ids from iv.questions.",
            )
        shown = set(data["claim_id"])
        links = links[links["from_claim"].isin(shown) & links["to_claim"].isin(shown)].reset_index(drop=True)
    links = link_ends(links, pos, "from_claim", "to_claim")
    labels = question_labels(data["question_id"].unique())
    data["question"] = data["question_id"].map(labels)
    first_q, n_q = (min(labels), max(labels)) if labels else (1, 1)
    voice_expr = " : ".join(f"datum.value == {i} ? '{label}'" for i, label in enumerate(voice_labels(speaker).values()))
    x = alt.X(
        "x:Q",
        title="Question",
        scale=alt.Scale(domain=[first_q - 0.55, n_q + 0.55], nice=False),
        axis=alt.Axis(values=list(range(first_q, n_q + 1)), labelExpr="'Q' + datum.value", grid=False),
    )
    y = alt.Y(
        "y:Q",
        title="Whose view",
        scale=alt.Scale(domain=[-0.5, 2.5], reverse=True, nice=False),
        axis=alt.Axis(values=[0, 1, 2], labelExpr=voice_expr + " : ''", labelLimit=220, grid=True),
    )
    edges = link_rules(
        links,
        x,
        y,
        {"color": LINK_GREY, "strokeWidth": 1.5},
        strokeDash=alt.StrokeDash("relation:N", title="Link", scale=fixed_scale(RELATION_DASHES)),
        tooltip=tooltips("from_claim:N", "relation:N", "to_claim:N"),
    )
    node_data = data[
        ["claim_id", "paragraph_id", "question", "kind", "voice_label", "stance", "summary", "quote", "x", "y"]
    ]
    nodes = (
        alt.Chart(node_data)
        .mark_point(filled=True, size=170, opacity=1, stroke="black", strokeWidth=0.5)
        .encode(
            x=x,
            y=y,
            color=alt.Color("stance:N", title="Stance", scale=fixed_scale(STANCE_COLOURS)),
            shape=alt.Shape("kind:N", title="Kind of claim", scale=fixed_scale(KIND_SHAPES)),
            tooltip=tooltips(
                "claim_id:N",
                "question:N",
                "paragraph_id:Q",
                "voice_label:N",
                "kind:N",
                "stance:N",
                "summary:N",
                "quote:N",
            ),
        )
    )
    names = alt.Chart(node_data).mark_text(dy=-13, fontSize=10).encode(x=x, y=y, text="claim_id:N")
    width = 800 if n_q - first_q >= 2 else 420
    chart = alt.layer(edges, nodes, names).properties(width=width, height=420)
    counts = data["voice"].value_counts()
    parts = ", ".join(f"{counts[v]} {phrase}" for v, phrase in _voice_phrases(speaker).items() if v in counts)
    return finish(
        chart,
        "How the argument fits together",
        f"Argument map of {len(data)} claims ({parts}) placed by question from left to right and by "
        f"whose view they state from top to bottom, with {len(links)} links between claims; colour "
        "shows the stance (transactional, strategic or neither), shape the kind of claim.",
        subtitle="Claims by question and voice; lines are links between claims",
    )


def question_claims(questions: pd.DataFrame, claims: pd.DataFrame, speaker: str = "Lee"):
    """Two linked views: claims per question (bars) and the list of claims; click a bar to filter the list.

    Shift-click selects several questions; double-click clears. ``questions``: ``iv.questions``;
    ``claims``: ``iv.claims``. Data (one row per claim, shared by both views): claim_id, question_id,
    question, question_text, stance, voice_label, kind, line (the list entry), quote.
    """
    alt = import_altair()

    data = _claim_table(claims, speaker)
    require(questions, ["question_id", "instruction", "text"], "questions")
    labels = question_labels(questions["question_id"], questions)
    texts = dict(zip(questions["question_id"].astype(int), questions["text"].astype(str)))
    data["question"] = data["question_id"].map(labels)
    data["question_text"] = data["question_id"].map(texts)
    data["line"] = (
        data["claim_id"]
        + " · "
        + data["voice"].map(_voice_short(speaker)).fillna(data["voice"])
        + ": "
        + data["summary"].map(lambda s: shorten(s, 90))
    )
    data = data[
        ["claim_id", "question_id", "question", "question_text", "stance", "voice_label", "kind", "line", "quote"]
    ]
    pick = alt.selection_point(name="pick_question", fields=["question_id"], on="click", clear="dblclick")
    stance = alt.Color("stance:N", title="Stance", scale=fixed_scale(STANCE_COLOURS))
    bars = (
        alt.Chart()
        .mark_bar()
        .encode(
            y=alt.Y("question:N", sort=list(labels.values()), title="Question"),
            x=alt.X("count():Q", title="Number of claims", axis=alt.Axis(tickMinStep=1, format="d")),
            color=stance,
            opacity=alt.condition(pick, alt.value(1.0), alt.value(0.3)),
            tooltip=tooltips("question:N", "question_text:N", "stance:N", "count():Q", titles={"count()": "Claims"}),
        )
        .add_params(pick)
        .properties(
            width=220,
            height=alt.Step(28),
            title=alt.Title("Claims per question", subtitle="Click a bar to filter the list"),
        )
    )
    listing = (
        alt.Chart()
        .mark_text(align="left", baseline="middle", fontSize=11, limit=560)
        .encode(
            y=alt.Y("claim_id:N", title=None, axis=alt.Axis(labels=False, ticks=False, domain=False)),
            x=alt.value(4),
            text="line:N",
            color=stance,
            tooltip=tooltips("claim_id:N", "question:N", "voice_label:N", "kind:N", "quote:N"),
        )
        .transform_filter(pick)
        .properties(width=580, height=alt.Step(16), title=alt.Title("The claims", subtitle="Hover for the quote"))
    )
    chart = alt.hconcat(bars, listing, data=data)
    return finish(
        chart,
        "Which claims answer which question?",
        f"Two linked views: a bar chart of the number of claims for each of {len(labels)} questions, "
        f"coloured by stance, and the list of {len(data)} claims; selecting a question's bar shows only "
        "its claims in the list.",
    )


def timeline(events: pd.DataFrame):
    """Events on a time axis, with the interview's publication (August 2024) marked by a line.

    ``events``: ``iv.timeline``. Events after the interview get another colour and shape; an event whose
    only source is the interview itself (source "interview, paragraph N") is drawn hollow.
    Layers' data: events (event_id, date, date_label, label, event, when, paragraph, source, sourced)
    and one row for the interview (date, label).
    """
    alt = import_altair()

    require(
        events,
        ["event_id", "date", "date_label", "precision", "event", "paragraph_id", "source", "after_interview"],
        "timeline",
    )
    data = events.sort_values(["date", "event_id"], kind="stable").reset_index(drop=True)
    data = pd.DataFrame(
        {
            "event_id": data["event_id"].astype(str),
            "date": pd.to_datetime(data["date"]),
            "date_label": data["date_label"].astype(str),
            "label": (data["date_label"].astype(str) + ": " + data["event"].map(lambda s: shorten(s, 50))),
            "event": data["event"].astype(str),
            "when": data["after_interview"].map({True: "After the interview", False: "Before the interview"}),
            "paragraph": data["paragraph_id"].map(
                lambda p: "not in the interview" if pd.isna(p) else f"paragraph {int(p)}"
            ),
            "source": data["source"].astype(str),
        }
    )
    when_colours = {"Before the interview": OKABE_ITO[4], "After the interview": OKABE_ITO[5]}
    only_interview = data["source"].str.startswith(INTERVIEW_ONLY_SOURCE)
    data["sourced"] = only_interview.map({True: SOURCED_BY_INTERVIEW, False: "an independent source"})
    x = alt.X("date:T", title="Date", axis=alt.Axis(format="%b %Y", labelAngle=0), scale=alt.Scale(padding=14))
    points = (
        alt.Chart(data)
        .mark_point(filled=False, size=110, opacity=1, strokeWidth=2)
        .encode(
            x=x,
            y=alt.Y(
                "label:N",
                sort=data["label"].tolist(),
                title="Event",
                axis=alt.Axis(
                    labelLimit=360,
                    titleAngle=0,
                    titleAlign="right",
                    titleAnchor="start",
                    titleBaseline="bottom",
                    titleX=-4,
                    titleY=-4,
                ),
            ),
            color=alt.Color("when:N", title="When", scale=fixed_scale(when_colours)),
            shape=alt.Shape(
                "when:N", title="When", scale=alt.Scale(domain=list(when_colours), range=["circle", "diamond"])
            ),
            fill=alt.condition(
                alt.datum.sourced == SOURCED_BY_INTERVIEW,
                alt.value("white"),
                alt.Fill("when:N", title="When", scale=fixed_scale(when_colours), legend=None),
            ),
            tooltip=tooltips(
                "date_label:N",
                "event:N",
                "when:N",
                "paragraph:N",
                "source:N",
                "sourced:N",
                titles={"sourced": "Sourced by"},
            ),
        )
    )
    marker = pd.DataFrame({"date": [INTERVIEW_DATE], "label": ["Interview published (August 2024)"]})
    rule = (
        alt.Chart(marker)
        .mark_rule(color="black", strokeDash=[5, 3])
        .encode(x=x, tooltip=tooltips("label:N", titles={"label": "Marker"}))
    )
    note = (
        alt.Chart(marker)
        .mark_text(align="left", dx=4, dy=-6, fontSize=11, baseline="bottom")
        .encode(x=x, y=alt.value(0), text="label:N")
    )
    n_after = int((data["when"] == "After the interview").sum())
    n_hollow = int(only_interview.sum())
    span = f" from {data['date_label'].iloc[0]} to {data['date_label'].iloc[-1]}" if len(data) else ""
    chart = alt.layer(points, rule, note).properties(width=520)
    return finish(
        chart,
        "What happened when?",
        f"Timeline of {len(data)} events{span}; a dashed line marks the interview's publication in "
        f"August 2024, and {n_after} events after it are shown in another colour and shape; "
        f"{n_hollow} events whose only source is the interview are drawn hollow.",
        subtitle="Events the interview refers to, and what came after (hollow: sourced only to the interview)",
    )
