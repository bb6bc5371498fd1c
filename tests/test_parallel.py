"""`extract` over a corpus: the same bytes for any --jobs, streamed, and nothing written on bad input."""

from __future__ import annotations

import json

import pytest

from kratom_claims.claims import claims_csv, numbered_claims
from kratom_claims.codebook import load_codebook
from kratom_claims.extract import extract_claims
from kratom_claims.layout import project_layout
from kratom_claims.parallel import PARTITION_ARTICLES

# Enough articles for several partitions, so that ordering and claim numbering cross them.
ARTICLES = 3 * PARTITION_ARTICLES + 5


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The book's articles written again under new ids, each with a sentence of its own; the ids
    share short labels ("s00", "s01", ...) across partitions, so claim numbering runs across them."""
    folder = tmp_path_factory.mktemp("corpus")
    originals = [p.read_text(encoding="utf-8") for p in sorted(project_layout().articles_dir.glob("*.txt"))]
    texts = {}
    for number in range(ARTICLES):
        article_id = f"s{number % 7:02d}_{number:04d}"
        texts[article_id] = f"Article {number}. Kratom may ease back pain.\n" + originals[number % len(originals)]
        (folder / f"{article_id}.txt").write_text(texts[article_id], encoding="utf-8")
    return folder, texts


def _expected(texts) -> bytes:
    """The claims file as the command wrote it before it streamed: one table, numbered, then written."""
    return claims_csv(numbered_claims(extract_claims(texts, load_codebook()), ""), "expected")


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_output_is_byte_identical_for_any_number_of_workers(tmp_path, corpus, cli, jobs):
    folder, texts = corpus
    out = tmp_path / "claims.csv"
    status, stdout, stderr = cli("extract", folder, "--jobs", jobs, "--out", out)
    assert (status, stderr) == (0, "")
    expected = _expected({article_id: texts[article_id] for article_id in sorted(texts)})  # a folder's order
    assert out.read_bytes() == expected
    rows = len(expected.splitlines()) - 1  # no quote in these articles spans a line
    assert stdout == f"wrote {rows} claims from {ARTICLES} article(s) to {out}\n"


def test_a_list_file_and_json_lines_give_the_same_rows_as_the_files(tmp_path, corpus, cli):
    folder, texts = corpus
    listing = tmp_path / "list.txt"
    ids = list(texts)
    listing.write_text("".join(f"{folder / article_id}.txt\n" for article_id in ids[:40]), encoding="utf-8")
    records = tmp_path / "rest.jsonl"
    records.write_text(
        "".join(json.dumps({"id": article_id, "text": texts[article_id]}) + "\n" for article_id in ids[40:]),
        encoding="utf-8",
    )
    out = tmp_path / "claims.csv"
    # Inputs named on the command line come first, then the lists of --from-list, each in its order.
    status, _, stderr = cli("extract", records, "--from-list", listing, "--jobs", 2, "--out", out)
    assert (status, stderr) == (0, "")
    assert out.read_bytes() == _expected({article_id: texts[article_id] for article_id in ids[40:] + ids[:40]})


def test_a_bad_article_in_a_worker_stops_the_command_in_one_line_and_writes_nothing(tmp_path, corpus, cli):
    folder, _ = corpus
    bad = tmp_path / "zz_latin1.txt"
    bad.write_bytes("Kratom caf\u00e9.".encode("latin-1"))
    listing = tmp_path / "list.txt"
    listing.write_text(f"{folder}\n{bad}\n", encoding="utf-8")
    out = tmp_path / "claims.csv"
    status, stdout, stderr = cli("extract", f"@{listing}", "--jobs", 2, "--out", out)
    assert (status, stdout) == (2, "")
    assert stderr == f"error: {bad}: article is not valid UTF-8 (byte 10: b'\\xe9')\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["list.txt", "zz_latin1.txt"]


def test_two_articles_with_one_id_are_refused_whichever_inputs_hold_them(tmp_path, corpus, cli):
    folder, _ = corpus
    twin = tmp_path / "s00_0000.txt"
    twin.write_text("Kratom eases pain.", encoding="utf-8")
    out = tmp_path / "claims.csv"
    status, _, stderr = cli("extract", folder, twin, "--out", out)
    assert status == 2
    assert stderr == f"error: {twin}: has the same article id 's00_0000' as {folder / 's00_0000.txt'}\n"
    assert not out.exists()


def test_a_second_run_never_overwrites_the_output_without_force(tmp_path, corpus, cli):
    folder, _ = corpus
    out = tmp_path / "claims.csv"
    assert cli("extract", folder, "--out", out)[0] == 0
    first = out.read_bytes()
    status, _, stderr = cli("extract", folder, "--out", out)
    assert (status, out.read_bytes()) == (2, first)
    assert "the output file already exists" in stderr


def test_an_output_the_folder_walk_would_read_is_refused(tmp_path, cli):
    (tmp_path / "page.txt").write_text("Kratom eases pain.", encoding="utf-8")
    out = tmp_path / "claims.txt"
    status, _, stderr = cli("extract", tmp_path, "--out", out)
    assert status == 2 and "--out is one of the command's input files" in stderr


def test_no_input_at_all_is_a_usage_error(tmp_path, cli):
    status, _, stderr = cli("extract", "--out", tmp_path / "claims.csv")
    assert status == 2 and stderr.startswith("error: extract: give at least one input")


@pytest.mark.parametrize("jobs", ["0", "two"])
def test_jobs_must_be_a_positive_whole_number(tmp_path, cli, jobs):
    status, _, stderr = cli("extract", "a.txt", "--jobs", jobs, "--out", tmp_path / "claims.csv")
    assert status == 2 and "--jobs: must be a whole number of at least 1" in stderr


def test_memory_of_the_window_is_bounded_not_the_corpus(monkeypatch):
    """The pool is fed through a window: with a corpus of 1,000 tasks, when the first result comes
    back the input has been read no further than the window (4 tasks for 2 workers), the task
    waiting for a slot, and the one read when the first result freed its slot."""
    from kratom_claims import parallel

    read = []

    def tasks():
        for number in range(1000):
            read.append(number)
            yield number

    results = parallel.in_order_on_pool(abs, tasks(), 2)
    assert next(results) == 0
    assert len(read) <= parallel.IN_FLIGHT_PER_WORKER * 2 + 2
    assert list(results) == list(range(1, 1000))


def test_the_extract_example_in_the_help_names_a_folder_input(cli):
    _, stdout, _ = cli("extract", "--help")
    assert "python -m kratom_claims extract saved_pages/ --jobs 4 --out claims.csv" in stdout


def test_ids_and_quotes_that_need_csv_quotes_are_written_as_the_table_writer_writes_them(tmp_path, cli):
    texts = {
        'a,"b_page': "Kratom eases back pain.\rIt may cause nausea, users say.",
        "plain_page": "Kratom may help with anxiety.",
    }
    records = tmp_path / "pages.jsonl"
    records.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in texts.items()), encoding="utf-8")
    out = tmp_path / "claims.csv"
    assert cli("extract", records, "--jobs", 2, "--out", out)[0] == 0
    written = out.read_bytes()
    assert written == _expected(texts)
    assert b'"a,""-001","a,""b_page"' in written
