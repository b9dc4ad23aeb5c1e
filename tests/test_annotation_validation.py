"""Every check of the annotation files fires: copy the files, break one thing, expect the exact error."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
import yaml

import nbkit
from nbkit.resources import data_file

DATA = Path(str(data_file("annotations")))


@pytest.fixture(scope="module")
def iv():
    return nbkit.load_interview()


@pytest.fixture
def data_dir(tmp_path):
    target = tmp_path / "annotations"
    shutil.copytree(DATA, target)
    return target


def set_csv(name, row, field, value):
    """An edit: set ``field`` of 1-based data ``row`` of a CSV file."""

    def edit(folder: Path):
        path = folder / name
        rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
        rows[row - 1][field] = value
        with path.open("w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)

    return edit


def set_yaml(name, row, field, value):
    """An edit: set (or, with value None, delete) ``field`` of 1-based entry ``row`` of a YAML list."""

    def edit(folder: Path):
        path = folder / name
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        entry = data if name == "manifest.yaml" else data[row - 1]
        if value is None:
            del entry[field]
        else:
            entry[field] = value
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    return edit


def replace_text(name, old, new):
    def edit(folder: Path):
        path = folder / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return edit


def delete_file(name):
    return lambda folder: (folder / name).unlink()


# (id, edit, file, row, field, words the reason must contain)
CASES = [
    # claims.csv
    (
        "claim-bad-quote",
        set_csv(
            "claims.csv", 3, "quote", "we should remain open to the possibility that the relationship is strategic"
        ),
        "claims.csv",
        3,
        "quote",
        "not in paragraph 3 word for word",
    ),
    (
        "claim-straight-apostrophe",
        set_csv("claims.csv", 5, "quote", "the general assumption is that North Korea's value"),
        "claims.csv",
        5,
        "quote",
        "curly quotes",
    ),
    (
        "claim-quote-in-other-paragraph",
        set_csv("claims.csv", 9, "paragraph_id", "4"),
        "claims.csv",
        9,
        "quote",
        "It occurs in paragraph 5",
    ),
    (
        "claim-duplicate-id",
        set_csv("claims.csv", 2, "claim_id", "C01"),
        "claims.csv",
        2,
        "claim_id",
        "already used in row 1",
    ),
    (
        "claim-bad-id",
        set_csv("claims.csv", 4, "claim_id", "claim4"),
        "claims.csv",
        4,
        "claim_id",
        "a claim id such as 'C07'",
    ),
    (
        "claim-missing-paragraph",
        set_csv("claims.csv", 6, "paragraph_id", "99"),
        "claims.csv",
        6,
        "paragraph_id",
        "there is no paragraph 99",
    ),
    (
        "claim-question-paragraph",
        set_csv("claims.csv", 6, "paragraph_id", "2"),
        "claims.csv",
        6,
        "paragraph_id",
        "not an answer",
    ),
    (
        "claim-paragraph-not-a-number",
        set_csv("claims.csv", 6, "paragraph_id", "four"),
        "claims.csv",
        6,
        "paragraph_id",
        "found 'four'",
    ),
    (
        "claim-unknown-kind",
        set_csv("claims.csv", 7, "kind", "opinion"),
        "claims.csv",
        7,
        "kind",
        "Use one of: thesis, reason",
    ),
    (
        "claim-unknown-voice",
        set_csv("claims.csv", 8, "voice", "Lee"),
        "claims.csv",
        8,
        "voice",
        "'Lee' is not a known value",
    ),
    (
        "claim-unknown-stance",
        set_csv("claims.csv", 8, "stance", "both"),
        "claims.csv",
        8,
        "stance",
        "transactional, strategic, neither",
    ),
    ("claim-empty-summary", set_csv("claims.csv", 10, "summary", "  "), "claims.csv", 10, "summary", "is empty"),
    ("claim-empty-quote", set_csv("claims.csv", 11, "quote", ""), "claims.csv", 11, "quote", "is empty"),
    (
        "claim-unknown-actor",
        set_csv("claims.csv", 12, "actors", "North Korea; Soviet Union"),
        "claims.csv",
        12,
        "actors",
        "'Soviet Union' is not an actor",
    ),
    (
        "claim-bad-actor-list",
        set_csv("claims.csv", 12, "actors", "North Korea, Russia;"),
        "claims.csv",
        12,
        "actors",
        "joined by '; '",
    ),
    (
        "claim-too-many-values",
        replace_text("claims.csv", "C54,21,Their relationship", "C54,21,Their, relationship"),
        "claims.csv",
        54,
        None,
        "Put double quotes around text",
    ),
    (
        "claim-bad-header",
        replace_text("claims.csv", "claim_id,paragraph_id", "id,paragraph_id"),
        "claims.csv",
        None,
        "claim_id",
        "header must be exactly",
    ),
    # argument_links.csv
    (
        "link-dangling-from",
        set_csv("argument_links.csv", 5, "from_claim", "C99"),
        "argument_links.csv",
        5,
        "from_claim",
        "no claim 'C99'",
    ),
    (
        "link-dangling-to",
        set_csv("argument_links.csv", 6, "to_claim", "C77"),
        "argument_links.csv",
        6,
        "to_claim",
        "no claim 'C77'",
    ),
    (
        "link-self",
        set_csv("argument_links.csv", 7, "to_claim", "C08"),
        "argument_links.csv",
        7,
        "to_claim",
        "linked to itself",
    ),
    (
        "link-duplicate",
        set_csv("argument_links.csv", 6, "from_claim", "C05"),
        "argument_links.csv",
        6,
        "to_claim",
        "already in row 4",
    ),
    (
        "link-unknown-relation",
        set_csv("argument_links.csv", 3, "relation", "contradicts"),
        "argument_links.csv",
        3,
        "relation",
        "supports, rebuts, qualifies, elaborates",
    ),
    # actors.csv / aliases.csv
    ("actor-duplicate", set_csv("actors.csv", 3, "actor", "Russia"), "actors.csv", 3, "actor", "already used in row 2"),
    (
        "actor-unknown-kind",
        set_csv("actors.csv", 1, "kind", "country"),
        "actors.csv",
        1,
        "kind",
        "state, organisation, bloc",
    ),
    (
        "actor-empty-description",
        set_csv("actors.csv", 4, "description", ""),
        "actors.csv",
        4,
        "description",
        "is empty",
    ),
    (
        "alias-unknown-actor",
        set_csv("aliases.csv", 5, "actor", "DPRK"),
        "aliases.csv",
        5,
        "actor",
        "'DPRK' is not an actor",
    ),
    (
        "alias-duplicate",
        set_csv("aliases.csv", 9, "alias", "Russia"),
        "aliases.csv",
        9,
        "alias",
        "already used in row 8",
    ),
    ("alias-unknown-kind", set_csv("aliases.csv", 5, "kind", "city"), "aliases.csv", 5, "kind", "capital"),
    # markers.csv
    (
        "marker-duplicate",
        set_csv("markers.csv", 2, "marker", "might"),
        "markers.csv",
        2,
        "marker",
        "already used in row 1",
    ),
    ("marker-upper-case", set_csv("markers.csv", 3, "marker", "Perhaps"), "markers.csv", 3, "marker", "lower-case"),
    ("marker-strength", set_csv("markers.csv", 4, "strength", "6"), "markers.csv", 4, "strength", "1, 2, 3, 4, 5"),
    ("marker-kind", set_csv("markers.csv", 4, "kind", "softener"), "markers.csv", 4, "kind", "hedge, booster"),
    # timeline.csv
    (
        "timeline-not-a-date",
        set_csv("timeline.csv", 2, "date", "2022-02-30"),
        "timeline.csv",
        2,
        "date",
        "not a real calendar date",
    ),
    ("timeline-date-format", set_csv("timeline.csv", 2, "date", "24/02/2022"), "timeline.csv", 2, "date", "YYYY-MM-DD"),
    (
        "timeline-month-precision",
        set_csv("timeline.csv", 11, "date", "2024-08-15"),
        "timeline.csv",
        11,
        "date",
        "first day of the month",
    ),
    (
        "timeline-season-precision",
        set_csv("timeline.csv", 6, "date", "2023-10-01"),
        "timeline.csv",
        6,
        "date",
        "first day of the season",
    ),
    (
        "timeline-unknown-precision",
        set_csv("timeline.csv", 8, "precision", "year "),
        "timeline.csv",
        8,
        "precision",
        "day, month, season, year",
    ),
    ("timeline-day-as-year", set_csv("timeline.csv", 7, "precision", "year"), "timeline.csv", 7, "date", "1 January"),
    ("timeline-order", set_csv("timeline.csv", 3, "date", "2022-01-01"), "timeline.csv", 3, "date", "date order"),
    (
        "timeline-duplicate-id",
        set_csv("timeline.csv", 4, "event_id", "E03"),
        "timeline.csv",
        4,
        "event_id",
        "already used in row 3",
    ),
    (
        "timeline-bad-quote",
        set_csv("timeline.csv", 6, "quote", "since autumn 2023"),
        "timeline.csv",
        6,
        "quote",
        "not in paragraph 16",
    ),
    (
        "timeline-missing-paragraph",
        set_csv("timeline.csv", 5, "paragraph_id", "22"),
        "timeline.csv",
        5,
        "paragraph_id",
        "no paragraph 22",
    ),
    (
        "timeline-quote-without-paragraph",
        set_csv("timeline.csv", 9, "paragraph_id", ""),
        "timeline.csv",
        9,
        "paragraph_id",
        "has a quote but no paragraph_id",
    ),
    (
        "timeline-source-disagrees",
        set_csv("timeline.csv", 6, "source", "interview, paragraph 15"),
        "timeline.csv",
        6,
        "source",
        "names paragraph 15",
    ),
    ("timeline-bad-source", set_csv("timeline.csv", 10, "source", "NHK"), "timeline.csv", 10, "source", "web address"),
    ("timeline-empty-event", set_csv("timeline.csv", 12, "event", ""), "timeline.csv", 12, "event", "is empty"),
    # treaty_articles.yaml
    (
        "treaty-bad-quote",
        set_yaml(
            "treaty_articles.yaml", 2, "quote", "provide “military and other assistance” to North Korea (Article 4)"
        ),
        "treaty_articles.yaml",
        2,
        "quote",
        "miliary",
    ),
    (
        "treaty-duplicate-article",
        set_yaml("treaty_articles.yaml", 3, "article", 4),
        "treaty_articles.yaml",
        3,
        "article",
        "already used in row 2",
    ),
    (
        "treaty-article-range",
        set_yaml("treaty_articles.yaml", 1, "article", 30),
        "treaty_articles.yaml",
        1,
        "article",
        "1 to 23",
    ),
    (
        "treaty-article-type",
        set_yaml("treaty_articles.yaml", 1, "article", "three"),
        "treaty_articles.yaml",
        1,
        "article",
        "found 'three'",
    ),
    (
        "treaty-not-answer",
        set_yaml("treaty_articles.yaml", 1, "paragraph_id", 17),
        "treaty_articles.yaml",
        1,
        "paragraph_id",
        "not an answer",
    ),
    (
        "treaty-missing-field",
        set_yaml("treaty_articles.yaml", 3, "note", None),
        "treaty_articles.yaml",
        3,
        "note",
        "is missing",
    ),
    (
        "treaty-unknown-field",
        set_yaml("treaty_articles.yaml", 2, "comment", "x"),
        "treaty_articles.yaml",
        2,
        "comment",
        "not a known field",
    ),
    (
        "treaty-bad-url",
        set_yaml("treaty_articles.yaml", 2, "treaty_source", "Korea Herald"),
        "treaty_articles.yaml",
        2,
        "treaty_source",
        "https://",
    ),
    (
        "treaty-empty-reading",
        set_yaml("treaty_articles.yaml", 2, "interview_reading", ""),
        "treaty_articles.yaml",
        2,
        "interview_reading",
        "is empty",
    ),
    (
        "treaty-yaml-syntax",
        replace_text("treaty_articles.yaml", "- article: 4\n", "- article: [4\n"),
        "treaty_articles.yaml",
        None,
        None,
        "not valid YAML",
    ),
    # glossary.csv
    (
        "glossary-duplicate",
        set_csv("glossary.csv", 5, "term", "honeymoon"),
        "glossary.csv",
        5,
        "term",
        "already used in row 3",
    ),
    ("glossary-empty-match", set_csv("glossary.csv", 6, "match", ""), "glossary.csv", 6, "match", "joined by '; '"),
    (
        "glossary-empty-definition",
        set_csv("glossary.csv", 6, "definition", ""),
        "glossary.csv",
        6,
        "definition",
        "is empty",
    ),
    # manifest.yaml and files
    (
        "manifest-bad-hash",
        set_yaml("manifest.yaml", 1, "sha256", "abc"),
        "manifest.yaml",
        1,
        "sha256",
        "64 lower-case hex digits",
    ),
    (
        "manifest-bad-month",
        set_yaml("manifest.yaml", 1, "published", "August 2024"),
        "manifest.yaml",
        1,
        "published",
        "YYYY-MM",
    ),
    ("missing-file", delete_file("glossary.csv"), "glossary.csv", None, None, "the file is missing"),
]


@pytest.mark.parametrize("edit, file, row, field, words", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_check_fires(iv, data_dir, edit, file, row, field, words):
    edit(data_dir)
    with pytest.raises(nbkit.DataValidationError) as info:
        nbkit.load_annotations(iv, data_dir=data_dir)
    err = info.value
    assert (Path(err.path).name, err.row, err.field) == (file, row, field), str(err)
    assert Path(err.path).parent == data_dir
    assert words in err.reason, str(err)
    message = str(err)
    assert message.startswith(file) and (row is None or f"row {row}" in message)


@pytest.mark.parametrize("frame", ["claims", "argument_links", "treaty_articles", "timeline"])
def test_curated_files_refuse_another_text(iv, data_dir, frame):
    set_yaml("manifest.yaml", 1, "sha256", "0" * 64)(data_dir)
    with pytest.raises(nbkit.DataValidationError) as info:
        nbkit.load_annotations(iv, data_dir=data_dir, frames=[frame])
    err = info.value
    assert (Path(err.path).name, err.row, err.field) == ("manifest.yaml", None, "sha256")
    assert "exist only for the bundled interview" in err.reason
    assert sorted(nbkit.load_annotations(iv, data_dir=data_dir)) == [
        "actors",
        "aliases",
        "glossary",
        "marker_lexicon",
        "markers",
        "mentions",
    ]


def test_the_bundled_files_pass_unchanged(iv, data_dir):
    frames = nbkit.load_annotations(iv, data_dir=data_dir)
    assert len(frames["claims"]) == 54 and len(frames["argument_links"]) == 57


def test_messages_read_like_sentences(iv, data_dir):
    set_csv("claims.csv", 7, "kind", "opinion")(data_dir)
    with pytest.raises(nbkit.DataValidationError) as info:
        nbkit.load_annotations(iv, data_dir=data_dir)
    assert str(info.value) == (
        "claims.csv, row 7, field 'kind': 'opinion' is not a known value. Use one of: thesis, "
        "reason, evidence, counterpoint, implication, prediction, context."
    )


def test_a_bom_from_a_spreadsheet_is_accepted(iv, data_dir):
    path = data_dir / "glossary.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert len(nbkit.load_annotations(iv, data_dir=data_dir, frames=["glossary"])["glossary"]) == 29


def test_the_bundled_layer_is_not_affected_by_a_broken_copy(iv, data_dir):
    set_csv("claims.csv", 1, "quote", "nothing like this")(data_dir)
    with pytest.raises(nbkit.DataValidationError):
        nbkit.load_annotations(iv, data_dir=data_dir)
    assert len(iv.claims) == 54
