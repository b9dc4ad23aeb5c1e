"""HTML from Jinja templates: one environment over ``nbkit/data/templates/``, autoescape on.

Every piece of bank text reaches HTML through :func:`render`, so it is escaped by the template
engine, never by hand. Templates are named by folder: ``quiz/feedback.html.j2``, ``handout/teacher_key.html.j2``.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["environment", "render"]


@lru_cache(maxsize=1)
def environment():
    """The Jinja environment of nbkit's templates (autoescape on, undefined names are errors)."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("nbkit", "data/templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(name: str, **context) -> str:
    """The template ``name`` rendered with ``context`` (all text escaped).

    >>> render("quiz/answer.html.j2", answer="a < b")
    '<p class="nbkit-answer"><strong>Answer:</strong> a &lt; b</p>'
    """
    return environment().get_template(name).render(**context)
