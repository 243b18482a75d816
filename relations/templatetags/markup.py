from django import template
from django.utils.safestring import mark_safe

from relations.markup import render_markdown, safe_url

register = template.Library()


@register.filter
def markdown(text):
    """Editors' Markdown as sanitised HTML (see relations/markup.py)."""
    # Safe to mark: nh3 has removed everything outside the allowed tags and schemes.
    return mark_safe(render_markdown(text))


@register.filter(name="safe_url")
def safe_url_filter(url):
    """An address visitors may follow: http(s), mailto or tel; anything else becomes ''."""
    return safe_url(url)
