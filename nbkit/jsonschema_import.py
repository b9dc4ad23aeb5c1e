"""Import jsonschema (and altair, which imports it) without jsonschema's 1.4-second start-up cost.

jsonschema registers an "iri" format checker at import time by importing
``rfc3987_syntax``, which builds a Lark grammar: about 1.4 s on the course
machines, more than pandas itself (jsonschema issue #1428). nbkit's schemas use
no "iri" format, so while nbkit imports jsonschema the optional module is
marked unavailable; jsonschema then simply skips that checker. The mark is
removed straight after, so any other library can still import rfc3987_syntax.
"""

from __future__ import annotations

import sys

__all__ = ["import_jsonschema", "import_altair"]


def import_jsonschema():
    """Return the jsonschema module, imported without the rfc3987_syntax grammar build."""
    if "jsonschema" not in sys.modules and "rfc3987_syntax" not in sys.modules:
        sys.modules["rfc3987_syntax"] = None  # type: ignore[assignment]  # makes `import rfc3987_syntax` raise ImportError
        try:
            import jsonschema
        finally:
            del sys.modules["rfc3987_syntax"]
    import jsonschema

    return jsonschema


def import_altair():
    """Return the altair module; altair imports jsonschema, so go through :func:`import_jsonschema` first."""
    import_jsonschema()
    import altair

    return altair
