"""What editors write, made safe for visitors.

Editors write Markdown (plain text with blank lines between paragraphs is
Markdown too). The HTML it gives is cleaned by nh3, a sanitiser built on the
Rust library ammonia, down to a short list of tags and attributes: whatever an
editor (or a stolen editor account) types, no script, event handler, style or
``javascript:``/``data:`` address reaches a visitor's browser.
"""

import threading
from urllib.parse import urlsplit

import markdown as markdown_lib
import nh3

ALLOWED_TAGS = {
    "p",
    "a",
    "em",
    "strong",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "h3",
    "h4",
    "br",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
LINK_REL = "noopener noreferrer"


# Building a Markdown converter costs more than converting a card's summary with it, so
# each thread keeps one and resets it between texts.
_converters = threading.local()


def converter():
    if not hasattr(_converters, "markdown"):
        _converters.markdown = markdown_lib.Markdown(extensions=["nl2br", "sane_lists"])
    return _converters.markdown.reset()


def render_markdown(text):
    """Markdown to sanitised HTML; a single line break stays a line break, as before."""
    html = converter().convert(text or "")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
    )


def safe_url(url):
    """``url`` if it is an http(s), mailto or tel address, else ''."""
    url = (url or "").strip()
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return ""
    return url if scheme in URL_SCHEMES else ""
