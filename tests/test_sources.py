"""The corpus inputs of `extract`: folders, lists, JSON Lines, WARC/WET and HTML, each read as a stream."""

from __future__ import annotations

import io
import json

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from kratom_claims.errors import CorpusError
from kratom_claims.limits import MAX_ARTICLE_BYTES
from kratom_claims.sources import read_source, sources
from kratom_claims.webpage import article_text


def _ids(inputs):
    return [source.article_id for source in sources(inputs)]


def test_a_folder_gives_its_articles_at_any_depth_in_sorted_order_with_paths_as_ids(tmp_path):
    for name in ("b/index.html", "a/index.html", "a/z.txt", "top.txt", "notes.csv", "a/deep/x.TXT"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Kratom eases pain.", encoding="utf-8")
    assert _ids([tmp_path]) == ["top", "a/index", "a/z", "a/deep/x", "b/index"]


def test_a_named_file_keeps_its_name_without_the_extension_as_id(tmp_path):
    (tmp_path / "kr1_first.txt").write_text("x", encoding="utf-8")
    assert _ids([tmp_path / "kr1_first.txt"]) == ["kr1_first"]


def test_a_list_file_names_inputs_relative_to_its_folder_skipping_blanks_and_comments(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "p1.txt").write_text("x", encoding="utf-8")
    (tmp_path / "one.txt").write_text("x", encoding="utf-8")
    listing = tmp_path / "list.txt"
    listing.write_text("# the corpus\none.txt\n\npages\n", encoding="utf-8")
    assert _ids([f"@{listing}"]) == ["one", "p1"]


def test_json_lines_records_carry_their_own_id_and_text(tmp_path):
    path = tmp_path / "pages.jsonl"
    lines = [json.dumps({"id": "p1", "text": "Kratom eases pain."}), "", json.dumps({"id": "p2", "text": "caf\u00e9"})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = list(sources([path]))
    assert [(s.article_id, s.text) for s in found] == [("p1", "Kratom eases pain."), ("p2", "caf\u00e9")]
    assert found[1].origin == f"{path}: line 3"


@pytest.mark.parametrize(
    "line, problem",
    [
        ("{not json", "is not a JSON object"),
        ('{"id": "p1"}', 'must be a JSON object with a string "id" and a string "text"'),
        ('["p1", "text"]', 'must be a JSON object with a string "id" and a string "text"'),
        ('{"id": "p1", "text": "\\ud800"}', "article 'p1' has text that is not valid Unicode"),
    ],
)
def test_a_broken_json_lines_record_is_refused_naming_its_line(tmp_path, line, problem):
    path = tmp_path / "pages.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(CorpusError) as refused:
        list(sources([path]))
    assert str(refused.value).startswith(f"{path}: line 1: {problem}")


def test_a_json_lines_record_over_the_size_limit_is_refused(tmp_path):
    path = tmp_path / "pages.jsonl"
    path.write_text(json.dumps({"id": "big", "text": "a" * (MAX_ARTICLE_BYTES + 1)}) + "\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"line 1: article 'big' is 5,000,001 bytes, over the limit of 5,000,000"):
        list(sources([path]))


def _warc(path, records):
    """A gzipped WARC file with one record per (kind, uri, content type, body)."""
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for kind, uri, content_type, body in records:
            headers = None
            if kind == "response":
                headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri,
                kind,
                payload=io.BytesIO(body.encode("utf-8")),
                http_headers=headers,
                warc_content_type=content_type,
            )
            writer.write_record(record)


def test_warc_pages_and_wet_text_records_are_articles_and_other_records_are_skipped(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    page = (
        "<html><head><title>T</title><script>var pain = 1;</script></head><body><p>Kratom eases pain.</p></body></html>"
    )
    _warc(
        path,
        [
            ("response", "https://a.example/kratom", "text/html; charset=utf-8", page),
            ("response", "https://a.example/logo.png", "image/png", "PNG"),
            ("conversion", "https://b.example/", "text/plain", "Kratom may ease back pain."),
        ],
    )
    found = [(s.article_id, s.text) for s in sources([path])]
    assert found == [
        ("https://a.example/kratom", "Kratom eases pain.\n"),
        ("https://b.example/", "Kratom may ease back pain."),
    ]


def test_a_file_that_is_not_an_archive_is_refused_in_one_line(tmp_path):
    path = tmp_path / "crawl.warc"
    path.write_text("not a warc file\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"is not a readable WARC/WET file"):
        list(sources([path]))


def test_an_input_of_another_kind_is_refused(tmp_path):
    path = tmp_path / "notes.csv"
    path.write_text("a,b\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"notes.csv: is not an article file \(.txt, .html\), a folder"):
        list(sources([path]))


def test_a_saved_page_in_a_folder_is_read_as_its_main_text_like_every_command_reads_it(tmp_path):
    markup = (
        "<html><body><nav>Home | Shop | Cart</nav><article><h1>Kratom and pain</h1>"
        "<p>Many readers tell us that kratom eases their back pain on long working days.</p>"
        "<p>Some of them also mention nausea after a large serving on an empty stomach.</p>"
        "</article><script>var x = 1;</script></body></html>"
    )
    path = tmp_path / "site" / "page.html"
    path.parent.mkdir()
    path.write_text(markup, encoding="utf-8")
    (source,) = sources([tmp_path / "site"])
    text = read_source(source)
    assert (source.article_id, text) == ("page", article_text(path))
    assert "eases their back pain" in text
    assert "var x" not in text and "Cart" not in text
