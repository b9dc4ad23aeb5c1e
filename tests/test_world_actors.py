"""Actors for any interview (nbkit.annotations.world_lexicon): the general lexicon, ambiguous short
names, a course's own aliases.csv, and the bundled interview keeping its curated lexicon."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import pycountry
import pytest

import nbkit
from nbkit.annotations.world_lexicon import LEXICON_FILE, world_lexicon
from nbkit.resources import data_file

#: A realistic, self-written interview on Malaysia, Taiwan and China (4 short answers).
MALAYSIA = """\
The Diplomat author Mercy Kuo regularly engages subject-matter experts, policy practitioners, and strategic \
thinkers across the globe for their diverse insights into U.S. Asia policy. This conversation with Dr. Nur Aina \
Rahman – senior lecturer in international relations at the University of Example, Malaysia, author of “Hedging in \
the Straits” – is the 431st in “The Trans-Pacific View Insight Series.”
How does Malaysia balance its ties with China and the United States? Explain
Kuala Lumpur has long hedged between Beijing and Washington. Prime Minister Anwar Ibrahim has said that Malaysia \
will not choose sides, and Anwar repeated the point at the ASEAN summit. Malaysian officials seem to value Chinese \
investment while keeping defense ties with the U.S.
Examine how Taiwan figures in Malaysia’s calculus.
Malaysia has no official relations with Taiwan, but Taiwanese firms are major investors in Penang. After Lai \
Ching-te took office in Taipei, Beijing stepped up pressure, and Xi made clear that the issue is a core interest. \
Lai has avoided provoking the mainland, yet Xi Jinping has not eased the pressure.
What role do regional institutions play?
ASEAN remains the main forum, and APEC matters for trade. The Quad is viewed with caution in Kuala Lumpur, \
although Malaysia engages with the United Nations on maritime law. Li said little on the matter.
"""


def course(tmp_path: Path, text: str = MALAYSIA, aliases: str | None = None) -> nbkit.Interview:
    (tmp_path / "interview.txt").write_text(text, encoding="utf-8")
    if aliases is not None:
        (tmp_path / "aliases.csv").write_text(aliases, encoding="utf-8")
    return nbkit.load_interview(tmp_path / "interview.txt")


def counts(iv) -> dict[tuple[str, str], int]:
    return {k: int(v) for k, v in iv.mentions.groupby(["actor", "alias"]).size().items()}


def test_a_malaysia_taiwan_china_interview_finds_its_actors(tmp_path):
    iv = course(tmp_path)
    assert counts(iv) == {
        ("APEC", "APEC"): 1,
        ("ASEAN", "ASEAN"): 2,
        ("China", "Beijing"): 2,
        ("China", "China"): 1,
        ("China", "Chinese"): 1,
        ("China", "Xi Jinping"): 1,
        ("Malaysia", "Anwar"): 1,
        ("Malaysia", "Anwar Ibrahim"): 1,
        ("Malaysia", "Kuala Lumpur"): 2,
        ("Malaysia", "Malaysia"): 6,
        ("Malaysia", "Malaysian"): 1,
        ("Quad", "Quad"): 1,
        ("Taiwan", "Lai"): 1,
        ("Taiwan", "Lai Ching-te"): 1,
        ("Taiwan", "Taipei"): 1,
        ("Taiwan", "Taiwan"): 2,
        ("Taiwan", "Taiwanese"): 1,
        ("United Nations", "United Nations"): 1,
        ("United States", "U.S."): 2,
        ("United States", "United States"): 1,
        ("United States", "Washington"): 1,
    }
    m = iv.mentions
    assert len(m) == 31 and m["mention_id"].tolist() == list(range(1, 32))
    assert all(iv.source[s:e] == a for s, e, a in zip(m["start"], m["end"], m["alias"]))
    assert not {"North Korea", "Russia", "Stimson Center"} & set(m["actor"])  # not the bundled course's lexicon
    assert {"Malaysia", "Taiwan", "ASEAN", "Quad"} <= set(iv.actors["actor"])


def test_ambiguous_short_names_are_flagged_and_resolved_only_after_the_full_name(tmp_path):
    names = world_lexicon().ambiguous_names()
    assert names["Kim"] == ["Kim Jong Un", "Kim Jong Il", "Kim Il Sung"]  # rule 1: shared
    assert names["Xi"] == ["Xi Jinping"] and names["Lai"] == ["Lai Ching-te"]  # rule 2: three letters or fewer
    assert names["Moon"] == ["Moon Jae-in"]  # rule 3: flagged in the file
    assert names["Lee"] == ["Lee Jae-myung", "Lee Hsien Loong"]
    assert "Putin" not in names and "Anwar" not in names
    m = course(tmp_path).mentions
    # "Xi" comes before "Xi Jinping" and "Li" never has a full name: neither is a mention; "Lai" follows "Lai Ching-te"
    assert "Xi" not in set(m["alias"]) and "Li" not in set(m["alias"])
    assert m.loc[m["alias"] == "Lai", "actor"].tolist() == ["Taiwan"]


def test_an_ambiguous_name_is_the_person_named_last(tmp_path):
    text = MALAYSIA.replace(
        "Li said little on the matter.",
        "Lee Hsien Loong once said so; Lee Jae-myung agrees, and Lee repeated it. Kim said nothing.",
    )
    m = course(tmp_path, text).mentions
    assert m.loc[m["alias"].str.startswith("Lee"), ["alias", "actor"]].values.tolist() == [
        ["Lee Hsien Loong", "Singapore"],
        ["Lee Jae-myung", "South Korea"],
        ["Lee", "South Korea"],
    ]
    assert "Kim" not in set(m["alias"])


def test_a_course_aliases_file_adds_an_actor_and_overrides_the_lexicon(tmp_path):
    aliases = "alias,actor,kind\nPenang,Malaysia,capital\nUniversity of Example,University of Example,organisation\nLi,China,leader\n"
    iv = course(tmp_path, aliases=aliases)
    c = counts(iv)
    assert c[("University of Example", "University of Example")] == 1
    assert c[("Malaysia", "Penang")] == 1 and c[("China", "Li")] == 1  # the course decides "Li" means China
    assert len(iv.mentions) == 34
    row = iv.actors.loc[iv.actors["actor"] == "University of Example"].iloc[0]
    assert row["kind"] == "organisation" and row["description"].startswith("named in the course's aliases.csv")


@pytest.mark.parametrize(
    "aliases, row, field, reason",
    [
        ("alias,actor,kind\nPenang,Malaysia,city\n", 1, "kind", "'city'"),
        ("alias,actor,kind\nPenang,Malaysia,capital\nPenang,Malaysia,state\n", 2, "alias", "already used in row 1"),
        ("alias,actor,kind\nPenang,,capital\n", 1, "actor", ""),
        ("alias,actor\nPenang,Malaysia\n", None, "kind", "the header must be exactly alias,actor,kind"),
    ],
)
def test_a_bad_course_alias_row_names_file_row_and_field(tmp_path, aliases, row, field, reason):
    iv = course(tmp_path, aliases=aliases)
    with pytest.raises(nbkit.DataValidationError) as info:
        _ = iv.mentions
    err = info.value
    assert (Path(err.path), err.row, err.field) == (tmp_path / "aliases.csv", row, field)
    assert reason in str(err)


def test_the_bundled_interview_keeps_its_curated_lexicon_even_in_a_course_folder(tmp_path, seed_bytes):
    (tmp_path / "interview.txt").write_bytes(seed_bytes)
    (tmp_path / "aliases.csv").write_text("alias,actor,kind\nbad,row,city\n", encoding="utf-8")
    iv = nbkit.load_interview(tmp_path / "interview.txt")
    assert len(iv.mentions) == 117 and "Stimson Center" in set(iv.actors["actor"])


def test_the_lexicon_file_is_sourced_and_its_states_are_iso_codes():
    rows = list(csv.DictReader(data_file(LEXICON_FILE).read_text(encoding="utf-8").splitlines()))
    assert len(rows) == 179
    assert all(r["source"].startswith(("http", "pycountry", "nbkit/data/annotations")) for r in rows)
    assert all(pycountry.countries.get(alpha_3=r["iso3"]) for r in rows if r["iso3"])
    leaders = [r for r in rows if r["kind"] == "leader"]
    assert all(re.fullmatch(r"\d{4}–(\d{4})?(; \d{4}–(\d{4})?)*", r["years"]) for r in leaders)
    putin = next(r for r in leaders if r["alias"] == "Putin")
    assert (putin["person"], putin["office"], putin["years"]) == (
        "Vladimir Putin",
        "President of Russia",
        "2000–2008; 2012–",
    )
    w = world_lexicon()
    assert len(w.actors) == len(pycountry.countries) + 13 and w.actors["actor"].is_unique
    assert {"Korea, Republic of", "Taiwan, Province of China"}.isdisjoint(set(w.aliases["alias"]))
    assert {"Democratic People’s Republic of Korea", "Democratic People's Republic of Korea"} <= set(w.aliases["alias"])


def test_a_bad_lexicon_row_names_the_field(tmp_path, monkeypatch):
    bad = data_file(LEXICON_FILE).read_text(encoding="utf-8").replace(",Russia,capital,RUS,", ",Russia,capital,RUX,", 1)
    target = tmp_path / "nbkit" / "data"
    shutil.copytree(Path(str(data_file("lexicons"))), target / "lexicons")
    (target / LEXICON_FILE).write_text(bad, encoding="utf-8")
    import nbkit.annotations.world_lexicon as wl

    monkeypatch.setattr(wl, "data_file", lambda name: target / name)
    wl.world_lexicon.cache_clear()
    try:
        with pytest.raises(nbkit.DataValidationError) as info:
            wl.world_lexicon()
        assert (info.value.field, "RUX" in str(info.value)) == ("iso3", True)
    finally:
        wl.world_lexicon.cache_clear()
