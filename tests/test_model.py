"""Tests for :mod:`rekisteri.model`: the construction rules of the register model."""

from __future__ import annotations

import copy
import pickle
import re
from datetime import date
from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rekisteri.errors import (
    InvalidIdentifierError,
    InvalidRegisterError,
    InvalidValueError,
    ModelTypeError,
    RekisteriError,
)
from rekisteri.model import (
    DATA_PROTECTION_OMBUDSMAN,
    EEA,
    SCHEMA_VERSION,
    Address,
    Authority,
    AutomatedDecision,
    ContactPoint,
    Controller,
    Cookie,
    DataCategory,
    DataSubjectCategory,
    Duration,
    Lang,
    LegalBasis,
    LocalizedText,
    NoneStated,
    Processor,
    Purpose,
    Recipient,
    Register,
    Representative,
    RetentionRule,
    RetentionTrigger,
    Right,
    SecurityKind,
    SecurityMeasure,
    Source,
    Transfer,
    TransferMechanism,
)
from rekisteri.sources import ASIAKASTIETO, DATA_SUBJECT, YTJ
from rekisteri.testing.strategies import (
    corrupted_ytunnukset,
    localized_texts,
    purposes,
    registers,
    retention_rules,
    transfers,
    ytunnukset,
)

if TYPE_CHECKING:
    from collections.abc import Callable

HETU = "131052-308T"
DPV = "https://w3id.org/dpv/legal/eu/gdpr#"


def text(fi: str = "Teksti") -> LocalizedText:
    return LocalizedText(fi=fi)


def controller() -> Controller:
    return Controller(name="Esimerkki Oy")


def category(key: str) -> DataCategory:
    return DataCategory(key=key, name=text())


def purpose(key: str, basis: LegalBasis | None = None, *refs: str) -> Purpose:
    return Purpose(key=key, name=text(), legal_basis=basis, data_categories=refs)


class TestLocalizedText:
    def test_finnish_only(self) -> None:
        """A text needs only Finnish; Swedish and English default to None."""
        name = LocalizedText(fi="Asiakasrekisteri")
        assert (name.fi, name.sv, name.en) == ("Asiakasrekisteri", None, None)

    def test_finnish_is_required(self) -> None:
        """A text without Finnish cannot be built."""
        with pytest.raises(TypeError, match=r"fi"):
            LocalizedText(sv="Kundregister", en="Customer register")  # type: ignore[call-arg] # fi is missing on purpose

    @pytest.mark.parametrize("blank", ["", " ", "\t\n", "\u3000"])
    def test_blank_finnish_is_rejected(self, blank: str) -> None:
        """Finnish that is empty or only whitespace is rejected, naming the field."""
        with pytest.raises(InvalidValueError, match=r"^fi: expected a text that is not empty$"):
            LocalizedText(fi=blank)

    @pytest.mark.parametrize("field", ["sv", "en"])
    def test_blank_other_language_is_rejected(self, field: str) -> None:
        """A Swedish or English text, when given, must not be blank either."""
        with pytest.raises(
            InvalidValueError, match=rf"^{field}: expected a text that is not empty$"
        ):
            LocalizedText(fi="Teksti", **{field: "  "})

    def test_non_string_is_rejected(self) -> None:
        """A text that is not a string is rejected as such: a ModelTypeError (a TypeError)."""
        with pytest.raises(ModelTypeError, match=r"^fi: expected a text \(str\), got int$"):
            LocalizedText(fi=5)  # type: ignore[arg-type] # a wrong type on purpose

    def test_resolve_returns_the_language_asked(self) -> None:
        """resolve() returns the text in the language asked, with that language."""
        name = LocalizedText(fi="Asiakasrekisteri", sv="Kundregister", en="Customer register")
        assert name.resolve(Lang.SV) == ("Kundregister", Lang.SV)
        assert name.resolve(Lang.EN) == ("Customer register", Lang.EN)

    def test_resolve_falls_back_to_finnish(self) -> None:
        """A missing language falls back to Finnish, and says so."""
        assert LocalizedText(fi="Asiakasrekisteri").resolve(Lang.SV) == (
            "Asiakasrekisteri",
            Lang.FI,
        )

    def test_resolve_never_falls_back_to_english(self) -> None:
        """Even when English exists, a missing Swedish text falls back to Finnish."""
        name = LocalizedText(fi="Asiakasrekisteri", en="Customer register")
        assert name.resolve(Lang.SV) == ("Asiakasrekisteri", Lang.FI)

    def test_resolve_accepts_wire_values(self) -> None:
        """A language may be given by its wire value."""
        assert LocalizedText(fi="Nimi", sv="Namn").resolve("sv") == ("Namn", Lang.SV)

    def test_unknown_language_is_a_value_error(self) -> None:
        """A language the model does not know is rejected."""
        with pytest.raises(ValueError, match=r"de"):
            LocalizedText(fi="Nimi").get("de")

    @given(localized_texts(), st.sampled_from(Lang))
    def test_resolve_is_exact_or_finnish(self, name: LocalizedText, lang: Lang) -> None:
        """resolve() gives the exact text when there is one and Finnish otherwise."""
        exact = name.get(lang)
        expected = (exact, lang) if exact is not None else (name.fi, Lang.FI)
        assert name.resolve(lang) == expected

    def test_languages_lists_finnish_first(self) -> None:
        """The languages property names the languages written, Finnish first."""
        assert LocalizedText(fi="Nimi", en="Name").languages == (Lang.FI, Lang.EN)

    def test_str_is_the_finnish_text(self) -> None:
        """str() of a text is its Finnish text."""
        assert str(LocalizedText(fi="Nimi", sv="Namn")) == "Nimi"

    def test_lang_wire_values(self) -> None:
        """The language wire values are the ISO 639-1 codes."""
        assert [lang.value for lang in Lang] == ["fi", "sv", "en"]


class TestAddress:
    def test_finnish_by_default(self) -> None:
        """An address is in Finland unless it says otherwise."""
        address = Address(street="Lintulahdenkuja 4", postal_code="00530", town="Helsinki")
        assert address.country == "FI"

    @pytest.mark.parametrize(
        "code",
        ["0053", "005300", "00 530", "00530 ", "FI-00530", "AB123", "٠٠٥٣٠", "００５３０"],
    )
    def test_finnish_postal_code_is_five_ascii_digits(self, code: str) -> None:
        """A Finnish postal code is exactly five ASCII digits."""
        with pytest.raises(InvalidValueError, match=r"^postal_code: a Finnish postal code"):
            Address(postal_code=code)

    def test_message_does_not_quote_the_code(self) -> None:
        """The postal-code message quotes its example, never the value given."""
        with pytest.raises(InvalidValueError) as info:
            Address(postal_code="12-34")
        assert "12-34" not in str(info.value)

    def test_foreign_postal_code_is_free_form(self) -> None:
        """Outside Finland a postal code keeps its own shape."""
        assert Address(postal_code="114 55", town="Stockholm", country="SE").postal_code == (
            "114 55"
        )

    @pytest.mark.parametrize("country", ["fi", "FIN", "F", "", "Fi", "1A", "XX", "EU", "ZZ"])
    def test_country_is_an_alpha_2_code(self, country: str) -> None:
        """The country is the upper-case ISO 3166-1 alpha-2 code of a country Babel knows."""
        with pytest.raises(InvalidValueError, match=r"^country: expected the ISO 3166-1 alpha-2"):
            Address(town="Tukholma", country=country)

    def test_uk_has_a_hint(self) -> None:
        """The code "UK" is refused with a hint: the United Kingdom's code is GB."""
        with pytest.raises(InvalidValueError, match=r"the United Kingdom is 'GB'$"):
            Address(town="London", country="UK")
        assert Address(town="London", country="GB").country == "GB"

    def test_lower_case_has_a_hint(self) -> None:
        """A known code in lower case is refused with a hint to use capitals."""
        with pytest.raises(InvalidValueError, match=r"write it in capital letters$"):
            Address(town="Tukholma", country="se")

    @pytest.mark.parametrize("country", ["US", "JP", "NO", "CH", "XK", "IN", "BR"])
    def test_countries_outside_the_eea(self, country: str) -> None:
        """Countries outside the EEA are known too (Babel's territory list)."""
        assert Address(town="X", country=country).country == country

    def test_blank_street_is_rejected(self) -> None:
        """An optional text, when given, must not be blank."""
        with pytest.raises(InvalidValueError, match=r"^street: must not be empty$"):
            Address(street=" ")


class TestContactPoint:
    def test_needs_a_channel(self) -> None:
        """A name alone is not a way to reach anyone."""
        with pytest.raises(
            InvalidValueError, match=r"at least one of email, phone, address or url"
        ):
            ContactPoint(name="Asiakaspalvelu")

    @pytest.mark.parametrize(
        "channel",
        [
            {"email": "tietosuoja@example.fi"},
            {"phone": "+358 29 566 6700"},
            {"address": Address(street="PL 800", postal_code="00531", town="Helsinki")},
            {"url": "https://tietosuoja.fi"},
        ],
    )
    def test_any_one_channel_is_enough(self, channel: dict[str, object]) -> None:
        """Any single channel makes a contact point."""
        point = ContactPoint(**channel)  # type: ignore[arg-type] # each case passes one channel
        assert [getattr(point, name) for name in channel] == list(channel.values())

    @pytest.mark.parametrize(
        "email", ["tietosuoja(a)yritys.fi", "tietosuoja at yritys.fi", "yritys.fi"]
    )
    def test_email_needs_an_at_sign(self, email: str) -> None:
        """An e-mail address written without '@' is rejected, without quoting it."""
        with pytest.raises(
            InvalidValueError, match=r"email: expected one address with '@'"
        ) as info:
            ContactPoint(email=email)
        assert email not in str(info.value)

    def test_blank_email_is_rejected(self) -> None:
        """A blank e-mail address is rejected before the '@' rule."""
        with pytest.raises(InvalidValueError, match=r"^email: must not be empty$"):
            ContactPoint(email=" ", phone="+358 29 566 6700")


class TestController:
    def test_canonicalises_the_ytunnus(self) -> None:
        """A legacy six-digit Y-tunnus is stored padded to seven digits."""
        assert Controller(name="CGI Suomi Oy", business_id="357502-9").business_id == "0357502-9"

    def test_compacts_whitespace(self) -> None:
        """Outer whitespace around a Y-tunnus is removed."""
        assert Controller(name="Nokia Oyj", business_id=" 0112038-9 ").business_id == "0112038-9"

    def test_name_is_optional_but_not_blank(self) -> None:
        """A draft controller may have no name, but a given name may not be blank."""
        assert Controller().name is None
        with pytest.raises(InvalidValueError):
            Controller(name="  ")

    def test_no_ytunnus_by_default(self) -> None:
        """A controller need not have a Y-tunnus (an association, a person)."""
        assert controller().business_id is None

    @pytest.mark.parametrize("value", ["0357502-8", "357502-0", "1234567", "FI03575029", "abc"])
    def test_invalid_ytunnus_is_rejected_without_its_digits(self, value: str) -> None:
        """An invalid Y-tunnus raises InvalidIdentifierError naming the field, not the number."""
        with pytest.raises(InvalidIdentifierError) as info:
            Controller(name="Oy", business_id=value)
        message = str(info.value)
        assert info.value.kind == "ytunnus"
        assert info.value.field == "business_id"
        assert "business_id" in message
        assert re.search(r"[0-9]{2,}", message) is None

    @given(ytunnukset())
    def test_valid_ytunnus_is_kept(self, value: str) -> None:
        """Every valid Y-tunnus in canonical form is stored as it is."""
        assert Controller(name="Oy", business_id=value).business_id == value

    @given(corrupted_ytunnukset())
    def test_corrupted_ytunnus_is_rejected(self, value: str) -> None:
        """Every corrupted Y-tunnus is rejected, and the message does not quote it."""
        with pytest.raises(InvalidIdentifierError) as info:
            Controller(name="Oy", business_id=value)
        assert value not in str(info.value)
        assert value[:7] not in str(info.value)

    def test_non_string_ytunnus_is_a_rekisteri_error(self) -> None:
        """A Y-tunnus that is not a string is a ModelTypeError naming the field."""
        with pytest.raises(ModelTypeError, match=r"^business_id: expected a Y-tunnus \(str\)"):
            Controller(name="Oy", business_id=3575029)

    @pytest.mark.parametrize(
        "build",
        [
            lambda bid: Processor(name="Hosting Oy", business_id=bid),
            lambda bid: Recipient(description=text(), name="Verohallinto", business_id=bid),
            lambda bid: Source(key="crm", name=text(), business_id=bid),
        ],
        ids=["processor", "recipient", "source"],
    )
    def test_other_parties_canonicalise_too(
        self, build: Callable[[str], Processor | Recipient | Source]
    ) -> None:
        """Processors, recipients and sources canonicalise a Y-tunnus the same way."""
        assert build("357502-9").business_id == "0357502-9"

    def test_blank_name_is_rejected(self) -> None:
        """A controller has a name."""
        with pytest.raises(InvalidValueError, match=r"^name: must not be empty$"):
            Controller(name="")


class TestKeys:
    @pytest.mark.parametrize("key", ["a", "contact-details", "billing_2024", "0", "x-"])
    def test_valid_keys(self, key: str) -> None:
        """Lower-case ASCII letters, digits, '-' and '_' make a key."""
        assert category(key).key == key

    @pytest.mark.parametrize(
        "key", ["", "Contact", "-x", "_x", "a b", "yhteystiedot-ä", "a.b", HETU, "x\n"]
    )
    def test_invalid_keys_are_rejected_unquoted(self, key: str) -> None:
        """Anything else is rejected, and the message shows the rule, not the key."""
        with pytest.raises(InvalidValueError, match=r"^key: a key is lower-case") as info:
            category(key)
        assert HETU not in str(info.value)

    def test_references_are_keys_too(self) -> None:
        """A purpose's references to data categories must be keys."""
        with pytest.raises(InvalidValueError, match=r"^data_categories\[0\]: a key is"):
            purpose("billing", None, "Contact Details")


class TestPurpose:
    def test_legal_basis_may_be_missing(self) -> None:
        """An old notice that names no legal basis can still be modelled."""
        assert purpose("billing").legal_basis is None

    def test_legitimate_interests_need_the_interest(self) -> None:
        """Legitimate interests without saying which interest are rejected."""
        with pytest.raises(InvalidValueError, match=r"need a legitimate_interest text"):
            purpose("marketing", LegalBasis.LEGITIMATE_INTERESTS)

    def test_legitimate_interests_with_the_interest(self) -> None:
        """Legitimate interests with the interest stated are accepted."""
        interest = text("Asiakassuhteen hoitaminen")
        built = Purpose(
            key="marketing",
            name=text(),
            legal_basis=LegalBasis.LEGITIMATE_INTERESTS,
            legitimate_interest=interest,
        )
        assert built.legitimate_interest == interest

    @pytest.mark.parametrize(
        "basis", [None, *(b for b in LegalBasis if b is not LegalBasis.LEGITIMATE_INTERESTS)]
    )
    def test_interest_only_with_legitimate_interests(self, basis: LegalBasis | None) -> None:
        """A legitimate_interest text with any other basis is rejected."""
        with pytest.raises(InvalidValueError, match=r"only for legitimate_interests"):
            Purpose(key="x", name=text(), legal_basis=basis, legitimate_interest=text())

    def test_blank_special_category_condition_is_rejected(self) -> None:
        """The Art 9(2) condition, when given, is not blank."""
        with pytest.raises(InvalidValueError, match=r"^special_category_condition: must not"):
            Purpose(key="x", name=text(), special_category_condition="")


class TestTransfer:
    def test_outside_the_eea_needs_a_mechanism(self) -> None:
        """A transfer to the United States without a mechanism is rejected."""
        with pytest.raises(InvalidValueError, match=r"outside the EEA"):
            Transfer(destination="US")

    @pytest.mark.parametrize("mechanism", list(TransferMechanism))
    def test_outside_the_eea_with_a_mechanism(self, mechanism: TransferMechanism) -> None:
        """Any mechanism makes a transfer outside the EEA acceptable."""
        transfer = Transfer(destination="US", mechanism=mechanism)
        assert transfer.outside_eea

    @pytest.mark.parametrize("country", sorted(EEA))
    def test_eea_members_need_no_mechanism(self, country: str) -> None:
        """Every EEA member, including Iceland, Liechtenstein and Norway, needs no mechanism."""
        assert not Transfer(destination=country).outside_eea

    def test_eea_is_the_eu_and_three(self) -> None:
        """The EEA is the 27 EU members with Iceland, Liechtenstein and Norway.

        Parts of member states with codes of their own are in it too: the Åland
        Islands and the outermost regions of Art 355(1) TFEU.
        """
        assert len(EEA) == 37
        assert {"IS", "LI", "NO", "FI", "SE", "IE", "HR"} <= EEA
        assert {"AX", "GF", "GP", "MQ", "RE", "YT", "MF"} <= EEA
        assert not {"GB", "CH", "US", "GL", "FO"} & EEA

    @pytest.mark.parametrize("country", ["GB", "CH"])
    def test_former_and_non_members_are_outside(self, country: str) -> None:
        """The United Kingdom and Switzerland are outside the EEA (an adequacy decision helps)."""
        with pytest.raises(InvalidValueError):
            Transfer(destination=country)

    def test_unknown_destination_needs_no_mechanism(self) -> None:
        """A notice that mentions transfers without a country is modelled as it is."""
        assert not Transfer().outside_eea

    def test_destination_is_an_alpha_2_code(self) -> None:
        """The destination is an upper-case ISO code."""
        with pytest.raises(InvalidValueError, match=r"^destination: expected the ISO 3166-1"):
            Transfer(destination="us", mechanism=TransferMechanism.DEROGATION)


class TestDuration:
    def test_zero_is_rejected(self) -> None:
        """A duration of nothing at all is rejected."""
        with pytest.raises(InvalidValueError, match=r"must not be zero"):
            Duration()

    @pytest.mark.parametrize("field", ["years", "months", "days"])
    def test_negative_is_rejected(self, field: str) -> None:
        """No part of a duration may be negative."""
        with pytest.raises(InvalidValueError, match=rf"^{field}: expected a whole number"):
            Duration(**{field: -1, "years" if field != "years" else "days": 1})

    @pytest.mark.parametrize("field", ["years", "months", "days"])
    def test_one_part_is_enough(self, field: str) -> None:
        """Any one non-zero part makes a duration."""
        assert getattr(Duration(**{field: 2}), field) == 2

    def test_fractions_are_rejected(self) -> None:
        """Durations are whole numbers of calendar units."""
        with pytest.raises(ModelTypeError, match=r"^years: expected a whole number"):
            Duration(years=1.5)  # type: ignore[arg-type] # a wrong type on purpose


class TestRetentionRule:
    def test_period_needs_a_trigger(self) -> None:
        """Six years from nothing cannot be computed."""
        with pytest.raises(InvalidValueError, match=r"needs a trigger"):
            RetentionRule(period=Duration(years=6))

    def test_empty_rule_is_rejected(self) -> None:
        """A rule that says nothing is rejected."""
        with pytest.raises(InvalidValueError, match=r"needs a period and trigger"):
            RetentionRule()

    def test_computable_rule(self) -> None:
        """A period with a trigger is computable."""
        rule = RetentionRule(
            period=Duration(years=6),
            trigger=RetentionTrigger.END_OF_CALENDAR_YEAR_OF_FINANCIAL_YEAR_END,
            statute="kirjanpitolaki 1336/1997 2:10",
        )
        assert rule.computable

    @pytest.mark.parametrize(
        "rule",
        [
            RetentionRule(statute="kirjanpitolaki 1336/1997 2:10"),
            RetentionRule(description=LocalizedText(fi="Asiakassuhteen ajan")),
        ],
        ids=["statute", "description"],
    )
    def test_statute_or_description_alone(self, rule: RetentionRule) -> None:
        """A statute or a description alone is a rule, but not a computable one."""
        assert not rule.computable

    def test_references_are_keys(self) -> None:
        """A rule refers to data categories by key."""
        with pytest.raises(InvalidValueError, match=r"^data_categories\[0\]: a key is"):
            RetentionRule(data_categories=("Yhteystiedot",), statute="laki")


class TestRegister:
    def test_default_rights(self) -> None:
        """By default the rights that suit a contract or legitimate interests apply."""
        assert Register(controller=controller()).rights == (
            Right.ACCESS,
            Right.RECTIFICATION,
            Right.ERASURE,
            Right.RESTRICTION,
            Right.OBJECT,
            Right.COMPLAINT,
        )

    def test_default_complaint_authority(self) -> None:
        """Complaints go to the Data Protection Ombudsman by default."""
        authority = Register(controller=controller()).complaint_authority
        assert authority is DATA_PROTECTION_OMBUDSMAN
        assert authority.name == LocalizedText(
            fi="Tietosuojavaltuutetun toimisto",
            sv="Dataombudsmannens byrå",
            en="Office of the Data Protection Ombudsman",
        )
        assert authority.contact.address == Address(
            street="PL 800", postal_code="00531", town="Helsinki"
        )

    def test_schema_version(self) -> None:
        """A register is of the current document version, 2."""
        assert Register(controller=controller()).schema_version == SCHEMA_VERSION == 2

    @pytest.mark.parametrize(
        ("fields", "problem"),
        [
            (
                {"data_categories": (category("contact"), category("contact"))},
                "data_categories[1].key: the same as data_categories[0].key",
            ),
            (
                {"data_subjects": (DataSubjectCategory(key="c", name=text()),) * 2},
                "data_subjects[1].key: the same as data_subjects[0].key",
            ),
            (
                {"purposes": (purpose("billing"), purpose("billing"))},
                "purposes[1].key: the same as purposes[0].key",
            ),
            ({"sources": (YTJ, YTJ)}, "sources[1].key: the same as sources[0].key"),
            (
                {"rights": (Right.ACCESS, Right.ACCESS)},
                "rights[1]: the same as rights[0]",
            ),
            (
                {"purposes": (purpose("billing", None, "payments"),)},
                "purposes[0].data_categories[0]: no data category with this key",
            ),
            (
                {"retention": (RetentionRule(data_categories=("logs",), statute="laki"),)},
                "retention[0].data_categories[0]: no data category with this key",
            ),
            (
                {"purposes": (purpose("newsletter", LegalBasis.CONSENT),)},
                "rights: a purpose is based on consent, so withdraw_consent applies",
            ),
        ],
        ids=[
            "category",
            "subject",
            "purpose",
            "source",
            "right",
            "purpose-ref",
            "retention-ref",
            "consent",
        ],
    )
    def test_each_rule(self, fields: dict[str, object], problem: str) -> None:
        """Each construction rule of a register is checked and reported."""
        with pytest.raises(InvalidRegisterError) as info:
            Register(controller=controller(), **fields)  # type: ignore[arg-type] # fields vary per case
        assert info.value.problems == (problem,)

    def test_none_stated_must_be_empty(self) -> None:
        """A part listed in none_stated must be empty, and may be listed once."""
        with pytest.raises(InvalidRegisterError) as info:
            Register(
                controller=controller(),
                transfers=(
                    Transfer(destination="NO"),
                    Transfer(destination="US", mechanism=TransferMechanism.ADEQUACY_DECISION),
                ),
                none_stated=(NoneStated.TRANSFERS, NoneStated.RECIPIENTS, NoneStated.RECIPIENTS),
            )
        assert info.value.problems == (
            "none_stated[2]: the same as none_stated[1]",
            (
                "none_stated: 'transfers' is listed, but transfers is not empty"
                " (a destination outside the EEA or unknown)"
            ),
        )

    def test_no_third_country_transfer_beside_one_within_the_eea(self) -> None:
        """A destination in the EEA does not contradict "not transferred outside the EEA"."""
        register = Register(
            controller=controller(),
            transfers=(Transfer(destination="NO"),),
            none_stated=(NoneStated.TRANSFERS,),
        )
        assert register.none_stated == (NoneStated.TRANSFERS,)
        with pytest.raises(InvalidRegisterError):
            Register(
                controller=controller(),
                transfers=(Transfer(destination=None),),
                none_stated=(NoneStated.TRANSFERS,),
            )

    def test_none_stated_for_empty_parts(self) -> None:
        """Every part may be stated to be empty when it is."""
        register = Register(controller=controller(), none_stated=tuple(NoneStated))
        assert set(register.none_stated) == set(NoneStated)
        assert register.rights_exercise is None

    def test_every_problem_is_listed(self) -> None:
        """A register that breaks several rules reports all of them at once."""
        with pytest.raises(InvalidRegisterError) as info:
            Register(
                controller=controller(),
                data_categories=(category("contact"), category("contact")),
                purposes=(
                    purpose("newsletter", LegalBasis.CONSENT, "contact"),
                    purpose("billing", LegalBasis.CONTRACT, "payments", "invoices"),
                ),
                retention=(RetentionRule(data_categories=("logs",), statute="laki"),),
            )
        problems = info.value.problems
        assert problems == (
            "data_categories[1].key: the same as data_categories[0].key",
            "purposes[1].data_categories[0]: no data category with this key",
            "purposes[1].data_categories[1]: no data category with this key",
            "retention[0].data_categories[0]: no data category with this key",
            "rights: a purpose is based on consent, so withdraw_consent applies",
        )
        assert str(info.value).startswith("invalid register (5 problems):")
        assert all(problem in str(info.value) for problem in problems)

    def test_consent_with_withdrawal_is_valid(self) -> None:
        """Consent is fine once the right to withdraw it is listed."""
        register = Register(
            controller=controller(),
            purposes=(purpose("newsletter", LegalBasis.CONSENT),),
            rights=(Right.ACCESS, Right.WITHDRAW_CONSENT, Right.COMPLAINT),
        )
        assert register.uses(LegalBasis.CONSENT)
        assert not register.uses(LegalBasis.CONTRACT)

    def test_category_lookup(self) -> None:
        """category() finds a data category by key and raises KeyError otherwise."""
        contact = category("contact")
        register = Register(controller=controller(), data_categories=(contact,))
        assert register.category("contact") is contact
        with pytest.raises(KeyError):
            register.category("payments")

    def test_third_party_sources(self) -> None:
        """Third-party sources are every source except the data subject."""
        register = Register(controller=controller(), sources=(DATA_SUBJECT, YTJ, ASIAKASTIETO))
        assert register.third_party_sources == (YTJ, ASIAKASTIETO)

    @settings(max_examples=50)  # a cheap check; the round trips draw more
    @given(registers())
    def test_generated_registers_have_no_problems(self, register: Register) -> None:
        """Every generated register keeps every construction rule."""
        assert register.problems() == []
        assert Right.WITHDRAW_CONSENT in register.rights or not register.uses(LegalBasis.CONSENT)


class TestLegalBasis:
    def test_wire_values(self) -> None:
        """The wire values are stable, in the order of Art 6(1)."""
        assert [basis.value for basis in LegalBasis] == [
            "consent",
            "contract",
            "legal_obligation",
            "vital_interests",
            "public_task",
            "legitimate_interests",
        ]

    @pytest.mark.parametrize(
        ("basis", "article", "iri"),
        [
            (LegalBasis.CONSENT, "6(1)(a)", "A6-1-a"),
            (LegalBasis.CONTRACT, "6(1)(b)", "A6-1-b"),
            (LegalBasis.LEGAL_OBLIGATION, "6(1)(c)", "A6-1-c"),
            (LegalBasis.VITAL_INTERESTS, "6(1)(d)", "A6-1-d"),
            (LegalBasis.PUBLIC_TASK, "6(1)(e)", "A6-1-e"),
            (LegalBasis.LEGITIMATE_INTERESTS, "6(1)(f)", "A6-1-f"),
        ],
    )
    def test_article_and_dpv(self, basis: LegalBasis, article: str, iri: str) -> None:
        """Each basis names its point of Art 6(1) and its W3C DPV IRI (DOMAIN.md 6)."""
        assert (basis.article, basis.dpv) == (article, DPV + iri)

    def test_labels(self) -> None:
        """Every basis has a label in all three languages; consent is 'suostumus'."""
        assert all(len(basis.label.languages) == 3 for basis in LegalBasis)
        assert LegalBasis.CONSENT.label == LocalizedText(
            fi="suostumus", sv="samtycke", en="consent"
        )


class TestRight:
    @pytest.mark.parametrize(
        ("right", "article", "iri"),
        [
            (Right.ACCESS, "15", "A15"),
            (Right.RECTIFICATION, "16", "A16"),
            (Right.ERASURE, "17", "A17"),
            (Right.RESTRICTION, "18", "A18"),
            (Right.NOTIFICATION, "19", "A19"),
            (Right.PORTABILITY, "20", "A20"),
            (Right.OBJECT, "21", "A21"),
            (Right.AUTOMATED_DECISIONS, "22", "A22"),
            (Right.WITHDRAW_CONSENT, "7(3)", "A7-3"),
            (Right.COMPLAINT, "77", "A77"),
        ],
    )
    def test_article_and_dpv(self, right: Right, article: str, iri: str) -> None:
        """Each right names its GDPR article and its W3C DPV IRI (DOMAIN.md 4.6)."""
        assert (right.article, right.dpv) == (article, DPV + iri)

    def test_labels_follow_the_domain_terms(self) -> None:
        """The labels use the legal terms of DOMAIN.md 4.6, in all three languages."""
        assert all(len(right.label.languages) == 3 for right in Right)
        assert Right.ACCESS.label.fi == "oikeus saada pääsy tietoihin"
        assert Right.ACCESS.label.sv == "rätt till tillgång"
        assert Right.PORTABILITY.label.fi == "oikeus siirtää tiedot järjestelmästä toiseen"
        assert Right.COMPLAINT.label.fi == "oikeus tehdä valitus valvontaviranomaiselle"


#: One instance of every model class.
INSTANCES: tuple[object, ...] = (
    text(),
    Address(postal_code="00530"),
    ContactPoint(email="tietosuoja@example.fi"),
    Representative(name="Rep", contact=ContactPoint(email="rep@example.de")),
    controller(),
    Processor(name="Hosting Oy"),
    Recipient(description=text()),
    category("contact"),
    DataSubjectCategory(key="customers", name=text()),
    purpose("billing", LegalBasis.CONTRACT),
    YTJ,
    Transfer(destination="US", mechanism=TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES),
    SecurityMeasure(description=text(), kind=SecurityKind.TECHNICAL),
    AutomatedDecision(description=text(), logic=text(), significance=text()),
    Duration(years=6),
    RetentionRule(statute="laki"),
    Cookie(name="session", purpose=text()),
    DATA_PROTECTION_OMBUDSMAN,
    Authority(name=text(), contact=ContactPoint(url="https://example.fi")),
    Register(controller=controller(), updated=date(2025, 5, 20)),
)


class TestValueObjects:
    @pytest.mark.parametrize("obj", INSTANCES, ids=lambda obj: type(obj).__name__)
    def test_frozen(self, obj: object) -> None:
        """No model object can be changed after it is built."""
        cls = type(obj)
        assert attrs.has(cls)
        name = attrs.fields(cls)[0].name
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(obj, name, getattr(obj, name))

    @pytest.mark.parametrize("obj", INSTANCES, ids=lambda obj: type(obj).__name__)
    def test_hashable_and_equal_by_value(self, obj: object) -> None:
        """A model object is hashable and equal to a copy of itself."""
        twin = copy.deepcopy(obj)
        assert twin == obj
        assert hash(twin) == hash(obj)

    @pytest.mark.parametrize("obj", INSTANCES, ids=lambda obj: type(obj).__name__)
    def test_slotted(self, obj: object) -> None:
        """Model objects have slots, not a __dict__."""
        assert not hasattr(obj, "__dict__")

    @pytest.mark.parametrize("obj", INSTANCES, ids=lambda obj: type(obj).__name__)
    def test_keyword_only(self, obj: object) -> None:
        """Fields are given by name only."""
        cls: Callable[..., object] = type(obj)
        with pytest.raises(TypeError):
            cls("x")

    @settings(max_examples=50)  # a cheap check; the round trips draw more
    @given(registers())
    def test_generated_registers_hash_by_value(self, register: Register) -> None:
        """Equal registers hash alike, so they can key dicts and sets."""
        assert {register: 1}[attrs.evolve(register)] == 1


class TestErrors:
    @pytest.mark.parametrize(
        "build",
        [
            lambda: LocalizedText(fi=""),
            lambda: Controller(name="Oy", business_id="0357502-8"),
            lambda: Register(controller=controller(), sources=(YTJ, YTJ)),
            Duration,
        ],
        ids=["value", "identifier", "register", "duration"],
    )
    def test_model_errors_are_rekisteri_value_errors(self, build: Callable[[], object]) -> None:
        """Every error a model rule raises is a RekisteriError and a ValueError."""
        with pytest.raises(RekisteriError) as info:
            build()
        assert isinstance(info.value, ValueError)

    def test_register_error_pickles(self) -> None:
        """An InvalidRegisterError survives pickling with its problems and message."""
        with pytest.raises(InvalidRegisterError) as info:
            Register(controller=controller(), sources=(YTJ, YTJ), rights=())
        again = pickle.loads(pickle.dumps(info.value))  # noqa: S301 - our own data
        assert type(again) is InvalidRegisterError
        assert again.problems == info.value.problems
        assert str(again) == str(info.value)

    def test_value_error_pickles(self) -> None:
        """An InvalidValueError survives pickling with its message."""
        with pytest.raises(InvalidValueError) as info:
            Duration()
        again = pickle.loads(pickle.dumps(info.value))  # noqa: S301 - our own data
        assert type(again) is InvalidValueError
        assert str(again) == str(info.value)

    def test_identifier_error_from_the_model_pickles(self) -> None:
        """An identifier error keeps its field through pickling."""
        with pytest.raises(InvalidIdentifierError) as info:
            Controller(name="Oy", business_id="0357502-8")
        again = pickle.loads(pickle.dumps(info.value))  # noqa: S301 - our own data
        assert (type(again), again.field, str(again)) == (
            type(info.value),
            "business_id",
            str(info.value),
        )


class TestModelStrategies:
    @given(purposes(category_keys=("contact", "payments")))
    def test_purposes_refer_to_the_given_keys(self, drawn: Purpose) -> None:
        """purposes(category_keys=...) refers to those keys only, each at most once."""
        assert set(drawn.data_categories) <= {"contact", "payments"}
        assert len(set(drawn.data_categories)) == len(drawn.data_categories)
        assert (drawn.legitimate_interest is not None) == (
            drawn.legal_basis is LegalBasis.LEGITIMATE_INTERESTS
        )

    @given(retention_rules(category_keys=("logs",)))
    def test_retention_rules_refer_to_the_given_keys(self, drawn: RetentionRule) -> None:
        """retention_rules(category_keys=...) refers to those keys only; a period has a trigger."""
        assert set(drawn.data_categories) <= {"logs"}
        assert drawn.period is None or drawn.computable

    @given(transfers())
    def test_transfers_outside_the_eea_have_a_mechanism(self, drawn: Transfer) -> None:
        """Every drawn transfer outside the EEA has a mechanism."""
        assert not drawn.outside_eea or drawn.mechanism is not None


def test_many_repeated_items_are_counted_not_described_one_by_one() -> None:
    """A list of many repeats gives the first few problems and one line that counts the rest."""
    from rekisteri.errors import InvalidRegisterError
    from rekisteri.model._base import UNIQUE_SHOWN, unique
    from rekisteri.serialize import problem_count

    problems = unique([Right.ACCESS] * 10_000, "rights")
    assert len(problems) == UNIQUE_SHOWN + 1
    assert problems[0] == "rights[1]: the same as rights[0]"
    assert problems[-1].startswith(f"rights: … and {10_000 - 1 - UNIQUE_SHOWN} more invalid")
    assert problem_count(problems) == (10_000 - 1, True)
    assert unique(["a", "b", "c"], "rights") == []
    with pytest.raises(InvalidRegisterError) as info:
        Register(controller=Controller(name="Esimerkki Oy"), rights=(Right.ACCESS,) * 1000)
    assert len(str(info.value).splitlines()) <= UNIQUE_SHOWN + 2
