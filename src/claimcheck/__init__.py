"""claimcheck: an offline fact-checker for AI news.

Library entry points: ``claimcheck.pipeline.extract`` and ``claimcheck.pipeline.audit``.
"""

__version__ = "0.1.0"
