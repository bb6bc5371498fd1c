"""Show the book's version, from pyproject.toml, in every page's footer.

A teacher who prints a chapter or hosts a copy needs to say which edition it is. The version is
written once, in pyproject.toml (kratom_claims.release reads it); this sets Sphinx's version and
release from it and adds a line to the footer through sphinx-book-theme's extra_footer option, so
the footer, the PDF's title page and the release archive can never disagree.
"""

from __future__ import annotations

from html import escape

from kratom_claims.release import project_version


def add_version(app, config):
    version = project_version(app.srcdir)
    config.version = config.release = version
    options = dict(config.html_theme_options or {})
    line = f'<p class="kc-version">Version {escape(version)}</p>'
    options["extra_footer"] = (options.get("extra_footer") or "") + line
    config.html_theme_options = options


def setup(app):
    app.connect("config-inited", add_version)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
