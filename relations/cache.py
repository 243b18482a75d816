"""Whole pages for visitors, served from Django's cache and emptied by any editor change.

Every page is stored under a key that contains the site's *generation*, a random token kept in
the cache. Any save, delete or many-to-many change of a relations model (the admin, a fixture
load, a shell) draws a new token, so every page stored before is never read again and simply
expires. No list of pages to purge is kept, and a lost token (eviction, restart) only means a
fresh one: the cache can never serve a page from before a change. With REDIS_URL set, all
workers and machines share the token and the pages.

Only anonymous GET and HEAD requests are served from the cache: a signed-in session (an
editor) always reaches the view, and a response that sets a cookie, is not a 200, or says
private/no-store is never stored. Nothing a visitor makes up buys a fresh rendering: a
session cookie that names no session is dropped (one lookup by primary key), and on pages
that declare their query parameters (lists, details, timeline, search) the others are
dropped, empty ones too, before the view and the cache key see them.
Browsers are told to revalidate every time (ETag, from ConditionalGetMiddleware), so they
never keep a stale page either.

The same pages may be shared by an HTTP cache in front (Varnish, a CDN; docs/production.md).
A stored page says "Cache-Control: public, max-age=BROWSER_CACHE_SECONDS,
s-maxage=SHARED_CACHE_SECONDS" (never past the next scheduled publication) and names, in a
Surrogate-Key header, every entry it loaded ("event-12") and every kind it lists
("event-list"). When an entry is saved or deleted, the keys of the pages it is or may
become part of are banned at every VARNISH_URLS after commit: its own key, its kind's
list, and the entries it is linked to (and, through link rows such as an agreement's
signatures, theirs). Pages for signed-in users say "private, no-store".
"""

import logging
import urllib.error
import urllib.request
import uuid
from contextlib import contextmanager
from contextvars import ContextVar

from django.apps import apps
from django.conf import settings
from django.core import checks
from django.core.cache import cache
from django.db import transaction
from django.http import QueryDict
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import get_cache_key, learn_cache_key, patch_cache_control

from .history import is_history_record

GENERATION_KEY = "pages:generation"
logger = logging.getLogger(__name__)


SCHEDULE_FIELDS = ("publish_at", "unpublish_at")


def next_scheduled_publication():
    """The earliest future `publish_at` or `unpublish_at` of any entry, in one query: no page
    may outlive the moment an entry appears or disappears."""
    now = timezone.now()
    moments = [
        model._default_manager.filter(**{f"{field}__gt": now})
        .order_by()
        .values_list(field, flat=True)
        for model in apps.get_app_config("relations").get_models()
        # Entries only: a history record keeps the moment an entry once had, and a
        # rescheduled or deleted entry's old moment would empty the cache for nothing.
        if is_content(model)
        for field in SCHEDULE_FIELDS
        if any(f.name == field for f in model._meta.fields)
    ]
    if not moments:
        return None
    first, *others = moments
    return next(iter(first.union(*others, all=True).order_by("publish_at")[:1]), None)


def invalidate():
    """Draw a new generation, and note when the next scheduled entry goes public."""
    cache.set(GENERATION_KEY, (uuid.uuid4().hex, next_scheduled_publication()), timeout=None)


def note_change(instance):
    """A new generation for a change not yet committed or just made: the next scheduled
    moment kept, or brought forward to ``instance``'s own. Exact for a moment added; one
    removed or moved later leaves an early moment, whose passing recomputes it
    (``generation``). No query: the full ``invalidate`` runs after commit. (It ran on every
    save, many-to-many step and inline row: about 10 ms each, most of an admin save.)"""
    current = cache.get(GENERATION_KEY)
    moment = current[1] if current else None
    now = timezone.now()
    for field in SCHEDULE_FIELDS:
        value = getattr(instance, field, None)
        if value is not None and value > now and (moment is None or value < moment):
            moment = value
    cache.set(GENERATION_KEY, (uuid.uuid4().hex, moment), timeout=None)


def generation():
    """The current (token, next scheduled publication); no database query unless that
    publication has just come due."""
    current = cache.get(GENERATION_KEY)
    if current is None:
        # Lost to a restart or an eviction: a fresh token all the same. The schedule is then
        # unknown until the next change, so a scheduled entry may show up to
        # PAGE_CACHE_SECONDS late (README, "Production").
        cache.add(GENERATION_KEY, (uuid.uuid4().hex, None), timeout=None)
        current = cache.get(GENERATION_KEY)
    _, moment = current
    if moment is not None and moment <= timezone.now():
        invalidate()
        return cache.get(GENERATION_KEY)
    return current


# Set while many objects are saved at once (a fixture load): one new generation at the end.
_batched = ContextVar("page_cache_batched", default=False)


@contextmanager
def one_invalidation():
    """Saves inside the block draw a single new generation when it ends, not one each."""
    token = _batched.set(True)
    try:
        yield
    finally:
        _batched.reset(token)
        invalidate()
        transaction.on_commit(invalidate)
        queue_purge({ALL_KEY})


def is_content(model):
    """A model of the relations app whose rows pages show; not a history record (its entry's
    own save already counts) nor an automatic many-to-many table (m2m_changed names it)."""
    return (
        model._meta.app_label == "relations"
        and not is_history_record(model)
        and not model._meta.auto_created
    )


def content_changed(sender, action=None, **kwargs):
    """Receiver of post_save, post_delete and m2m_changed for every model.

    A new generation now (``note_change``), for this transaction's own later reads, and a
    full one after commit, since a page rendered by another worker meanwhile saw the old
    rows and must not outlive the commit. Only an entry's own rows count: its history
    records and the "pre_" steps of a many-to-many change add nothing, and one invalidation
    after commit serves the whole transaction. (A fixture load spent most of its queries here: each
    save, each history record and each many-to-many step drew two.)
    """
    if action is not None:  # m2m_changed: the sender is the through table
        if not action.startswith("post_"):
            return
        sender = kwargs["instance"].__class__
    if not is_content(sender) or _batched.get():
        return
    note_change(kwargs["instance"])
    connection = transaction.get_connection()
    # Django drops a transaction's on-commit callbacks when it (or the savepoint that
    # registered them) rolls back, so this finds only a pending invalidation of this one.
    pending = any(entry[1] is invalidate for entry in connection.run_on_commit)
    if connection.in_atomic_block and not pending:
        transaction.on_commit(invalidate)


# ---------------------------------------------------------------------------
# Surrogate keys: what a shared cache in front may keep, and what to ban when content changes.

SURROGATE_KEY_HEADER = "Surrogate-Key"
# Carried by every shared page: banned after a fixture load, which changes anything.
ALL_KEY = "all"
# Carried by pages that do not say which kinds they list (feeds, sitemap, calendar):
# banned on every change.
SITE_KEY = "site"
# Keys per PURGE request, to stay far below Varnish's 8 KB request header limit.
KEYS_PER_PURGE = 200

# The keys of the entries loaded while the current page renders; None outside one.
_shown = ContextVar("surrogate_keys_shown", default=None)


def entry_key(model, pk):
    return f"{model._meta.model_name}-{pk}"


def list_key(model_name):
    return f"{model_name}-list"


SCHEDULE_STATE = ("publication", *SCHEDULE_FIELDS)


def is_hidden(instance):
    """An entry visitors may not see (a draft, not yet due, withdrawn), judged on the
    columns already loaded, without a query: a related draft read with its published
    entry (an office's organisation) is not shown, so its key is not the page's either.
    Publishing it bans the pages of the entries it is linked to (``changed_keys``)."""
    loaded = instance.__dict__
    return all(name in loaded for name in SCHEDULE_STATE) and not instance.is_public


def entry_loaded(sender, instance, **kwargs):
    """Receiver of post_init for the content models: the page being rendered shows it."""
    keys = _shown.get()
    if keys is not None and instance.pk is not None and not is_hidden(instance):
        keys.add(entry_key(sender, instance.pk))


def page_lists(request):
    """The kinds this page lists: a view's ``surrogate_lists``, or its filter's model; None
    when the view does not say."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        return None
    view = getattr(match.func, "view_class", match.func)
    lists = getattr(view, "surrogate_lists", None)
    if lists is None and getattr(view, "filterset_class", None) is not None:
        lists = (view.filterset_class._meta.model._meta.model_name,)
    return lists


def page_keys(request, shown):
    lists = page_lists(request)
    names = [SITE_KEY] if lists is None else [list_key(name) for name in lists]
    return " ".join(sorted({ALL_KEY, *names, *shown}))


def shared_seconds(moment):
    """s-maxage for a page stored now: never past the next scheduled publication."""
    if moment is None:
        return settings.SHARED_CACHE_SECONDS
    seconds_left = int((moment - timezone.now()).total_seconds())
    return max(0, min(settings.SHARED_CACHE_SECONDS, seconds_left))


def mark_shared(response, moment):
    """Cache-Control for a page any visitor may be given, by a browser or a shared cache."""
    seconds = shared_seconds(moment) if SURROGATE_KEY_HEADER in response else 0
    if seconds > 0:
        patch_cache_control(
            response, public=True, max_age=settings.BROWSER_CACHE_SECONDS, s_maxage=seconds
        )
    else:
        # No shared cache wanted (or the page expires now): browsers revalidate every time.
        response.headers.pop(SURROGATE_KEY_HEADER, None)
        patch_cache_control(response, no_cache=True)


def _is_publishable(model):
    from .models import Publishable

    return issubclass(model, Publishable)


def _link_targets(model, pks, exclude):
    """Keys of what link rows (an agreement's signatures, a person's roles) point to."""
    fields = [
        field
        for field in model._meta.concrete_fields
        if field.many_to_one and is_content(field.related_model)
    ]
    keys = set()
    if len(fields) < 2 or hasattr(model, "get_absolute_url"):
        return keys  # an entity of its own (a country, a person), not a link between two
    rows = model._base_manager.filter(pk__in=pks).values_list(*(f.attname for f in fields))
    for row in rows:
        for field, pk in zip(fields, row, strict=True):
            key = entry_key(field.related_model, pk)
            if pk is not None and key != exclude:
                keys.add(key)
    return keys


def changed_keys(instance, deleted=False):
    """The keys of every page that shows ``instance`` or may show it after this change.

    Its own key and its kind's list; the entries its foreign keys name (no query); and,
    for an entry that can be published or unpublished, every entry it is linked to in
    either direction, since their pages list it only while it is public. A link row
    without a page of its own (a signature, a role) leads one step further, to what it
    links: publishing an agreement changes the page of the person who signed it.
    """
    model = type(instance)
    own = entry_key(model, instance.pk)
    keys = {own, list_key(model._meta.model_name), SITE_KEY}
    for field in model._meta.concrete_fields:
        if field.many_to_one and is_content(field.related_model):
            pk = getattr(instance, field.attname)
            if pk is not None:
                keys.add(entry_key(field.related_model, pk))
    if deleted or not _is_publishable(model):
        return keys
    for field in model._meta.get_fields():
        related = field.related_model
        if not field.is_relation or related is None or not is_content(related):
            continue
        if field.concrete and field.many_to_many:
            pks = getattr(instance, field.name).values_list("pk", flat=True)
        elif not field.concrete and field.auto_created:  # a relation from another model
            pks = related._base_manager.filter(**{field.field.name: instance.pk}).values_list(
                "pk", flat=True
            )
        else:
            continue
        pks = list(pks)
        keys.update(entry_key(related, pk) for pk in pks)
        if pks and not _is_publishable(related):
            keys |= _link_targets(related, pks, exclude=own)
    return keys


class PurgeBatch:
    """The keys one transaction changed, banned once after it commits."""

    def __init__(self):
        self.keys = set()

    def __call__(self):
        purge(self.keys)


def queue_purge(keys):
    """Ban ``keys`` at every VARNISH_URLS once the current transaction commits (now, if
    there is none); a rolled-back transaction bans nothing."""
    if not settings.VARNISH_URLS:
        return
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        purge(keys)
        return
    # One batch per savepoint: a savepoint rolled back takes its own keys along.
    savepoints = set(connection.savepoint_ids)
    batch = next(
        (
            func
            for sids, func, *_ in connection.run_on_commit
            if isinstance(func, PurgeBatch) and sids == savepoints
        ),
        None,
    )
    if batch is None:
        batch = PurgeBatch()
        transaction.on_commit(batch)
    batch.keys |= set(keys)


def purge(keys):
    """Send the keys as PURGE requests; a shared cache that does not answer is logged and
    skipped (its pages then live at most SHARED_CACHE_SECONDS), never an editor's error."""
    keys = sorted(keys)
    for url in settings.VARNISH_URLS:
        for start in range(0, len(keys), KEYS_PER_PURGE):
            chunk = " ".join(keys[start : start + KEYS_PER_PURGE])
            request = urllib.request.Request(
                url, method="PURGE", headers={SURROGATE_KEY_HEADER: chunk}
            )
            try:
                with urllib.request.urlopen(request, timeout=settings.PURGE_TIMEOUT) as answer:
                    answer.read()
            except (OSError, urllib.error.HTTPError) as error:
                logger.error("Purge of %s at %s failed: %s", chunk, url, error)
                break


def content_saved(sender, instance, **kwargs):
    """Receiver of post_save: ban the pages this entry is or may become part of."""
    if settings.VARNISH_URLS and is_content(sender) and not _batched.get():
        queue_purge(changed_keys(instance))


def content_deleted(sender, instance, **kwargs):
    if settings.VARNISH_URLS and is_content(sender) and not _batched.get():
        queue_purge(changed_keys(instance, deleted=True))


def links_changed(sender, instance, action, model, pk_set, **kwargs):
    """Receiver of m2m_changed: both ends' pages, and those of the entries unlinked."""
    if not settings.VARNISH_URLS or _batched.get() or not is_content(type(instance)):
        return
    if action == "pre_clear":
        # Who is linked now, before the links go (post_clear names nobody).
        pk_set = set(_linked(instance, sender).values_list("pk", flat=True))
    elif not action.startswith("post_") or action == "post_clear":
        return
    keys = {entry_key(type(instance), instance.pk), SITE_KEY}
    keys.update(entry_key(model, pk) for pk in pk_set or ())
    queue_purge(keys)


def _linked(instance, through):
    """The manager of ``instance``'s many-to-many relation kept in the table ``through``."""
    for relation in type(instance)._meta.get_fields():
        if not relation.many_to_many:
            continue
        table = relation.remote_field.through if relation.concrete else relation.through
        if table is through:
            name = relation.name if relation.concrete else relation.get_accessor_name()
            return getattr(instance, name)
    raise LookupError(through)


def page_timeout(moment):
    """PAGE_CACHE_SECONDS, or less when a scheduled entry becomes visible sooner."""
    if moment is None:
        return settings.PAGE_CACHE_SECONDS
    seconds_left = int((moment - timezone.now()).total_seconds())
    return min(settings.PAGE_CACHE_SECONDS, seconds_left)


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
    """True for an anonymous GET or HEAD; a made-up session cookie is forgotten on the way.

    Runs after AuthenticationMiddleware. A cookie naming no session (or an empty one) is
    removed together with the session it loaded, so the view neither marks the response
    "Vary: Cookie" nor deletes the cookie, and the page may be stored and served to all.
    """
    if settings.PAGE_CACHE_SECONDS <= 0 or request.method not in {"GET", "HEAD"}:
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        if request.user.is_authenticated or not request.session.is_empty():
            return False
        del request.COOKIES[settings.SESSION_COOKIE_NAME]
        request.session = request.session.__class__()
    return True


def query_parameters(request):
    """The query parameter names the page at this path reads, or None if it does not say.

    A view declares them with ``query_parameters``; a list's filters count as well.
    """
    try:
        view = resolve(request.path_info).func
    except Resolver404:
        return None
    view_class = getattr(view, "view_class", None)
    names = getattr(view_class, "query_parameters", None)
    if names is None:
        return None
    filterset_class = getattr(view_class, "filterset_class", None)
    return set(names) | set(filterset_class.base_filters if filterset_class else ())


def normalise_query(request):
    """Keep only the parameters the page reads, with a value, in the order given: so made-up
    parameters cannot each buy a fresh rendering. (The values a page reads still can, at the
    cost of a filtered query each; the order is kept because links echo it back.)"""
    names = query_parameters(request)
    if names is None:
        return
    kept = [
        (name, value)
        for name, values in request.GET.lists()
        if name in names
        for value in values
        if value
    ]
    query = QueryDict(mutable=True)
    for name, value in kept:
        query.appendlist(name, value)
    encoded = query.urlencode()
    if encoded != request.META.get("QUERY_STRING", ""):
        request.META["QUERY_STRING"] = encoded
        request.GET = QueryDict(encoded)


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
        normalise_query(request)
        try:
            token, moment = generation()
            key = get_cache_key(request, f"pages:{token}", "GET", cache=cache)
            response = cache.get(key) if key else None
        except Exception:
            # The cache only saves work: when its server is down, pages are rendered afresh.
            logger.exception("Page cache unavailable; serving %s uncached.", request.path)
            return self.get_response(request)
        if response is not None:
            response["X-Page-Cache"] = "hit"
            if "s-maxage" in response.get("Cache-Control", ""):
                # Counted from now: a page stored earlier must still not outlive the next
                # scheduled publication in a shared cache.
                mark_shared(response, moment)
            return response
        # The generation seen before the view read the database: if an editor saves while
        # the page renders, it is stored under the old generation, which nobody reads again.
        request.page_cache_generation = (token, moment)
        shown = set()
        collecting = _shown.set(shown)
        try:
            response = self.get_response(request)
        finally:
            _shown.reset(collecting)
        request.page_surrogate_keys = page_keys(request, shown)
        return response


class StorePageMiddleware:
    """Early in MIDDLEWARE, outside anything that sets cookies: stores what may be shared."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        token, moment = getattr(request, "page_cache_generation", (None, None))
        if token is not None and request.method == "GET" and may_store(response):
            if settings.SHARED_CACHE_SECONDS > 0 and hasattr(request, "page_surrogate_keys"):
                response[SURROGATE_KEY_HEADER] = request.page_surrogate_keys
            mark_shared(response, moment)
            timeout = page_timeout(moment)
            if timeout > 0:
                try:
                    key = learn_cache_key(request, response, timeout, f"pages:{token}", cache=cache)
                    cache.set(key, response, timeout)
                except Exception:
                    logger.exception("Page cache unavailable; %s not stored.", request.path)
            response["X-Page-Cache"] = "miss"
        elif "Cache-Control" not in response and _is_signed_in(request):
            # An editor's view of a page (drafts, their name) is theirs alone.
            patch_cache_control(response, private=True, no_store=True)
        if request.method not in {"GET", "HEAD"} and _is_editor(request):
            # Bulk admin actions may use QuerySet.update(), which sends no signal. Unlike
            # reads, invalidation may not fail quietly: a save the cache did not hear of
            # would leave stale pages behind once the cache server is back.
            invalidate()
        return response


def _is_signed_in(request):
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated


def _is_editor(request):
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated and user.is_staff
