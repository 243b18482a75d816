"""sitemap.xml: every published page in every language, with hreflang alternates."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Agreement, Event, EventSeries, Office, Organisation, PartnerPage, Visit


class LanguagesSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class PagesSitemap(LanguagesSitemap):
    changefreq = "weekly"

    def items(self):
        return [
            "relations:home",
            "relations:timeline",
            "relations:event-list",
            "relations:agreement-list",
            "relations:visit-list",
            "relations:organisation-list",
            "relations:office-list",
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


SITEMAPS = {
    "pages": PagesSitemap,
    **{
        model._meta.model_name: published_sitemap(model)
        for model in (PartnerPage, Event, EventSeries, Agreement, Visit, Organisation, Office)
    },
}
