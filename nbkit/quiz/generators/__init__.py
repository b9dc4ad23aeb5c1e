"""The item generators of :func:`nbkit.quiz.generate.generate_items`, one module per kind of reading skill.

Each generator is ``fn(iv, rng, seed) -> Iterator[dict]``: candidate bank items in an order drawn from ``rng``;
:func:`~nbkit.quiz.generate.generate_items` keeps the first candidate of each that passes the cue checks
together with the items already chosen.
"""
