"""The release archive (`make dist`): one folder named for the version, with every part a teacher needs."""

from __future__ import annotations

import tarfile

import yaml

from kratom_claims.layout import project_layout
from kratom_claims.publish import published_files
from kratom_claims.release import release_name

PROJECT = project_layout()


def test_the_archive_holds_the_book_pdf_handouts_slides_and_data_under_one_versioned_folder(release_archive, version):
    top = release_name(version)
    with tarfile.open(release_archive) as tar:
        names = tar.getnames()
    assert {name.split("/", 1)[0] for name in names} == {top}
    for part in [
        "README.txt",
        "html/index.html",
        "html/notebooks/01_corpus.html",
        f"{top}.pdf",
        "handouts/paragraph-to-code.pdf",
        "handouts/coding-sheet.pdf",
        "handouts/codebook-one-page.pdf",
        "handouts/answer-key-teacher.pdf",
        "slides/lesson.slides.html",
        "slides/reveal.js/dist/reveal.js",
    ]:
        assert f"{top}/{part}" in names, part


def test_the_archive_data_folder_is_exactly_the_published_list(release_archive, version):
    config = yaml.safe_load((PROJECT.project_root / "_config.yml").read_text(encoding="utf-8"))
    listed = published_files(PROJECT.data_dir, config["sphinx"]["config"]["published_data_files"])
    prefix = f"{release_name(version)}/data/"
    with tarfile.open(release_archive) as tar:
        packed = sorted(name.removeprefix(prefix) for name in tar.getnames() if name.startswith(prefix))
    assert packed == sorted(path.relative_to(PROJECT.data_dir).as_posix() for path in listed)


def test_the_packed_pdf_is_the_built_one_and_the_packed_book_shows_the_version(release_archive, book_pdf, version):
    top = release_name(version)
    with tarfile.open(release_archive) as tar:
        assert tar.extractfile(f"{top}/{top}.pdf").read() == book_pdf.read_bytes()
        page = tar.extractfile(f"{top}/html/notebooks/01_corpus.html").read().decode("utf-8")
    assert f'<p class="kc-version">Version {version}</p>' in page
