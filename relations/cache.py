"""Whole pages for visitors, served from Django's cache and emptied by any editor change.

Every page is stored under a key that contains the site's *generation*, a random token kept in
the cache. Any save, delete or many-to-many change of a relations model (the admin, a fixture
load, a shell) draws a new token, so every page stored before is never read again and simply
expires. No list of pages to purge is kept, and a lost token (eviction, restart) only means a
fresh one: the cache can never serve a page from before a change. With REDIS_URL set, all
workers and machines share the token and the pages.

Only anonymous GET and HEAD requests are served from the cache: a request that carries a
session cookie (an editor) always reaches the view, and a response that sets a cookie, is
not a 200, or says private/no-store is never stored. Browsers are told to revalidate
every time (ETag, from ConditionalGetMiddleware), so they never keep a stale page either.
"""

import uuid
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.core import checks
from django.core.cache import cache
from django.db import transaction
from django.db.models import Min
from django.utils import timezone
from django.utils.cache import get_cache_key, learn_cache_key, patch_cache_control

GENERATION_KEY = "pages:generation"


def generation():
    token = cache.get(GENERATION_KEY)
    if token is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        token = cache.get(GENERATION_KEY)
    return token


def invalidate():
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def content_changed(sender, **kwargs):
    """Signal receiver for any model of the relations app."""
    if sender._meta.app_label != "relations":
        return
    # Now, for this transaction's own later reads, and again after commit: a page rendered
    # by another worker between the two saw the old rows and must not outlive the commit.
    invalidate()
    transaction.on_commit(invalidate)


def next_scheduled_publication():
    """The earliest future `publish_at` of any entry: cached pages must not outlive it."""
    now = timezone.now()
    moments = [
        model.objects.filter(publish_at__gt=now).aggregate(next=Min("publish_at"))["next"]
        for model in apps.get_app_config("relations").get_models()
        if any(field.name == "publish_at" for field in model._meta.fields)
    ]
    return min(filter(None, moments), default=None)


def page_timeout(token):
    """PAGE_CACHE_SECONDS, or less when a scheduled entry becomes visible sooner."""
    key = f"pages:{token}:next-publication"
    now = timezone.now()
    moment = cache.get(key)
    if moment is None or (moment and moment <= now):
        moment = next_scheduled_publication() or ""
        cache.set(key, moment, settings.PAGE_CACHE_SECONDS)
    if not moment:
        return settings.PAGE_CACHE_SECONDS
    return min(settings.PAGE_CACHE_SECONDS, int((moment - now) / timedelta(seconds=1)))


@checks.register(checks.Tags.caches, deploy=True)
def check_shared_cache(app_configs, **kwargs):
    backend = settings.CACHES["default"]["BACKEND"]
    if settings.PAGE_CACHE_SECONDS and backend.endswith("LocMemCache"):
        return [
            checks.Warning(
                "Pages are cached in each process's own memory: an editor's change empties "
                "only the cache of the worker that saved it.",
                hint="Set REDIS_URL so every worker and machine shares one cache, "
                "or PAGE_CACHE_SECONDS=0 to turn page caching off.",
                id="relations.W001",
            )
        ]
    return []


def may_use_cache(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in {"GET", "HEAD"}
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def may_store(response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.cookies
        and not response.streaming
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


class ServeCachedPageMiddleware:
    """Last in MIDDLEWARE: answers from the cache when it can, and marks what to store."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not may_use_cache(request):
            return self.get_response(request)
        token = generation()
        key = get_cache_key(request, f"pages:{token}", "GET", cache=cache)
        response = cache.get(key) if key else None
        if response is not None:
            response["X-Page-Cache"] = "hit"
            return response
        # The generation seen before the view read the database: if an editor saves while
        # the page renders, it is stored under the old generation, which nobody reads again.
        request.page_cache_generation = token
        return self.get_response(request)


class StorePageMiddleware:
    """Early in MIDDLEWARE, outside anything that sets cookies: stores what may be shared."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        token = getattr(request, "page_cache_generation", None)
        if token is not None and request.method == "GET" and may_store(response):
            patch_cache_control(response, no_cache=True)
            timeout = page_timeout(token)
            if timeout > 0:
                key = learn_cache_key(request, response, timeout, f"pages:{token}", cache=cache)
                cache.set(key, response, timeout)
            response["X-Page-Cache"] = "miss"
        elif request.method not in {"GET", "HEAD"} and _is_editor(request):
            # Bulk admin actions may use QuerySet.update(), which sends no signal.
            invalidate()
        return response


def _is_editor(request):
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated and user.is_staff
