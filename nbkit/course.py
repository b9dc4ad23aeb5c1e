"""The course's interview: the text frames composed with the argument layer, in one place.

:func:`load_interview` (what ``nbkit.load_interview`` is) returns an :class:`AnnotatedInterview`: an
:class:`nbkit.Interview` that also has the annotation frames (``claims``, ``mentions``, ``timeline``…),
each built once by its :class:`~nbkit.annotations.argument_layer.AnnotationLayer` and handed out as a
fresh copy. The text layer (:mod:`nbkit.interview`) knows nothing of this module.

``nbkit.load_claims()`` and its siblings are the frames of the bundled interview without re-reading
the text each time.

>>> iv = load_interview()
>>> isinstance(iv, Interview), len(iv.paragraphs), len(iv.claims)
(True, 21, 54)
>>> load_claims()["claim_id"].iloc[0]
'C01'
"""

from __future__ import annotations

from functools import cached_property, lru_cache
from pathlib import Path

from . import frames
from .annotations.argument_layer import AnnotationLayer, load_annotations
from .interview import Interview


def _annotation_frame(iv: AnnotatedInterview, name: str):
    return iv.annotations.frame(name)


class AnnotatedInterview(Interview):
    """An :class:`nbkit.Interview` with its argument layer: the text frames plus the annotation frames.

    ``annotations``: the :class:`AnnotationLayer` (built on first use from ``data_dir``, default the
    bundled files). Lexical frames (actors, aliases, mentions, glossary, marker_lexicon, markers, sentence_certainty,
    estimative_probability) work for any interview; the curated ones (claims, argument_links, treaty_articles,
    timeline, outside_views) raise :class:`nbkit.DataValidationError` for any text but the bundled one, except
    claims and argument_links coded by the teacher in the text's course folder (``annotations/`` beside the
    file: ``nbkit annotate``; ``annotations.coded_claims`` counts the coded rows).
    """

    def __init__(self, *text_args, data_dir: str | Path | None = None, **text_kwargs):
        """``text_args`` and ``text_kwargs``: those of :class:`nbkit.Interview`; ``data_dir``: the annotation files."""
        super().__init__(*text_args, **text_kwargs)
        self.data_dir = data_dir

    @cached_property
    def annotations(self) -> AnnotationLayer:
        """The argument layer of this interview (frames built once, on first use)."""
        return AnnotationLayer(self, self.data_dir)


def load_interview(path: str | Path | None = None, question_lines: list[int] | None = None) -> AnnotatedInterview:
    """Load an interview of the series with its argument layer; with no ``path``, the bundled
    "Assessing North Korea-Russia Relations".

    ``question_lines`` (1-based line numbers) overrides question detection for a text the rules get wrong.
    Raises ``FileNotFoundError`` for a missing file and :class:`nbkit.InterviewFormatError` for a text
    that is not in the series' format.
    """
    return AnnotatedInterview.load(path, question_lines)


@lru_cache(maxsize=1)
def _bundled() -> AnnotatedInterview:
    return load_interview()


def _loader(name: str):
    def load():
        return getattr(_bundled(), name)

    load.__name__ = load.__qualname__ = f"load_{name}"
    load.__doc__ = (
        f"{frames.schema()['frames'][name]['description']} A fresh copy of ``nbkit.load_interview().{name}``."
    )
    return frames.returns(name)(load)


#: The argument layer's frames (``frames.yaml``, layer "annotations"): each is a property of
#: :class:`AnnotatedInterview` and has a ``load_<name>()`` shortcut for the bundled interview.
ANNOTATION_FRAMES = frames.frame_names("annotations")

for _name in ANNOTATION_FRAMES:
    setattr(AnnotatedInterview, _name, frames.frame_property(_name, _annotation_frame))
    globals()[f"load_{_name}"] = _loader(_name)
del _name

__all__ = ["AnnotatedInterview", "load_interview", "load_annotations", *(f"load_{n}" for n in ANNOTATION_FRAMES)]
