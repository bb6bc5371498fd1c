"""Every page of the built book names its version, read from pyproject.toml, in its footer."""

from __future__ import annotations

from kratom_claims.layout import project_layout
from kratom_claims.release import project_version


def test_every_page_footer_shows_the_version_from_pyproject(pages):
    version = project_version(project_layout().project_root)
    footers = {
        path.name: (path_soup.select_one("footer .kc-version") or path_soup.new_tag("p")).get_text(strip=True)
        for path, path_soup in pages.items()
        if path_soup.select_one("footer")
    }
    assert len(footers) > 10
    assert {name: text for name, text in footers.items() if text != f"Version {version}"} == {}
