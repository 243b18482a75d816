"""What editors write, made safe for visitors.

Editors write Markdown (plain text with blank lines between paragraphs is
Markdown too). The HTML it gives is cleaned by nh3, a sanitiser built on the
Rust library ammonia, down to a short list of tags and attributes: whatever an
editor (or a stolen editor account) types, no script, event handler, style or
``javascript:``/``data:`` address reaches a visitor's browser.

Python-Markdown's cost grows faster than the text for some shapes (a 16 KB run of
unclosed brackets took minutes; a list nested 1,500 deep overflowed the stack), so a
text has a ceiling: MAX_LENGTH characters and MAX_DEPTH levels of lists, quotes,
brackets or parentheses. The admin form refuses a text over it with a message;
one that got in another way (an import, a shell) is shown as plain text, not parsed.
"""

import html
import re
import threading
from urllib.parse import urlsplit

import markdown as markdown_lib
import nh3
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

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
MAX_LENGTH = 20_000
MAX_DEPTH = 20
# Fields written in Markdown, with or without a language suffix (body, body_ru).
MARKDOWN_FIELDS = {"summary", "body", "description"}
_LINE_START = re.compile(r"^[ \t>]*", re.MULTILINE)


def deepest_nesting(text):
    """The deepest level of lists or quotes (indentation, ">") and of unclosed brackets."""
    depth = 0
    for prefix in _LINE_START.findall(text):
        depth = max(depth, prefix.count(">") + len(prefix.expandtabs(4).replace(">", "")) // 4)
    for opening, closing in ("[]", "()"):
        level = 0
        for char in text:
            if char == opening:
                level += 1
                depth = max(depth, level)
            elif char == closing and level:
                level -= 1
    return depth


def markdown_problem(text):
    """Why ``text`` is over the ceiling, in words for an editor, or None."""
    if len(text) > MAX_LENGTH:
        return _("This text has %(length)s characters; at most %(limit)s are allowed.") % {
            "length": len(text),
            "limit": MAX_LENGTH,
        }
    if deepest_nesting(text) > MAX_DEPTH:
        return _(
            "Lists, quotes or brackets are nested more than %(limit)s levels deep here; "
            "flatten them."
        ) % {"limit": MAX_DEPTH}
    return None


def validate_markdown(text):
    problem = markdown_problem(text or "")
    if problem:
        raise ValidationError(problem, code="markdown_limit")


# Building a Markdown converter costs more than converting a card's summary with it, so
# each thread keeps one and resets it between texts.
_converters = threading.local()


def converter():
    if not hasattr(_converters, "markdown"):
        _converters.markdown = markdown_lib.Markdown(extensions=["nl2br", "sane_lists"])
    return _converters.markdown.reset()


# Text in which Markdown finds nothing but paragraphs and line breaks, as most summaries
# are: no character that opens or closes an inline element, an escape, an entity or HTML
# anywhere, and no line that could start a block (a list, a heading, a quote, code, a
# rule) or end with a hard break. Such text skips the parser (about 0.1 ms a card); what
# it gives is the parser's HTML exactly (tests/test_plain_markdown.py compares the two).
_INLINE = re.compile(r"[\\`*_\[\]<>&\x00-\x09\x0b-\x1f\x7f]")
_BLOCK_START = re.compile(r"^(?:[^\S\n]|[#=+\-]|\d+[.)])|[^\S\n]$", re.MULTILINE)
_PARAGRAPHS = re.compile(r"\n{2,}")


def plain_paragraphs(text):
    """What Python-Markdown (nl2br) writes for ``text``, or None unless the text is plain."""
    if _INLINE.search(text) or _BLOCK_START.search(text):
        return None
    paragraphs = _PARAGRAPHS.split(text.strip("\n"))
    return "\n".join(
        "<p>{}</p>".format(paragraph.replace("\n", "<br />\n"))
        for paragraph in paragraphs
        if paragraph
    )


def render_markdown(text):
    """Markdown to sanitised HTML; a single line break stays a line break, as before."""
    text = text or ""
    if markdown_problem(text):
        return "<p>{}</p>".format(html.escape(text).replace("\n", "<br>"))
    converted = plain_paragraphs(text)
    return nh3.clean(
        converter().convert(text) if converted is None else converted,
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
