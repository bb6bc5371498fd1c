"""A checkout that converts line endings (Git for Windows' default) must still load the data and run the scripts."""

from __future__ import annotations

import shutil
import subprocess

from kratom_claims.claims import load_claims
from kratom_claims.codebook import load_codebook
from kratom_claims.corpus import load_corpus
from kratom_claims.evidence import load_evidence
from kratom_claims.layout import project_layout

PROJECT = project_layout()
DATA_DIR, PROJECT_ROOT = PROJECT.data_dir, PROJECT.project_root

SCRIPTS = ["Makefile", ".ci/run", "scripts/ensure_browser.sh"]


def git(*args, cwd):
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


def test_a_crlf_checkout_loads_every_data_file_byte_for_byte(tmp_path):
    repo = tmp_path / "repo"
    shutil.copytree(DATA_DIR, repo / "data")
    for name in [".gitattributes", "README.md", *SCRIPTS]:
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(PROJECT_ROOT / name, repo / name)
    git("init", "-q", cwd=repo)
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", "snapshot", cwd=repo)
    git("clone", "-q", "-c", "core.autocrlf=true", str(repo), str(tmp_path / "clone"), cwd=tmp_path)
    clone = tmp_path / "clone"

    assert b"\r\n" in (clone / "README.md").read_bytes(), "the clone did not convert line endings at all"
    for name in SCRIPTS:
        assert b"\r" not in (clone / name).read_bytes(), name
    for path in sorted(DATA_DIR.rglob("*")):
        if path.is_file():
            assert (clone / "data" / path.relative_to(DATA_DIR)).read_bytes() == path.read_bytes(), path
    data = clone / "data"
    corpus = load_corpus(data)
    codebook = load_codebook(data / "codebook.yml")
    assert len(load_claims(data / "claims.csv", corpus, codebook)) > 0
    assert len(load_evidence(data / "evidence.csv", codebook)) > 0
    evaluation = load_corpus(data / "evaluation")
    assert len(load_claims(data / "evaluation" / "claims.csv", evaluation, codebook)) > 0
