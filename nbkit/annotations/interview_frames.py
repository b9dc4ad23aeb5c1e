"""Argument-layer frames exposed as properties of :class:`nbkit.Interview`.

Each frame is read from ``nbkit/data/annotations/``, checked against the text and built
once per interview, on first use; every call returns a fresh copy.
"""

from __future__ import annotations


class AnnotationFrames:
    """Mixin of :class:`nbkit.Interview` for the argument layer (claims, actors, mentions…).

    Works for any interview: ``actors``, ``aliases``, ``mentions``, ``marker_lexicon``,
    ``markers``, ``glossary``. Bundled interview only (else :class:`nbkit.DataValidationError`):
    ``claims``, ``argument_links``, ``treaty_articles``, ``timeline``.
    """

    def _annotation(self, name: str):
        layer = self.__dict__.get("_annotation_layer")
        if layer is None:
            from .layer import AnnotationLayer

            layer = self.__dict__["_annotation_layer"] = AnnotationLayer(self)
        return getattr(layer, name).copy()

    @property
    def claims(self):
        """One row per claim of the argument (curated; bundled interview only).

        Columns: claim_id (str "C01"..), paragraph_id (int, an answer paragraph), question_id (int),
        quote (str, verbatim span of the paragraph; its first occurrence if it repeats), start, end
        (int, offsets into ``source``), summary (str, neutral plain English), kind (category thesis,
        reason, evidence, counterpoint, implication, prediction, context), voice (category lee = her
        own view, prevailing_view = the view she reports and argues against, reported = what others
        report or say), stance (category transactional, strategic, neither), actors (str, "; "-joined
        names from ``actors``), certainty (str, "; "-joined distinct markers found in the quote, in
        order, from ``markers``; "" if none). Source: ``data/annotations/claims.csv``.
        """
        return self._annotation("claims")

    @property
    def argument_links(self):
        """The argument map (curated; bundled interview only): one row per link between two claims.

        Columns: from_claim, to_claim (str claim ids), relation (category supports, rebuts, qualifies,
        elaborates: "from_claim <relation> to_claim"). Source: ``data/annotations/argument_links.csv``.
        """
        return self._annotation("argument_links")

    @property
    def actors(self):
        """States, organisations and blocs the series talks about (a lexicon; any interview).

        Columns: actor (str, canonical name e.g. "North Korea"), kind (category state, organisation,
        bloc), description (str). Source: ``data/annotations/actors.csv``.
        """
        return self._annotation("actors")

    @property
    def aliases(self):
        """How the text names each actor (a lexicon; any interview).

        Columns: alias (str as written, e.g. "Pyongyang"), actor (str, from ``actors``), kind
        (category state, capital, leader, organisation, bloc, adjective).
        Source: ``data/annotations/aliases.csv``.
        """
        return self._annotation("aliases")

    @property
    def mentions(self):
        """One row per actor mention, found by matching ``aliases`` in ``sentences`` (any interview).

        Aliases match case-sensitively, as whole words, longest first, never overlapping:
        "North Korea-Russia" gives two mentions, "U.S.-led" and "Pyongyang’s" count, adjectives
        ("Russian-occupied", "South Korean media") count for their state, and the titled
        "[Russian President Vladimir] Putin" is one mention.
        Columns: mention_id (int, 1..n), sentence_id, paragraph_id (int), question_id (Int64),
        actor (str), alias (str, as in ``aliases``), start, end (int, offsets into ``source``).
        """
        return self._annotation("mentions")

    @property
    def treaty_articles(self):
        """The treaty articles the interview cites (curated; bundled interview only).

        Columns: article (int), paragraph_id (int), quote (str, verbatim interview span), start, end
        (int, offsets into ``source``), interview_reading (str, what Lee takes it to mean),
        treaty_says (str, from a press translation), treaty_source (str, URL), note (str, caveats).
        Source: ``data/annotations/treaty_articles.yaml`` (facts from the project's facts sheet).
        """
        return self._annotation("treaty_articles")

    @property
    def timeline(self):
        """Dated events around the interview, in date order (curated; bundled interview only).

        Columns: event_id (str "E01"..), date (datetime64, first day of the period), date_label (str,
        e.g. "13 September 2023", "fall 2023"), precision (category day, month, season, year), event
        (str), paragraph_id (Int64, where the interview refers to it, else NA), source (str, URL or
        "interview, paragraph N"), after_interview (bool, from the month after publication on),
        quote (str, verbatim interview span, or ""). Source: ``data/annotations/timeline.csv``.
        """
        return self._annotation("timeline")

    @property
    def glossary(self):
        """Terms a learner needs, with plain definitions (any interview).

        Columns: term (str), definition (str), first_paragraph_id (Int64: the first paragraph
        containing one of the term's match forms, whole words, any case; NA if none).
        Source: ``data/annotations/glossary.csv`` (the ``match`` column lists the forms).
        """
        return self._annotation("glossary")

    @property
    def marker_lexicon(self):
        """Epistemic markers to look for (a lexicon; any interview).

        Columns: marker (str, lower case), kind (category hedge, booster), strength (int 1..5:
        1 most tentative, 5 most certain). Source: ``data/annotations/markers.csv``.
        """
        return self._annotation("marker_lexicon")

    @property
    def markers(self):
        """One row per marker occurrence in ``sentences`` (any interview).

        Markers match whole words, any case, longest first ("most likely" is not also "likely").
        Columns: sentence_id, paragraph_id (int), question_id (Int64), marker (str, as in
        ``marker_lexicon``), kind (category hedge, booster), strength (int 1..5), start, end
        (int, offsets into ``source``).
        """
        return self._annotation("markers")
