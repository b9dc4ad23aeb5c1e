"""nbkit: the interview "Assessing North Korea-Russia Relations" (The Diplomat, 2024) as tidy frames,
with quizzes and charts for a Jupyter course.

Quick start::

    import nbkit
    nbkit.setup()                    # charts that draw with no network
    iv = nbkit.load_interview()      # the bundled interview
    iv.paragraphs.head()

``import nbkit`` imports nothing else: every public name below is imported from its module the first
time it is used (PEP 562), so ``import nbkit.interview`` loads the text layer alone.
"""

from __future__ import annotations

import importlib

#: Public name -> the module that defines it (relative to nbkit).
_HOMES = {
    # the interview as frames
    "Interview": "interview",
    "load_corpus": "interview",
    "kwic": "concordance",
    "load_instruction_verbs": "lexicons",
    # the course's interview: text plus argument layer
    "AnnotatedInterview": "course",
    "load_interview": "course",
    "load_annotations": "course",
    "load_claims": "course",
    "load_argument_links": "course",
    "load_actors": "course",
    "load_aliases": "course",
    "load_mentions": "course",
    "load_treaty_articles": "course",
    "load_timeline": "course",
    "load_outside_views": "course",
    "load_glossary": "course",
    "load_marker_lexicon": "course",
    "load_markers": "course",
    "load_sentence_certainty": "course",
    "load_estimative_probability": "course",
    # charts
    "setup": "charts.rendering",
    "save_chart": "charts.rendering",
    # errors
    "NbkitError": "errors",
    "InterviewFormatError": "errors",
    "DataValidationError": "errors",
    "QuizBankError": "errors",
    "ProgressStoreError": "errors",
    "AgreementError": "agreement",
}
_SUBPACKAGES = ("quiz", "progress", "charts", "exercise", "agreement")

__all__ = [*_HOMES, *_SUBPACKAGES]


def __getattr__(name: str):
    """Import a public name (or the subpackages ``quiz``, ``progress``, ``charts``, ``exercise``, ``agreement``,
    or read ``__version__``) on first use.

    ``nbkit.progress()`` returns the progress frame and ``nbkit.agreement(mine, theirs)`` compares two
    codings (the modules are callable).
    """
    if name in _SUBPACKAGES:
        return importlib.import_module(f"{__name__}.{name}")
    if name == "__version__":  # the one version is pyproject.toml's; reading it costs ~0.2 s, so only on use
        from importlib.metadata import PackageNotFoundError, version

        try:
            value = version("nbkit")
        except PackageNotFoundError:  # a source tree that is not installed
            value = "0+unknown"
        globals()[name] = value
        return value
    if name in _HOMES:
        value = getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__, "__version__"})
