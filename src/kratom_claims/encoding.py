"""Recognise UTF-16, the encoding Windows tools often save text and CSV files in, to name it in an error.

Read as UTF-8, a UTF-16 file is either undecodable at its byte-order mark or full of NUL bytes,
and an error saying so leaves the user guessing; "UTF-16, save it as UTF-8" tells them what to do.
"""

from __future__ import annotations

import codecs

UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
SAMPLE_BYTES = 4096


def looks_like_utf16(raw: bytes) -> bool:
    """A UTF-16 byte-order mark, or (UTF-16 without one) NUL in most bytes on one side of each pair and almost none on the other."""
    if raw.startswith(UTF16_BOMS):
        return True
    sample = raw[:SAMPLE_BYTES]
    if len(sample) < 4:
        return False
    even, odd = sample[0::2], sample[1::2]
    shares = sorted((even.count(0) / len(even), odd.count(0) / len(odd)))
    return shares[0] <= 0.05 and shares[1] >= 0.5
