"""Import jsonschema and altair without their start-up costs in time and memory.

jsonschema registers an "iri" format checker at import time by importing
``rfc3987_syntax``, which builds a Lark grammar: about 1.4 s on the course
machines, more than pandas itself (jsonschema issue #1428). nbkit's schemas use
no "iri" format, so while nbkit imports jsonschema the optional module is
marked unavailable; jsonschema then simply skips that checker. The mark is
removed straight after, so any other library can still import rfc3987_syntax.

altair's offline JupyterChart (the chart widget that draws in the browser with no
CDN) builds its JavaScript with Vega bundled in by starting vl-convert's JavaScript
engine inside the kernel: about 100 MB of a learner's kernel memory for a 0.9 MB
text that is the same every time. nbkit ships that text, built once by vl-convert
(``python -m nbkit.jsonschema_import`` rewrites it), and hands it to JupyterChart,
so a learner's kernel never loads vl-convert (nor needs it installed) for charts
drawn by the browser.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path

from .resources import data_file

__all__ = ["import_jsonschema", "import_altair", "use_offline_bundle", "write_offline_bundle", "OFFLINE_BUNDLE"]

#: The JupyterChart widget's offline JavaScript, beside a JSON file naming what it was built from.
OFFLINE_BUNDLE = "charts/jupyterchart-offline.js"
_BUILT_FROM = "charts/jupyterchart-offline.json"


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
    """Return the altair module (jsonschema through :func:`import_jsonschema` first); in an IPython
    kernel or shell, JupyterChart also gets nbkit's offline bundle (:func:`use_offline_bundle`)."""
    import_jsonschema()
    import altair

    if "IPython" in sys.modules:
        use_offline_bundle()
    return altair


def built_from() -> dict[str, str]:
    """What the offline bundle depends on, read from the installed altair (never imports vl-convert)."""
    from altair.jupyter import jupyter_chart
    from altair.utils._importers import vl_version_for_vl_convert

    source = jupyter_chart.load_js_src().encode("utf-8")
    return {"index_js_sha256": hashlib.sha256(source).hexdigest(), "vl_version": vl_version_for_vl_convert()}


def use_offline_bundle() -> bool:
    """Give altair's JupyterChart the shipped offline JavaScript, so that ``enable_offline`` (called by
    altair's "jupyter" renderer with ``offline=True``) finds it done. False, changing nothing, if the
    installed altair differs from the one the bundle was built for: altair then builds its own with
    vl-convert, as it would without nbkit."""
    from altair.jupyter import JupyterChart

    if JupyterChart._is_offline:
        return True
    recorded = json.loads(data_file(_BUILT_FROM).read_text(encoding="utf-8"))
    if recorded != built_from():
        return False
    JupyterChart._esm = data_file(OFFLINE_BUNDLE).read_text(encoding="utf-8")
    JupyterChart._is_offline = True
    return True


def _write_atomic(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    os.chmod(tmp, 0o644)  # a package data file, readable by every learner (mkstemp makes it 0600)
    os.replace(tmp, path)


def write_offline_bundle(folder: Path | None = None) -> Path:
    """Build the offline bundle with altair's own ``JupyterChart.enable_offline`` (needs vl-convert,
    the ``tools`` extra) and write it with its ``built_from`` record into ``folder`` (default: nbkit's data)."""
    from altair.jupyter import JupyterChart

    folder = Path(str(data_file(OFFLINE_BUNDLE))).parent if folder is None else Path(folder)
    JupyterChart._is_offline = False
    JupyterChart.enable_offline(True)
    bundle = folder / Path(OFFLINE_BUNDLE).name
    _write_atomic(bundle, JupyterChart._esm.encode("utf-8"))
    record = json.dumps(built_from(), indent=2) + "\n"
    _write_atomic(folder / Path(_BUILT_FROM).name, record.encode("utf-8"))
    return bundle


if __name__ == "__main__":
    print(f"wrote {write_offline_bundle()}")
