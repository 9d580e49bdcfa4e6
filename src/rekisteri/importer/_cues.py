"""The cue tables of the importer: words and patterns that say what a sentence is about.

Each table is a compiled regular expression (or a tuple of them) over the
case-folded text; the small helpers below turn a matched piece of text into a
value (an e-mail written out, a Y-tunnus in its compact form, a period).
"""

from __future__ import annotations

import functools
import itertools
import re
from datetime import date
from typing import Final

from rekisteri.importer._finnish import capitalise
from rekisteri.importer._headings import SectionKind, is_field_label
from rekisteri.importer._negation import EXCEPTION_WORDS
from rekisteri.model import Duration, RetentionTrigger, Right, SecurityKind


def led(first: str, pattern: str, flags: int = 0) -> re.Pattern[str]:
    """*pattern*, tried only where one of the characters *first* stands.

    Every match of *pattern* starts with one of them (test_importer_speed_same proves it
    from the pattern): the engine passes every other place at once. A pattern that opens
    with a word boundary or a look-behind is otherwise tried alternative by alternative at
    each character of a sentence.
    """
    return re.compile(f"(?=[{first}])(?:{pattern})", flags)


# --------------------------------------------------------------------- cues

TRANSFER_WHERE: Final = re.compile(
    r"ulkopuolelle|ulkopuolella|utanför|outside|kolmansiin maihin|tredje ?land|third countr",
)
TRANSFER_AREA: Final = re.compile(
    r"\beu\b|\beu:n|\beta\b|eta:n|euroop|\beea\b|\bees\b|suomen|finland|kolmansiin maihin"
    r"|tredje ?land|third countr",
)
#: An English negative contraction: "don't", "won't", "doesn't", "isn't", "cannot".
_CONTRACTED: Final = r"\b(?:don|won|doesn|didn|isn|aren|wasn|weren|can|shan)[’']t\b|\bcannot\b"
NEGATIVE: Final = re.compile(
    r"\bei\s+(?:\w+\s+){0,3}(?:siirretä|siirry|luovuteta|luovutetaan|viedä)|\beikä\b|\binte\b"
    # the act's noun for subject: "Siirtoja EU:n ulkopuolelle ei tehdä.", "Tietojen siirtoa …
    # ei tapahdu.", "Tietojen luovutusta ei tapahdu." (A15's V16)
    r"|\b(?:siirto(?:ja|a)?|siirrot|luovutu(?:ksia|sta|kset))\s+(?:[\w:-]+\s+){0,4}?ei\s+(?:ole|tehdä|tapahdu|suoriteta)\b"
    r"|\bnot\b"
    r"|^no (?:personal )?(?:data|information)\b|^inga (?:person)?uppgifter\b"
    # a denial in the first person: "Emme siirrä tietoja EU:n ulkopuolelle"
    r"|\bemme\s+(?:\w+\s+){0,3}(?:siirrä|luovuta|vie)\b|\baldrig\b|\bnever\b"
    # a contraction: "We don't transfer …", "Data won't be transferred …"
    rf"|{_CONTRACTED}"
)
EXCEPTION: Final = re.compile(
    r"\b(?:ellei|paitsi|lukuun ottamatta|pois lukien|mikäli|jos|kuitenkin|förutom|om inte"
    r"|utom|unless|except|muille kuin|muualle kuin|muutoin kuin|muuten kuin|annat än|other than)\b"
    # the words every reader of denials knows ("poikkeuksena", "med undantag", "apart from")
    rf"|{EXCEPTION_WORDS}"
    # "jollei laki toisin edellytä", "jollet ole hyväksynyt": "ellei" in other persons
    r"|\b(?:joll|ell)(?:et|emme|ette|eivät)\b|\bjollei\b"
    # "ei luovuteta … ilman jäsenen lupaa": disclosed with consent, so not "no one"
    r"|\b(?:ilman|utan|without)\s+(?:[\w:-]+\s+){0,3}(?:lupaa|suostumusta|samtycke|tillstånd"
    r"|consent|permission"
    # "ei siirretä … ilman asianmukaisia suojatoimia": transferred with safeguards; so with
    # clauses, a contract or an adequate level of protection ("ilman vakiosopimuslausekkeita",
    # "ilman kirjallista sopimusta", "ilman riittävää tietosuojan tasoa")
    r"|suojatoim\w*|suojakeino\w*|takeita|skyddsåtgärder|garantier|safeguards"
    r"|vakio\w*lausek\w*|mallilausek\w*|sopimusta|sopimuksia|tietosuojan tasoa|suojan tasoa"
    r"|standard contractual|contract\w*|adequa\w*|avtal\w*|standardavtal\w*)"
    # "ei siirretä …, mutta palveluntarjoajamme voi käsitellä tietoja Yhdysvalloissa": a
    # clause after "but" that names a party or a country outside and denies nothing
    # says the denied thing happens ("…, mutta tietoja käsitellään luottamuksellisesti"
    # names none: the denial stands)
    r"|\b(?:mutta|but|men)\b(?![^.;]*\b(?:ei|eikä|eivät|emme|not|never|inte|aldrig)\b)"
    r"(?=[^.;]*(?:palveluntarjoaj|toimittaj|perintä|viranomai|tilitoimisto|kumppan"
    r"|alihankkij|provider|partner|authorit|processor|supplier|leverantör|myndighet"
    r"|\boy\b|\boyj\b|\bab\b|\bltd\b|\binc\b|yhdysval|\busa\b|united states|ulkopuol|outside"
    r"|utanför))"
)
RETENTION: Final = led(
    "shpaklfrgtd",
    r"\bsäilyt(?:etään|ämme|etään|ettävä)\b|säilytysai|säilyttämisai|hävitetään|hävitämme"
    r"|poistetaan|poistamme|\bpoisto\b|arkistoidaan|kirjanpitolai|\blagras\b|\bsparas\b|\bförvaras\b|raderas|gallras"
    r"|\bavlägsnas\b|\btuhotaan\b|retained|deleted|stored for|kept for",
)
STATUTE: Final = re.compile(r"kirjanpitolai|kirjanpitolaki|1336/1997|1997/1336|bokföringslag")
DISCLOSURE: Final = led(
    "lavudöjesr",
    r"\bluovut(?:etaan|amme|taa|ettava|ettavissa|eta|ukset|uksia|usta|etut|etaan|a)\b|luovuttaa"
    r"|ainoastaan yrityksen käytössä|vain yrityksen käytössä|utlämnas|lämnas (?:inte )?ut|disclos"
    # "Vi lämnar inte ut uppgifter", "lämnar aldrig ut", "överlåter inte"; the object
    # between verb and particle: "I övrigt lämnas uppgifter inte ut", "lämnar vi inte ut"
    r"|\blämna(?:r|s)?\s+(?:[\w-]+\s+){0,2}?(?:inte\s+|aldrig\s+)?ut\b|\böverlåt"
    # sharing is disclosing: "Tietoja ei jaeta …", "Emme jaa …", "Tietoja ei anneta
    # ulkopuolisille", "Vi delar inte …", "delas inte med …", "We do not share …"
    r"|\bjae(?:ta|taan)\b|\bjaa(?:mme)?\b|\bei\s+(?:\w+\s+){0,2}anneta\b"
    r"|\bdela(?:r|s)?\b|\bshar(?:e|es|ed|ing)\b"
    # releasing is disclosing: "Data are not released to third parties"
    r"|\breleas(?:e|es|ed|ing)\b",
)
#: Data handed *to* the controller: a source, not a disclosure ("lahjoittaja
#: luovuttaa säätiölle tietoja", "lämnar uppgifter till oss", "give data to us").
GIVEN_TO_CONTROLLER: Final = re.compile(
    r"luovutta\w*\s+(?:\w+\s+){0,2}(?:meille|säätiölle|yhdistykselle|yritykselle|seuralle"
    r"|rekisterinpitäjälle)|lämna\w*\s+(?:\w+\s+){0,2}till oss"
    r"|\b(?:give|provide)s?\s+(?:\w+\s+){0,2}to us"
)
#: Not a disclosure by the controller.
NOT_DISCLOSURE: Final = re.compile(rf"luovuttamatta|{GIVEN_TO_CONTROLLER.pattern}")
SOURCE: Final = led(
    "lsvheifo",
    r"lähtei(?:stä|tä)|\blähteet\b|\bsaadaan\b|voidaan saada|hankittava tieto|hankitaan"
    r"|hankitut|hankimme|saamme tietoja|erhålls|inhämtas|fås från|obtained from",
)
DATA_SUBJECT: Final = re.compile(
    r"asiakkaan (?:itse )?ilmoittam|asiakkaalta itseltään|rekisteröidyltä itseltään"
    r"|rekisteröidyn itse|asiakkaan tekemi|henkilöltä itseltään|jäseneltä itseltään"
    r"|asiakas on vastuussa tietojen oikeellisuu|den registrerade själv|kunden själv"
    r"|asiakkaan antam|käyttäjän antam|itse ilmoittam|rekisteröidyn antam"
    # English: "from the data subject", "the customers themselves"
    r"|from the data subject|data subjects? (?:him|her|them)sel|customers? (?:him|her|them)sel",
)
CATALOG_CUES: Final = (
    (
        "ytj",
        re.compile(
            r"\bytj\b|yritys- ja yhteisötietojärjestelm|företags- och organisationsdata"
            r"|business information system"
        ),
    ),
    (
        "prh-yhdistysrekisteri",
        re.compile(r"yhdistysnet|yhdistysrekister|föreningsregist|register of associations"),
    ),
    ("prh-kaupparekisteri", re.compile(r"kaupparekister|handelsregist|trade register")),
    ("asiakastieto", re.compile(r"asiakastieto oy|suomen asiakastie")),
    ("fonecta", re.compile(r"\bfonecta")),
    ("suomen-numeropalvelu", re.compile(r"numeropalvelu|nummertjänst")),
    (
        "dvv-vtj",
        re.compile(
            r"väestötietojärjestelm|väestörekister|\bvtj\b|digi- ja väestötietovira|\bdvv\b"
            r"|befolkningsdatasystem|maistraat|population information system"
            r"|population register|digital and population data"
        ),
    ),
    (
        "posti-osoitepalvelu",
        re.compile(
            r"postin osoite|osoitepalvelu|osoitteenmuutos|posti oy"
            r"|posti[’']s address|address service of posti|posti ltd"
            r"|postens adress|adresstjänst"
        ),
    ),
)
CONTROLLER_CUE: Final = re.compile(r"rekisterinpitäjä|personuppgiftsansvarig|registeransvarig")
CONTENT_CUE: Final = re.compile(
    r"rekister(?:iin|eihin) (?:tallennetaan|kerätään|merkitään)|rekisteri sisältää"
    r"|rekisterissä (?:käsitellään|on|säilytetään seuraavat)|tallennamme|keräämme"
    r"|käsittelemme seuraavia|tietosisältö"
    r"|registret innehåller|seuraavia tietoja|seuraavat tiedot"
    # the data a Swedish or English lead-in lists: "I registret sparas följande uppgifter"
    r"|följande (?:person)?uppgifter|the following (?:personal )?(?:data|information)",
)
SECURITY_CUE: Final = re.compile(
    r"suojattu|suojataan|palomuur|salasan|käyttäjätunnu|lukitu|salassapito|luottamuksellisesti"
    r"|tietoturva|salattu|salatu|salataan|kulunvalvon"
    # Swedish and English: locked rooms, encryption, passwords, firewalls
    r"|\blåst|krypter|lösenord|brandvägg|\blocked\b|encrypt|password|firewall"
    # who may open the data: "Tietojen käyttöoikeus on vain …", "… rajataan", "only … access"
    r"|käyttö(?:oikeu|valtuu)\w*\s+(?:\w+\s+){0,2}(?:vain|ainoastaan|rajaa|rajata)"
    r"|\b(?:behörighet|access rights?)\b\W+(?:\w+\s+){0,2}(?:endast|bara|only|restricted)",
)
#: A Finnish sentence that opens by saying what the data are used for: "Tietoja käytetään …"
#: (purposes_in() reads what follows).
USED_FOR_FI: Final = re.compile(
    r"(?:henkilö|asiakas)?tie(?:toja|dot|tojasi)\s+(?:\w+\s+)?käyte(?:tään|tään myös)\s"
)
#: What the data are used for, in Swedish and English (purposes_in() reads Finnish):
#: "Uppgifterna används för fakturering", "Vi samlar in uppgifterna för att …",
#: "We use the data for invoicing", "Your data is used to …".
USED_FOR_SV_EN: Final = re.compile(
    r"\b(?:används|behandlas|samlar (?:vi )?in|samlas in)\b[^.;]{0,60}?\bför\b"
    r"|\b(?:we use|is used|are used)\b[^.;]{0,60}?\b(?:for|to)\b"
)
#: The word that joins the two things a heading names: "Kenelle ja miksi?",
#: "Säkerhet samt cookies", "Use and disclosure of data".
HEADING_AND: Final = re.compile(r"(?i)\s(?:ja|sekä|och|samt|and|&)\s")
#: A Finnish (or Swedish) postal code: five digits, or three and two ("65 101").
POSTAL_CODE: Final = re.compile(r"\b[0-9]{5}\b|\b[0-9]{3} [0-9]{2}\b")
#: Where one sentence ends and the next begins: "… vuotta. Tiedot …", "… Oy! Lisätietoja",
#: "… (Y-tunnus). Osoite …" (two letters or a bracket, the end mark, a capitalised word).
SENTENCE_BREAK: Final = re.compile(r"(?:[^\W\d_]{2}|\))[.!?][ \t]+[A-ZÄÖÅ][a-zäöå]")
#: A sentence about the notice itself ("Tämä tietosuojaseloste koskee …", "Tässä
#: selosteessa kerromme, mitä tietoja keräämme", "I denna beskrivning …"): it
#: introduces the notice, names no purpose, category or rule of its own.
ABOUT_NOTICE: Final = re.compile(
    r"\b(?:tämä|tässä|tätä|tämän)\s+(?:\w+\s+){0,2}(?:\w*seloste\w*|\w*ilmoitu\w*|\w*käytäntö\w*"
    r"|\w*lausek\w*)"
    r"|\b(?:denna|i denna|detta|i detta)\s+(?:\w+\s+){0,2}(?:\w*beskrivning\w*|\w*policy\w*"
    r"|\w*meddelande\w*)"
    r"|\bthis\s+(?:\w+\s+){0,2}(?:notice|policy|statement)\b"
)
#: A sentence about the legal basis of the processing: it belongs with the purposes.
LEGAL_BASIS_CUE: Final = re.compile(
    r"käsittelyperuste|käsittelyn (?:oikeus)?peruste|oikeusperuste|perusteena on"
    r"|rättslig(?:a)? grund|grundar sig på|legal basis|lawful basis"
)
RIGHTS_CUE: Final = re.compile(
    r"\boikeus (?:tarkastaa|tarkistaa|saada|vaatia|kieltää|peruuttaa|pyytää|tehdä|vastustaa)"
    r"|tarkastusoikeu|kielto-oikeu|rätt att|rätt till|right to|right of"
    # a right said with a verb: "voi pyytää nähtäväkseen tiedot", "kan begära att få se",
    # "may ask to see", "voi tehdä valituksen tietosuojavaltuutetulle"
    r"|\bvoi(?:vat)? (?:\w+ )?(?:pyytää|vaatia) (?:\w+ ){0,2}(?:nähtäv|tarkast|korjaa|oikais"
    r"|poista|rajoitta|siirtä)|valitu\w* tietosuojavaltuutetul|tietosuojavaltuutetulle valitu"
    r"|\bkan (?:\w+ )?(?:begära|kräva) (?:\w+ ){0,2}(?:att få (?:se|veta|ta del)|rättelse|radering"
    r"|att \w+ (?:rättas|raderas))|klagomål (?:till|hos) (?:dataombudsman|tillsynsmyndighet)"
    r"|\b(?:can|may) (?:ask|request) (?:\w+ ){0,3}(?:to see|access|a copy|to (?:correct|delete"
    r"|erase|rectify))|lodge a complaint|complain to",
)
ORGANISATIONAL: Final = re.compile(
    r"salassapito|luottamuksel|vaitiolo|koulutet|ohjeistet|työntekijöillä on oikeus"
    r"|ainoastaan määrätyillä|vain määrätyillä|allekirjoitt|tystnadsplikt",
)
TECHNICAL: Final = re.compile(
    r"käyttäjätunnu|salasan|palomuur|salau|salat|salataan|varmuuskopi|\bssl\b|https|lokit"
    r"|kirjautu|käyttöoikeu|palvelim|tietojärjestelm|lösenord|brandvägg",
)
PHYSICAL: Final = re.compile(
    r"lukit|tilo(?:issa|ssa|ihin)|paperi|manuaali|silpu|tuhot|kulunvalvon|vartioi|fyysi|låst"
)
RIGHT_CUES: Final = (
    (
        Right.ACCESS,
        re.compile(
            r"tarkastusoikeu|tarkistaa, mitä tietoja|tarkastaa|tarkistaa"
            r"|pääsy tietoihin|insyn|right of access|right to access|tillgång till|granska"
            # the GDPR's own wording (art. 15): "oikeus saada pääsy häntä koskeviin
            # henkilötietoihin", "saada jäljennös tiedoistaan", "a copy of your data"
            # the copy or the access must be of the data: "a copy of your ID" (sent with a
            # request) or "access your account settings" is no right of access
            r"|saada pääsy|jäljennö\w* (?:\w+ ){0,2}(?:henkilö)?tiedo|\bkopio\w* (?:\w+ )?tiedo"
            r"|\ba copy of (?:\w+ ){0,2}(?:data|information)"
            r"|\baccess (?:to )?your (?:\w+ )?(?:data|information)"
            # the verbal noun and the other words for it (A15's V14): "oikeus pyytää tietojesi
            # tarkastamista", "oikeus … tarkastamiseen", "pyytää pääsyä tietoihisi", "You can
            # access, correct or delete your data", "review the data we hold", "begära
            # registerutdrag", "kontrollera dina personuppgifter"
            r"|tarkastami|tarkistami|pääsyä (?:\w+ )?tietoi|\b(?:can|may) access\b"
            r"|\breview (?:\w+ ){0,2}(?:data|information)|registerutdrag"
            r"|kontrollera (?:\w+ )?(?:person)?uppgift"
        ),
    ),
    (
        Right.RECTIFICATION,
        re.compile(
            r"korja|oikais|täydennet|rättelse|rectif"
            # a verb: "kräva att felaktiga uppgifter rättas", "få … korrigerade",
            # "have inaccurate data corrected"
            r"|\brätta(?:s|d|de|t)?\b|korriger|\bcorrect(?:ed|ion)?\b"
        ),
    ),
    (
        Right.ERASURE,
        re.compile(
            r"poist|hävit|radering|erasure"
            # "få dina uppgifter raderade", "delete your data", "erase", and the name of
            # art. 17: "oikeus tulla unohdetuksi", "bli bortglömd", "be forgotten"
            # the verbs with the data as their object: "Vi kan radera en begäran …",
            # "Requests that are not signed will be deleted" name no right
            r"|\brader(?:a|as|ad|ade|at)\b(?= (?:\w+ ){0,2}(?:person)?uppgift)"
            r"|uppgift\w* (?:\w+ ){0,2}rader|\bdeletion\b"
            r"|\bdelet(?:e|ed)\b(?= (?:\w+ ){0,2}(?:data|information))|\bdelete (?:them|it)\b"
            r"|\bradera (?:dem|den|dessa)\b"
            r"|(?:data|information) (?:\w+ ){0,3}deleted|\berase\b|unohdetuksi"
            r"|bortglömd|\bforgotten\b"
        ),
    ),
    (Right.RESTRICTION, re.compile(r"rajoitta|begränsning|begränsa|restrict")),
    (Right.NOTIFICATION, re.compile(r"ilmoitetaan sille, jolta|jolle tiedot on luovutettu")),
    (
        Right.PORTABILITY,
        re.compile(
            r"siirtää tiedot järjestelmästä|dataportab|portab"
            r"|siirtää (?:\w+ ){0,2}järjestelmästä toiseen"
        ),
    ),
    (Right.OBJECT, re.compile(r"kieltää|kielto-oikeu|vastust|invändning|invända|\bobject")),
    (
        Right.WITHDRAW_CONSENT,
        re.compile(r"peruuttaa suostumu|peru\w* (?:\w+ )?suostumu|återkalla|withdraw"),
    ),
    (
        Right.COMPLAINT,
        re.compile(r"valitus valvontaviranomaiselle|tehdä valitukse|klagomål|complaint"),
    ),
)
PERSON_WORDS: Final = re.compile(
    r"(?:henkilöt|yhteyshenkilöt|käyttäjät|asiakkaat|jäsenet|työntekijät|hakijat|päättäjät"
    r"|vastuuhenkilöt|edustajat)\b"
)
DIRECT_MARKETING: Final = re.compile(
    r"suoramarkkinoin|suoramainon|direktmarknadsför|direct marketing"
)
#: The identity code's names: also the old "sosiaaliturvatunnus" ("sotu") and English.
HETU_WORDS: Final = led(
    "hps",
    r"henkilötunnu|\bhetu\b|personbeteckning|personnummer|sosiaaliturvatunnu|\bsotu\b"
    r"|personal\s+id(?:entity|entification)?\s+(?:code|number)",
)
#: A firm's name and legal form; "&" may stand between its words ("Golf & Country Club ry").
COMPANY: Final = re.compile(
    r"\b([A-ZÄÖÅ][\w&\-]*(?:[ \t]+(?:&[ \t]+)?[A-ZÄÖÅ0-9][\w&\-]*){0,4}[ \t]+"
    r"(?:Oyj|Oy Ab|Oy|Abp|Ab|Ky|Ay|Tmi|ry|rf|sr|osk|Ltd|Inc|GmbH|AS|ApS|AB))\b"
)
#: A body, not a person: a legal form before or after the name ("Tmi Aino Esimerkki",
#: "Oy Kampaamo Esimerkki", "Esimerkki ry"), or a word for a public body, foundation,
#: association or parish at the end of a word ("Esimerkkisäätiö", "Kylän kunta").
ORGANISATION: Final = re.compile(
    r"(?<![\w-])(?:Oyj|Oy|Ab|Abp|Ky|Ay|Tmi|T:mi|ry|r\.y\.|rf|r\.f\.|sr|osk|Ltd|Inc|AB"
    # written in capitals: "Esimerkki LTD", "ESIMERKKI OY"
    r"|OYJ|OY|LTD|INC|LLC)(?![\w-])"
    # a word's start first: "\w*" tried from inside a word too costs a word's length squared;
    # the whole word taken at once, then its end looked back at: a word is never tried
    # again shorter, for each ending (the ending can only be the word's end), so a word
    # costs its length, not its length times the endings
    r"|(?i:(?<!\w)\w*+(?:(?<=säätiö)|(?<=yhdistys)|(?<=liitto)|(?<=kunta)|(?<=kaupunki)"
    r"|(?<=kuntayhtymä)|(?<=hyvinvointialue)|(?<=virasto)|(?<=seurakunta)|(?<=stiftelse)"
    r"|(?<=förening)|(?<=förbund)|(?<=kommun)|(?<=stad)|(?<=samkommun)|(?<=välfärdsområde)"
    r"|(?<=foundation)|(?<=association)|(?<=municipality))(?!-))"
)
YTUNNUS_ANY: Final = led(
    "ylfb",
    r"\b(?:y-?tunnus|ly-tunnus|yritystunnus|fo-nummer|business id)\b[^\d\n]{0,12}"
    r"(?P<id>(?<![\d-])[0-9]{6,7}(?:[ \t]?[-\u2010\u2011\u2013][ \t]?|[ \t])?[0-9](?![\d-]))",
    re.IGNORECASE,
)
DASHES: Final = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2013": "-"})
#: A labelled Y-tunnus's value in any form that the identifier module reads:
#: "2077474-0", "2077474 0", "2077474 - 0", "20774740", "FI20774740".
YTUNNUS_VALUE: Final = re.compile(
    r"(?<![\dA-Za-z-])(?:FI[ \t-]?)?[0-9]{6,7}"
    r"(?:[ \t]?[-\u2010\u2011\u2013][ \t]?|[ \t])?[0-9](?![\d-])"
)
#: An unlabelled Y-tunnus, its dash also a hyphen, non-breaking hyphen or en dash; seven
#: digits may have a stray space on one side of the dash ("2077474- 0", "2077474 -0").
YTUNNUS: Final = re.compile(
    r"(?:\b[Yy]-|(?<![\d\-\u2010\u2011\u2013]))"
    r"([0-9]{6,7}[\-\u2010\u2011\u2013][0-9]"
    r"|[0-9]{7}(?:[ \t][\-\u2010\u2011\u2013]|[\-\u2010\u2011\u2013][ \t])[0-9])"
    r"(?![\d\-\u2010\u2011\u2013])"
)
EMAIL_OBFUSCATED: Final = re.compile(
    r"(?i)\s*(?:[(\[{]\s*(?:at|a|ät|ät|miukumauku)\s*[)\]}]|\s+at\s+)\s*"
)
DOT_OBFUSCATED: Final = re.compile(r"(?i)\s*[(\[]\s*(?:piste|dot|\.)\s*[)\]]\s*")
EMAIL: Final = re.compile(r"[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9.\-]{1,200}\.[A-Za-z]{2,24}")
EMAIL_LOOSE: Final = re.compile(
    r"(?i)[a-z0-9._%+\-]{1,64}(?:@|\s*(?:\(at\)|\[at\]|\{at\}|\(a\)|\[a\]|\(ät\))\s*)"
    r"[a-z0-9\-]{1,63}(?:(?:\.|\s*(?:\(piste\)|\(dot\)|\[dot\])\s*)[a-z0-9\-]{1,63}){1,5}"
)
PHONE: Final = re.compile(r"(?<![\w+])(\+?[0-9][0-9 ()\-/]{5,22}[0-9])(?!\w)")
POSTCODE_TOWN: Final = re.compile(r"^(?:FI-)?([0-9]{5})[ \t]+([^\d,;]{2,60}?)\s*$")
STREET_POSTCODE: Final = re.compile(
    r"^(?P<street>[^,\n]{3,80}?)[ \t]*[,;]?[ \t]+(?:FI-)?(?P<code>[0-9]{5})[ \t]+"
    r"(?P<town>[^\d,;]{2,60}?)\s*$"
)
STREET: Final = re.compile(
    r"^(?:(?:PL|PO Box|Box|Postilokero|PB)[ \t]*[0-9]{1,6}"
    r"|[A-ZÄÖÅ][\w.\-]*(?:[ \t][\w.\-]+){0,3}[ \t][0-9]{1,4}[ \t]?[A-Za-z]?"
    r"(?:[ \t]?[A-Z][ \t]?[0-9]{1,3})?)$"
)
URL: Final = re.compile(r"(?i)\b(?:https?://|www\.)[^\s,;]{3,200}")
LABEL_WORDS: Final = (
    r"(?:yrityksen |rekisterinpitäjän )?nimi|name|namn|toiminimi|firma"
    r"|y-?tunnus|ly-tunnus|yritystunnus|fo-nummer|business id"
    r"|(?:posti|katu|käynti|laskutus)?osoite|adress|besöksadress|postadress|address"
    r"|postinumero(?: ja -?toimipaikka)?|postitoimipaikka"
    r"|puh(?:elin)?(?:numero)?|puh\.|p\.|tel(?:efon|\.)?|tfn|gsm|matkapuhelin|vaihde|phone"
    r"|sähköposti(?:osoite)?|s-posti|e-?mail|e-post"
    r"|www|kotisivu(?:t)?|verkkosivu(?:t|sto)?|webbplats|website|url"
    r"|yhteyshenkilö|kontaktperson|contact person|vastuuhenkilö"
)
#: "Puhelin: 09 123", "Puh 09 123", and bilingual "Y-tunnus / FO-nummer: 1234567-1".
LABEL: Final = re.compile(
    rf"(?i)^[ \t]*(?P<label>{LABEL_WORDS})(?:[ \t]*/[ \t]*(?:{LABEL_WORDS}))?"
    r"(?P<sep>[ \t]*:[ \t]*|[ \t]+(?=[+0-9(]))(?P<value>.*)$"
)
#: "niin kauan kuin asiakassuhde on voimassa", "asiakkuuden ajan": while the relationship lasts.
UNTIL_END: Final = re.compile(
    r"niin kauan kuin|niin kauan kun|asiakkuuden ajan|asiakassuhteen (?:ajan|keston)"
    r"|kunnes asiakassuhde päättyy|så länge kundförhållandet"
)
MONTHS: Final = re.compile(
    r"(?P<n>[0-9]{1,3}|yhden|yksi|kahden|kaksi|kolmen|kolme|neljän|neljä|viiden|viisi|kuuden"
    r"|kuusi|seitsemän|kahdeksan|yhdeksän|kymmenen)\s+(?P<unit>vuotta|vuoden|vuodeksi"
    r"|kuukautta|kuukauden|kuukaudeksi|kk|päivää|päivän|år|månader)"
)
NUMBER_WORDS: Final = {
    "yhden": 1, "yksi": 1, "kahden": 2, "kaksi": 2, "kolmen": 3, "kolme": 3, "neljän": 4,
    "neljä": 4, "viiden": 5, "viisi": 5, "kuuden": 6, "kuusi": 6, "seitsemän": 7,
    "kahdeksan": 8, "yhdeksän": 9, "kymmenen": 10,
}  # fmt: skip
TRIGGERS: Final = (
    (RetentionTrigger.END_OF_CUSTOMER_RELATIONSHIP,
     re.compile(r"(?:asiakassuhteen|asiakkuuden|jäsenyyden) "
                r"(?:päättymi|päätty|loppumi)")),
    (RetentionTrigger.LAST_CONTACT, re.compile(r"viimeise\w* (?:yhteydenoto|asioin)")),
    (RetentionTrigger.END_OF_FINANCIAL_YEAR, re.compile(r"tilikauden (?:päättymi|lopu)")),
    (RetentionTrigger.CONSENT_WITHDRAWAL, re.compile(r"suostumuksen peruuttami")),
    (RetentionTrigger.COLLECTION, re.compile(r"(?:keräämise|tallentamise|saamise)sta")),
)  # fmt: skip
DEMONSTRATIVE: Final = re.compile(
    r"(?:Nämä|Näitä|Näistä|Näille|Niitä|Niistä|Ne|Tämä|Tätä|Tästä|Tällöin|Näin|Edellytämme"
    r"|Dessa|Detta|These|This)\b"
)

NOMINATIVE: Final = "name read from the notice's list and put in the nominative; check it"
CROSS_CUED: Final = frozenset(
    {
        SectionKind.TITLE,
        SectionKind.CHANGES,
        SectionKind.PURPOSES,
        SectionKind.CONTENT,
        SectionKind.SUBJECTS,
        SectionKind.SOURCES,
        SectionKind.DISCLOSURES,
        SectionKind.SECURITY,
        SectionKind.SECURITY_MANUAL,
        SectionKind.SECURITY_ELECTRONIC,
        SectionKind.RETENTION,
        SectionKind.TRANSFERS,
        SectionKind.COOKIES,
        SectionKind.AUTOMATED,
        None,
    }
)
RIGHTS_SECTIONS: Final = frozenset(
    {SectionKind.ACCESS, SectionKind.RECTIFICATION, SectionKind.OTHER_RIGHTS}
)
SECURITY_SECTIONS: Final = frozenset(
    {SectionKind.SECURITY, SectionKind.SECURITY_MANUAL, SectionKind.SECURITY_ELECTRONIC}
)
LINE_SECTIONS: Final = frozenset({SectionKind.CONTROLLER, SectionKind.CONTACT, SectionKind.DPO})


#: A word broken over two lines with a hyphen, as in text copied from a PDF:
#: "henkilö-\ntietojen" is "henkilötietojen"; "asiakas-\nja palvelu..." keeps its hyphen.
BROKEN_WORD: Final = re.compile(
    r"([a-zäöå])-[ \t]*\r?\n[ \t]*(?=([a-zäöå]))(?!(?:ja|tai|sekä|eli|että|and|och|eller)\b)"
)


def _join_broken(match: re.Match[str]) -> str:
    # a compound whose parts meet with the same vowel keeps its hyphen: "linja-auto"
    before, after = match.group(1), match.group(2)
    return before + ("-" if before == after and before in "aeiouyäöå" else "")


BROKEN_NAME: Final = re.compile(r"(?<=[A-Za-zÄÖÅäöå])-[ \t]*\r?\n[ \t]*(?=[A-ZÄÖÅ])")


#: Characters a text of the model may not hold (control and bidirectional-override
#: characters): the importer puts a space in their place.
CONTROL: Final = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """*text* with every control character a space (line feeds and tabs stay)."""
    return CONTROL.sub(" ", text)


def flat(text: str) -> str:
    """*text* on one line, whitespace collapsed, words broken with a hyphen joined."""
    if text.isprintable():
        # no control character, no line break (both unprintable): nothing to clean or join
        return " ".join(text.split())
    text = clean(text)
    if "-" in text and "\n" in text:
        text = BROKEN_NAME.sub("-", BROKEN_WORD.sub(_join_broken, text))
    return " ".join(text.split())


def as_sentence(text: str) -> str:
    """*text* as a sentence: one line, capitalised, ending in a full stop."""
    line = flat(text).strip(" ,;:-–")
    if not line:
        return ""
    line = line[:1].upper() + line[1:]
    return line if line.endswith((".", "!", "?", ")")) else line + "."


def email_of(text: str) -> str | None:
    """The e-mail address in *text*, written out if it was obfuscated ("info(a)esimerkki.fi")."""
    found = EMAIL_LOOSE.search(text)
    if found is None:
        return None
    written = DOT_OBFUSCATED.sub(".", EMAIL_OBFUSCATED.sub("@", found.group(0)))
    return written if EMAIL.fullmatch(written) else None


def short_name(text: str, limit: int = 80) -> str:
    """A name from *text*: its first words, at most *limit* characters, never cut in a word.

    No "…" is added: where the text is longer, the whole text is kept in the
    entry's description (or its ``data``).
    """
    line = capitalise(text)
    if len(line) <= limit:
        return line
    cut = line.rfind(" ", 0, limit)
    return line[: cut if cut > 20 else limit].rstrip(" ,;:")


#: "ei käytetä automaattiseen päätöksentekoon": no automated decisions.
AUTOMATED: Final = re.compile(
    r"automaatti\w* (?:yksittäis)?päätö|automatisoi\w* (?:yksittäis)?päätö"
    r"|automaattisesti tehtäv\w* päätö|profiloi|automati(?:ser|sk)\w* (?:individuella )?beslut"
    r"|profiler|automated (?:individual )?decision|profiling"
    r"|automatically made decisions"
)
#: A negation in a sentence on automated decisions: "ei tehdä", "emme profiloi",
#: "eivät perustu", "används inte", "no automated decisions", "is not used".
_AUTOMATED_NEGATED: Final = re.compile(
    r"\b(?:ei|eivät)\s+(?:\w+\s+){0,3}(?:tee|tehdä|käytetä|käytä|ole|harjoiteta|suoriteta"
    r"|profiloida|profiloi|sovelleta|hyödynnetä|perustu|tapahdu|kohdistu)\b|\beikä\b|\bemme\b"
    rf"|\binte\b|\bicke\b|\bingen\b|\binga\b|\binget\b|\bnot\b|\bnever\b|\bno\b|{_CONTRACTED}"
)
#: A bare answer under an automated-decisions heading: "Ei.", "Ei ole.", "Nej.", "None."
_BARE_NO: Final = re.compile(
    r"(?:ei(?: ole| tehdä| käytetä| käytössä| ole käytössä| vastaanottajia| siirtoja"
    r"|(?: ole)? (?:säännönmukaisia )?luovutuksia| tapahdu| siirretä| luovuteta)?"
    r"|nej|no|none|inga|ingen|not in use|används inte|inte i bruk"
    # a template's "not applicable": "Ei sovellu.", "Ei koske.", "N/A"
    r"|ei sovellu|ei koske|n/a|not applicable|ej tillämplig(?:t)?)[ .!]*"
)


def bare_no(low: str) -> bool:
    """Whether *low* is only a "no" ("Ei.", "Ei ole.", "Nej.", "None.")."""
    return _BARE_NO.fullmatch(low.strip()) is not None


def no_automated(low: str, *, under_heading: bool) -> bool:
    """Whether *low* says that there are no automated decisions or profiling.

    Under the GDPR form's heading on automated decision-making, a bare "Ei." says so too.
    A denial turned round ("Emme tee automaattisia päätöksiä, mutta profiloimme …")
    says that some happens.
    """
    if under_heading and bare_no(low):
        return True
    contrast = _CONTRAST.search(low)
    return (
        (under_heading or AUTOMATED.search(low) is not None)
        and _AUTOMATED_NEGATED.search(low) is not None
        and EXCEPTION.search(low) is None
        and (contrast is None or _AUTOMATED_NEGATED.search(low, contrast.end()) is not None)
    )


def period_of(low: str) -> tuple[Duration | None, RetentionTrigger | None]:
    """The period and trigger of a retention sentence, or ``(None, None)`` when unsure.

    Two periods in one sentence ("2 vuotta tilauksesta ja laskut 6 vuotta …",
    "6 kk – 2 vuotta") give none: which one goes with the trigger is not read;
    nor does a length in two units ("6 v 6 kk", "3 kk 15 pv"), which is not added up.
    A decimal number of years ("1,5 vuotta") is that many months, if whole.
    """
    trigger = next((t for t, cue in TRIGGERS if cue.search(low)), None)
    found = list(MONTHS.finditer(low))
    if trigger is None or len(found) != 1 or _in_two_units(low, found[0]):
        return None, None
    decimal = _DECIMAL_BEFORE.search(low, 0, found[0].start())
    if decimal is not None:
        return _decimal_years(decimal.group(1), found[0]), trigger
    number = found[0].group("n")
    amount = int(number) if number.isdigit() else NUMBER_WORDS[number]
    if amount == 0:
        return None, None
    unit = found[0].group("unit")
    if unit.startswith(("vuo", "år")):
        return Duration(years=amount), trigger
    if unit.startswith(("kuu", "kk", "mån")):
        return Duration(months=amount), trigger
    return Duration(days=amount), trigger


#: An amount and a unit of time, written out or shortened ("6 v.", "15 pv", "2 vk").
_AMOUNT: Final = (
    r"(?:[0-9]{1,3}|yhden|yksi|kahden|kaksi|kolmen|kolme|neljän|neljä|viiden|viisi|kuuden"
    r"|kuusi|seitsemän|kahdeksan|yhdeksän|kymmenen)\s*"
    r"(?:v|vuo\w*|kk|kuuk\w*|pv|päiv\w*|vrk|vk|vko\w*|viik\w*|år|mån\w*|dag\w*|veck\w*)\b\.?"
)
#: What may join two parts of one length: a space, a comma, "ja"/"och"/"and", a plus
#: ("6 v + 6 kk", "2 years plus 6 months") or "&".
_JOINED: Final = r"\s*(?:,|\+|&|\bja\b|\bsekä\b|\boch\b|\band\b|\bplus\b)?\s*"
_PART_BEFORE: Final = re.compile(_AMOUNT + _JOINED + "$")
_PART_AFTER: Final = re.compile(_JOINED + _AMOUNT)


def _in_two_units(low: str, found: re.Match[str]) -> bool:
    """Whether the period *found* is one part of a length in two units ("6 v 6 kk").

    Read alone, its one part would be published as the whole period ("6 kk"):
    such a length gives no period (the sentence is the rule's description).
    """
    before = _PART_BEFORE.search(low, max(0, found.start() - 40), found.start())
    return before is not None or _PART_AFTER.match(low, found.end()) is not None


#: The whole part of a decimal number right before a period's digits ("1,5 vuotta").
_DECIMAL_BEFORE: Final = re.compile(r"(?<![0-9])([0-9]{1,2})[,.]$")
_MONTHS_A_YEAR: Final = 12


def _decimal_years(whole: str, found: re.Match[str]) -> Duration | None:
    """A decimal number of years ("1,5 vuotta") as months; ``None`` if not whole months."""
    fraction = found.group("n")
    if not found.group("unit").startswith(("vuo", "år")) or not fraction.isdigit():
        return None
    months = (int(whole) + int(fraction) / 10 ** len(fraction)) * _MONTHS_A_YEAR
    return Duration(months=int(months)) if months == int(months) and months > 0 else None


# ------------------------------------------------------------------ sections


def compact_ytunnus(written: str) -> str:
    """A Y-tunnus as written ("FI 0357502-9", "0357502 9") without spaces, prefix or odd dashes."""
    return re.sub(r"^FI-?", "", re.sub(r"[ \t]", "", written).translate(DASHES))


def meaningful(text: str) -> bool:
    """Whether *text* has a letter or a digit (punctuation alone is left unmatched)."""
    return text[:1].isalnum() or any(char.isalnum() for char in text)


def label_only(line: str) -> bool:
    return bool(line.strip()) and LABEL.match(line.strip() + " ") is None and is_field_label(line)


def is_channel(line: str) -> bool:
    return bool(
        email_of(line)
        or re.match(r"(?i)\s*(puh|tel|gsm|sähköposti|s-posti|e-?mail)", line)
        or PHONE.fullmatch(line.strip())
    )


def category_name(sentence: str) -> str:
    body = re.sub(
        r"^.{0,60}?\b(?:kattaa|käsittää|sisältää|sisältävät|koostuu|tallennetaan|kerätään"
        r"|tallennamme|keräämme)\s+(?:mm\.\s+|muun muassa\s+)?",
        "",
        sentence,
        count=1,
    )
    body = re.split(r",\s+kuten\s+|:\s", body, maxsplit=1)[0]
    return short_name(body)


def recipient_name(sentence: str, controller: str | None) -> str | None:
    names = {_whole_name(sentence, m) for m in COMPANY.finditer(sentence)}
    names.discard(controller or "")
    return names.pop() if len(names) == 1 else None


#: Words before a firm's name that belong to it: capitalised words before a word cut at a
#: hyphen and joined by "ja" ("Suomen Palo- ja Pelastusalan …", "Etelä-Savon Kala-,
#: Riista- ja Luontokeskus ry"), found right before :data:`COMPANY`'s match.
_SUSPENDED_BEFORE: Final = re.compile(
    r"(?:[A-ZÄÖÅ][\w-]*[ \t]+)*(?:[A-ZÄÖÅ][\w-]*-,?[ \t]+(?:(?:ja|och|and|tai|eller|or)[ \t]+)?)+$"
)
#: How far before a firm's name :data:`_SUSPENDED_BEFORE` looks (a few words).
_SUSPENDED_REACH: Final = 160
#: A housing or real-estate company's legal form, which stands before its name.
_HOUSING_FORM: Final = re.compile(r"(?:Asunto|As\.?|Kiinteistö|Bostads|Fastighets)[ \t]+(?:Oy|Ab)")
#: The name after it: a place, or a street and its house number ("Koivukuja 3").
_HOUSING_NAME: Final = re.compile(r"(?:[ \t]+[A-ZÄÖÅ][\w-]*)+(?:[ \t]+[0-9]{1,4}[A-Za-z]?\b)?")


def _whole_name(sentence: str, match: re.Match[str]) -> str:
    """The name :data:`COMPANY` found, with the words of it that the pattern does not take."""
    start, end = match.start(1), match.end(1)
    if _HOUSING_FORM.fullmatch(match.group(1)):
        after = _HOUSING_NAME.match(sentence, end)
        end = after.end() if after is not None else end
    # only the words right before the name: a search from the sentence's start would try
    # every earlier position for every name (a paragraph of N firms: N x N steps)
    before = _SUSPENDED_BEFORE.search(sentence, max(0, start - _SUSPENDED_REACH), start)
    if before is not None:
        start = before.start()
    return sentence[start:end]


def security_kind(low: str, section: SectionKind | None) -> SecurityKind | None:
    if ORGANISATIONAL.search(low):
        return SecurityKind.ORGANISATIONAL
    if PHYSICAL.search(low):
        return SecurityKind.PHYSICAL
    if TECHNICAL.search(low):
        return SecurityKind.TECHNICAL
    if section is SectionKind.SECURITY_MANUAL:
        return SecurityKind.PHYSICAL
    if section is SectionKind.SECURITY_ELECTRONIC:
        return SecurityKind.TECHNICAL
    return None


#: Sections whose text is read from cues: before the first heading, a title, "changes".
FREE_SECTIONS: Final = frozenset({None, SectionKind.TITLE, SectionKind.CHANGES})
#: A retention statement strong enough to leave its section: a period or a statute.
STRONG_RETENTION: Final = re.compile(
    r"[0-9]+\s*(?:vuo|kuuk|kk|päiv|år|mån|year|month|day)|kirjanpitolai|bokföringslag"
    r"|(?:yhden|yksi|kahden|kaksi|kolmen|kolme|neljän|neljä|viiden|viisi|kuuden|kuusi"
    r"|seitsemän|kahdeksan|yhdeksän|kymmenen|ett|två|tre|fyra|fem|sex|tio|one|two|three|five"
    r"|six|ten)"
    r"\s+(?:vuo|kuuk|år|mån|year|month)"
    r"|(?:tiedo?t\w*|tieto(?:ja|jen|a)\b|uppgifter\w*|data)\s+(?:\w+\s+){0,2}(?:hävitetään|poistetaan|säilytetään"
    r"|raderas|gallras|lagras|förvaras|avlägsnas|are deleted|are erased|are kept|are stored"
    r"|are retained)"
    # kept for as long as something lasts: "Säilytämme tietoja niin kauan, kun …"
    r"|(?:säilytetään|säilytämme|sparas|lagras|förvaras|sparar vi|we keep|we retain|are kept"
    r"|are retained)\s+(?:\w+\s+){0,3}?(?:niin kauan|kunnes|så länge|tills|as long as|until)\b"
    # deleted once no longer needed: "Kun tiedot eivät enää ole tarpeellisia, ne tuhotaan"
    r"|\b(?:enää|längre|longer)\b.{0,60}?\b(?:tarpee\w*|behövs|needed|necessary)\b.{0,40}?"
    r"\b(?:poistetaan|hävitetään|tuhotaan|raderas|gallras|förstörs|deleted|erased|destroyed)\b"
)
#: A sentence that opens with a disclosure: "Tietoja luovutetaan ...", "Uppgifter lämnas ut ...".
#: Used with ``match`` only (anchored: linear; ``search`` would be quadratic on a long word).
STRONG_DISCLOSURE: Final = re.compile(
    # the data's word may be a compound ("potilastietoja", "jäsentiedot") and have a
    # genitive before it ("Jäsen- ja venerekisterin tietoja ei luovuteta …")
    r"(?:[\w-]*[\wn-]n\s+(?:(?:ja|sekä)\s+[\w-]+n\s+)?|[\w-]+-\s+(?:ja|sekä)\s+[\w-]+n\s+)?"
    r"(?:\w*tieto\w*|\w*tiedot\w*|uppgifter\w*|personuppgifter\w*|data|personal data)"
    # (not past a verb of keeping or collecting: "Asiakkaan tiedot säilytetään eikä niitä
    # luovuteta …" is on the retention, its denial said in passing, R9-10)
    r"\s+(?:(?!(?:säilytetään|kerätään|käsitellään|tallennetaan|sparas|samlas|lagras)\b)\w+\s+){0,2}"
    r"(?:luovute|luovuttaa|lämnas|disclos|ei luovuteta|eikä)"
    r"|(?:emme|vi|we)\s+(?:\w+\s+){0,1}(?:luovuta|lämnar|disclose)"
    # "Palveluntarjoaja voi luovuttaa asiakastietoja viranomaisille": the body may disclose
    r"|[\w-]+\s+(?:voi|voivat|saattaa|kan|may)\s+(?:\w+\s+)?(?:luovuttaa|lämna ut|disclose)"
    r"|.{0,60}(?:ainoastaan|vain) (?:yrityksen|rekisterinpitäjän) käytössä"
)
#: Where the data come from, said outright: "Tiedot saadaan ...", "Uppgifterna fås ...".
STRONG_SOURCE: Final = re.compile(
    r"(?:(?:henkilö|asiakas)?tiedo?t\w*|uppgifter\w*|(?:personal )?data)\s+(?:\w+\s+){0,2}"
    r"(?:saadaan|kerätään\s+(?:\w+\s+){0,2}(?:itseltään|asiakkaalta|rekisteröidyltä)"
    r"|fås|erhålls|inhämtas|are obtained|is obtained|are collected from)"
    r"|.{0,40}\w+(?:lta|ltä) (?:\w+ ){0,2}(?:hankittava|saatava|kerättävä)"
)
_NEGATED: Final = re.compile(
    r"\bei\s+(?:\w+\s+){0,3}(?:siirretä|siirry|luovuteta|luovutetaan|luovu)|\beikä\b"
    r"|\bemme\s+(?:\w+\s+){0,2}(?:luovuta|siirrä|myy)|\binte\b|\bicke\b|\bnot\b|\bnever\b|\baldrig\b"
    r"|\bno one\b|\bkenellekään\b|\bei kolmansille\b"
    # the act's noun for subject: "Siirtoja EU:n ulkopuolelle ei tehdä.", "Tietojen siirtoa …
    # ei tapahdu.", "Tietojen luovutusta ei tapahdu." (A15's V16)
    r"|\b(?:siirto(?:ja|a)?|siirrot|luovutu(?:ksia|sta|kset))\s+(?:[\w:-]+\s+){0,4}?ei\s+(?:ole|tehdä|tapahdu|suoriteta)\b"
    # "Säännönmukaisia luovutuksia ei ole.", "Ei ole luovutuksia."
    r"|\bluovutuksia\s+(?:\w+\s+){0,2}ei\s+(?:ole|tehdä|tapahdu)\b"
    r"|\bei\s+(?:ole|tehdä|tapahdu)\s+(?:\w+\s+)?luovutuksia\b"
    r"|\bei\s+(?:\w+\s+){0,2}(?:käytetä|tehdä|suoriteta|harjoiteta)\b|\bemme\b|\bdo not\b"
    # "No data is transferred", "Inga uppgifter lämnas ut", "don't"
    r"|^no (?:personal )?(?:data|information)\b|^inga (?:person)?uppgifter\b|\bdon[’']t\b"
    rf"|{_CONTRACTED}|\bei\s+(?:\w+\s+){{0,3}}(?:jaeta|anneta)\b"
)


#: A statement that the service sets no cookies: "Palvelussa ei käytetä evästeitä".
#: Between a denying verb and the cookie word, only "any" or where ("sivustollamme"): a
#: modifier there limits the denial to a kind ("kolmansien osapuolten evästeitä").
_ANY_COOKIES: Final = (
    r"(?:(?:mitään|lainkaan|ollenkaan|yhtään|minkäänlais\w*|mitäänlais\w*|några|alls|any"
    r"|\w+(?:lla|llä|ssa|ssä)(?:mme|nne)?)\s+){0,2}"
)
NO_COOKIES: Final = re.compile(
    # the loanword too: "ei käytetä cookieita", "använder inte cookies"
    r"(?:\b(?:ei|emme)\s+(?:\w+\s+){0,3}(?:käytetä|käytä|tallenneta|tallenna|aseteta)\s+"
    rf"{_ANY_COOKIES}(?:eväste|cookie)"
    r"|\b(?:eväste|cookie)\w*\s+(?:\w+\s+){0,2}ei\s+(?:käytetä|ole käytössä)"
    rf"|\b(?:använder|används)\s+(?:\w+\s+){{0,2}}inte\s+{_ANY_COOKIES}(?:kakor|cookies)"
    r"|\binga (?:kakor|cookies)\b|\bdon[’']t\s+(?:use|set|store)\s+(?:any\s+)?cookies"
    r"|\bei ole\s+(?:\w+\s+){0,2}evästeitä"
    r"|\b(?:does|do)\s+not\s+(?:use|set|store)\s+(?:any\s+)?cookies|\bno cookies\b)\w*+"
    # not a denial limited to a use ("… evästeitä markkinointiin", "kakor för
    # marknadsföring") or turned round ("…, vaan ainoastaan kävijätilastointiin")
    r"(?!\s+(?:\w+\s+){0,2}?(?:for|för|till|varten)\b)"
    # nor one limited by a clause: "… cookies to identify you", "… cookies that track
    # you", "evästeitä tunnistaaksemme sinut", "evästeitä, joilla sinut voitaisiin …"
    r"(?!,?\s+(?:to|that|which|joilla|jotka|joiden|joita|som|för att)\b)"
    r"(?!\s+\w+(?:aksemme|akseen|äksemme|äkseen)\b)"
    r"(?!\s+(?:\w+\s+){0,2}?\w*(?:markkinoin|mainon|mainost|marknadsför|reklam|advertis"
    r"|marketing)\w*)"
    r"(?!.*\b(?:vaan|mutta|men|but)\b)"
)


#: "Tiedot ovat ainoastaan X:n käytössä", "används endast av oss": no one is named
#: as a recipient (whether data go elsewhere, other sentences say).
ONLY_OWN_USE: Final = re.compile(
    r"\b(?:ainoastaan|vain|yksinomaan|endast|enbart|only|solely)\s+(?:\S+\s+){0,3}"
    r"(?:käytössä|käyttöön|käyttämiä|omaan käyttöön|bruk|användning|används|use[ds]?\b|by us)"
)


#: An exception that names only the controller itself: "Tietoja ei luovuteta muille kuin
#: rekisterinpitäjälle." (A15's V18) excepts no other party, so the denial holds. Only
#: where the clause ends at the controller's word ("… kuin rekisterinpitäjälle ja sen
#: käsittelijöille" names more). A run of commas and blanks is entered at its start only
#: (the look-behind): tried from each of its characters, a long run ("tietoja ei
#: luovuteta,,,,…" from a spreadsheet) cost time quadratic in its length (R10-1).
_SELF_EXCEPTION: Final = re.compile(
    r"(?<![,\s])[,\s]+(?:(?:muille|muualle|muuhun|muihin)\s+kuin\s+(?:itse\s+)?"
    r"rekisterinpitäjä\w*(?:\s+(?:itse|itselleen|itselle))?"
    r"|(?:to\s+)?(?:anyone|anybody|parties)\s+other\s+than\s+the\s+controller(?:\s+itself)?"
    r"|(?:till\s+)?(?:andra|annan)\s+än\s+(?:den\s+)?personuppgiftsansvarig\w*)"
    r"(?=\s*(?:[.;!]|$))"
)


def is_negative(low: str, verb: re.Pattern[str]) -> bool:
    """Whether *low* says that *verb* (disclosure, transfer) does not happen, without exception.

    "Emme myy tietoja, mutta luovutamme osoitteet Posti Oy:lle": a contrast word
    followed by the verb says that it does happen.

    Examples:
        >>> is_negative("tietoja ei luovuteta.", DISCLOSURE)
        True
        >>> is_negative("emme myy tietoja, mutta luovutamme osoitteet posti oy:lle.", DISCLOSURE)
        False
        >>> is_negative("tietoja ei luovuteta muille kuin rekisterinpitäjälle.", DISCLOSURE)
        True
        >>> is_negative("ei luovuteta muille kuin rekisterinpitäjälle ja kelalle.", DISCLOSURE)
        False
    """
    low = _SELF_EXCEPTION.sub(".", low)  # "muille kuin rekisterinpitäjälle": nobody else
    contrast = _CONTRAST.search(low)
    after = None if contrast is None else verb.search(low, contrast.end())
    if after is not None and "käytössä" not in after.group():  # "vaan vain yrityksen käytössä"
        return False
    return (
        _NEGATED.search(low) is not None
        and EXCEPTION.search(low) is None
        and (verb.search(low) is not None or "kenellekään" in low or "no one" in low)
    )


#: A word that turns a denial round: "…, mutta luovutamme", "…, men vi lämnar ut", "…, but we".
_CONTRAST: Final = re.compile(r"\b(?:mutta|vaan|men|dock|but|however)\b")


#: A country outside the EU/EEA named as where data go: "Yhdysvaltoihin", "till USA",
#: "to the United States".
THIRD_COUNTRY: Final = re.compile(
    r"\byhdysval\w*|\busa(?:han|ssa|n)?\b"
    r"|\b(?:iso-)?britanniaan\b|\bkanadaan\b|\bintiaan\b|\bkiinaan\b"
    r"|förenta staterna|\bstorbritannien\b|united states|\bthe us\b|united kingdom"
)
#: A verb that moves data elsewhere (not one that discloses them).
_TRANSFER_VERB: Final = re.compile(r"siirr|siirt|överför|transfer")


def is_transfer(low: str) -> bool:
    """Whether *low* speaks of moving data outside the EU/EEA (or to a country outside it)."""
    if _MOVING_VERB.search(low) is None:
        return False  # the cheap test first: both readings below need one of its verbs
    if _TRANSFER_VERB.search(low) is not None and THIRD_COUNTRY.search(low) is not None:
        return True
    return any(_area_named(low, where) for where in TRANSFER_WHERE.finditer(low))


#: A verb that moves or gives data: each transfer that :func:`is_transfer` reads names
#: one (:data:`_TRANSFER_VERB` is a part of it). Searched first: the country names cost
#: some ten times as much a sentence, and most sentences name no such verb.
_MOVING_VERB: Final = re.compile(r"siirr|siirt|luovut|överför|lämnas|transfer")


#: How far from "ulkopuolelle"/"utanför"/"outside" the area it names may stand.
_AREA_REACH: Final = 40
#: The words of an area's name after its key word: "Euroopan unionin", "Suomen rajojen".
_AREA_WORDS: Final = frozenset(
    {"unionin", "talousalueen", "alueen", "rajojen", "maiden", "valtioiden", "(eu)", "(eta)"}
)


def _area_named(low: str, where: re.Match[str]) -> bool:
    """Whether the EU/EEA (or Finland) is what *where* is outside of.

    The Finnish postposition follows its area ("EU:n tai ETA:n ulkopuolelle"), the
    Swedish and English prepositions precede it ("utanför EU", "outside the EEA"): in
    "ei luovuteta seuran ulkopuolelle lukuun ottamatta Suomen Urheiluliittoa" the
    area is the club, not Finland.
    """
    if where.group().startswith("ulkopuole"):
        areas = list(
            TRANSFER_AREA.finditer(low, max(0, where.start() - _AREA_REACH), where.start())
        )
        if not areas:
            return False
        # nothing but the area's own words between it and the postposition ("Euroopan
        # unionin ulkopuolelle", "Suomen rajojen ulkopuolelle"), no body named in between
        between = re.sub(r"^\S*", "", low[areas[-1].end() : where.start()])
        return all(word in _AREA_WORDS for word in between.split())
    if where.group() in {"utanför", "outside"}:
        return TRANSFER_AREA.search(low, where.end(), where.end() + _AREA_REACH) is not None
    return True  # "kolmansiin maihin", "tredje land", "third countries" name the area


_DOCUMENT: Final = (
    r"(?:rekisteri- ja tietosuojaseloste|rekisteriseloste|tietosuojaseloste|tietosuojailmoitus"
    r"|registerbeskrivning|dataskyddsbeskrivning|privacy notice|privacy policy|privacy statement)"
)
_NAME_BEFORE: Final = re.compile(rf"(?i)(?P<name>.+?)\s*(?:[–—:|-]\s*|\s){_DOCUMENT}")
_NAME_AFTER: Final = re.compile(rf"(?i){_DOCUMENT}\s*[–—:|/-]?\s*(?P<name>.+)")
#: "Henkilötietolain 10 §:n mukainen rekisteriseloste – Asiakasrekisteri"
_NAME_AFTER_INSIDE: Final = re.compile(rf"(?i){_DOCUMENT}\s*[–—:|/]\s*(?P<name>.+)$")
_TRAILER: Final = re.compile(r"\s*(?:\([^()]*\)|\d{1,2}\.\d{1,2}\.\d{4}|(?:19|20)\d{2})$")
_REGISTER_WORD: Final = re.compile(r"(?i)rekisteri|register")
_REGISTER_END: Final = re.compile(r"(?i)(?:rekisteri|rekisterin|register|registret|registry)$")
_NAME_WORDS: Final = 8
_NAME_CHARS: Final = 300


def register_name_of(line: str) -> str | None:
    """The register's name in a title or a lone line, or ``None``.

    "Hymykuopan potilasrekisterin tietosuojaseloste" → "Hymykuopan potilasrekisteri";
    "Rekisteriseloste – Asiakasrekisteri" → "Asiakasrekisteri"; a short line that
    ends in "rekisteri"/"register" is the name itself.
    """
    line = flat(line).strip(" .:")
    if len(line) > _NAME_CHARS:  # a title is short; the patterns below are not for long lines
        return None
    while _TRAILER.search(line):  # "(EU 2016/679)", "2018", "1.2.2019" after the name
        line = _TRAILER.sub("", line, count=1).strip(" .:–-")
    if not line or len(line.split()) > _NAME_WORDS + 3:
        return None
    candidate = line
    for pattern in (_NAME_AFTER, _NAME_BEFORE, _NAME_AFTER_INSIDE):
        found = (
            pattern.fullmatch(line) if pattern is not _NAME_AFTER_INSIDE else pattern.search(line)
        )
        if found is not None:
            candidate = found.group("name").strip(" –—:|-")
            candidate = re.sub(r"(?i)^(?:för|for the|for|of the|of|koskien)\s+", "", candidate)
            # "Tietosuojaseloste asiakas- ja markkinointirekisteristä": about the register
            candidate = re.sub(
                r"(?i)(rekister)(?:istä|ista)$",
                lambda m: m.group(1) + ("I" if m.group(0).isupper() else "i"),
                candidate,
            )
            break
    if not _REGISTER_END.search(candidate) or len(candidate.split()) > _NAME_WORDS:
        return None
    if candidate.casefold().endswith("rekisterin"):
        candidate = candidate[:-1]
    if _REGISTER_WORD.fullmatch(candidate):
        return None
    if candidate.isupper():
        candidate = candidate.lower()  # "ASIAKASREKISTERI" in a title set in capitals
    return capitalise(candidate)


#: "Esimerkki Oy:n asiakasrekisteriä käytetään …": a body's register named in a sentence.
_OWNED_STEM: Final = (
    r":n[ \t]+(?P<stem>(?:[a-zäöå\-]+[ \t]+)?[a-zäöå\-]*rekister)"
    r"(?:i|in|iä|issä|istä|iin|ille|illä)\b"
)
_OWNED_REGISTER: Final = re.compile(
    r"\b(?P<owner>[A-ZÄÖÅ][\w&\-]*(?:[ \t]+[A-ZÄÖÅ0-9][\w&\-]*){0,4}[ \t]+"
    r"(?:Oyj|Oy|Ab|Ky|Ay|Tmi|ry|rf|sr|osk))" + _OWNED_STEM
)
#: How far into the notice such a sentence is looked for.
_OWNED_REACH: Final = 6000


def owned_register_name(text: str, owner: str | None = None) -> tuple[str, int, int] | None:
    """The register a sentence near the start names as a body's: "X Oy:n asiakasrekisteri".

    The body is *owner* (the controller's name, when known) or a name with a
    legal form; the register a word ending in "rekisteri" in any case
    ("asiakasrekisteriä" → "asiakasrekisteri").
    """
    reach = min(len(text), _OWNED_REACH)
    found = None
    if owner:
        found = re.compile(rf"(?P<owner>{re.escape(owner)})" + _OWNED_STEM).search(text, 0, reach)
    # another body's register that the data come from ("… kerätään X Oy:n
    # luottotietorekisteristä") is a source, not the notice's register
    found = found or next(
        (f for f in _OWNED_REGISTER.finditer(text, 0, reach) if not f.group().endswith("istä")),
        None,
    )
    if found is None:
        return None
    name = f"{found.group('owner')}:n {found.group('stem')}i"
    return name, found.start(), found.end()


_PURPOSE_NAME_WORDS: Final = 8


#: The words after which a sentence says what the data are for: "… är att säkra
#: servicen", "… används för att vårda kundrelationer", "tarkoitus on jäsenrekisterin
#: ylläpito", "… is to deliver orders".
_PURPOSE_MARKER: Final = re.compile(
    r"(?i)(?:\bför att|\bi syfte att|\bär att|tarkoitu(?:s|ksena) on|\bon tarkoitus|\bjotta"
    r"|is to|are to|in order to)\s+(?=\w)"
)
#: The verb of a main clause after a purpose clause that opens the sentence.
_MAIN_VERB: Final = re.compile(
    r"\s(?:behandlar|använder|samlar|sparar|käsittelemme|käytämme|keräämme|tallennamme"
    r"|we (?:process|use|collect|store))\b"
)
#: A parenthesis inside a sentence: "Yhdistyslain (503/89) 11 § mukaisen …".
_PARENTHESIS: Final = re.compile(r"\s*\([^()]{0,80}\)")
#: A purpose phrase goes on past a comma when the words before it are fewer.
_PHRASE_WORDS: Final = 2


def purpose_name_of(sentence: str) -> str:
    """A purpose's name from a sentence, at most eight whole words.

    The words after a purpose marker ("är att", "för att", "tarkoitus on",
    "is to") when the sentence has one, else its first clause; a parenthesis
    is left out, and a colon inside a word ("Oy:s") ends nothing. Never cut
    inside a word and never marked with "…": the sentence itself is kept as
    the purpose's description.

    Examples:
        >>> purpose_name_of("Esimerkki Oy:s kundregister används för att vårda kundrelationer.")
        'Vårda kundrelationer'
        >>> purpose_name_of("Yhdistyslain (503/89) 11 § mukaisen jäsenluettelon ylläpitäminen.")
        'Yhdistyslain 11 § mukaisen jäsenluettelon ylläpitäminen'
    """
    text = _PARENTHESIS.sub("", flat(sentence))
    marker = _PURPOSE_MARKER.search(text)
    if marker is not None:
        phrase = re.split(r"[;:]\s|\s[–—-]\s|\.(?:\s|$)", text[marker.end() :], maxsplit=1)[0]
        # "För att leverera tjänster behandlar vi …": the main clause's verb ends it
        phrase = _MAIN_VERB.split(phrase, maxsplit=1)[0]
        first, comma, _ = phrase.partition(",")
        if comma and len(first.split()) >= _PHRASE_WORDS:
            phrase = first
        words = phrase.replace(",", " ,").split()
        name = " ".join(words[:_PURPOSE_NAME_WORDS]).replace(" ,", ",").rstrip(", ")
        if name:
            return capitalise(name)
    clause = re.split(r"[,;(]|:\s|\s[–—-]\s|\.\s", text, maxsplit=1)[0]
    words = clause.split()
    return capitalise(" ".join(words[:_PURPOSE_NAME_WORDS]))


#: Month names in the genitive/partitive (fi), Swedish and English: "1. maaliskuuta 2023".
_MONTHS: Final = {
    name: number
    for names in (
        (
            "tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta"
            " elokuuta syyskuuta lokakuuta marraskuuta joulukuuta"
        ),
        "januari februari mars april maj juni juli augusti september oktober november december",
        "january february march april may june july august september october november december",
    )
    for number, name in enumerate(names.split(), start=1)
}
_MONTH: Final = "|".join(sorted(_MONTHS, key=len, reverse=True))
#: "Päivitetty 21.1.2016", "Uppdaterad: 3.4.2019", "Viimeisin muutos 9.11.2021", "Last updated
#: 1 March 2023", "Updated on 2023-03-01", the date on the keyword's next line too: the date
#: the notice was last changed (a creation date, "Laadittu", only when none is stated).
_DATED: Final = (
    r"\b[^0-9\n]{0,20}?(?:\n[ \t]*)?"
    r"(?:(?P<day>[0-9]{1,2})\.[ ]?(?P<month>[0-9]{1,2})\.[ ]?(?P<year>(?:19|20)[0-9]{2})"
    r"|(?P<iso_year>(?:19|20)[0-9]{2})-(?P<iso_month>[0-9]{1,2})-(?P<iso_day>[0-9]{1,2})\b"
    rf"|(?P<named_day>[0-9]{{1,2}})\.?[ ](?P<named_month>{_MONTH})[ ]"
    r"(?P<named_year>(?:19|20)[0-9]{2})"
    rf"|(?P<en_month>{_MONTH})[ ](?P<en_day>[0-9]{{1,2}})(?:st|nd|rd|th)?,?[ ]"
    r"(?P<en_year>(?:19|20)[0-9]{2}))"
)
#: The end of a word naming the notice: "(tietosuoja)seloste(en)", "notice", "beskrivning".
_NOTICE_WORD: Final = (
    r"(?:seloste|ilmoitus|asiakirja|versio|notice|policy|statement|document"
    r"|beskrivning|dokument)\w*"
)
#: In force from a date: "voimassa D alkaen", "in force from", "effective as of", "gäller från".
_IN_FORCE: Final = (
    r"(?:voimassa(?= [0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4} (?:alkaen|lukien))|in force (?:from|as of)"
    r"|effective (?:from|as of)|gäller(?: från)?"
    # the notice's entry into force or its version by date, in more words (A15's V36):
    # voimaantulo, tulee voimaan, effective date, takes effect, versio
    r"|voimaantulo|tulee voimaan|effective date|takes effect(?: on)?|versio)"
)
UPDATED: Final = led(
    "pvmlusdtgrienab",
    r"(?:\b(?:päivitetty(?: viimeksi)?(?:/tarkastettu)?|viimeksi (?:päivitetty|muokattu|muutettu)"
    r"|viimeisin (?:muutos|päivitys)|muutettu|muokattu|laatimis- tai muutosajankohta|päivityspäivä"
    r"|uppdaterad|uppdaterats|senast (?:uppdaterad|ändrad)|(?:last )?updated(?: on)?"
    r"|last (?:modified|revised)"
    # the version in force from a date: "Tämä versio on käytössä 1.6.2020", "Voimassa 1.1.2022
    # alkaen", "Versionen gäller från …", "In force from …", "Effective as of …"
    r"|versio on (?:käytössä|voimassa)(?: alkaen)?|versionen gäller(?: från)?"
    r"|date of (?:the )?last update|tarkistettu|tarkastettu|granskad|reviewed(?: on)?)"
    # in force from a date only of the notice (its word a few words before, "Tämä seloste on
    # voimassa D alkaen", "This notice is effective from D") or on a short line of its own
    # ("Voimassa D alkaen"): "the regulation has been in force from 25.5.2018", "Effective
    # from D, data is kept …" date no notice (R8-10)
    rf"|{_NOTICE_WORD}(?:[ \t]+[\w-]+){{0,3}}?[ \t]+{_IN_FORCE}"
    rf"|(?m:^)(?=[^\n]{{0,40}}(?m:$)){_IN_FORCE})" + _DATED,
    re.IGNORECASE,
)
#: "Laadittu 24.5.2018", "Utarbetad 17. november 2018", "Formulerat 10.8.2021", "Created on
#: …": the date the notice was written. It is the notice's date only when the notice states
#: no update (:func:`updated_in`).
CREATED: Final = led(
    "lufcdp",
    r"\b(?:laadittu|laatimispäivä(?:määrä)?|upprättad|upprättat|uppgjord|uppgjort|utarbetad"
    r"|utarbetat|formulerad|formulerat|datum för upprättande(?:t)?|upprättandedatum"
    # "Date of settlement", "Prepared on": English for "Laatimispäivä", "Laadittu"
    r"|created(?: on)?|drawn up(?: on)?|prepared(?: on)?|date of (?:settlement|preparation))"
    + _DATED,
    re.IGNORECASE,
)


def _date_of(found: re.Match[str]) -> tuple[int, int, int]:
    """(year, month, day) of an :data:`UPDATED` match, whichever way it writes the date."""
    if found.group("day") is not None:
        return int(found.group("year")), int(found.group("month")), int(found.group("day"))
    if found.group("iso_year") is not None:
        return (
            int(found.group("iso_year")),
            int(found.group("iso_month")),
            int(found.group("iso_day")),
        )
    if found.group("named_day") is not None:
        month = _MONTHS[found.group("named_month").casefold()]
        return int(found.group("named_year")), month, int(found.group("named_day"))
    month = _MONTHS[found.group("en_month").casefold()]
    return int(found.group("en_year")), month, int(found.group("en_day"))


#: A further date in a list after an update date: "Päivitetty 1.1.2020, 1.6.2021 ja 3.3.2023".
_NEXT_DATE: Final = re.compile(
    r"[ \t]*(?:,|ja|och|and|&)[ \t]*(?P<day>[0-9]{1,2})\.[ ]?(?P<month>[0-9]{1,2})\.[ ]?"
    r"(?P<year>(?:19|20)[0-9]{2})\b"
)


def updated_in(text: str, start: int, end: int) -> tuple[date, int, int] | None:
    """The last-updated date stated in ``text[start:end]``, with the span that states it.

    Of several ("Päivitetty 1.1.2020, 1.6.2021 ja 3.3.2023", or two "Päivitetty"
    lines) the latest; the span covers them all when only white space and
    punctuation stand between them, else the latest's own.
    """
    if _YEAR.search(text, start, end) is None:
        return None  # each date both patterns read has its year (most lines have none)
    stated = _dates_in(UPDATED, text, start, end)
    if not stated and not _update_in_notice(text):
        # a notice that states no update: its creation date is its date
        stated = _dates_in(CREATED, text, start, end)
    if not stated:
        return None
    latest = max(stated, key=lambda each: (each[0], -each[1]))  # the same date: the first
    joined = all(
        not any(char.isalnum() for char in text[before[2] : after[1]])
        for before, after in itertools.pairwise(stated)
    )
    return (latest[0], stated[0][1], stated[-1][2]) if joined else latest


#: A year as :data:`UPDATED` and :data:`CREATED` read one: every date they find has it.
_YEAR: Final = re.compile(r"(?:19|20)[0-9]{2}")


@functools.lru_cache(maxsize=8)
def updated_anywhere(text: str) -> bool:
    """Whether *text* states an update date anywhere (remembered: asked of every sentence)."""
    return UPDATED.search(text) is not None


@functools.lru_cache(maxsize=4)
def _update_in_notice(text: str) -> bool:
    """:func:`updated_anywhere` of a whole notice, remembered apart from the pieces'.

    :func:`updated_in` and :func:`bare_date` ask it at every dated sentence; the
    extractor asks :func:`updated_anywhere` of each rights paragraph too. In one
    cache a long notice's paragraphs pushed the notice out, and the whole text was
    searched again at each dated sentence (quadratic: a 1 MB notice 1.6 -> 3.5 s/MB).
    """
    return UPDATED.search(text) is not None


#: The words around a notice's date that only say which notice it dates ("Tämä seloste on
#: viimeksi", "Denna dataskyddsbeskrivning har senast", "This privacy notice was last"): with
#: them the sentence states the date and nothing more (:func:`dates_the_notice`).
_NOTICE_DATE_WORDS: Final = re.compile(
    r"(?:[\W_]*(?:tämä|tämän|nämä|this|the|our|denna|detta|den|vår|on|oli|ovat|har|hade|är|var"
    r"|is|was|has|have|been|viimeksi|senast|last|voimassa|käytössä|privacy"
    r"|\w*(?:seloste|selosteen|selosteet|ilmoitus|asiakirja|versio|beskrivning|beskrivningen"
    r"|dokument|dokumentet|notice|statement|policy|policyn|document|version|versionen)))*[\W_]*",
    re.IGNORECASE,
)


def dates_the_notice(rest: str) -> bool:
    """Whether *rest*, a sentence without its date, only names the notice that the date dates.

    Examples:
        >>> dates_the_notice("Tämä tietosuojaseloste on viimeksi päivitetty .")
        False
        >>> dates_the_notice("Tämä tietosuojaseloste on .")
        True
        >>> dates_the_notice("Tietoja säilytetään .")
        False
    """
    return len(rest) <= _NOTICE_DATE_REST and _NOTICE_DATE_WORDS.fullmatch(rest) is not None


#: Text around a notice's date longer than this is more than the notice's name.
_NOTICE_DATE_REST: Final = 80


#: A date alone, in numbers: "15.10.2020", "2020-10-15".
_BARE_DATE: Final = re.compile(
    r"[ \t]*(?P<date>(?P<day>[0-9]{1,2})\.[ ]?(?P<month>[0-9]{1,2})\.[ ]?"
    r"(?P<year>(?:19|20)[0-9]{2})"
    r"|(?P<iso_year>(?:19|20)[0-9]{2})-(?P<iso_month>[0-9]{1,2})-(?P<iso_day>[0-9]{1,2}))\.?[ \t]*"
)


def bare_date(text: str, start: int, end: int) -> tuple[date, int, int] | None:
    """The date that ``text[start:end]`` is, alone, if the notice states no update date.

    A date alone under a notice's title ("Tietosuojaseloste" / "15.10.2020") is
    the notice's date; where the notice says when it was updated elsewhere it
    may be the date it was written, and is not read.
    """
    found = _BARE_DATE.fullmatch(text, start, end)
    if found is None or _update_in_notice(text):
        return None
    try:
        when = date(*_date_of(found))
    except ValueError:
        return None
    return when, found.start("date"), found.end("date")


def _dates_in(
    pattern: re.Pattern[str], text: str, start: int, end: int
) -> list[tuple[date, int, int]]:
    """The dates *pattern* finds in ``text[start:end]``, the latest of each list, with its span."""
    stated: list[tuple[date, int, int]] = []
    for found in pattern.finditer(text, start, end):
        dates = [_date_of(found)]
        position = found.end()
        while (more := _NEXT_DATE.match(text, position, end)) is not None:
            dates.append(
                (int(more.group("year")), int(more.group("month")), int(more.group("day")))
            )
            position = more.end()
        try:
            stated.append((max(date(*each) for each in dates), found.start(), position))
        except ValueError:
            continue
    return stated
