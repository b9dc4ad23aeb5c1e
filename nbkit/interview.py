"""The Interview: one text of the series parsed once into tidy pandas frames.

Every frame property returns a fresh copy, so a learner's edits never leak
into the next call. Offsets are character offsets into ``Interview.source``
(the decoded file, byte-order mark included): ``source[start:end] == text``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from .annotations.interview_frames import AnnotationFrames
from .errors import InterviewFormatError
from .resources import SEED_NAME, read_csv_rows, seed_path
from .segment import fold_word, split_tokens
from .source import decode_source, read_source, split_lines
from .structure import classify_lines

__all__ = ["Interview", "load_interview", "load_corpus", "ROLE"]

ROLE = pd.CategoricalDtype(["intro", "question", "answer"], ordered=True)

_SERIES_NUMBER = re.compile(r"is the (\d+)(?:st|nd|rd|th) in")
_SERIES_NAME = re.compile(r"[“\"](The [^”\"]*?Series)\.?[”\"]")
_INTERVIEWER = re.compile(r"(?:author|editor)\s+(.+?)\s+regularly engages")
_INTERVIEWEE = re.compile(r"conversation with\s+([^,]+?),\s*(.+?)(?:,\s*is the\b|\.?$)")


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(row["word"] for row in read_csv_rows("stopwords.csv"))


class Interview(AnnotationFrames):
    """One interview of "The Trans-Pacific View Insight Series", parsed into frames.

    Build it with :func:`load_interview`. Attributes: ``path`` (the file, or
    None for text given directly), ``source`` (the decoded text), ``interview_id``
    (the file name without extension). Frames: ``meta``, ``paragraphs``,
    ``questions``, ``sentences``, ``tokens`` (see each property), plus the
    argument layer (claims, actors, mentions…) for the bundled interview.
    """

    def __init__(self, source: str, path: str | Path | None = None, question_lines: list[int] | None = None,
                 interview_id: str | None = None):
        self.source = source
        self.path = Path(path) if path is not None else None
        self.interview_id = interview_id or (self.path.stem if self.path else "interview")
        self._lines = classify_lines(split_lines(source), path, question_lines)
        self._frames = _build_frames(self)

    def __repr__(self) -> str:
        m = self._frames["meta"].iloc[0]
        return (f"<Interview {self.interview_id!r}: {m['interviewee']} with {m['interviewer']}, "
                f"{len(self._frames['questions'])} questions, {len(self._frames['paragraphs'])} paragraphs>")

    def to_text(self) -> str:
        """The source text exactly as read: ``to_text().encode('utf-8')`` equals the file's bytes."""
        return self.source

    @property
    def meta(self) -> pd.DataFrame:
        """One row about the interview.

        Columns: outlet (str or None), series (str or None), series_number (Int64, NA when the
        intro does not say), interviewer, interviewee, interviewee_affiliation (str or None),
        source (the file path), sha256 (of the file's bytes).
        """
        return self._frames["meta"].copy()

    @property
    def paragraphs(self) -> pd.DataFrame:
        """One row per paragraph (non-blank line).

        Columns: paragraph_id (int, the 1-based source line), role (ordered category
        intro < question < answer), question_id (Int64; NA for the intro), position (Int64;
        1.. within its answer, NA for the intro and questions), text (str), start, end
        (int, offsets into ``source``), n_words (int, tokens), n_sentences (int).
        """
        return self._frames["paragraphs"].copy()

    @property
    def questions(self) -> pd.DataFrame:
        """One row per interviewer's question.

        Columns: question_id (int, 1..n), paragraph_id (int), text (str), instruction
        (str: the verb such as "Examine", or "?" for a direct question), n_answer_paragraphs
        (int), n_answer_words (int).
        """
        return self._frames["questions"].copy()

    @property
    def sentences(self) -> pd.DataFrame:
        """One row per sentence.

        Columns: sentence_id (int, 1..n in reading order), paragraph_id (int), question_id
        (Int64; NA in the intro), role (ordered category), text (str), start, end (int,
        offsets into ``source``).
        """
        return self._frames["sentences"].copy()

    @property
    def tokens(self) -> pd.DataFrame:
        """One row per word token.

        Columns: token_id (int, 1..n), sentence_id, paragraph_id (int), question_id (Int64),
        token (str, as written), word (str, lower-case with curly apostrophes folded),
        start, end (int, offsets into ``source``), is_stopword (bool, from the NLTK English list
        in ``data/stopwords.csv``).
        """
        return self._frames["tokens"].copy()


def _parse_meta(intro: str, path: Path | None, source: str) -> dict:
    number = _SERIES_NUMBER.search(intro)
    series = _SERIES_NAME.search(intro)
    interviewer = _INTERVIEWER.search(intro)
    interviewee = _INTERVIEWEE.search(intro)
    affiliation = None
    if interviewee:
        affiliation = re.sub(r"^(?:an?|the)\s+", "", interviewee.group(2).strip())
    return {
        "outlet": "The Diplomat" if "Diplomat" in intro else None,
        "series": series.group(1) if series else ("The Trans-Pacific View Insight Series" if "Trans-Pacific View" in intro else None),
        "series_number": int(number.group(1)) if number else None,
        "interviewer": interviewer.group(1) if interviewer else None,
        "interviewee": interviewee.group(1).strip() if interviewee else None,
        "interviewee_affiliation": affiliation,
        "source": str(path) if path is not None else None,
        "sha256": hashlib.sha256(source.encode("utf-8")).hexdigest(),
    }


# Frames are built from plain Python columns, once per frame and only when first asked for:
# building a DataFrame costs about as much as segmenting a paragraph, so load_corpus stacks the
# columns of all its interviews and builds each corpus frame once (see benchmarks/README.md).
_FRAME_COLUMNS = {
    "paragraphs": ["paragraph_id", "role", "question_id", "position", "text", "start", "end", "n_words", "n_sentences"],
    "questions": ["question_id", "paragraph_id", "text", "instruction", "n_answer_paragraphs", "n_answer_words"],
    "sentences": ["sentence_id", "paragraph_id", "question_id", "role", "text", "start", "end"],
    "tokens": ["token_id", "sentence_id", "paragraph_id", "question_id", "token", "word", "start", "end", "is_stopword"],
}
_META_COLUMNS = ["outlet", "series", "series_number", "interviewer", "interviewee", "interviewee_affiliation",
                 "source", "sha256"]
_NULLABLE_INT = {"question_id", "position", "series_number"}
_STR = {"text", "instruction", "token", "word", "interview_id"}


def _collect_columns(iv: Interview) -> dict[str, dict[str, list]]:
    """The rows of every frame of ``iv`` as plain lists, one list per column."""
    stop = _stopwords()
    cols = {name: {c: [] for c in names} for name, names in _FRAME_COLUMNS.items()}
    par, sen, tok, que = cols["paragraphs"], cols["sentences"], cols["tokens"], cols["questions"]
    t_sid, t_pid, t_qid, t_token, t_word, t_start, t_end, t_stop = (
        tok["sentence_id"], tok["paragraph_id"], tok["question_id"], tok["token"], tok["word"],
        tok["start"], tok["end"], tok["is_stopword"])
    answers: dict[int, list[int]] = {}
    position = 0
    for item in iv._lines:
        ln = item.source
        text, base, role = ln.text, ln.start, item.role
        qid = item.question_id if role != "intro" else None
        position = position + 1 if role == "answer" else 0
        spans = item.spans
        n_words = 0
        for s_start, s_end in spans:
            sid = len(sen["sentence_id"]) + 1
            sentence = text[s_start:s_end]
            for col, value in zip(_FRAME_COLUMNS["sentences"],
                                  (sid, ln.line, qid, role, sentence, base + s_start, base + s_end)):
                sen[col].append(value)
            offset = base + s_start
            spans_t = split_tokens(sentence)
            tokens = [sentence[t_a:t_b] for t_a, t_b in spans_t]
            words = [fold_word(token) for token in tokens]
            n = len(tokens)
            t_sid.extend([sid] * n)
            t_pid.extend([ln.line] * n)
            t_qid.extend([qid] * n)
            t_token.extend(tokens)
            t_word.extend(words)
            t_start.extend([offset + t_a for t_a, _ in spans_t])
            t_end.extend([offset + t_b for _, t_b in spans_t])
            t_stop.extend([word in stop for word in words])
            n_words += n
        for col, value in zip(_FRAME_COLUMNS["paragraphs"],
                              (ln.line, role, qid, position if role == "answer" else None, text, ln.start, ln.end,
                               n_words, len(spans))):
            par[col].append(value)
        if role == "question":
            answers[qid] = [0, 0]
            que["question_id"].append(qid)
            que["paragraph_id"].append(ln.line)
            que["text"].append(text)
            que["instruction"].append(item.instruction)
        elif role == "answer":
            answers[qid][0] += 1
            answers[qid][1] += n_words
    tok["token_id"].extend(range(1, len(t_sid) + 1))
    que["n_answer_paragraphs"].extend(answers[q][0] for q in que["question_id"])
    que["n_answer_words"].extend(answers[q][1] for q in que["question_id"])
    meta = _parse_meta(iv._lines[0].source.text, iv.path, iv.source)
    cols["meta"] = {c: [meta[c]] for c in _META_COLUMNS}
    return cols


def _frame(name: str, columns: dict[str, list]) -> pd.DataFrame:
    """Build one frame from its columns with the documented dtypes."""
    n = len(next(iter(columns.values()))) if columns else 0
    data = {}
    for col, values in columns.items():
        if col in _NULLABLE_INT and name != "questions":  # every question has its id
            data[col] = pd.array(values, dtype="Int64")
        elif col == "role":
            data[col] = pd.Categorical(values, dtype=ROLE)
        elif col in _STR:
            data[col] = pd.array(values, dtype="str")
        elif col == "is_stopword":
            data[col] = np.array(values, dtype=bool)
        elif name == "meta":  # text fields that may be missing stay object columns holding None
            data[col] = pd.array(values, dtype="str") if None not in values else pd.Series(values, dtype=object)
        else:
            data[col] = np.array(values, dtype=np.int64)
    return pd.DataFrame(data, index=pd.RangeIndex(n))


class _Frames(Mapping):
    """An interview's (or a corpus's) frames by name, each built on first access from its columns."""

    def __init__(self, columns: dict[str, dict[str, list]]):
        self.columns = columns
        self._built: dict[str, pd.DataFrame] = {}

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in self._built:
            self._built[name] = _frame(name, self.columns[name])
        return self._built[name]

    def __iter__(self):
        return iter(self.columns)

    def __len__(self) -> int:
        return len(self.columns)


def _build_frames(iv: Interview) -> _Frames:
    return _Frames(_collect_columns(iv))


def load_interview(path: str | Path | None = None, question_lines: list[int] | None = None) -> Interview:
    """Load an interview of the series; with no ``path``, the bundled "Assessing North Korea-Russia Relations".

    ``question_lines`` (1-based line numbers) overrides question detection for a text the rules get wrong.
    Raises ``FileNotFoundError`` for a missing file and :class:`nbkit.InterviewFormatError` for a text
    that is not in the series' format.
    """
    if path is None:
        path = seed_path()
        return Interview(decode_source(path.read_bytes(), SEED_NAME), path, question_lines)
    return Interview(read_source(path), path, question_lines)


def load_corpus(paths, question_lines: dict | None = None) -> dict[str, pd.DataFrame]:
    """Load several interviews into the same frames, stacked, with an ``interview_id`` column first.

    ``paths``: file paths (the id is the file name without extension; ids must be unique).
    Returns a dict with keys meta, paragraphs, questions, sentences, tokens.
    """
    names = ("meta", "paragraphs", "questions", "sentences", "tokens")
    stacked: dict[str, dict[str, list]] = {}
    seen: set[str] = set()
    for p in paths:
        p = Path(p)
        if p.stem in seen:
            raise InterviewFormatError(p, None, f"another interview in the corpus has the id {p.stem!r} (ids are file "
                                       "names without extension). Rename one of the files.")
        seen.add(p.stem)
        iv = load_interview(p, (question_lines or {}).get(p.stem))
        for name in names:
            columns = iv._frames.columns[name]
            target = stacked.setdefault(name, {"interview_id": [], **{c: [] for c in columns}})
            target["interview_id"].extend([iv.interview_id] * len(next(iter(columns.values()))))
            for col, values in columns.items():
                target[col].extend(values)
    return {name: _frame(name, stacked[name]) if stacked else pd.DataFrame() for name in names}
