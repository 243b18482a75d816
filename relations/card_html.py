"""The lists' cards written in Python, not rendered through an ``{% include %}`` each.

A list page shows 20 cards, each an ``{% include ... only %}`` of a template of 5 to 10
variables and filters: a new context, a template lookup and a node walk per card, the
largest part of a list's rendering at 100,000 events (issue #20). These functions write the
same HTML, byte for byte, as ``templates/includes/<kind>_card.html`` (which stays, for the
pages that still include it, and as the reference: tests/test_card_html.py renders both for
every entry of the seed and for hostile content, in the three languages). Change a card
template and its function together; the test says when they differ.

Every value goes through ``conditional_escape`` as ``{{ value }}`` does (a SafeString, such
as the Markdown filter's output, is left as it is).
"""

from django.template.defaultfilters import capfirst, linebreaksbr, truncatewords_html
from django.utils.html import conditional_escape as esc
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, pgettext

from .markup import render_markdown, safe_url
from .reversing import slug_url
from .templatetags.site_tags import machine_date


def markdown(text):
    # As the ``markdown`` filter: nh3 has cleaned the HTML.
    return mark_safe(render_markdown(text))


_labels = {}


def display(entry, name):
    """``entry.get_<name>_display()``, which builds a dict of every choice (translating each
    label to hash it) on every call: here, one dict per model, field and language."""
    key = (entry._meta.label, name, get_language())
    labels = _labels.get(key)
    if labels is None:
        field = entry._meta.get_field(name)
        labels = _labels[key] = {value: str(label) for value, label in field.flatchoices}
    value = getattr(entry, name)
    return labels.get(value, value)


def event_card(event):
    """includes/event_card.html."""
    place = f" · {esc(event.place)}" if event.place else ""
    summary = esc(markdown(event.summary)) if event.summary else ""
    return (
        f'<article class="card">\n'
        f'  <p class="meta"><time datetime="{esc(machine_date(event))}">'
        f"{esc(capfirst(event.when))}</time> · {esc(display(event, 'category'))}{place}</p>\n"
        f'  <h3><a href="{esc(event.get_absolute_url())}">{esc(event.title)}</a></h3>\n'
        f"  {summary}\n"
        f"</article>\n"
    )


def agreement_card(agreement):
    """includes/agreement_card.html."""
    place = f" · {esc(agreement.place)}" if agreement.place else ""
    summary = esc(markdown(agreement.summary)) if agreement.summary else ""
    return (
        f'<article class="card">\n'
        f'  <p class="meta"><time datetime="{esc(machine_date(agreement))}">'
        f"{esc(capfirst(agreement.when))}</time> · {esc(display(agreement, 'kind'))}{place}"
        f' · <span class="status status-{esc(agreement.status)}">'
        f"{esc(agreement.status_display)}</span></p>\n"
        f'  <h3><a href="{esc(agreement.get_absolute_url())}">{esc(agreement.title)}</a></h3>\n'
        f"  {summary}\n"
        f"</article>\n"
    )


def visit_card(visit):
    """includes/visit_card.html."""
    place = f" ({esc(visit.place)})" if visit.place else ""
    role = visit.role_held
    role = f", {esc(role)}" if role else ""
    return (
        f'<article class="card">\n'
        f'  <p class="meta"><time datetime="{esc(machine_date(visit))}">'
        f"{esc(capfirst(visit.when))}</time> · {esc(display(visit, 'level'))} · "
        f"{esc(visit.origin_country.name)} → {esc(visit.host_country.name)}{place}</p>\n"
        f'  <h3><a href="{esc(visit.get_absolute_url())}">{esc(visit.title)}</a></h3>\n'
        f"  <p>{esc(visit.person.name)}{role}</p>\n"
        f"</article>\n"
    )


def translated(message, values, context=None):
    """``{% blocktranslate %}``: the translation with the values (escaped) put in, or the
    English text where a translation cannot take them."""
    text = pgettext(context, message) if context else gettext(message)
    try:
        return text % values
    except (KeyError, ValueError):
        return message % values


def contacts(office):
    """includes/contacts.html: one line per kind of contact, blank when there is none."""
    slots = [
        office.address
        and f"<dt>{esc(gettext('Address'))}</dt><dd>{esc(linebreaksbr(office.address))}</dd>",
        office.phone
        and f"<dt>{esc(gettext('Phone'))}</dt>"
        f'<dd><a href="{esc(office.phone_uri)}">{esc(office.phone)}</a></dd>',
        office.fax
        and f"<dt>{esc(gettext('Fax'))}</dt>"
        f'<dd><a href="{esc(office.fax_uri)}">{esc(office.fax)}</a></dd>',
        office.email
        and f"<dt>{esc(gettext('E-mail'))}</dt>"
        f'<dd><a href="mailto:{esc(office.email)}">{esc(office.email)}</a></dd>',
        office.website
        and f"<dt>{esc(gettext('Website'))}</dt>"
        f'<dd><a href="{esc(safe_url(office.website))}" rel="noopener">'
        f"{esc(office.website)}</a></dd>",
    ]
    lines = "".join(f"  {slot or ''}\n" for slot in slots)
    save = translated("Save the contacts of %(name)s (vCard)", {"name": esc(office.name)})
    vcard = esc(slug_url("relations:office-vcard", office.slug))
    return (
        f'<dl class="contacts">\n{lines}</dl>\n'
        f'<p class="vcard-link"><a href="{vcard}" type="text/vcard">{save}</a></p>\n'
    )


def office_card(office):
    """includes/office_card.html."""
    city = f"{esc(office.city)}, " if office.city else ""
    return (
        f'<article class="card">\n'
        f'  <h3><a href="{esc(office.get_absolute_url())}">{esc(office.name)}</a></h3>\n'
        f'  <p class="meta">{city}{esc(office.country.name)}</p>\n'
        f"  {contacts(office)}\n"
        f"</article>\n"
    )


def organisation_card(organisation):
    """includes/organisation_card.html."""
    founded = ""
    if organisation.founded:
        since = {"date": esc(organisation.founded_display)}
        founded = f" · {translated('since %(date)s', since, context='founded')}"
    description = ""
    if organisation.description:
        description = esc(truncatewords_html(markdown(organisation.description), 40))
    return (
        f'<article class="card">\n'
        f'  <h3><a href="{esc(organisation.get_absolute_url())}">{esc(organisation.name)}</a>'
        f"</h3>\n"
        f'  <p class="meta">{esc(display(organisation, "kind"))}{founded}</p>\n'
        f"  {description}\n"
        f"</article>\n"
    )
