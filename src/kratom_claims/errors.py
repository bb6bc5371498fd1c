"""One exception type for bad input, so callers can catch it and print one clear line."""

from __future__ import annotations

from pathlib import Path


class DataError(ValueError):
    """A data file is unusable; the message names the file and the problem."""

    def __init__(self, path: str | Path, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")

    def __reduce__(self):
        """Rebuilt from its path and problem, so that an error raised in a worker process reaches the command whole."""
        return type(self), (self.path, self.problem)


class CorpusError(DataError):
    """An article file or its metadata row is missing, malformed or altered."""


class CodebookError(DataError):
    """The codebook YAML is malformed or breaks the schema."""


class ClaimsError(DataError):
    """A claim row does not match its article or the codebook."""


class EvidenceError(DataError):
    """An evidence row names an unknown term, value or source."""


class QualityError(DataError):
    """A quality rating file is malformed or rates an unknown article or item."""
