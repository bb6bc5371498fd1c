"""The extract command: the table it writes, and one clear line with status 2 for bad input."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest
import yaml

from kratom_claims.claims import CLAIM_COLUMNS

CODEBOOK = {
    "categories": {
        name: {
            "label": name.capitalize(),
            "definition": f"Test {name}.",
            "terms": [
                {"id": term, "label": term.replace("_", " "), "definition": "Test term.", "synonyms": synonyms}
                for term, synonyms in terms
            ],
        }
        for name, terms in {
            "condition": [("migraine", ["migraines"]), ("restless_legs", ["restless legs"])],
            "strain": [("borneo", [])],
            "side_effect": [("seizures", []), ("nausea", [])],
            "dosage": [("low_dose", []), ("dose_range", [])],
            "mechanism": [],
            "advice": [],
        }.items()
    }
}


@pytest.fixture
def codebook_path(tmp_path):
    path = tmp_path / "codebook.yml"
    path.write_text(yaml.safe_dump(CODEBOOK, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture
def good(tmp_path):
    path = tmp_path / "kr1_first.txt"
    path.write_text(
        "Borneo kratom eased my migraines.\nLow dose: 1-2 grams\nKratom does not cause seizures.\n", encoding="utf-8"
    )
    return path


def test_extract_writes_a_claims_table(tmp_path, good, codebook_path, cli):
    second = tmp_path / "kr2_second.txt"
    second.write_text("Kratom may calm restless legs.\n", encoding="utf-8")
    out = tmp_path / "claims.csv"
    status, stdout, stderr = cli("extract", good, second, "--out", out, "--codebook", codebook_path)
    assert (status, stderr) == (0, "")
    assert stdout == f"wrote 5 claims from 2 article(s) to {out}\n"
    table = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert list(table.columns) == CLAIM_COLUMNS
    assert table[
        ["claim_id", "article_id", "category", "term", "stance", "hedged", "dose_low_g", "dose_high_g"]
    ].values.tolist() == [
        ["kr1-001", "kr1_first", "strain", "borneo", "asserted", "false", "", ""],
        ["kr1-002", "kr1_first", "condition", "migraine", "asserted", "false", "", ""],
        ["kr1-003", "kr1_first", "dosage", "low_dose", "asserted", "false", "1", "2"],
        ["kr1-004", "kr1_first", "side_effect", "seizures", "denied", "false", "", ""],
        ["kr2-001", "kr2_second", "condition", "restless_legs", "asserted", "true", "", ""],
    ]
    text = good.read_text(encoding="utf-8")
    for row in table[table["article_id"] == "kr1_first"].itertuples(index=False):
        assert text[int(row.start) : int(row.end)] == row.quote


def test_claim_ids_stay_unique_when_articles_share_a_prefix(tmp_path, codebook_path, cli):
    for name in ("abc_one", "abc_two"):
        (tmp_path / f"{name}.txt").write_text("Kratom eased my migraines.\n", encoding="utf-8")
    out = tmp_path / "claims.csv"
    assert (
        cli("extract", tmp_path / "abc_one.txt", tmp_path / "abc_two.txt", "--out", out, "--codebook", codebook_path)[0]
        == 0
    )
    assert list(pd.read_csv(out, dtype=str)["claim_id"]) == ["abc-001", "abc-002"]


def _write_bad(tmp_path, kind):
    path = tmp_path / f"bad_{kind}.txt"
    if kind == "folder":
        path.mkdir()
    elif kind == "empty":
        path.write_bytes(b"  \n")
    elif kind == "latin1":
        path.write_bytes("Kratom caf\u00e9 eased migraines.".encode("latin-1"))
    elif kind == "binary":
        path.write_bytes(b"Kratom\x00\x01\x02 eased migraines.")
    return path


@pytest.mark.parametrize(
    "kind, problem",
    [
        ("missing", "article file is missing"),
        ("folder", "holds no article files"),
        ("empty", "article file is empty"),
        ("latin1", "not valid UTF-8"),
        ("binary", "contains NUL bytes"),
    ],
)
def test_bad_second_article_stops_with_one_line_and_no_output(tmp_path, good, codebook_path, cli, kind, problem):
    bad = _write_bad(tmp_path, kind)
    out = tmp_path / "claims.csv"
    status, stdout, stderr = cli("extract", good, bad, "--out", out, "--codebook", codebook_path)
    assert status == 2 and stdout == ""
    assert stderr.count("\n") == 1 and stderr.startswith(f"error: {bad}: ")
    assert problem in stderr
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".claims")] == []


def test_bad_input_leaves_an_earlier_output_untouched_even_with_force(tmp_path, good, codebook_path, cli):
    out = tmp_path / "claims.csv"
    out.write_text("earlier run\n", encoding="utf-8")
    status, _, stderr = cli(
        "extract", good, tmp_path / "absent.txt", "--out", out, "--force", "--codebook", codebook_path
    )
    assert (status, stderr) == (2, f"error: {tmp_path / 'absent.txt'}: article file is missing (or is not a file)\n")
    assert out.read_text(encoding="utf-8") == "earlier run\n"


def test_an_existing_output_is_replaced_only_with_force(tmp_path, good, codebook_path, cli):
    out = tmp_path / "claims.csv"
    out.write_text("earlier run\n", encoding="utf-8")
    status, stdout, stderr = cli("extract", good, "--out", out, "--codebook", codebook_path)
    assert (status, stdout) == (2, "")
    assert (
        stderr == f"error: {out}: the output file already exists; choose another name, or add --force to replace it\n"
    )
    assert out.read_text(encoding="utf-8") == "earlier run\n"
    status, stdout, _ = cli("extract", good, "--out", out, "--force", "--codebook", codebook_path)
    assert (status, stdout) == (0, f"wrote 4 claims from 1 article(s) to {out}\n")
    assert out.read_text(encoding="utf-8").startswith(",".join(CLAIM_COLUMNS) + "\n")


def test_out_naming_an_input_is_refused_even_with_force(tmp_path, good, codebook_path, cli):
    before = good.read_bytes()
    for out in (good, tmp_path / "." / good.name, codebook_path):
        status, _, stderr = cli("extract", good, "--out", out, "--force", "--codebook", codebook_path)
        assert status == 2
        assert (
            stderr
            == f"error: {out}: --out is one of the command's input files, which writing would destroy; choose another file\n"
        )
    assert good.read_bytes() == before


def test_out_inside_the_data_folder_is_refused_even_with_force(tmp_path, data_copy, cli, monkeypatch):
    data_dir = data_copy
    monkeypatch.setenv("KRATOM_CLAIMS_ROOT", str(tmp_path))
    claims_before = (data_dir / "claims.csv").read_bytes()
    articles = sorted((data_dir / "articles").glob("*.txt"))
    for out in (data_dir / "claims.csv", data_dir / "machine_claims.csv"):
        status, stdout, stderr = cli("extract", *articles, "--out", out, "--force")
        assert (status, stdout) == (2, "")
        assert stderr == (
            f"error: {out}: --out is inside the data folder {data_dir}, whose files the book reads; "
            "write machine-proposed claims elsewhere and compare them with the curated ones\n"
        )
    assert (data_dir / "claims.csv").read_bytes() == claims_before
    assert not (data_dir / "machine_claims.csv").exists()


def test_out_that_is_a_symbolic_link_is_refused_even_with_force(tmp_path, good, codebook_path, cli):
    target = tmp_path / "elsewhere.csv"
    target.write_text("someone's file\n", encoding="utf-8")
    link = tmp_path / "claims.csv"
    link.symlink_to(target)
    status, _, stderr = cli("extract", good, "--out", link, "--force", "--codebook", codebook_path)
    assert (status, stderr) == (
        2,
        f"error: {link}: is a symbolic link; refusing to write through it: remove the link or choose another file\n",
    )
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "someone's file\n"


def test_two_files_with_one_article_id_are_refused(tmp_path, good, codebook_path, cli):
    twin = tmp_path / "elsewhere"
    twin.mkdir()
    (twin / good.name).write_text("Kratom eased migraines.\n", encoding="utf-8")
    status, _, stderr = cli("extract", good, twin / good.name, "--out", tmp_path / "c.csv", "--codebook", codebook_path)
    assert status == 2 and "same article id 'kr1_first'" in stderr


@pytest.mark.parametrize("where", ["no_such_folder/claims.csv", "a_file/claims.csv", "."])
def test_unusable_out_path(tmp_path, good, codebook_path, cli, where):
    (tmp_path / "a_file").write_text("x", encoding="utf-8")
    out = tmp_path / where
    status, _, stderr = cli("extract", good, "--out", out, "--codebook", codebook_path)
    assert status == 2 and stderr.count("\n") == 1
    assert stderr.startswith(f"error: {out}: ")


def test_unwritable_out_folder(tmp_path, good, codebook_path, cli, monkeypatch):
    # Simulated: tests may run as root, who can write into any folder whatever its mode.
    monkeypatch.setattr("kratom_claims.files.os.access", lambda path, mode: False)
    status, _, stderr = cli("extract", good, "--out", tmp_path / "claims.csv", "--codebook", codebook_path)
    assert status == 2
    assert stderr == f"error: {tmp_path / 'claims.csv'}: cannot write the output: folder {tmp_path} is not writable\n"


def test_failed_write_is_one_line(tmp_path, good, codebook_path, cli, monkeypatch):
    def refuse(path, partitions):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("kratom_claims.cli.write_claim_rows", refuse)
    out = tmp_path / "claims.csv"
    status, _, stderr = cli("extract", good, "--out", out, "--codebook", codebook_path)
    assert (status, stderr) == (2, f"error: {out}: cannot write the output (Permission denied)\n")


@pytest.mark.parametrize(
    "content, problem",
    [("categories: [unclosed\n  - x: {\n", "not valid YAML"), ("categories: {}\n", "category 'condition' is missing")],
)
def test_malformed_codebook(tmp_path, good, cli, content, problem):
    bad = tmp_path / "bad_codebook.yml"
    bad.write_text(content, encoding="utf-8")
    out = tmp_path / "claims.csv"
    status, _, stderr = cli("extract", good, "--out", out, "--codebook", bad)
    assert status == 2 and stderr.count("\n") == 1
    assert stderr.startswith(f"error: {bad}: ") and problem in stderr
    assert not out.exists()


def test_usage_mistakes_are_one_line_with_status_2(cli):
    status, _, stderr = cli("extract", "article.txt")
    assert status == 2 and stderr.count("\n") == 1 and "--out" in stderr
    status, _, stderr = cli("frobnicate")
    assert status == 2 and "invalid choice" in stderr


def test_help_explains_the_command_with_an_example(cli):
    status, stdout, _ = cli("extract", "--help")
    assert status == 0
    assert "--out CLAIMS.csv" in stdout and "--codebook PATH" in stdout
    assert "examples:\n  python -m kratom_claims extract data/articles/*.txt --out" in stdout


def test_module_entry_point_reports_without_traceback(tmp_path, codebook_path):
    missing = tmp_path / "missing.txt"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "kratom_claims",
            "extract",
            str(missing),
            "--out",
            str(tmp_path / "c.csv"),
            "--codebook",
            str(codebook_path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr == f"error: {missing}: article file is missing (or is not a file)\n"
