from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from relations.health import healthz

admin.site.site_header = "Cooperation site administration"
admin.site.site_title = "Cooperation site admin"
admin.site.index_title = "Content"

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("", include("relations.urls")),
]
