"""The Interview: one text of the series parsed once into tidy pandas frames.

Every frame property returns a fresh copy, so a learner's edits never leak
into the next call. Offsets are character offsets into ``Interview.source``
(the decoded file, byte-order mark included): ``source[start:end] == text``.
"""

from __future__ import annotations

import hashlib
import re
from functools import cached_property, lru_cache
from pathlib import Path

import pandas as pd

from .annotations.interview_frames import AnnotationFrames
from .resources import SEED_NAME, read_csv_rows, seed_path
from .segment import fold_word, split_sentences, split_tokens
from .source import decode_source, read_source, split_lines
from .structure import classify_lines, question_instruction

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


def _build_frames(iv: Interview) -> dict[str, pd.DataFrame]:
    source, stop = iv.source, _stopwords()
    par_rows, sen_rows, tok_cols = [], [], {k: [] for k in
        ("token_id", "sentence_id", "paragraph_id", "question_id", "token", "word", "start", "end", "is_stopword")}
    position = 0
    for item in iv._lines:
        ln = item.source
        qid = item.question_id if item.role != "intro" else None
        position = position + 1 if item.role == "answer" else 0
        spans = split_sentences(ln.text)
        n_words = 0
        for s_start, s_end in spans:
            sid = len(sen_rows) + 1
            sen_rows.append((sid, ln.line, qid, item.role, ln.text[s_start:s_end], ln.start + s_start, ln.start + s_end))
            for t_start, t_end in split_tokens(ln.text[s_start:s_end]):
                token = ln.text[s_start + t_start:s_start + t_end]
                word = fold_word(token)
                tok_cols["token_id"].append(len(tok_cols["token_id"]) + 1)
                tok_cols["sentence_id"].append(sid)
                tok_cols["paragraph_id"].append(ln.line)
                tok_cols["question_id"].append(qid)
                tok_cols["token"].append(token)
                tok_cols["word"].append(word)
                tok_cols["start"].append(ln.start + s_start + t_start)
                tok_cols["end"].append(ln.start + s_start + t_end)
                tok_cols["is_stopword"].append(word in stop)
                n_words += 1
        par_rows.append((ln.line, item.role, qid, position if item.role == "answer" else None,
                         ln.text, ln.start, ln.end, n_words, len(spans)))

    paragraphs = pd.DataFrame(par_rows, columns=["paragraph_id", "role", "question_id", "position", "text",
                                                 "start", "end", "n_words", "n_sentences"])
    paragraphs["role"] = paragraphs["role"].astype(ROLE)
    paragraphs["question_id"] = paragraphs["question_id"].astype("Int64")
    paragraphs["position"] = paragraphs["position"].astype("Int64")
    paragraphs["text"] = paragraphs["text"].astype("str")

    sentences = pd.DataFrame(sen_rows, columns=["sentence_id", "paragraph_id", "question_id", "role", "text", "start", "end"])
    sentences["role"] = sentences["role"].astype(ROLE)
    sentences["question_id"] = sentences["question_id"].astype("Int64")
    sentences["text"] = sentences["text"].astype("str")

    tokens = pd.DataFrame(tok_cols)
    tokens["question_id"] = tokens["question_id"].astype("Int64")
    for col in ("token", "word"):
        tokens[col] = tokens[col].astype("str")
    tokens["is_stopword"] = tokens["is_stopword"].astype(bool)

    answers = paragraphs[paragraphs["role"] == "answer"].groupby("question_id")
    q = paragraphs[paragraphs["role"] == "question"]
    questions = pd.DataFrame({
        "question_id": q["question_id"].astype(int).to_numpy(),
        "paragraph_id": q["paragraph_id"].to_numpy(),
        "text": q["text"].to_numpy(),
        "instruction": [question_instruction(t) or "?" for t in q["text"]],
    })
    questions["n_answer_paragraphs"] = questions["question_id"].map(answers.size()).fillna(0).astype(int)
    questions["n_answer_words"] = questions["question_id"].map(answers["n_words"].sum()).fillna(0).astype(int)
    questions["text"] = questions["text"].astype("str")
    questions["instruction"] = questions["instruction"].astype("str")

    meta = pd.DataFrame([_parse_meta(iv._lines[0].source.text, iv.path, source)])
    meta["series_number"] = meta["series_number"].astype("Int64")
    return {"meta": meta, "paragraphs": paragraphs, "questions": questions, "sentences": sentences, "tokens": tokens}


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
    frames: dict[str, list[pd.DataFrame]] = {k: [] for k in ("meta", "paragraphs", "questions", "sentences", "tokens")}
    seen: set[str] = set()
    for p in paths:
        p = Path(p)
        if p.stem in seen:
            raise ValueError(f"Two interviews in the corpus share the id {p.stem!r} ({p}). Rename one of the files.")
        seen.add(p.stem)
        iv = load_interview(p, (question_lines or {}).get(p.stem))
        for key in frames:
            frame = iv._frames[key]
            frames[key].append(frame.assign(interview_id=iv.interview_id)[["interview_id", *frame.columns]])
    return {k: pd.concat(v, ignore_index=True) if v else pd.DataFrame() for k, v in frames.items()}
