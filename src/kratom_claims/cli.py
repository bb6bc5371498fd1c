"""Command line for the claims toolkit: ``python -m kratom_claims extract|add|accept|locate|check ...``.

Bad input ends the command with one line on stderr naming the file and the problem, and exit
status 2, before any output file is touched: a half-written claims table would be read later as
if it were complete.
"""

from __future__ import annotations

import argparse
import re
import shlex
import sys
import textwrap
from collections.abc import Iterable, Iterator
from pathlib import Path

from .claim_rows import write_claim_rows
from .errors import CorpusError, DataError
from .files import check_writable_file, refuse_symlink, write_file
from .layout import ROOT_VARIABLE, DataLayout, find_project_layout, project_layout
from .limits import MAX_ARTICLE_BYTES, PLAUSIBLE_MAX_DOSE_G
from .parallel import all_cores, extracted_partitions
from .sources import ARTICLE_SUFFIXES, LIST_PREFIX, Source, sources

BAD_INPUT = 2
OUT_IS_INPUT = "--out is one of the command's input files, which writing would destroy; choose another file"

EXTRACT_EXAMPLE = """\
examples:
  python -m kratom_claims extract data/articles/*.txt --out build/machine_claims.csv
  python -m kratom_claims extract saved_pages/ --jobs 4 --out claims.csv
  python -m kratom_claims extract @pages.txt crawl.warc.gz records.jsonl --out claims.csv

Inputs: article files (.txt, or .html read as text); folders, searched at any depth for them;
@LIST or --from-list LIST, a file naming one input per line; JSON Lines files (.jsonl), one
{"id": ..., "text": ...} object per line; WARC and WET files (.warc, .wet, optionally .gz),
whose text records and HTML responses are read as pages.

Article ids: a named file's name without the extension; a file in a folder, its path inside
the folder without the extension; a JSON Lines record's "id"; a WARC record's target URI.
The output has the columns of data/claims.csv, one row per claim in input order, written as
the articles are read (memory does not grow with the corpus); claim ids are numbered per
article prefix and the note column is empty. The output is the same for any --jobs.
An existing output file is replaced only with --force, and only once the whole corpus has been
read; an input file, any file in the data folder and a symbolic link are never written.
"""
ARTICLE_LIMIT_NOTE = (
    f"An article file over {MAX_ARTICLE_BYTES:,} bytes is refused (the same limit for every command).\n"
)
DOSE_NOTE = f"A dose figure over {PLAUSIBLE_MAX_DOSE_G:g} g is kept, with a warning to check it (a unit slip?).\n"

ADD_EXAMPLE = """\
examples:
  python -m kratom_claims add 005_my_article.txt --title "Kratom for back pain"
  python -m kratom_claims add 006_saved_page.html --title "..." --url https://example.org/page

The article id is the file name without .txt (or .html, .htm): letters, digits, '_' and '-', at
least 4 characters, starting with 3 letters or digits that no other article starts with (claim
ids are those 3 characters and a number, such as 005-001). A saved web page is reduced to its
main text, which becomes the article; the page itself is kept beside it. Text that is not
English is refused (the codebook and the reading grades are English) unless --allow-language
is given; an article under 100 or over 20,000 words gets a warning. Nothing is written if any
check fails.
"""

ACCEPT_EXAMPLE = """\
example:
  python -m kratom_claims accept reviews/review_005_my_article.csv

Every row is checked (columns, article, codebook term, stance, hedged, quote at start:end)
before data/claims.csv is rewritten; an article that already has claims there is refused, and
so is a file in which every row still has the machine's note (nobody reviewed it) unless
--accept-unreviewed is given. In the hedged column, a spreadsheet's TRUE and FALSE are read as
true and false.
"""

LOCATE_EXAMPLE = """\
example:
  python -m kratom_claims locate 005_my_article "eases back pain"

Prints one line 'start S end E' for each place the words occur, so that
text[S:E] is exactly the quote; use these numbers in the start and end columns.
"""


REPORT_EXAMPLE = """\
example:
  python -m kratom_claims report my_article.txt --out report.html

Writes one HTML page that opens offline in any browser: the article with the claims the
extractor proposes marked in place, how they compare with the book's articles, the evidence
verdict for each, the documented risks it leaves out, and its reading grades. Nothing in the
data folder changes; --out must be a new file outside it (or --force to replace one).
"""

CHECK_EXAMPLE = """\
example:
  python -m kratom_claims check

Loads every data file the book is built from, with every check the chapters rely on: the
articles and their checksums, residue, codebook, claims, evidence, quality ratings and the
evaluation set. 'make book' runs it before the build, so that the build never starts on
broken data; a problem is one line naming the file, with exit status 2.
"""


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Help that never breaks a line at a hyphen, so that a folder such as /work/my-project stays whole."""

    def _split_lines(self, text, width):
        return textwrap.wrap(" ".join(text.split()), width, break_on_hyphens=False)


class UsageError(Exception):
    """The command line itself is wrong (unknown option, missing argument)."""


class _Parser(argparse.ArgumentParser):
    """An argparse parser that reports a usage mistake as one line, like every other error here."""

    def error(self, message):
        raise UsageError(f"{self.prog}: {message} (see --help)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m kratom_claims",
        description="Tools for the kratom-claims book: propose claim rows from article text, "
        "and add a new article with its reviewed claims.",
        epilog="examples:\n  python -m kratom_claims extract data/articles/*.txt --out machine_claims.csv\n"
        '  python -m kratom_claims add 005_my_article.txt --title "Kratom for back pain"\n'
        "  python -m kratom_claims accept review_005_my_article.csv\n"
        "  python -m kratom_claims report my_article.txt --out report.html\n"
        "  python -m kratom_claims check\n\n"
        "Run 'python -m kratom_claims COMMAND --help' for a command's options.",
        formatter_class=_HelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    extract = commands.add_parser(
        "extract",
        help="propose claims for article files and write them as a claims table",
        description="Find codebook terms in plain-text articles and write one row per proposed claim "
        "(category, term, asserted/denied, hedged, quote with offsets, dose figures).",
        epilog=EXTRACT_EXAMPLE + ARTICLE_LIMIT_NOTE,
        formatter_class=_HelpFormatter,
    )
    extract.add_argument(
        "articles",
        nargs="*",
        metavar="INPUT",
        help="article files (.txt, .html), folders, @LIST files, JSON Lines (.jsonl), WARC/WET files",
    )
    extract.add_argument(
        "--from-list",
        action="append",
        default=[],
        type=Path,
        metavar="LIST",
        help="a file naming one input per line (as @LIST); may be given more than once",
    )
    extract.add_argument(
        "--jobs",
        type=_positive_number,
        default=all_cores(),
        metavar="N",
        help=f"worker processes (default: all cores, here {all_cores()}); the output is the same for any N",
    )
    extract.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar="CLAIMS.csv",
        help="where to write the claims table: a new file outside the data folder",
    )
    extract.add_argument(
        "--force",
        action="store_true",
        help="replace CLAIMS.csv if it exists (never an input file, a file in the data folder or a link)",
    )
    extract.add_argument(
        "--codebook", type=Path, metavar="PATH", help=f"codebook YAML (default: codebook.yml in {_default_data_dir()})"
    )
    extract.set_defaults(run=run_extract)
    _add_intake_commands(commands)
    _add_report_command(commands)
    check = commands.add_parser(
        "check",
        help="check every data file the book is built from",
        description="Load and check every data file in DIR, as the book's chapters do, and print one line.",
        epilog=CHECK_EXAMPLE + DOSE_NOTE,
        formatter_class=_HelpFormatter,
    )
    _data_dir_option(check)
    check.set_defaults(run=run_check)
    return parser


def _positive_number(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {value!r}")
    return int(value)


def _default_data_dir() -> str:
    """The data folder a command uses when given none, as its help names it."""
    project = find_project_layout()
    if project is None:
        return f"data/ of the project that holds the current folder, or of ${ROOT_VARIABLE}"
    return str(project.data_dir)


def _data_dir_option(command: argparse.ArgumentParser, role: str = "the data folder to change") -> None:
    command.add_argument("--data-dir", type=Path, metavar="DIR", help=f"{role} (default: {_default_data_dir()})")


def _allow_language_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--allow-language",
        action="store_true",
        help="analyse a text that is not English (the codebook and reading grades are English: expect misses)",
    )


def shown_path(path: Path) -> Path:
    """A path as short as it can be shown: relative to the current folder when it is inside it."""
    absolute = path.absolute()
    return absolute.relative_to(Path.cwd()) if absolute.is_relative_to(Path.cwd()) else path


def python_command() -> str:
    """This program as the user can type it from the current folder, such as '.venv/bin/python -m kratom_claims'."""
    python = Path(sys.executable)
    if python.is_relative_to(Path.cwd()):
        python = python.relative_to(Path.cwd())
    return f"{shlex.quote(str(python))} -m kratom_claims"


def _add_report_command(commands) -> None:
    report = commands.add_parser(
        "report",
        help="write one HTML page on one article: its claims marked, compared and weighed",
        description="Propose the claims of one article and write a self-contained HTML page: the text with "
        "the claims marked, the claims shared with the book's articles, their evidence verdicts, the "
        "documented risks the article leaves out, and its reading grades.",
        epilog=REPORT_EXAMPLE + ARTICLE_LIMIT_NOTE,
        formatter_class=_HelpFormatter,
    )
    report.add_argument(
        "article",
        type=Path,
        metavar="ARTICLE.txt",
        help="UTF-8 plain-text article file, or a saved web page (.html, .htm)",
    )
    report.add_argument("--out", required=True, type=Path, metavar="REPORT.html", help="where to write the page")
    report.add_argument("--force", action="store_true", help="replace REPORT.html if it exists")
    report.add_argument("--title", metavar="TEXT", help="the title the page shows (default: the file name)")
    _allow_language_option(report)
    _data_dir_option(report, "the data folder whose articles and evidence the article is compared with")
    report.set_defaults(run=run_report)


def _add_intake_commands(commands) -> None:
    add = commands.add_parser(
        "add",
        help="add a new article to the data folder and write its proposed claims for review",
        description="Copy a plain-text article into DIR/articles, add its row to DIR/articles.csv "
        "(checksum and word count included), and write the claims the extractor proposes to a "
        "review file, for a person to check before 'accept'.",
        epilog=ADD_EXAMPLE + ARTICLE_LIMIT_NOTE + DOSE_NOTE,
        formatter_class=_HelpFormatter,
    )
    add.add_argument(
        "article",
        type=Path,
        metavar="ARTICLE.txt",
        help="UTF-8 plain-text article file, or a saved web page (.html, .htm)",
    )
    add.add_argument("--title", required=True, help="the article's title, or a description ending in '(untitled)'")
    add.add_argument(
        "--published-on",
        metavar="TEXT",
        help="what the text shows of where it was published (default: a note that the text does not show it)",
    )
    add.add_argument(
        "--review",
        type=Path,
        metavar="REVIEW.csv",
        help="where to write the proposed claims (default: reviews/review_<article id>.csv in the project, "
        "a folder git ignores)",
    )
    add.add_argument("--url", default="", metavar="URL", help="the address the article was taken from")
    add.add_argument(
        "--retrieved",
        default="",
        metavar="YYYY-MM-DD",
        help="the day the page was saved (default: today, when --url is given)",
    )
    _allow_language_option(add)
    _data_dir_option(add)
    add.set_defaults(run=run_add)

    accept = commands.add_parser(
        "accept",
        help="check a reviewed claims file and append its rows to the claim table",
        description="Check every row of a reviewed claims file against the corpus and the codebook "
        "of DIR, and append the rows to DIR/claims.csv.",
        epilog=ACCEPT_EXAMPLE + DOSE_NOTE,
        formatter_class=_HelpFormatter,
    )
    accept.add_argument(
        "review", type=Path, metavar="REVIEW.csv", help="the reviewed claims, with the columns of claims.csv"
    )
    accept.add_argument(
        "--accept-unreviewed",
        action="store_true",
        help="accept the file even if every row is still the machine's proposal, untouched",
    )
    _data_dir_option(accept)
    accept.set_defaults(run=run_accept)

    locate = commands.add_parser(
        "locate",
        help="print the start and end offsets of a quote in an article",
        description="Find the exact words of a quote in an article file of DIR/articles and print "
        "their character offsets, as the start and end columns of a claim row need them.",
        epilog=LOCATE_EXAMPLE,
        formatter_class=_HelpFormatter,
    )
    locate.add_argument("article_id", metavar="ARTICLE_ID", help="the article's file name without .txt")
    locate.add_argument("quote", metavar="QUOTE", help="the exact words, in quotation marks on the command line")
    _data_dir_option(locate)
    locate.set_defaults(run=run_locate)


def _check_output(path: Path, inputs: list[Path], force: bool, project: DataLayout | None) -> None:
    """Refuse an output that would destroy work: an input, a file of the project's data folder, or (without --force) any existing file."""
    refuse_symlink(path)
    check_writable_file(path, "the output", "--out is a folder; give a file name such as claims.csv")
    if path.resolve() in {p.resolve() for p in inputs}:
        raise DataError(path, OUT_IS_INPUT)
    if path.name.lower().endswith(ARTICLE_SUFFIXES) and any(
        path.resolve().is_relative_to(p.resolve()) for p in inputs if p.is_dir()
    ):
        raise DataError(path, OUT_IS_INPUT)
    if project is not None and path.resolve().is_relative_to(project.data_dir.resolve()):
        raise DataError(
            path,
            f"--out is inside the data folder {project.data_dir}, whose files the book reads; "
            "write machine-proposed claims elsewhere and compare them with the curated ones",
        )
    if path.exists() and not force:
        raise DataError(path, "the output file already exists; choose another name, or add --force to replace it")


def run_extract(args: argparse.Namespace) -> int:
    inputs = [*args.articles, *(f"{LIST_PREFIX}{path}" for path in args.from_list)]
    if not inputs:
        raise UsageError("extract: give at least one input (a file, a folder, @LIST or --from-list LIST)")
    project = find_project_layout()
    codebook_path = args.codebook or project_layout().codebook_yml
    named = [Path(name.removeprefix(LIST_PREFIX)) for name in map(str, inputs)]
    _check_output(args.out, [*named, codebook_path], args.force, project)
    articles = _checked_sources(sources(inputs), args.out)
    partitions = extracted_partitions(articles, codebook_path, args.jobs)
    try:
        claims, count = write_claim_rows(args.out, partitions)
    except OSError as err:
        raise DataError(args.out, f"cannot write the output ({err.strerror or err})") from None
    print(f"wrote {claims} claims from {count} article(s) to {args.out}")
    return 0


def _checked_sources(articles: Iterable[Source], out: Path) -> Iterator[Source]:
    """The articles, refusing two with one id (their claims would be mixed) and a file that --out
    would replace. Only the ids are kept, not the texts."""
    origins: dict[str, str] = {}
    for article in articles:
        if article.article_id in origins:
            raise CorpusError(
                article.origin, f"has the same article id {article.article_id!r} as {origins[article.article_id]}"
            )
        origins[article.article_id] = article.origin
        if (
            article.text is None
            and Path(article.origin).name == out.name
            and Path(article.origin).resolve() == out.resolve()
        ):
            raise DataError(out, OUT_IS_INPUT)
        yield article


def _data_dir_words(data_dir: Path | None) -> str:
    """The --data-dir part of a suggested command: the folder the user gave, if any."""
    return "" if data_dir is None else f" --data-dir {shlex.quote(str(data_dir))}"


def _warn(warnings: list[str]) -> None:
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)


def run_add(args: argparse.Namespace) -> int:
    from .intake import DEFAULT_PUBLISHED_ON, Origin, add_article  # by the command that needs it: extract starts faster

    added = add_article(
        args.article,
        args.title,
        DEFAULT_PUBLISHED_ON if args.published_on is None else args.published_on,
        args.review,
        args.data_dir,
        Origin(args.url, args.retrieved),
        args.allow_language,
    )
    _warn(added.warnings)
    print(
        f"added article {added.article_id} ({added.words} words): copied to {added.article_path}, "
        f"row appended to {added.metadata_path}"
    )
    if added.page_path is not None:
        print(f"kept the web page beside it as {added.page_path}; quotes and offsets refer to the text")
    review = shown_path(added.review_path)
    print(f"wrote {added.proposed} machine-proposed claim(s) to {review}")
    print(
        f"next: check every row of {review} (is it a claim; term, stance, hedged; the quote "
        "and its start and end), clear or replace the note of each row you checked, delete false alarms and "
        "add missed claims; then run"
    )
    print(f"  {python_command()} accept {shlex.quote(str(review))}{_data_dir_words(args.data_dir)}")
    return 0


def run_accept(args: argparse.Namespace) -> int:
    from .intake import accept_review  # imported by the command that needs it: extract starts faster

    accepted = accept_review(args.review, args.data_dir, args.accept_unreviewed)
    _warn(accepted.warnings)
    print(
        f"added {accepted.added} claim(s) for {', '.join(accepted.article_ids)} to {accepted.claims_path} "
        f"(now {accepted.total} claims)"
    )
    print(
        "next: 'make book' shows the article in every chapter; before 'make test', re-execute the notebooks: "
        "make execute"
    )
    return 0


def run_report(args: argparse.Namespace) -> int:
    from .report import build_report  # imported by the command that needs it: extract starts faster

    _check_output(args.out, [args.article], args.force, find_project_layout())
    report = build_report(args.article, args.data_dir, args.allow_language, args.title)
    _warn(report.warnings)
    try:
        write_file(args.out, report.html.encode("utf-8"))
    except OSError as err:
        raise DataError(args.out, f"cannot write the report ({err.strerror or err})") from None
    print(f"wrote a report on {report.claims} proposed claim(s) to {args.out}; open it in a browser")
    return 0


def run_locate(args: argparse.Namespace) -> int:
    from .quotes import locate_quote  # imported by the command that needs it: extract starts faster

    places = locate_quote(args.article_id, args.quote, args.data_dir)
    for start, end in places:
        print(f"start {start} end {end}")
    if len(places) > 1:
        print(f"the words occur {len(places)} times; use the place where the claim is made")
    return 0


def run_check(args: argparse.Namespace) -> int:
    from .datacheck import check_data  # imported by the command that needs it: extract starts faster

    checked = check_data(args.data_dir)
    _warn(checked.warnings)
    print(checked.summary)
    return 0


def _one_line(message: str) -> str:
    """The message on one line; spaces inside it stay as they are, since quotes that differ only in spacing must look different."""
    return re.sub(r"\s*[\r\n]+\s*", " ", message).strip()


def main(argv: list[str] | None = None) -> int:
    """Run one command; return its exit status (0 done, 2 bad input or bad usage)."""
    parser = build_parser()
    try:
        try:
            args = parser.parse_args(argv)
        except SystemExit as done:
            return int(done.code or 0)
        if args.command is None:
            parser.print_help(sys.stderr)
            return BAD_INPUT
        return args.run(args)
    except (UsageError, DataError) as err:
        print(f"error: {_one_line(str(err))}", file=sys.stderr)
        return BAD_INPUT
