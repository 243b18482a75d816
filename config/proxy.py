"""The visitor's address, for django-axes's lockout by address.

Behind a load balancer every request comes from the balancer, so the visitor's address is
the last one the balancer appended to X-Forwarded-For. Without a proxy that header is the
visitor's own invention and must be ignored, or anyone could dodge the lockout.
"""

from django.conf import settings


def client_ip(request):
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if settings.BEHIND_PROXY and forwarded:
        return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR")
