"""Cells as claims.csv spells them, without numpy: the same text numpy and pandas values gave before."""

from __future__ import annotations

import random

import numpy as np
import pandas as pd
import pytest

from kratom_claims.claim_rows import format_cell


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        (True, "true"),
        (np.bool_(False), "false"),
        (7, "7"),
        (np.int64(12), "12"),
        (2.0, "2"),
        (np.float64(1.5), "1.5"),
        (np.float32(0.25), "0.25"),
        (1e-7, "0.0000001"),
        (1e20, "100000000000000000000"),
        (-0.0, "-0"),
        (float("nan"), ""),
        (np.nan, ""),
        (None, ""),
        (pd.NA, ""),
        ("kratom", "kratom"),
    ],
)
def test_format_cell_spells_python_numpy_and_pandas_values(value, cell):
    assert format_cell(value) == cell


def test_format_cell_spells_any_float_as_numpy_format_float_positional_does():
    rng = random.Random(14)
    values = [rng.uniform(0, 100) for _ in range(2000)]
    values += [10 ** rng.uniform(-12, 22) for _ in range(2000)]
    values += [round(rng.uniform(0, 60), 2) for _ in range(2000)]
    for value in values:
        assert format_cell(value) == np.format_float_positional(value, trim="-"), repr(value)
