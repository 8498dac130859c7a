"""The fast model builders: ``build`` and ``replace`` skip validation, so their checks are tested here."""

from __future__ import annotations

import pydantic
import pytest

from claimcheck.models import Quantity, build, replace


def _pct() -> Quantity:
    return build(Quantity, kind="percent", low=75.0, high=75.0, unit="%", text="75%", precision=1.0)


def test_build_refuses_an_unknown_or_missing_field() -> None:
    with pytest.raises(TypeError, match="no field"):
        build(Quantity, kind="percent", low=1.0, high=1.0, text="1%", colour="red")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="needs field"):
        build(Quantity, kind="percent", low=1.0, high=1.0)  # type: ignore[call-arg]


def test_replace_checks_the_changed_fields_strictly() -> None:
    assert replace(_pct(), unit="pp").unit == "pp"
    with pytest.raises(pydantic.ValidationError):
        replace(_pct(), kind="percentage")  # not a QuantityKind
    with pytest.raises(pydantic.ValidationError):
        replace(_pct(), low="75")  # no coercion from text
    with pytest.raises(TypeError, match="no field"):
        replace(_pct(), colour="red")
