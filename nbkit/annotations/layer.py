"""All annotation frames of one interview, each read, checked and built once, on first use."""

from __future__ import annotations

import re
from functools import cached_property

import pandas as pd

from ..errors import DataValidationError
from .claims import build_claims, build_links
from .context import build_treaty_articles, build_timeline
from .markers import find_markers
from .mentions import find_mentions
from .tables import Table, read_table

__all__ = ["AnnotationLayer", "load_annotations", "CURATED", "LEXICAL", "FRAMES"]

CURATED = ("claims", "argument_links", "treaty_articles", "timeline")
LEXICAL = ("actors", "aliases", "mentions", "marker_lexicon", "markers", "glossary")
FRAMES = ("claims", "argument_links", "actors", "aliases", "mentions", "treaty_articles", "timeline", "glossary",
          "marker_lexicon", "markers")


class AnnotationLayer:
    """The argument layer of ``iv`` from the files in ``data_dir`` (default: the bundled ones).

    Attributes are the frames, built lazily and cached; callers hand out copies.
    The curated frames (claims, argument_links, treaty_articles, timeline) describe the
    bundled interview only and raise :class:`nbkit.DataValidationError` for any other text.
    """

    def __init__(self, iv, data_dir=None):
        self.iv = iv
        self.data_dir = data_dir

    def _table(self, name: str) -> Table:
        return read_table(name, self.data_dir)

    @cached_property
    def manifest(self) -> dict:
        return self._table("manifest.yaml").rows[0]

    @cached_property
    def _paragraphs(self) -> pd.DataFrame:
        return self.iv._frames["paragraphs"]

    def _require_bundled(self, frame: str) -> None:
        manifest = self.manifest
        sha = self.iv._frames["meta"]["sha256"].iloc[0]
        if sha != manifest["sha256"]:
            raise DataValidationError(
                self._table_path("manifest.yaml"), None, "sha256",
                f"the curated frame '{frame}' describes the bundled interview “{manifest['title']}” "
                f"(sha256 {manifest['sha256'][:12]}…), not the text '{self.iv.interview_id}' (sha256 {sha[:12]}…). "
                f"Curated frames ({', '.join(CURATED)}) exist only for the bundled interview; for any text you "
                f"can use {', '.join(LEXICAL)}.")

    def _table_path(self, name: str) -> str:
        from .tables import annotations_dir

        return str(annotations_dir(self.data_dir).joinpath(name))

    # lexicons: work for any interview -------------------------------------------------
    @cached_property
    def marker_lexicon(self) -> pd.DataFrame:
        table = self._table("markers.csv")
        table.check_unique("marker", "marker")
        return table.frame(["marker", "kind", "strength"], {"kind": "marker_kind"}, ints=("strength",))

    @cached_property
    def markers(self) -> pd.DataFrame:
        return find_markers(self.iv._frames["sentences"], self.marker_lexicon)

    @cached_property
    def actors(self) -> pd.DataFrame:
        table = self._table("actors.csv")
        table.check_unique("actor", "actor")
        return table.frame(["actor", "kind", "description"], {"kind": "actor_kind"})

    @cached_property
    def aliases(self) -> pd.DataFrame:
        table = self._table("aliases.csv")
        table.check_unique("alias", "alias")
        known = set(self.actors["actor"])
        for i, r in enumerate(table.rows, 1):
            if r["actor"] not in known:
                table.fail(i, "actor", f"{r['actor']!r} is not an actor of actors.csv. Use a name from actors.csv "
                                       "or add the actor there first.")
        return table.frame(["alias", "actor", "kind"], {"kind": "alias_kind"})

    @cached_property
    def mentions(self) -> pd.DataFrame:
        return find_mentions(self.iv._frames["sentences"], self.aliases)

    @cached_property
    def glossary(self) -> pd.DataFrame:
        table = self._table("glossary.csv")
        table.check_unique("term", "term")
        texts = list(zip(self._paragraphs["paragraph_id"], self._paragraphs["text"]))
        rows = []
        for r in table.rows:
            forms = [re.compile(rf"(?<!\w){re.escape(f)}(?!\w)", re.IGNORECASE) for f in r["match"].split("; ")]
            first = next((pid for pid, text in texts if any(p.search(text) for p in forms)), None)
            rows.append((r["term"], r["definition"], first))
        frame = pd.DataFrame(rows, columns=["term", "definition", "first_paragraph_id"])
        frame[["term", "definition"]] = frame[["term", "definition"]].astype("str")
        frame["first_paragraph_id"] = frame["first_paragraph_id"].astype("Int64")
        return frame

    # curated: the bundled interview only -------------------------------------------------
    @cached_property
    def claims(self) -> pd.DataFrame:
        self._require_bundled("claims")
        return build_claims(self._table("claims.csv"), self._paragraphs, set(self.actors["actor"]), self.markers)

    @cached_property
    def argument_links(self) -> pd.DataFrame:
        self._require_bundled("argument_links")
        return build_links(self._table("argument_links.csv"), set(self.claims["claim_id"]))

    @cached_property
    def treaty_articles(self) -> pd.DataFrame:
        self._require_bundled("treaty_articles")
        return build_treaty_articles(self._table("treaty_articles.yaml"), self._paragraphs)

    @cached_property
    def timeline(self) -> pd.DataFrame:
        self._require_bundled("timeline")
        return build_timeline(self._table("timeline.csv"), self._paragraphs, self.manifest["published"])


def load_annotations(iv, data_dir=None, frames=None) -> dict[str, pd.DataFrame]:
    """Read, check and build the argument layer of ``iv``; return ``{frame name: DataFrame}``.

    ``data_dir``: a folder with the annotation files (default: the bundled
    ``nbkit/data/annotations``), e.g. an edited copy to check. ``frames``: names to build
    (default: all of them for the bundled interview; only the lexical ones, which work
    for any text, for another interview). Every check runs; the first problem raises
    :class:`nbkit.DataValidationError` naming the file, the 1-based data row and the field.
    """
    layer = AnnotationLayer(iv, data_dir)
    if frames is None:
        bundled = iv._frames["meta"]["sha256"].iloc[0] == layer.manifest["sha256"]
        frames = FRAMES if bundled else tuple(f for f in FRAMES if f in LEXICAL)
    unknown = [f for f in frames if f not in FRAMES]
    if unknown:
        raise ValueError(f"unknown frame(s) {unknown}; choose from {', '.join(FRAMES)}.")
    return {name: getattr(layer, name).copy() for name in frames}
