"""A publication a reader can trust and cite (#17, the items left after session 13).

Agreement statuses say what is known; Russian and Turkish read as their own official
usage; the About page says what the site is and how to cite it; the furniture
(typeface, breadcrumbs, header, footer) is that of a reference site.
"""

import json
import re

import pytest
from django.urls import reverse
from django.utils import translation

from relations.models import Agreement

from .test_reading import visible_text

LANGUAGES = ("en", "ru", "tr")
LATER_STEPS = {
    "en": "Signed (later steps not recorded)",
    "ru": "Подписано (дальнейшие шаги не отмечены)",
    "tr": "İmzalandı (sonraki adımlar kayıtlı değil)",
}


def get(client, name, language, **kwargs):
    with translation.override(language):
        path = reverse(name, kwargs=kwargs or None)
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def text_of(html):
    return " ".join(visible_text(html).split())


# Item 1: "Signed" alone, where nothing later is recorded, reads as if nothing followed.


def statuses(html):
    """The text of every status shown beside an agreement."""
    return [
        " ".join(visible_text(span).split())
        for span in re.findall(r'<span class="status[ "][^>]*>(.*?)</span>', html, re.S)
    ]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "name, kwargs",
    [
        ("relations:home", {}),
        ("relations:agreement-list", {}),
        ("relations:partner-detail", {"slug": "turkey"}),
        ("relations:visit-detail", {"slug": "vladimir-putin-state-visit-2004"}),
        ("relations:agreement-detail", {"slug": "treaty-of-brotherhood-1921"}),
    ],
)
def test_every_status_shown_says_later_steps_are_not_recorded(client, seed, language, name, kwargs):
    # Every seed agreement is signed, with nothing later recorded.
    shown = statuses(get(client, name, language, **kwargs))
    assert shown, (language, name)
    assert set(shown) == {LATER_STEPS[language]}, (language, name, shown)


def test_json_ld_does_not_claim_a_signed_agreement_is_not_in_force(client, seed):
    for agreement in Agreement.objects.published():
        html = get(client, "relations:agreement-detail", "en", slug=agreement.slug)
        data = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        assert data, agreement.slug
        assert "legislationLegalForce" not in json.loads(data.group(1)), agreement.slug


# Item 2: "since …" said of a role, a founding and a series are three phrases in Russian
# and Turkish, each with its own context.

SINCE = {
    # (context, language): the phrase around the date
    ("role", "ru"): "дата вступления в должность: 20 ноября 1991 г.",
    ("role", "tr"): "20 Kasım 1991 tarihinden bu yana görevde",
    ("founded", "ru"): "дата создания: май 2001 г.",
    ("founded", "tr"): "kuruluş: Mayıs 2001",
    ("series", "ru"): "первое проведение: 1993",
    ("series", "tr"): "ilk düzenlenme: 1993",
}


@pytest.mark.parametrize("language", ("ru", "tr"))
def test_a_role_held_since_a_date_is_not_a_founding(client, seed, language):
    from relations.models import Person, Role

    person = Person.objects.get(slug="boris-yeltsin")
    Role.objects.create(
        person=person, title="President of the Russian Federation", date="1991-11-20"
    )
    text = text_of(get(client, "relations:person-detail", language, slug=person.slug))
    assert SINCE["role", language] in text
    assert "дата создания" not in text


@pytest.mark.parametrize("language", ("ru", "tr"))
def test_a_founding_and_a_series_say_since_in_their_own_words(client, seed, language):
    text = text_of(get(client, "relations:organisation-list", language))
    assert SINCE["founded", language] in text
    hub = text_of(get(client, "relations:partner-detail", language, slug="turkey"))
    assert SINCE["founded", language] in hub
    series = text_of(get(client, "relations:series-detail", language, slug="idef"))
    assert SINCE["series", language] in series
