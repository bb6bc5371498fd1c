"""Which evaluation article belongs to which test set, and the freeze that keeps the second to fifth sets as they were coded.

The second, third, fourth and fifth sets were each written and hand-coded by someone who had not read the
extractor's rules, and frozen before the extractor was run on them. Their scores mean something only
if neither their articles nor their coding are changed afterwards to suit the rules, so
``frozen.sha256`` records a digest of each of their article files and, per set, one of its claim
rows, and check_frozen refuses any difference.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .claims import CLAIM_COLUMNS
from .corpus import Corpus, sha256_of
from .csvfile import read_text_csv
from .errors import ClaimsError, CorpusError, DataError
from .layout import DataLayout

SET_COLUMN = "set"
SETS = ("first", "second", "third", "fourth", "fifth")
FROZEN_SETS = ("second", "third", "fourth", "fifth")


def claim_rows_entry(set_name: str) -> str:
    """The name under which frozen.sha256 records the digest of one frozen set's claim rows."""
    return f"claims.csv rows of the {set_name} set"


def evaluation_sets(corpus: Corpus, source: Path) -> dict[str, str]:
    """The set of each evaluation article, by article id; a CorpusError naming ``source`` if the column is missing or a set is unknown."""
    metadata = corpus.metadata
    if SET_COLUMN not in metadata.columns:
        raise CorpusError(source, f"has no column {SET_COLUMN!r} saying which test set each article is in")
    unknown = metadata.loc[~metadata[SET_COLUMN].isin(SETS)]
    if len(unknown):
        row = unknown.iloc[0]
        raise CorpusError(
            source, f"set of {row['article_id']!r} is {row[SET_COLUMN]!r}; it must be one of {', '.join(SETS)}"
        )
    return dict(zip(metadata["article_id"], metadata[SET_COLUMN], strict=True))


def claim_rows_digest(claims_csv: Path, article_ids: list[str]) -> str:
    """SHA-256 of the claim rows of ``article_ids``, in file order.

    Each row is serialised as a JSON array of its cells, exactly as the file spells them, in the
    order of CLAIM_COLUMNS, one row per line, UTF-8: a change to any cell of those rows changes the
    digest, while rows of other articles and the CSV's quoting style do not.
    """
    table = read_text_csv(claims_csv, ClaimsError, "claims")
    rows = table.loc[table["article_id"].isin(article_ids), CLAIM_COLUMNS]
    lines = [json.dumps(list(row), ensure_ascii=False) + "\n" for row in rows.itertuples(index=False)]
    return hashlib.sha256("".join(lines).encode("utf-8")).hexdigest()


def frozen_digests(evaluation: DataLayout, sets: dict[str, str]) -> dict[str, str]:
    """What frozen.sha256 should record for the evaluation folder now: set by set, each article file's digest, then its claim rows'."""
    digests = {}
    for set_name in FROZEN_SETS:
        frozen = [article_id for article_id, name in sets.items() if name == set_name]
        for article_id in frozen:
            path = evaluation.article_txt(article_id)
            digests[f"articles/{path.name}"] = sha256_of(path)
        digests[claim_rows_entry(set_name)] = claim_rows_digest(evaluation.claims_csv, frozen)
    return digests


def format_frozen(digests: dict[str, str]) -> str:
    """The text of frozen.sha256: one line per entry, the digest, two spaces and what it covers."""
    return "".join(f"{digest}  {name}\n" for name, digest in digests.items())


def read_frozen(path: Path) -> dict[str, str]:
    """The entries of a frozen.sha256 file, by what each covers."""
    if not path.is_file():
        raise DataError(path, "the record of the frozen evaluation set is missing")
    entries = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        digest, separator, name = line.partition("  ")
        if not separator or len(digest) != 64 or not name:
            raise DataError(path, f"line {number} is not a SHA-256 digest, two spaces and a name: {line!r}")
        entries[name] = digest
    return entries


def check_frozen(evaluation: DataLayout, sets: dict[str, str]) -> None:
    """Refuse, with a DataError naming frozen.sha256, a frozen article or claim row that differs from its record."""
    path = evaluation.frozen_sha256
    recorded = read_frozen(path)
    current = frozen_digests(evaluation, sets)
    if set(recorded) != set(current):
        missing = sorted(set(recorded) - set(current)) or ["none"]
        extra = sorted(set(current) - set(recorded)) or ["none"]
        raise DataError(
            path,
            f"the frozen sets ({', '.join(FROZEN_SETS)}) have changed their members: recorded but missing {', '.join(missing)}; "
            f"present but not recorded {', '.join(extra)}",
        )
    changed = [name for name in recorded if recorded[name] != current[name]]
    if changed:
        raise DataError(
            path,
            f"{changed[0]} has changed since the {_set_of_entry(changed[0], sets)} set was frozen; its articles and "
            "coding are never changed, so that its scores stay independent of the extractor's rules",
        )


def _set_of_entry(entry: str, sets: dict[str, str]) -> str:
    """The frozen set a frozen.sha256 entry belongs to: its claim rows' set, or its article's."""
    for set_name in FROZEN_SETS:
        if entry == claim_rows_entry(set_name):
            return set_name
    return sets[Path(entry).stem]
