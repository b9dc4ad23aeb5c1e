"""Small lexicons shipped as data files, returned as frames to join (not Python sets)."""

from __future__ import annotations

import pandas as pd

from .resources import read_csv_rows

__all__ = ["load_instruction_verbs"]


def load_instruction_verbs() -> pd.DataFrame:
    """What each instruction verb of an interview question asks of the expert.

    Read from ``nbkit/data/instruction_verbs.csv`` (a fresh frame on every call).
    Join it to ``interview.questions`` on ``instruction`` to see what each question asks for.

    Columns:
        instruction (str): the verb as it opens or closes a question line ("Explain", "Examine",
            "Briefly explain"…); "?" stands for a direct question with no instruction verb.
        asks (str): in plain words, the kind of answer the verb asks for.
    """
    rows = read_csv_rows("instruction_verbs.csv")
    frame = pd.DataFrame(rows, columns=["instruction", "asks"])
    return frame.astype({"instruction": "str", "asks": "str"})
