"""Small lexicons shipped as data files, returned as frames to join (not Python sets)."""

from __future__ import annotations

import pandas as pd

from . import frames
from .resources import read_csv_rows

__all__ = ["load_instruction_verbs"]


@frames.returns("instruction_verbs")
def load_instruction_verbs() -> pd.DataFrame:
    """What each instruction verb of an interview question asks of the expert.

    Read from ``nbkit/data/instruction_verbs.csv`` (a fresh frame on every call).
    Join it to ``interview.questions`` on ``instruction`` to see what each question asks for.

    >>> load_instruction_verbs().set_index("instruction").loc["Assess", "asks"]
    'a weighing of importance or consequences, ending in a judgement'
    """
    rows = read_csv_rows("instruction_verbs.csv")
    return frames.from_rows("instruction_verbs", rows)
