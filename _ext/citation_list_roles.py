"""Give bibliography entries a role their list accepts.

docutils writes the reference list as role="list" holding entries with role="doc-biblioentry".
axe-core (aria-required-children, critical) requires a list's children to be list items, so
screen readers can announce the number of references. Each entry becomes role="listitem".

Works around: docutils' HTML5 writer (HTMLTranslator.visit_citation in
docutils/writers/_html_base.py) still writes role="doc-biblioentry" in docutils 0.23, the latest
release in November 2026. DPUB-ARIA 1.1 deprecated that role because it cannot be a child of a
list (https://github.com/w3c/dpub-aria/pull/22); axe-core kept its check of a list's children
(https://github.com/dequelabs/axe-core/issues/2759, https://github.com/dequelabs/axe-core/issues/3253).
No docutils ticket was found; docutils tracks bugs at https://sourceforge.net/p/docutils/bugs/.
Sphinx 7 (jupyter-book 1.x) also keeps docutils below 0.22, so a fix there arrives only with a
newer Sphinx.
Delete this file when the docutils in use writes list items for citations: build, and check that
the browser tests' axe-core run finds no aria-required-children on the bibliography page.
"""

from __future__ import annotations

import re

ENTRY_ROLE = re.compile(r'(<div class="citation"[^>]*?) role="doc-biblioentry"')


def entries_as_list_items(app, pagename, templatename, context, doctree) -> None:
    body = context.get("body", "")
    if 'class="citation-list"' in body:
        context["body"] = ENTRY_ROLE.sub(r'\1 role="listitem"', body)


def setup(app):
    app.connect("html-page-context", entries_as_list_items)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
