"""A teacher's course folder: the claims template of another interview, its coding loaded as claims, the same checks."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
import yaml

import nbkit
from nbkit.annotations.course_folder import claim_rows, write_claims_template
from nbkit.cli import main
from nbkit.synthetic import synthetic_interview

ANOTHER = Path(__file__).parent / "data" / "another_interview.txt"
HEADER = "claim_id,paragraph_id,quote,summary,kind,voice,stance,actors"

#: The test's coding of five template rows: claim_id -> (summary, kind, voice, stance, actors).
CODING = {
    "C01": ("Malaysia prefers quiet diplomacy in the South China Sea", "thesis", "lee", "neither", "China"),
    "C03": ("Loud disputes would hurt trade with China", "reason", "lee", "transactional", "China"),
    "C11": ("China's restraint is likely to be tested again", "prediction", "lee", "neither", "China"),
    "C13": ("China is Malaysia's largest trading partner", "evidence", "lee", "transactional", "China"),
    "C36": ("Public pressure to align would backfire", "prediction", "lee", "neither", "United States"),
}
LINKS = [("C03", "C01", "supports"), ("C13", "C03", "supports"), ("C11", "C01", "qualifies")]


def read_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def write_rows(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]) if rows else HEADER.split(","), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def code(folder: Path, coding=CODING, links=LINKS) -> None:
    """Fill the template rows of ``coding`` and write ``links``, as a teacher would in a spreadsheet."""
    claims = folder / "annotations" / "claims.csv"
    rows = read_rows(claims)
    for row in rows:
        if row["claim_id"] in coding:
            row["summary"], row["kind"], row["voice"], row["stance"], row["actors"] = coding[row["claim_id"]]
    write_rows(claims, rows)
    write_rows(
        folder / "annotations" / "argument_links.csv",
        [{"from_claim": f, "to_claim": t, "relation": r} for f, t, r in links],
    )


def edit_row(folder: Path, row_id: str, **values) -> None:
    claims = folder / "annotations" / "claims.csv"
    rows = read_rows(claims)
    for row in rows:
        if row["claim_id"] == row_id:
            row.update(values)
    write_rows(claims, rows)


@pytest.fixture
def folder(tmp_path) -> Path:
    """A course folder as nbkit new-course writes it: interview.txt, plus the claims template."""
    shutil.copyfile(ANOTHER, tmp_path / "interview.txt")
    write_claims_template(nbkit.load_interview(tmp_path / "interview.txt"), tmp_path)
    return tmp_path


def load(folder: Path):
    return nbkit.load_interview(folder / "interview.txt")


def error_of(folder: Path, frame: str = "claims") -> nbkit.DataValidationError:
    with pytest.raises(nbkit.DataValidationError) as info:
        getattr(load(folder), frame)
    return info.value


# -- the template ------------------------------------------------------------------------------------------


def test_template_has_one_row_per_answer_sentence(folder):
    iv = load(folder)
    rows = read_rows(folder / "annotations" / "claims.csv")
    answers = iv.sentences[iv.sentences["role"] == "answer"]
    assert len(rows) == len(answers) == 44
    assert [r["claim_id"] for r in rows[:3]] == ["C01", "C02", "C03"] and rows[-1]["claim_id"] == "C44"
    assert rows[0] == {
        "claim_id": "C01",
        "paragraph_id": "3",
        "quote": "Malaysia has long preferred quiet diplomacy to public confrontation in the South China Sea.",
        "summary": "",
        "kind": "",
        "voice": "",
        "stance": "",
        "actors": "",
    }
    assert [r["quote"] for r in rows] == answers["text"].tolist()
    assert sorted({int(r["paragraph_id"]) for r in rows}) == [3, 4, 5, 7, 8, 9, 11, 12, 14, 15, 16]
    assert (folder / "annotations" / "argument_links.csv").read_text(encoding="utf-8") == (
        "from_claim,to_claim,relation\n"
    )
    manifest = yaml.safe_load((folder / "annotations" / "manifest.yaml").read_text(encoding="utf-8"))
    assert manifest == {
        "interview": "interview.txt",
        "title": "Interview with Ana Kowalski",
        "sha256": iv.meta["sha256"].iloc[0],
        "curated": ["claims", "argument_links"],
    }


def test_template_of_a_synthetic_interview_and_a_copy_of_its_text(tmp_path):
    text = tmp_path / "src" / "made_up.txt"
    text.parent.mkdir()
    text.write_text(synthetic_interview(seed=3, n_questions=3), encoding="utf-8")
    iv = nbkit.load_interview(text)
    n = int((iv.sentences["role"] == "answer").sum())
    written = write_claims_template(iv, tmp_path / "course")
    assert [p.relative_to(tmp_path / "course").as_posix() for p in written] == [
        "interview.txt",
        "annotations/manifest.yaml",
        "annotations/claims.csv",
        "annotations/argument_links.csv",
    ]
    assert len(read_rows(tmp_path / "course" / "annotations" / "claims.csv")) == n == len(claim_rows(iv))
    copy = nbkit.load_interview(tmp_path / "course" / "interview.txt")
    assert copy.meta["sha256"].iloc[0] == iv.meta["sha256"].iloc[0]
    assert copy.annotations.coded_claims == 0 and len(copy.claims) == 0 and len(copy.argument_links) == 0


def test_template_is_not_written_over_the_coding(folder):
    code(folder)
    with pytest.raises(FileExistsError, match="may hold your coding"):
        write_claims_template(load(folder), folder)
    assert load(folder).annotations.coded_claims == 5


def test_template_refuses_a_folder_holding_another_text(tmp_path):
    (tmp_path / "interview.txt").write_text(synthetic_interview(seed=1), encoding="utf-8")
    with pytest.raises(nbkit.DataValidationError) as info:
        write_claims_template(nbkit.load_interview(ANOTHER), tmp_path)
    assert str(info.value) == (
        "interview.txt: is another text than the interview to annotate. Choose an empty folder, or the folder of "
        "the interview file."
    )


# -- loading the coding --------------------------------------------------------------------------------


def test_uncoded_template_gives_no_claims(folder):
    iv = load(folder)
    assert iv.annotations.coded_claims == 0
    assert len(iv.claims) == 0 and list(iv.claims.columns) == list(nbkit.load_claims().columns)
    assert len(iv.argument_links) == 0
    assert "claims" in nbkit.load_annotations(iv) and len(nbkit.load_annotations(iv)["claims"]) == 0


def test_coded_rows_load_as_claims(folder):
    code(folder)
    iv = load(folder)
    assert iv.annotations.coded_claims == 5
    claims = iv.claims
    assert claims["claim_id"].tolist() == ["C01", "C03", "C11", "C13", "C36"]
    assert claims["paragraph_id"].tolist() == [3, 3, 5, 7, 14]
    assert claims["question_id"].tolist() == [1, 1, 1, 2, 4]
    assert claims["kind"].astype(str).tolist() == ["thesis", "reason", "prediction", "evidence", "prediction"]
    assert claims["certainty"].tolist() == ["", "appears", "likely", "certainly", "likely"]
    for row in claims.itertuples():
        assert iv.source[row.start : row.end] == row.quote
    links = iv.argument_links
    assert list(links.itertuples(index=False, name=None)) == LINKS
    assert nbkit.load_claims()["claim_id"].size == 54  # the bundled interview keeps its own


def test_bundled_interview_is_unchanged():
    iv = nbkit.load_interview()
    assert iv.annotations.course is None and iv.annotations.coded_claims == 54
    assert len(iv.claims) == 54 and len(iv.argument_links) == 56


def test_a_text_without_a_course_folder_says_how_to_code_it(tmp_path):
    shutil.copyfile(ANOTHER, tmp_path / "interview.txt")
    iv = load(tmp_path)
    assert iv.annotations.coded_claims == 0
    with pytest.raises(nbkit.DataValidationError) as info:
        _ = iv.claims
    assert info.value.field == "sha256"
    assert info.value.reason.endswith(
        "To code the claims of this text, write a course folder: nbkit annotate INTERVIEW.txt "
        '(docs/coding-rules.md, "Coding another interview").'
    )
    with pytest.raises(nbkit.DataValidationError) as info:
        _ = iv.timeline
    assert "nbkit annotate" not in info.value.reason


def test_other_curated_frames_stay_bundled_only(folder):
    code(folder)
    with pytest.raises(nbkit.DataValidationError) as info:
        _ = load(folder).outside_views
    assert "exist only for the bundled interview" in info.value.reason


# -- the same checks as the bundled files, naming file, row and field ---------------------------------------


def test_a_tampered_quote(folder):
    code(folder)
    edit_row(folder, "C03", quote="This approach appears to reflect a judgement that loud disputes would hurt trade.")
    err = error_of(folder)
    assert (Path(err.path).name, err.row, err.field) == ("claims.csv", 3, "quote")
    assert str(err) == (
        "claims.csv, row 3, field 'quote': the quote 'This approach appears to reflect a judgement that loud…' "
        "is not in paragraph 3 word for word. Copy the span exactly from the text (curly quotes ’ “ ” "
        "as written; keep the typo “miliary”)."
    )


def test_an_unknown_stance(folder):
    code(folder)
    edit_row(folder, "C11", stance="hopeful")
    err = error_of(folder)
    assert str(err) == (
        "claims.csv, row 11, field 'stance': 'hopeful' is not a known value. "
        "Use one of: transactional, strategic, neither."
    )


def test_a_duplicate_claim_id(folder):
    code(folder)
    edit_row(folder, "C13", claim_id="C11")
    err = error_of(folder)
    assert str(err) == (
        "claims.csv, row 13, field 'claim_id': the claim id 'C11' is already used in row 11. "
        "Each claim id must be unique: rename or remove one of the two rows."
    )


def test_a_partly_coded_row(folder):
    code(folder)
    edit_row(folder, "C20", kind="reason", voice="lee")
    err = error_of(folder)
    assert str(err) == (
        "claims.csv, row 20, field 'stance': the row is partly coded: kind and voice filled, stance empty. "
        "Fill in all of kind, voice, stance, or leave all three empty to skip the row."
    )


def test_a_coded_row_needs_a_summary_and_known_actors(folder):
    code(folder)
    edit_row(folder, "C36", summary="")
    assert str(error_of(folder)) == (
        "claims.csv, row 36, field 'summary': is empty. Fill in 'summary': every row needs one."
    )
    edit_row(folder, "C36", summary="Pressure would backfire", actors="Atlantis")
    assert str(error_of(folder)).startswith(
        "claims.csv, row 36, field 'actors': 'Atlantis' is not an actor of actors.csv."
    )


def test_a_link_to_an_uncoded_claim(folder):
    code(folder, links=[*LINKS, ("C04", "C01", "supports")])
    err = error_of(folder, "argument_links")
    assert str(err) == (
        "argument_links.csv, row 4, field 'from_claim': the claim 'C04' is not coded yet in claims.csv "
        "(its kind, voice and stance are empty). Code it, or remove the link."
    )
    code(folder, links=[*LINKS, ("C03", "C01", "elaborates")])
    assert str(error_of(folder, "argument_links")) == (
        "argument_links.csv, row 4, field 'to_claim': the link C03 -> C01 is already in row 1. "
        "Keep one link per pair of claims."
    )


def test_an_edited_text_names_its_new_sha256(folder):
    code(folder)
    text = folder / "interview.txt"
    text.write_text(text.read_text(encoding="utf-8").replace("quiet diplomacy", "discreet diplomacy"), "utf-8")
    err = error_of(folder)
    sha = load(folder).meta["sha256"].iloc[0]
    assert (Path(err.path).name, err.row, err.field) == ("manifest.yaml", None, "sha256")
    assert f"(sha256 {sha})" in err.reason and "put the new sha256 in manifest.yaml" in err.reason
    manifest = folder / "annotations" / "manifest.yaml"
    old = yaml.safe_load(manifest.read_text(encoding="utf-8"))["sha256"]
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(old, sha), encoding="utf-8")
    err = error_of(folder)  # the quote of C01 is checked against the new text
    assert (err.row, err.field) == (1, "quote")


def test_a_bad_manifest(folder):
    manifest = folder / "annotations" / "manifest.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("[claims, argument_links]", "[claims, timeline]"))
    assert str(error_of(folder)) == (
        "manifest.yaml, field 'curated': 'timeline' cannot come from a course folder. List only claims, "
        "argument_links; the other curated frames exist for the bundled interview only."
    )


# -- nbkit annotate ------------------------------------------------------------------------------------------


def run_nbkit(capsys, *args):
    """``nbkit ARGS`` in this process: (exit code, standard output, standard error)."""
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_annotate_command(tmp_path, capsys):
    shutil.copyfile(ANOTHER, tmp_path / "interview.txt")
    rc, out, err = run_nbkit(capsys, "annotate", tmp_path / "interview.txt")
    assert rc == 0, err
    assert out.splitlines() == [
        str(tmp_path / "annotations" / n) for n in ("manifest.yaml", "claims.csv", "argument_links.csv")
    ]
    assert "Claims template written: 44 rows to code" in err
    rc, out, err = run_nbkit(capsys, "annotate", tmp_path / "interview.txt")
    assert rc == 1 and "may hold your coding" in err and "Nothing written." in err
    code(tmp_path)
    rc, out, err = run_nbkit(capsys, "annotate", "--check", tmp_path / "interview.txt")
    assert rc == 0, err
    assert "5 of 44 claims coded, 3 argument links; every coded row is valid" in err
    edit_row(tmp_path, "C11", stance="hopeful")
    rc, out, err = run_nbkit(capsys, "annotate", "--check", tmp_path / "interview.txt")
    assert rc == 1
    assert err.strip() == (
        "nbkit: claims.csv, row 11, field 'stance': 'hopeful' is not a known value. "
        "Use one of: transactional, strategic, neither."
    )
    rc, out, err = run_nbkit(capsys, "annotate", tmp_path / "nothing.txt")
    assert rc == 2 and "not found" in err
    rc, out, err = run_nbkit(capsys, "annotate", tmp_path / "interview.txt", tmp_path / "course")
    assert rc == 0 and (tmp_path / "course" / "interview.txt").read_bytes() == (tmp_path / "interview.txt").read_bytes()


# -- the chart of certainty by claim --------------------------------------------------------------------------


@pytest.mark.slow
def test_claim_certainty_chart_of_the_bundled_interview():
    iv = nbkit.load_interview()
    spec = nbkit.charts.claim_certainty(iv.claims, iv.sentence_certainty, iv.sentences).to_dict()
    assert spec["title"]["text"] == "How certain does each claim sound?"
    assert spec["description"].endswith(
        "54 claims; 25 are quoted from sentences with at least one marker, 29 from sentences with none. "
        "In all: 20 hedges, 4 boosters and 7 estimative words; the most marked is C09 (para. 5) with 2 markers."
    )
    bars, notes = (spec["datasets"][layer["data"]["name"]] for layer in spec["layer"])
    assert len(bars) == 54 * 3 and len(notes) == 29
    c17 = {r["marker_kind"]: r["markers"] for r in bars if r["claim_id"] == "C17"}
    assert c17 == {"hedge": 1, "booster": 1, "estimative": 0}


def test_claim_certainty_chart_of_a_coded_course(folder):
    code(folder)
    iv = load(folder)
    spec = nbkit.charts.claim_certainty(iv.claims, iv.sentence_certainty, iv.sentences).to_dict()
    assert spec["description"].endswith(
        "5 claims; 4 are quoted from sentences with at least one marker, 1 from sentences with none. "
        "In all: 1 hedge, 1 booster and 2 estimative words; the most marked is C03 (para. 3) with 1 marker."
    )
    only = nbkit.charts.claim_certainty(iv.claims, iv.sentence_certainty, iv.sentences, questions=[4]).to_dict()
    assert [r["claim"] for r in only["datasets"][only["layer"][0]["data"]["name"]]] == ["C36 (para. 14)"] * 3
    with pytest.raises(nbkit.DataValidationError, match="no claims answer question"):
        nbkit.charts.claim_certainty(iv.claims, iv.sentence_certainty, iv.sentences, questions=[9])
