"""Write each inline script into a page once.

Sphinx 7.4 keeps an inline script that an extension adds after the builder has started under two
names (None and "") and so writes it twice into every page. sphinx-thebe's second
`const THEBE_JS_URL` then stops with a SyntaxError in every reader's browser. Fixed upstream
in Sphinx 8 (sphinx-doc/sphinx#13402); jupyter-book 1.x pins Sphinx 7.

Works around: https://github.com/sphinx-doc/sphinx/pull/13402 (Sphinx.add_js_file() passed None
where the builder stores "", merged March 2025 into Sphinx 8.x).
Delete this file when the book is built with a Sphinx that has the fix: build, and check that the
browser tests still see no console error on any page.
"""

from __future__ import annotations


def script_key(script) -> tuple:
    return (script.filename or "", script.priority, tuple(sorted(script.attributes.items())))


def drop_repeated_scripts(app, pagename, templatename, context, doctree) -> None:
    unique = {}
    for script in context.get("script_files", []):
        unique.setdefault(script_key(script), script)
    context["script_files"] = list(unique.values())


def setup(app):
    app.connect("html-page-context", drop_repeated_scripts)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
