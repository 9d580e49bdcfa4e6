"""Finnish place names and postal forms in Finnish, Swedish and English.

A notice in Swedish writes a Finnish address the way Finland-Swedish does:
the Swedish name of a bilingual municipality (``00531 Helsingfors``) and the
Swedish abbreviation of a post-office box (``PB 800``). An English notice
keeps the Finnish town names (English uses them) and writes ``P.O. Box 800``.

:data:`SWEDISH_NAMES` maps the Finnish name of each bilingual municipality
(and a few postal localities inside them) to its Swedish name. The list follows
the linguistic division of municipalities that the Government fixes for ten
years at a time (valtioneuvoston asetus kuntien kielellisestä asemasta,
2023–2032) as Statistics Finland publishes it (classification *Kuntien
kielisuhde* / *Språklig indelning*), plus the municipalities that are bilingual
by their own choice (Lohja, Korsnäs, Luoto, Närpiö). The pairs of names were
checked against the Institute for the Languages of Finland's (Kotus) list of
the Swedish names of bilingual municipalities; each entry says whether it was
(:attr:`Place.verified`). The municipalities' status for 2023–2032 was not
checked against the decree itself, and neither were Maarianhamina and the
three postal localities of Raasepori.

Examples:
    >>> town_name("Helsinki", "sv"), town_name("HELSINKI", "sv"), town_name("Helsinki", "en")
    ('Helsingfors', 'HELSINGFORS', 'Helsinki')
    >>> town_name("Tampere", "sv")  # not bilingual: the Finnish name is the postal name
    'Tampere'
    >>> street_line("PL 800", "sv"), street_line("PL 800", "en"), street_line("PB 800", "fi")
    ('PB 800', 'P.O. Box 800', 'PL 800')
    >>> street_line("Lintulahdenkuja 4", "sv")
    'Lintulahdenkuja 4'
"""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["SWEDISH_NAMES", "Place", "street_line", "town_name"]


class Place(NamedTuple):
    """A place with a Finnish and a Swedish name."""

    fi: str
    sv: str
    verified: bool
    """Whether the pair was checked against a published list when the table was written."""
    locality: bool = False
    """A postal locality inside a municipality (``Tammisaari`` in Raasepori), not a municipality."""


# verified=True: the pair was seen in a published list while writing this
# table: the Institute for the Languages of Finland's (Kotus) list of the
# Swedish names of bilingual municipalities (made for the 2003–2012 decision),
# a background paper on Swedish-speaking and bilingual municipalities (2017,
# on the voluntarily bilingual Lohja, Korsnäs, Luoto and Närpiö), a table of
# Uusimaa's bilingual municipalities, municipal pages. False: a name in common
# official use that was not checked against such a list.
_PLACES: Final = (
    Place("Espoo", "Esbo", verified=True),
    Place("Hanko", "Hangö", verified=True),
    Place("Helsinki", "Helsingfors", verified=True),
    Place("Inkoo", "Ingå", verified=True),
    Place("Kaskinen", "Kaskö", verified=True),
    Place("Kauniainen", "Grankulla", verified=True),
    Place("Kemiönsaari", "Kimitoön", verified=True),
    Place("Kirkkonummi", "Kyrkslätt", verified=True),
    Place("Kokkola", "Karleby", verified=True),
    Place("Korsnäs", "Korsnäs", verified=True),
    Place("Kristiinankaupunki", "Kristinestad", verified=True),
    Place("Kruunupyy", "Kronoby", verified=True),
    Place("Lapinjärvi", "Lappträsk", verified=True),
    Place("Lohja", "Lojo", verified=True),
    Place("Loviisa", "Lovisa", verified=True),
    Place("Luoto", "Larsmo", verified=True),
    Place("Maalahti", "Malax", verified=True),
    Place("Mustasaari", "Korsholm", verified=True),
    Place("Närpiö", "Närpes", verified=True),
    Place("Parainen", "Pargas", verified=True),
    Place("Pedersöre", "Pedersöre", verified=True),
    Place("Pietarsaari", "Jakobstad", verified=True),
    Place("Porvoo", "Borgå", verified=True),
    Place("Pyhtää", "Pyttis", verified=True),
    Place("Raasepori", "Raseborg", verified=True),
    Place("Sipoo", "Sibbo", verified=True),
    Place("Siuntio", "Sjundeå", verified=True),
    Place("Turku", "Åbo", verified=True),
    Place("Uusikaarlepyy", "Nykarleby", verified=True),
    Place("Vaasa", "Vasa", verified=True),
    Place("Vantaa", "Vanda", verified=True),
    Place("Vöyri", "Vörå", verified=True),
    # Åland is Swedish-speaking; Finnish texts use the Finnish exonym.
    Place("Maarianhamina", "Mariehamn", verified=False),
    # Postal localities of Raasepori that keep their own postal names.
    Place("Tammisaari", "Ekenäs", verified=False, locality=True),
    Place("Karjaa", "Karis", verified=False, locality=True),
    Place("Pohja", "Pojo", verified=False, locality=True),
)

#: The Swedish name of each place, by its Finnish name.
SWEDISH_NAMES: Final[Mapping[str, Place]] = MappingProxyType({p.fi: p for p in _PLACES})
_BY_FOLDED: Final = {p.fi.casefold(): p for p in _PLACES}
_FINNISH_BY_SWEDISH: Final = {p.sv.casefold(): p for p in _PLACES if p.sv != p.fi}

_PO_BOX: Final = re.compile(
    r"\s*(?:P\.?\s?L\.?|P\.?\s?B\.?|postilokero|postbox|box|P\.?\s?O\.?\s+box)\s*\.?\s*"
    r"([0-9]+(?:\s*[A-Z])?)\s*",
    re.IGNORECASE,
)
_BOX_FORMS: Final = {"fi": "PL {number}", "sv": "PB {number}", "en": "P.O. Box {number}"}


_BOX_NUMBER: Final = re.compile(r"\s*([0-9]+(?:\s*[A-Z])?)\s*", re.IGNORECASE)
#: A box, then what follows it: after a comma, or a postal code after a space.
_BOX_THEN_CODE: Final = re.compile(r"([^,]*?)(,.*|\s+[0-9]{5}\b.*)", re.DOTALL)
#: What follows a box: its postal code and the town (the town is group 1).
_CODE_THEN_TOWN: Final = re.compile(r",?\s*[0-9]{5}\s+(\S.*?)\s*", re.DOTALL)


def po_box_line(box: str, lang: object) -> str:
    """A post-office box written the way *lang* writes it: ``800`` or ``PL 800`` → ``PB 800``.

    A box given with its own postal code (``PL 800, 00521 Helsinki``, also
    without the comma) keeps what follows the box, with the town named the way
    *lang* names it (:func:`town_name`).

    Examples:
        >>> po_box_line("800", "en")
        'P.O. Box 800'
        >>> po_box_line("PL 800", "sv")
        'PB 800'
        >>> po_box_line("PL 800, 00521 Helsinki", "sv")
        'PB 800, 00521 Helsingfors'
    """
    match = _BOX_NUMBER.fullmatch(box)
    if match is not None:
        return _BOX_FORMS[_lang(lang)].format(number=" ".join(match.group(1).split()))
    # a box with its own postal code and town, after a comma or a space ("PL 12 00101 X")
    split = _BOX_THEN_CODE.match(box)
    if split is None:
        return street_line(box, lang)
    tail = split.group(2)
    town = _CODE_THEN_TOWN.fullmatch(tail)
    if town is not None:
        tail = tail[: town.start(1)] + town_name(town.group(1), lang)
    return street_line(split.group(1), lang) + tail


def _lang(lang: object) -> str:
    value = str(getattr(lang, "value", lang))
    if value not in _BOX_FORMS:
        from rekisteri._validate import parse_lang

        return parse_lang(value).value  # the package's typed error for an unknown locale
    return value


def _same_case(source: str, name: str) -> str:
    """*name* in capitals when *source* is written in capitals (``HELSINKI``)."""
    return name.upper() if source.isupper() else name


def town_name(town: str, lang: object) -> str:
    """The name of *town* for a text in *lang* (``"fi"``, ``"sv"``, ``"en"`` or a ``Lang``).

    In Swedish, a bilingual municipality (or postal locality) gets its Swedish
    name; in Finnish, a Swedish name of one gets its Finnish name. English and
    every other town keep the name as written. Capitals stay capitals.
    """
    code = _lang(lang)
    key = " ".join(town.split()).casefold()
    if code == "sv" and (place := _BY_FOLDED.get(key)) is not None:
        return _same_case(town.strip(), place.sv)
    if code == "fi" and (place := _FINNISH_BY_SWEDISH.get(key)) is not None:
        return _same_case(town.strip(), place.fi)
    return town


def street_line(street: str, lang: object) -> str:
    """*street* with a post-office box written the way *lang* writes it.

    ``PL 800`` (Finnish *postilokero*) is ``PB 800`` in Swedish (*postbox*)
    and ``P.O. Box 800`` in English; a street address is returned as it is.
    """
    code = _lang(lang)
    match = _PO_BOX.fullmatch(street)
    if match is None:
        return street
    return _BOX_FORMS[code].format(number=" ".join(match.group(1).split()))
