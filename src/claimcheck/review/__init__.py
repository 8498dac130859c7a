"""Review: what people accept and correct (claim record files, baselines of accepted findings)."""
