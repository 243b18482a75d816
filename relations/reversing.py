"""An entry's address by its slug: one ``reverse()`` per page type, language and URLconf,
then string formatting (issue #20).

A list of 20 cards reversed 20 to 60 addresses, each walking the URL resolver. The address
of a slug is the address of any other slug with the slug swapped in, so the resolver is
asked once, for a placeholder, and its prefix and suffix are kept. A slug that is not a
plain ASCII slug (which the converter would refuse, or quote) goes through ``reverse()``.
"""

import re

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

_PLACEHOLDER = "slug-placeholder-7f3a"
_PLAIN_SLUG = re.compile(r"[-a-zA-Z0-9_]+\Z")
_parts = {}


def slug_url(viewname, slug):
    """``reverse(viewname, kwargs={"slug": slug})``, without the resolver after the first."""
    if not (isinstance(slug, str) and _PLAIN_SLUG.match(slug)):
        return reverse(viewname, kwargs={"slug": slug})
    key = (viewname, get_language(), get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
    parts = _parts.get(key)
    if parts is None:
        head, found, tail = reverse(viewname, kwargs={"slug": _PLACEHOLDER}).partition(_PLACEHOLDER)
        if not found:  # the slug is not in the address as given: never guess
            return reverse(viewname, kwargs={"slug": slug})
        parts = _parts[key] = (head, tail)
    return f"{parts[0]}{slug}{parts[1]}"
