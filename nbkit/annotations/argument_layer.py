"""The argument layer of one interview: every annotation frame, each read, checked and built once, on first use.

It reads only the interview's public frames (``paragraphs``, ``sentences``, ``meta``) and its ``path``. The
curated frames (those the manifest lists: claims, argument_links, treaty_articles, timeline, outside_views)
describe the bundled interview; for another text, claims and argument_links come from its course folder when
the teacher has written one (:mod:`~nbkit.annotations.course_folder`: ``annotations/`` beside the interview
file, its manifest naming the text's sha256), only the rows the teacher has coded. The lexical frames (actors,
aliases, mentions, glossary, marker_lexicon, markers, sentence_certainty, estimative_probability) work for any
text of the series. The markers of the bundled interview take their ``voice`` from the claims (NA for any
other text).
"""

from __future__ import annotations

import re
from functools import cached_property

import pandas as pd

from .. import frames
from ..errors import DataValidationError
from .annotation_files import AnnotationFile, annotations_dir, read_annotation_file
from .claims import build_claims, build_links
from .context import build_outside_views, build_timeline, build_treaty_articles
from .course_folder import CURATED as COURSE_CURATED
from .course_folder import CourseAnnotations, find_course_annotations
from .markers import find_markers, sentence_certainty
from .mentions import find_mentions
from .world_lexicon import find_world_mentions, lexicon_for

__all__ = ["AnnotationLayer", "load_annotations", "FRAMES"]

#: The frames of the layer, in the schema's order.
FRAMES = frames.frame_names("annotations")


class AnnotationLayer:
    """The argument layer of ``iv`` (any object with the frames of :class:`nbkit.Interview`) from the files
    in ``data_dir`` (default: the bundled ones).

    Attributes are the frames, built lazily and cached; callers hand out copies (see :meth:`frame`).
    A curated frame of any other text raises :class:`nbkit.DataValidationError`, except claims and
    argument_links from a course folder that describes the text (:attr:`course`).
    """

    def __init__(self, iv, data_dir=None):
        self.iv = iv
        self.data_dir = data_dir

    def frame(self, name: str) -> pd.DataFrame:
        """A fresh copy of frame ``name``."""
        if name not in FRAMES:
            raise ValueError(f"unknown frame {name!r}; choose from {', '.join(FRAMES)}.")
        return getattr(self, name).copy()

    def _file(self, name: str) -> AnnotationFile:
        return read_annotation_file(name, self.data_dir)

    @cached_property
    def manifest(self) -> dict:
        return self._file("manifest.yaml").rows[0]

    @cached_property
    def curated(self) -> tuple[str, ...]:
        """Frames that describe the bundled interview only (the manifest's ``curated`` list)."""
        return tuple(self.manifest["curated"])

    @cached_property
    def lexical(self) -> tuple[str, ...]:
        """Frames that work for any interview."""
        return tuple(f for f in FRAMES if f not in self.curated)

    @cached_property
    def course(self) -> CourseAnnotations | None:
        """The teacher's annotations of another text (``annotations/`` beside its file), None for the bundled
        interview or when there are none."""
        return None if self.is_bundled else find_course_annotations(self.iv)

    @cached_property
    def available(self) -> tuple[str, ...]:
        """Frames that can be built for this text: all for the bundled interview; else the lexical ones and
        those the course folder gives."""
        if self.is_bundled:
            return FRAMES
        given = self.course.curated if self.course is not None else ()
        return tuple(f for f in FRAMES if f in self.lexical or f in given)

    @cached_property
    def coded_claims(self) -> int:
        """The number of claims: the bundled interview's, or the rows of a course folder's claims.csv the teacher
        has coded (0 for a text with no course folder, or before any row is coded)."""
        if not self.is_bundled and "claims" not in self.available:
            return 0
        return len(self._claims_file.rows)

    @cached_property
    def is_bundled(self) -> bool:
        """The text is the one the curated files describe (same SHA-256)."""
        return self._sha256 == self.manifest["sha256"]

    @cached_property
    def _sha256(self) -> str:
        return self.iv.meta["sha256"].iloc[0]

    @cached_property
    def _paragraphs(self) -> pd.DataFrame:
        return self.iv.paragraphs

    @cached_property
    def _sentences(self) -> pd.DataFrame:
        return self.iv.sentences

    def _curated_file(self, frame: str, file_name: str) -> AnnotationFile:
        """The file of curated ``frame``: bundled for the bundled interview, else from the course folder."""
        if self.is_bundled:
            return self._file(file_name)
        course = self.course
        if course is None or frame not in course.curated:
            self._require_bundled(frame)
        assert course is not None  # _require_bundled raised otherwise
        course.require_text(self._sha256, self.iv.interview_id, frame)
        return course.read(frame)

    @cached_property
    def _claims_file(self) -> AnnotationFile:
        return self._curated_file("claims", "claims.csv")

    def _require_bundled(self, frame: str) -> None:
        if self.is_bundled:
            return
        manifest = self.manifest
        own = (
            f" To code the {frame} of this text, write a course folder: nbkit annotate INTERVIEW.txt "
            '(docs/coding-rules.md, "Coding another interview").'
            if frame in COURSE_CURATED
            else ""
        )
        raise DataValidationError(
            str(annotations_dir(self.data_dir).joinpath("manifest.yaml")),
            None,
            "sha256",
            f"the curated frame '{frame}' describes the bundled interview “{manifest['title']}” "
            f"(sha256 {manifest['sha256'][:12]}…), not the text '{self.iv.interview_id}' (sha256 {self._sha256[:12]}…). "
            f"Curated frames ({', '.join(self.curated)}) exist only for the bundled interview; for any text you "
            f"can use {', '.join(self.lexical)}.{own}",
        )

    # lexicons: work for any interview -------------------------------------------------
    @cached_property
    def marker_lexicon(self) -> pd.DataFrame:
        file = self._file("markers.csv")
        file.check_unique("marker", "marker")
        scale = self.estimative_probability
        icd_terms = set(scale.loc[scale["scale"] == "ICD 203 (2015)", "term"])
        file.check_known(
            "estimative_term",
            icd_terms,
            "is not an ICD 203 term of estimative_probability.csv. Use one of its terms, or leave the field empty.",
            allow_empty=True,
        )
        return file.frame("marker_lexicon")

    @cached_property
    def _marker_hits(self) -> pd.DataFrame:
        """The markers without their voice (the claims' certainty column is built from these)."""
        return find_markers(self._sentences, self.marker_lexicon)

    @cached_property
    def markers(self) -> pd.DataFrame:
        if not self.is_bundled:
            return self._marker_hits
        return find_markers(self._sentences, self.marker_lexicon, self.claims)

    @cached_property
    def sentence_certainty(self) -> pd.DataFrame:
        return sentence_certainty(self._sentences, self.markers)

    @cached_property
    def estimative_probability(self) -> pd.DataFrame:
        file = self._file("estimative_probability.csv")
        for i, r in enumerate(file.rows, 1):
            if int(r["low"]) > int(r["high"]):
                file.fail(i, "low", f"low ({r['low']}) is above high ({r['high']}). Give the range low to high.")
        return file.frame("estimative_probability")

    @cached_property
    def actors(self) -> pd.DataFrame:
        world = lexicon_for(self)  # another text: the general lexicon (see world_lexicon.py)
        if world is not None:
            return world.actors
        file = self._file("actors.csv")
        file.check_unique("actor", "actor")
        return file.frame("actors")

    @cached_property
    def aliases(self) -> pd.DataFrame:
        world = lexicon_for(self)
        if world is not None:
            return world.aliases
        file = self._file("aliases.csv")
        file.check_unique("alias", "alias")
        file.check_known(
            "actor",
            set(self.actors["actor"]),
            "is not an actor of actors.csv. Use a name from actors.csv or add the actor there first.",
        )
        return file.frame("aliases")

    @cached_property
    def mentions(self) -> pd.DataFrame:
        world = lexicon_for(self)
        if world is not None:
            return find_world_mentions(self._sentences, world)
        return find_mentions(self._sentences, self.aliases)

    @cached_property
    def glossary(self) -> pd.DataFrame:
        file = self._file("glossary.csv")
        file.check_unique("term", "term")
        texts = list(zip(self._paragraphs["paragraph_id"], self._paragraphs["text"]))
        rows = []
        for r in file.rows:
            forms = [re.compile(rf"(?<!\w){re.escape(f)}(?!\w)", re.IGNORECASE) for f in r["match"].split("; ")]
            first = next((pid for pid, text in texts if any(p.search(text) for p in forms)), None)
            rows.append((r["term"], r["definition"], first))
        return frames.from_rows("glossary", rows)

    # curated: the bundled interview only -------------------------------------------------
    @cached_property
    def claims(self) -> pd.DataFrame:
        return build_claims(self._claims_file, self._paragraphs, set(self.actors["actor"]), self._marker_hits)

    @cached_property
    def argument_links(self) -> pd.DataFrame:
        file = self._curated_file("argument_links", "argument_links.csv")
        coded = set(self.claims["claim_id"])
        uncoded = self.course.claim_ids() - coded if self.course is not None else set()
        return build_links(file, coded, uncoded)

    @cached_property
    def treaty_articles(self) -> pd.DataFrame:
        self._require_bundled("treaty_articles")
        return build_treaty_articles(self._file("treaty_articles.yaml"), self._paragraphs)

    @cached_property
    def timeline(self) -> pd.DataFrame:
        self._require_bundled("timeline")
        return build_timeline(
            self._file("timeline.csv"), self._paragraphs, self.manifest["published"], set(self.claims["claim_id"])
        )

    @cached_property
    def outside_views(self) -> pd.DataFrame:
        self._require_bundled("outside_views")
        return build_outside_views(self._file("outside_views.csv"), set(self.claims["claim_id"]))


def load_annotations(iv=None, data_dir=None, frames=None) -> dict[str, pd.DataFrame]:
    """Read, check and build the argument layer of ``iv``; return ``{frame name: DataFrame}``.

    ``iv``: an interview (default: the bundled one). ``data_dir``: a folder with the annotation files
    (default: the bundled ``nbkit/data/annotations``), e.g. an edited copy to check. ``frames``: names
    to build (default: all of them for the bundled interview; for another interview the lexical ones,
    which work for any text, and those its course folder gives). Every check runs; the first problem raises
    :class:`nbkit.DataValidationError` naming the file, the 1-based data row and the field.
    """
    if iv is None:
        from ..interview import load_interview

        iv = load_interview()
    layer = AnnotationLayer(iv, data_dir)
    if frames is None:
        frames = layer.available
    unknown = [f for f in frames if f not in FRAMES]
    if unknown:
        raise ValueError(f"unknown frame(s) {unknown}; choose from {', '.join(FRAMES)}.")
    return {name: layer.frame(name) for name in frames}
