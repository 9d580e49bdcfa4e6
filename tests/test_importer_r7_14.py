"""R7-14 (session 15 review): a page's own consent form is no filled-in form."""

from __future__ import annotations

from rekisteri.importer import import_notice

_PAGE = (
    "<h2>Rekisterinpitäjä</h2><p>Koivulan Kahvila Oy, Koivulantie 2, 41800 Korpilahti</p>"
    "<h2>Evästeet</h2><p>Sivustollamme käytetään seuraavia evästeitä.</p><form>"
    "<label><input type='checkbox' checked disabled> Välttämättömät evästeet</label><br>"
    "<label><input type='checkbox'> Analytiikkaevästeet (kävijämäärien seuranta)</label><br>"
    "<label><input type='checkbox'> Markkinointievästeet (mainosten kohdentaminen)</label><br>"
    "<button>Tallenna valinnat</button></form>"
)


def test_the_cookies_a_visitor_may_allow_stay_in_the_cookie_policy() -> None:
    # 7bd845d read the visitor's unticked consent boxes as choices not made: the analytics
    # and marketing cookies left the cookie policy (a model remark only)
    draft = import_notice(_PAGE, html=True).draft
    assert draft.cookie_policy is not None
    assert "Analytiikkaevästeet" in str(draft.cookie_policy)
    assert "Markkinointievästeet" in str(draft.cookie_policy)


def test_a_disabled_box_in_a_form_still_shows_a_choice() -> None:
    page = (
        "<h2>Rekisterinpitäjä</h2><p>Koivikon Kukka Oy</p><h2>Rekisterin tietosisältö</h2>"
        "<form><input type='checkbox' disabled> henkilötunnus<br>"
        "<input type='checkbox' checked disabled> osoite</form>"
    )
    draft = import_notice(page, html=True).draft
    assert not any(category.personal_identity_code for category in draft.data_categories)
