"""Quiz items generated from coded claims: a teacher's course folder and the bundled interview."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

import nbkit
from nbkit.annotations.course_folder import write_claims_template
from nbkit.quiz.bank import Bank, Item, validate_bank
from nbkit.quiz.claim_items import claim_items
from nbkit.quiz.cues import find_cues

from .test_course_folder import ANOTHER, code


def course(tmp_path: Path, coded: bool = True):
    shutil.copyfile(ANOTHER, tmp_path / "interview.txt")
    write_claims_template(nbkit.load_interview(tmp_path / "interview.txt"), tmp_path)
    if coded:
        code(tmp_path)
    return nbkit.load_interview(tmp_path / "interview.txt")


def check_bank(items: list[dict], iv) -> None:
    """The items form a valid bank for ``iv`` with no high-risk check-bank finding."""
    validate_bank({"notebook": "90-claims", "title": "Claim items", "items": items}, interview=iv)
    bank = Bank("90-claims", "Claim items", "<test>", tuple(Item("90-claims", d) for d in items))
    findings = find_cues([bank])
    assert findings[findings["risk"] == "high"].empty, findings.to_dict("records")


def test_no_items_before_any_claim_is_coded(tmp_path):
    assert claim_items(course(tmp_path, coded=False)) == []
    plain = tmp_path / "plain"
    plain.mkdir()
    shutil.copyfile(ANOTHER, plain / "interview.txt")
    assert claim_items(nbkit.load_interview(plain / "interview.txt")) == []


def test_items_from_a_teachers_coding(tmp_path):
    iv = course(tmp_path)
    items = claim_items(iv, seed=0)
    assert [it["id"] for it in items] == [
        "claim-c01-voice",
        "claim-c11-reading",
        "link-c03-c01",
        "claim-c13-voice",
        "claim-c36-voice",
    ]
    assert all(it["generated"] is True and it["purpose"] == "reading" for it in items)
    assert {it["type"] for it in items} == {"multiple_choice"}
    assert sorted({it["level"] for it in items}) == ["analyse", "evaluate", "understand"]
    assert [it["tags"][1] for it in items] == [
        "claim_voice",
        "claim_stance",
        "claim_relation",
        "claim_voice",
        "claim_voice",
    ]
    voice = items[0]
    assert voice["question"] == (
        "In paragraph 3, whose view is this claim: Kowalski’s own view, a rival view Kowalski reports in order to "
        "argue against it, or a report of what others said? “Malaysia has long preferred quiet diplomacy to public "
        "confrontation in the South China Sea.”"
    )
    assert [(a["answer"], a["correct"]) for a in voice["answers"]] == [
        ("own view", True),
        ("rival view", False),
        ("a report", False),
    ]
    assert voice["answers"][0]["feedback"] == (
        "Yes: in paragraph 3 the claim is Kowalski’s: Kowalski does not attribute it to anyone else."
    )
    assert voice["answers"][1]["feedback"] == (
        "Not this one: a rival view is one Kowalski reports in order to argue against it. In paragraph 3 the claim "
        "is Kowalski’s: Kowalski does not attribute it to anyone else."
    )
    assert voice["evidence"] == {
        "paragraph_id": 3,
        "quote": "Malaysia has long preferred quiet diplomacy to public confrontation in the South China Sea.",
    }
    stance = items[1]
    assert [a["answer"] for a in stance["answers"] if a["correct"]] == ["neither"]
    assert stance["answers"][3]["feedback"] == (
        "Not by the coding: a claim both readings accept is coded neither. This one is coded neither: both "
        "readings could accept it, or it is not about the relationship in question. Reread paragraph 5 and ask "
        "the test question of each reading."
    )
    link = items[2]
    assert link["question"].startswith("How does claim C03 bear on claim C01? C03 (para. 3): “This approach")
    assert [a["answer"] for a in link["answers"] if a["correct"]] == ["supports"]
    assert link["answers"][1]["feedback"] == (
        "Not by the map: “rebuts” would mean C03 argues against C01; the map says C03 gives a reason or evidence "
        "for C01. Reread both claims (paragraph 3)."
    )
    check_bank(items, iv)
    assert claim_items(iv, seed=0) == items and claim_items(iv, seed=1) != items


@pytest.mark.slow
def test_items_from_the_bundled_claims():
    iv = nbkit.load_interview()
    items = claim_items(iv, seed=0)
    assert [it["id"] for it in items] == [
        "claim-c02-voice",
        "claim-c11-reading",
        "claims-q1-c01-c03-c12-parts",
        "link-c10-c05",
        "claim-c15-voice",
        "claim-c24-reading",
        "claims-q2-c18-c21-c23-parts",
        "link-c17-c15",
        "claim-c30-voice",
        "claim-c27-reading",
        "link-c28-c26",
        "claim-c36-voice",
        "claim-c33-reading",
        "link-c34-c03",
        "claim-c50-voice",
        "claim-c51-reading",
        "claims-q5-c49-c53-c54-parts",
        "link-c47-c46",
    ]
    assert Counter(it["type"] for it in items) == {"multiple_choice": 15, "match": 3}
    kinds = items[2]
    assert kinds["question"] == "Match each claim of the answer to question 1 to its part in the argument."
    assert [(p["label"], p["answer"]) for p in kinds["pairs"]] == [
        ("C01 (para. 3): “the relationship is “transactional.””", "counterpoint"),
        ("C03 (para. 3): “we should remain open to the possibility that the relationship may be…”", "thesis"),
        ("C12 (para. 5): “Their interests are now more aligned than ever, bound by the common…”", "reason"),
    ]
    assert kinds["pairs"][0]["feedback"] == "C01 is coded counterpoint: a view stated in order to disagree with it."
    rebut = items[3]
    assert [a["answer"] for a in rebut["answers"] if a["correct"]] == ["rebuts"]
    assert rebut["explanation"] == (
        "In the argument map, C10 argues against C05. C10: Lee judges that it seems unlikely that Russia will "
        "regain its former place in the world after the war. C05: First reason of the prevailing view: North Korea "
        "will matter much less to Russia once the war is over."
    )
    assert items[0]["answers"][0]["feedback"] == (
        "Yes: in paragraph 3 the claim is Lee’s: Lee does not attribute it to anyone else."
    )
    check_bank(items, iv)
