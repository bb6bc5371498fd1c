"""Give bibliography entries a role their list accepts.

docutils writes the reference list as role="list" holding entries with role="doc-biblioentry".
axe-core (aria-required-children, critical) requires a list's children to be list items, so
screen readers can announce the number of references. Each entry becomes role="listitem".
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
