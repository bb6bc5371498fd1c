"""``python -m kratom_claims``: the command line (see cli.py)."""

from .cli import main

raise SystemExit(main())
