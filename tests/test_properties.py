"""Property tests (hypothesis) for the readers: whatever the input, they load it or raise nbkit's own error.

- Generated interviews (intro, questions, answers of random text with this text's traps: curly quotes,
  U.S., brackets, vis-à-vis; CRLF, BOM, blank lines, trailing spaces) round-trip byte for byte and
  every offset slices the source.
- Arbitrary bytes and arbitrary text raise only InterviewFormatError, or load.
- The sentence splitter's fast path (nbkit/segment.py) gives exactly pysbd's sentences, on the seed, on
  synthetic interviews and on generated trap text.
- Quiz banks: any YAML raises only QuizBankError, or loads. Progress store: any file reads as records.

Example counts come from the hypothesis profile (tests/conftest.py): "ci" runs 1,000 examples of each key
property (``make test``, CI), "dev" 50 (``make test-fast``); the lighter properties run a fifth of that.
"""

from __future__ import annotations

import copy
import tempfile
import warnings
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nbkit
from nbkit.segment import _merge_gaps, _pysbd_spans, split_sentences
from nbkit.synthetic import synthetic_interview

from .conftest import SEED

# The key properties run the profile's count; the lighter ones a fifth of it (settings() is the loaded profile).
LIGHT = settings(max_examples=max(10, settings().max_examples // 5))

_TMP = Path(tempfile.mkdtemp(prefix="nbkit-properties-"))


def write(name: str, data: bytes) -> Path:
    path = _TMP / name
    path.write_bytes(data)
    return path


# --- text with this interview's traps ------------------------------------------------------------
WORDS = [
    "the",
    "relationship",
    "Pyongyang’s",
    "Moscow",
    "U.S.",
    "U.S.-led",
    "vis-à-vis",
    "treaty",
    "(Article 3)",
    "[Russian President Vladimir]",
    "“transactional”",
    "“strategic,”",
    "Kim-Putin",
    "38",
    "North",
    "2023",
    "427th",
    "e.g.",
    "i.e.",
    "Mr.",
    "No.",
    "St.",
    "etc.",
    "approx.",
    "a.m.",
    "Ice",
    "use",
    "I",
    "A",
    "(a)",
    "(b)",
    "1)",
    "2)",
    "iv)",
    "x.",
    "miliary",
    "China-U.S.",
    "—",
    "…",
    "don’t",
    "‘quoted’",
    "'straight'",
    '"double"',
    "?!",
    "Yahoo!",
    "--",
    "3.5",
    "$1,000",
    "Korea.",
]
STARTS = ["The", "Lee", "Pyongyang", "Russia", "In", "It", "This", "However", "Beijing", "North", "Yes"]


@st.composite
def sentence(draw, words=WORDS, ends=(".", ".", ".", "?", "!", ".”", ")", "")) -> str:
    body = draw(st.lists(st.sampled_from(words), min_size=0, max_size=12))
    end = draw(st.sampled_from(ends))
    return " ".join([draw(st.sampled_from(STARTS)), *body]) + end


@st.composite
def trap_paragraph(draw) -> str:
    sentences = draw(st.lists(sentence(), min_size=1, max_size=5))
    seps = draw(
        st.lists(st.sampled_from([" ", " ", " ", "  ", "\u00a0"]), min_size=len(sentences), max_size=len(sentences))
    )
    return "".join(s + sep for s, sep in zip(sentences, seps)).rstrip()


def pysbd_reference(text: str) -> list[tuple[int, int]]:
    """What split_sentences gave before the fast path: pysbd on the whole text."""
    return _merge_gaps(text, _pysbd_spans(text, 0, len(text)))


@pytest.mark.slow  # 6,000 paragraphs through pysbd
def test_fast_path_equals_pysbd_on_seed_and_synthetic_interviews():
    paragraphs = SEED.read_text(encoding="utf-8").split("\n")
    for seed in range(150):
        paragraphs += synthetic_interview(seed, n_questions=8, max_answer_paragraphs=9).split("\n")
    mismatches = [p for p in paragraphs if split_sentences(p) != pysbd_reference(p)]
    assert mismatches == []
    assert len(paragraphs) > 6000


@given(trap_paragraph())
def test_fast_path_equals_pysbd_on_trap_text(text):
    assert split_sentences(text) == pysbd_reference(text)


# --- generated interviews round-trip --------------------------------------------------------------
INTRO = (
    "The Diplomat author Mercy Kuo regularly engages subject-matter experts, policy practitioners, and "
    "strategic thinkers across the globe for their diverse insights into U.S. Asia policy. This conversation "
    "with Jo Park, a fellow at the Example Institute, is the 12th in “The Trans-Pacific View Insight Series.”"
)
QUESTION_WORDS = [
    "Pyongyang’s",
    "Moscow",
    "the",
    "U.S.-led",
    "order",
    "vis-à-vis",
    "treaty",
    "[Russian]",
    "“bloc,”",
    "relations",
    "strategic",
]  # a quote or bracket before a capital would end the sentence
ANSWER_WORDS = [w for w in WORDS if w not in ("?!", "Yahoo!")]


@st.composite
def question(draw) -> str:
    words = draw(st.lists(st.sampled_from(QUESTION_WORDS), min_size=1, max_size=8))
    form = draw(st.sampled_from(["Why is {}?", "How do {} matter?", "Examine {} today.", "Is {} strategic? Explain"]))
    return form.format(" ".join(words))


@st.composite
def answer(draw) -> str:
    # An answer must not read as a question ("…? Explain." is one): no "?" ends its sentences.
    sentences = draw(st.lists(sentence(ANSWER_WORDS, (".", ".", ".”", ")")), min_size=1, max_size=4))
    return " ".join(sentences).rstrip("?!.”) ") + "."


@st.composite
def interview_bytes(draw) -> tuple[bytes, int, int]:
    lines, n_questions = [INTRO], draw(st.integers(1, 4))
    for _ in range(n_questions):
        lines.append(draw(question()))
        lines += draw(st.lists(answer(), min_size=1, max_size=3))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    out = []
    for line in lines:
        out.append(line + draw(st.sampled_from(["", "", " ", "  ", "\t"])))
        out += [draw(st.sampled_from(["", " "]))] * draw(st.integers(0, 2))  # blank lines
    text = newline.join(out) + draw(st.sampled_from(["", newline, newline * 2]))
    if draw(st.booleans()):
        text = "\ufeff" + text
    return text.encode("utf-8"), len(lines), n_questions


def assert_offsets(iv):
    src = iv.source
    for name in ("paragraphs", "sentences"):
        frame = getattr(iv, name)
        assert all(src[a:b] == t for a, b, t in zip(frame["start"], frame["end"], frame["text"])), name
    tokens = iv.tokens
    assert all(src[a:b] == t for a, b, t in zip(tokens["start"], tokens["end"], tokens["token"]))
    # sentences cover every non-space character of their paragraph
    sentences = iv.sentences
    for row in iv.paragraphs.itertuples():
        own = sentences[sentences["paragraph_id"] == row.paragraph_id]
        assert (
            "".join(own["text"]).replace(" ", "") == row.text.replace(" ", "").replace("\u00a0", "").replace("\t", "")
            or "".join(own["text"]).split() == row.text.split()
        )


@given(interview_bytes())
def test_generated_interviews_round_trip_and_slice(case):
    data, n_lines, n_questions = case
    iv = nbkit.load_interview(write("generated.txt", data))
    assert iv.to_text().encode("utf-8") == data
    assert len(iv.paragraphs) == n_lines
    assert len(iv.questions) == n_questions
    assert_offsets(iv)


def check_loads_or_format_error(data: bytes):
    try:
        iv = nbkit.load_interview(write("arbitrary.txt", data))
    except nbkit.InterviewFormatError as err:
        assert err.path.endswith("arbitrary.txt") and err.reason
        return
    assert iv.to_text().encode("utf-8") == data
    assert_offsets(iv)


@given(st.binary(max_size=600))
def test_arbitrary_bytes_load_or_raise_interview_format_error(data):
    check_loads_or_format_error(data)


@given(st.text(max_size=600))
def test_arbitrary_text_loads_or_raises_interview_format_error(text):
    check_loads_or_format_error(text.encode("utf-8"))


@LIGHT
@given(st.data())
def test_mangled_seed_loads_or_raises_interview_format_error(data):
    seed = SEED.read_bytes()
    cut = data.draw(st.integers(0, len(seed)))
    end = data.draw(st.integers(cut, min(len(seed), cut + 400)))
    insert = data.draw(st.sampled_from([b"", b"\n", b"\r\n\r\n", b"?", b"\xe2\x80\x9d", b"\x00", b"\xff", b" U.S. "]))
    check_loads_or_format_error(seed[:cut] + insert + seed[end:])


# --- quiz banks ------------------------------------------------------------------------------------
def _bank_doc():
    import yaml

    return yaml.safe_load(
        (Path(nbkit.__file__).parent / "data" / "quizzes" / "00-start-here.yaml").read_text(encoding="utf-8")
    )


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 30) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)


def check_bank_loads_or_quiz_error(text: str):
    from nbkit.quiz.bank import load_bank

    path = write("bank.yaml", text.encode("utf-8"))
    try:
        bank = load_bank(path)
    except nbkit.QuizBankError as err:
        assert err.path.endswith("bank.yaml") and err.reason
        return
    assert bank.items


@LIGHT
@given(st.text(max_size=300))
def test_arbitrary_text_as_quiz_bank(text):
    check_bank_loads_or_quiz_error(text)


@LIGHT
@given(st.data())
def test_mutated_quiz_bank_loads_or_raises_quiz_bank_error(data):
    import yaml

    doc = copy.deepcopy(_bank_doc())
    for _ in range(data.draw(st.integers(1, 3))):
        item = doc["items"][data.draw(st.integers(0, len(doc["items"]) - 1))]
        key = data.draw(st.sampled_from(sorted(item) + ["extra"]))
        if data.draw(st.booleans()):
            item.pop(key, None)
        else:
            item[key] = data.draw(JSONISH)
    if data.draw(st.integers(0, 9)) == 0:
        doc[data.draw(st.sampled_from(["notebook", "title", "items", "version"]))] = data.draw(JSONISH)
    check_bank_loads_or_quiz_error(yaml.safe_dump(doc, allow_unicode=True))


# --- progress store --------------------------------------------------------------------------------
def check_progress_file(data: bytes):
    from nbkit.progress.frame import frame
    from nbkit.progress.store import ProgressStore

    path = write("progress.json", data)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        try:
            store = ProgressStore(path)
            records = store.records()
            assert isinstance(records, list) and all(isinstance(r, dict) for r in records)
            store.last_attempt("a", "b", "c")
            path.write_bytes(data)
            frame(path)
        except nbkit.ProgressStoreError:
            pass


PROGRESS_DOCS = st.fixed_dictionaries(
    {
        "format": st.just("nbkit-progress"),
        "version": st.just(1),
        "records": st.lists(
            JSONISH
            | st.fixed_dictionaries(
                {"learner": JSONISH, "item": JSONISH, "attempt": JSONISH, "correct": JSONISH, "time": JSONISH}
            ),
            max_size=3,
        ),
    }
)


@LIGHT
@given(st.binary(max_size=200) | PROGRESS_DOCS.map(lambda d: __import__("json").dumps(d).encode()))
def test_any_progress_file_reads_as_records_or_raises_progress_store_error(data):
    check_progress_file(data)
