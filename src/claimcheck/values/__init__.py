"""Value grammars: text -> ``Quantity`` and ``DateValue`` with interval semantics and citation spans."""
