"""Loading: files on disk -> ``Article`` (decoding, normalisation, metadata, sentences and table rows)."""
