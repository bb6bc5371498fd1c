"""Two commands at once on one data folder: nothing lost, and the one that loses says why about itself.

Each command runs in a forked process. To make them overlap for certain, each one pauses right
after it has read the file the other will rewrite, until the other has read it too or is
waiting for the data-folder lock (which it announces with a 'waiting:' line). Without the lock
both read the old file and the last to write loses the other's rows; with it they take turns.
"""

from __future__ import annotations

import io
import multiprocessing
import sys

import pandas as pd
import pytest
from filelock import FileLock
from tiny_data import snapshot, write_data_dir

from kratom_claims import intake
from kratom_claims.claims import CLAIM_COLUMNS, load_claims, write_claims
from kratom_claims.codebook import load_codebook
from kratom_claims.corpus import load_corpus
from kratom_claims.errors import DataError
from kratom_claims.lock import lock_path

FORK = multiprocessing.get_context("fork")
NEVER_SECONDS = 60  # only so that a broken run fails instead of hanging

TEXTS = {"abc_new": "Kratom may ease chronic pain.\n", "def_new": "Kratom can cause nausea.\n"}


class _SignalWhenWaiting(io.TextIOBase):
    """stderr that sets an event when the command says it is waiting for the lock."""

    def __init__(self, stream, event):
        self.stream, self.event = stream, event

    def write(self, text):
        if text.startswith("waiting:"):
            self.event.set()
        return self.stream.write(text)


def _in_step(name, me, other):
    """Make intake.<name> wait, once it has returned, until the other process has got as far or waits for the lock."""
    real = getattr(intake, name)

    def in_step(*args, **kwargs):
        result = real(*args, **kwargs)
        me.set()
        if not other.wait(NEVER_SECONDS):
            raise RuntimeError("the other command never came")
        return result

    setattr(intake, name, in_step)


def _child(command, hook, me, other, results, label):
    _in_step(hook, me, other)
    sys.stderr = _SignalWhenWaiting(sys.stderr, me)
    try:
        command()
        results.put((label, "ok"))
    except DataError as err:
        results.put((label, str(err)))


def run_together(commands: dict, hook: str) -> dict[str, str]:
    """Run each command in its own process, overlapping at ``hook``; what each reported ('ok' or its error)."""
    results = FORK.Queue()
    events = [FORK.Event(), FORK.Event()]
    processes = [
        FORK.Process(target=_child, args=(command, hook, events[i], events[1 - i], results, label))
        for i, (label, command) in enumerate(commands.items())
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(NEVER_SECONDS)
    assert [p.exitcode for p in processes] == [0, 0]
    return dict(results.get(timeout=1) for _ in processes)


def _review(folder, article_id, category, term):
    path = folder / f"review_{article_id}.csv"
    quote = TEXTS[article_id].strip()
    row = {
        **dict.fromkeys(CLAIM_COLUMNS, ""),
        "claim_id": f"{article_id[:3]}-001",
        "article_id": article_id,
        "category": category,
        "term": term,
        "stance": "asserted",
        "hedged": "false",
        "quote": quote,
        "start": "0",
        "end": str(len(quote)),
    }
    write_claims(pd.DataFrame([row], columns=CLAIM_COLUMNS), path)
    return path


@pytest.fixture
def two_added(tmp_path, work):
    """A data folder with two new articles added, and a reviewed claims file for each."""
    data_dir = write_data_dir(tmp_path / "data")
    for article_id in TEXTS:
        source = tmp_path / f"{article_id}.txt"
        source.write_text(TEXTS[article_id], encoding="utf-8")
        intake.add_article(source, article_id, review_path=tmp_path / f"proposed_{article_id}.csv", data_dir=data_dir)
    reviews = {
        "abc_new": _review(tmp_path, "abc_new", "condition", "chronic_pain"),
        "def_new": _review(tmp_path, "def_new", "side_effect", "nausea"),
    }
    return data_dir, reviews


def test_two_accepts_released_together_keep_every_row(two_added):
    data_dir, reviews = two_added
    reported = run_together(
        {name: (lambda review=review: intake.accept_review(review, data_dir)) for name, review in reviews.items()},
        hook="load_claims",
    )
    assert reported == {"abc_new": "ok", "def_new": "ok"}
    claims = load_claims(data_dir / "claims.csv", load_corpus(data_dir), load_codebook(data_dir / "codebook.yml"))
    assert sorted(claims["claim_id"]) == ["000-001", "001-001", "abc-001", "def-001"]


def test_the_losing_one_of_two_simultaneous_adds_names_its_own_article(tmp_path, work):
    data_dir = write_data_dir(tmp_path / "data")
    sources = {}
    for name in ("005_first", "005_second"):
        sources[name] = tmp_path / f"{name}.txt"
        sources[name].write_text("Kratom eases chronic pain.\n", encoding="utf-8")
    reported = run_together(
        {
            name: (lambda source=source: intake.add_article(source, "Title", data_dir=data_dir))
            for name, source in sources.items()
        },
        hook="read_metadata",
    )
    winner = next(name for name, outcome in reported.items() if outcome == "ok")
    loser = next(name for name in sources if name != winner)
    assert reported[loser].startswith(
        f"{sources[loser]}: article id '{loser}' starts with '005', like article '{winner}'"
    )
    assert load_corpus(data_dir).ids == ["000_aaaa", "001_bbbb", "002_cccc", winner]


def test_a_command_that_cannot_get_the_lock_says_so_and_changes_nothing(two_added, tmp_path, cli, monkeypatch):
    data_dir, reviews = two_added
    monkeypatch.setattr("kratom_claims.lock.WAIT_SECONDS", 0)
    before = snapshot(tmp_path)
    other_command = FileLock(lock_path(data_dir))
    with other_command:
        status, stdout, stderr = cli("accept", reviews["abc_new"], "--data-dir", data_dir)
    assert (status, stdout) == (2, "")
    assert stderr == (
        f"waiting: another command is changing {data_dir}; this one goes on when it has finished\n"
        f"error: {data_dir}: another command has been changing this data folder for more than 0 s "
        f"(it holds {lock_path(data_dir)}); nothing was changed: run this command again when it has finished\n"
    )
    assert snapshot(tmp_path) == before


def test_commands_one_after_the_other_do_not_wait(two_added, cli):
    data_dir, reviews = two_added
    for review in reviews.values():
        status, _, stderr = cli("accept", review, "--data-dir", data_dir)
        assert (status, stderr) == (0, "")
    claims = load_claims(data_dir / "claims.csv", load_corpus(data_dir), load_codebook(data_dir / "codebook.yml"))
    assert sorted(claims["article_id"]) == ["000_aaaa", "001_bbbb", "abc_new", "def_new"]
