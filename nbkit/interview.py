"""The Interview: one text of the series parsed once into tidy pandas frames.

Every frame property returns a fresh copy, so a learner's edits never leak
into the next call. Offsets are character offsets into ``Interview.source``
(the decoded file, byte-order mark included): ``source[start:end] == text``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import frames
from .errors import InterviewFormatError
from .intro_card import read_intro_card
from .resources import SEED_NAME, read_csv_rows, seed_path
from .segment import fold_word, split_tokens
from .source import decode_source, read_source, split_lines
from .structure import classify_lines

__all__ = ["Interview", "load_interview", "load_corpus"]


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(row["word"] for row in read_csv_rows("stopwords.csv"))


def _text_frame(iv: Interview, name: str) -> pd.DataFrame:
    return iv._frames[name].copy()


class Interview:
    """One interview of "The Trans-Pacific View Insight Series", parsed into frames.

    Build it with :func:`load_interview`. Attributes: ``path`` (the file, or
    None for text given directly), ``source`` (the decoded text), ``interview_id``
    (the file name without extension). Frames: ``meta``, ``paragraphs``,
    ``questions``, ``sentences``, ``tokens`` (see each property; every call returns
    a fresh copy). The argument layer (claims, actors, mentions…) is added by
    :class:`nbkit.course.AnnotatedInterview`, which :func:`nbkit.load_interview` returns.
    """

    def __init__(
        self,
        source: str,
        path: str | Path | None = None,
        question_lines: list[int] | None = None,
        interview_id: str | None = None,
    ):
        self.source = source
        self.path = Path(path) if path is not None else None
        self.interview_id = interview_id or (self.path.stem if self.path else "interview")
        self._lines = classify_lines(split_lines(source), path, question_lines)
        self._frames = _Frames(_collect_columns(self))

    @classmethod
    def load(cls, path: str | Path | None = None, question_lines: list[int] | None = None):
        """Read and parse the file ``path`` (default: the bundled interview); see :func:`load_interview`."""
        if path is None:
            path = seed_path()
            return cls(decode_source(path.read_bytes(), SEED_NAME), path, question_lines)
        return cls(read_source(path), path, question_lines)

    def __repr__(self) -> str:
        m = self._frames["meta"].iloc[0]
        return (
            f"<Interview {self.interview_id!r}: {m['interviewee']} with {m['interviewer']}, "
            f"{len(self._frames['questions'])} questions, {len(self._frames['paragraphs'])} paragraphs>"
        )

    def to_text(self) -> str:
        """The source text exactly as read: ``to_text().encode('utf-8')`` equals the file's bytes."""
        return self.source

    meta = frames.frame_property("meta", _text_frame)
    paragraphs = frames.frame_property("paragraphs", _text_frame)
    questions = frames.frame_property("questions", _text_frame)
    sentences = frames.frame_property("sentences", _text_frame)
    tokens = frames.frame_property("tokens", _text_frame)


def _parse_meta(intro: str, path: Path | None, source: str) -> dict:
    """The meta row: the intro card's fields (see :mod:`nbkit.intro_card`), the file and its hash."""
    return {
        **read_intro_card(intro).fields(),
        "source": str(path) if path is not None else None,
        "sha256": hashlib.sha256(source.encode("utf-8")).hexdigest(),
    }


# Frames are built from plain Python columns, once per frame and only when first asked for:
# building a DataFrame costs about as much as segmenting a paragraph, so load_corpus stacks the
# columns of all its interviews and builds each corpus frame once (see benchmarks/README.md).


def _collect_columns(iv: Interview) -> dict[str, dict[str, list]]:
    """The rows of every frame of ``iv`` as plain lists, one list per column."""
    stop = _stopwords()
    cols: dict[str, dict[str, list]] = {
        name: {c: [] for c in frames.columns(name)} for name in ("paragraphs", "questions", "sentences", "tokens")
    }
    par, sen, tok, que = cols["paragraphs"], cols["sentences"], cols["tokens"], cols["questions"]
    t_sid, t_pid, t_qid, t_token, t_word, t_start, t_end, t_stop = (
        tok["sentence_id"],
        tok["paragraph_id"],
        tok["question_id"],
        tok["token"],
        tok["word"],
        tok["start"],
        tok["end"],
        tok["is_stopword"],
    )
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
            for col, value in zip(sen, (sid, ln.line, qid, role, sentence, base + s_start, base + s_end)):
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
        for col, value in zip(
            par,
            (ln.line, role, qid, position if role == "answer" else None, text, ln.start, ln.end, n_words, len(spans)),
        ):
            par[col].append(value)
        if role == "question":
            assert qid is not None  # classify_lines numbers every question
            answers[qid] = [0, 0]
            que["question_id"].append(qid)
            que["paragraph_id"].append(ln.line)
            que["text"].append(text)
            que["instruction"].append(item.instruction)
        elif role == "answer":
            assert qid is not None  # and every answer belongs to one
            answers[qid][0] += 1
            answers[qid][1] += n_words
    tok["token_id"].extend(range(1, len(t_sid) + 1))
    que["n_answer_paragraphs"].extend(answers[q][0] for q in que["question_id"])
    que["n_answer_words"].extend(answers[q][1] for q in que["question_id"])
    meta = _parse_meta(iv._lines[0].source.text, iv.path, iv.source)
    cols["meta"] = {c: [v] for c, v in meta.items()}
    return cols


class _Frames(Mapping):
    """An interview's (or a corpus's) frames by name, each built on first access from its columns."""

    def __init__(self, columns: dict[str, dict[str, list]]):
        self.columns = columns
        self._built: dict[str, pd.DataFrame] = {}

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in self._built:
            self._built[name] = frames.cast(name, self.columns[name])
        return self._built[name]

    def __iter__(self):
        return iter(self.columns)

    def __len__(self) -> int:
        return len(self.columns)


def load_interview(path: str | Path | None = None, question_lines: list[int] | None = None) -> Interview:
    """Load the text of an interview of the series; with no ``path``, the bundled "Assessing North Korea-Russia Relations".

    ``question_lines`` (1-based line numbers) overrides question detection for a text the rules get wrong.
    Raises ``FileNotFoundError`` for a missing file and :class:`nbkit.InterviewFormatError` for a text
    that is not in the series' format. (``nbkit.load_interview`` adds the argument layer: see :mod:`nbkit.course`.)

    >>> iv = load_interview()
    >>> iv.questions["paragraph_id"].tolist(), iv.paragraphs["role"].value_counts().to_dict()
    ([2, 6, 11, 14, 17], {'answer': 15, 'question': 5, 'intro': 1})
    """
    return Interview.load(path, question_lines)


def load_corpus(paths, question_lines: dict | None = None) -> dict[str, pd.DataFrame]:
    """Load several interviews into the same frames, stacked, with an ``interview_id`` column first.

    ``paths``: file paths (the id is the file name without extension; ids must be unique).
    Returns a dict with keys meta, paragraphs, questions, sentences, tokens.
    """
    names = frames.frame_names("text")
    stacked: dict[str, dict[str, list]] = {}
    seen: set[str] = set()
    for p in paths:
        p = Path(p)
        if p.stem in seen:
            raise InterviewFormatError(
                p,
                None,
                f"another interview in the corpus has the id {p.stem!r} (ids are file "
                "names without extension). Rename one of the files.",
            )
        seen.add(p.stem)
        iv = load_interview(p, (question_lines or {}).get(p.stem))
        for name in names:
            columns = iv._frames.columns[name]
            target = stacked.setdefault(name, {"interview_id": [], **{c: [] for c in columns}})
            target["interview_id"].extend([iv.interview_id] * len(next(iter(columns.values()))))
            for col, values in columns.items():
                target[col].extend(values)
    return {name: frames.cast(name, stacked[name], corpus=True) if stacked else pd.DataFrame() for name in names}
