"""``nbkit check-bank``: every cue check found where it is planted, and nowhere in a clean bank."""

from __future__ import annotations

import yaml

from nbkit.quiz.bank import load_bank
from nbkit.quiz.cues import bank_figures, checks, find_cues

from .cli_helpers import nbkit as run_nbkit

P7 = "first, what it has already gained, and stands to win still; second, Pyongyang’s desire to become a bigger player regionally and internationally"
P3 = "the prevailing view still seems to be that the relationship is “transactional.”"


def choice(
    item_id, question, options, key=0, purpose="reading", quote=P7, paragraph=7, explanation="See the paragraph."
):
    """A multiple-choice item; ``options`` in order, ``key`` the index of the correct one."""
    return {
        "id": item_id,
        "type": "multiple_choice",
        "purpose": purpose,
        "question": question,
        "answers": [
            {"answer": text, "correct": i == key, "feedback": f"Option {i + 1}: see paragraph {paragraph}."}
            for i, text in enumerate(options)
        ],
        "explanation": explanation,
        "evidence": {"paragraph_id": paragraph, "quote": quote},
        "level": "understand",
        "tags": ["test"],
    }


# Four options of like length and form, sharing no word with the stems below.
PLAIN = [
    "Gains made so far, and a bigger regional role",
    "Sanctions relief now, and summit talks later",
    "Cheap oil supplies, and more seasonal workers",
    "Border trade growth, and fewer naval patrols",
]
# Verbatim openings of other paragraphs, so that each item has evidence of its own.
QUOTES = {
    5: "Yet, geopolitical shifts will heavily shape these two countries’ longe",
    8: "The diplomatic, economic, and possibly miliary-technology benefits",
    9: "Buoyed by its self-styled status as an “irreversible” nuclear state",
    12: "The most obvious and immediate need is military",
    13: "Politically, Russia would benefit from as much diplomatic support",
    15: "The unusual frequency and level of exchange between the two countries",
    16: "On that note, it is important to track China-North Korea relations",
    18: "The new treaty serves multiple purposes for both countries",
    19: "This seems to serve two main objectives.",
    20: "Second, the treaty seems in part to be targeting China.",
    21: "North Korea-Russia cooperation has already started to have an impact",
}


def at(paragraph: int) -> dict:
    return {"quote": QUOTES[paragraph], "paragraph": paragraph}


STEM = "Paragraph 7 sets out a frame for the rest of the answer. What does it contain?"
# Further sets of the same kind, one per item, so that no item's options show another item's key.
SETS = [
    [
        "Ports opened, and a larger naval presence",
        "Debts forgiven, and new rail links later",
        "Grain shipments, and more fishing rights",
        "Film exchanges, and fewer visa limits",
    ],
    [
        "Power lines built, and a shared airline",
        "Tourist routes, and joint space research",
        "Textile orders, and lower customs duties",
        "Student places, and a new press agency",
    ],
    [
        "Mining rights, and a seat at the forum",
        "Fuel credits, and a road across the river",
        "Medical teams, and a weather station",
        "Coal exports, and a trade fair in spring",
    ],
    [
        "Timber deals, and a channel to the court",
        "Bank licences, and a shipping insurer",
        "Fertiliser, and an observer at drills",
        "Satellite time, and a hotline to Moscow",
    ],
    [
        "Fishing fleets, and a new consulate",
        "Rice credits, and a cultural centre",
        "Cement plants, and a joint museum show",
        "Water pumps, and a bigger embassy staff",
    ],
    [
        "Radio relays, and a sports exchange",
        "Glass factories, and a rail timetable",
        "Cattle feed, and a shared film studio",
        "Steel quotas, and an art school visit",
    ],
    [
        "Paper mills, and a chess tournament",
        "Bus fleets, and a youth summer camp",
        "Salt works, and a language institute",
        "Tea imports, and a dance troupe tour",
    ],
    [
        "Wool supplies, and a choir on tour",
        "Copper wire, and a joint orchestra",
        "Sugar beet, and a poetry festival",
        "Zinc ore, and a travelling circus",
    ],
    [
        "Lead pipes, and a marathon race",
        "Tin cans, and a chamber quartet",
        "Nickel coins, and a puppet show",
        "Iron rails, and a photo display",
    ],
    [
        "Cotton bales, and a jazz evening",
        "Silk thread, and an opera season",
        "Linen cloth, and a folk ensemble",
        "Hemp rope, and a ballet premiere",
    ],
    [
        "Olive oil, and a rowing regatta",
        "Barley malt, and a mime company",
        "Rye flour, and a magic lantern",
        "Oat bran, and a glee club tour",
    ],
]


def clean_bank() -> dict:
    return {
        "notebook": "90-clean",
        "title": "A clean bank",
        "items": [
            choice("para7-frame", STEM, PLAIN, key=0),
            choice("para7-frame-again", "Which pair does the second half of that sentence name?", SETS[0], key=1),
            choice("para7-frame-third", "Which pair opens the answer to question 2?", SETS[1], key=2),
        ],
    }


def planted_bank() -> dict:
    long_key = PLAIN[:]
    long_key[0] = "Gains made so far, and a bigger regional and global role"  # key longest, spread < 2
    spread = SETS[3][:]
    spread[3] = "Timber"  # 6 characters against 40: spread > 2, key not longest
    absolute = [o.replace(",", ";") for o in SETS[0]]
    absolute[2] = "Grain shipments always, and more fishing rights"
    stem_words = [
        "Pyongyang alignment angles with Moscow",
        "Sanctions relief soon, and summit talks next",
        "Cheap fuel supplies, and more seasonal labour",
        "Border trade growth, and fewer coast patrols",
    ]
    repeated = [o.replace(",", " -") for o in SETS[1]]
    repeated[3] = SETS[1][2].lower().replace(",", "") + "."  # the same words; the bank itself refuses exact copies
    leak = {
        "id": "para3-hedge",
        "type": "true_false",
        "purpose": "reading",
        "question": "True or false: in paragraph 3 Lee states flatly that the relationship is transactional.",
        "answers": [
            {"answer": "True", "correct": False, "feedback": "Look again at paragraph 3."},
            {"answer": "False", "correct": True, "feedback": "Right. Paragraph 3 hedges the report of the debate."},
        ],
        "explanation": "See paragraph 3.",
        "evidence": {"paragraph_id": 3, "quote": P3},
        "level": "analyse",
        "tags": ["test"],
    }
    shows_it = choice("para7-shows", "Where does paragraph 16 lead?", SETS[5], key=2, **at(16))
    shown = choice(
        "para7-shown",
        "Which words open paragraph 18?",
        SETS[4],
        key=1,
        **at(18),
        explanation="Compare the last pair: cattle feed, and a shared film studio.",
    )
    quoted = choice("para7-quoted", "How does Lee frame the answer in paragraph 7?", SETS[6], key=3)
    quoting = choice("para7-quoting", f"Lee writes “{P7}”. Which answer comes next?", SETS[7], key=1, **at(19))
    return {
        "notebook": "91-planted",
        "title": "One cue of each kind",
        "items": [
            choice("para7-a", STEM, long_key, key=0, **at(5)),
            choice("para7-b", "Which pair does paragraph 8 list first?", spread, key=1, **at(8)),
            choice("para7-c", "Which pair comes second in paragraph 9?", absolute, key=0, **at(9)),
            choice("para7-d", "Which angles frame Pyongyang’s alignment with Moscow?", stem_words, key=0, **at(12)),
            choice("para7-e", "Which pair sums up paragraph 13?", repeated, key=0, **at(13)),
            leak,
            choice("para7-f", STEM, SETS[2], key=3, **at(15)),
            shown,
            shows_it,
            quoted,
            quoting,
        ],
    }


def positions_bank() -> dict:
    items = [
        choice(f"para7-pos-{n}", f"Item {n} of three on the frame: which pair?", opts, key=0)
        for n, opts in zip("xyz", SETS[8:11])
    ]
    for item, paragraph in zip(items, (20, 21, 5)):
        item["evidence"] = {"paragraph_id": paragraph, "quote": QUOTES[paragraph]}
    del items[0]["purpose"]
    items[1]["purpose"] = items[2]["purpose"] = "context"
    return {"notebook": "92-positions", "title": "Keys in one place", "items": items}


def _load(tmp_path, doc):
    path = tmp_path / f"{doc['notebook']}.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return load_bank(path)


def test_a_clean_bank_has_no_finding(tmp_path):
    bank = _load(tmp_path, clean_bank())
    assert find_cues([bank]).empty
    figures = bank_figures([bank]).iloc[0].to_dict()
    assert figures == {
        "notebook": "90-clean",
        "choice_items": 3,
        "key_longest_share": 0.0,
        "scored": 3,
        "reading_share": 1.0,
    }


def test_each_planted_cue_is_found_by_name(tmp_path):
    banks = [_load(tmp_path, planted_bank()), _load(tmp_path, positions_bank())]
    found = find_cues(banks)
    assert sorted(zip(found["item"], found["check"])) == sorted(
        [
            ("para7-a", "key-longest"),
            ("para7-b", "length-spread"),
            ("para7-c", "absolutes-in-distractors"),
            ("para7-d", "stem-words-in-key"),
            ("para7-e", "repeated-option"),
            ("para3-hedge", "id-leaks-answer"),
            ("para7-f", "repeated-stem"),
            ("para7-shows", "answered-elsewhere"),
            ("para7-quoted", "evidence-quoted-elsewhere"),
            ("", "key-position-pattern"),
            ("", "purpose-missing"),
            ("", "few-reading-items"),
        ]
    )
    assert set(found["check"]) == set(checks())  # every check is planted once
    leak = found[found["check"] == "id-leaks-answer"].iloc[0]
    assert leak["detail"] == "the id's word(s) hedge are in the key"
    assert leak["risk"] == "high"


def test_check_bank_exits_1_on_a_high_risk_and_0_on_a_clean_bank(tmp_path):
    planted = tmp_path / "planted"
    planted.mkdir()
    bad = run_nbkit("check-bank", _load(planted, planted_bank()).path)
    assert bad.returncode == 1
    assert "para3-hedge" in bad.stdout and "id-leaks-answer" in bad.stdout
    assert bad.stderr.strip().endswith("high-risk")
    good = run_nbkit("check-bank", _load(tmp_path, clean_bank()).path)
    assert good.returncode == 0, good.stdout
    assert good.stderr.strip() == "0 finding(s) in 1 bank(s), 0 high-risk"


def test_a_missing_file_is_a_usage_error(tmp_path):
    r = run_nbkit("check-bank", tmp_path / "nope.yaml")
    assert r.returncode == 2
    assert "no such quiz bank" in r.stderr


def test_the_bundled_banks_pass():
    """Issue 13: no high-risk cue in the course; the key is the longest option in at most 1 in 4 choice items;
    reading items are at least 60% of the scored items of every notebook; no id names its answer."""
    import nbformat

    from nbkit.quiz.bank import list_banks

    from .conftest import ROOT

    banks = [load_bank(stem) for stem in list_banks()]
    found = find_cues(banks)
    assert found[found["risk"] == "high"].empty, found[found["risk"] == "high"][["notebook", "item", "check"]]
    assert "id-leaks-answer" not in set(found["check"])
    figures = bank_figures(banks)
    longest = (figures["key_longest_share"] * figures["choice_items"]).sum()
    assert longest / figures["choice_items"].sum() <= 0.25
    assert (figures["reading_share"] >= 0.6).all(), figures
    # the flow: every notebook shows at least 3 items; every answer paragraph is the evidence of a reading item;
    # every level is used
    for bank in banks:
        nb = nbformat.read(ROOT / "notebooks" / f"{bank.notebook}.ipynb", as_version=4)
        shown = [it.id for it in bank.items if any(f'"{it.id}"' in c.source for c in nb.cells if c.cell_type == "code")]
        assert len(shown) >= 3, bank.notebook
    reading = [it for b in banks for it in b.items if it.data.get("purpose") == "reading"]
    import nbkit

    paragraphs = nbkit.load_interview().paragraphs
    answers = set(paragraphs.loc[paragraphs["role"] == "answer", "paragraph_id"])
    assert len(answers) == 15
    assert answers <= {it.paragraph_id for it in reading}
    assert {it.data["level"] for b in banks for it in b.items} == {"remember", "understand", "analyse", "evaluate"}


def test_a_match_label_that_prints_a_cloze_answer_or_a_quote_is_found(tmp_path):
    """Blind test 2026-12-02: 08's match labels quoted the phrase 04's cloze asks for ("munitions and most likely
    personnel": a key too short to match alone) and 04's labels quoted paragraph 12's evidence."""
    cloze = {
        "id": "para12-wording",
        "type": "string",
        "purpose": "reading",
        "question": "Paragraph 12: “continued supplies of North Korea’s munitions and _____ personnel”. Type the two words.",
        "answers": [{"answer": "most likely", "correct": True, "feedback": "Yes (paragraph 12)."}],
        "explanation": "See the paragraph.",
        "evidence": {
            "paragraph_id": 12,
            "quote": "continued supplies of North Korea’s munitions and most likely personnel",
        },
        "level": "remember",
        "tags": ["test"],
    }
    quoted = choice("para13-support", "What does paragraph 13 say Russia would benefit from?", PLAIN, **at(13))
    quoted["evidence"]["quote"] = "Politically, Russia would benefit from as much diplomatic support as it can win"

    def match(item_id, labels):
        return {
            "id": item_id,
            "type": "match",
            "purpose": "reading",
            "question": "Match each piece of the interview to what it shows.",
            "pairs": [{"label": label, "answer": "a need", "feedback": "See paragraph 12."} for label in labels],
            "options": ["a need", "a benefit"],
            "explanation": "See the paragraph.",
            "evidence": {"paragraph_id": 9, "quote": QUOTES[9]},
            "level": "understand",
            "tags": ["test"],
        }

    leaky = match(
        "para12-13-pieces",
        [
            "“continued supplies of North Korea’s munitions and most likely personnel” (paragraph 12)",
            "“Politically, Russia would benefit from as much diplomatic support as it can win…” (paragraph 13)",
        ],
    )
    doc = {"notebook": "93-labels", "title": "Labels", "items": [cloze, quoted, leaky]}
    found = find_cues([_load(tmp_path, doc)])
    assert sorted(zip(found["item"], found["check"], found["detail"])) == [
        ("para12-wording", "answered-elsewhere", "93-labels/para12-13-pieces shows the key"),
        ("para13-support", "evidence-quoted-elsewhere", "93-labels/para12-13-pieces quotes it"),
    ]
    fixed = match(
        "para12-13-pieces",
        ["North Korean munitions and, probably, personnel (paragraph 12)", "“Politically, Russia…” (paragraph 13)"],
    )
    doc["items"] = [cloze, quoted, fixed]
    assert find_cues([_load(tmp_path, doc)]).query("check.str.endswith('elsewhere')").empty
