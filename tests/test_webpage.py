"""Saved web pages: their main text is what the book analyses, read one way by every command; a page without one is refused."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest
from tiny_data import NEW_TEXT, snapshot

from kratom_claims.corpus import load_corpus
from kratom_claims.errors import CorpusError
from kratom_claims.intake import Origin, add_article
from kratom_claims.webpage import article_text, is_web_page

PAGE = Path(__file__).parent / "pages" / "abc_saved_page.html"


def test_a_saved_page_gives_its_article_without_menus_scripts_or_footer():
    text = article_text(PAGE)
    assert text.startswith("Kratom for Back Pain\nKratom may ease chronic pain in the lower back")
    assert "it can cause nausea in some people" in text
    for furniture in ("Cart (0)", "tracking", "color: red", "newsletter", "Related products"):
        assert furniture not in text
    assert text.endswith("at all times.\n")


def test_a_text_file_is_read_as_stored(tmp_path):
    path = tmp_path / "abc.txt"
    path.write_bytes(b"Line one.\r\nLine two.\r\n")
    assert article_text(path) == "Line one.\r\nLine two.\r\n"


@pytest.mark.parametrize("name", ["a.html", "a.htm", "a.HTML"])
def test_html_and_htm_in_any_case_are_web_pages(name):
    assert is_web_page(name) and not is_web_page("a.txt")


def test_a_page_with_no_main_text_is_refused_in_one_line(tmp_path):
    page = tmp_path / "empty_page.html"
    page.write_text('<html><head><script>var x = 1;</script></head><body><div id="app"></div></body></html>')
    with pytest.raises(CorpusError) as raised:
        article_text(page)
    assert raised.value.path == str(page)
    assert raised.value.problem.startswith("no main text found in this web page")


def test_an_empty_page_file_is_refused(tmp_path):
    page = tmp_path / "blank.htm"
    page.write_bytes(b"  \n")
    with pytest.raises(CorpusError, match="web page file is empty"):
        article_text(page)


def _place_page(tmp_path) -> Path:
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    target = incoming / PAGE.name
    target.write_bytes(PAGE.read_bytes())
    return target


def _with_source_columns(data_dir: Path) -> None:
    """The tiny articles.csv with the url and retrieved columns, empty for its rows, as the project's file has them."""
    path = data_dir / "articles.csv"
    lines = path.read_text().splitlines()
    path.write_text("\n".join([lines[0] + ",url,retrieved", *(line + ",," for line in lines[1:])]) + "\n")


def test_add_keeps_the_page_beside_its_text_and_records_the_source(data_dir, tmp_path):
    page = _place_page(tmp_path)
    _with_source_columns(data_dir)
    added = add_article(page, "Kratom for Back Pain", data_dir=data_dir, origin=Origin("https://example.org/back-pain"))
    text = article_text(PAGE)
    assert added.article_path == data_dir / "articles" / "abc_saved_page.txt"
    assert added.article_path.read_bytes() == text.encode("utf-8")
    assert added.page_path == data_dir / "articles" / "abc_saved_page.html"
    assert added.page_path.read_bytes() == PAGE.read_bytes()
    corpus = load_corpus(data_dir)
    row = corpus.metadata.set_index("article_id").loc["abc_saved_page"]
    assert row["sha256"] == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert row["url"] == "https://example.org/back-pain" and len(row["retrieved"]) == 10
    review = pd.read_csv(added.review_path, dtype=str, keep_default_na=False)
    for quote, start, end in zip(review["quote"], review["start"].astype(int), review["end"].astype(int), strict=True):
        assert corpus.texts["abc_saved_page"][start:end] == quote


def test_a_source_is_recorded_only_where_articles_csv_has_the_columns(data_dir, tmp_path):
    page = _place_page(tmp_path)
    header = "article_id,title,published_on,words,sha256,residue_note"
    assert (data_dir / "articles.csv").read_text().startswith(header + "\n")
    before = snapshot(tmp_path)
    with pytest.raises(CorpusError, match="has no url or retrieved column"):
        add_article(page, "T", data_dir=data_dir, origin=Origin("https://example.org/x", "2026-11-01"))
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize(
    ("origin", "problem"),
    [
        (Origin("example.org/page"), "--url 'example.org/page' is not a web address"),
        (Origin("https://example.org/p", "27/11/2026"), "--retrieved '27/11/2026' is not a date written YYYY-MM-DD"),
    ],
)
def test_a_bad_url_or_date_is_refused_before_anything_is_written(data_dir, tmp_path, origin, problem):
    source = tmp_path / "abc_new.txt"
    source.write_text(NEW_TEXT, encoding="utf-8")
    before = snapshot(tmp_path)
    with pytest.raises(CorpusError, match=problem):
        add_article(source, "T", data_dir=data_dir, origin=origin)
    assert snapshot(tmp_path) == before


def test_the_loader_refuses_a_recorded_url_that_is_not_a_web_address(data_dir):
    path = data_dir / "articles.csv"
    lines = path.read_text().splitlines()
    lines = [lines[0] + ",url,retrieved", lines[1] + ",ftp://x,2026-01-01", *(line + ",," for line in lines[2:])]
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(CorpusError, match="url of '000_aaaa' is 'ftp://x', not a web address"):
        load_corpus(data_dir)


def test_a_left_over_page_in_the_articles_folder_is_never_overwritten(data_dir, tmp_path):
    page = _place_page(tmp_path)
    (data_dir / "articles" / "abc_saved_page.html").write_text("someone's page")
    before = snapshot(tmp_path)
    with pytest.raises(CorpusError, match="abc_saved_page.html already exists"):
        add_article(page, "T", data_dir=data_dir)
    assert snapshot(tmp_path) == before


def test_the_add_command_takes_a_page_and_says_where_it_kept_it(data_dir, tmp_path, cli):
    page = _place_page(tmp_path)
    _with_source_columns(data_dir)
    status, stdout, stderr = cli(
        "add",
        page,
        "--title",
        "T",
        "--url",
        "https://example.org/a",
        "--retrieved",
        "2026-11-01",
        "--data-dir",
        data_dir,
    )
    assert (status, stderr) == (0, "")
    assert f"kept the web page beside it as {data_dir / 'articles' / 'abc_saved_page.html'}" in stdout
    row = load_corpus(data_dir).metadata.iloc[-1]
    assert (row["url"], row["retrieved"]) == ("https://example.org/a", "2026-11-01")
