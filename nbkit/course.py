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

__all__ = [
    "AnnotatedInterview",
    "load_interview",
    "load_annotations",
    "load_claims",
    "load_argument_links",
    "load_actors",
    "load_aliases",
    "load_mentions",
    "load_treaty_articles",
    "load_timeline",
    "load_glossary",
    "load_marker_lexicon",
    "load_markers",
    "load_sentence_certainty",
    "load_estimative_probability",
]


def _annotation_frame(iv: AnnotatedInterview, name: str):
    return iv.annotations.frame(name)


class AnnotatedInterview(Interview):
    """An :class:`nbkit.Interview` with its argument layer: the text frames plus the annotation frames.

    ``annotations``: the :class:`AnnotationLayer` (built on first use from ``data_dir``, default the
    bundled files). Lexical frames (actors, aliases, mentions, glossary, marker_lexicon, markers, sentence_certainty,
    estimative_probability) work
    for any interview; the curated ones (claims, argument_links, treaty_articles, timeline) raise
    :class:`nbkit.DataValidationError` for any text but the bundled one.
    """

    def __init__(self, *text_args, data_dir: str | Path | None = None, **text_kwargs):
        """``text_args`` and ``text_kwargs``: those of :class:`nbkit.Interview`; ``data_dir``: the annotation files."""
        super().__init__(*text_args, **text_kwargs)
        self.data_dir = data_dir

    @cached_property
    def annotations(self) -> AnnotationLayer:
        """The argument layer of this interview (frames built once, on first use)."""
        return AnnotationLayer(self, self.data_dir)

    claims = frames.frame_property("claims", _annotation_frame)
    argument_links = frames.frame_property("argument_links", _annotation_frame)
    actors = frames.frame_property("actors", _annotation_frame)
    aliases = frames.frame_property("aliases", _annotation_frame)
    mentions = frames.frame_property("mentions", _annotation_frame)
    treaty_articles = frames.frame_property("treaty_articles", _annotation_frame)
    timeline = frames.frame_property("timeline", _annotation_frame)
    glossary = frames.frame_property("glossary", _annotation_frame)
    marker_lexicon = frames.frame_property("marker_lexicon", _annotation_frame)
    markers = frames.frame_property("markers", _annotation_frame)
    sentence_certainty = frames.frame_property("sentence_certainty", _annotation_frame)
    estimative_probability = frames.frame_property("estimative_probability", _annotation_frame)


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


load_claims = _loader("claims")
load_argument_links = _loader("argument_links")
load_actors = _loader("actors")
load_aliases = _loader("aliases")
load_mentions = _loader("mentions")
load_treaty_articles = _loader("treaty_articles")
load_timeline = _loader("timeline")
load_glossary = _loader("glossary")
load_marker_lexicon = _loader("marker_lexicon")
load_markers = _loader("markers")
load_sentence_certainty = _loader("sentence_certainty")
load_estimative_probability = _loader("estimative_probability")
