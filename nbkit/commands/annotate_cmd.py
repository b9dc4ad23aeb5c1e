"""``nbkit annotate INTERVIEW.txt [DIR]``: the claims template a teacher codes for another interview.

Writes DIR/annotations/ (manifest.yaml, claims.csv with one row per answer sentence, argument_links.csv with its
header) by :func:`nbkit.annotations.course_folder.write_claims_template`; DIR defaults to the interview's folder
(a ``nbkit new-course`` folder holds ``interview.txt``). Run it again once rows are coded (``--check``) to
validate them. Coding rules: docs/coding-rules.md, "Coding another interview".
"""

from __future__ import annotations

from pathlib import Path

from . import OK, PROBLEM, UsageError, say

HELP = "write the claims template of another interview for the teacher to code (--check: validate the coding)"


def add_arguments(p) -> None:
    p.add_argument("interview", metavar="INTERVIEW.txt", help="the interview: one paragraph per line, UTF-8")
    p.add_argument("dir", metavar="DIR", nargs="?", help="the course folder (default: the interview's folder)")
    p.add_argument("--force", action="store_true", help="overwrite an existing claims.csv (its coding is lost)")
    p.add_argument("--check", action="store_true", help="write nothing; validate the coded rows and count them")


def _check(src: Path) -> int:
    from ..course import load_interview

    iv = load_interview(src)
    layer = iv.annotations
    if layer.course is None and not layer.is_bundled:
        say(f"{src.parent / 'annotations' / 'manifest.yaml'} not found; write the template first: nbkit annotate {src}")
        return PROBLEM
    claims, links = layer.frame("claims"), layer.frame("argument_links")  # every check runs; a problem raises
    total = len(layer.course.claim_ids()) if layer.course is not None else len(claims)
    say(
        f"{src}: {len(claims)} of {total} claims coded, {len(links)} argument links; every coded row is valid "
        f"(sha256 {iv.meta['sha256'].iloc[0]})."
    )
    return OK


def run(args) -> int:
    """Write the claims template of the interview INTERVIEW.txt into DIR/annotations/ for the teacher to code.

    claims.csv gets one row per answer sentence (claim_id, paragraph_id, the verbatim sentence as quote; summary,
    kind, voice, stance and actors left empty); argument_links.csv its header; manifest.yaml the text's
    sha256. DIR defaults to the interview's folder; when it is another folder, the interview is copied there
    as interview.txt. Load DIR/interview.txt (or the interview) with nbkit.load_interview: coded rows become
    interview.claims. Exit code 1 when claims.csv exists (use --force) or a coded row is invalid (--check).
    """
    src = Path(args.interview)
    if not src.is_file():
        raise UsageError(f"{src} not found; give the interview's text file (one paragraph per line)")
    if args.check:
        return _check(src)
    dest = Path(args.dir) if args.dir else src.parent
    if dest.exists() and not dest.is_dir():
        raise UsageError(f"{dest} is a file; give a folder for the course")
    from ..annotations.course_folder import claim_rows, write_claims_template
    from ..course import load_interview

    iv = load_interview(src)
    try:
        written = write_claims_template(iv, dest, overwrite=args.force)
    except FileExistsError as exc:
        say(f"{exc} Nothing written.")
        return PROBLEM
    for p in written:
        print(p)
    claims = next(p for p in written if p.name == "claims.csv")
    text = src if src.parent.resolve() == dest.resolve() else dest / "interview.txt"
    say(
        f"Claims template written: {len(claim_rows(iv))} rows to code in {claims} "
        f"(sha256 {iv.meta['sha256'].iloc[0]}). Fill summary, kind, voice, stance and actors row by row "
        f'(docs/coding-rules.md, "Coding another interview"); then check with: nbkit annotate --check {text}'
    )
    return OK
