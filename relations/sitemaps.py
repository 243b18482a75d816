"""sitemap.xml: an index of one sitemap per kind, listing every published page in every
language with hreflang alternates, in files of at most ``limit`` addresses."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from . import kinds


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


SITEMAPS = {
    "pages": PagesSitemap,
    **{
        model._meta.model_name: published_sitemap(model)
        for model in (kind.model for kind in kinds.ALL if kind.sitemap)
    },
}
