from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from relations.api import api
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
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots-txt"),
    path("ping", ping, name="ping"),
]

# Every visitor page carries its language: /en/..., /ru/..., /tr/....
# A bare / is sent to the language the browser asks for (English otherwise).
urlpatterns += i18n_patterns(path("", include("relations.urls")))
