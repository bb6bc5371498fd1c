"""Label the reference list by author and year, as the text cites it.

The book cites in author-year form ({cite:p} with bibtex_reference_style author_year), but
pybtex's stock styles label the list itself with codes such as [HMG+23] or numbers, so a reader
cannot match a citation to its entry at a glance. The style (kratom_claims.bibliography) keeps
pybtex's 'plain' formatting and order (by author) and only changes the labels: "Hill et al.
2023", with a, b, ... where two would be the same. The chapters' tables label sources with the
same style, so a source reads the same in a table and in the list.
"""

from __future__ import annotations

from pybtex.plugin import register_plugin

from kratom_claims.bibliography import AuthorYearStyle


def setup(app):
    register_plugin("pybtex.style.formatting", "authoryear", AuthorYearStyle)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
