"""Synthetic interviews in the series' format, for tests, benchmarks and trying ``nbkit new-course``.

The text is built from neutral filler sentences chosen by a seeded random
generator, so the same arguments always give the same interview.
"""

from __future__ import annotations

import random

__all__ = ["synthetic_interview", "INTRO_STYLES"]

#: The intro shapes of the series: what follows "This conversation with " ({who}, then {clause}).
INTRO_STYLES = {
    "comma": "{who}, a senior fellow at the Example Institute, {clause}",
    "en-dash": "{who} – professor of history at Example University, author of “Ports and Power: A History” – {clause}",
    "em-dash": "{who}—professor of history at Example University, author of “Ports and Power: A History”—{clause}",
    "no-series": "{who}, a fellow at the Example Institute, explores the past, present, and future of the partnership.",
}

_OPENINGS = [
    "The Diplomat author Mercy Kuo",
    "Diplomat author Mercy Kuo",
    "Trans-Pacific View author Mercy Kuo",
]
_QUESTIONS = [
    "Explain the origins of the partnership between Ruritania and Freedonia.",
    "Examine Freedonia’s calculus in deepening ties with Ruritania.",
    "How do regional states view the U.S. role in the region? Explain",
    "Assess the implications of the new agreement for regional security.",
    "Describe the economic dimension of the relationship.",
    "Briefly explain what the summit achieved.",
    "Analyze the domestic politics behind the decision.",
    "What should Washington watch for in the coming year?",
]
_SENTENCES = [
    "The relationship has deepened since the summit in 2023.",
    "Officials in Freedonia seem to view the agreement as a long-term commitment.",
    "It is too early to say whether the cooperation will last.",
    "According to media reports, trade between the two rose sharply.",
    "The U.S.-led coalition has responded cautiously.",
    "That question matters for the region.",
    "Beijing’s influence is likely to remain strong.",
    "Both sides have reasons to keep the momentum going, at least for now.",
    "Yes.",
    "The agreement (Article 2) sets out the terms of cooperation vis-à-vis third parties.",
]


def synthetic_interview(
    seed: int = 0,
    n_questions: int = 5,
    max_answer_paragraphs: int = 4,
    series_number: int | None = 500,
    interviewee: str = "Alex Example",
    intro_style: str = "comma",
) -> str:
    """Return the text of a made-up interview in the series' format (no final newline).

    Line 1 is the introduction; then ``n_questions`` questions, each followed by 1..max_answer_paragraphs
    answer paragraphs of 1–5 sentences. ``intro_style`` is one of the series' intro shapes (see
    :data:`INTRO_STYLES`): "comma" (", a senior fellow at …, is the 500th in …"), "en-dash" and
    "em-dash" (the affiliation between dashes, with a comma and a quoted book title), "no-series"
    (no series clause: "…, explores the past, present, and future of …"). With ``series_number=None``
    the "comma" style ends at the affiliation, the dash styles go on with the "no-series" verb clause.
    """
    if intro_style not in INTRO_STYLES:
        raise ValueError(f"unknown intro_style {intro_style!r}; choose from {', '.join(INTRO_STYLES)}.")
    rng = random.Random(seed)
    if series_number is not None:
        clause = f"is the {series_number}th in “The Trans-Pacific View Insight Series.”"
    else:
        clause = "explores the past, present, and future of the partnership."
    person = INTRO_STYLES[intro_style].format(who=interviewee, clause=clause)
    if intro_style == "comma" and series_number is None:
        person = f"{interviewee}, a senior fellow at the Example Institute."
    lines = [
        f"{rng.choice(_OPENINGS)} regularly engages subject-matter experts, policy practitioners, and strategic "
        f"thinkers across the globe for their diverse insights into U.S. Asia policy. This conversation with "
        f"{person}"
    ]
    for question in rng.sample(_QUESTIONS, k=min(n_questions, len(_QUESTIONS))):
        lines.append(question)
        for _ in range(rng.randint(1, max_answer_paragraphs)):
            lines.append(" ".join(rng.choice(_SENTENCES) for _ in range(rng.randint(1, 5))))
    return "\n".join(lines)
