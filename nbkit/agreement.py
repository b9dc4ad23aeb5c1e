"""How far two codings of the same items agree: percent agreement and Cohen's kappa.

Use it to compare your own coding of claims (stance, kind) with the annotators'::

    mine = {"C09": "neither", "C39": "transactional", "C52": "neither"}
    theirs = interview.claims.set_index("claim_id").loc[list(mine), "stance"]
    nbkit.agreement(mine, theirs)

Cohen's kappa (Cohen 1960) corrects the share of items coded alike (p_o) for the share two coders
would agree on by chance if each kept their own frequencies of categories (p_e):
kappa = (p_o - p_e) / (1 - p_e). 1 is perfect agreement, 0 no better than chance, below 0 worse.
A code left as ``...`` (the course's exercise stub) counts as "not coded yet": it is listed, not compared.
"""

from __future__ import annotations

import sys
import types
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from . import frames
from .errors import NbkitError

__all__ = ["agreement", "Agreement", "AgreementError"]


class AgreementError(NbkitError, ValueError):
    """Two codings that cannot be compared: no items, different items, or a code that is not allowed."""


@dataclass(frozen=True)
class Agreement:
    """The result of :func:`agreement`.

    ``n`` items compared, ``agreed`` coded alike, ``percent`` = 100 * agreed / n; ``observed`` (p_o) and
    ``expected`` (p_e, chance agreement) as shares; ``kappa`` (None when undefined: p_e = 1, both codings
    put every item in one and the same category; or nothing coded yet); ``disagreements``: the frame of
    items coded differently (see frames.yaml); ``not_coded``: items still ``...`` in the first coding.
    """

    n: int
    agreed: int
    percent: float | None
    observed: float | None
    expected: float | None
    kappa: float | None
    disagreements: pd.DataFrame = field(repr=False)
    not_coded: tuple[str, ...] = ()

    def __str__(self) -> str:
        waiting = f" Not coded yet: {', '.join(self.not_coded)}." if self.not_coded else ""
        if self.n == 0 or self.expected is None:
            return "Not answered yet: replace each ... with your code and run the cell again." + waiting
        if self.kappa is None:
            k = "Cohen’s kappa is undefined: both codings put every item in the same category, so chance agreement is 1"
        else:
            k = f"Cohen’s kappa {self.kappa:.2f} (chance agreement {100 * self.expected:.0f} %)"
        return f"{self.agreed} of {self.n} items coded alike ({self.percent:.0f} %); {k}.{waiting}"

    def _repr_markdown_(self) -> str:
        return str(self)


def _codes(coding: Mapping | pd.Series, which: str) -> dict[str, object]:
    """The coding as {item id: code}; codes as stripped lower-case text, ``...`` kept as is."""
    if isinstance(coding, pd.Series):
        if coding.index.has_duplicates:
            dup = sorted(map(str, coding.index[coding.index.duplicated()].unique()))
            raise AgreementError(f"{which} codes {', '.join(dup)} more than once. Give each item one code.")
        coding = coding.to_dict()
    elif not isinstance(coding, Mapping):
        raise AgreementError(
            f"{which} is a {type(coding).__name__}; expected a dict or a Series keyed by item id, "
            'e.g. {"C09": "neither", "C39": "transactional"}.'
        )
    codes: dict[str, object] = {}
    for item, code in coding.items():
        if code is Ellipsis:
            codes[str(item)] = code
        elif code is None or (not isinstance(code, str) and pd.isna(code)):
            raise AgreementError(f"{which} has no code for {item}. Give it a code, or leave it as ... for now.")
        else:
            codes[str(item)] = " ".join(str(code).split()).lower()
    return codes


def _listing(items: Iterable[str]) -> str:
    return ", ".join(sorted(items))


def agreement(
    mine: Mapping | pd.Series, theirs: Mapping | pd.Series, categories: Iterable[str] | None = None
) -> Agreement:
    """Compare two codings of the same items (dicts or Series keyed by item id, e.g. claim ids).

    ``categories``: the allowed codes (e.g. ``["transactional", "strategic", "neither"]``); a code of
    ``mine`` outside them is an error naming the item, so a typo is not counted as a disagreement.
    Codes compare without case or outer spaces. Raises :class:`AgreementError` for empty codings,
    different items, or a missing code.

    >>> r = agreement({"C1": "yes", "C2": "no", "C3": "no"}, {"C1": "yes", "C2": "no", "C3": "yes"})
    >>> r.n, r.agreed, round(r.percent, 1), round(r.kappa, 2)
    (3, 2, 66.7, 0.4)
    """
    a, b = _codes(mine, "The first coding"), _codes(theirs, "The second coding")
    if not a or not b:
        raise AgreementError("A coding is empty: give at least one item a code in each coding.")
    if set(a) != set(b):
        only_a, only_b = set(a) - set(b), set(b) - set(a)
        parts = [
            f"only in the first: {_listing(only_a)}" if only_a else "",
            f"only in the second: {_listing(only_b)}" if only_b else "",
        ]
        raise AgreementError(
            f"The two codings code different items ({'; '.join(p for p in parts if p)}). "
            "Code the same items in both, e.g. select the annotators' codes with .loc[list(mine)]."
        )
    if categories is not None:
        allowed = [" ".join(str(c).split()).lower() for c in categories]
        for item, code in a.items():
            if code is not Ellipsis and code not in allowed:
                raise AgreementError(f"{item} is coded {code!r}, which is not one of: {', '.join(allowed)}.")
    not_coded = tuple(sorted(item for item, code in a.items() if code is Ellipsis))
    items = [item for item in a if a[item] is not Ellipsis and b[item] is not Ellipsis]
    n = len(items)
    rows = [(item, a[item], b[item]) for item in items if a[item] != b[item]]
    disagreements = frames.from_rows("disagreements", rows)
    if n == 0:
        return Agreement(0, 0, None, None, None, None, disagreements, not_coded)
    agreed = n - len(rows)
    # Cohen's kappa by hand: three lines, where scikit-learn's cohen_kappa_score would add a dependency
    # of about 100 MB (scikit-learn, SciPy) for one formula.
    p_o = agreed / n
    count_a, count_b = Counter(a[i] for i in items), Counter(b[i] for i in items)
    p_e = sum(count_a[c] * count_b[c] for c in count_a) / n**2
    kappa = None if p_e == 1 else (p_o - p_e) / (1 - p_e)
    return Agreement(n, agreed, 100 * p_o, p_o, p_e, kappa, disagreements, not_coded)


class _CallableModule(types.ModuleType):
    """Lets ``nbkit.agreement(mine, theirs)`` work although ``nbkit.agreement`` is this module."""

    def __call__(self, mine, theirs, categories=None) -> Agreement:
        """Same as :func:`nbkit.agreement.agreement`."""
        return agreement(mine, theirs, categories)


sys.modules[__name__].__class__ = _CallableModule
