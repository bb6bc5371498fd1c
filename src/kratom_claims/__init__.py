"""Shared code for the kratom-claims book: corpus, codebook, claims, extraction, overlap, charts."""
