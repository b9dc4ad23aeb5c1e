"""Find the Chromium that prints PDF handouts and drives the browser tests.

>>> from nbkit.config import settings
>>> find_chromium(settings({"NBKIT_CHROMIUM": "/no/such/chromium"})) is None
True
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from .config import Settings
from .config import settings as current_settings

__all__ = ["CHROMIUM_NAMES", "DEBIAN_CHROMIUM", "find_chromium"]

#: Debian's Chromium (``apt-get install chromium``), looked for first.
DEBIAN_CHROMIUM = "/usr/bin/chromium"
#: Names looked for on PATH after :data:`DEBIAN_CHROMIUM`, in order.
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium(config: Settings | None = None) -> str | None:
    """Path of a Chromium (or Chrome) executable, or None.

    The ``NBKIT_CHROMIUM`` setting wins (None when it names no executable file); otherwise
    /usr/bin/chromium, then the first of :data:`CHROMIUM_NAMES` on PATH. ``config``: default
    :func:`nbkit.config.settings` now.
    """
    chosen = (config or current_settings()).chromium
    if chosen:
        return chosen if Path(chosen).is_file() and os.access(chosen, os.X_OK) else None
    if os.access(DEBIAN_CHROMIUM, os.X_OK):
        return DEBIAN_CHROMIUM
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None
