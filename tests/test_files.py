"""The one way files are written: whole or not at all, with the permissions a reader needs, never through a link."""

from __future__ import annotations

import os
import stat

import pandas as pd
import pytest
from tiny_data import NEW_TEXT, write_data_dir

from kratom_claims.claims import CLAIM_COLUMNS, write_claims
from kratom_claims.errors import DataError
from kratom_claims.files import stray_temp_files, write_file
from kratom_claims.intake import add_article


def mode_of(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_is_readable_by_everyone(tmp_path):
    write_file(tmp_path / "new.csv", b"a,b\n")
    assert (tmp_path / "new.csv").read_bytes() == b"a,b\n"
    assert mode_of(tmp_path / "new.csv") == 0o644


def test_a_replaced_file_keeps_its_mode(tmp_path):
    path = tmp_path / "shared.csv"
    path.write_bytes(b"old\n")
    path.chmod(0o664)
    write_file(path, b"new\n")
    assert (path.read_bytes(), mode_of(path)) == (b"new\n", 0o664)


def test_claim_tables_and_review_files_are_written_rw_r__r__(tmp_path, work):
    table = pd.DataFrame(columns=CLAIM_COLUMNS)
    write_claims(table, tmp_path / "claims_out.csv")
    assert mode_of(tmp_path / "claims_out.csv") == 0o644
    data_dir = write_data_dir(tmp_path / "data")
    source = tmp_path / "abc_new.txt"
    source.write_text(NEW_TEXT, encoding="utf-8")
    source.chmod(0o600)
    added = add_article(source, "Title", data_dir=data_dir)
    assert mode_of(work / added.review_path) == 0o644
    assert mode_of(added.article_path) == 0o644
    assert mode_of(data_dir / "articles.csv") == 0o644


def test_a_symbolic_link_is_refused_and_left_as_it_is(tmp_path):
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_bytes(b"not yours\n")
    link = tmp_path / "out.csv"
    link.symlink_to(elsewhere)
    with pytest.raises(DataError) as raised:
        write_file(link, b"claims\n")
    assert (raised.value.path, raised.value.problem) == (
        str(link),
        "is a symbolic link; refusing to write through it: remove the link or choose another file",
    )
    assert link.is_symlink() and elsewhere.read_bytes() == b"not yours\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["elsewhere.txt", "out.csv"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch):
    path = tmp_path / "kept.csv"
    path.write_bytes(b"old\n")

    def disk_full(handle):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("kratom_claims.files.os.fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        write_file(path, b"new\n")
    assert path.read_bytes() == b"old\n"
    assert os.listdir(tmp_path) == ["kept.csv"]


def test_stray_temp_files_are_exactly_those_write_file_names(tmp_path):
    for name in (".articles.csv.a1b2_c3d.tmp", ".claims.csv.zz99yy88.tmp", "notes.tmp", ".hidden.tmp", "claims.csv"):
        (tmp_path / name).write_bytes(b"x")
    assert [p.name for p in stray_temp_files(tmp_path)] == [".articles.csv.a1b2_c3d.tmp", ".claims.csv.zz99yy88.tmp"]
    assert stray_temp_files(tmp_path / "absent") == []
