"""Exercise checks give the exact messages a learner sees."""

import pandas as pd

from nbkit.exercise import check


def test_stub_is_not_an_error():
    result = check(..., 5)
    assert str(result) == "Not answered yet: replace the ... with your answer and run both cells again."
    assert result.ok is False


def test_right_and_wrong():
    assert str(check(5, 5)) == "Correct."
    assert check(pd.Series([2, 6]), [2, 6]).ok
    assert check("  Pyongyang’s ", "pyongyang's").ok
    wrong = check(4, 5, hint="Count the rows of interview.questions.")
    assert str(wrong) == "Not yet. Count the rows of interview.questions."
    assert wrong._repr_markdown_() == "✍️ Not yet. Count the rows of interview.questions."


def test_custom_test_and_errors():
    assert check([1, 2, 3], test=lambda a: len(a) == 3).ok
    result = check(None, test=lambda a: len(a) == 3, hint="Give a list.")
    assert (
        str(result) == "Could not check this answer (TypeError: object of type 'NoneType' has no len()). Give a list."
    )
