from django.conf import settings
from django.utils.translation import gettext as _


def site_name():
    """The site's name as the pages and the feeds give it."""
    return settings.SITE_NAME or _("Bilateral Cooperation")


def site_publisher():
    """Who publishes the site, as the home and About pages say it (SITE_PUBLISHER)."""
    return settings.SITE_PUBLISHER or _("its editorial team")


def site(request):
    # No database access here: the 500 page renders with this too.
    return {"site_name": site_name(), "site_publisher": site_publisher()}
