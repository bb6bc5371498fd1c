"""Copy into the built book only the data files listed in the ``published_data_files`` setting.

The datasets page's download links point into the book's data/ folder. This replaces publishing
all of data/ through html_extra_path (which shipped lock, journal and temporary files too); the
choice and the copying are kratom_claims.publish, so that they are tested without a build. A
listed file that is missing is a warning, which fails the strict build.
"""

from pathlib import Path

from sphinx.util import logging

from kratom_claims.errors import DataError
from kratom_claims.layout import DATA_FOLDER, DataLayout
from kratom_claims.publish import publish_data

logger = logging.getLogger(__name__)


def copy_published_data(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    try:
        copies = publish_data(
            DataLayout.of_project(app.srcdir).data_dir, Path(app.outdir) / DATA_FOLDER, app.config.published_data_files
        )
    except DataError as err:
        logger.warning(f"published data: {err}")
        return
    logger.info(f"published {len(copies)} data files with the book")


def setup(app):
    app.add_config_value("published_data_files", [], "html", types=[list])
    app.connect("build-finished", copy_published_data)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
