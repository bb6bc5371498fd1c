"""Read the citation keys of the book's bibliography, so that every source an evidence row cites is known to exist.

A key is all that an evidence row (its citation_key) and a chapter's citation name, and the
``@type{key,`` line of each entry gives it, so no BibTeX parser is needed to check them.
"""

from __future__ import annotations

import re
from pathlib import Path

from .errors import EvidenceError
from .layout import project_layout

BIB_ENTRY = re.compile(r"^[ \t]*@[ \t]*(?P<kind>\w+)[ \t]*\{[ \t]*(?P<key>[^,\s{}]+)[ \t]*,", re.MULTILINE)
NOT_ENTRIES = {"comment", "string", "preamble"}


def bib_keys(path: Path | str | None = None) -> set[str]:
    """The citation keys of every entry in a BibTeX file (the project's by default), from its ``@type{key,`` lines."""
    path = project_layout().references_bib if path is None else Path(path)
    if not path.is_file():
        raise EvidenceError(path, "bibliography file is missing")
    text = path.read_text(encoding="utf-8")
    return {m["key"] for m in BIB_ENTRY.finditer(text) if m["kind"].lower() not in NOT_ENTRIES}
