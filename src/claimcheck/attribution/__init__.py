"""Attribution: ``Article`` -> ``Claim`` (who and what each value is about, when, against what)."""
