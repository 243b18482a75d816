"""schema.org JSON-LD for detail pages, and the text of their meta tags.

Dates go out at their precision ("1994-04", "1992"), never as a day nobody
recorded. The JSON is escaped like ``json_script`` does, so it is safe inside a
``<script type="application/ld+json">`` data block (which a CSP allows: it is
data, not script).
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

from .dates import iso_date
from .markup import safe_url
from .models import Agreement, Event, EventSeries, Office, Organisation, PartnerPage, Person, Visit

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


def end_date(value, precision):
    """The last year a decade-precision end stands for: "1970s–1980s" ends in 1989."""
    if value is not None and precision == "decade":
        return str(value.year + 9)
    return iso_date(value, precision)


def place(name, country):
    address = {"@type": "PostalAddress", "addressCountry": country.iso_code} if country else None
    return {"@type": "Place", "name": name or (country.name if country else ""), "address": address}


def event_data(event):
    return {
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "startDate": iso_date(event.date, event.date_precision),
        "endDate": end_date(event.end_date, event.end_precision),
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
        "endDate": end_date(visit.end_date, visit.end_precision),
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


BUILDERS = {
    Event: event_data,
    Visit: visit_data,
    Agreement: agreement_data,
    Office: office_data,
    Organisation: organisation_data,
    EventSeries: series_data,
    PartnerPage: partner_data,
    Person: person_data,
}


def without_empty(data):
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def json_ld(obj, url):
    """The schema.org description of ``obj``, without empty properties."""
    return without_empty({"@context": "https://schema.org", **BUILDERS[type(obj)](obj), "url": url})


def as_script_text(data):
    return mark_safe(json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(ESCAPES))
