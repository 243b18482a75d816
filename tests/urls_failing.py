"""The site's addresses plus one that fails, to see the 500 page a visitor gets."""

from django.urls import path

from config.urls import urlpatterns as site_urlpatterns


def failing_view(request):
    raise RuntimeError("a bug")


urlpatterns = [path("failing/", failing_view), *site_urlpatterns]
