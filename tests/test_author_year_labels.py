"""The reference list is labelled as the text cites it: author(s) and year, with a suffix where two clash."""

import importlib.util

from pybtex.database import Entry, Person

from kratom_claims.layout import project_layout

spec = importlib.util.spec_from_file_location(
    "author_year_labels", project_layout().project_root / "_ext" / "author_year_labels.py"
)
labels = importlib.util.module_from_spec(spec)
spec.loader.exec_module(labels)


def entry(key, authors, year):
    return Entry("article", fields={"year": year, "title": key}, persons={"author": [Person(a) for a in authors]})


def test_labels_name_one_two_or_the_first_of_many_authors():
    assert labels.author_year(entry("a", ["Grundmann, Oliver"], "2017")) == "Grundmann 2017"
    assert labels.author_year(entry("b", ["Kruegel, A. C.", "Grundmann, O."], "2018")) == "Kruegel and Grundmann 2018"
    assert labels.author_year(entry("c", ["Hill, K.", "Gibson, S.", "Smith, K. E."], "2023")) == "Hill et al. 2023"


def test_an_agency_in_braces_is_named_without_them():
    assert (
        labels.author_year(entry("d", ["{U.S. Food and Drug Administration}"], "2025"))
        == "U.S. Food and Drug Administration 2025"
    )


def test_clashing_labels_get_a_b_suffixes_and_unique_ones_stay_plain():
    entries = [entry("x", ["Hill, R."], "2022"), entry("y", ["Hill, R."], "2022"), entry("z", ["Ng, J."], "2021")]
    assert list(labels.AuthorYearLabels().format_labels(entries)) == ["Hill 2022a", "Hill 2022b", "Ng 2021"]
