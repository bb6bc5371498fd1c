"""CITATION.cff is valid Citation File Format 1.2.0 and agrees with pyproject.toml, the licence and the book.

GitHub, Zenodo and Zotero read CITATION.cff to offer a citation; an invalid file is silently
ignored. The file is checked offline against the CFF 1.2.0 JSON schema kept in tests/cff/ (why
not cffconvert: see tests/cff/README.md).
"""

from __future__ import annotations

import datetime
import json
import tomllib
from pathlib import Path

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "tests" / "cff" / "schema-1.2.0.json").read_text(encoding="utf-8"))
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def as_cff_json(value):
    """YAML reads an unquoted 2026-11-27 as a date; the schema wants strings, as its own note says."""
    if isinstance(value, dict):
        return {key: as_cff_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_cff_json(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def schema_errors(document) -> list[str]:
    validator = jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    return sorted(
        f"{'/'.join(map(str, error.absolute_path)) or '(top)'}: {error.message}"
        for error in validator.iter_errors(as_cff_json(document))
    )


@pytest.fixture(scope="module")
def citation():
    return yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))


def test_the_schema_is_the_citation_file_format_1_2_0():
    assert SCHEMA["$id"] == "https://citation-file-format.github.io/1.2.0/schema.json"


def test_citation_cff_is_valid_cff_1_2_0(citation):
    assert citation["cff-version"] == "1.2.0"
    assert schema_errors(citation) == []


def test_the_schema_check_catches_what_citation_tools_would_reject(citation):
    broken = {**citation, "authors": [], "license": "MIT-ish", "date-released": "27 November 2026", "homepage": "x"}
    del broken["message"]
    errors = "\n".join(schema_errors(broken))
    for where in ["authors", "license", "date-released", "message", "homepage"]:
        assert where in errors


def test_citation_agrees_with_the_package_the_licence_and_the_book(citation):
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert citation["version"] == PROJECT["version"], "bump CITATION.cff's version and date-released with pyproject's"
    assert citation["title"] == config["title"]
    assert citation["authors"] == [{"name": config["author"]}]
    assert citation["type"] == "software"
    assert citation["license"] == "MIT"
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")
