from django.conf import settings
from django.utils.translation import gettext as _


def site_name():
    """The site's name as the pages and the feeds give it."""
    return settings.SITE_NAME or _("Bilateral Cooperation")


def site(request):
    # No database access here: the 500 page renders with this too.
    return {"site_name": site_name()}
