"""sitemap.xml: an index of one sitemap per kind, listing every published page in every
language with hreflang alternates, in files of at most ``limit`` addresses."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, OuterRef
from django.urls import reverse

from . import kinds
from .models import (
    Agreement,
    AgreementAction,
    CoChair,
    Organisation,
    Person,
    Visit,
)


class LanguagesSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    # Addresses per file (each language's address counts): well under the protocol's 50,000,
    # so that one request renders a bounded page.
    limit = 5_000


class PagesSitemap(LanguagesSitemap):
    changefreq = "weekly"

    def items(self):
        return [
            "relations:home",
            "relations:timeline",
            *(kind.list_url_name for kind in kinds.LISTED.values()),
        ]

    def location(self, item):
        return reverse(item)


class PublishedSitemap(LanguagesSitemap):
    model = None

    def items(self):
        return self.model.objects.published().order_by("pk")

    def lastmod(self, item):
        return item.updated_at


def published_sitemap(model):
    return type(f"{model.__name__}Sitemap", (PublishedSitemap,), {"model": model})


class PersonSitemap(LanguagesSitemap):
    """People have no publication of their own: a person is listed once the site names them
    on something published (a visit, a signature of an agreement, a co-chair of a body), so
    a person entered only for a draft stays out of the sitemap as they stay off the pages."""

    def items(self):
        person = OuterRef("pk")
        visited = Visit.objects.published().filter(person=person)
        signed = AgreementAction.objects.filter(
            signatory=person, agreement__in=Agreement.objects.published()
        )
        chaired = CoChair.objects.filter(person=person, body__in=Organisation.objects.published())
        return Person.objects.filter(Exists(visited) | Exists(signed) | Exists(chaired)).order_by(
            "pk"
        )

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {
    "pages": PagesSitemap,
    **{
        model._meta.model_name: published_sitemap(model)
        for model in (kind.model for kind in kinds.ALL if kind.sitemap)
    },
    "person": PersonSitemap,
}
