"""The progress store: one JSON file of every quiz submission.

Location: ``$NBKIT_PROGRESS`` (a file path) if set, else ``progress.json`` in
``platformdirs.user_data_dir("nbkit")``. Each write reads the file, appends, and replaces it
atomically (temporary file in the same folder, fsync, ``os.replace``) while holding a
``filelock.FileLock`` on ``<file>.lock``, so two kernels writing at once lose nothing and a
killed writer leaves the previous complete file. A corrupt file is renamed aside with a
timestamp and a warning, and a new one is started. A folder that cannot be written (read-only,
disk full) raises :class:`nbkit.errors.ProgressStoreError`; earlier answers stay intact.

File format: ``{"format": "nbkit-progress", "version": 1, "records": [...]}``, each record
``{"learner", "notebook", "item", "attempt", "answer", "correct", "time"}``.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import shutil
import tempfile
import warnings
from datetime import UTC, datetime
from pathlib import Path

from ..config import settings, variable
from ..errors import ProgressStoreError

__all__ = [
    "ProgressStore",
    "default_path",
    "learner_name",
    "record_answer",
    "record_validator",
    "RECORD_SCHEMA",
    "ENV_PATH",
    "ENV_LEARNER",
    "FIELDS",
]

#: The variables behind the progress file and the learner name (read through :func:`nbkit.config.settings`).
ENV_PATH = variable("progress_path")
ENV_LEARNER = variable("learner")
FIELDS = ("learner", "notebook", "item", "attempt", "answer", "correct", "time")
_FORMAT = "nbkit-progress"


def default_path() -> Path:
    """``$NBKIT_PROGRESS`` if set, else ``<user data dir>/nbkit/progress.json``."""
    path = settings().progress_path
    if path is not None:
        return path
    import platformdirs

    return Path(platformdirs.user_data_dir("nbkit")) / "progress.json"


def learner_name() -> str:
    """``$NBKIT_LEARNER`` if set, else the login name (``getpass.getuser()``), else "learner"."""
    name = settings().learner
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "learner"


class ProgressStore:
    """Read and append records of one progress file (default: :func:`default_path`)."""

    def __init__(self, path: str | Path | None = None, timeout: float = 30.0):
        self.path = Path(path) if path is not None else default_path()
        self.timeout = timeout

    def __repr__(self) -> str:
        return f"<ProgressStore {self.path}>"

    def _lock(self):
        from filelock import FileLock

        return FileLock(str(self.path) + ".lock", timeout=self.timeout)

    def records(self) -> list[dict]:
        """All records, oldest first (a copy). A missing file means no records."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._lock():
                return self._read()
        except OSError:
            # Reading must never crash a lesson: fall back to an unlocked read, then to nothing.
            try:
                return self._read(move_aside=False)
            except OSError as exc:
                warnings.warn(
                    f"Cannot read the progress file {self.path} ({exc.strerror or exc}).", RuntimeWarning, stacklevel=2
                )
                return []

    def count(self, learner: str, notebook: str, item: str) -> int:
        """How many records this learner already has for this item."""
        return sum(
            r.get("learner") == learner and r.get("notebook") == notebook and r.get("item") == item
            for r in self.records()
        )

    def last_attempt(self, learner: str, notebook: str, item: str) -> int:
        """The learner's highest attempt number at this item (0 if none)."""
        return max(
            (
                int(r.get("attempt") or 0)
                for r in self.records()
                if r.get("learner") == learner and r.get("notebook") == notebook and r.get("item") == item
            ),
            default=0,
        )

    def append(self, record: dict) -> None:
        """Append one record (keys :data:`FIELDS`) and replace the file atomically."""
        rec = {k: record.get(k) for k in FIELDS}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._lock():
                records = self._read()
                records.append(rec)
                self._write(records)
        except ProgressStoreError:
            raise
        except OSError as exc:
            raise ProgressStoreError(
                self.path,
                f"cannot save your answer ({exc.strerror or exc}). "
                "Earlier answers are safe. Free some disk space, or set "
                f"{ENV_PATH} to a file in a folder you can write to.",
            ) from exc

    def _read(self, move_aside: bool = True) -> list[dict]:
        """The valid records of the file.

        A file that is not a progress file (bad bytes, bad JSON, wrong shape) is renamed aside and
        reading starts afresh; records that break the record schema (``data/schemas/progress_record.schema.json``)
        are left out, after the file is first copied aside, so nothing is lost and nothing crashes.
        """
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return []
        try:
            doc = json.loads(data.decode("utf-8"))
            if not (isinstance(doc, dict) and doc.get("format") == _FORMAT and isinstance(doc.get("records"), list)):
                raise ValueError("not an nbkit progress file")
        except ValueError as exc:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
            if move_aside:
                aside = self._aside("corrupt")
                os.replace(self.path, aside)
                warnings.warn(
                    f"The progress file {self.path} was damaged ({exc}); it was moved to {aside} "
                    "and a new one was started. Send the moved file to your teacher if answers are missing.",
                    RuntimeWarning,
                    stacklevel=3,
                )
            return []
        valid = record_validator().is_valid
        records = [r for r in doc["records"] if valid(r)]
        if len(records) < len(doc["records"]):
            bad = len(doc["records"]) - len(records)
            if move_aside:
                aside = self._aside("damaged")
                shutil.copyfile(self.path, aside)
                warnings.warn(
                    f"The progress file {self.path} holds {bad} damaged record(s); they are left out. "
                    f"The whole file was copied to {aside} first.",
                    RuntimeWarning,
                    stacklevel=3,
                )
        return records

    def _aside(self, kind: str) -> Path:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        return self.path.with_name(f"{self.path.stem}.{kind}-{stamp}{self.path.suffix}")

    def _write(self, records: list[dict]) -> None:
        data = json.dumps({"format": _FORMAT, "version": 1, "records": records}, ensure_ascii=False, indent=1)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        try:  # make the rename itself durable
            dir_fd = os.open(self.path.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
        except OSError:
            pass


#: The schema of one record, under ``nbkit/data/``.
RECORD_SCHEMA = "schemas/progress_record.schema.json"


def record_validator():
    """The validator of one record (``data/schemas/progress_record.schema.json``); shared with class results."""
    from ..validation import validator

    return validator(RECORD_SCHEMA)


def record_answer(
    notebook: str,
    item: str,
    answer: str,
    correct: bool | None,
    attempt: int,
    path: str | Path | None = None,
    learner: str | None = None,
) -> dict:
    """Append one submission to the store and return the record written."""
    rec = {
        "learner": learner or learner_name(),
        "notebook": notebook,
        "item": item,
        "attempt": int(attempt),
        "answer": answer,
        "correct": correct,
        "time": datetime.now(UTC).isoformat(timespec="milliseconds"),
    }
    ProgressStore(path).append(rec)
    return rec
