"""``python -m kratom_claims``: the command line (see cli.py)."""

from .cli import main

# Guarded: where worker processes are spawned (macOS, Windows), each imports this module again.
if __name__ == "__main__":
    raise SystemExit(main())
