"""The argument layer on the bundled interview: exact counts, specific rows, the matching traps."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pandas as pd
import pytest

import nbkit
from nbkit.annotations.lexicon_matching import compile_forms, find_forms
from nbkit.annotations.markers import attribute_voices, find_markers
from nbkit.annotations.mentions import find_mentions
from nbkit.course import AnnotatedInterview

from .expected_frames import ANNOTATION_CATEGORIES, ANNOTATION_COLUMNS, CURATED_FRAMES, LEXICAL_FRAMES

ROOT = Path(__file__).resolve().parents[1]
ANSWER_PARAGRAPHS = [3, 4, 5, 7, 8, 9, 10, 12, 13, 15, 16, 18, 19, 20, 21]

NULLABLE = {
    ("timeline", "paragraph_id"),
    ("timeline", "direction"),  # NA when the event bears on no claim
    ("glossary", "first_paragraph_id"),
    ("mentions", "question_id"),
    ("markers", "question_id"),
}  # NA in the intro


@pytest.fixture(scope="module")
def iv():
    return nbkit.load_interview()


# -- every frame, every column ------------------------------------------------------------------


@pytest.mark.parametrize("name", list(ANNOTATION_COLUMNS))
def test_frame_columns_dtypes_and_nulls(iv, name):
    frame = getattr(iv, name)
    assert list(frame.columns) == ANNOTATION_COLUMNS[name]
    assert len(frame) > 0
    for col in frame.columns:
        if (name, col) in ANNOTATION_CATEGORIES:
            assert isinstance(frame[col].dtype, pd.CategoricalDtype)
            assert list(frame[col].cat.categories) == ANNOTATION_CATEGORIES[(name, col)]
        if (name, col) not in NULLABLE:
            assert not frame[col].isna().any(), f"{name}.{col} has missing values"
    for col in ("start", "end", "paragraph_id", "sentence_id", "mention_id", "article", "strength"):
        if col in frame.columns and (name, col) not in NULLABLE:
            assert frame[col].dtype == "int64", f"{name}.{col}"
    if "question_id" in frame.columns:
        assert frame["question_id"].dtype == ("int64" if name in ("claims", "sentence_certainty") else "Int64")


@pytest.mark.parametrize("name", list(ANNOTATION_COLUMNS))
def test_property_docstring_lists_every_column(name):
    doc = inspect.getdoc(getattr(AnnotatedInterview, name))
    for col in ANNOTATION_COLUMNS[name]:
        assert re.search(rf"\b{col}\b", doc), f"{name} docstring does not list {col}"


@pytest.mark.parametrize("name", list(ANNOTATION_COLUMNS))
def test_frames_are_cached_but_handed_out_as_copies(iv, name):
    first = getattr(iv, name)
    first.iloc[0, 0] = None
    second = getattr(iv, name)
    assert second is not first
    assert not pd.isna(second.iloc[0, 0])
    assert getattr(nbkit, f"load_{name}")().equals(second)


def test_frames_are_built_once_per_interview(iv):
    _ = iv.claims  # build it once
    layer = iv.annotations
    assert iv.claims.equals(layer.claims)
    assert "claims" in vars(layer) and iv.annotations is layer


def test_ids_are_unique_and_in_order(iv):
    claims = iv.claims
    assert claims["claim_id"].tolist() == [f"C{i:02d}" for i in range(1, 55)]
    assert sorted(iv.timeline["event_id"]) == [f"E{i:02d}" for i in range(1, 35)]
    assert iv.timeline["date"].is_monotonic_increasing  # date order; ids are in the order events were added
    assert iv.mentions["mention_id"].tolist() == list(range(1, len(iv.mentions) + 1))
    assert iv.actors["actor"].is_unique and iv.aliases["alias"].is_unique
    assert iv.marker_lexicon["marker"].is_unique and iv.glossary["term"].is_unique


def test_manifest_hash_is_the_seed_hash(iv):
    import hashlib

    import yaml

    manifest = yaml.safe_load((ROOT / "nbkit/data/annotations/manifest.yaml").read_text(encoding="utf-8"))
    seed = ROOT / "seeds" / manifest["interview"]
    assert manifest["sha256"] == hashlib.sha256(seed.read_bytes()).hexdigest() == iv.meta["sha256"].iloc[0]


# -- claims -----------------------------------------------------------------------------------


def test_claims_cover_every_answer_paragraph(iv):
    claims = iv.claims
    assert len(claims) == 54
    per_paragraph = claims.groupby("paragraph_id").size().to_dict()
    assert sorted(per_paragraph) == ANSWER_PARAGRAPHS
    assert per_paragraph == {
        3: 3,
        4: 4,
        5: 6,
        7: 3,
        8: 3,
        9: 5,
        10: 1,
        12: 3,
        13: 4,
        15: 5,
        16: 4,
        18: 4,
        19: 3,
        20: 4,
        21: 2,
    }
    assert claims.groupby("question_id").size().to_dict() == {1: 13, 2: 12, 3: 7, 4: 9, 5: 13}


def test_claim_categories_counts(iv):
    claims = iv.claims
    assert claims["kind"].value_counts().to_dict() == {
        "reason": 22,
        "evidence": 13,
        "prediction": 7,
        "implication": 6,
        "thesis": 4,
        "context": 1,
        "counterpoint": 1,
    }
    assert claims["voice"].value_counts().to_dict() == {"lee": 43, "reported": 6, "prevailing_view": 5}
    assert claims["stance"].value_counts().to_dict() == {"strategic": 24, "neither": 18, "transactional": 12}


def test_coding_follows_docs_coding_rules(iv):
    """Issue 12 item 5 (X6): the coding rules of docs/coding-rules.md, on the cases the review found inconsistent."""
    claims = iv.claims.set_index("claim_id")
    # a reading of the evidence ("appears", "makes it possible", "seems to suggest", "provides a legal framework")
    # is a reason, not evidence; the evidence is what a source could check (a report, a quoted article)
    assert claims.loc[["C19", "C24", "C43", "C45"], "kind"].tolist() == ["reason"] * 4
    assert claims.loc[["C44", "C33", "C38", "C40"], "kind"].tolist() == ["evidence"] * 4
    # a judgement that another claim rests on is a reason; context is background that no side disputes
    assert claims.loc["C09", "kind"] == "reason" and claims[claims["kind"] == "context"].index.tolist() == ["C02"]
    # stance by the claim's own words: gains North Korea gets are transactional, a standing framework strategic
    assert claims.loc[["C15", "C17", "C18", "C19"], "stance"].tolist() == [
        "transactional",
        "transactional",
        "transactional",
        "strategic",
    ]
    # review 08-2: using Russia as a card against China, or as a hedge, is the prevailing view's reason 2 (C06)
    assert claims.loc[["C39", "C52", "C06"], "stance"].tolist() == ["transactional"] * 3
    assert claims.loc[["C40", "C50"], "stance"].tolist() == ["neither", "strategic"]
    # review 05-11: "in disregard of sanctions", not "despite sanctions"
    assert "in disregard of sanctions" in claims.loc["C34", "summary"]
    lee_transactional = claims[(claims["stance"] == "transactional") & (claims["voice"] == "lee")].index.tolist()
    assert lee_transactional == ["C15", "C17", "C18", "C26", "C29", "C39", "C52"]


def test_claim_quotes_are_verbatim_spans(iv):
    paragraphs = iv.paragraphs.set_index("paragraph_id")
    for row in iv.claims.itertuples():
        assert iv.source[row.start : row.end] == row.quote
        par = paragraphs.loc[row.paragraph_id]
        assert par["start"] <= row.start and row.end <= par["end"]
        assert par["question_id"] == row.question_id


def test_claim_actors_are_known(iv):
    known = set(iv.actors["actor"])
    for names in iv.claims["actors"]:
        assert set(names.split("; ")) <= known


def test_thesis_and_prevailing_view_in_paragraph_3(iv):
    claims = iv.claims.set_index("claim_id")
    thesis = claims.loc["C03"]
    assert (thesis["paragraph_id"], thesis["kind"], thesis["voice"], thesis["stance"]) == (
        3,
        "thesis",
        "lee",
        "strategic",
    )
    assert thesis["quote"].startswith("we should remain open to the possibility")
    assert thesis["certainty"] == "may"
    prevailing = claims.loc["C01"]
    assert (prevailing["paragraph_id"], prevailing["voice"], prevailing["stance"]) == (
        3,
        "prevailing_view",
        "transactional",
    )
    # the quote is the view itself; "the prevailing view still seems to be that" is Lee's report of it (review 02-6)
    assert prevailing["quote"] == "the relationship is “transactional.”"
    assert prevailing["certainty"] == "" and "still seems to be" in prevailing["summary"]


def test_the_three_reasons_of_paragraph_4(iv):
    claims = iv.claims
    reasons = claims[(claims["paragraph_id"] == 4) & (claims["kind"] == "reason")]
    assert reasons["claim_id"].tolist() == ["C05", "C06", "C07"]
    assert reasons["quote"].tolist() == [
        "the general assumption is that North Korea’s value for Russia will diminish significantly once the war is over",
        "Kim Jong Un may have merely picked up the Cold War playbook of shuttling back and forth between China and Russia",
        "the two countries have a long history of attempts at cooperation, but they rarely led to tangible outcomes",
    ]
    assert set(reasons["voice"]) == {"prevailing_view"} and set(reasons["stance"]) == {"transactional"}
    assert reasons["certainty"].tolist() == ["", "may", ""]
    assert reasons[["start", "end"]].values.tolist() == [[937, 1047], [1057, 1169], [1178, 1284]]


def test_evidence_claims(iv):
    claims = iv.claims.set_index("claim_id")
    media = claims.loc["C27"]
    assert media["quote"].startswith("According to South Korean media reports,")
    assert (media["paragraph_id"], media["kind"], media["voice"]) == (12, "evidence", "reported")
    recognition = claims.loc["C32"]
    assert recognition["quote"] == (
        "It was only one of the three countries to recognize the independence of Ukraine’s breakaway regions."
    )
    assert (recognition["paragraph_id"], recognition["kind"]) == (13, "evidence")
    assert claims.loc["C26", "certainty"] == "obvious; most likely"
    assert claims.loc["C17", "certainty"] == "possibly; well documented"
    assert "miliary" in claims.loc["C44", "quote"]


def test_certainty_is_the_markers_inside_each_quote(iv):
    markers = iv.markers
    for row in iv.claims.itertuples():
        inside = markers[(markers["start"] >= row.start) & (markers["end"] <= row.end)]["marker"]
        assert row.certainty == "; ".join(dict.fromkeys(inside))
    assert (iv.claims["certainty"] != "").sum() == 19


# -- argument map -----------------------------------------------------------------------------


def test_argument_map(iv):
    links = iv.argument_links
    assert len(links) == 56
    assert links["relation"].value_counts().to_dict() == {"supports": 38, "elaborates": 13, "rebuts": 5, "qualifies": 0}
    triples = set(links.itertuples(index=False, name=None))
    assert {
        ("C05", "C04", "supports"),
        ("C06", "C04", "supports"),
        ("C07", "C04", "supports"),
        ("C04", "C01", "elaborates"),
    } <= triples
    # Paragraph 5 answers the three reasons one by one, and the prevailing view as a whole.
    assert {
        ("C08", "C04", "rebuts"),
        ("C10", "C05", "rebuts"),
        ("C11", "C06", "rebuts"),
        ("C12", "C07", "rebuts"),
        ("C03", "C01", "rebuts"),
    } <= triples
    assert {("C27", "C26", "supports"), ("C32", "C31", "supports")} <= triples
    # review 05-3: the bloc prediction (C35) has evidence of its own, converging with C34 on the red flag (C36)
    assert {("C22", "C35", "supports"), ("C34", "C36", "supports"), ("C35", "C36", "supports")} <= triples
    # review 05-15: the sentence on China (C37) is a parallel assessment, not a qualification of C36
    assert not links[(links["from_claim"] == "C37") & (links["to_claim"] == "C36")].shape[0]
    claims = set(iv.claims["claim_id"])
    assert set(links["from_claim"]) <= claims and set(links["to_claim"]) <= claims
    assert not (links["from_claim"] == links["to_claim"]).any()
    assert not links.duplicated(["from_claim", "to_claim"]).any()
    paragraph = iv.claims.set_index("claim_id")["paragraph_id"]
    rebuts = links[links["relation"] == "rebuts"]
    assert set(rebuts["from_claim"].map(paragraph)) == {3, 5}


# -- mentions ---------------------------------------------------------------------------------


def test_mention_counts_by_actor(iv):
    counts = iv.mentions["actor"].value_counts().to_dict()
    assert counts == {
        "Russia": 40,
        "North Korea": 38,
        "China": 15,
        "United States": 9,
        "Ukraine": 7,
        "South Korea": 2,
        "The Diplomat": 1,
        "Stimson Center": 1,
        "38 North": 1,
        "Belarus": 1,
        "Japan": 1,
        "NATO": 1,
    }
    assert len(iv.mentions) == 117


def test_mention_counts_agree_with_plain_text_counts(iv):
    text, aliases = iv.source, iv.mentions["alias"].value_counts()
    # United States: "U.S." 6 times (paragraphs 1, 5, 10, 15, 17, 19), "United States" twice, "Washington" once.
    assert text.count("U.S.") == aliases["U.S."] == 6
    assert text.count("United States") == aliases["United States"] == 2
    assert text.count("Washington") == aliases["Washington"] == 1
    assert text.count("Pyongyang") == aliases["Pyongyang"] == 10
    assert text.count("Moscow") == aliases["Moscow"] == 7
    assert text.count("Beijing") == aliases["Beijing"] == 3
    assert text.count("China") == aliases["China"] == 12
    # "Putin" 7 times: 6 alone and once in the editor's "[Russian President Vladimir] Putin".
    assert text.count("Putin") == 7 == aliases["Putin"] + aliases["[Russian President Vladimir] Putin"]
    # "North Korea" 24 times, none of them part of "North Korean"; "South Korea" once plus "South Korean" once.
    assert text.count("North Korea") == aliases["North Korea"] == 24
    assert text.count("South Korea") == 2 == aliases["South Korea"] + aliases["South Korean"]
    # "Russia" 27 times: 24 as the state and 3 inside "Russian" (one in the editor's bracket, counted with Putin).
    assert text.count("Russia") == 27 and text.count("Russian") == 3
    assert aliases["Russia"] == 24 and aliases["Russian"] == 2
    assert "Korea" not in set(iv.mentions["alias"])


def test_mention_offsets_and_ids(iv):
    mentions = iv.mentions
    assert (mentions["question_id"].isna() == (mentions["paragraph_id"] == 1)).all()
    sentences = iv.sentences.set_index("sentence_id")
    for m in iv.mentions.itertuples():
        assert iv.source[m.start : m.end] == m.alias
        s = sentences.loc[m.sentence_id]
        assert s["start"] <= m.start and m.end <= s["end"] and s["paragraph_id"] == m.paragraph_id


def _mentions(text: str, aliases: pd.DataFrame) -> list[tuple[str, str]]:
    sentences = pd.DataFrame(
        {
            "sentence_id": [1],
            "paragraph_id": [1],
            "question_id": pd.array([1], "Int64"),
            "text": [text],
            "start": [0],
            "end": [len(text)],
        }
    )
    return list(find_mentions(sentences, aliases)[["alias", "actor"]].itertuples(index=False, name=None))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("the U.S.-led international rule of law", [("U.S.", "United States")]),
        ("the broader China-U.S. strategic competition", [("China", "China"), ("U.S.", "United States")]),
        ("waging an anti-U.S. campaign", [("U.S.", "United States")]),
        ("Examine Pyongyang’s calculus", [("Pyongyang", "North Korea")]),
        ("Are North Korea-Russia relations", [("North Korea", "North Korea"), ("Russia", "Russia")]),
        ("the Pyongyang-Moscow honeymoon", [("Pyongyang", "North Korea"), ("Moscow", "Russia")]),
        (
            "U.S.-South Korea-Japan trilateral",
            [("U.S.", "United States"), ("South Korea", "South Korea"), ("Japan", "Japan")],
        ),
        ("According to South Korean media reports", [("South Korean", "South Korea")]),
        ("to Russian-occupied territories", [("Russian", "Russia")]),
        ("[Russian President Vladimir] Putin’s latest visit", [("[Russian President Vladimir] Putin", "Russia")]),
        ("the Kim-Putin summit", [("Kim", "North Korea"), ("Putin", "Russia")]),
        ("Kim Jong Un sees", [("Kim Jong Un", "North Korea")]),
        (
            "the Stimson Center’s Korea Program and 38 North",
            [("Stimson Center", "Stimson Center"), ("38 North", "38 North")],
        ),
        ("North Korea’s attitude", [("North Korea", "North Korea")]),
        ("Russians and Prussia, Kimchi", []),  # no match inside longer words
    ],
)
def test_mention_traps(iv, text, expected):
    assert _mentions(text, iv.aliases) == expected


def test_longest_alias_wins_even_with_a_shorter_one_in_the_lexicon(iv):
    aliases = pd.concat(
        [iv.aliases, pd.DataFrame({"alias": ["Korea"], "actor": ["South Korea"], "kind": ["state"]})], ignore_index=True
    )
    assert _mentions("North Korea and Korea", aliases) == [("North Korea", "North Korea"), ("Korea", "South Korea")]


# -- markers ----------------------------------------------------------------------------------


def test_marker_counts(iv):
    markers = iv.markers
    assert len(markers) == 23
    assert markers["kind"].value_counts().to_dict() == {"hedge": 16, "estimative": 4, "booster": 3}
    assert markers["marker"].value_counts().to_dict() == {
        "seems": 5,
        "may": 4,
        "possibly": 3,
        "appears": 2,
        "unlikely": 1,
        "well documented": 1,
        "almost certainly": 1,
        "obvious": 1,
        "most likely": 1,
        "clearly": 1,
        "seems to suggest": 1,
        "likely": 1,
        "could": 1,
    }
    assert markers.groupby("question_id").size().to_dict() == {1: 7, 2: 6, 3: 2, 4: 3, 5: 5}
    assert markers["sense"].value_counts().to_dict() == {
        "possibility": 8,
        "evidential": 8,
        "likelihood": 4,
        "confidence": 3,
    }
    assert len(iv.marker_lexicon) == 32
    # estimative words are the likelihood words: a forecast of how probable an event is, not a hedge
    lex = iv.marker_lexicon
    assert sorted(lex.loc[lex["kind"] == "estimative", "marker"]) == [
        "almost certainly",
        "likely",
        "most likely",
        "probably",
        "unlikely",
    ]
    assert set(lex.loc[lex["kind"] == "estimative", "sense"]) == {"likelihood"}
    assert not lex["marker"].isin(["indicate", "indicates", "possibility"]).any()


def test_phrases_count_once(iv):
    """ "seems to suggest" (para. 18) is one marker, not "seems" + "suggest"; likewise "most likely", "almost certainly"."""
    markers = iv.markers
    para18 = markers[markers["paragraph_id"] == 18]
    assert para18["marker"].tolist() == ["seems to suggest"]
    assert iv.source[para18["start"].iloc[0] : para18["end"].iloc[0]] == "seems to suggest"
    assert markers.loc[markers["paragraph_id"] == 12, "marker"].tolist() == ["obvious", "most likely"]
    assert markers.loc[markers["sentence_id"] == 19, "marker"].tolist() == ["almost certainly", "appears"]
    assert not markers["marker"].isin(["suggest", "certainly"]).any()


def test_marker_voices(iv):
    """Each marker has the voice of the claim it falls in; outside any claim it is Lee's (rule in frames.yaml).

    Review 02-6: "the prevailing view still seems to be that the relationship is 'transactional'" (para. 3) is
    Lee hedging her report of the debate (the "seems" is outside C01's quote, the view itself), while "may" in
    the view's second reason (para. 4, inside C06's quote) is a hedge within the reported view."""
    markers = iv.markers
    assert markers["voice"].value_counts().to_dict() == {"lee": 22, "prevailing_view": 1, "reported": 0}
    pv = markers[markers["voice"] == "prevailing_view"]
    assert list(zip(pv["paragraph_id"], pv["marker"])) == [(4, "may")]
    c01, c06 = iv.claims.set_index("claim_id").loc[["C01", "C06"], "quote"]
    assert c01 == "the relationship is “transactional.”" and c06.startswith("Kim Jong Un may have")
    claims = iv.claims
    for m in markers.itertuples():
        inside = claims[(claims["start"] <= m.start) & (claims["end"] >= m.end)]
        if len(inside):
            assert set(inside["voice"]) == {m.voice}
    # both markers of para. 3 are Lee's: "seems" hedges her report, "may" her thesis (C03)
    para3 = markers[markers["paragraph_id"] == 3]
    assert list(zip(para3["marker"], para3["voice"])) == [("seems", "lee"), ("may", "lee")]


def test_sentence_certainty_counts_unmarked_sentences(iv):
    sc = iv.sentence_certainty
    answers = iv.sentences[iv.sentences["role"] == "answer"]
    assert sc["sentence_id"].tolist() == answers["sentence_id"].tolist() and len(sc) == 42
    assert int(sc["marked"].sum()) == 19 and int((~sc["marked"]).sum()) == 23
    assert int(sc["n_hedges"].sum()) == 16 and int(sc["n_boosters"].sum()) == 3 and int(sc["n_estimative"].sum()) == 4
    per_q = sc.groupby("question_id")["marked"].agg(["size", "sum"])
    assert per_q["size"].tolist() == [10, 7, 6, 8, 11] and per_q["sum"].tolist() == [6, 4, 1, 3, 5]
    para16 = iv.paragraphs.loc[iv.paragraphs["paragraph_id"] == 16, "n_sentences"].iloc[0]
    assert (~sc.loc[sc["paragraph_id"] == 16, "marked"]).sum() == para16 > 0  # para. 16: no marker at all
    # "almost certainly seeing an opportunity ... appears to view itself" (para. 9): one estimative word, one hedge
    assert sc.loc[sc["sentence_id"] == 19, ["n_hedges", "n_boosters", "n_estimative"]].values.tolist() == [[1, 0, 1]]


def test_estimative_probability_scale(iv):
    scale = iv.estimative_probability
    icd = scale[scale["scale"] == "ICD 203 (2015)"]
    kent = scale[scale["scale"] == "Kent (1964)"]
    assert len(icd) == 14 and len(kent) == 7
    first = icd[icd["term_set"] == 1]
    assert first["term"].tolist() == [
        "almost no chance",
        "very unlikely",
        "unlikely",
        "roughly even chance",
        "likely",
        "very likely",
        "almost certain(ly)",
    ]
    assert list(zip(first["low"], first["high"])) == [(1, 5), (5, 20), (20, 45), (45, 55), (55, 80), (80, 95), (95, 99)]
    assert icd.loc[icd["term_set"] == 2, "low"].tolist() == first["low"].tolist()
    assert dict(zip(kent["term"], zip(kent["low"], kent["high"])))["probable"] == (63, 87)  # 75% give or take 12%
    assert set(icd["source"]) == {"https://github.com/wesinator/ICD203-intel-analysis"}
    assert set(kent["source"]) == {"https://subsurfwiki.org/wiki/Words_of_estimative_probability"}
    for row in scale.itertuples():
        assert row.term in row.source_quote.lower()


def test_lee_likelihood_words_map_to_icd_203(iv):
    lex = iv.marker_lexicon.set_index("marker")
    assert lex.loc["likely", "estimative_term"] == "likely"
    assert lex.loc["unlikely", "estimative_term"] == "unlikely"
    assert lex.loc["almost certainly", "estimative_term"] == "almost certain(ly)"
    assert lex.loc["probably", "estimative_term"] == "probable (probably)"
    # not ICD 203 terms: said so (empty), not forced onto the scale
    assert lex.loc["most likely", "estimative_term"] == "" and lex.loc["possibly", "estimative_term"] == ""
    assert set(lex.loc[lex["estimative_term"] != "", "sense"]) == {"likelihood"}
    assert lex.loc[["clearly", "well documented"], "sense"].tolist() == ["confidence", "confidence"]
    terms = iv.markers.merge(iv.marker_lexicon[["marker", "estimative_term"]], on="marker")
    on_scale = terms.merge(iv.estimative_probability, left_on="estimative_term", right_on="term")
    assert sorted(on_scale["marker"]) == ["almost certainly", "likely", "unlikely"]
    assert on_scale.set_index("marker")["low"].to_dict() == {"unlikely": 20, "almost certainly": 95, "likely": 55}


def test_every_hedged_claim_keeps_its_hedge_in_the_summary(iv):
    """Issue 12 item 3: a claim whose quote carries a hedge has a summary that carries a hedge of the lexicon
    (or names it, e.g. "Lee judges that it seems unlikely..."); likewise an estimative word ("likely") is kept
    as an estimative word, so a forecast is not turned into a flat statement or into doubt."""
    lexicon = iv.marker_lexicon
    markers = iv.markers
    hedged = {}
    for kind in ("hedge", "estimative"):
        forms = compile_forms(lexicon.loc[lexicon["kind"] == kind, "marker"], ignore_case=True)
        for claim in iv.claims.itertuples():
            inside = markers[
                (markers["start"] >= claim.start) & (markers["end"] <= claim.end) & (markers["kind"] == kind)
            ]
            if len(inside):
                hedged.setdefault(kind, []).append(claim.claim_id)
                found = [form for _, _, form in find_forms(forms, claim.summary)]
                assert found, (
                    f"{claim.claim_id}: quote has {kind} {list(inside['marker'])}, summary none: {claim.summary}"
                )
    assert len(hedged["hedge"]) == 15
    assert hedged["estimative"] == ["C10", "C21", "C26", "C47"]


@pytest.mark.parametrize(
    ("claim_id", "hedge"),
    [
        ("C18", "if properly implemented"),
        ("C29", "would benefit from"),
        ("C10", "seems unlikely"),
        ("C24", "appear"),
    ],
)
def test_clause_hedges_kept_in_summaries(iv, claim_id, hedge):
    """Hedges the lexicon does not list (a conditional, "would") and those the review named (X5) stay in the summary."""
    claim = iv.claims.set_index("claim_id").loc[claim_id]
    assert hedge.split()[0] in claim.quote and hedge in claim.summary


def test_marker_offsets(iv):
    for m in iv.markers.itertuples():
        assert iv.source[m.start : m.end].lower() == m.marker


def _markers(text: str, lexicon: pd.DataFrame) -> list[str]:
    sentences = pd.DataFrame(
        {
            "sentence_id": [1],
            "paragraph_id": [1],
            "question_id": pd.array([pd.NA], "Int64"),
            "text": [text],
            "start": [0],
            "end": [len(text)],
        }
    )
    return find_markers(sentences, lexicon)["marker"].tolist()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("continued supplies of munitions and most likely personnel", ["most likely"]),
        ("and almost certainly seeing an opportunity", ["almost certainly"]),
        ("the treaty likely was a response", ["likely"]),
        ("it seems unlikely that Russia will return", ["seems", "unlikely"]),
        ("May they? It MAY. Maybe.", ["may", "may", "maybe"]),
        ("have been well\ndocumented", ["well documented"]),
        ("Russia would benefit; we should remain open", []),
        ("a mayor", []),
    ],
)
def test_marker_traps(iv, text, expected):
    assert _markers(text, iv.marker_lexicon) == expected


# -- treaty, timeline, glossary ---------------------------------------------------------------


ALLOWED_SOURCES = [
    line
    for line in (ROOT / "tests" / "data" / "allowed_sources.txt").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
]
URL = re.compile(r"https?://[^\s)]+")


def test_allowed_sources_list():
    assert len(ALLOWED_SOURCES) == 171 == len(set(ALLOWED_SOURCES))
    assert all(u.startswith(("https://", "http://")) for u in ALLOWED_SOURCES)


def test_links_in_notebooks_00_to_06_are_checked_sources():
    """Every web address that notebooks 00–06 and their quiz banks show a learner is a checked source."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "notebooks").glob("0[0-6]-*.ipynb"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "nbkit/data/quizzes").glob("0[0-6]-*.yaml"))]
    urls = {u.rstrip(".,;") for text in texts for u in re.findall(r'https?://[^\s)"\\]+', text)}
    assert len(urls) == 9  # 06 adds TASS on Putin's 20 June 2024 remarks; 02 the Abu Dhabi talks (February 2026)
    assert urls - set(ALLOWED_SOURCES) == set()


def test_treaty_articles(iv):
    treaty = iv.treaty_articles.set_index("article")
    assert treaty.index.tolist() == [3, 4, 8, 16]
    assert treaty["paragraph_id"].tolist() == [18, 18, 18, 8]
    for article, row in treaty.iterrows():
        assert iv.source[row.start : row.end] == row.quote
        if row.paragraph_id == 18:
            assert f"(Article {article})" in row.quote
        assert "KCNA" in row.wording  # every row says whether KCNA's English was found
    assert treaty.loc[16, "quote"] == "It provides a legal framework for defying sanctions"
    assert treaty.loc[4, "quote"] == "provide “miliary and other assistance” to North Korea (Article 4)"
    assert treaty["treaty_source"].tolist() == [
        "https://news.k4s.uk/2024/10/russia-is-preparing-to-ratify-the-strategic-partnership-agreement-with-the-dprk",
        "https://chosun.com/english/north-korea-en/2024/06/20/EGOEOSXPHFDQ3GK6NJN2TILA4U",
        "https://news.k4s.uk/2024/10/russia-is-preparing-to-ratify-the-strategic-partnership-agreement-with-the-dprk",
        "https://www.oreanda-news.com/en/gosudarstvo/russia-and-north-korea-have-agreed-not-to-support-unilateral-measures-against-/article1538673/",
    ]
    art4 = treaty.loc[4]
    # Article 4 binds both sides and is conditional on Article 51 and both countries' laws
    assert "either party" in art4.treaty_says and "the other party" in art4.treaty_says
    assert "Article 51 of the United Nations Charter" in art4.treaty_says
    assert "the laws of the Democratic People’s Republic of Korea (DPRK) and the Russian Federation" in art4.treaty_says
    assert "binds both sides" in art4.note
    assert art4.first_invoked.startswith("28 April 2025, by North Korea, for Russia")
    assert art4.first_invoked_source == "https://tass.com/world/1950153"
    assert treaty.loc[[3, 8, 16], "first_invoked"].eq("").all()
    assert treaty.loc[[3, 8, 16], "first_invoked_source"].eq("").all()
    assert "seeming to suggest" in treaty.loc[8, "interview_reading"]  # the hedge of paragraph 18 is kept
    assert "not found" in treaty.loc[8, "note"]
    assert "TASS" in treaty.loc[3, "note"] and "Lee’s reading" in treaty.loc[3, "note"]
    for row in treaty.itertuples():
        urls = [row.treaty_source, *URL.findall(row.wording + " " + row.note)]
        urls += [row.first_invoked_source] if row.first_invoked_source else []
        assert set(urls) <= set(ALLOWED_SOURCES), row.Index


AFTER = "E18 E34 E19 E20 E21 E12 E13 E22 E14 E23 E24 E25 E26 E27 E28 E29 E30 E31 E32".split()


def test_timeline(iv):
    tl = iv.timeline.set_index("event_id")
    assert len(tl) == 34
    dates = {e: d.strftime("%Y-%m-%d") for e, d in tl["date"].items()}
    assert list(dates.items())[:15] == [
        ("E01", "2022-02-21"),
        ("E02", "2022-02-24"),
        ("E15", "2022-03-02"),
        ("E03", "2022-06-29"),
        ("E04", "2022-07-13"),
        ("E05", "2023-08-18"),
        ("E06", "2023-09-01"),
        ("E07", "2023-09-13"),
        ("E16", "2024-03-28"),
        ("E17", "2024-04-30"),
        ("E08", "2024-06-01"),
        ("E33", "2024-06-01"),  # June 2024, as Reuters reports it in October 2024
        ("E09", "2024-06-19"),
        ("E10", "2024-06-20"),
        ("E11", "2024-08-01"),
    ]
    assert dates["E25"] == "2025-04-28" and dates["E29"] == "2025-09-03" and dates["E32"] == "2026-01-20"
    assert tl.index[tl["after_interview"]].tolist() == AFTER  # 19 events after the interview
    assert tl["precision"].value_counts()[lambda n: n > 0].to_dict() == {"day": 29, "month": 4, "season": 1}
    fall = tl.loc["E06"]
    assert (fall["date_label"], fall["precision"], fall["paragraph_id"], fall["source"], fall["quote"]) == (
        "fall 2023",
        "season",
        16,
        "interview, paragraph 16",
        "since the fall of 2023",
    )
    summit = tl.loc["E07"]
    assert (summit["paragraph_id"], summit["quote"]) == (15, "since the Kim-Putin summit in September 2023")
    assert tl.loc["E11", "date_label"] == "August 2024" and tl.loc["E11", "precision"] == "month"
    assert tl.loc["E08", "quote"] == "in the lead-up to Putin’s visit to Pyongyang"
    assert (tl.loc["E08", "date"].strftime("%Y-%m"), tl.loc["E08", "precision"]) == ("2024-06", "month")
    assert tl.loc["E02", "source"].startswith("https://nation.africa/")  # a report dated 24 February 2022
    paragraphs = iv.paragraphs.set_index("paragraph_id")["text"]
    for row in tl.itertuples():
        if row.quote:
            assert row.quote in paragraphs[row.paragraph_id]
        assert row.source.startswith("http") or row.source == f"interview, paragraph {row.paragraph_id}"
    assert tl["paragraph_id"].isna().sum() == 25


def test_timeline_sources_are_checked_ones(iv):
    web = [s for s in iv.timeline["source"] if s.startswith("http")]
    assert len(web) == 32  # E06 and E08 cite the interview itself
    assert [s for s in web if s not in ALLOWED_SOURCES] == []


def test_timeline_bears_on_claims(iv):
    tl = iv.timeline.set_index("event_id")
    linked = tl[tl["bears_on"] != ""]
    assert linked.index.tolist() == ["E15", "E16", "E17", "E33", "E18", "E34", "E19", "E20", "E21", "E22", *AFTER[9:]]
    assert len(linked) == 20
    assert tl.loc[tl["bears_on"] == "", "direction"].isna().all()
    assert linked["direction"].notna().all()
    ids = set(iv.claims["claim_id"])
    assert {c for v in linked["bears_on"] for c in v.split("; ")} <= ids
    after = tl[tl["after_interview"] & (tl["bears_on"] != "")]
    assert len(after) == 16  # E12–E14 (legal steps) bear on no claim
    assert after["direction"].value_counts().to_dict() == {"for": 11, "against": 3, "mixed": 2}
    assert tl["direction"].value_counts().to_dict() == {"for": 15, "against": 3, "mixed": 2}
    against = tl.index[tl["direction"] == "against"].tolist()
    assert against == ["E29", "E30", "E31"] and set(tl.loc[against, "bears_on"]) == {"C38"}
    assert (tl.loc["E25", "bears_on"], tl.loc["E25", "direction"]) == ("C18; C42; C44", "mixed")
    assert (tl.loc["E21", "bears_on"], tl.loc["E32", "direction"]) == ("C37; C38", "mixed")
    # review 05-11: the sanctions half of C34 ("in disregard of sanctions"), before and after the interview
    assert (tl.loc["E16", "bears_on"], tl.loc["E34", "bears_on"]) == ("C19; C34", "C34")
    assert tl.index[tl["bears_on"].str.contains(r"\bC34\b")].tolist() == ["E16", "E34", "E26", "E28"]


def test_glossary_first_use(iv):
    first = iv.glossary.set_index("term")["first_paragraph_id"]
    assert len(first) == 30
    assert first["estimative word"] == 5  # "it seems unlikely" (para. 5)
    assert first["booster (language)"] == 8  # "well documented"
    assert first["transactional relationship"] == 2
    assert first["strategic relationship"] == 2  # not paragraph 1's "strategic thinkers"
    assert first["Cold War playbook"] == 4
    assert first["denuclearization"] == 5
    assert first["sanctions"] == 8
    assert first["“irreversible” nuclear state"] == 9
    assert first["“special military operation”"] == 13
    assert first["institutionalize"] == 15
    assert first["Asian version of NATO"] == 19
    assert first["“no limits” friendship"] == 20
    assert first["hedging (foreign policy)"] == 20
    assert first["hedging (language)"] == 3
    assert not first.isna().any()


# -- any interview ----------------------------------------------------------------------------


def test_other_interviews_get_lexical_frames_but_not_curated_ones(iv):
    other = AnnotatedInterview(iv.source.replace("in the region.", "in the region today."), interview_id="edited")
    assert len(other.mentions) == 117 and len(other.markers) == 23
    assert other.markers["voice"].isna().all()  # no claims for another text, so no voice
    assert other.glossary["first_paragraph_id"].equals(iv.glossary["first_paragraph_id"])
    for name in CURATED_FRAMES:
        with pytest.raises(nbkit.DataValidationError) as info:
            getattr(other, name)
        err = info.value
        assert Path(err.path).name == "manifest.yaml" and err.row is None and err.field == "sha256"
        assert f"'{name}'" in str(err) and "'edited'" in str(err) and "mentions" in str(err)
    assert sorted(nbkit.load_annotations(other)) == LEXICAL_FRAMES


def test_load_annotations_returns_every_frame(iv):
    frames = nbkit.load_annotations(iv)
    assert sorted(frames) == sorted(ANNOTATION_COLUMNS)
    assert all(frames[name].equals(getattr(iv, name)) for name in ANNOTATION_COLUMNS)
    with pytest.raises(ValueError, match="unknown frame"):
        nbkit.load_annotations(iv, frames=["claim"])


def test_every_marker_of_the_seed_falls_in_a_claim_but_lees_report_of_the_debate(iv):
    claims = iv.claims
    outside = [
        (m.paragraph_id, m.marker, m.voice)
        for m in iv.markers.itertuples()
        if not ((claims["start"] <= m.start) & (claims["end"] >= m.end)).any()
    ]
    assert outside == [(3, "seems", "lee")]  # "the prevailing view still seems to be": Lee hedging her report


def test_voice_of_a_marker_outside_every_claim():
    """The rule of frames.yaml: the voice of the claim whose quote holds the marker; outside every quote Lee's,
    even in a sentence holding a prevailing-view claim (there she hedges her report of it)."""
    markers = pd.DataFrame({"sentence_id": [1, 1, 2, 2, 2], "start": [5, 40, 55, 62, 90], "end": [10, 45, 60, 66, 95]})
    claims = pd.DataFrame({"start": [0, 60], "end": [20, 80], "voice": ["reported", "prevailing_view"]})
    assert attribute_voices(markers, claims) == ["reported", "lee", "lee", "prevailing_view", "lee"]
