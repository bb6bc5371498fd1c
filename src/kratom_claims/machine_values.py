"""Values only the extractor writes, for a person to resolve in review: never in data/claims.csv.

Kept free of pandas and the codebook so that the extractor can import them at no cost."""

from __future__ import annotations

# attributed_to where a sentence shows someone else speaking (quotation marks, a verb of saying,
# a share of people asked) and the rules cannot tell who: empty would give the claim as the
# article's own, which misleads a reader when wrong. It is not in the codebook's closed list.
UNCLEAR_ATTRIBUTION = "unclear"
MACHINE_ONLY_ATTRIBUTIONS = (UNCLEAR_ATTRIBUTION,)
