"""The frames' names, columns and categories as the tests expect them, written out once.

These are literals on purpose: the tests compare nbkit's frames and nbkit/data/frames.yaml against them.
"""

from __future__ import annotations

TEXT_FRAMES = ("meta", "paragraphs", "questions", "sentences", "tokens")
TOKEN_COLUMNS = "token_id sentence_id paragraph_id question_id token word start end is_stopword".split()

# The annotation frames in export order, each with its columns.
ANNOTATION_COLUMNS = {
    "claims": "claim_id paragraph_id question_id quote start end summary kind voice stance actors certainty".split(),
    "argument_links": ["from_claim", "to_claim", "relation"],
    "actors": ["actor", "kind", "description"],
    "aliases": ["alias", "actor", "kind"],
    "mentions": ["mention_id", "sentence_id", "paragraph_id", "question_id", "actor", "alias", "start", "end"],
    "treaty_articles": (
        "article paragraph_id quote start end interview_reading treaty_says treaty_source wording note first_invoked"
        " first_invoked_source"
    ).split(),
    "timeline": "event_id date date_label precision event paragraph_id source after_interview quote bears_on direction".split(),
    "outside_views": (
        "view_id date date_label precision speaker role speaking_as quote source bears_on side note".split()
    ),
    "glossary": ["term", "definition", "first_paragraph_id"],
    "marker_lexicon": ["marker", "kind", "strength", "sense", "estimative_term"],
    "markers": "sentence_id paragraph_id question_id marker kind strength sense start end voice".split(),
    "sentence_certainty": "sentence_id paragraph_id question_id n_hedges n_boosters n_estimative marked".split(),
    "estimative_probability": "scale term_set term low high source source_quote".split(),
}
ANNOTATION_CATEGORIES = {
    ("claims", "kind"): ["thesis", "reason", "evidence", "counterpoint", "implication", "prediction", "context"],
    ("claims", "voice"): ["lee", "prevailing_view", "reported"],
    ("claims", "stance"): ["transactional", "strategic", "neither"],
    ("argument_links", "relation"): ["supports", "rebuts", "qualifies", "elaborates"],
    ("actors", "kind"): ["state", "organisation", "bloc"],
    ("aliases", "kind"): ["state", "capital", "leader", "organisation", "bloc", "adjective"],
    ("timeline", "precision"): ["day", "month", "season", "year"],
    ("timeline", "direction"): ["for", "against", "mixed"],
    ("marker_lexicon", "kind"): ["hedge", "booster", "estimative"],
    ("markers", "kind"): ["hedge", "booster", "estimative"],
    ("marker_lexicon", "sense"): ["possibility", "evidential", "likelihood", "confidence"],
    ("markers", "sense"): ["possibility", "evidential", "likelihood", "confidence"],
    ("markers", "voice"): ["lee", "prevailing_view", "reported"],
    ("estimative_probability", "scale"): ["ICD 203 (2015)", "Kent (1964)"],
    ("outside_views", "precision"): ["day", "month", "season", "year"],
    ("outside_views", "role"): ["government", "analyst"],
    ("outside_views", "side"): ["transactional", "strategic", "mixed", "neither"],
}

# Curated by hand for the bundled interview only (manifest.yaml pins its hash) ...
CURATED_FRAMES = ("claims", "argument_links", "treaty_articles", "timeline", "outside_views")
# ... so any other interview (or a copy of the files for another text) gets only these, sorted by name.
LEXICAL_FRAMES = [
    "actors",
    "aliases",
    "estimative_probability",
    "glossary",
    "marker_lexicon",
    "markers",
    "mentions",
    "sentence_certainty",
]
