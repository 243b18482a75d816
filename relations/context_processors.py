from django.conf import settings
from django.utils.translation import gettext as _


def site(request):
    # No database access here: the 500 page renders with this too.
    return {"site_name": settings.SITE_NAME or _("Bilateral Cooperation")}
