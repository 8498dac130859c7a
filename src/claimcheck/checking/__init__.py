"""Checking: ``Claim`` -> ``Topic`` -> ``Finding`` (alignment, verdicts, internal and timeline checks)."""
