"""Command line for the claims toolkit: ``python -m kratom_claims extract ...``.

Bad input ends the command with one line on stderr naming the file and the problem, and exit
status 2, before any output file is touched: a half-written claims table would be read later as
if it were complete.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import pandas as pd

from .claims import CLAIM_COLUMNS, write_claims
from .codebook import load_codebook
from .corpus import read_article
from .errors import CorpusError, DataError
from .extract import ClaimExtractor, claims_table
from .paths import CODEBOOK_YML

BAD_INPUT = 2

EXTRACT_EXAMPLE = """\
example:
  python -m kratom_claims extract data/articles/*.txt --out build/machine_claims.csv

Each article's id is its file name without the extension. The output has the columns of
data/claims.csv; claim ids are numbered per article prefix and the note column is empty.
"""


class UsageError(Exception):
    """The command line itself is wrong (unknown option, missing argument)."""


class _Parser(argparse.ArgumentParser):
    """An argparse parser that reports a usage mistake as one line, like every other error here."""

    def error(self, message):
        raise UsageError(f"{self.prog}: {message} (see --help)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m kratom_claims",
        description="Tools for the kratom-claims book: propose claim rows from article text.",
        epilog="example:\n  python -m kratom_claims extract data/articles/*.txt --out machine_claims.csv\n\n"
        "Run 'python -m kratom_claims COMMAND --help' for a command's options.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    extract = commands.add_parser(
        "extract",
        help="propose claims for article files and write them as a claims table",
        description="Find codebook terms in plain-text articles and write one row per proposed claim "
        "(category, term, asserted/denied, hedged, quote with offsets, dose figures).",
        epilog=EXTRACT_EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    extract.add_argument("articles", nargs="+", type=Path, metavar="ARTICLE.txt", help="UTF-8 plain-text article files")
    extract.add_argument("--out", required=True, type=Path, metavar="CLAIMS.csv", help="where to write the claims table")
    extract.add_argument("--codebook", type=Path, default=CODEBOOK_YML, metavar="PATH",
                         help=f"codebook YAML (default: {CODEBOOK_YML})")
    extract.set_defaults(run=run_extract)
    return parser


def _check_output(path: Path) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise DataError(path, "--out is a folder; give a file name such as claims.csv")
    if not folder.is_dir():
        raise DataError(path, f"cannot write the output: folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise DataError(path, f"cannot write the output: folder {folder} is not writable")


def read_article_file(path: Path) -> str:
    """An article's text, refusing folders and binary files as well as what read_article refuses."""
    if path.is_dir():
        raise CorpusError(path, "is a folder, not an article file")
    try:
        text = read_article(path)
    except OSError as err:
        raise CorpusError(path, f"cannot read the file ({err.strerror})") from None
    if "\x00" in text:
        raise CorpusError(path, "looks like a binary file (it contains NUL bytes), not a plain-text article")
    return text


def with_claim_ids(table: pd.DataFrame) -> pd.DataFrame:
    """The extracted rows in claims.csv shape: claim ids numbered per 3-character article prefix."""
    prefixes = table["article_id"].str[:3]
    numbers = prefixes.groupby(prefixes).cumcount() + 1
    full = table.copy()
    full["claim_id"] = [f"{prefix}-{number:03d}" for prefix, number in zip(prefixes, numbers)]
    full["note"] = ""
    return full[CLAIM_COLUMNS]


def run_extract(args: argparse.Namespace) -> int:
    _check_output(args.out)
    codebook = load_codebook(args.codebook)
    texts: dict[str, str] = {}
    sources: dict[str, Path] = {}
    for path in args.articles:
        text = read_article_file(path)
        if path.stem in texts:
            raise CorpusError(path, f"has the same article id {path.stem!r} as {sources[path.stem]}")
        texts[path.stem], sources[path.stem] = text, path
    extractor = ClaimExtractor(codebook)
    rows = [claim for article_id, text in texts.items() for claim in extractor.claims(text, article_id)]
    table = with_claim_ids(claims_table(rows))
    try:
        write_claims(table, args.out)
    except OSError as err:
        raise DataError(args.out, f"cannot write the output ({err.strerror or err})") from None
    print(f"wrote {len(table)} claims from {len(texts)} article(s) to {args.out}")
    return 0


def _one_line(message: str) -> str:
    return " ".join(message.split())


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
