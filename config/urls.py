from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Cooperation site administration"
admin.site.site_title = "Cooperation site admin"
admin.site.index_title = "Content"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("relations.urls")),
]
