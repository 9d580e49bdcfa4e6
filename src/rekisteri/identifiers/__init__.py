"""Finnish identifiers: validate, compact, format and parse.

Each identifier is a module with the same functions (``compact``,
``validate``, ``is_valid``, ``format``, ``validate_many``); flags are
keyword-only.

* :mod:`rekisteri.identifiers.hetu`: henkilötunnus, the personal identity code.
* :mod:`rekisteri.identifiers.ytunnus`: Y-tunnus, the Business ID, and the
  VAT number built from it.

Checked by python-stdnum, imported on first use (``compact``, ``validate``,
``is_valid``):

* :mod:`rekisteri.identifiers.association`: yhdistysrekisterinumero, the
  register number of an association.
* :mod:`rekisteri.identifiers.veronumero`: veronumero, the individual tax number.
* :mod:`rekisteri.identifiers.iban`: IBAN, a bank account number.

Examples:
    >>> from rekisteri.identifiers import hetu, ytunnus
    >>> hetu.is_valid("131052-308T"), ytunnus.is_valid("2077474-0")
    (True, True)
"""

from rekisteri.identifiers import association, hetu, iban, veronumero, ytunnus
from rekisteri.identifiers._common import mask

__all__ = ["association", "hetu", "iban", "mask", "veronumero", "ytunnus"]
