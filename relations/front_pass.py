"""The cookie that lets a real signed-in editor past the shared cache in front (Varnish).

Varnish cannot check Django's session, so on its own it could only pass every request that
carries a ``sessionid`` cookie, and anyone can make one up: each made-up cookie would reach
a worker. Instead, at login the site also sets ``signedin``, whose value is a secret
derived from SECRET_KEY (:func:`token`); Varnish reads the same value from a file
(`manage.py front_pass_token`, docs/production.md) and passes only a request that carries
both cookies with the right value. Any other request is answered from the cache like a
visitor's, whatever cookies it carries (deploy/varnish.vcl).

The token is the same for every editor: it grants nothing in Django (the session does
that), only a way past the shared cache to the workers' own page cache. It is HttpOnly,
Secure and SameSite like the session cookie, lives as long as the session, and goes at
logout. Rotating SECRET_KEY rotates it (write the new file, then reload Varnish).
"""

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.dispatch import receiver
from django.utils.crypto import constant_time_compare, salted_hmac

from . import cache

COOKIE_NAME = "signedin"  # deploy/varnish.vcl reads it by this name


def token():
    """64 hex digits; the VCL refuses anything else, so an empty file passes nobody."""
    return salted_hmac(
        "relations.front_pass", "signed-in editor", secret=settings.SECRET_KEY, algorithm="sha256"
    ).hexdigest()


@receiver(user_logged_in)
def _logged_in(sender, request, user, **kwargs):
    if request is not None:
        request.front_pass_change = "set"


@receiver(user_logged_out)
def _logged_out(sender, request, user, **kwargs):
    if request is not None:
        request.front_pass_change = "delete"


def _may_be_shared(request, response):
    """A response the page cache served or may store: never given a Set-Cookie, which
    would keep it out of every cache (a made-up cookie could then buy a rendering)."""
    if response.has_header("X-Page-Cache"):
        return True
    return hasattr(request, "page_cache_generation") and cache.may_store(response)


class FrontPassMiddleware:
    """After AuthenticationMiddleware: sets the cookie at login (and for a session from
    before it existed), deletes it at logout or once the session is gone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        change = getattr(request, "front_pass_change", None)
        has_session = settings.SESSION_COOKIE_NAME in request.COOKIES
        if change is None and (has_session or COOKIE_NAME in request.COOKIES):
            if _may_be_shared(request, response):
                return response
            # The user is loaded already for any request that may not be shared.
            signed_in = request.user.is_authenticated
            if signed_in and not constant_time_compare(
                request.COOKIES.get(COOKIE_NAME, ""), token()
            ):
                change = "set"
            elif not signed_in and COOKIE_NAME in request.COOKIES:
                change = "delete"
        if change == "set":
            session = request.session
            response.set_cookie(
                COOKIE_NAME,
                token(),
                max_age=None if session.get_expire_at_browser_close() else session.get_expiry_age(),
                path="/",
                domain=settings.SESSION_COOKIE_DOMAIN,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite=settings.SESSION_COOKIE_SAMESITE,
            )
        elif change == "delete":
            response.delete_cookie(
                COOKIE_NAME,
                path="/",
                domain=settings.SESSION_COOKIE_DOMAIN,
                samesite=settings.SESSION_COOKIE_SAMESITE,
            )
        return response
