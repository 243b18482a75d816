from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemaps
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _

from relations.api import api, not_found
from relations.health import healthz, ping
from relations.sitemaps import SITEMAPS
from relations.views import robots_txt

admin.site.site_header = _("Cooperation site administration")
admin.site.site_title = _("Cooperation site admin")
admin.site.index_title = _("Content")

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("api/", api.urls),
    # Any other address under /api/ ending in a slash: a JSON 404 (one without the slash is
    # first sent to it, or to the API address it lacks a slash for, by APPEND_SLASH).
    re_path(r"^api/(?P<rest>.*/)$", not_found, name="api-not-found"),
    # An index of one sitemap per kind, each in pages of at most 5,000 addresses: the
    # protocol allows 50,000 per file, and 100,000 events in three languages are 300,000.
    path(
        "sitemap.xml",
        sitemaps.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<slug:section>.xml",
        sitemaps.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path("robots.txt", robots_txt, name="robots-txt"),
    path("ping", ping, name="ping"),
]

# Every visitor page carries its language: /en/..., /ru/..., /tr/....
# A bare / is sent to the language the browser asks for (English otherwise).
urlpatterns += i18n_patterns(path("", include("relations.urls")))
