"""Deterministic sample data: `python -m lyg sample` rewrites data/ from a fixed seed.

Real figures from the press conference and public sources are written exactly and marked
provenance=real; everything else is illustrative and marked so.
"""
