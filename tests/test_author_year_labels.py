"""Sources are labelled as the text cites them (author(s) and year, a suffix where two clash), in the
reference list and in the chapters' tables alike, and a table's label links to its reference entry."""

import pytest
from docutils.nodes import make_id
from pybtex.database import Entry, Person

from kratom_claims.bibliography import (
    AuthorYearLabels,
    author_year,
    bib_keys,
    cited,
    reference_anchor,
    reference_labels,
)
from kratom_claims.errors import EvidenceError


def entry(key, authors, year):
    return Entry("article", fields={"year": year, "title": key}, persons={"author": [Person(a) for a in authors]})


def test_labels_name_one_two_or_the_first_of_many_authors():
    assert author_year(entry("a", ["Grundmann, Oliver"], "2017")) == "Grundmann 2017"
    assert author_year(entry("b", ["Kruegel, A. C.", "Grundmann, O."], "2018")) == "Kruegel and Grundmann 2018"
    assert author_year(entry("c", ["Hill, K.", "Gibson, S.", "Smith, K. E."], "2023")) == "Hill et al. 2023"


def test_a_list_cut_short_with_and_others_reads_et_al():
    assert author_year(entry("e", ["Tanna, R. S.", "others"], "2021")) == "Tanna et al. 2021"


def test_an_agency_in_braces_is_named_without_them():
    assert (
        author_year(entry("d", ["{U.S. Food and Drug Administration}"], "2025"))
        == "U.S. Food and Drug Administration 2025"
    )


def test_clashing_labels_get_a_b_suffixes_and_unique_ones_stay_plain():
    entries = [entry("x", ["Hill, R."], "2022"), entry("y", ["Hill, R."], "2022"), entry("z", ["Ng, J."], "2021")]
    assert list(AuthorYearLabels().format_labels(entries)) == ["Hill 2022a", "Hill 2022b", "Ng 2021"]


BIB = """
@article{zed2020, author = {Zed, A.}, title = {Later}, year = {2020}}
@article{hill2022b, author = {Hill, R.}, title = {Second}, year = {2022}}
@article{hill2022a, author = {Hill, R.}, title = {First}, year = {2022}}
"""


def test_reference_labels_follow_the_lists_order_for_suffixes(tmp_path):
    path = tmp_path / "refs.bib"
    path.write_text(BIB, encoding="utf-8")
    # Sorted by author, year and title as the list is: "First" before "Second", whatever the file order.
    assert reference_labels(path) == {"hill2022a": "Hill 2022a", "hill2022b": "Hill 2022b", "zed2020": "Zed 2020"}


def test_cited_keys_read_as_labels_and_link_to_their_entries(tmp_path):
    path = tmp_path / "refs.bib"
    path.write_text(BIB, encoding="utf-8")
    sources = cited("zed2020, hill2022b", path)
    assert sources == "Zed 2020; Hill 2022b"
    assert sources.__html__() == (
        '<a href="../book/bibliography.html#cite-zed2020">Zed 2020</a>; '
        '<a href="../book/bibliography.html#cite-hill2022b">Hill 2022b</a>'
    )
    assert cited(("hill2022a",), path) == "Hill 2022a"
    assert cited("", path) == "" and cited("", path).__html__() == ""


def test_an_unknown_key_is_a_one_line_error_naming_the_bibliography(tmp_path):
    path = tmp_path / "refs.bib"
    path.write_text(BIB, encoding="utf-8")
    with pytest.raises(EvidenceError, match=r"refs\.bib: citation key 'nobody1999' is not an entry"):
        cited("zed2020, nobody1999", path)


def test_every_reference_anchor_is_the_id_sphinx_gives_its_entry():
    # _config.yml sets bibtex_cite_id "cite-{key}"; sphinxcontrib-bibtex passes it through docutils' make_id.
    for key in bib_keys():
        assert reference_anchor(key) == make_id(f"cite-{key}")
    assert reference_anchor("Smith_2020") == make_id("cite-Smith_2020") == "cite-smith-2020"


def test_the_books_references_all_get_distinct_labels():
    labels = reference_labels()
    assert set(labels) == bib_keys()
    assert len(set(labels.values())) == len(labels)
    assert labels["garciaromeu2020"] == "Garcia-Romeu et al. 2020"
