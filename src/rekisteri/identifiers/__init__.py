"""Finnish identifiers: validate, compact, format and parse.

Each identifier is a module with the same functions (``compact``,
``validate``, ``is_valid``, ``format``, ``validate_many``); flags are
keyword-only.

* :mod:`rekisteri.identifiers.hetu`: henkilötunnus, the personal identity code.
* :mod:`rekisteri.identifiers.ytunnus`: Y-tunnus, the Business ID, and the
  VAT number built from it.

Examples:
    >>> from rekisteri.identifiers import hetu, ytunnus
    >>> hetu.is_valid("131052-308T"), ytunnus.is_valid("2077474-0")
    (True, True)
"""

from rekisteri.identifiers import hetu, ytunnus
from rekisteri.identifiers._common import mask

__all__ = ["hetu", "mask", "ytunnus"]
