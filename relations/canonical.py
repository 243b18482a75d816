"""One address per page: a query value a page cannot read, or reads under another spelling,
is answered with a redirect to the page's canonical address (issue 16).

Varnish keys its cache on the address, so each new spelling of a value (``?year=abc``,
``?year=01992``, ``?sort=nonsense``, ``?page=x``, a key given twice) was a miss that a worker
rendered in full. Now it is a redirect that costs a worker a form's validation and no
rendering, and that Varnish then keeps (``Cache-Control: public, s-maxage``) like a page: the
same made-up value asked for again is a hit. Values that are valid and already canonical
(whatever the visitor searches for, a year that exists, a page number) are served as before;
what they cost a worker is bounded per visitor address by nginx (deploy/nginx.conf).

What the redirect keeps: every valid value, in canonical form (a whole number without
leading zeros or spaces, text without surrounding spaces and cut to its field's length),
each parameter once (the last value given, the one the page reads), in the order given.
What it drops: a value the form refuses (not a number, out of range, not a choice, an
unknown country) and a page that is not a whole number from 1.
"""

import contextlib
import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode

from . import cache as page_cache

WHOLE_NUMBER = re.compile(r"\s*\+?0*(\d{1,18})\s*")
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def canonical_page(value):
    """'7' for '7', '07' or ' 7 '; 'last' (Django's ListView reads it); None for anything
    else (not a whole number, zero, negative)."""
    if value == "last":
        return value
    match = WHOLE_NUMBER.fullmatch(value)
    if match is None or int(match[1]) == 0:
        return None
    return str(int(match[1]))


def canonical_fields(form, names):
    """{name: canonical value or None} for the form's fields among ``names``, from its
    validation (the form is bound to the request's query)."""
    form.is_valid()
    values = {}
    for name in names:
        field = form.fields.get(name)
        if field is None:
            continue
        raw = form.data.get(name, "")
        if name in form.errors:
            values[name] = None
            if isinstance(field, forms.CharField):
                # Text: without control characters and cut to the field's length (as the
                # search box cuts it), if the field then takes it.
                text = CONTROL.sub("", raw).strip()[: field.max_length].strip()
                with contextlib.suppress(ValidationError):
                    values[name] = field.clean(text) or None
        elif isinstance(field, forms.IntegerField):
            value = form.cleaned_data.get(name)
            values[name] = None if value is None else str(value)
        elif isinstance(field, forms.CharField):
            values[name] = form.cleaned_data.get(name) or None
        else:
            values[name] = raw or None
    return values


def redirect_for(request, canonical):
    """A redirect to the canonical address, or None when the request already asks for it.

    ``canonical`` gives, for the parameters it names, the canonical value or None (drop);
    other parameters are kept as they are (Varnish and the page cache drop the unknown)."""
    given = [(name, value) for name, values in request.GET.lists() for value in values]
    kept, seen = [], set()
    for name, _value in given:
        if name in seen:
            continue
        seen.add(name)
        value = request.GET[name]  # the last value given, the one the page reads
        value = canonical.get(name, value)
        if value:
            kept.append((name, value))
    if kept == given:
        return None
    url = request.path + (f"?{urlencode(kept)}" if kept else "")
    return shared_redirect(url)


def shared_redirect(url):
    """A 302 (a value may become valid later: a country added, a decade filled) that shared
    caches keep as long as a page: it carries the keys every change purges."""
    response = HttpResponseRedirect(url)
    if settings.SHARED_CACHE_SECONDS > 0:
        response[page_cache.SURROGATE_KEY_HEADER] = f"{page_cache.ALL_KEY} {page_cache.SITE_KEY}"
        try:
            _token, moment = page_cache.generation()
        except Exception:  # the cache server is down: not shared, as pages are then
            response.headers.pop(page_cache.SURROGATE_KEY_HEADER)
            patch_cache_control(response, no_cache=True)
            return response
        page_cache.mark_shared(response, moment)
    else:
        patch_cache_control(response, no_cache=True)
    return response
