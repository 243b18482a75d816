"""Pages that read like a reference publication (#17): plurals, months, full stops, quotes."""

import re
from html.parser import HTMLParser

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from relations.hub import partner_context
from relations.models import PartnerPage
from relations.sample_pages import sample_pages

LANGUAGES = ("en", "ru", "tr")


class _Text(HTMLParser):
    """The text a reader sees: no scripts, styles or hidden JSON."""

    def __init__(self):
        super().__init__()
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template"):
            self.skip -= 1
        elif tag in ("p", "li", "dd", "dt", "h1", "h2", "h3", "div", "td", "th", "tr"):
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def visible_text(html):
    parser = _Text()
    parser.feed(html)
    return " ".join("".join(parser.parts).split(" "))


def pages(client, language):
    with translation.override(language):
        addresses = list(sample_pages())
    for name, path in addresses:
        if not path.startswith(f"/{language}/"):
            path = f"/{language}{path[3:]}" if path[:4] in ("/en/", "/ru/", "/tr/") else path
        response = client.get(path)
        assert response.status_code == 200, (name, path)
        yield name, path, visible_text(response.content.decode())


# Item 1: counted phrases take the plural form their number asks for.
FIGURES = {
    "en": {1: "1 agreement recorded", 2: "2 agreements recorded", 5: "5 agreements recorded"},
    "ru": {
        1: "1 соглашение в базе данных",
        2: "2 соглашения в базе данных",
        5: "5 соглашений в базе данных",
        11: "11 соглашений в базе данных",
        21: "21 соглашение в базе данных",
        24: "24 соглашения в базе данных",
    },
    "tr": {1: "1 kayıtlı anlaşma", 5: "5 kayıtlı anlaşma"},
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_partner_figures_take_the_plural_of_their_number(seed, language):
    page = PartnerPage.objects.published().first()
    for number, phrase in FIGURES[language].items():
        context = partner_context(page)
        context["figures"] = {"agreements": number, "visits": number, "events": number}
        with translation.override(language):
            html = render_to_string("includes/partner_hub.html", context)
        assert phrase in " ".join(visible_text(html).split()), (language, number)


def test_the_seed_partner_page_counts_in_russian(client, seed):
    page = PartnerPage.objects.published().first()
    with translation.override("ru"):
        path = page.get_absolute_url()
    text = " ".join(visible_text(client.get(path).text).split())
    for wrong in ("соглашения в базе", "визиты в базе", "события в базе"):
        for number in re.findall(rf"(\d+) {wrong}", text):
            assert int(number) % 10 in (2, 3, 4) and int(number) % 100 not in (12, 13, 14)
    assert re.search(r"\d+ (визит|визита|визитов) в базе данных", text)
