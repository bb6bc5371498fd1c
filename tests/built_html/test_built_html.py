"""The built book: every chapter is there, every image is described, every internal link resolves."""

from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

from kratom_claims.layout import project_layout
from kratom_claims.publish import published_files

PROJECT = project_layout()


def toc_files() -> list[str]:
    toc = yaml.safe_load((PROJECT.project_root / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]]
    for part in toc.get("parts", []):
        files += [chapter["file"] for chapter in part["chapters"]]
    return files


def test_every_toc_entry_is_built_as_a_page(built_book):
    missing = [f for f in toc_files() if not (built_book / f"{f}.html").is_file()]
    assert missing == []


def test_every_image_has_alt_text_that_is_not_a_file_name(pages):
    problems = []
    for path, soup in pages.items():
        for img in soup.find_all("img"):
            alt = (img.get("alt") or "").strip()
            if len(alt) < 15 or alt.lower().endswith((".png", ".svg", ".jpg")):
                problems.append(f"{path.name}: {img.get('src', '')[:60]} alt={alt!r}")
    assert problems == []


def test_every_notebook_figure_has_a_caption(pages):
    problems = [
        path.name
        for path, soup in pages.items()
        for figure in soup.select("figure.kc-figure")
        if not figure.find("figcaption") or not figure.find("figcaption").get_text(strip=True)
    ]
    assert problems == []


def test_no_page_shows_an_error_or_a_traceback(pages):
    failing = [path.name for path, soup in pages.items() if soup.select(".output.traceback, .output.error")]
    assert failing == []


def local_target(page: Path, ref: str) -> tuple[Path, str] | None:
    parts = urlsplit(ref)
    if parts.scheme or parts.netloc or ref.startswith(("mailto:", "data:", "javascript:")):
        return None
    target = page if not parts.path else (page.parent / unquote(parts.path)).resolve()
    return target, unquote(parts.fragment)


def test_every_internal_link_and_asset_resolves_offline(pages, built_book):
    broken = []
    for page, soup in pages.items():
        refs = [a.get("href") for a in soup.find_all("a")] + [t.get("src") for t in soup.find_all(["img", "script"])]
        refs += [link.get("href") for link in soup.find_all("link") if "stylesheet" in (link.get("rel") or [])]
        for ref in filter(None, refs):
            resolved = local_target(page, ref)
            if resolved is None:
                continue
            target, fragment = resolved
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(built_book)} -> {ref}")
            elif fragment and target.suffix == ".html" and target in pages:
                if not pages[target].find(id=fragment):
                    broken.append(f"{page.relative_to(built_book)} -> {ref} (no such anchor)")
    assert broken == []


def test_article_text_is_shown_escaped_never_as_markup(pages, built_book):
    page = pages[built_book / "notebooks" / "01_corpus.html"]
    blocks = page.select("div.kc-article")
    assert blocks, "the corpus chapter shows no article text"
    assert all(block.find(True) is None for block in blocks), "an article's text was rendered as HTML elements"


def test_the_published_data_folder_holds_exactly_the_listed_files(built_book):
    config = yaml.safe_load((PROJECT.project_root / "_config.yml").read_text(encoding="utf-8"))
    listed = published_files(PROJECT.data_dir, config["sphinx"]["config"]["published_data_files"])
    published = sorted(p.relative_to(built_book / "data") for p in (built_book / "data").rglob("*") if p.is_file())
    assert published == sorted(p.relative_to(PROJECT.data_dir) for p in listed)
    assert [p for p in published if any(part.startswith(".") for part in p.parts)] == []
