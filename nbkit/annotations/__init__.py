"""The argument layer: curated data about the bundled interview, checked against its text.

Files: ``annotation_files`` (read and schema-check one file), ``argument_layer`` (every frame of one
interview, built once), ``claims``, ``context`` (treaty articles, timeline), ``mentions``, ``markers``
``lexicon_matching`` (whole-word, longest-first matching of a lexicon) and ``link_table`` (argument links
with both claims' summaries, for notebooks). :mod:`nbkit.course` joins this layer to the text.
"""
