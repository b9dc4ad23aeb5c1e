"""Find the introduction, the interviewer's questions and the answers among an interview's lines.

Rules (the series' format):
- line 1 is the interviewer's introduction;
- a question is one sentence ending in "?" (optionally followed by a short
  instruction such as "Explain"), or one sentence opening with an
  instruction verb from ``data/instruction_verbs.csv`` ("Examine …");
- every line after a question, until the next question, answers it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import InterviewFormatError
from .resources import read_csv_rows
from .segment import split_sentences
from .shorten import shorten
from .source import SourceLine

__all__ = ["Classified", "instruction_verbs", "classify_lines", "question_instruction"]

_INTRO_HINT = re.compile(r"Mercy Kuo|regularly engages|Trans-Pacific View|Insight Series", re.IGNORECASE)
# A direct question may be followed by a short instruction: "…strategic? Explain" or "…? Discuss."
_TRAILING_INSTRUCTION = re.compile(r"^(?:and\s+)?(?:briefly\s+)?[A-Za-z]+(?:\s+why|\s+how)?[.!]?$", re.IGNORECASE)


@dataclass(frozen=True)
class Classified:
    """A source line with its role ("intro", "question", "answer"), question number (None for the intro),
    sentence spans (offsets into the line's text; each line is segmented once, here) and, for a
    question, its instruction ("Examine", or "?" when it gives no verb)."""

    source: SourceLine
    role: str
    question_id: int | None
    spans: tuple[tuple[int, int], ...]
    instruction: str | None = None


@lru_cache(maxsize=1)
def instruction_verbs() -> tuple[str, ...]:
    """Instruction verbs that open an imperative question, longest first ("Briefly explain" before "Explain")."""
    verbs = [row["instruction"] for row in read_csv_rows("instruction_verbs.csv") if row["instruction"] != "?"]
    return tuple(sorted(verbs, key=len, reverse=True))


def question_instruction(text: str, spans=None) -> str | None:
    """Return the instruction a question line gives ("Examine", "Explain", or "?"), or None if it is not a question.

    ``spans``: the line's sentence spans, if already known (they are computed otherwise).
    """
    spans = split_sentences(text) if spans is None else spans
    if not spans:
        return None
    first = text[spans[0][0] : spans[0][1]]
    if len(spans) == 1 and first.endswith("?"):
        return "?"
    if len(spans) == 2 and first.endswith("?"):
        tail = text[spans[1][0] : spans[1][1]]
        if _TRAILING_INSTRUCTION.match(tail):
            return _verb_at_start(tail, 0) or tail.rstrip(".!").strip()
        return None
    if len(spans) == 1:
        return _verb_at_start(first)
    return None


def _verb_at_start(sentence: str, min_words_after: int = 2) -> str | None:
    """The instruction verb opening ``sentence``, if it is followed by a topic of at least ``min_words_after`` words."""
    lowered = sentence.lower()
    for verb in instruction_verbs():
        if lowered.startswith(verb.lower()) and (len(sentence) == len(verb) or not sentence[len(verb)].isalnum()):
            return verb if len(sentence[len(verb) :].split()) >= min_words_after else None
    return None


def classify_lines(
    lines: list[SourceLine], path: str | Path | None = None, question_lines: list[int] | None = None
) -> list[Classified]:
    """Give every line its role, raising InterviewFormatError when the format is broken.

    ``question_lines`` (1-based source line numbers) overrides question detection.
    """
    if not lines:
        raise InterviewFormatError(
            path, 1, "the file has no text. Expected an introduction, then questions and answers."
        )
    spans = [tuple(split_sentences(ln.text)) for ln in lines]
    instructions = [question_instruction(ln.text, sp) for ln, sp in zip(lines, spans)]
    if question_lines is not None:
        known = {ln.line for ln in lines}
        for number in question_lines:
            if number not in known:
                raise InterviewFormatError(
                    path,
                    number,
                    f"question_lines names line {number}, but that line is blank or past the end of the file.",
                )
        is_question = [ln.line in set(question_lines) for ln in lines]
    else:
        is_question = [False] + [instruction is not None for instruction in instructions[1:]]

    intro = lines[0]
    if question_lines is not None and intro.line in set(question_lines):
        raise InterviewFormatError(
            path,
            intro.line,
            "the first paragraph must be the introduction, not a question. Remove it from question_lines.",
        )
    if question_lines is None and instructions[0] is not None:
        raise InterviewFormatError(
            path,
            intro.line,
            f"expected the interviewer's introduction on the first line, but found a question: {shorten(intro.text)!r}. "
            'Put the introduction ("… author Mercy Kuo regularly engages …") first.',
        )
    if not _INTRO_HINT.search(intro.text):
        later = next((ln for ln in lines[1:] if _INTRO_HINT.search(ln.text)), None)
        if later is not None:
            raise InterviewFormatError(
                path,
                intro.line,
                f"found text before the introduction (the introduction is on line {later.line}). "
                "Delete the lines above the introduction so that it comes first.",
            )
    if not any(is_question):
        raise InterviewFormatError(
            path,
            lines[1].line if len(lines) > 1 else intro.line,
            "no question line found. A question is one sentence ending in '?' or starting with an instruction "
            "verb such as 'Explain' or 'Examine'. If the questions are written differently, pass "
            "question_lines=[...] with their line numbers.",
        )
    first_q = is_question.index(True)
    if first_q > 1:
        raise InterviewFormatError(
            path,
            lines[1].line,
            f"line {lines[1].line} comes after the introduction but before the first question (line {lines[first_q].line}). "
            "If it is a question, pass question_lines=[...]; otherwise join it to the introduction.",
        )
    for i, flag in enumerate(is_question):
        if flag and (i + 1 == len(lines) or is_question[i + 1]):
            raise InterviewFormatError(
                path,
                lines[i].line,
                f"the question {shorten(lines[i].text)!r} has no answer after it. Every question needs at least one "
                "answer paragraph on the following lines. If the next line is not really a question, pass question_lines=[...].",
            )

    result = [Classified(intro, "intro", None, spans[0])]
    qid = 0
    for ln, flag, sp, instruction in zip(lines[1:], is_question[1:], spans[1:], instructions[1:]):
        if flag:
            qid += 1
            result.append(Classified(ln, "question", qid, sp, instruction or "?"))
        else:
            result.append(Classified(ln, "answer", qid, sp))
    return result
