"""What one entry of each kind looks like outside its page.

The JSON API, the CSV and JSON downloads of every list use these schemas, so
their column names are one and the same (listed in the README). Related
things appear by slug; text is in the language of the request.
"""

import datetime

from ninja import Field, Schema


class EntryOut(Schema):
    slug: str
    url: str

    @staticmethod
    def resolve_url(obj, context):
        request = (context or {}).get("request")
        url = obj.get_absolute_url()
        return request.build_absolute_uri(url) if request else url


def slugs(manager):
    return [item.slug for item in manager.all()]


def slug_or_none(obj):
    """The related entry's slug, or None when there is none or visitors may not see it: a
    draft organisation or recurring event is named nowhere, not even by its slug."""
    return obj.slug if obj and getattr(obj, "is_public", True) else None


class EventOut(EntryOut):
    title: str
    date: datetime.date
    date_precision: str
    end_date: datetime.date | None
    end_precision: str
    when: str
    category: str
    place: str
    place_country: str | None
    countries: list[str]
    series: str | None
    summary: str

    @staticmethod
    def resolve_place_country(obj):
        return slug_or_none(obj.place_country)

    @staticmethod
    def resolve_countries(obj):
        return slugs(obj.countries)

    @staticmethod
    def resolve_series(obj):
        return slug_or_none(obj.series)


class AgreementOut(EntryOut):
    title: str
    kind: str
    signed_on: datetime.date
    signed_precision: str
    when: str
    status: str
    sphere: str
    place: str
    parties: list[str]
    text_url: str
    summary: str

    @staticmethod
    def resolve_parties(obj):
        return slugs(obj.parties)


class VisitOut(EntryOut):
    title: str
    date: datetime.date
    date_precision: str
    end_date: datetime.date | None
    end_precision: str
    when: str
    level: str
    person: str = Field(alias="person.slug")
    person_name: str = Field(alias="person.name")
    # As the page shows it: typed by an editor, else the person's role on the visit's date.
    role: str = Field(alias="role_held")
    origin_country: str = Field(alias="origin_country.slug")
    host_country: str = Field(alias="host_country.slug")
    place: str
    summary: str


class OfficeOut(EntryOut):
    name: str
    organisation: str | None
    country: str = Field(alias="country.slug")
    city: str
    address: str
    phone: str
    fax: str
    email: str
    website: str

    @staticmethod
    def resolve_organisation(obj):
        return slug_or_none(obj.organisation)


class OrganisationOut(EntryOut):
    name: str
    acronym: str
    kind: str
    countries: list[str]
    parent: str | None
    founded: datetime.date | None
    founded_precision: str
    website: str
    description: str

    @staticmethod
    def resolve_countries(obj):
        return slugs(obj.countries)

    @staticmethod
    def resolve_parent(obj):
        return slug_or_none(obj.parent)


def dump(kind, item, request):
    """``item`` in the schema of its kind (relations.kinds), as JSON-ready values."""
    return kind.schema.model_validate(item, context={"request": request}).model_dump(mode="json")
