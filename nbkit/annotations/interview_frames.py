"""Argument-layer frames exposed as properties of :class:`nbkit.Interview`."""

from __future__ import annotations


class AnnotationFrames:
    """Mixin of :class:`nbkit.Interview` for the argument layer (claims, actors, mentions…)."""
