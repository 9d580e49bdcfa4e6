"""Tests for :mod:`rekisteri.errors`."""

from __future__ import annotations

import copy
import importlib
import pickle
import re

import pytest

import rekisteri
from rekisteri import errors
from rekisteri.errors import (
    IdentifierTypeError,
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidIdentifierError,
    InvalidLength,
    Reason,
    RekisteriError,
)
from rekisteri.identifiers import hetu, ytunnus
from tests.test_packaging import module_names

INVALID_CLASSES: tuple[type[InvalidIdentifierError], ...] = (
    InvalidIdentifierError,
    InvalidFormat,
    InvalidLength,
    InvalidChecksum,
    InvalidComponent,
)

#: The message text of each reason. The wording is shown to users (and the
#: values are a wire format), so a change here must be deliberate.
MESSAGES: dict[Reason, str] = {
    Reason.LENGTH: "wrong number of characters",
    Reason.FORMAT: "unexpected character",
    Reason.NON_ASCII: "non-ASCII character",
    Reason.CENTURY_SIGN: "unknown century sign",
    Reason.DATE: "birth date does not exist",
    Reason.FUTURE_DATE: "birth date is in the future",
    Reason.INDIVIDUAL_NUMBER: "individual number 000 and 001 are never issued",
    Reason.TEMPORARY: "temporary number (900-999) not allowed here",
    Reason.CHECKSUM: "check character does not match",
    Reason.NEVER_ISSUED: "number with remainder 1 is never issued",
    Reason.VAT_NUMBER: "this is a VAT number; convert it with from_vat()",
    Reason.COMPONENT: "a part of the number is not possible",
}

#: The wire values of Reason: only ever added to, never renamed.
WIRE_VALUES: dict[str, str] = {
    "LENGTH": "length",
    "FORMAT": "format",
    "NON_ASCII": "non_ascii",
    "CENTURY_SIGN": "century_sign",
    "DATE": "date",
    "FUTURE_DATE": "future_date",
    "INDIVIDUAL_NUMBER": "individual_number",
    "TEMPORARY": "temporary",
    "CHECKSUM": "checksum",
    "NEVER_ISSUED": "never_issued",
    "VAT_NUMBER": "vat_number",
    "COMPONENT": "component",
}


class TestHierarchy:
    @pytest.mark.parametrize(
        ("child", "parent"),
        [
            (IdentifierTypeError, RekisteriError),
            (IdentifierTypeError, TypeError),
            (InvalidIdentifierError, RekisteriError),
            (InvalidIdentifierError, ValueError),
            (InvalidFormat, InvalidIdentifierError),
            (InvalidLength, InvalidFormat),
            (InvalidLength, ValueError),
            (InvalidChecksum, InvalidIdentifierError),
            (InvalidComponent, InvalidIdentifierError),
            (RekisteriError, Exception),
        ],
    )
    def test_is_subclass(self, child: type[Exception], parent: type[Exception]) -> None:
        """Each error subclasses its parent in the documented tree."""
        assert issubclass(child, parent)

    @pytest.mark.parametrize(
        ("child", "other"),
        [
            (IdentifierTypeError, ValueError),
            (InvalidIdentifierError, TypeError),
            (InvalidChecksum, InvalidFormat),
            (InvalidComponent, InvalidFormat),
            (InvalidFormat, InvalidLength),
            (InvalidChecksum, InvalidComponent),
            (RekisteriError, ValueError),
        ],
    )
    def test_is_not_subclass(self, child: type[Exception], other: type[Exception]) -> None:
        """Branches of the tree stay apart."""
        assert not issubclass(child, other)

    def test_reexported_from_package(self) -> None:
        """The package root re-exports the very same classes."""
        for name in errors.__all__:
            assert getattr(rekisteri, name) is getattr(errors, name)

    def test_all_is_sorted_and_complete(self) -> None:
        """errors.__all__ is sorted and names only existing attributes."""
        assert errors.__all__ == sorted(errors.__all__)
        for name in errors.__all__:
            assert hasattr(errors, name)

    @pytest.mark.parametrize("cls", [RekisteriError, IdentifierTypeError, *INVALID_CLASSES])
    def test_documented(self, cls: type[Exception]) -> None:
        """Every public error has a docstring."""
        assert cls.__doc__


class TestReason:
    def test_wire_values(self) -> None:
        """The reason codes keep their wire values."""
        assert {reason.name: reason.value for reason in Reason} == WIRE_VALUES

    def test_is_a_string(self) -> None:
        """A Reason compares equal to its wire value and formats as it."""
        wire: object = "checksum"
        assert wire == Reason.CHECKSUM
        assert Reason.CHECKSUM.value == "checksum"
        assert f"{Reason.VAT_NUMBER}" == "vat_number"
        assert Reason("never_issued") is Reason.NEVER_ISSUED

    def test_every_reason_has_a_message(self) -> None:
        """The message table covers every reason, and the messages are distinct."""
        assert set(MESSAGES) == set(Reason)
        assert len(set(MESSAGES.values())) == len(MESSAGES)


class TestInvalidIdentifierError:
    @pytest.mark.parametrize("reason", list(Reason))
    def test_message_for_each_reason(self, reason: Reason) -> None:
        """The message is the kind and the description of the reason."""
        exc = InvalidIdentifierError(kind="hetu", reason=reason)
        assert str(exc) == f"hetu: {MESSAGES[reason]}"

    def test_attributes(self) -> None:
        """The structured data is kept as attributes."""
        exc = InvalidChecksum(
            kind="hetu", reason=Reason.CHECKSUM, position=10, field="customers.hetu"
        )
        assert exc.kind == "hetu"
        assert exc.reason is Reason.CHECKSUM
        assert exc.position == 10
        assert exc.field == "customers.hetu"

    def test_defaults(self) -> None:
        """Position and field default to None."""
        exc = InvalidFormat(kind="ytunnus", reason=Reason.FORMAT)
        assert exc.position is None
        assert exc.field is None
        assert str(exc) == "ytunnus: unexpected character"

    def test_message_with_field_and_position(self) -> None:
        """The message names the field and the position but never a value."""
        exc = InvalidChecksum(
            kind="hetu", reason=Reason.CHECKSUM, position=10, field="customers.hetu"
        )
        assert str(exc) == "hetu in customers.hetu: check character does not match (at index 10)"

    def test_position_zero_is_shown(self) -> None:
        """Position 0 is a position, not a missing one."""
        exc = InvalidFormat(kind="ytunnus", reason=Reason.VAT_NUMBER, position=0)
        assert str(exc).endswith("(at index 0)")

    def test_keyword_only(self) -> None:
        """The constructor takes keywords only."""
        with pytest.raises(TypeError):
            InvalidFormat("hetu", Reason.FORMAT)  # type: ignore[call-arg] # positional on purpose

    @pytest.mark.parametrize("cls", INVALID_CLASSES)
    def test_with_field(self, cls: type[InvalidIdentifierError]) -> None:
        """with_field returns a new error of the same class that names the field."""
        original = cls(kind="hetu", reason=Reason.DATE, position=3)
        named = original.with_field("rows[4].hetu")
        assert type(named) is cls
        assert named is not original
        assert named.field == "rows[4].hetu"
        assert (named.kind, named.reason, named.position) == ("hetu", Reason.DATE, 3)
        assert original.field is None
        assert str(named) == "hetu in rows[4].hetu: birth date does not exist (at index 3)"

    def test_with_field_on_a_raised_error(self) -> None:
        """with_field works on an error raised by a validator."""
        with pytest.raises(InvalidChecksum) as info:
            hetu.validate("131052-308U")
        named = info.value.with_field("henkilotunnus")
        assert named.reason is Reason.CHECKSUM
        assert named.position == info.value.position
        assert "in henkilotunnus" in str(named)

    @pytest.mark.parametrize("cls", INVALID_CLASSES)
    @pytest.mark.parametrize("reason", list(Reason))
    def test_pickle_round_trip(self, cls: type[InvalidIdentifierError], reason: Reason) -> None:
        """Pickling keeps the class, the attributes and the message."""
        exc = cls(kind="hetu", reason=reason, position=7, field="f")
        for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
            back = pickle.loads(pickle.dumps(exc, protocol=protocol))  # noqa: S301 - our own data
            assert type(back) is cls
            assert (back.kind, back.reason, back.position, back.field) == ("hetu", reason, 7, "f")
            assert back.reason is reason
            assert str(back) == str(exc)
            assert back.args == exc.args

    def test_pickle_without_optional_fields(self) -> None:
        """Pickling keeps position and field as None when they were None."""
        exc = InvalidLength(kind="ytunnus", reason=Reason.LENGTH)
        back = pickle.loads(pickle.dumps(exc))  # noqa: S301 - our own data
        assert type(back) is InvalidLength
        assert back.position is None
        assert back.field is None

    def test_copy(self) -> None:
        """``copy`` and deepcopy keep the class and the attributes."""
        exc = InvalidComponent(kind="hetu", reason=Reason.FUTURE_DATE, field="x")
        for clone in (copy.copy(exc), copy.deepcopy(exc)):
            assert type(clone) is InvalidComponent
            assert (clone.reason, clone.field) == (Reason.FUTURE_DATE, "x")

    def test_validators_set_kind(self) -> None:
        """Errors from the validators say which identifier was checked."""
        with pytest.raises(InvalidIdentifierError) as from_hetu:
            hetu.validate("x")
        with pytest.raises(InvalidIdentifierError) as from_ytunnus:
            ytunnus.validate("x")
        assert from_hetu.value.kind == "hetu"
        assert from_ytunnus.value.kind == "ytunnus"


class TestIdentifierTypeError:
    def test_message_and_attributes(self) -> None:
        """The message names the kind and the type given, not the value."""
        exc = IdentifierTypeError(kind="hetu", type_name="bytes")
        assert str(exc) == "hetu: expected str, got bytes"
        assert exc.kind == "hetu"
        assert exc.type_name == "bytes"

    def test_from_validator(self) -> None:
        """A validator given bytes names the type, not the bytes."""
        with pytest.raises(IdentifierTypeError) as info:
            hetu.validate(b"131052-308T")  # type: ignore[arg-type] # junk on purpose
        assert info.value.type_name == "bytes"
        assert "131052" not in str(info.value)

    def test_pickle_round_trip(self) -> None:
        """Pickling keeps the class and the attributes."""
        exc = IdentifierTypeError(kind="ytunnus", type_name="int")
        back = pickle.loads(pickle.dumps(exc))  # noqa: S301 - our own data
        assert type(back) is IdentifierTypeError
        assert (back.kind, back.type_name) == ("ytunnus", "int")
        assert str(back) == str(exc)

    def test_caught_as_type_error(self) -> None:
        """Callers can catch it as a plain TypeError."""
        with pytest.raises(TypeError, match="expected str"):
            ytunnus.validate(None)  # type: ignore[arg-type] # junk on purpose

    def test_expected_in_message_and_pickle(self) -> None:
        """A bulk function given a non-iterable says it expected an iterable; pickling keeps it."""
        with pytest.raises(IdentifierTypeError) as info:
            hetu.validate_many(None)  # type: ignore[arg-type] # junk on purpose
        assert str(info.value) == "hetu: expected an iterable, got NoneType"
        assert info.value.expected == "an iterable"
        back = pickle.loads(pickle.dumps(info.value))  # noqa: S301 - our own data
        assert (back.kind, back.type_name, back.expected) == ("hetu", "NoneType", "an iterable")
        assert str(back) == str(info.value)


def _every_error_class() -> list[type[RekisteriError]]:
    """Every public subclass of RekisteriError in rekisteri, once every module is imported."""
    for module in module_names():
        importlib.import_module(module)
    found: list[type[RekisteriError]] = []
    todo: list[type[RekisteriError]] = [RekisteriError]
    while todo:
        cls = todo.pop()
        todo += cls.__subclasses__()
        if cls.__module__.startswith("rekisteri") and not cls.__name__.startswith("_"):
            found.append(cls)
    return sorted(set(found), key=lambda cls: cls.__name__)


#: Builtin bases that say nothing about the kind of error.
_TOO_GENERAL = (BaseException, Exception, object)


class TestEveryErrorClass:
    def test_all_are_found(self) -> None:
        """The walk finds the classes of errors.py and those defined elsewhere."""
        names = {cls.__name__ for cls in _every_error_class()}
        assert {"RekisteriError", "InvalidLength", "CatalogError", "UnusableInputError"} <= names
        assert "UnknownLocaleError" in names

    @pytest.mark.parametrize("cls", _every_error_class(), ids=lambda cls: cls.__name__)
    def test_in_the_documented_tree(self, cls: type[RekisteriError]) -> None:
        """The class tree in the docstring of rekisteri.errors names every error class."""
        assert errors.__doc__ is not None
        assert re.search(rf"\b{cls.__name__}\b", errors.__doc__), cls.__name__

    @pytest.mark.parametrize("cls", _every_error_class(), ids=lambda cls: cls.__name__)
    def test_also_a_builtin_error(self, cls: type[RekisteriError]) -> None:
        """Every error but the root also subclasses a builtin that says what kind it is."""
        if cls is RekisteriError:
            return
        builtins = [
            base
            for base in cls.__mro__
            if base.__module__ == "builtins" and base not in _TOO_GENERAL
        ]
        assert builtins, f"{cls.__name__} subclasses no builtin error such as ValueError"

    @pytest.mark.parametrize("cls", _every_error_class(), ids=lambda cls: cls.__name__)
    def test_documented(self, cls: type[RekisteriError]) -> None:
        """Every error class has a docstring of its own."""
        assert "__doc__" in vars(cls)
        assert cls.__doc__
