"""The actors of any interview: a general lexicon of states, capitals, leaders and organisations.

The bundled interview keeps its curated North Korea–Russia lexicon (``data/annotations/actors.csv``,
``aliases.csv``). Any other text read from a file (or with a ``data_dir``) gets this one:

- every state and territory of ISO 3166-1, named by pycountry (its name, common name and official
  name; names with a comma such as "Korea, Republic of" are not forms prose uses and are left out);
- ``data/lexicons/world_actors.csv``: short names pycountry lacks ("Russia", "U.S."), capitals,
  adjectives, leaders with their office and years, and international organisations, each row with
  its source;
- the course's own ``aliases.csv`` (same columns as the bundled one: alias, actor, kind) next to the
  interview file, or in ``data_dir``: its rows override the lexicon's for the same alias, and an actor
  it names that the lexicon lacks is added (a state for kinds state/capital/leader/adjective).

Ambiguous short names. A leader's one-word name is ambiguous when (1) two or more people of the
lexicon share it ("Kim", "Li", "Lee"), (2) it has three letters or fewer ("Xi", "Lai"), or (3) the
file flags it (``ambiguous`` = yes: a family name shared with other prominent people, e.g. "Moon",
"Marcos"). An ambiguous name is never matched on its own: it counts as a mention only when a full
name of one of its people ("Kim Jong Un") appeared earlier in the same text, and then it is that
person (the one named last, if several were). A course ``aliases.csv`` row is never ambiguous: the
teacher has decided what the name means in that course.

Matching is that of :mod:`nbkit.annotations.mentions`: case-sensitive, whole words, longest first.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pycountry

from .. import frames, validation
from ..errors import DataValidationError
from ..resources import data_file
from .lexicon_matching import compile_forms, find_forms

__all__ = ["WorldLexicon", "world_lexicon", "course_aliases_file", "lexicon_for", "find_world_mentions"]

LEXICON_FILE = "lexicons/world_actors.csv"
SCHEMA = "schemas/world_actors.schema.json"
COURSE_ALIASES = "aliases.csv"
#: The actors-frame kind of an actor first named by a course alias of this kind.
_ACTOR_KIND = {"organisation": "organisation", "bloc": "bloc"}


@dataclass(frozen=True)
class Entry:
    """One name of the lexicon: ``alias`` names ``actor``; ``person`` for a leader's names."""

    alias: str
    actor: str
    kind: str
    person: str = ""
    ambiguous: bool = False


@dataclass(frozen=True)
class WorldLexicon:
    """The general lexicon (plus a course's aliases): ``actors`` and ``aliases`` frames, ``entries``."""

    actors: pd.DataFrame
    entries: tuple[Entry, ...]

    @property
    def aliases(self) -> pd.DataFrame:
        """The aliases frame: one row per (alias, actor), in file order."""
        seen: dict[tuple[str, str], str] = {}
        for e in self.entries:
            seen.setdefault((e.alias, e.actor), e.kind)
        return frames.from_rows("aliases", [(a, actor, kind) for (a, actor), kind in seen.items()])

    def ambiguous_names(self) -> dict[str, list[str]]:
        """Each ambiguous short name with the people it may name, e.g. ``{"Kim": ["Kim Jong Un", …]}``."""
        out: dict[str, list[str]] = {}
        for e in self.entries:
            if e.ambiguous:
                out.setdefault(e.alias, []).append(e.person)
        return out


def _state_names(country) -> list[str]:
    names = [getattr(country, f, None) for f in ("common_name", "name", "official_name")]
    forms: list[str] = []
    for n in names:
        if n and ", " not in n:
            for form in (n, n.replace("'", "’")):
                if form not in forms:
                    forms.append(form)
    return forms


def _canonical(country, named: dict[str, str]) -> str:
    """A state's actor name: the lexicon file's, else pycountry's common name, else its name."""
    return named.get(country.alpha_3) or getattr(country, "common_name", None) or country.name


def _read_rows(path: str, text: str, schema: str) -> list[dict[str, str]]:
    columns = list(validation.load_schema(schema)["properties"])
    rows = validation.parse_csv(text, path, columns, DataValidationError)
    for i, row in enumerate(rows, 1):
        validation.check(row, schema, DataValidationError, path, i)
    return rows


@lru_cache(maxsize=1)
def world_lexicon() -> WorldLexicon:
    """The general lexicon: pycountry's states, then ``world_actors.csv`` (checked; read once)."""
    path = str(data_file(LEXICON_FILE))
    rows = _read_rows(path, data_file(LEXICON_FILE).read_text(encoding="utf-8"), SCHEMA)
    named: dict[str, str] = {}
    for i, r in enumerate(rows, 1):
        if r["iso3"]:
            if pycountry.countries.get(alpha_3=r["iso3"]) is None:
                raise DataValidationError(path, i, "iso3", f"{r['iso3']!r} is not an ISO 3166-1 alpha-3 code.")
            if named.setdefault(r["iso3"], r["actor"]) != r["actor"]:
                raise DataValidationError(
                    path,
                    i,
                    "actor",
                    f"{r['iso3']} is named {named[r['iso3']]!r} in an earlier row, not {r['actor']!r}.",
                )
        if (r["kind"] == "leader") != bool(r["person"] and r["office"] and r["years"]):
            raise DataValidationError(
                path, i, "person", "a leader row needs person, office and years; other rows leave them empty."
            )
    shared: dict[str, set[str]] = {}
    for r in rows:
        if r["kind"] == "leader" and " " not in r["alias"]:
            shared.setdefault(r["alias"], set()).add(r["person"])
    entries: list[Entry] = []
    actors: list[tuple[str, str, str]] = []
    for country in pycountry.countries:
        actor = _canonical(country, named)
        official = getattr(country, "official_name", None) or country.name
        actors.append((actor, "state", f"{official} (ISO 3166-1 {country.alpha_3}; names from pycountry)"))
        entries += [Entry(name, actor, "state") for name in _state_names(country)]
    for r in rows:
        one_word = r["kind"] == "leader" and " " not in r["alias"]
        ambiguous = one_word and (len(shared[r["alias"]]) > 1 or len(r["alias"]) <= 3 or r["ambiguous"] == "yes")
        entries.append(Entry(r["alias"], r["actor"], r["kind"], r["person"], ambiguous))
        if not r["iso3"] and r["actor"] not in {a for a, _, _ in actors}:
            full = max((x["alias"] for x in rows if x["actor"] == r["actor"]), key=len)
            actors.append((r["actor"], r["kind"], f"{full} (source: {r['source']})"))
    _check_one_actor_per_name(entries, path)
    return WorldLexicon(frames.from_rows("actors", actors), tuple(entries))


def _check_one_actor_per_name(entries, path: str) -> None:
    actor_of: dict[str, str] = {}
    for e in entries:
        if not e.ambiguous and actor_of.setdefault(e.alias, e.actor) != e.actor:
            raise DataValidationError(
                path, None, "alias", f"{e.alias!r} names both {actor_of[e.alias]!r} and {e.actor!r}; flag it ambiguous."
            )


def course_aliases_file(iv, data_dir=None) -> Path | None:
    """The course's ``aliases.csv``: next to the interview file, else in ``data_dir``; None when there is none."""
    folders = [Path(iv.path).parent] if getattr(iv, "path", None) is not None else []
    folders += [Path(data_dir)] if data_dir is not None else []
    return next((f / COURSE_ALIASES for f in folders if (f / COURSE_ALIASES).is_file()), None)


def with_course_aliases(base: WorldLexicon, path: Path | None) -> WorldLexicon:
    """``base`` with the rows of the course's ``aliases.csv`` at ``path`` (checked like the bundled file)."""
    if path is None:
        return base
    text = validation.read_text(path, DataValidationError)
    rows = _read_rows(str(path), text, "schemas/aliases.csv.schema.json")
    seen: dict[str, int] = {}
    for i, r in enumerate(rows, 1):
        if r["alias"] in seen:
            raise DataValidationError(
                str(path),
                i,
                "alias",
                f"the alias {r['alias']!r} is already used in row {seen[r['alias']]}. "
                "Each alias must be unique: remove one of the two rows.",
            )
        seen[r["alias"]] = i
    entries = [e for e in base.entries if e.alias not in seen]
    entries += [Entry(r["alias"], r["actor"], r["kind"]) for r in rows]
    known = set(base.actors["actor"])
    new = {r["actor"]: r["kind"] for r in rows if r["actor"] not in known}
    added = [
        (a, _ACTOR_KIND.get(kind, "state"), f"named in the course's {path.name} ({path})") for a, kind in new.items()
    ]
    actors = pd.concat([base.actors, frames.from_rows("actors", added)], ignore_index=True) if added else base.actors
    return WorldLexicon(actors, tuple(entries))


def lexicon_for(layer) -> WorldLexicon | None:
    """The general lexicon for an :class:`~nbkit.annotations.argument_layer.AnnotationLayer`, or None when
    its curated lexicon applies: the bundled interview, and a text given directly with no folder."""
    if layer.is_bundled or (getattr(layer.iv, "path", None) is None and layer.data_dir is None):
        return None
    return with_course_aliases(world_lexicon(), course_aliases_file(layer.iv, layer.data_dir))


def find_world_mentions(sentences: pd.DataFrame, lexicon: WorldLexicon) -> pd.DataFrame:
    """The mentions frame of ``sentences`` for ``lexicon``, ambiguous short names resolved as the module says."""
    plain = {e.alias: e for e in lexicon.entries if not e.ambiguous}
    people = lexicon.ambiguous_names()
    pattern = compile_forms([*plain, *people], ignore_case=False)
    last_named: dict[str, int] = {}  # person -> order of their latest full-name mention
    rows: list[tuple] = []
    for s in sentences.itertuples(index=False):
        for start, end, alias in find_forms(pattern, s.text):
            if alias in plain:
                entry = plain[alias]
                if entry.person:
                    last_named[entry.person] = len(rows)
            else:
                named = [p for p in people[alias] if p in last_named]
                if not named:
                    continue  # ambiguous and no full name before it: not a mention
                person = max(named, key=last_named.__getitem__)
                entry = next(e for e in lexicon.entries if e.alias == alias and e.person == person)
            rows.append(
                (
                    len(rows) + 1,
                    s.sentence_id,
                    s.paragraph_id,
                    s.question_id,
                    entry.actor,
                    alias,
                    s.start + start,
                    s.start + end,
                )
            )
    return frames.from_rows("mentions", rows)
