"""JSON round trip of a realistic register: rekisteri vs msgspec and pydantic v2.

Run: python benchmarks/bench_serialize.py [--rounds N] [--number N]

The register has about 60 objects: a controller, 10 purposes, 30 data
categories, 5 sources, 5 recipients, 10 retention rules and 8 rights. The
same shape is mirrored here, inside the benchmark only, as frozen msgspec
Structs and frozen pydantic v2 models. A round trip is ``dumps`` to JSON
bytes plus ``loads`` back to objects. Each variant is checked to round-trip
to an equal object, and all are timed interleaved in one process.
"""

from __future__ import annotations

import argparse
import sys
import time
from enum import StrEnum
from pathlib import Path

import msgspec
import pydantic

sys.path.insert(0, str(Path(__file__).parent))

from _util import race

from rekisteri import sources
from rekisteri.model import (
    Address,
    ContactPoint,
    Controller,
    DataCategory,
    Duration,
    LegalBasis,
    LocalizedText,
    Purpose,
    Recipient,
    Register,
    RetentionRule,
    RetentionTrigger,
    Right,
)
from rekisteri.serialize import dumps, loads

RIGHTS = (
    Right.ACCESS,
    Right.RECTIFICATION,
    Right.ERASURE,
    Right.RESTRICTION,
    Right.PORTABILITY,
    Right.OBJECT,
    Right.WITHDRAW_CONSENT,
    Right.COMPLAINT,
)
BASES = list(LegalBasis)


def text(n: int, what: str) -> LocalizedText:
    return LocalizedText(fi=f"{what} {n} suomeksi", sv=f"{what} {n} på svenska", en=f"{what} {n}")


def build() -> Register:
    categories = tuple(
        DataCategory(key=f"cat-{i}", name=text(i, "Tietoryhmä"), personal_identity_code=i == 3)
        for i in range(30)
    )
    purposes = tuple(
        Purpose(
            key=f"purpose-{i}",
            name=text(i, "Tarkoitus"),
            legal_basis=BASES[i % 6],
            legitimate_interest=text(i, "Etu")
            if BASES[i % 6] is LegalBasis.LEGITIMATE_INTERESTS
            else None,
            data_categories=tuple(f"cat-{j}" for j in range(i, 30, 7)),
        )
        for i in range(10)
    )
    recipients = tuple(
        Recipient(description=text(i, "Vastaanottaja"), name=f"Vastaanottaja {i} Oy")
        for i in range(5)
    )
    retention = tuple(
        RetentionRule(
            data_categories=(f"cat-{i}", f"cat-{i + 10}"),
            period=Duration(years=i + 1),
            trigger=RetentionTrigger.END_OF_CUSTOMER_RELATIONSHIP,
            statute="kirjanpitolaki 1336/1997 2:10" if i % 2 else None,
        )
        for i in range(10)
    )
    return Register(
        controller=Controller(
            name="Esimerkki Oy",
            business_id="2077474-0",
            address=Address(street="Esimerkkikatu 1", postal_code="00100", town="Helsinki"),
            contact=ContactPoint(email="tietosuoja@example.fi", phone="+358 9 123 4567"),
        ),
        name=text(0, "Asiakasrekisteri"),
        data_categories=categories,
        purposes=purposes,
        sources=(
            sources.DATA_SUBJECT,
            sources.YTJ,
            sources.ASIAKASTIETO,
            sources.FONECTA,
            sources.PRH_KAUPPAREKISTERI,
        ),
        recipients=recipients,
        retention=retention,
        rights=RIGHTS,
    )


# ----------------------------------------------------------------- msgspec mirror


class MText(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    fi: str
    sv: str | None = None
    en: str | None = None


class MAddress(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    street: str | None = None
    postal_code: str | None = None
    town: str | None = None
    country: str = "FI"


class MContact(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    address: MAddress | None = None
    url: str | None = None


class MController(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    name: str
    business_id: str | None = None
    address: MAddress | None = None
    contact: MContact | None = None


class MCategory(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    key: str
    name: MText
    personal_identity_code: bool = False


class Basis(StrEnum):
    CONSENT = "consent"
    CONTRACT = "contract"
    LEGAL_OBLIGATION = "legal_obligation"
    VITAL_INTERESTS = "vital_interests"
    PUBLIC_TASK = "public_task"
    LEGITIMATE_INTERESTS = "legitimate_interests"


class MPurpose(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    key: str
    name: MText
    legal_basis: Basis | None = None
    legitimate_interest: MText | None = None
    data_categories: tuple[str, ...] = ()


class MSource(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    key: str
    name: MText
    operator: MText | None = None
    business_id: str | None = None
    data: MText | None = None
    publicly_accessible: bool | None = None
    is_data_subject: bool = False


class MRecipient(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    description: MText
    name: str | None = None


class MDuration(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    years: int = 0
    months: int = 0
    days: int = 0


class Trigger(StrEnum):
    END_OF_CUSTOMER_RELATIONSHIP = "end_of_customer_relationship"


class MRetention(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    data_categories: tuple[str, ...] = ()
    period: MDuration | None = None
    trigger: Trigger | None = None
    statute: str | None = None


class RightM(StrEnum):
    ACCESS = "access"
    RECTIFICATION = "rectification"
    ERASURE = "erasure"
    RESTRICTION = "restriction"
    PORTABILITY = "portability"
    OBJECT = "object"
    WITHDRAW_CONSENT = "withdraw_consent"
    COMPLAINT = "complaint"


class MRegister(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    controller: MController
    name: MText | None = None
    data_categories: tuple[MCategory, ...] = ()
    purposes: tuple[MPurpose, ...] = ()
    sources: tuple[MSource, ...] = ()
    recipients: tuple[MRecipient, ...] = ()
    retention: tuple[MRetention, ...] = ()
    rights: tuple[RightM, ...] = ()
    schema_version: int = 2


# ---------------------------------------------------------------- pydantic mirror

_frozen = pydantic.ConfigDict(frozen=True, extra="forbid")


class PText(pydantic.BaseModel):
    model_config = _frozen
    fi: str
    sv: str | None = None
    en: str | None = None


class PAddress(pydantic.BaseModel):
    model_config = _frozen
    street: str | None = None
    postal_code: str | None = None
    town: str | None = None
    country: str = "FI"


class PContact(pydantic.BaseModel):
    model_config = _frozen
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    address: PAddress | None = None
    url: str | None = None


class PController(pydantic.BaseModel):
    model_config = _frozen
    name: str
    business_id: str | None = None
    address: PAddress | None = None
    contact: PContact | None = None


class PCategory(pydantic.BaseModel):
    model_config = _frozen
    key: str
    name: PText
    personal_identity_code: bool = False


class PPurpose(pydantic.BaseModel):
    model_config = _frozen
    key: str
    name: PText
    legal_basis: Basis | None = None
    legitimate_interest: PText | None = None
    data_categories: tuple[str, ...] = ()


class PSource(pydantic.BaseModel):
    model_config = _frozen
    key: str
    name: PText
    operator: PText | None = None
    business_id: str | None = None
    data: PText | None = None
    publicly_accessible: bool | None = None
    is_data_subject: bool = False


class PRecipient(pydantic.BaseModel):
    model_config = _frozen
    description: PText
    name: str | None = None


class PDuration(pydantic.BaseModel):
    model_config = _frozen
    years: int = 0
    months: int = 0
    days: int = 0


class PRetention(pydantic.BaseModel):
    model_config = _frozen
    data_categories: tuple[str, ...] = ()
    period: PDuration | None = None
    trigger: Trigger | None = None
    statute: str | None = None


class PRegister(pydantic.BaseModel):
    model_config = _frozen
    controller: PController
    name: PText | None = None
    data_categories: tuple[PCategory, ...] = ()
    purposes: tuple[PPurpose, ...] = ()
    sources: tuple[PSource, ...] = ()
    recipients: tuple[PRecipient, ...] = ()
    retention: tuple[PRetention, ...] = ()
    rights: tuple[RightM, ...] = ()
    schema_version: int = 2


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--number", type=int, default=300, help="round trips per timing")
    args = parser.parse_args()

    start = time.perf_counter()
    register = build()
    data = dumps(register)
    first = loads(data, Register)
    cold_ms = (time.perf_counter() - start) * 1000
    assert first == register

    encoder, decoder = msgspec.json.Encoder(), msgspec.json.Decoder(MRegister)
    mirror = decoder.decode(data)  # the same document, read by msgspec
    assert decoder.decode(encoder.encode(mirror)) == mirror
    model = PRegister.model_validate_json(data)
    assert PRegister.model_validate_json(model.model_dump_json(exclude_defaults=True)) == model
    objects = (
        len(register.data_categories) + len(register.purposes) + len(register.sources)
        + len(register.recipients) + len(register.retention) + len(register.rights) + 1
    )  # fmt: skip
    number = args.number

    def ours() -> None:
        for _ in range(number):
            loads(dumps(register), Register)

    def ms() -> None:
        for _ in range(number):
            decoder.decode(encoder.encode(mirror))

    def pd() -> None:
        for _ in range(number):
            PRegister.model_validate_json(model.model_dump_json(exclude_defaults=True))

    best = race({"msgspec": ms, "pydantic": pd, "rekisteri": ours}, args.rounds)
    print(f"document: {len(data):,} bytes of JSON, {objects} top-level items")
    print(f"first rekisteri round trip incl. building the converter: {cold_ms:.1f} ms")
    base = best["msgspec"]
    for name, seconds in best.items():
        per_trip = seconds / number * 1e6
        print(f"{name:10} {per_trip:7.1f} us per round trip  {seconds / base:4.2f}x msgspec")
    ratio = best["rekisteri"] / base
    print(
        f"goal: rekisteri <= 2.0x msgspec ({'met' if ratio <= 2.0 else 'MISSED'}: {ratio:.2f}x), "
        f"faster than pydantic ({'met' if best['rekisteri'] < best['pydantic'] else 'MISSED'})"
    )


if __name__ == "__main__":
    main()
