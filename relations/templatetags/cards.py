"""``{% event_card event %}`` and the other cards of relations/card_html.py: the HTML of
``{% include "includes/<kind>_card.html" with <kind>=... only %}``, written in Python."""

from django import template
from django.utils.safestring import mark_safe

from relations import card_html

register = template.Library()

for name in ("event", "agreement", "visit", "office", "organisation"):
    function = getattr(card_html, f"{name}_card")
    register.simple_tag(
        lambda entry, function=function: mark_safe(function(entry)), name=f"{name}_card"
    )
