"""The importer on the development fixtures (issue 15): key facts, language, negatives, lists.

Each ``tests/fixtures/legacy/dev/<stem>.expected.toml`` is a hand-written
expected draft of a fictional notice (format: ``/work/coord/FIXTURES.md``,
summarised in ``tests/fixtures/legacy/README.md``). For every fixture the
importer was tuned on, the tests compare:

* the key facts (controller name, Y-tunnus, street, postal code, town, e-mail,
  register name) after whitespace normalisation;
* the language: a Swedish notice's texts are in the ``sv`` fields, a Finnish
  one's are not;
* ``none_stated``;
* the number of entries of each list that the expected draft gives.

What the importer does not get right yet is listed below with the expected and
found values, and the tests check that exactly those differences remain: a fix
shows up as a failing test until the table is updated. Fixtures added after
the last tuning are compared too, but a difference there is an expected
failure (``xfail``), not a broken build. The held-out evaluation fixtures
(``eval/``) are never read by tests: ``benchmarks/eval_import.py`` reports
them in aggregate only.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, Final

import pytest

from rekisteri.importer import ImportResult, import_bytes
from rekisteri.importer._evaluate import score_facts

DEV: Final = Path(__file__).resolve().parent / "fixtures" / "legacy" / "dev"
LISTS: Final = (
    "data_subjects",
    "data_categories",
    "purposes",
    "sources",
    "recipients",
    "transfers",
    "retention",
    "security",
)

#: Key facts the importer gets wrong, and why.
KNOWN_FACT_MISSES: Final[dict[str, set[str]]] = {
    # session 10: fresh fixtures by writers who did not know the importer (H38, H39),
    # as round 9 reads them
    # the writer keeps the upper-case name; the importer writes it in title case
    "dev_w10a_12-natbutik-versaler-sv": {"controller"},
    # session 11: the retired held-out rounds (was_eval_*) studied for key facts (T2)
    # the unit after the agency's name on its run-on line is read as part of the name
    "was_eval_30-fiskevardscentralen-sv-agency-pdf": {"controller"},
    # the title line the writer takes for the register's name is read as a title only
    "was_eval_32-hembygdsforbundet-sv-person-registeransvarig": {"name"},
    # session 11: studied for structure (T1); their controller and name misses as read today
    "was_eval_25-kustbygden-sv-pdf-runon": {"controller"},
}

#: none_stated the importer does not reproduce: (expected, found).
KNOWN_NONE_STATED: Final = {
    "14-asunto-osakeyhtio-dash-runs": (["transfers"], []),
    "15-run-together-controller-rights": (["recipients", "transfers"], ["transfers"]),
    "17-valtion-virasto-pl-telefax": (["recipients", "transfers"], ["transfers"]),
    # session 10: fresh fixtures by writers who did not know the importer (H38, H39),
    # as round 9 reads them
    "dev_w10a_02-kampaamo-luotiotsikot": (["recipients", "transfers"], []),
    # "Tietoja ei anneta muille eikä viedä EU/ETA-alueen ulkopuolelle." under the
    # disclosures-and-transfers heading: read as the recipients' denial (A9's K1), the
    # transfers' half not read; the writer left recipients open (two in another section)
    "dev_w10a_04-kiinteistoyhtio-otsikko-ja-arvo": (["transfers"], ["recipients"]),
    "dev_w10a_12-natbutik-versaler-sv": (["transfers"], ["recipients"]),
    "dev_w10a_15-jalkahoitola-versaaliotsikot": (
        ["automated_decisions", "recipients", "transfers"],
        ["automated_decisions", "transfers"],
    ),
    "dev_w10b_02-kaupunki-tilavaraus-glued": (["recipients", "transfers"], ["transfers"]),
    "dev_w10b_03-samkommun-glued-sv": (["recipients", "transfers"], ["transfers"]),
    "dev_w10b_09-kunta-lomake-johdanto": (["recipients", "transfers"], []),
    # session 11: the retired held-out rounds (was_eval_*) studied for key facts (T2)
    "was_eval_30-fiskevardscentralen-sv-agency-pdf": (["transfers"], []),
    "was_eval_32-hembygdsforbundet-sv-person-registeransvarig": (["recipients"], []),
    # session 11: studied for structure (T1)
    "was_eval_03-asunto-oy-unnumbered": (["recipients"], []),
    "was_eval_05-fyrbaken-sv-number-own-line": (["recipients", "transfers"], ["recipients"]),
    "was_eval_24-harrastuspolku-summary-dl": (["recipients", "transfers"], ["transfers"]),
    "was_eval_27-ledvarksforeningen-sv-registers-hardbreaks": (["recipients"], []),
    "was_eval_33-analyysipalvelukeskus-intro-table-form": (
        ["recipients", "transfers"],
        ["transfers"],
    ),
}

#: The fixtures the rules were tuned on (the others are compared as xfail).
TUNED_ON: Final = frozenset(
    {
        "01-hetil-numbered-telefax",
        "02-heading-value-one-line",
        "03-upper-case-webshop-cookies",
        "04-yhdistys-jasenrekisteri",
        "05-kuntayhtyma-table-form",
        "06-registerbeskrivning-sv-one-line",
        "07-gdpr-html-h2-dl-cookies",
        "08-html-two-column-table",
        "09-fill-in-hetil-form",
        "10-dataskyddsbeskrivning-sv-kommun",
        "11-bilingual-fi-en",
        "12-urheiluseura-gdpr",
        "13-hammaslaakari-upper-numbered",
        "14-asunto-osakeyhtio-dash-runs",
        "15-run-together-controller-rights",
        "16-sv-forening-medlemsregister",
        "17-valtion-virasto-pl-telefax",
        "18-bilingual-fi-sv-yhdistys",
        "19-kunta-koulu-sublists",
        "20-aligned-labels-template-leftovers",
        "21-sv-registerhallare-fo-pb",
        "22-merged-headings-nested-bullets",
        "23-sv-webbutik-kakor-lost-numbering",
        "24-joint-controllers-pdf-paste",
        "25-html-bold-inline-entities",
        "26-sukuseura-role-lines-fi-prefix",
        "27-controller-in-sentence-floor-upper-town",
        "28-lost-numbering-toc-two-word-town",
        "29-upper-headings-name-ytunnus-parens",
        "30-bulleted-controller-lines-question-headings",
        "31-register-name-in-block-co-address",
        "32-contact-inside-controller-block-alias",
        "33-salon-body-in-contact-section",
        "34-foundation-registers-list-sublabels",
        "35-sv-gdpr-headings-subsections",
        "36-accounting-statute-line-register-lines",
        "37-html-menu-shy-cookie-table-profiling",
        # third structure round (H7)
        "dev_s3_01-1a-numbering-bare-numbers",
        "dev_s3_02-sv-long-headings-denial",
        "dev_s3_03-label-rows-contact-name-only",
        "dev_s3_04-preamble-question-headings-lead-ins",
        # third contact-block round (H6)
        "dev_c3_01-kunta-lautakunta-run-on-pl",
        "dev_c3_02-sv-myndighet-postadress-namn",
        "dev_c3_03-oy-staircase-at-word-name-sentence",
        "dev_c3_04-toiminimi-empty-labels",
        "dev_c3_05-sv-aland-ab-nedre-ax",
        "dev_c3_06-sv-kontaktperson-for-registeransvarig",
        "dev_c3_07-yhdistys-combined-heading-secretary",
        "dev_c3_08-kaupunki-lautakunta-in-sentence",
        "dev_c3_09-upper-title-owner-register",
        "dev_c3_10-dash-title-name-with-sentence",
        "dev_c3_11-en-no-blank-lines-co-address",
        "dev_c3_12-kaupunki-unit-shopping-centre",
        "dev_c3_13-all-ones-name-taken-for-heading",
        "dev_r4_01-slash-name-contact-ytunnus-purpose-phrases",
        "dev_r4_02-degree-title-indented-block-name-sentence",
        "dev_r5k_01-form-labels-joint-bodies",
        "dev_r5k_02-no-headings-run-on-lines",
        "dev_r5k_03-bullet-headings-register-keepers",
        "dev_r5k_04-combined-name-controller-no-colon",
        "dev_r5k_05-abbreviation-po-box-dpo-mail",
        "dev_r5k_06-stated-controller-own-contact-block",
        "dev_r5s_01-label-headings-lead-ins-about-notice",
        "dev_r6_01-keeper-sentence-bilingual-dash-name",
        "dev_r6_02-english-run-on-data-controller-quoted-alias",
        "dev_r6_03-capital-title-misspelt-label-quoted-service",
        "dev_r6_04-described-keeper-long-register-list",
        "dev_r6_05-trade-names-agent-letters-combined-name-heading",
        "dev_r7k_01-sv-prose-keeper-definite-body-fo-number",
        "dev_r7k_02-en-registrar-name-above-address",
        "dev_r7k_03-en-bilingual-name-dash-one-line-controller",
        "dev_r7k_04-broken-name-line-partitive-register-sentence",
        "dev_r7k_05-sv-body-label-register-sentence",
        "dev_r7k_06-sv-name-label-unknown-listing-name",
        "dev_r7k_07-html-party-header-row-name-br",
        "dev_r7s_01-sv-block-start-headings-full-stop-bitraden",
        "dev_r7s_02-en-one-line-paragraphs-no-blank-lines",
        "dev_r7s_03-fi-genitive-subjects-processors-cookie-prose",
        "dev_r7s_04-html-bold-runs-questions-bare-no",
        "dev_r8k_01-sv-spaced-postal-code-number-range",
        "dev_r8k_02-intro-line-under-who-are-we-slash-trade-name",
        "dev_r8k_03-run-on-contact-line-genitive-body",
        "dev_r8k_04-sv-title-only-register-name",
        "dev_r8k_05-sv-glued-name-heading-service-name",
        "dev_r8k_06-fi-sv-bilingual-title-name-slash-body",
        "dev_r8k_07-code-and-town-on-lines-of-their-own",
        # round 8, heading recall (H26)
        "dev_r8r_01-fi-plain-lone-headings-questions-legal-reference",
        "dev_r8r_02-sv-numbered-one-word-headings-label-clause",
        "dev_r8r_03-en-plain-headings-label-plurals-other-information",
        # round 8, a guessed heading must agree with its section (H25)
        "dev_r8h_01-chrome-intro-guessed-headings",
        # round 8, fields: processors under recipients, people vs data (H27)
        "dev_r8f_01-fi-processors-under-recipients-whose-data-lead-in",
        "dev_r8f_02-sv-bitraden-under-mottagare-registrerade-colon-list",
        # session 10 (round 9): fresh fixtures by writers who did not know the importer
        "dev_w10a_01-saatio-kysymysotsikot",
        "dev_w10a_02-kampaamo-luotiotsikot",
        "dev_w10a_03-energibolag-etiketter-sv",
        "dev_w10a_04-kiinteistoyhtio-otsikko-ja-arvo",
        "dev_w10a_05-stiftelse-fragerubriker-sv",
        "dev_w10a_06-verkkokauppa-luettelo-ja-kappaleet",
        "dev_w10a_07-kaupunki-taulukko",
        "dev_w10a_08-seura-ilman-otsikoita",
        "dev_w10a_09-ohjelmistoyritys-kaksikielinen-fi-en",
        "dev_w10a_10-ambetsverk-numrerad-sv",
        "dev_w10a_11-kylaseura-tasatut-kentat",
        "dev_w10a_12-natbutik-versaler-sv",
        "dev_w10a_13-tiedesaatio-palveluntuottaja",
        "dev_w10a_14-kaupunki-verkkosivusto",
        "dev_w10a_15-jalkahoitola-versaaliotsikot",
        "dev_w10a_16-valmistaja-englanti",
        "dev_w10a_17-myndighet-tjanst-sv",
        "dev_w10a_18-kuntayhtyma-potilasrekisteri",
        "dev_w10a_19-stad-numrerad-lista-sv",
        "dev_w10a_20-liitto-ja-yhtio-kaksi-rekisterinpitajaa",
        "dev_w10a_21-seura-liimatut-otsikot",
        "dev_w10a_22-ministerio-lomakepohja",
        "dev_w10a_23-hierontayritys-toistuva-numero",
        "dev_w10a_24-vuokrataloyhtio-kayntiosoite",
        "dev_w10a_25-landskapsbyra-langa-rubriker-sv",
        "dev_w10a_26-kerho-kaksi-nimi-lohkoa",
        "dev_w10a_27-yksityisyrittaja-tyhjat-kentat",
        "dev_w10a_28-porssiyhtio-osakasrekisteri",
        "dev_w10a_29-kunnankirjasto-kaksikielinen-fi-sv",
        "dev_w10b_01-elainklinikka-label-bullets",
        "dev_w10b_02-kaupunki-tilavaraus-glued",
        "dev_w10b_03-samkommun-glued-sv",
        "dev_w10b_04-toiminimi-labels-prose",
        "dev_w10b_05-forsamling-questions-sv",
        "dev_w10b_06-tiekunta-upper-runon",
        "dev_w10b_07-majoitus-privacy-en",
        "dev_w10b_08-virasto-label-nextline",
        "dev_w10b_09-kunta-lomake-johdanto",
        "dev_w10b_10-verkkokauppa-nested-lists",
        "dev_w10b_11-stiftelse-bare-fo-sv",
        "dev_w10b_12-saatio-indented-numbered",
        "dev_w10b_13-webbutik-split-labels-sv",
        "dev_w10b_14-ratsastuskoulu-sentence-items",
        "dev_w10b_15-terapeutti-upper-lettered",
        "dev_w10b_16-rinnepalvelut-misleading-heading",
        "dev_w10b_17-partiopiiri-grouped-data",
        "dev_w10b_18-virasto-table-joint",
        "dev_w10b_19-kuoroliitto-bilingual-fi-sv",
        "dev_w10b_20-virasto-name-first-long-headings",
        "was_eval_01-kalliokotkat-upper-board",
        "was_eval_08-kuusenkerkka-en-gdpr",
        "was_eval_12-villakerala-breadcrumb-upper",
        "was_eval_13-kaurakaukalo-skipped-number",
        "was_eval_16-tunturikoivu-en-glued-heading",
        "was_eval_17-paddelguiden-sv-crlf",
        "was_eval_30-fiskevardscentralen-sv-agency-pdf",
        "was_eval_32-hembygdsforbundet-sv-person-registeransvarig",
        "was_eval_35-kvarkenkirjasto-fi-sv-indented",
        "was_eval_40-kivijalka-upper-numbered-processor-block",
        # session 11: the retired held-out rounds studied for structure (T1)
        "was_eval_03-asunto-oy-unnumbered",
        "was_eval_05-fyrbaken-sv-number-own-line",
        "was_eval_11-kotiranta-estate-cookies",
        "was_eval_15-skargardsinstitutet-sv-agency",
        "was_eval_21-tuulensuu-en-foundation-subnumbered",
        "was_eval_23-tradgardsforbundet-sv-joint-prose",
        "was_eval_24-harrastuspolku-summary-dl",
        "was_eval_25-kustbygden-sv-pdf-runon",
        "was_eval_26-pikselitori-en-toc-questions",
        "was_eval_27-ledvarksforeningen-sv-registers-hardbreaks",
        "was_eval_31-vainionsaatio-numbered-sentences",
        "was_eval_33-analyysipalvelukeskus-intro-table-form",
        "was_eval_34-hyresratt-sv-nested-numbering",
        "was_eval_38-pihlajanmarja-salon-bare-lines",
        "was_eval_41-kotipiha-word-html-cp1252",
        # session 18: controller, contact people and register name (T14)
        "s18_t14_01-sv-kontaktperson-annan-byra",
        "s18_t14_02-vastaava-yhteinen-osoite",
        "s18_t14_03-tietosuojavastaava-lyhytnimi",
        "s18_t14_04-yhteyshenkilo-firma-titteli",
        "s18_t14_05-otsikko-nimeaa-yhdistyksen-co",
        "s18_t14_06-sv-kontaktuppgifter-grupp-datum",
        "s18_t14_07-pdf-tavutus-pvm-rivi",
        "s18_t14_08-kaksi-rekisteria-otsikko-nimeaa",
        # session 18: recipients, processors and transfers (T13)
        "s18_t13_01-fi-seura-luovutukset-tarkoituksessa",
        "s18_t13_05-sv-bostadsbolag-numrerade-mottagare",
        "s18_t13_07-fi-opisto-kielto-ennen-luovutuksia",
    }
)

#: List entry counts that differ: {list: (expected, found)}. Data subjects are not
#: read yet (the importer files people under data_categories), and lists written as
#: prose or split differently by a person are the rest.
KNOWN_COUNT_DIFFERENCES: Final[dict[str, dict[str, tuple[int, int]]]] = {
    # the lead-in's "asiakkaiden tiedot" gives "Asiakkaat" beside "Verkkokaupan asiakkaat"
    "dev_r8f_01-fi-processors-under-recipients-whose-data-lead-in": {"data_subjects": (4, 5)},
    # "Vårdnadshavare: …" gives "Vårdnadshavare" beside "Vårdnadshavare till minderåriga …"
    "dev_r8f_02-sv-bitraden-under-mottagare-registrerade-colon-list": {"data_subjects": (4, 5)},
    # "för att … och för att …" is one purpose
    "dev_s3_02-sv-long-headings-denial": {"purposes": (2, 1)},
    "01-hetil-numbered-telefax": {"security": (3, 2)},
    "03-upper-case-webshop-cookies": {"recipients": (3, 2)},
    "04-yhdistys-jasenrekisteri": {"data_subjects": (1, 0)},
    "05-kuntayhtyma-table-form": {"data_subjects": (2, 0), "purposes": (4, 2)},
    "06-registerbeskrivning-sv-one-line": {"data_categories": (3, 9), "purposes": (2, 1)},
    "07-gdpr-html-h2-dl-cookies": {
        "data_subjects": (1, 0),
        "retention": (2, 3),
        "security": (2, 1),
        # a transfer's safeguard sentence goes on the transfer before it (A9's K19)
        "transfers": (1, 2),
    },
    "08-html-two-column-table": {"data_subjects": (1, 0), "security": (4, 3)},
    "09-fill-in-hetil-form": {
        "data_categories": (9, 1),
        "data_subjects": (1, 0),
        "purposes": (4, 1),
        "recipients": (3, 2),
        "sources": (3, 1),
    },
    # "deras vårdnadshavare" is filed as a data category;
    # "för att …, för att …" is one purpose, and the two sources one sentence
    "10-dataskyddsbeskrivning-sv-kommun": {
        "data_categories": (6, 7),
        "data_subjects": (2, 1),
        "purposes": (3, 1),
        "retention": (2, 1),
        "security": (3, 2),
        "sources": (2, 1),
    },
    "11-bilingual-fi-en": {
        "data_categories": (5, 8),
        "data_subjects": (1, 0),
        "purposes": (3, 2),
        "retention": (1, 2),
        # the English sentence is read as the data subject too (K43), the same source as
        # the Finnish one's; the employer is read in both languages (F10's V6): two entries
        "sources": (2, 3),
    },
    "12-urheiluseura-gdpr": {
        "data_subjects": (2, 0),
        "sources": (3, 2),
    },
    "13-hammaslaakari-upper-numbered": {"data_subjects": (2, 0)},
    "14-asunto-osakeyhtio-dash-runs": {
        "data_categories": (8, 7),
        "data_subjects": (2, 0),
        "sources": (4, 3),
    },
    "15-run-together-controller-rights": {
        "data_categories": (6, 8),
        "data_subjects": (2, 0),
        "purposes": (4, 3),
    },
    "16-sv-forening-medlemsregister": {"data_subjects": (1, 0), "purposes": (4, 1)},
    "17-valtion-virasto-pl-telefax": {
        "data_categories": (6, 1),
        "retention": (2, 1),
        "security": (2, 1),
    },
    "18-bilingual-fi-sv-yhdistys": {
        "data_categories": (5, 12),
        "data_subjects": (1, 0),
        "sources": (1, 2),
    },
    "19-kunta-koulu-sublists": {"data_subjects": (2, 0), "purposes": (4, 6), "sources": (4, 1)},
    "20-aligned-labels-template-leftovers": {
        "data_subjects": (1, 0),
        "purposes": (3, 1),
    },
    "22-merged-headings-nested-bullets": {
        "data_categories": (5, 7),
        "data_subjects": (1, 0),
        "purposes": (3, 1),
    },
    "23-sv-webbutik-kakor-lost-numbering": {
        "data_subjects": (1, 0),
        "purposes": (4, 1),
        "security": (2, 1),
    },
    "25-html-bold-inline-entities": {"data_subjects": (1, 0), "purposes": (3, 4)},
    # "Jäsenen nimi ja kotipaikka, …": the importer splits the "ja" pair too
    "26-sukuseura-role-lines-fi-prefix": {"data_categories": (6, 7), "data_subjects": (1, 0)},
    "27-controller-in-sentence-floor-upper-town": {"data_subjects": (1, 0)},
    "28-lost-numbering-toc-two-word-town": {"data_subjects": (1, 0)},
    # the legal-basis section's dash items ("Henkilö on tilannut …") become purposes
    "29-upper-headings-name-ytunnus-parens": {"purposes": (3, 7)},
    # one sentence, "…, ja paperiset hoitokortit …", that a person splits in two
    "30-bulleted-controller-lines-question-headings": {"security": (2, 1)},
    # "ajanvaraukset ja niiden peruutukset": the importer splits the "ja" pair
    "33-salon-body-in-contact-section": {"data_categories": (5, 6)},
    # the purposes are the register list's items under "Rekisterit" (kept in the
    # description); the legal-basis sentence becomes one purpose
    "34-foundation-registers-list-sublabels": {"purposes": (2, 1)},
    # "Käsittelemme tietoja X:ään, Y:hyn ja Z:aan": a first-person verb before the
    # list is not read as a lead-in (one purpose named after the sentence's start)
    # "käsitellään X:ään ja Y:hyn", "för att sköta … och fakturera …", "används för att
    # sköta … och skicka …": two purposes in one sentence, read as one
    "dev_c3_02-sv-myndighet-postadress-namn": {"purposes": (2, 1)},
    "dev_c3_05-sv-aland-ab-nedre-ax": {"purposes": (2, 1)},
    "dev_c3_06-sv-kontaktperson-for-registeransvarig": {"purposes": (2, 1)},
    # "Rekisterin käyttötarkoituksena on X" without a heading: the purpose read twice
    "dev_c3_08-kaupunki-lautakunta-in-sentence": {"purposes": (1, 2)},
    # English lines without blank lines or bullets under "Data Content of the Register"
    # are not read as a list; "X, Y and Z" in one sentence is one purpose
    "dev_c3_11-en-no-blank-lines-co-address": {"data_categories": (4, 0), "purposes": (3, 1)},
    # "lainojen ja varausten hoitamiseen": the importer splits the "ja" pair
    # no headings and no blank lines: the bullets after "… tarkoitus on:" stay in the
    # description (round 5 read its key facts only)
    "dev_r5k_02-no-headings-run-on-lines": {"purposes": (3, 0)},
    # session 10: fresh fixtures by writers who did not know the importer (H38, H39),
    # as round 9 reads them
    "dev_w10a_01-saatio-kysymysotsikot": {
        "purposes": (4, 7),
        "recipients": (3, 2),
        "retention": (3, 1),
        "security": (4, 3),
    },
    "dev_w10a_02-kampaamo-luotiotsikot": {
        "data_categories": (7, 8),
        "purposes": (6, 8),
        "retention": (2, 1),
    },
    "dev_w10a_03-energibolag-etiketter-sv": {
        "purposes": (5, 6),
        "recipients": (2, 1),
    },
    "dev_w10a_04-kiinteistoyhtio-otsikko-ja-arvo": {
        "data_categories": (9, 8),
        "purposes": (3, 2),
        "sources": (2, 1),
        # its two recipients are listed under the security heading; the denial is no entry
        "recipients": (2, 0),
        # "Tietoja välitetään … seuraaville:" there leads in to them: no security measure (K3)
        "security": (3, 5),
    },
    "dev_w10a_05-stiftelse-fragerubriker-sv": {
        "data_subjects": (2, 0),
        "data_categories": (8, 10),
        "purposes": (4, 0),
        "recipients": (3, 9),
        "security": (3, 2),
    },
    "dev_w10a_06-verkkokauppa-luettelo-ja-kappaleet": {
        "data_categories": (9, 4),
        "purposes": (5, 9),
        "recipients": (3, 1),
        "security": (4, 2),
    },
    "dev_w10a_07-kaupunki-taulukko": {"purposes": (4, 1), "retention": (2, 1)},
    # the disclosure sentence of qualified data words is read as one (session 17, T12):
    # sources 3 and recipients 1 now right
    "dev_w10a_08-seura-ilman-otsikoita": {
        "data_subjects": (4, 1),
        "retention": (3, 2),
        "security": (3, 1),
        "sources": (3, 4),
    },
    "dev_w10a_09-ohjelmistoyritys-kaksikielinen-fi-en": {
        "data_categories": (5, 10),
        "purposes": (3, 4),
        "sources": (2, 4),
        "recipients": (1, 4),
        "security": (2, 3),
    },
    "dev_w10a_10-ambetsverk-numrerad-sv": {
        "data_categories": (4, 6),
        "purposes": (3, 1),
        "retention": (2, 1),
    },
    "dev_w10a_11-kylaseura-tasatut-kentat": {"data_subjects": (2, 0), "data_categories": (9, 8)},
    "dev_w10a_12-natbutik-versaler-sv": {
        "purposes": (5, 1),
        "recipients": (1, 0),
        "security": (5, 6),
    },
    "dev_w10a_13-tiedesaatio-palveluntuottaja": {
        "data_categories": (9, 11),
        "purposes": (5, 3),
        "sources": (3, 5),
        "retention": (3, 2),
    },
    "dev_w10a_14-kaupunki-verkkosivusto": {
        "data_subjects": (3, 6),
        "purposes": (3, 2),
        "sources": (3, 2),
        "retention": (2, 1),
        "security": (2, 1),
    },
    "dev_w10a_15-jalkahoitola-versaaliotsikot": {
        "data_categories": (9, 1),
        "purposes": (5, 1),
        "security": (2, 3),
    },
    "dev_w10a_16-valmistaja-englanti": {
        "data_subjects": (1, 0),
        "data_categories": (6, 7),
        "purposes": (3, 1),
        "sources": (1, 0),
        "recipients": (2, 1),
        "security": (3, 1),
    },
    "dev_w10a_17-myndighet-tjanst-sv": {
        "data_subjects": (2, 0),
        "data_categories": (7, 5),
        "retention": (3, 1),
    },
    "dev_w10a_18-kuntayhtyma-potilasrekisteri": {
        "data_subjects": (1, 0),
        "data_categories": (3, 10),
        "purposes": (6, 7),
        "recipients": (3, 2),
        "security": (4, 3),
    },
    "dev_w10a_19-stad-numrerad-lista-sv": {"purposes": (3, 1), "recipients": (1, 0)},
    "dev_w10a_20-liitto-ja-yhtio-kaksi-rekisterinpitajaa": {
        "data_subjects": (5, 0),
        "data_categories": (10, 13),
        "purposes": (7, 6),
        "retention": (3, 2),
    },
    "dev_w10a_21-seura-liimatut-otsikot": {
        "data_subjects": (2, 0),
        "data_categories": (10, 9),
        "sources": (3, 2),
        "recipients": (2, 1),
        "retention": (3, 1),
        "security": (3, 2),
    },
    "dev_w10a_22-ministerio-lomakepohja": {
        "data_subjects": (1, 0),
        "data_categories": (7, 1),
        "purposes": (3, 1),
        "retention": (2, 1),
        "security": (2, 1),
    },
    "dev_w10a_23-hierontayritys-toistuva-numero": {"purposes": (6, 7), "retention": (2, 1)},
    "dev_w10a_24-vuokrataloyhtio-kayntiosoite": {
        "data_categories": (10, 9),
        "purposes": (3, 1),
        "recipients": (3, 1),
        "retention": (3, 2),
    },
    # "Överlämning av uppgifter …" is read as the disclosures (session 17, T12): recipients 2
    "dev_w10a_25-landskapsbyra-langa-rubriker-sv": {
        "data_subjects": (1, 2),
        "data_categories": (3, 11),
        "purposes": (4, 1),
        "retention": (3, 2),
    },
    "dev_w10a_26-kerho-kaksi-nimi-lohkoa": {"retention": (1, 0)},
    # two genitives sharing a head are one purpose (session 16, A14's Q22): 12 -> 9
    "dev_w10a_27-yksityisyrittaja-tyhjat-kentat": {"purposes": (6, 9)},
    "dev_w10a_28-porssiyhtio-osakasrekisteri": {
        "data_subjects": (3, 0),
        "purposes": (2, 1),
        "retention": (2, 1),
        "security": (3, 2),
    },
    "dev_w10a_29-kunnankirjasto-kaksikielinen-fi-sv": {
        "data_subjects": (1, 0),
        # the Swedish half's data are read as data too (were retention: "sparas"), round 10
        "data_categories": (11, 21),
        "purposes": (5, 7),
        "retention": (1, 2),
        "security": (2, 4),
    },
    "dev_w10b_01-elainklinikka-label-bullets": {
        "data_subjects": (1, 0),
        "data_categories": (4, 11),
        "purposes": (5, 1),
        # "Tietoja ei anneta klinikan ulkopuolelle." is a denial, not a recipient (K1); the
        # two exceptions after it are one sentence, one recipient
        "recipients": (2, 1),
        "retention": (3, 2),
    },
    "dev_w10b_02-kaupunki-tilavaraus-glued": {
        "data_subjects": (1, 0),
        "data_categories": (8, 10),
        "purposes": (5, 10),  # 11 before session 16's two-genitive purposes (Q22)
    },
    "dev_w10b_03-samkommun-glued-sv": {
        "data_subjects": (2, 0),
        "data_categories": (6, 1),
        "purposes": (6, 1),
        "sources": (3, 2),
        "security": (2, 3),
    },
    "dev_w10b_04-toiminimi-labels-prose": {
        "data_subjects": (1, 0),
        "data_categories": (6, 12),
        "purposes": (4, 1),
        "recipients": (1, 2),
        "retention": (3, 1),
        "security": (2, 5),
    },
    "dev_w10b_05-forsamling-questions-sv": {
        "data_subjects": (1, 0),
        "purposes": (5, 6),
        "retention": (2, 1),
    },
    "dev_w10b_06-tiekunta-upper-runon": {"purposes": (5, 7)},
    "dev_w10b_07-majoitus-privacy-en": {
        "data_subjects": (1, 0),
        # the prose under the data heading's sub-headings is read as categories (round 10);
        # its clauses are notes since round 15
        "data_categories": (3, 18),
        "purposes": (4, 8),
        "sources": (2, 1),
        "retention": (3, 1),
        "security": (2, 1),
    },
    "dev_w10b_08-virasto-label-nextline": {
        "data_subjects": (1, 0),
        "data_categories": (8, 13),
        "purposes": (5, 8),
        "retention": (3, 1),
    },
    "dev_w10b_09-kunta-lomake-johdanto": {
        "data_subjects": (1, 0),
        "data_categories": (4, 5),
        "retention": (2, 1),
        "security": (3, 4),
    },
    "dev_w10b_10-verkkokauppa-nested-lists": {
        "data_subjects": (1, 0),
        "purposes": (6, 2),
        "retention": (2, 3),
        "security": (1, 0),
    },
    "dev_w10b_11-stiftelse-bare-fo-sv": {
        "data_categories": (6, 7),
        "purposes": (5, 6),
        # the expert board reading the applications is not read as a recipient; the third
        # entry was the denial 'I övrigt lämnas uppgifter inte ut.' until F7's Q42 fix
        "recipients": (3, 2),
        "retention": (3, 1),
    },
    "dev_w10b_12-saatio-indented-numbered": {
        "data_subjects": (3, 0),
        "data_categories": (7, 11),
        "purposes": (4, 7),
        "sources": (2, 1),
        "retention": (3, 1),
    },
    "dev_w10b_13-webbutik-split-labels-sv": {
        "data_subjects": (1, 0),
        "data_categories": (4, 15),
        "purposes": (5, 1),
        "sources": (2, 3),
        "security": (2, 3),
    },
    "dev_w10b_14-ratsastuskoulu-sentence-items": {
        "data_subjects": (2, 0),
        # two bulleted items of illatives read one purpose each (session 16, A14's Q8):
        # "- tuntien ja leirien varaamiseen ja ryhmien muodostamiseen", "- laskutukseen ja
        # sarjakorttien seurantaan"; the expected draft keeps each item one purpose
        "purposes": (5, 7),
        "sources": (1, 0),
        # the denial "ei anneta tallin ulkopuolelle" is no recipient (K1); the exceptions
        # after it are one sentence, one recipient
        "recipients": (2, 1),
        "security": (2, 1),
    },
    "dev_w10b_15-terapeutti-upper-lettered": {
        "data_subjects": (1, 0),
        "purposes": (3, 1),
        "sources": (2, 3),
        "recipients": (3, 7),
        "security": (2, 0),
    },
    "dev_w10b_16-rinnepalvelut-misleading-heading": {
        "data_subjects": (2, 0),
        "data_categories": (5, 11),
        "purposes": (6, 0),
    },
    # "Keiden tietoja … ja mitä tietoja" heads the data content (session 17, T12): the
    # groups' lists are data now (were 14 data subjects, 3 data categories)
    "dev_w10b_17-partiopiiri-grouped-data": {
        "data_subjects": (4, 0),
        "data_categories": (12, 17),
        "purposes": (5, 1),
        "sources": (4, 3),
        "retention": (3, 2),
    },
    "dev_w10b_18-virasto-table-joint": {
        "data_subjects": (2, 0),
        "purposes": (3, 2),
        "sources": (4, 3),
        "recipients": (1, 2),
        "retention": (2, 1),
        "security": (1, 2),
    },
    "dev_w10b_19-kuoroliitto-bilingual-fi-sv": {
        "data_subjects": (1, 0),
        "data_categories": (5, 20),
        "retention": (2, 4),
        "security": (2, 3),
    },
    # "4. Keiden tietoja … ja mitä tietoja" heads the data content (session 17, T12): the
    # two lead-ins named as entries are data now (they were the 2 data subjects)
    "dev_w10b_20-virasto-name-first-long-headings": {
        "data_subjects": (2, 0),
        "data_categories": (10, 2),
        "purposes": (2, 4),
        "sources": (1, 0),
        "recipients": (2, 3),
        "retention": (2, 1),
        "security": (2, 1),
    },
    # session 11: the retired held-out rounds (was_eval_*) studied for key facts (T2)
    "was_eval_01-kalliokotkat-upper-board": {
        "data_subjects": (3, 0),
        "data_categories": (6, 14),
        "purposes": (5, 1),
        "retention": (1, 0),
    },
    "was_eval_08-kuusenkerkka-en-gdpr": {
        "data_subjects": (2, 0),
        "purposes": (3, 4),
        "sources": (3, 1),
        "retention": (3, 1),
        "security": (3, 1),
    },
    "was_eval_12-villakerala-breadcrumb-upper": {
        "data_subjects": (3, 0),
        "purposes": (4, 2),
        "recipients": (2, 1),
        "retention": (3, 1),
    },
    "was_eval_13-kaurakaukalo-skipped-number": {
        "data_subjects": (2, 0),
        "data_categories": (6, 7),
        "purposes": (6, 8),
    },
    "was_eval_16-tunturikoivu-en-glued-heading": {
        "data_subjects": (1, 0),
        "purposes": (4, 1),
        "sources": (1, 2),
    },
    "was_eval_17-paddelguiden-sv-crlf": {
        "data_subjects": (1, 0),
        "purposes": (4, 1),
        "sources": (1, 2),
        "retention": (1, 0),
    },
    "was_eval_30-fiskevardscentralen-sv-agency-pdf": {
        "data_subjects": (1, 0),
        "data_categories": (3, 7),
        "purposes": (3, 1),
        # the second source is not read; a page number "3 (6)" had stood in for it
        "sources": (2, 1),
    },
    "was_eval_32-hembygdsforbundet-sv-person-registeransvarig": {
        "data_subjects": (3, 0),
        "purposes": (3, 1),
        "sources": (2, 0),
    },
    "was_eval_35-kvarkenkirjasto-fi-sv-indented": {
        "data_subjects": (1, 0),
        "recipients": (1, 2),
        "security": (2, 4),
    },
    "was_eval_40-kivijalka-upper-numbered-processor-block": {
        "data_subjects": (1, 0),
        "data_categories": (3, 2),
        "purposes": (3, 4),
    },
    # session 11: studied for structure (T1)
    "was_eval_03-asunto-oy-unnumbered": {
        "data_subjects": (2, 0),
        "data_categories": (5, 11),
        "purposes": (6, 5),
        "sources": (2, 3),
    },
    "was_eval_05-fyrbaken-sv-number-own-line": {
        "data_subjects": (1, 0),
        "data_categories": (2, 13),
        "purposes": (2, 1),
        "sources": (2, 1),
        "retention": (1, 0),
    },
    "was_eval_11-kotiranta-estate-cookies": {
        "data_subjects": (3, 5),
        "sources": (3, 2),
    },
    "was_eval_15-skargardsinstitutet-sv-agency": {
        "data_subjects": (2, 0),
        "data_categories": (7, 8),
        "purposes": (3, 2),
    },
    "was_eval_21-tuulensuu-en-foundation-subnumbered": {
        "data_subjects": (4, 0),
        "data_categories": (2, 1),
        "recipients": (2, 1),
        "retention": (2, 1),
    },
    "was_eval_23-tradgardsforbundet-sv-joint-prose": {
        "data_subjects": (1, 0),
        "purposes": (3, 0),
        "sources": (3, 2),
        "recipients": (1, 0),
        "retention": (1, 2),
        "security": (1, 0),
    },
    "was_eval_24-harrastuspolku-summary-dl": {
        "data_subjects": (2, 0),
        "purposes": (2, 3),
        "sources": (2, 0),
    },
    "was_eval_25-kustbygden-sv-pdf-runon": {
        "data_subjects": (1, 0),
        "data_categories": (3, 10),
        "purposes": (4, 0),
        "sources": (4, 2),
        "recipients": (2, 1),
    },
    "was_eval_26-pikselitori-en-toc-questions": {
        "data_subjects": (1, 0),
        "data_categories": (4, 8),
        "sources": (3, 0),
        "retention": (2, 1),
        "security": (2, 1),
    },
    "was_eval_27-ledvarksforeningen-sv-registers-hardbreaks": {
        "data_subjects": (1, 0),
        "data_categories": (3, 0),
        "purposes": (3, 0),
        "sources": (1, 0),
        "retention": (2, 4),
        "security": (1, 0),
    },
    "was_eval_31-vainionsaatio-numbered-sentences": {
        "data_subjects": (1, 0),
        "data_categories": (4, 2),
        "purposes": (3, 1),
        "sources": (2, 0),
        "recipients": (2, 1),
        "retention": (2, 1),
    },
    "was_eval_33-analyysipalvelukeskus-intro-table-form": {
        "data_categories": (4, 1),
        "purposes": (1, 2),
    },
    "was_eval_34-hyresratt-sv-nested-numbering": {
        "data_subjects": (1, 0),
        "purposes": (3, 1),
        "sources": (1, 0),
        "recipients": (2, 0),
    },
    "was_eval_38-pihlajanmarja-salon-bare-lines": {
        "data_subjects": (1, 0),
        "purposes": (2, 4),
        "security": (2, 3),
    },
    "was_eval_41-kotipiha-word-html-cp1252": {
        "data_subjects": (3, 0),
        "data_categories": (7, 5),
        "purposes": (3, 1),
        "retention": (3, 2),
    },
}


def _stems() -> list[str]:
    return sorted(p.name.removesuffix(".expected.toml") for p in DEV.glob("*.expected.toml"))


def _case(stem: str) -> Any:
    marks = []
    if stem not in TUNED_ON:
        # not strict: a new fixture the importer already reads right passes (XPASS)
        marks.append(
            pytest.mark.xfail(reason="fixture added after the importer's last tuning", strict=False)
        )
    return pytest.param(stem, id=stem, marks=marks)


CASES: Final = [_case(stem) for stem in _stems()]
_CACHE: dict[str, tuple[dict[str, Any], ImportResult]] = {}


def load(stem: str) -> tuple[dict[str, Any], ImportResult]:
    if stem not in _CACHE:
        notice = next(p for p in DEV.glob(f"{stem}.*") if p.suffix in {".txt", ".html"})
        expected = tomllib.loads((DEV / f"{stem}.expected.toml").read_text(encoding="utf-8"))
        _CACHE[stem] = (expected, import_bytes(notice.read_bytes(), source_name=notice.name))
    return _CACHE[stem]


pytestmark = pytest.mark.skipif(not DEV.is_dir(), reason="no development fixtures")


@pytest.mark.parametrize("stem", CASES)
def test_key_facts(stem: str) -> None:
    """The key facts are right, except those listed as known misses."""
    expected, result = load(stem)
    facts = score_facts(expected, result.draft)
    assert facts, "the expected draft gives no key fact"
    wrong = {key for key, ok in facts.items() if not ok}
    assert wrong == KNOWN_FACT_MISSES.get(stem, set())


@pytest.mark.parametrize("stem", CASES)
def test_language(stem: str) -> None:
    """A Swedish (English) notice's texts are in the sv (en) fields too: I012 (I016)."""
    expected, result = load(stem)
    languages = expected["fixture"]["language"]
    codes = {finding.code for finding in result.findings}
    draft = result.draft
    texts = [
        draft.name,
        *(c.name for c in draft.data_categories),
        *(p.name for p in draft.purposes),
    ]
    present = [text for text in texts if text is not None]
    assert present
    if languages == ["sv"]:
        assert "I012" in codes
        assert all(text.sv is not None for text in present)
    elif "sv" not in languages:
        assert "I012" not in codes
        assert all(text.sv is None for text in present)
    # an English notice's texts are in the en fields too (I016); a parallel one is no English one
    if languages == ["en"]:
        assert "I016" in codes
        assert all(text.en is not None for text in present)
    elif "en" not in languages:
        assert "I016" not in codes


@pytest.mark.parametrize("stem", CASES)
def test_none_stated(stem: str) -> None:
    """Negative statements set none_stated ("ei luovuteta", "lämnas inte ut")."""
    expected, result = load(stem)
    want = sorted(expected.get("none_stated", []))
    got = sorted(item.value for item in result.draft.none_stated)
    if stem in KNOWN_NONE_STATED:
        assert (want, got) == KNOWN_NONE_STATED[stem]
    else:
        assert got == want


@pytest.mark.parametrize("stem", CASES)
def test_list_counts(stem: str) -> None:
    """Each list has as many entries as the expected draft, except the known differences."""
    expected, result = load(stem)
    differences = {
        name: (len(expected[name]), len(getattr(result.draft, name)))
        for name in LISTS
        if name in expected and len(expected[name]) != len(getattr(result.draft, name))
    }
    assert differences == KNOWN_COUNT_DIFFERENCES.get(stem, {})


@pytest.mark.parametrize("stem", CASES)
def test_nothing_lost_silently(stem: str) -> None:
    """Every non-blank character is mapped or listed unmatched; the shares add up to 1."""
    _, result = load(stem)
    shares = result.shares
    assert abs(sum(shares.values()) - 1) < 1e-9
    listed = sum(len("".join(p.text.split())) for p in result.unmatched)
    total = len("".join(result.text.split()))
    assert shares["unmapped"] == pytest.approx(listed / total, abs=0.02)
