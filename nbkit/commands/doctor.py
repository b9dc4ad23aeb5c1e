"""Check the environment a course needs, and say what to fix for each problem.

Each check prints one line, ``ok``, ``FIX`` (a problem; the next line says what to do) or
``note`` (an optional feature is missing: handouts as PDF, the app, Parquet export).
Exit code 0 when nothing needs fixing, 1 otherwise; ``--strict`` also counts the notes.
"""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..chromium import find_chromium
from ..config import settings, variable
from . import OK, PROBLEM

HELP = "check Python, packages, widgets, offline charts, the progress folder and Chromium"

#: Packages that optional features need: name -> what it is for.
#: Optional packages: what each is for, and the nbkit extra that installs it (pyproject.toml).
OPTIONAL = {
    "nbclient": ("running notebooks for handouts (nbkit handout)", "tools"),
    "nbconvert": ("writing handouts (nbkit handout)", "tools"),
    "vl-convert-python": ("static charts: handouts and saved charts", "tools"),
    "pyarrow": ("nbkit export --format parquet", "parquet"),
}


@dataclass
class Check:
    """One result: ``status`` is "ok", "fix" or "note"; ``fix`` says what to do."""

    name: str
    status: str
    detail: str
    fix: str = ""


def add_arguments(p) -> None:
    p.add_argument(
        "--strict",
        action="store_true",
        help="exit with 1 also when an optional feature (PDF, app, Parquet) is unavailable",
    )


def _version(dist: str) -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return None


def check_python() -> Check:
    from importlib.metadata import metadata

    from packaging.specifiers import SpecifierSet

    spec = metadata("nbkit").json.get("requires_python", "")
    here = ".".join(map(str, sys.version_info[:3]))
    if not spec or here in SpecifierSet(spec):
        return Check("Python", "ok", f"{here} ({sys.executable}; nbkit needs {spec or 'any'})")
    return Check(
        "Python",
        "fix",
        f"{here} is too old; nbkit needs Python {spec}",
        f"install Python {spec} and make a new environment (see the README's quick start)",
    )


def check_packages() -> list[Check]:
    """Every requirement of the course (from nbkit's installed metadata) against its lower bound: the core
    package and the ``lab`` extra (JupyterLab and Voila, where the course runs)."""
    from importlib.metadata import requires

    from packaging.requirements import Requirement

    out = []
    for line in requires("nbkit") or []:
        req = Requirement(line)
        if req.marker is not None and not any(req.marker.evaluate({"extra": e}) for e in ("", "lab")):
            continue  # another extra (tools, class, test…): optional, or not needed to run a course
        have = _version(req.name)
        spec = str(req.specifier) or "any version"
        if have is None:
            out.append(
                Check(
                    req.name, "fix", f"not installed (nbkit needs {spec})", f'pip install "{req.name}{req.specifier}"'
                )
            )
        elif req.specifier and not req.specifier.contains(have, prereleases=True):
            out.append(
                Check(
                    req.name,
                    "fix",
                    f"{have} installed, nbkit needs {spec}",
                    f'pip install --upgrade "{req.name}{req.specifier}"',
                )
            )
        else:
            out.append(Check(req.name, "ok", f"{have} ({spec})"))
    return out


def check_optional() -> list[Check]:
    out = []
    for name, (use, extra) in OPTIONAL.items():
        have = _version(name)
        if have:
            out.append(Check(name, "ok", f"{have} (for {use})"))
        else:
            out.append(Check(name, "note", f"not installed; needed for {use}", f'pip install "nbkit[{extra}]"'))
    return out


def labextension_dirs() -> list[Path]:
    """The folders JupyterLab reads prebuilt extensions from (``share/jupyter/labextensions``)."""
    from jupyter_core.paths import jupyter_path

    return [Path(p) for p in jupyter_path("labextensions")]


def check_widgets() -> Check:
    name = "@jupyter-widgets/jupyterlab-manager"
    for folder in labextension_dirs():
        pkg = folder / name / "package.json"
        if pkg.is_file():
            import json

            ver = json.loads(pkg.read_text(encoding="utf-8")).get("version", "?")
            return Check("widgets in JupyterLab", "ok", f"{name} {ver} in {folder}")
    return Check(
        "widgets in JupyterLab",
        "fix",
        f"{name} not found in {', '.join(map(str, labextension_dirs()))}; quizzes will not show in JupyterLab",
        'pip install --force-reinstall "jupyterlab_widgets>=3" (it ships the extension), then restart JupyterLab',
    )


def check_renderer() -> Check:
    missing = [m for m in ("anywidget", "vl_convert") if _spec(m) is None]
    if missing:
        pkgs = " ".join({"vl_convert": "vl-convert-python"}.get(m, m) for m in missing)
        return Check("offline charts", "fix", f"cannot import {', '.join(missing)}", f"pip install {pkgs}")
    try:
        import pandas as pd

        from ..charts.rendering import chart_to_svg
        from ..jsonschema_import import import_altair

        alt = import_altair()

        svg = chart_to_svg(alt.Chart(pd.DataFrame({"x": [1, 2]})).mark_bar().encode(x="x:Q"))
    except Exception as exc:  # any failure here is what the teacher must hear about
        return Check(
            "offline charts",
            "fix",
            f"a test chart could not be drawn ({type(exc).__name__}: {exc})",
            "reinstall the renderer: pip install --force-reinstall vl-convert-python anywidget",
        )
    if "<svg" not in svg:
        return Check(
            "offline charts",
            "fix",
            "the test chart did not come out as SVG",
            "pip install --force-reinstall vl-convert-python",
        )
    return Check(
        "offline charts", "ok", f"anywidget and vl-convert import; a test chart drew as SVG ({len(svg)} bytes)"
    )


def _spec(module: str):
    from importlib.util import find_spec

    return find_spec(module)


def check_progress() -> Check:
    from ..progress.store import default_path

    var = variable("progress_path")
    path = default_path()
    where = f"{path}" + (f" (from {var})" if settings().progress_path else "")
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".nbkit-doctor-", delete=True) as fh:
            fh.write(b"ok")
            fh.flush()
    except OSError as exc:
        return Check(
            "progress store",
            "fix",
            f"{where}: cannot write in {folder} ({exc.strerror or exc})",
            f"set {var} to a file in a folder you can write to, e.g. export {var}=$HOME/nbkit-progress.json",
        )
    if path.exists() and not os.access(path, os.W_OK):
        return Check(
            "progress store",
            "fix",
            f"{where}: the file is read-only",
            f"make it writable (chmod u+w {path}) or set {var} to another file",
        )
    state = "exists" if path.exists() else "will be created at the first answer"
    return Check("progress store", "ok", f"{where}, writable, {state}")


def check_chromium() -> Check:
    found = find_chromium()
    if found:
        return Check("Chromium", "ok", f"{found} (for nbkit handout --to pdf)")
    return Check(
        "Chromium",
        "note",
        "not found; needed only for handouts as PDF (HTML handouts work without it)",
        f"install Chromium (Debian/Ubuntu: sudo apt-get install chromium) or set {variable('chromium')} to its path",
    )


def check_course_data() -> Check:
    try:
        from ..interview import load_interview
        from ..quiz.bank import list_banks, load_bank

        iv = load_interview()
        banks = list_banks()
        n = sum(len(load_bank(b).items) for b in banks)
    except Exception as exc:
        return Check(
            "course data",
            "fix",
            f"{type(exc).__name__}: {exc}",
            "reinstall nbkit (pip install -e . in the course folder)",
        )
    return Check(
        "course data", "ok", f"interview of {len(iv.paragraphs)} paragraphs; {len(banks)} quiz banks, {n} items"
    )


def checks() -> list[Check]:
    """All checks, in the order printed."""
    return [
        check_python(),
        *check_packages(),
        *check_optional(),
        check_widgets(),
        check_renderer(),
        check_progress(),
        check_chromium(),
        check_course_data(),
    ]


_LABEL = {"ok": "ok  ", "fix": "FIX ", "note": "note"}


def run(args) -> int:
    """Check the environment a course needs and say what to fix for each problem.

    Checks: Python and package versions (against nbkit's declared lower bounds), optional
    packages, the widgets extension of JupyterLab, the offline chart renderer (draws a test
    chart), the progress file's folder (writable?), Chromium (for PDF handouts), the course data.
    Exit code 0 when nothing needs fixing, 1 otherwise (--strict: also when an optional part is missing).
    """
    results = checks()
    for c in results:
        print(f"{_LABEL[c.status]}  {c.name}: {c.detail}")
        if c.fix:
            print(f"      -> {c.fix}")
    fixes = sum(c.status == "fix" for c in results)
    notes = sum(c.status == "note" for c in results)
    if fixes:
        print(f"\n{fixes} problem(s) to fix, {notes} optional part(s) missing.")
    else:
        print(f"\nAll set: nothing to fix ({notes} optional part(s) missing).")
    return PROBLEM if fixes or (args.strict and notes) else OK
