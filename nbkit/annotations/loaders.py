"""Module-level shortcuts: the argument-layer frames of the bundled interview.

``nbkit.load_claims()`` is ``nbkit.load_interview().claims`` without re-reading the text
each time; every call returns a fresh copy. See :class:`nbkit.Interview` for the columns.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["load_claims", "load_argument_links", "load_actors", "load_aliases", "load_mentions",
           "load_treaty_articles", "load_timeline", "load_glossary", "load_marker_lexicon", "load_markers",
           "load_annotations"]


@lru_cache(maxsize=1)
def _bundled():
    from ..interview import load_interview

    return load_interview()


def load_annotations(iv=None, data_dir=None, frames=None):
    """All argument-layer frames of ``iv`` (default: the bundled interview) as ``{name: DataFrame}``.

    ``data_dir``: a folder of annotation files to check instead of the bundled ones.
    Raises :class:`nbkit.DataValidationError` (file, 1-based data row, field) on the first problem.
    """
    from .layer import load_annotations as _load

    return _load(iv if iv is not None else _bundled(), data_dir, frames)


def load_claims():
    """The claims of the bundled interview (see ``Interview.claims`` for the columns)."""
    return _bundled().claims


def load_argument_links():
    """The argument map of the bundled interview (see ``Interview.argument_links``)."""
    return _bundled().argument_links


def load_actors():
    """The actor lexicon (see ``Interview.actors``)."""
    return _bundled().actors


def load_aliases():
    """The alias lexicon (see ``Interview.aliases``)."""
    return _bundled().aliases


def load_mentions():
    """Actor mentions in the bundled interview (see ``Interview.mentions``)."""
    return _bundled().mentions


def load_treaty_articles():
    """The treaty articles the bundled interview cites (see ``Interview.treaty_articles``)."""
    return _bundled().treaty_articles


def load_timeline():
    """Dated events around the bundled interview (see ``Interview.timeline``)."""
    return _bundled().timeline


def load_glossary():
    """The glossary, with first uses in the bundled interview (see ``Interview.glossary``)."""
    return _bundled().glossary


def load_marker_lexicon():
    """The hedge and booster lexicon (see ``Interview.marker_lexicon``)."""
    return _bundled().marker_lexicon


def load_markers():
    """Hedges and boosters in the bundled interview (see ``Interview.markers``)."""
    return _bundled().markers
