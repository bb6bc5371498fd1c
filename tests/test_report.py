"""report: one self-contained page per article, built from the package's own rules; bad input refused in one line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from tiny_data import snapshot

from kratom_claims.book_data import load_book_data
from kratom_claims.evidence import load_evidence
from kratom_claims.layout import project_layout
from kratom_claims.report import REPORTED_ID, build_report
from kratom_claims.risks import documented_risks

PAGE = Path(__file__).parent / "pages" / "abc_saved_page.html"

ARTICLE = (
    "Kratom for Everyday Aches\n"
    "Kratom may ease chronic pain, and it does not cause addiction, our readers say. "
    "It can cause nausea in some people. <script>alert('x')</script> Start with 2 grams.\n"
    + "Talk to your doctor before you try any new supplement for pain, and read the label with care. "
    * 8
)


@pytest.fixture(scope="module")
def article(tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "aches.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def page(article):
    return build_report(article).html


@pytest.fixture(scope="module")
def soup(page):
    return BeautifulSoup(page, "html.parser")


def test_the_page_requests_nothing_and_runs_nothing(page, soup):
    assert soup.find("script") is None and soup.find("img") is None
    # The one link is an empty icon inside the page, so that a browser asks no server for one.
    assert [(link.get("rel"), link.get("href")) for link in soup.find_all("link")] == [(["icon"], "data:,")]
    assert re.findall(r"\b(?:src|href)\s*=\s*\"([^\"]*)\"", page) == ["data:,"]
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page


def test_every_quote_is_marked_in_place_with_its_category_letter(soup):
    marks = soup.select("div.article mark")
    texts = [m.get_text() for m in marks]
    assert "Kratom may ease chronic pain, and it does not cause addiction, our readers say." in texts[0]
    assert any("It can cause nausea in some people." in t for t in texts)
    tags = [m.find_next_sibling("span", class_="tag").get_text() for m in marks]
    assert "[C?, E not?]" in tags  # chronic pain asserted and addiction denied, both hedged by "may"
    assert "[E?, D?]" in tags
    assert any("denied" in m["class"] for m in marks) and any("hedged" in m["class"] for m in marks)


def test_the_legend_says_in_words_what_each_colour_and_mark_means(soup):
    legend = soup.find("h3", string="How to read the marks").find_next("ul").get_text(" ")
    for words in ("condition tagged C", "side effect tagged E", "denies the claim", "is hedged"):
        assert words in " ".join(legend.split())


def test_shared_claims_name_the_book_articles_that_assert_them_too(soup):
    table = soup.find("caption", string="Asserted claims shared with the book's articles").parent
    rows = {tr.find_all("td")[0].get_text(): tr.find_all("td")[1].get_text() for tr in table.select("tbody tr")}
    claims = load_book_data().claims
    chronic = claims[(claims["term"] == "chronic_pain") & (claims["stance"] == "asserted")]
    expected = ", ".join(a[:3] for a in sorted(set(chronic["article_id"])))
    assert rows["condition: Chronic pain"] == expected


def test_the_risks_left_out_are_the_documented_risks_it_does_not_name(soup):
    section = soup.find("h2", string="Documented risks it leaves out").parent
    left_out = [li.get_text() for li in section.find("ul").find_all("li")]
    risks = documented_risks(load_evidence())
    codebook = load_book_data().codebook
    named = {"nausea", "addiction"}  # named (nausea) or denied (addiction): both mentioned
    assert left_out == [codebook.term_label("side_effect", t) for t in risks.index if t not in named]


def test_the_verdict_table_has_a_row_per_proposed_claim(soup, article):
    table = soup.find("caption", string="Evidence verdict for each proposed claim").parent
    claims = soup.find("caption", string="The proposed claims").parent
    assert len(table.select("tbody tr")) == len(claims.select("tbody tr")) > 0
    assert all(td.get_text().startswith(REPORTED_ID[:3] + "-") for td in table.select("tbody tr td:first-child"))


def test_the_reading_grades_are_shown_beside_the_book_range(soup):
    table = soup.find("caption", string=re.compile("Reading grades")).parent
    first = [td.get_text() for td in table.select("tbody tr")[0].find_all("td")]
    assert first[0] == "Flesch-Kincaid grade" and re.fullmatch(r"-?\d+\.\d", first[1]) and " to " in first[2]


def test_report_command_writes_the_page_and_refuses_to_overwrite(article, tmp_path, cli, monkeypatch):
    monkeypatch.chdir(project_layout().project_root)
    out = tmp_path / "report.html"
    status, stdout, stderr = cli("report", article, "--out", out)
    assert (status, stderr) == (0, "")
    assert stdout.startswith("wrote a report on ") and out.read_text().startswith("<!DOCTYPE html>")
    before = snapshot(tmp_path)
    status, _, stderr = cli("report", article, "--out", out)
    assert status == 2 and stderr.startswith(f"error: {out}: the output file already exists")
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (None, "article file is missing"),
        (b"", "article file is empty"),
        (
            "Kratom ist eine Pflanze aus Südostasien. Viele Menschen nehmen es gegen Rückenschmerzen, aber Ärzte "
            "warnen, dass es abhängig machen kann und Übelkeit sowie Verstopfung verursacht.".encode(),
            "the text reads as language 'de'",
        ),
    ],
)
def test_report_refuses_bad_input_in_one_line_and_writes_nothing(tmp_path, cli, content, problem):
    source = tmp_path / "in.txt"
    if content is not None:
        source.write_bytes(content)
    before = snapshot(tmp_path)
    status, stdout, stderr = cli("report", source, "--out", tmp_path / "out.html")
    assert (status, stdout) == (2, "")
    assert stderr.startswith(f"error: {source}: {problem}") and stderr.count("\n") == 1
    assert snapshot(tmp_path) == before


def test_a_saved_web_page_is_reported_on_its_main_text():
    page = BeautifulSoup(build_report(PAGE).html, "html.parser")
    text = page.select_one("div.article").get_text()
    assert "Kratom may ease chronic pain in the lower back" in text and "Cart (0)" not in text
