"""nbkit's optional parts ("extras" in pyproject.toml), and nbkit's own error when one is missing.

The core package is what a learner's kernel needs; ``lab`` (JupyterLab, Voila), ``tools`` (handouts,
static charts) and ``class`` (the class hub) are installed with ``pip install "nbkit[EXTRA]"``.
Which packages make up an extra is read from nbkit's installed metadata, so pyproject.toml stays
the one home of that list.
"""

from __future__ import annotations

from .errors import NbkitError

__all__ = [
    "COMMAND_EXTRAS",
    "MissingExtraError",
    "extra_packages",
    "missing_packages",
    "require",
    "require_for_command",
]

#: nbkit subcommand -> the extra it needs (commands not named here need only the core package).
COMMAND_EXTRAS = {"handout": "tools", "app": "lab", "class": "class"}


class MissingExtraError(NbkitError, ImportError):
    """Something needs an extra whose packages are not installed; the message says what to install.

    >>> str(MissingExtraError("nbkit handout", "tools", ["nbconvert"]))
    'nbkit handout needs nbconvert (nbkit\\'s "tools" extra), which is not installed here. Install it with: pip install "nbkit[tools]"'
    """

    def __init__(self, what: str, extra: str, missing: list[str]):
        self.what, self.extra, self.missing = what, extra, list(missing)
        names = ", ".join(self.missing)
        verb = "is" if len(self.missing) == 1 else "are"
        super().__init__(
            f'{what} needs {names} (nbkit\'s "{extra}" extra), which {verb} not installed here. '
            f'Install it with: pip install "nbkit[{extra}]"'
        )


def extra_packages(extra: str) -> list[str]:
    """The distributions nbkit's installed metadata lists for ``extra``, e.g. ``["nbclient", ...]``."""
    from importlib.metadata import requires

    from packaging.requirements import Requirement

    names = []
    for line in requires("nbkit") or []:
        req = Requirement(line)
        if req.marker is not None and req.marker.evaluate({"extra": extra}) and not req.marker.evaluate({"extra": ""}):
            if req.name == "nbkit":  # an extra made of other extras (test = nbkit[lab,tools,...])
                names += [n for inner in sorted(req.extras) for n in extra_packages(inner)]
            else:
                names.append(req.name)
    if not names:
        raise ValueError(f"nbkit has no extra named {extra!r}")
    return names


def missing_packages(extra: str) -> list[str]:
    """The packages of ``extra`` that are not installed here (an empty list: the extra is complete)."""
    from importlib.metadata import PackageNotFoundError, version

    out = []
    for name in extra_packages(extra):
        try:
            version(name)
        except PackageNotFoundError:
            out.append(name)
    return out


def require(extra: str, what: str) -> None:
    """Raise :class:`MissingExtraError` naming ``what`` (e.g. ``"nbkit handout"``) unless ``extra`` is installed."""
    missing = missing_packages(extra)
    if missing:
        raise MissingExtraError(what, extra, missing)


def require_for_command(command: str) -> None:
    """:func:`require` the extra that the nbkit subcommand ``command`` needs (nothing for the others)."""
    if command in COMMAND_EXTRAS:
        require(COMMAND_EXTRAS[command], f"nbkit {command}")
