"""Warn about dose figures above the plausible maximum (limits.PLAUSIBLE_MAX_DOSE_G), without refusing them.

An article may really print an absurd dose, so the claim stays; but a person reviewing claims
should look twice at "40000 g", which is far more often a unit or typing slip than the article's words.
"""

from __future__ import annotations

import pandas as pd

from .claims import DOSE_COLUMNS
from .limits import PLAUSIBLE_MAX_DOSE_G


def dose_warnings(claims: pd.DataFrame, source) -> list[str]:
    """One line for each dose figure above PLAUSIBLE_MAX_DOSE_G, naming the file and the claim."""
    found = []
    for row in claims.to_dict("records"):
        for column in DOSE_COLUMNS:
            value = pd.to_numeric(row[column], errors="coerce")
            if pd.notna(value) and value > PLAUSIBLE_MAX_DOSE_G:
                found.append(
                    f"{source}: claim {row['claim_id']}: {column} is {value:g} g, above the plausible maximum of "
                    f"{PLAUSIBLE_MAX_DOSE_G:g} g for one dose; check the figure and its unit (milligrams?)"
                )
    return found
