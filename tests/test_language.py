"""Language and length: a text in another language is refused with the reason and the way round it; odd lengths warn."""

from __future__ import annotations

import pytest
from tiny_data import NEW_TEXT, snapshot

from kratom_claims.errors import CorpusError
from kratom_claims.intake import add_article
from kratom_claims.language import check_english, detect_language, length_warnings

CZECH = (
    "Kratom je rostlina z jihovýchodní Asie. Lidé ho užívají proti bolesti zad a kloubů, ale lékaři varují, "
    "že může způsobit závislost, nevolnost a zácpu, a proto by se neměl kombinovat s jinými léky."
)
GERMAN = (
    "Kratom ist eine Pflanze aus Südostasien. Viele Menschen nehmen es gegen Rückenschmerzen, aber Ärzte "
    "warnen, dass es abhängig machen kann und Übelkeit sowie Verstopfung verursacht, besonders bei hohen Dosen."
)
ENGLISH = (
    "Kratom is a plant from Southeast Asia. Many people take it for back pain, but doctors warn that it can "
    "lead to dependence and cause nausea and constipation, especially at high doses."
)


@pytest.mark.parametrize(("text", "code"), [(CZECH, "cs"), (GERMAN, "de"), (ENGLISH, "en")])
def test_the_detector_names_the_language(text, code):
    assert detect_language(text)[0] == code


def test_a_czech_text_is_refused_saying_why_and_how_to_go_on():
    with pytest.raises(CorpusError) as raised:
        check_english(CZECH, "page.txt")
    problem = raised.value.problem
    assert problem.startswith("the text reads as language 'cs'")
    assert "the codebook's words and the reading-grade formulas are English" in problem
    assert problem.endswith("add --allow-language to analyse it anyway")


def test_english_and_texts_too_short_to_judge_pass():
    check_english(ENGLISH, "page.txt")
    check_english("left over", "page.txt")


def test_add_refuses_a_german_article_and_writes_nothing_unless_allowed(data_dir, tmp_path):
    source = tmp_path / "abc_german.txt"
    source.write_text(GERMAN + "\n", encoding="utf-8")
    before = snapshot(tmp_path)
    with pytest.raises(CorpusError, match="reads as language 'de'"):
        add_article(source, "T", data_dir=data_dir)
    assert snapshot(tmp_path) == before
    added = add_article(source, "T", data_dir=data_dir, allow_language=True)
    assert added.article_path.read_text(encoding="utf-8") == GERMAN + "\n"


def test_short_and_long_articles_warn_in_one_line_each():
    assert length_warnings(NEW_TEXT, "a.txt") == ["a.txt: only 9 words (under 100); is this the whole article?"]
    assert length_warnings("word " * 100, "a.txt") == []
    assert length_warnings("word " * 20_001, "a.txt") == [
        "a.txt: 20,001 words (over 20,000); is this one article, not a whole thread or site?"
    ]


def test_plain_english_is_passed_without_loading_the_detector_and_other_text_is_asked():
    from kratom_claims.language import _identifier

    _identifier.cache_clear()
    check_english(ENGLISH, "page.txt")
    assert _identifier.cache_info().currsize == 0
    with pytest.raises(CorpusError):
        check_english(CZECH, "page.txt")
    assert _identifier.cache_info().currsize == 1
