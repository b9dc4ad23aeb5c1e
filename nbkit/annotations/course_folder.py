"""A teacher's course folder: another interview with the claims and argument links the teacher codes.

Layout (the folder of the interview file, as ``nbkit new-course`` and ``nbkit annotate`` write it)::

    FOLDER/interview.txt
    FOLDER/annotations/manifest.yaml       title, interview, sha256 of the text, curated: [claims, argument_links]
    FOLDER/annotations/claims.csv          one row per answer sentence; the teacher fills kind, voice, stance…
    FOLDER/annotations/argument_links.csv  header only; the teacher adds links between coded claims

:func:`write_claims_template` writes the ``annotations/`` files; :func:`find_course_annotations` finds them again
for an interview loaded from that folder. The files have the same columns, schemas and checks as the bundled
ones (docs/coding-rules.md, "Coding another interview"); a row of claims.csv whose kind, voice and stance are
all empty is not coded yet and is skipped.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from .. import validation
from ..errors import DataValidationError
from .annotation_files import AnnotationFile, read_annotation_file

__all__ = [
    "ANNOTATIONS",
    "CURATED",
    "CODING_FIELDS",
    "CourseAnnotations",
    "write_claims_template",
    "find_course_annotations",
    "claim_rows",
    "is_coded",
]

#: The sub-folder of a course folder that holds the teacher's annotation files.
ANNOTATIONS = "annotations"
#: The curated frames a course folder can give (the other curated frames stay bundled-only).
CURATED = ("claims", "argument_links")
#: The columns of claims.csv the teacher codes; a row with all three empty is not coded yet.
CODING_FIELDS = ("kind", "voice", "stance")

MANIFEST_SCHEMA = "schemas/manifest.yaml.schema.json"

_MANIFEST_HEADER = """\
# The teacher's coding of this course's interview (nbkit annotate; docs/coding-rules.md, "Coding another interview").
# sha256 is that of the interview's text: nbkit uses claims.csv and argument_links.csv only for that text.
# If you correct the text, put its new sha256 here (nbkit annotate prints it); every quote is checked again.
"""


def is_coded(row: dict) -> bool:
    """The claims.csv row has any of kind, voice, stance filled (a template row has none)."""
    return any((row.get(f) or "").strip() for f in CODING_FIELDS)


def claim_rows(iv) -> list[dict[str, str]]:
    """The template rows of ``iv``: one per answer sentence, in reading order, ids C01, C02…, the quote the
    verbatim sentence; summary, kind, voice, stance and actors empty."""
    answers = iv.sentences[iv.sentences["role"] == "answer"]
    width = max(2, len(str(len(answers))))
    return [
        {
            "claim_id": f"C{n:0{width}d}",
            "paragraph_id": str(int(s.paragraph_id)),
            "quote": s.text,
            "summary": "",
            "kind": "",
            "voice": "",
            "stance": "",
            "actors": "",
        }
        for n, s in enumerate(answers.itertuples(index=False), 1)
    ]


def _header(file_name: str) -> list[str]:
    return list(validation.load_schema(f"schemas/{file_name}.schema.json")["properties"])


def _csv_text(columns: list[str], rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _write_atomic(path: Path, text: str) -> None:
    # Hand-written (tempfile + os.replace, as nbkit.progress.store does): no dependency for three small files;
    # a reader never sees a half-written file.
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _title(iv) -> str:
    name = iv.meta["interviewee"].iloc[0]
    return f"Interview with {name}" if isinstance(name, str) and name.strip() else f"Interview {iv.interview_id}"


def write_claims_template(iv, folder: str | Path, overwrite: bool = False) -> list[Path]:
    """Write the claims template of interview ``iv`` into course folder ``folder``; return the paths written.

    Writes ``annotations/manifest.yaml`` (title, interview file, sha256 of the text, curated: claims and
    argument_links), ``annotations/claims.csv`` (:func:`claim_rows`) and ``annotations/argument_links.csv``
    (header only). When ``iv`` was not read from ``folder``, its text is also written there as
    ``interview.txt`` (loading that file then finds the annotations). Raises ``FileExistsError`` when
    claims.csv exists (it may hold the teacher's coding) unless ``overwrite``, and
    :class:`nbkit.DataValidationError` when ``folder/interview.txt`` is another text.
    """
    folder = Path(folder)
    target = folder / ANNOTATIONS
    claims = target / "claims.csv"
    if claims.exists() and not overwrite:
        raise FileExistsError(
            f"{claims} exists and may hold your coding; move it away first, or overwrite it (nbkit annotate --force)."
        )
    sha256 = str(iv.meta["sha256"].iloc[0])
    written: list[Path] = []
    interview_name = iv.path.name if iv.path is not None else "interview.txt"
    if iv.path is None or iv.path.resolve().parent != folder.resolve():
        interview_name = "interview.txt"
        copy = folder / interview_name
        if copy.exists():
            from ..interview import load_interview

            if str(load_interview(copy).meta["sha256"].iloc[0]) != sha256:
                raise DataValidationError(
                    str(copy),
                    None,
                    None,
                    "is another text than the interview to annotate. Choose an empty folder, or the folder of the "
                    "interview file.",
                )
        else:
            folder.mkdir(parents=True, exist_ok=True)
            _write_atomic(copy, iv.source)
            written.append(copy)
    target.mkdir(parents=True, exist_ok=True)
    manifest = {
        "interview": interview_name,
        "title": _title(iv),
        "sha256": sha256,
        "curated": list(CURATED),
    }
    files = {
        target / "manifest.yaml": _MANIFEST_HEADER
        + yaml.safe_dump(manifest, sort_keys=False, allow_unicode=True, default_flow_style=None, width=1000),
        claims: _csv_text(_header("claims.csv"), claim_rows(iv)),
        target / "argument_links.csv": _csv_text(_header("argument_links.csv"), []),
    }
    for path, text in files.items():
        _write_atomic(path, text)
        written.append(path)
    return written


@dataclass(frozen=True)
class CourseAnnotations:
    """The ``annotations/`` folder of a course folder: ``folder`` (Path), ``manifest`` (dict, schema-checked)."""

    folder: Path
    manifest: dict

    @property
    def manifest_path(self) -> Path:
        return self.folder / "manifest.yaml"

    @property
    def curated(self) -> tuple[str, ...]:
        """The frames this folder gives (claims, argument_links)."""
        return tuple(self.manifest["curated"])

    def require_text(self, sha256: str, interview_id: str, frame: str) -> None:
        """Raise :class:`nbkit.DataValidationError` (field sha256) unless the manifest describes the text ``sha256``."""
        if self.manifest["sha256"] == sha256:
            return
        raise DataValidationError(
            str(self.manifest_path),
            None,
            "sha256",
            f"the curated frame '{frame}' is coded for a text with sha256 {self.manifest['sha256'][:12]}…, not for "
            f"'{interview_id}' (sha256 {sha256}). The text changed after the template was written: if the coded "
            f"quotes are still in it, put the new sha256 in manifest.yaml (each quote is checked again); else "
            f"write a new template with nbkit annotate --force.",
        )

    def _raw_claims(self, missing: str) -> list[dict[str, str]]:
        source = self.folder / "claims.csv"
        text = validation.read_text(source, DataValidationError, missing)
        return validation.parse_csv(text, str(source), _header("claims.csv"), DataValidationError)

    def claim_ids(self) -> set[str]:
        """Every claim_id of claims.csv, coded or not."""
        return {r["claim_id"] for r in self._raw_claims("the file is missing.")}

    def read(self, frame: str) -> AnnotationFile:
        """The schema-checked rows of ``frame``'s file; for claims only the coded rows (:func:`is_coded`),
        each keeping its row number in the file."""
        name = f"{frame}.csv"
        missing = f"the file is missing. Write it again with its header line: {','.join(_header(name))}."
        if frame != "claims":
            return read_annotation_file(name, self.folder, missing=missing)
        for i, row in enumerate(self._raw_claims(missing), 1):
            empty = [f for f in CODING_FIELDS if not row[f].strip()]
            if is_coded(row) and empty:  # the schema would only say "'' is not a known value"
                filled = [f for f in CODING_FIELDS if f not in empty]
                raise DataValidationError(
                    str(self.folder / name),
                    i,
                    empty[0],
                    f"the row is partly coded: {' and '.join(filled)} filled, {' and '.join(empty)} empty. "
                    f"Fill in all of {', '.join(CODING_FIELDS)}, or leave all three empty to skip the row.",
                )
        return read_annotation_file(name, self.folder, keep=is_coded, missing=missing)


def find_course_annotations(iv) -> CourseAnnotations | None:
    """The teacher's annotations of ``iv``: ``annotations/manifest.yaml`` in the folder of its file, schema-checked;
    None when ``iv`` has no file or that folder has no manifest. Whether the manifest describes ``iv``'s text is
    checked when a frame is built (:meth:`CourseAnnotations.require_text`)."""
    if iv.path is None:
        return None
    folder = Path(iv.path).parent / ANNOTATIONS
    source = folder / "manifest.yaml"
    if not source.is_file():
        return None
    path = str(source)
    data = validation.parse_yaml(validation.read_text(source, DataValidationError), path, DataValidationError)
    if not isinstance(data, dict):
        raise DataValidationError(path, None, None, "expected a mapping of field: value (title, sha256, curated).")
    # A course folder has no timeline, so the month of publication is optional there; the rest as bundled.
    found = [
        f
        for f in validation.findings(data, MANIFEST_SCHEMA)
        if not (f.field == "published" and "published" not in data)
    ]
    if found:
        raise DataValidationError(path, None, found[0].field, found[0].reason)
    unknown = [f for f in data["curated"] if f not in CURATED]
    if unknown:
        raise DataValidationError(
            path,
            None,
            "curated",
            f"{unknown[0]!r} cannot come from a course folder. List only {', '.join(CURATED)}; "
            "the other curated frames exist for the bundled interview only.",
        )
    return CourseAnnotations(folder, data)
