"""``nbkit check-bank [FILE…]``: the cue risks of quiz banks, item by item, with the guideline each breaks.

A teacher runs it on a bank before class; CI runs it on every bundled bank and on what ``nbkit
new-course`` writes. The banks given are read as one course, so an item whose key another item shows
is found. Exit 1 when any finding is high-risk.
"""

from __future__ import annotations

from pathlib import Path

from . import OK, PROBLEM, UsageError, say

HELP = "report the cue risks of quiz banks (key longest, absolutes, id leaks, items answering items); exit 1 on a high risk"


def add_arguments(p) -> None:
    p.add_argument("files", metavar="FILE", nargs="*", help="quiz bank YAML files (default: every bundled bank)")
    p.add_argument(
        "--interview",
        metavar="FILE",
        help="the interview the banks quote (default: interview.txt beside the banks' quizzes/ folder, as "
        "`nbkit new-course` writes it, else the bundled interview)",
    )
    p.add_argument("--csv", metavar="PATH", help="also write the findings to a CSV file")


def _report(findings, figures, banks) -> str:
    from ..quiz.generators.common import GENERATED_NOTE

    generated = {b.notebook: [it.id for it in b.items if it.data.get("generated")] for b in banks}
    lines = []
    for (notebook, item), group in findings.groupby(["notebook", "item"], sort=False):
        lines.append(f"{notebook}/{item}" if item else f"{notebook} (whole bank)")
        for f in group.itertuples():
            lines.append(f"  {f.risk:<6} {f.check}: {f.detail}.")
            lines.append(f"         {f.guideline} {f.advice}")
    for notebook, ids in generated.items():
        if ids:
            lines.append(f"{notebook}: {len(ids)} item(s) {GENERATED_NOTE}: {', '.join(ids)}")
    lines.append("")
    lines.append("bank                                      choice  key longest  scored  reading  generated")
    for r in figures.itertuples():
        lines.append(
            f"{r.notebook:<42}{r.choice_items:>6}  {r.key_longest_share:>10.0%}  {r.scored:>6}  {r.reading_share:>7.0%}"
            f"  {len(generated.get(r.notebook, [])):>9}"
        )
    return "\n".join(lines)


def _interview(bank: Path, given: str | None):
    """The interview a bank quotes: ``--interview``, else ``interview.txt`` beside its ``quizzes/`` folder."""
    from ..course import load_interview

    if given:
        if not Path(given).is_file():
            raise UsageError(f"no such interview: {given}")
        return load_interview(given)
    beside = bank.resolve().parent.parent / "interview.txt"
    return load_interview(beside) if bank.parent.name == "quizzes" and beside.is_file() else None


def run(args) -> int:
    """Read each quiz bank (every bundled bank when no FILE is given) and report, per item, the cue risks a
    test-wise reader could use: the key is the longest option, absolute words only in distractors, options of
    very different length, stem words repeated in the key, an id that names the answer, another item that shows
    this item's key or quotes its evidence, a repeated stem, a key always in the same place, items without a
    purpose; then the generated items of each bank ("generated - review before class"), and per bank the share of
    choice items whose key is the longest option, the share of reading items among scored ones and the number of
    generated items. docs/check-bank.md explains each check with an example from this course.
    """
    from ..quiz.bank import list_banks, load_bank
    from ..quiz.cues import bank_figures, find_cues

    if args.files:
        missing = [f for f in args.files if not Path(f).is_file()]
        if missing:
            raise UsageError(f"no such quiz bank: {', '.join(missing)}")
        banks = [load_bank(Path(f), interview=_interview(Path(f), args.interview)) for f in args.files]
    else:
        banks = [load_bank(stem) for stem in list_banks()]
    findings, figures = find_cues(banks), bank_figures(banks)
    print(_report(findings, figures, banks))
    if args.csv:
        findings.to_csv(args.csv, index=False)
    high = int((findings["risk"] == "high").sum())
    say(f"{len(findings)} finding(s) in {len(banks)} bank(s), {high} high-risk")
    return PROBLEM if high else OK
