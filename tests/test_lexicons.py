"""nbkit.load_instruction_verbs(): the instruction-verb lexicon as a frame to join."""

import nbkit
from nbkit.lexicons import load_instruction_verbs


def test_columns_and_size():
    verbs = load_instruction_verbs()
    assert list(verbs.columns) == ["instruction", "asks"]
    assert len(verbs) == 23
    assert verbs["instruction"].is_unique
    assert verbs.notna().all().all()
    assert (verbs["asks"].str.len() > 0).all()


def test_exact_rows():
    asks = dict(zip(*load_instruction_verbs().T.values))
    assert asks["Explain"] == "reasons: why or how something is so, with the causes or logic behind it"
    assert asks["Assess"] == "a weighing of importance or consequences, ending in a judgement"
    assert asks["?"] == "a direct answer to a direct question; the expert chooses how to structure the reply"


def test_every_question_of_the_seed_has_a_meaning(interview):
    joined = interview.questions.merge(load_instruction_verbs(), on="instruction", how="left", validate="one_to_one")
    assert joined["instruction"].tolist() == ["Explain", "Examine", "Analyze", "?", "Assess"]
    assert joined["asks"].notna().all()
    assert (
        joined.loc[joined["question_id"] == 2, "asks"].item()
        == "a close look at something from several sides, to find out how it works"
    )


def test_fresh_copy_and_public_name():
    first = nbkit.load_instruction_verbs()
    first.loc[0, "asks"] = "changed"
    assert nbkit.load_instruction_verbs().loc[0, "asks"] != "changed"
    assert "load_instruction_verbs" in nbkit.__all__
