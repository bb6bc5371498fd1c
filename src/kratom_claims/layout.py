"""Where every data file lives, named once, so that code and chapters ask the layout for a path instead of building it.

A layout is rooted at a data folder: the one a command's ``--data-dir`` names, else the ``data/``
folder of the project, which is ``$KRATOM_CLAIMS_ROOT`` when that is set and otherwise the
nearest folder at or above the current one that holds both ``_config.yml`` and ``data/`` (so
notebooks, the book build and the commands find it from any folder of a checkout, however the
package was installed).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .errors import DataError
from .ids import ARTICLE_SUFFIX

ROOT_VARIABLE = "KRATOM_CLAIMS_ROOT"
DATA_FOLDER = "data"
BOOK_CONFIG = "_config.yml"


@dataclass(frozen=True)
class DataLayout:
    """Every path of a data folder (and the bibliography beside it, in the project's book/ folder)."""

    data_dir: Path

    @classmethod
    def of_project(cls, root: Path | str) -> DataLayout:
        """The layout of the data folder of the project at ``root``."""
        return cls(Path(root) / DATA_FOLDER)

    @property
    def project_root(self) -> Path:
        return self.data_dir.parent

    @property
    def articles_dir(self) -> Path:
        return self.data_dir / "articles"

    def article_txt(self, article_id: str) -> Path:
        return self.articles_dir / f"{article_id}{ARTICLE_SUFFIX}"

    @property
    def articles_csv(self) -> Path:
        return self.data_dir / "articles.csv"

    @property
    def residue_yml(self) -> Path:
        return self.data_dir / "residue.yml"

    @property
    def codebook_yml(self) -> Path:
        return self.data_dir / "codebook.yml"

    @property
    def claims_csv(self) -> Path:
        return self.data_dir / "claims.csv"

    @property
    def appeals_csv(self) -> Path:
        return self.data_dir / "appeals.csv"

    @property
    def evidence_csv(self) -> Path:
        return self.data_dir / "evidence.csv"

    @property
    def quality_dir(self) -> Path:
        return self.data_dir / "quality"

    @property
    def discern_csv(self) -> Path:
        return self.quality_dir / "discern.csv"

    @property
    def discern_items_csv(self) -> Path:
        return self.quality_dir / "discern_items.csv"

    @property
    def jama_csv(self) -> Path:
        return self.quality_dir / "jama.csv"

    @property
    def evaluation(self) -> DataLayout:
        """The held-out articles and their claims, laid out as a data folder of their own."""
        return DataLayout(self.data_dir / "evaluation")

    @property
    def frozen_sha256(self) -> Path:
        """The digests of a frozen test set (in the evaluation folder): its articles and its claim rows."""
        return self.data_dir / "frozen.sha256"

    @property
    def reliability_dir(self) -> Path:
        return self.data_dir / "reliability"

    def coded_claims_csv(self, coder: str) -> Path:
        """One coder's independent coding of the claims, for the agreement statistics."""
        return self.reliability_dir / f"claims_{coder}.csv"

    def coded_appeals_csv(self, coder: str) -> Path:
        return self.reliability_dir / f"appeals_{coder}.csv"

    def coded_discern_csv(self, coder: str) -> Path:
        return self.reliability_dir / f"discern_{coder}.csv"

    @property
    def adjudication_csv(self) -> Path:
        """How each disagreement between the two codings was settled."""
        return self.reliability_dir / "adjudication.csv"

    @property
    def references_bib(self) -> Path:
        """The bibliography the evidence cites, which the book's chapters cite too."""
        return self.project_root / "book" / "references.bib"


def is_project_root(folder: Path) -> bool:
    return (folder / BOOK_CONFIG).is_file() and (folder / DATA_FOLDER).is_dir()


def find_project_root(start: Path | None = None) -> Path | None:
    """``$KRATOM_CLAIMS_ROOT`` if set, else the nearest folder at or above ``start`` (default: here) that is a project."""
    if os.environ.get(ROOT_VARIABLE):
        return Path(os.environ[ROOT_VARIABLE])
    here = (start or Path.cwd()).resolve()
    return next((folder for folder in (here, *here.parents) if is_project_root(folder)), None)


def find_project_layout() -> DataLayout | None:
    """The layout of the project's data folder, or None outside a project (for a command that can do without one)."""
    root = find_project_root()
    return None if root is None else DataLayout.of_project(root)


def project_layout() -> DataLayout:
    """The layout of the project's data folder, or a DataError saying how to point at one."""
    layout = find_project_layout()
    if layout is None:
        raise DataError(
            Path.cwd(),
            f"no kratom-claims project here: no folder at or above this one holds both {BOOK_CONFIG} and "
            f"{DATA_FOLDER}/; work inside the project's folder, set {ROOT_VARIABLE} to it, "
            "or name the data explicitly (--data-dir, --codebook)",
        )
    if not layout.data_dir.is_dir():
        raise DataError(
            layout.data_dir, f"{ROOT_VARIABLE} names {layout.project_root}, which has no {DATA_FOLDER}/ folder"
        )
    return layout


def data_layout(data_dir: Path | str | None = None) -> DataLayout:
    """The layout rooted at ``data_dir`` if one is given, else the project's."""
    return project_layout() if data_dir is None else DataLayout(Path(data_dir))
