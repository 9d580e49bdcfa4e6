"""The scope of a negation: which clause of a sentence says that something does NOT happen.

A notice says what it does not do as often as what it does ("Rekisteriin ei
tallenneta henkilötunnusta", "Vi köper inte uppgifter", "You do not have the
right to erasure"). Such a clause must never become an entry. The scope of a
negation word ("ei", "emme", "inte", "not", "never", "don't" …) is its clause:
the text between commas, semicolons and the words that join clauses. A clause
after a contrast word ("mutta", "vaan", "men", "utan", "but") says what does
happen; "ei ainoastaan … vaan myös" / "inte bara" / "not only" is no negation
at all; an exception ("paitsi", "ellei", "muuhun kuin", "utom", "unless",
"except", "other than") turns a denial into a statement of what does happen.
Text in brackets is a remark ("puhelinnumero (ei pakollinen)"), not a clause.

The tables are over the case-folded text.
"""

from __future__ import annotations

import re
from typing import Final

#: Stems of the verbs of getting and keeping data (collecting, storing, processing,
#: asking for): a negated one denies that an entry is held at all, where "ei näy",
#: "ei ole pakollinen" only say how it is held. The identity-code flag
#: (``_builder``) and a denying list item (``_extract``) each add stems of their own.
KEEPING_VERBS: Final = (
    "tallen|ker[äa]|käsit|pyyd|kysy|merki|säilyt|hankit|rekisteröi"
    "|lagr|samla|behandl|collect|stor|process|ask|request"
)

#: A word that negates its clause (Finnish negative verb, Swedish and English adverbs,
#: English determiners and contractions); "ei-" opens a compound ("ei-toivottu") and
#: "kyllä/ei" is a field's two values.
_NEGATOR: Final = re.compile(
    r"(?<![/-])\b(?:ei|eikä|emme|emmekä|eivät|eivätkä|ette|ettekä"
    r"|inte|ej|icke|aldrig|inga|ingen|inget"
    r"|not|never|nor|cannot)\b(?![/-])"
    r"|\b(?:no|none)\b(?=\s+[a-zåäö])"
    r"|\b\w+n[’']t\b"
)
#: "not only … but also": the words after such a negation are affirmed.
_NOT_ONLY: Final = re.compile(
    r"\b(?:ei|eikä|emme|eivät)\s+(?:\w+\s+)?(?:ainoastaan|vain|pelkästään|yksinomaan|pelkkiä)\b"
    r"|\binte\s+(?:bara|endast|enbart|enkom)\b|\bnot\s+(?:only|just|merely|solely)\b"
)
#: The words of an exception to a denial, for every reader of denials (this module's
#: and ``_cues.EXCEPTION``): "ei luovuteta, paitsi …", "poikkeuksena viranomaiset",
#: "viranomaisia lukuun ottamatta", "med undantag för …", "bortsett från …", "with the
#: exception of …", "apart from / aside from / save for / excluding …" say that the
#: denied thing does happen for what they name.
EXCEPTION_WORDS: Final = (
    r"\b(?:ellei|elleivät|paitsi|lukuun ottamatta|pois lukien|poikkeuksena|poikkeuksen"
    r"|muuhun kuin|muihin kuin|muille kuin|muualle kuin|muutoin kuin|muuten kuin|muulloin kuin"
    r"|utom|förutom|annat än|andra än|om inte|såvida inte|med undantag|undantaget"
    r"|bortsett från|frånsett|unless|except|excepting|excluding|with the exception"
    r"|other than|apart from|aside from|save for|save where|save when)\b"
)
#: An exception or condition that says the thing does happen after all.
_EXCEPTION: Final = re.compile(
    EXCEPTION_WORDS
    + (
        # "ei muita tietoja kuin X", "ei muualta kuin X", "inga andra uppgifter än X",
        # "no data other … than X": the denial of all but X says X is had
        r"|\b(?:muita|muuta|muista|muilta|muualta|mistään muualta|andra|annat|annan|other|else)"
        r"\s+(?:[\w-]+\s+){0,3}?(?:kuin|än|than)\b"
        r"|\b(?:nothing|no one|nobody|anyone|anybody)\s+but\b"
        # "ei … ilman suostumusta": done with consent
        r"|\b(?:ilman|utan|without)\s+(?:\w+\s+){0,3}(?:lupaa|suostumus\w*|samtycke|tillstånd"
        r"|consent|permission)"
    )
)
#: A word that turns a denial round: what follows it does happen.
_CONTRAST: Final = re.compile(r"\b(?:mutta|vaan|kuitenkin|men|utan|dock|but|however|instead)\b")
#: Where a clause ends: a sentence's end, a comma, semicolon, colon or dash between
#: words, or a word that joins a new clause ("mutta", "eikä", "koska", "nor", "if" …).
_CLAUSE_BREAK: Final = re.compile(
    r"[,;:.!?]\s|\s[–—-]\s"
    r"|\s(?=(?:mutta|vaan|eikä|emmekä|eivätkä|koska|sillä|jos|mikäli|kun|vaikka|jolloin"
    r"|men|utan|eftersom|därför|när|även om|but|nor|because|since|if|when|although)\b)"
)
#: A clause that opens with a subordinating word: not the sentence's main clause.
_SUBORDINATE: Final = re.compile(
    r"(?:jos|mikäli|kun|koska|vaikka|jotta|jolloin|joka|jotka|jonka|joiden|että|ettei"
    r"|om|när|eftersom|även om|som|att|if|when|because|since|although|which|who|that)\b"
)
_BRACKETED: Final = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


def clauses(low: str) -> list[tuple[int, int]]:
    """The spans of *low*'s clauses, in order (the text outside brackets)."""
    bare = _BRACKETED.sub(lambda m: " " * len(m.group()), low)
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in _CLAUSE_BREAK.finditer(bare):
        if cut.start() > start:
            spans.append((start, cut.start()))
        start = cut.end()
    if start < len(bare):
        spans.append((start, len(bare)))
    return [(s, e) for s, e in spans if bare[s:e].strip()]


def negated(clause: str) -> bool:
    """Whether *clause* (case-folded, one clause) says that something does not happen.

    Examples:
        >>> negated("rekisteriin ei tallenneta henkilötunnusta")
        True
        >>> negated("tietoja ei käytetä ainoastaan laskutukseen")
        False
        >>> negated("puhelinnumero (ei pakollinen)")
        False
    """
    bare = _BRACKETED.sub(" ", clause)
    return _NEGATOR.search(bare) is not None and _NOT_ONLY.search(bare) is None


def denies(low: str) -> bool:
    """Whether the sentence *low* (case-folded) as a whole says that something does not happen.

    Its main clause (the first not led by a subordinating word) is negated, no
    exception limits the denial, and no clause after a contrast word affirms
    something instead.

    Examples:
        >>> denies("rekisteriin ei tallenneta henkilötunnusta.")
        True
        >>> denies("emme kerää henkilötunnuksia emmekä terveystietoja.")
        True
        >>> denies("tietoja ei käytetä muuhun kuin tilausten toimittamiseen.")
        False
        >>> denies("emme käytä evästeitä mainontaan, vaan kävijätilastointiin.")
        False
        >>> denies("jos asiakas ei anna tietoja, tilausta ei voida toimittaa.")
        True
        >>> denies("rekisteriin tallennetaan nimi, jos asiakas ei kiellä sitä.")
        False
    """
    if _NEGATOR.search(low) is None:
        return False  # the cheap test first: most sentences deny nothing
    bare = _BRACKETED.sub(" ", low)
    if _EXCEPTION.search(bare) is not None or _NOT_ONLY.search(bare) is not None:
        return False
    spans = clauses(bare)
    main = next(
        ((s, e) for s, e in spans if _SUBORDINATE.match(bare, s) is None),
        None,
    )
    if main is None or not negated(bare[main[0] : main[1]]):
        return False
    # "…, vaan / mutta / but …" after the denial: something is affirmed instead
    return not any(
        _CONTRAST.match(bare, s) is not None and not negated(bare[s:e])
        for s, e in spans
        if s > main[0]
    )


def affirmed(low: str) -> str:
    """*low* with its negated clauses blanked out (the same length, for cue matching).

    Examples:
        >>> affirmed("tiedot saadaan asiakkaalta, emme käytä postin osoitepalvelua.").strip()
        'tiedot saadaan asiakkaalta,'
    """
    if _NEGATOR.search(low) is None or _EXCEPTION.search(low) is not None:
        return low  # nothing denied, or "ei … paitsi X": the clause names what does happen
    chars = list(low)
    for start, end in clauses(low):
        if negated(low[start:end]):
            chars[start:end] = " " * (end - start)
    return "".join(chars)


#: A negated clause that denies a right: it says the right is not had, does not apply or
#: cannot be used ("ei ole oikeutta", "ei koske tätä rekisteriä", "gäller inte", "does
#: not apply", "do not have the right").
_RIGHT_DENIED: Final = re.compile(
    r"\b(?:ole|koske|sovell\w*|voi|voida|voidaan|saa|har|gäller|tillämpas|kan|får|finns"
    r"|have|has|apply|applies|entitled|available|cannot|can[’']t|may)\b"
)
#: A right said to be limited, not denied: "ei ole ehdoton", "is not absolute".
_RIGHT_LIMITED: Final = re.compile(
    r"ehdot\w*|absoluut\w*|rajoittamat\w*|\baina\b|kaikissa tilanteissa|kaikkia tietoja"
    r"|absolut\w*|ovillkorlig\w*|\balltid\b|\balways\b|in all cases|every case"
)


def granted(low: str) -> str:
    """*low* with the clauses that deny a right blanked out (the same length).

    Examples:
        >>> granted("sinulla ei ole oikeutta vaatia tietojen poistamista, koska …").strip(" ,")
        'koska …'
        >>> granted("oikeus tietojen poistamiseen ei ole ehdoton.").strip()
        'oikeus tietojen poistamiseen ei ole ehdoton.'
    """
    if _NEGATOR.search(low) is None:
        return low
    chars = list(low)
    for start, end in clauses(low):
        clause = low[start:end]
        if (
            negated(clause)
            and _RIGHT_DENIED.search(clause) is not None
            and _RIGHT_LIMITED.search(clause) is None
            and _EXCEPTION.search(clause) is None
        ):
            chars[start:end] = " " * (end - start)
    return "".join(chars)


#: "X ei käytetä muuhun kuin Y" says "X käytetään vain Y": the denial of all other uses.
_ONLY_BY_DENIAL: Final = (
    (
        re.compile(
            r"\bei\s+(käytetä|käsitellä)\s+(?:muuhun|muihin)\s+(?:tarkoitukseen\s+|tarkoituksiin\s+)?kuin\b",
            re.IGNORECASE,
        ),
        {"käytetä": "käytetään vain", "käsitellä": "käsitellään vain"},
    ),
    (
        re.compile(
            r"\b(används|behandlas)\s+inte\s+för\s+(?:något\s+)?annat\s+än\b", re.IGNORECASE
        ),
        {"används": "används endast för", "behandlas": "behandlas endast för"},
    ),
    (
        re.compile(
            r"\b(used|processed)\s+(?:for\s+)?no(?:thing|\s+(?:other\s+)?purpose)\s+other\s+than\b"
            r"|\bnot\s+(used|processed)\s+for\s+any(?:thing|\s+purpose)\s+other\s+than\b",
            re.IGNORECASE,
        ),
        {"used": "used only for", "processed": "processed only for"},
    ),
)


def only_use(sentence: str) -> str:
    """*sentence* with "not for anything other than X" said as "only for X".

    Examples:
        >>> only_use("Tietoja ei käytetä muuhun kuin tilausten toimittamiseen.")
        'Tietoja käytetään vain tilausten toimittamiseen.'
    """
    if " kuin " not in sentence and " än " not in sentence and " than " not in sentence:
        return sentence
    for pattern, words in _ONLY_BY_DENIAL:
        match = pattern.search(sentence)
        if match is not None:
            verb = next(group for group in match.groups() if group)
            return sentence[: match.start()] + words[verb.casefold()] + sentence[match.end() :]
    return sentence


#: The data protection officer named in a sentence, in any case form.
_OFFICER: Final = re.compile(
    r"tietosuojavastaa\w*|tietosuojahenkilö\w*|dataskyddsombud\w*"
    r"|data[ \t]+protection[ \t]+officer|\bdpo\b"
)
#: A verb of appointing (or of needing one): what a sentence denying an officer negates,
#: wherever the officer stands ("Tietosuojavastaavaa ei ole nimetty", "We have not appointed
#: a DPO", "Tietosuojavastaavaa ei tarvita").
_APPOINTED: Final = re.compile(
    r"\b(?:nime|nimi|tarvi|utse|utnämn|behöv|appoint|designat|need|requir)\w*"
)
#: A verb of having or being: it denies an officer only before the officer's word ("ei ole
#: tietosuojavastaavaa", "does not have a DPO", "there is no …", "har inget …") or with the
#: officer in the partitive ("Tietosuojavastaavaa meillä ei ole"); after the officer as its
#: subject it says something of the officer ("Tietosuojavastaava ei ole tavoitettavissa
#: puhelimitse", "The DPO is not available by phone"): no denial (R8-8).
_HAVING: Final = re.compile(r"\b(?:ole|omaa|ollut|ha[rdt]?|finns|have|has|had|is|are|exist)\w*")
_PARTITIVE_OFFICER: Final = re.compile(r"tietosuojavastaavaa\b|tietosuojahenkilöä\b")
#: A terse denial, the whole sentence (under the officer's heading): "Ei nimetty.", "Ei ole."
_TERSE: Final = 3
_BARE_DENIAL: Final = frozenset({"ei", "nej", "no", "none", "inget", "ingen", "-", "–"})


def _denies_having(clause: str, officer: re.Match[str]) -> bool:
    """Whether a negated *clause* naming the officer says it is not appointed or not had."""
    if _APPOINTED.search(clause):
        return True
    having = _HAVING.search(clause)
    return having is not None and (
        having.start() < officer.start() or _PARTITIVE_OFFICER.search(clause) is not None
    )


def denies_officer(line: str) -> bool:
    """Whether a sentence of *line* says the controller has no data protection officer.

    A negated clause that names the officer and says it is not appointed, had
    or needed; a contrast after it ("…, mutta olemme nimittäneet …") affirms
    one. Read under the officer's heading (or next to the officer's word), a
    terse negated sentence of up to three words ("Ei nimetty.", "Ei ole.") or a
    bare "Ei." / "-" denies one too.

    Examples:
        >>> denies_officer("Tietosuojavastaavaa ei ole nimetty. Ota yhteyttä: info@x.fi")
        True
        >>> denies_officer("Vi har inte utsett något dataskyddsombud.")
        True
        >>> denies_officer("Tietosuojavastaava ei käsittele laskuja, joten ole yhteydessä meihin.")
        False
        >>> denies_officer("Tietosuojavastaava: Aino Esimerkki, aino@x.fi")
        False
        >>> denies_officer("(ei nimetty)"), denies_officer("Tietosuojavastaavaa ei tarvita.")
        (True, True)
        >>> denies_officer("Tietosuojavastaava ei ole tavoitettavissa puhelimitse.")
        False
        >>> denies_officer("Yrityksellä ei ole tietosuojavastaavaa.")
        True
    """
    for sentence in re.split(r"(?<=[.!?])\s+", line.casefold()):
        bare = sentence.strip(" \t.:;!()[]-–•*")
        if bare in _BARE_DENIAL or (len(bare.split()) <= _TERSE and negated(bare)):
            return True  # "Ei nimetty.", "- (ei nimetty)", "Ei ole.": the heading names the officer
        if _OFFICER.search(sentence) is None or not denies(sentence):
            continue
        for clause_start, clause_end in clauses(sentence):
            clause = sentence[clause_start:clause_end]
            officer = _OFFICER.search(clause)
            if officer is not None and negated(clause) and _denies_having(clause, officer):
                return True
    return False


#: A clause after a contrast word, in the sentence's own case: "…, mutta osa palvelimista …".
_BUT_CLAUSE: Final = re.compile(r"(?i)\b(?:mutta|men|but)\b(?P<clause>[^.;]*)")
#: A name: a capitalised word inside a clause ("Britanniassa", "Google", "India").
_PROPER_NAME: Final = re.compile(r"\b[A-ZÄÖÅ][a-zäöå]{2,}")
#: A place inside the EU/EEA, or a word that puts the data there: no transfer.
_INSIDE_EEA: Final = re.compile(
    r"(?i)\b(?:eu|eta|eea|ees|euroop|europ|suom|finland|sisällä|alueella|inom|within|inside)"
)


#: A verb of disclosing: a clause that gives the data to a party says nothing of where the
#: data are kept ("…, but we may share it with the Finnish Tax Administration").
_DISCLOSING: Final = re.compile(
    r"(?i)\b(?:luovut\w*|disclos\w*|shar(?:e|es|ed|ing)|releas\w*|lämna\w*[ \t]+ut|delas|delar"
    r"|give[sn]?|pass(?:es|ed)?[ \t]+on)\b"
)
#: A clause that puts data abroad after all: a place verb or a third country's word.
_ABROAD: Final = re.compile(
    r"(?i)\b(?:sijai\w*|siirr\w*|located|hosted|stored|transferr\w*|third countr\w*"
    r"|kolma\w* mai\w*|tredje land\w*|servers?|palvelim\w*|lagras|finns)\b"
)


def contrast_names_party(sentence: str) -> bool:
    """Whether a "but" clause of *sentence* names a party or a place outside (A14's Q47).

    "Tietoja ei siirretä EU:n ulkopuolelle, mutta osa palvelimista sijaitsee
    Britanniassa": the clause after the contrast names a place (a capitalised
    word), denies nothing and puts the data nowhere inside the EU/EEA, so the
    denial does not hold as a whole. "…, mutta tietoja käsitellään
    luottamuksellisesti" names none; "…, mutta Microsoft säilyttää tiedot EU:n
    alueella" keeps them inside.

    Examples:
        >>> contrast_names_party("We do not transfer data, but our host is located in India.")
        True
        >>> contrast_names_party("Tietoja ei siirretä, mutta niitä käsitellään huolella.")
        False
        >>> contrast_names_party("Tietoja ei siirretä, mutta Pilvi Oy säilyttää ne EU:ssa.")
        False
        >>> contrast_names_party("We do not transfer data, but we share it with Tax Office.")
        False
    """
    for match in _BUT_CLAUSE.finditer(sentence):
        clause = match.group("clause")
        if negated(clause.casefold()) or _INSIDE_EEA.search(clause):
            continue
        if _DISCLOSING.search(clause) and not _ABROAD.search(clause):
            continue  # "…, but X may share it with the tax authority": a disclosure (R8-13)
        if _PROPER_NAME.search(clause):
            return True
    return False
