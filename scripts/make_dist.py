"""`make dist`: one versioned archive, dist/kratom-claims-VERSION.tar.gz, for a teacher to host or hand out.

It holds the built HTML book (html/, open html/index.html), the whole-book PDF, the handouts, the
slides and the published data files (data/, the same list the book publishes). `make dist` makes
each part first; this script only packs them, and stops naming any part that is missing.
Files are dated SOURCE_DATE_EPOCH when it is set, so that a rebuild can give the same archive.
"""

from __future__ import annotations

import os
import shutil
import sys
import time

import yaml
from printing import DIST, PROJECT_ROOT

from kratom_claims.errors import DataError
from kratom_claims.files import write_file
from kratom_claims.layout import project_layout
from kratom_claims.publish import publish_data
from kratom_claims.release import bundle_members, project_version, release_name, write_bundle

STAGING = PROJECT_ROOT / "_build" / "release"
READ_ME = """{name}

html/index.html      the book as web pages (open it in any browser; no network needed)
{name}.pdf   the whole book as one PDF
handouts/            the 50-minute lesson's handouts and the teacher's answer key (PDF)
slides/              the lesson's slides: open slides/lesson.slides.html, press S for notes
data/                the data files the book is built from; data/README.md gives their licences

The book analyses marketing text about kratom; it is not medical advice.
"""


def main() -> int:
    version = project_version(PROJECT_ROOT)
    name = release_name(version)
    config = yaml.safe_load((PROJECT_ROOT / "_config.yml").read_text(encoding="utf-8"))
    shutil.rmtree(STAGING, ignore_errors=True)
    publish_data(project_layout().data_dir, STAGING / "data", config["sphinx"]["config"]["published_data_files"])
    write_file(STAGING / "README.txt", READ_ME.format(name=name).encode("utf-8"))
    parts = {
        "README.txt": STAGING / "README.txt",
        "html": PROJECT_ROOT / "_build" / "html",
        f"{name}.pdf": DIST / f"{name}.pdf",
        "handouts": DIST / "handouts",
        "slides": DIST / "slides",
        "data": STAGING / "data",
    }
    mtime = int(os.environ.get("SOURCE_DATE_EPOCH", time.time()))
    archive = DIST / f"{name}.tar.gz"
    try:
        members = bundle_members(parts)
        write_bundle(archive, name, members, mtime)
    except DataError as err:
        sys.exit(f"make dist: {err}")
    print(f"The release archive is at {archive} ({len(members)} files, {archive.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
