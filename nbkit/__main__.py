"""``python -m nbkit``: see :mod:`nbkit.cli`."""

from .cli import main

raise SystemExit(main())
