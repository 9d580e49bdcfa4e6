"""Identifiers checked by python-stdnum: association register number, veronumero, IBAN."""

from __future__ import annotations

import pickle
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum import iban as stdnum_iban
from stdnum.fi import associationid as stdnum_associationid
from stdnum.fi import veronumero as stdnum_veronumero

from rekisteri.errors import (
    IdentifierTypeError,
    InvalidAssociationIdError,
    InvalidIbanError,
    InvalidIdentifierError,
    InvalidVeronumeroError,
    Reason,
    RekisteriError,
)
from rekisteri.identifiers import association, iban, veronumero
from rekisteri.model import Controller

#: A fictional Finnish IBAN with valid check digits (the example of the
#: Finnish banks' IBAN guide form, no real account).
IBAN = "FI21 1234 5600 0007 85"


class TestAssociation:
    @pytest.mark.parametrize(
        ("value", "canonical"),
        [("123.123", "123.123"), ("123123", "123.123"), ("1.123", "1.123"), ("92", "92")],
    )
    def test_valid(self, value: str, canonical: str) -> None:
        """Valid numbers (DOMAIN.md fixtures) are returned as the register writes them."""
        assert association.validate(value) == canonical
        assert association.is_valid(value)

    @pytest.mark.parametrize(
        ("value", "reason"),
        [
            ("2", Reason.COMPONENT),
            ("99", Reason.COMPONENT),
            ("1234567", Reason.LENGTH),
            ("12df", Reason.FORMAT),
        ],
    )
    def test_invalid(self, value: str, reason: Reason) -> None:
        """Invalid numbers raise InvalidAssociationIdError with the reason, never the value."""
        with pytest.raises(InvalidAssociationIdError) as info:
            association.validate(value)
        assert info.value.reason is reason
        assert info.value.kind == "associationid"
        assert value not in str(info.value)
        assert info.value.__context__ is None  # python-stdnum's error is not kept
        assert not association.is_valid(value)

    def test_compact_and_format(self) -> None:
        """compact() strips the dot, format() puts it back."""
        assert association.compact("123.123") == "123123"
        assert association.format("123123") == "123.123"

    @given(st.text(max_size=12))
    def test_agrees_with_stdnum(self, value: str) -> None:
        """is_valid() is python-stdnum's answer, for any text."""
        assert association.is_valid(value) == stdnum_associationid.is_valid(value)


class TestVeronumero:
    @pytest.mark.parametrize("value", ["123456789123", "1234 5678 9123"])
    def test_valid(self, value: str) -> None:
        """Valid tax numbers are returned as 12 digits."""
        assert veronumero.validate(value) == "123456789123"
        assert veronumero.compact(value) == "123456789123"

    @pytest.mark.parametrize(
        ("value", "reason"), [("12345678912A", Reason.FORMAT), ("123456789", Reason.LENGTH)]
    )
    def test_invalid(self, value: str, reason: Reason) -> None:
        """Invalid tax numbers raise InvalidVeronumeroError, never quoting them."""
        with pytest.raises(InvalidVeronumeroError) as info:
            veronumero.validate(value)
        assert info.value.reason is reason
        assert value not in str(info.value)

    @given(st.text(alphabet="0123456789 A-", max_size=14))
    def test_agrees_with_stdnum(self, value: str) -> None:
        """is_valid() is python-stdnum's answer."""
        assert veronumero.is_valid(value) == stdnum_veronumero.is_valid(value)


class TestIban:
    def test_valid(self) -> None:
        """A valid IBAN is returned compact; format() groups it by four."""
        assert iban.validate(IBAN.lower()) == "FI2112345600000785"
        assert iban.format("FI2112345600000785") == IBAN
        assert iban.compact(IBAN) == "FI2112345600000785"

    @pytest.mark.parametrize(
        ("value", "reason"),
        [("FI21 1234 5600 0007 86", Reason.CHECKSUM), ("FI2112345600000785999", Reason.CHECKSUM)],
    )
    def test_invalid(self, value: str, reason: Reason) -> None:
        """An invalid IBAN raises InvalidIbanError without the number in the message."""
        with pytest.raises(InvalidIbanError) as info:
            iban.validate(value)
        assert info.value.reason is reason
        assert "1234" not in str(info.value)

    @given(st.text(alphabet="FI0123456789 ", max_size=24))
    def test_agrees_with_stdnum(self, value: str) -> None:
        """is_valid() is python-stdnum's answer."""
        assert iban.is_valid(value) == stdnum_iban.is_valid(value)


class TestCommon:
    @pytest.mark.parametrize("module", [association, veronumero, iban])
    @pytest.mark.parametrize("value", [None, 123, b"123", ["1"]])
    def test_not_a_string(self, module: object, value: object) -> None:
        """A value that is not a string is an IdentifierTypeError; is_valid() says False."""
        with pytest.raises(IdentifierTypeError):
            module.validate(value)  # type: ignore[attr-defined]
        assert module.is_valid(value) is False  # type: ignore[attr-defined]

    @pytest.mark.parametrize(
        "error", [InvalidAssociationIdError, InvalidVeronumeroError, InvalidIbanError]
    )
    def test_error_classes(self, error: type[InvalidIdentifierError]) -> None:
        """The errors are InvalidIdentifierErrors (RekisteriError, ValueError) and pickle."""
        assert issubclass(error, InvalidIdentifierError)
        assert issubclass(error, RekisteriError)
        assert issubclass(error, ValueError)
        exc = error(kind="x", reason=Reason.FORMAT, field="f")
        again = pickle.loads(pickle.dumps(exc))  # noqa: S301 - our own object
        assert type(again) is error
        assert str(again) == str(exc) == "x in f: unexpected character"

    def test_stdnum_is_not_imported_with_rekisteri(self) -> None:
        """Import rekisteri (and its model and identifiers) does not import python-stdnum."""
        code = (
            "import sys, rekisteri, rekisteri.model, rekisteri.identifiers;"
            "print(any(m == 'stdnum' or m.startswith('stdnum.') for m in sys.modules))"
        )
        result = subprocess.run(  # noqa: S603 - our own interpreter and code
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert result.stdout.strip() == "False"


class TestController:
    def test_association_id_is_checked_and_canonical(self) -> None:
        """Controller.association_id is checked with python-stdnum and stored canonical."""
        assert Controller(name="Kuoro ry", association_id="123123").association_id == "123.123"

    def test_invalid_association_id_names_the_field(self) -> None:
        """An invalid number names the field and not the value."""
        with pytest.raises(InvalidAssociationIdError) as info:
            Controller(name="Kuoro ry", association_id="99")
        assert info.value.field == "association_id"
        assert (
            str(info.value)
            == "associationid in association_id: a part of the number is not possible"
        )
