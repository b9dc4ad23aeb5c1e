"""Read an interview file into text and split it into paragraph lines.

Nothing here changes the text: offsets index the decoded source exactly, so
``source[start:end]`` gives back every paragraph, and the source can be
written back byte for byte (CRLF, byte-order mark and trailing spaces kept).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import InterviewFormatError

__all__ = ["SourceLine", "decode_source", "read_source", "split_lines"]

BOM = "\ufeff"
# Control characters that never occur in a plain-text interview (tab, LF, CR, FF allowed).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class SourceLine:
    """One non-blank line: its 1-based number, and the span of its text (spaces and CR trimmed)."""

    line: int
    start: int
    end: int
    text: str


def read_source(path: str | Path) -> str:
    """Return the decoded text of ``path``; ``FileNotFoundError`` names a missing file."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(
            f"No interview file at {path}. Check the path, "
            "or call load_interview() with no path for the bundled interview."
        )
    if path.is_dir():
        raise InterviewFormatError(
            path, None, "this is a folder, not a text file. Pass the path of one .txt interview file."
        )
    return decode_source(path.read_bytes(), path)


def decode_source(data: bytes, path: str | Path | None = None) -> str:
    r"""Decode UTF-8 bytes, refusing binary data and empty files with an InterviewFormatError.

    >>> decode_source("Intro.\r\nWhy?".encode())
    'Intro.\r\nWhy?'
    >>> decode_source(b"Intro.\n\xff", "iv.txt")
    Traceback (most recent call last):
    ...
    nbkit.errors.InterviewFormatError: iv.txt, line 2: the bytes at byte offset 7 are not valid UTF-8. ...
    """
    if b"\x00" in data:
        offset = data.index(b"\x00")
        raise InterviewFormatError(
            path,
            data[:offset].count(b"\n") + 1,
            f"this looks like binary data (a NUL byte at byte offset {offset}), not an interview. "
            "Save the interview as plain UTF-8 text, one paragraph per line.",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InterviewFormatError(
            path,
            data[: exc.start].count(b"\n") + 1,
            f"the bytes at byte offset {exc.start} are not valid UTF-8. "
            "Re-save the file as UTF-8 (in most editors: Save As, encoding UTF-8).",
        ) from None
    bad = _CONTROL.search(text)
    if bad:
        raise InterviewFormatError(
            path,
            text[: bad.start()].count("\n") + 1,
            f"this looks like binary data (control character U+{ord(bad.group()):04X} at character {bad.start()}), "
            "not an interview. Save the interview as plain UTF-8 text, one paragraph per line.",
        )
    if not text.replace(BOM, "").strip():
        raise InterviewFormatError(
            path,
            1,
            "the file is empty (or only whitespace). Expected an introduction on line 1, "
            "then the interviewer's questions, each followed by its answer paragraphs.",
        )
    return text


def split_lines(text: str) -> list[SourceLine]:
    r"""Split ``text`` into its non-blank lines with exact offsets.

    A leading byte-order mark, leading and trailing whitespace and a CR before
    the newline are outside the span; blank lines are skipped but keep their
    line numbers, so ``line`` is always the line a text editor shows.

    >>> text = "\ufeffIntro.\r\n\r\n  Why? \r\nBecause."
    >>> for line in split_lines(text):
    ...     print(line.line, line.start, line.end, repr(text[line.start:line.end]))
    1 1 7 'Intro.'
    3 13 17 'Why?'
    4 20 28 'Because.'
    """
    lines: list[SourceLine] = []
    pos = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        start, end = pos, pos + len(raw)
        pos = end + 1
        if number == 1 and raw.startswith(BOM):
            start += 1
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            lines.append(SourceLine(number, start, end, text[start:end]))
    return lines
