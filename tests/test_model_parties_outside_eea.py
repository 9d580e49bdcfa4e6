"""A register cannot say nothing leaves the EEA while it lists a party outside it (A13's O1).

A processor, a sub-processor or a recipient in a country outside the EEA
receives the data there (Chapter V), as a transfer does: "not transferred
outside the EU or the EEA" beside it would be a false statement in the notice
and the record. Parties inside the EEA, or a recipient without a country,
stand beside that statement as before.
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from rekisteri.errors import InvalidRegisterError
from rekisteri.model import (
    Cookie,
    LocalizedText,
    NoneStated,
    Processor,
    Recipient,
    Register,
    SubProcessor,
    TransferMechanism,
)
from rekisteri.testing import a_register

SERVICE = LocalizedText(fi="Palvelin", sv="Server", en="Server")


def _processor(country: str, *, sub: str | None = None) -> Processor:
    return Processor(
        name="Pilvi Oy",
        service=SERVICE,
        country=country,
        mechanism=None
        if country in {"FI", "SE"}
        else TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES,
        sub_processors=()
        if sub is None
        else (
            SubProcessor(
                name="Cloud Inc", country=sub, mechanism=TransferMechanism.ADEQUACY_DECISION
            ),
        ),
    )


def _no_transfers(**changes: Any) -> Register:
    base = a_register()
    return attrs.evolve(
        base, transfers=(), none_stated=(*base.none_stated, NoneStated.TRANSFERS), **changes
    )


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"processors": (_processor("US"),)}, id="processor"),
        pytest.param({"processors": (_processor("FI", sub="US"),)}, id="sub-processor"),
        pytest.param(
            {"recipients": (Recipient(description=SERVICE, name="Partner Ltd", country="GB"),)},
            id="recipient",
        ),
        pytest.param(
            {
                "cookies": (
                    Cookie(name="_ga", purpose=SERVICE, provider="Analytics Inc", country="US"),
                )
            },
            id="cookie-provider",
        ),
    ],
)
def test_a_party_outside_the_eea_and_no_transfers_are_refused(changes: dict[str, object]) -> None:
    with pytest.raises(InvalidRegisterError, match="outside the EEA") as caught:
        _no_transfers(**changes)
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"processors": (_processor("SE", sub="FI"),)}, id="inside-the-eea"),
        pytest.param(
            {"recipients": (Recipient(description=SERVICE, name="Kumppani Oy"),)},
            id="recipient-without-a-country",
        ),
    ],
)
def test_parties_inside_the_eea_stand_beside_no_transfers(changes: dict[str, object]) -> None:
    register = _no_transfers(**changes)
    assert NoneStated.TRANSFERS in register.none_stated
