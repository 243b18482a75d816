"""schema.org JSON-LD for detail pages, and the text of their meta tags.

Dates go out at their precision ("1994-04", "1992"), never as a day nobody
recorded. The JSON is escaped like ``json_script`` does, so it is safe inside a
``<script type="application/ld+json">`` data block (which a CSP allows: it is
data, not script).
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

from .dates import iso_date, iso_end_date
from .markup import safe_url

ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


# schema.org LegalForceStatus members; other statuses (signed, unknown, …) say nothing
# schema.org can express, so the property is left out.
LEGAL_FORCE = {
    "in-force": "https://schema.org/InForce",
    "partially-in-force": "https://schema.org/PartiallyInForce",
    "not-in-force": "https://schema.org/NotInForce",
    "expired": "https://schema.org/NotInForce",
    "terminated": "https://schema.org/NotInForce",
    "superseded": "https://schema.org/NotInForce",
}


def place(name, country):
    address = {"@type": "PostalAddress", "addressCountry": country.iso_code} if country else None
    return {"@type": "Place", "name": name or (country.name if country else ""), "address": address}


def event_data(event):
    return {
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "startDate": iso_date(event.date, event.date_precision),
        "endDate": iso_end_date(event.end_date, event.end_precision),
        "location": place(event.place, event.place_country),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
    }


def visit_data(visit):
    return {
        "@type": "Event",
        "name": visit.title,
        "description": visit.summary,
        "startDate": iso_date(visit.date, visit.date_precision),
        "endDate": iso_end_date(visit.end_date, visit.end_precision),
        "location": place(visit.place, visit.host_country),
        "attendee": {"@type": "Person", "name": visit.person.name, "jobTitle": visit.role_held},
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
    }


def agreement_data(agreement):
    return {
        "@type": "Legislation",
        "name": agreement.title,
        "description": agreement.summary,
        "legislationDate": iso_date(agreement.signed_on, agreement.signed_precision),
        "legislationType": agreement.get_kind_display(),
        "legislationLegalForce": LEGAL_FORCE.get(agreement.status),
        "spatialCoverage": [
            {"@type": "Country", "name": country.name} for country in agreement.parties.all()
        ],
        "sameAs": safe_url(agreement.text_url) or None,
    }


def office_data(office):
    contact = {
        "@type": "ContactPoint",
        "contactType": "office",
        "telephone": office.phone,
        "faxNumber": office.fax,
        "email": office.email,
    }
    return {
        "@type": "Organization",
        "name": office.name,
        "description": office.summary,
        "address": without_empty(
            {
                "@type": "PostalAddress",
                "streetAddress": office.address,
                "addressLocality": office.city,
                "addressCountry": office.country.iso_code,
            }
        ),
        "telephone": office.phone,
        "email": office.email,
        "contactPoint": contact,
        # Only an organisation visitors may see: a draft's name stays in the admin.
        "parentOrganization": {"@type": "Organization", "name": office.organisation.name}
        if office.organisation.is_public
        else None,
    }


def organisation_data(organisation):
    return {
        "@type": "Organization",
        "name": organisation.name,
        "alternateName": organisation.acronym,
        "description": organisation.description,
        "foundingDate": iso_date(organisation.founded, organisation.founded_precision),
        "sameAs": safe_url(organisation.website) or None,
    }


def series_data(series):
    return {"@type": "EventSeries", "name": series.name, "description": series.description}


def partner_data(page):
    return {
        "@type": "WebPage",
        "name": page.title,
        "description": page.summary,
        "about": {"@type": "Country", "name": page.country.name},
    }


def person_data(person):
    return {"@type": "Person", "name": person.name, "description": person.summary}


def without_empty(data):
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def json_ld(description, url):
    """A page's JSON-LD: ``description`` (its kind's ``schema_org`` of the entry, in
    relations/kinds.py) with its context and address, without empty properties."""
    return without_empty({"@context": "https://schema.org", **description, "url": url})


def as_script_text(data):
    return mark_safe(json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(ESCAPES))
