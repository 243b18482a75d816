from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from relations.health import healthz, ping

admin.site.site_header = _("Cooperation site administration")
admin.site.site_title = _("Cooperation site admin")
admin.site.index_title = _("Content")

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("ping", ping, name="ping"),
]

# Every visitor page carries its language: /en/..., /ru/..., /tr/....
# A bare / is sent to the language the browser asks for (English otherwise).
urlpatterns += i18n_patterns(path("", include("relations.urls")))
