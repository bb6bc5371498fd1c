"""Write the `report` page on one of the evaluation articles into the built book.

The chapter *Bring your own article* links to it, so readers see what the command gives before
they run it. It is made at build time by the same code as `python -m kratom_claims report`, so
it always shows today's data and rules and never goes stale as a committed copy would. The
article is named by the ``sample_report_article`` setting; a failure is a warning, which fails
the strict build.
"""

from pathlib import Path

from sphinx.util import logging

from kratom_claims.errors import DataError
from kratom_claims.files import write_file
from kratom_claims.layout import DataLayout
from kratom_claims.report import build_report

logger = logging.getLogger(__name__)
REPORTS_FOLDER = "reports"


def write_sample_report(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    layout = DataLayout.of_project(app.srcdir)
    article_id = app.config.sample_report_article
    source = layout.evaluation.article_txt(article_id)
    try:
        report = build_report(source, layout.data_dir, title=f"{source.name}, an unseen evaluation article")
    except DataError as err:
        logger.warning(f"sample report: {err}")
        return
    target = Path(app.outdir) / REPORTS_FOLDER / f"{article_id}.html"
    target.parent.mkdir(exist_ok=True)
    write_file(target, report.html.encode("utf-8"))
    logger.info(f"wrote the sample report on {article_id} ({report.claims} proposed claims)")


def setup(app):
    app.add_config_value("sample_report_article", "h27_product_page", "html", types=[str])
    app.connect("build-finished", write_sample_report)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
