"""Changes to several files at once: all or nothing, even when the process is killed half-way.

The kill tests run a command in a forked process that sends itself SIGKILL just before its n-th
call of os.fsync, os.replace or os.unlink, for n = 1, 2, ... until the command gets through. After
every kill the next command must find the data folder whole: the change completed or rolled back,
no temporary file left, and one line saying what was recovered.
"""

from __future__ import annotations

import multiprocessing
import os
import signal

import pandas as pd
import pytest
from tiny_data import NEW_TEXT, claim, snapshot, write_data_dir

from kratom_claims import journal
from kratom_claims.claims import CLAIM_COLUMNS, write_claims
from kratom_claims.corpus import load_corpus
from kratom_claims.errors import DataError
from kratom_claims.intake import accept_review, add_article
from kratom_claims.journal import Change, journal_path
from kratom_claims.lock import LOCK_NAME

FORK = multiprocessing.get_context("fork")
ORIGINAL_IDS = ["000_aaaa", "001_bbbb", "002_cccc"]


def test_a_change_replaces_every_file_and_leaves_nothing_else(tmp_path):
    kept, new = tmp_path / "kept.txt", tmp_path / "new.txt"
    kept.write_bytes(b"earlier")
    change = Change(tmp_path, "test change")
    change.stage(kept, b"later")
    change.stage(new, b"fresh")
    assert kept.read_bytes() == b"earlier" and not new.exists()
    change.commit()
    assert (kept.read_bytes(), new.read_bytes()) == (b"later", b"fresh")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.txt", "new.txt"]


def test_a_change_whose_check_fails_puts_every_file_back(tmp_path):
    kept, new = tmp_path / "kept.txt", tmp_path / "new.txt"
    kept.write_bytes(b"earlier")
    change = Change(tmp_path, "test change")
    change.stage(kept, b"later")
    change.stage(new, b"fresh")

    def check():
        assert (kept.read_bytes(), new.read_bytes()) == (b"later", b"fresh")
        raise RuntimeError("the new files do not load")

    with pytest.raises(RuntimeError, match="do not load"):
        change.commit(check)
    assert kept.read_bytes() == b"earlier"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.txt"]


def test_a_change_refuses_to_replace_a_symbolic_link(tmp_path):
    (tmp_path / "real.txt").write_bytes(b"real")
    (tmp_path / "link.txt").symlink_to(tmp_path / "real.txt")
    with pytest.raises(DataError, match="is a symbolic link"):
        Change(tmp_path, "test change").stage(tmp_path / "link.txt", b"x")
    assert (tmp_path / "real.txt").read_bytes() == b"real"


def test_a_stray_temporary_file_is_removed_by_the_next_load(tmp_path, capsys):
    data_dir = write_data_dir(tmp_path / "data")
    stray = data_dir / ".articles.csv.k2j4_9ab.tmp"
    stray.write_bytes(b"article_id,title\n")
    assert load_corpus(data_dir).ids == ORIGINAL_IDS
    assert capsys.readouterr().err == f"{data_dir}: removed 1 temporary file(s) left by an interrupted write\n"
    assert not stray.exists()


def test_an_unreadable_journal_is_one_clear_error(tmp_path):
    data_dir = write_data_dir(tmp_path / "data")
    journal_path(data_dir).write_text("{not json", encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_corpus(data_dir)
    assert raised.value.path == str(journal_path(data_dir))
    assert raised.value.problem.startswith("the journal of an interrupted change is unreadable (")


def _killed_before_call(number: int, command) -> int:
    """Run ``command`` in a forked process killed just before its ``number``-th fsync, replace or unlink; its exit code."""

    def child():
        calls = [0]

        def counted(real):
            def call(*args, **kwargs):
                calls[0] += 1
                if calls[0] == number:
                    os.kill(os.getpid(), signal.SIGKILL)
                return real(*args, **kwargs)

            return call

        os.fsync, os.replace, os.unlink = counted(os.fsync), counted(os.replace), counted(os.unlink)
        command()

    process = FORK.Process(target=child)
    process.start()
    process.join(60)
    return process.exitcode


def _kill_at_every_point(tmp_path, capsys, prepare, command, outcome):
    """Kill ``command`` at each point in turn; after each kill the next load must recover one whole state."""
    outcomes = []
    for number in range(1, 200):
        folder = tmp_path / f"run{number}"
        folder.mkdir()
        data_dir = write_data_dir(folder / "data")
        prepared = prepare(folder, data_dir)
        capsys.readouterr()
        exitcode = _killed_before_call(number, lambda args=(folder, data_dir, prepared): command(*args))
        if exitcode == 0:
            break
        assert exitcode == -signal.SIGKILL
        corpus = load_corpus(data_dir)
        said = capsys.readouterr().err
        state = outcome(folder, data_dir, corpus)
        assert state in ("completed", "rolled back")
        assert said.count("\n") <= 1
        assert "completed" not in said or state == "completed"
        assert "rolled back" not in said or state == "rolled back"
        left = [name for name in snapshot(folder) if name.rsplit("/", 1)[-1].startswith(".")]
        assert left == []
        outcomes.append(state)
    assert number > 5 and set(outcomes) == {"completed", "rolled back"}


def test_add_killed_at_any_point_is_completed_or_rolled_back_by_the_next_command(tmp_path, capsys):
    def prepare(folder, data_dir):
        source = folder / "abc_new.txt"
        source.write_text(NEW_TEXT, encoding="utf-8")
        return source

    def command(folder, data_dir, source):
        add_article(source, "Title", review_path=folder / "review.csv", data_dir=data_dir)

    def outcome(folder, data_dir, corpus):
        if corpus.ids == [*ORIGINAL_IDS, "abc_new"]:
            assert pd.read_csv(folder / "review.csv")["claim_id"].tolist() == ["abc-001", "abc-002"]
            return "completed"
        assert corpus.ids == ORIGINAL_IDS
        assert not (folder / "review.csv").exists() and not (data_dir / "articles" / "abc_new.txt").exists()
        return "rolled back"

    _kill_at_every_point(tmp_path, capsys, prepare, command, outcome)


def test_accept_killed_at_any_point_is_completed_or_rolled_back_by_the_next_command(tmp_path, capsys):
    def prepare(folder, data_dir):
        source = folder / "abc_new.txt"
        source.write_text(NEW_TEXT, encoding="utf-8")
        add_article(source, "Title", review_path=folder / "proposed.csv", data_dir=data_dir)
        review = folder / "review.csv"
        rows = [
            claim("abc-001", "abc_new", "condition", "chronic_pain", "Kratom may ease chronic pain.", hedged="true")
        ]
        write_claims(pd.DataFrame(rows, columns=CLAIM_COLUMNS), review)
        return review

    def command(folder, data_dir, review):
        accept_review(review, data_dir)

    def outcome(folder, data_dir, corpus):
        rows = pd.read_csv(data_dir / "claims.csv", dtype=str)["claim_id"].tolist()
        if rows == ["000-001", "001-001", "abc-001"]:
            return "completed"
        assert rows == ["000-001", "001-001"]
        return "rolled back"

    _kill_at_every_point(tmp_path, capsys, prepare, command, outcome)


def test_a_kill_between_the_swaps_of_add_is_completed_by_the_next_command_with_one_line(tmp_path, work, cli):
    """The reported case: the article and review swapped in, articles.csv not yet; the next command finishes the add."""
    data_dir = write_data_dir(tmp_path / "data")
    source = tmp_path / "abc_new.txt"
    source.write_text(NEW_TEXT, encoding="utf-8")

    def child():
        real_replace = os.replace

        def replace(source_path, target):
            if os.path.basename(target) == "articles.csv":
                os.kill(os.getpid(), signal.SIGKILL)
            real_replace(source_path, target)

        os.replace = replace
        add_article(source, "Title", data_dir=data_dir)

    process = FORK.Process(target=child)
    process.start()
    process.join(60)
    assert process.exitcode == -signal.SIGKILL
    assert (data_dir / "articles" / "abc_new.txt").exists() and (
        data_dir.parent / "reviews" / "review_abc_new.csv"
    ).exists()
    assert journal_path(data_dir).exists()

    status, stdout, stderr = cli("locate", "abc_new", "It can cause nausea.", "--data-dir", data_dir)
    assert (status, stdout) == (0, "start 30 end 50\n")
    assert stderr == f"{data_dir}: recovered the interrupted change 'add abc_new': it was completed\n"
    assert load_corpus(data_dir).ids == [*ORIGINAL_IDS, "abc_new"]
    assert sorted(p.name for p in data_dir.iterdir() if p.name.startswith(".")) == [LOCK_NAME]


def test_a_command_never_takes_its_own_change_in_progress_for_a_crashed_one(tmp_path, monkeypatch):
    """add loads the corpus again after swapping its files in, while its journal exists: that load must not recover."""
    data_dir = write_data_dir(tmp_path / "data")
    seen = []
    real_recover = journal.recover

    def recover(folder):
        seen.append(journal_path(folder).exists())
        return real_recover(folder)

    monkeypatch.setattr("kratom_claims.lock.recover", recover)
    source = tmp_path / "abc_new.txt"
    source.write_text(NEW_TEXT, encoding="utf-8")
    add_article(source, "Title", review_path=tmp_path / "review.csv", data_dir=data_dir)
    assert seen == [False]
    assert load_corpus(data_dir).ids == [*ORIGINAL_IDS, "abc_new"]
