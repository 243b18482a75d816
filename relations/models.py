"""The content of the site: partner pages and the dated entries they are made of.

Every model is addressed by its slug, which is also its natural key, so fixtures
move between databases without depending on ids. Content that visitors read is
``Publishable``: ``objects.published()`` is the one place that decides what a
visitor may see.
"""

import datetime
import functools
import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.lookups import LessThanOrEqual
from django.db.models.sql.where import WhereNode
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .dates import Precision, format_date, format_range, last_year, precision_error
from .reversing import slug_url


class Category(models.TextChoices):
    """The sphere an event or agreement belongs to."""

    DIPLOMATIC = "diplomatic", _("Diplomatic")
    POLITICAL = "political", _("Political")
    ECONOMIC = "economic", _("Economic")
    ENERGY = "energy", _("Energy")
    INDUSTRIAL = "industrial", _("Industrial")
    MILITARY_TECHNICAL = "military-technical", _("Military-technical")
    EXHIBITION = "exhibition", _("Exhibition")
    INSTITUTIONAL = "institutional", _("Institutional")
    CULTURAL = "cultural", _("Cultural")
    OTHER = "other", _("Other")


class Publication(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("Ready for review")
    PUBLISHED = "published", _("Published")


class OrganisationKind(models.TextChoices):
    STATE_CORPORATION = "state-corporation", _("State corporation")
    COMPANY = "company", _("Company")
    COUNCIL = "council", _("Council")
    COMMISSION = "commission", _("Commission")
    MINISTRY = "ministry", _("Ministry")
    GOVERNMENT = "government", _("Government body")
    EXHIBITION = "exhibition", _("Exhibition organiser")
    OTHER = "other", _("Other")


class AgreementKind(models.TextChoices):
    TREATY = "treaty", _("Treaty")
    JOINT_DECLARATION = "joint-declaration", _("Joint declaration")
    INTERGOVERNMENTAL = "intergovernmental-agreement", _("Intergovernmental agreement")
    AGREEMENT = "agreement", _("Agreement")
    MEMORANDUM = "memorandum", _("Memorandum")
    PROTOCOL = "protocol", _("Protocol")
    OTHER = "other", _("Other")


class AgreementStatus(models.TextChoices):
    SIGNED = "signed", _("Signed")
    IN_FORCE = "in-force", _("In force")
    PARTIALLY_IN_FORCE = "partially-in-force", _("Partially in force")
    NOT_IN_FORCE = "not-in-force", _("Not in force")
    EXPIRED = "expired", _("Expired")
    TERMINATED = "terminated", _("Terminated")
    SUPERSEDED = "superseded", _("Superseded")
    UNKNOWN = "unknown", _("Unknown")


class VisitLevel(models.TextChoices):
    STATE = "state", _("State visit")
    OFFICIAL = "official", _("Official visit")
    WORKING = "working", _("Working visit")
    MEETING = "meeting", _("Meeting or summit")
    OTHER = "other", _("Other")


def choices_constraint(field, choices, name):
    return models.CheckConstraint(
        condition=Q(**{f"{field}__in": choices.values}),
        name=name,
        violation_error_message=_("Choose one of the values offered in the list."),
    )


# Said in the help text of exactly the fields the public pages render as Markdown.
MARKDOWN = _(
    "Markdown: **bold**, *italic*, [a link](https://…), lists with “- ”; "
    "a blank line starts a paragraph."
)


def markdown_help(text=None):
    return format_lazy("{} {}", text, MARKDOWN) if text else MARKDOWN


PRECISION_NEEDS_DATE = _("A date needs its precision, and a precision its date.")


def publish_permission(model_name, plural):
    """The right to make an entry visible, held by Editors and not by Contributors."""
    return (f"publish_{model_name}", f"Can publish {plural}")


def check_precision(field, value, precision):
    """Refuse, for ``field``, a date more exact than its precision says."""
    message = value and precision and precision_error(value, precision)
    if message:
        raise ValidationError({field: message})


# An optional date (when an organisation was founded, a series first held...) is a date
# field and a ``<field>_precision`` beside it, given together or not at all: the rule is
# said once for the database and once for the editor.


def optional_date_constraint(field, name):
    precision = f"{field}_precision"
    return models.CheckConstraint(
        condition=Q(**{f"{field}__isnull": True, precision: ""})
        | (Q(**{f"{field}__isnull": False}) & Q(**{f"{precision}__in": Precision.values})),
        name=name,
        violation_error_message=PRECISION_NEEDS_DATE,
    )


def check_optional_date(entry, field):
    """Refuse an optional date without its precision, a precision without its date, or a
    date more exact than its precision says."""
    precision = f"{field}_precision"
    value, precision_value = getattr(entry, field), getattr(entry, precision)
    if value and not precision_value:
        raise ValidationError({precision: _("Say how exactly the date is known.")})
    if precision_value and not value:
        raise ValidationError({field: _("Give a date, or leave its precision empty.")})
    check_precision(field, value, precision_value)


def slug_field(help_text=None):
    return models.SlugField(
        max_length=200,
        unique=True,
        help_text=help_text
        or _("The last part of the page's address. Lower-case letters, digits and hyphens only."),
    )


# The columns that say whether a visitor may see an entry (published()), added at the end
# of the newest-first list indexes: a deep page's OFFSET skips its rows in the index, the
# table read for the 20 shown only (views.ListPaginator.page).
SCHEDULE = ("publication", "publish_at", "unpublish_at")


# ---------------------------------------------------------------------------
# Query sets


class SlugQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


def published_conditions(prefix=""):
    """What a visitor may see, as conditions on an entry's own columns: published, due, and
    not yet withdrawn. ``prefix`` names a related entry (``"agreement__"``): a link or a
    signature then tests the row it joins, where ``agreement__in=published()`` had SQLite
    scan every published agreement for each page (9 ms at 100,000 events)."""
    now = timezone.now()
    return Q(
        Q(**{f"{prefix}publish_at__isnull": True}) | Q(**{f"{prefix}publish_at__lte": now}),
        Q(**{f"{prefix}unpublish_at__isnull": True}) | Q(**{f"{prefix}unpublish_at__gt": now}),
        **{f"{prefix}publication": Publication.PUBLISHED},
    )


class PublishableQuerySet(SlugQuerySet):
    def published(self):
        """What a visitor may see: published, due, and not yet withdrawn."""
        return self.filter(published_conditions())

    def search(self, text):
        query = Q()
        for field in self.model.search_fields:
            query |= Q(**{f"{field}__icontains": text})
        return self.filter(query)


class YearQuerySet(models.QuerySet):
    """Rows with a start date (and maybe an end) at a precision, named by ``date_fields``."""

    def in_year(self, year, hint_counts=False):
        """Entries whose period touches ``year``: the 1930s are in 1935.

        Plain date comparisons that indexes serve, rather than the year of every row: a
        date at decade precision is stored as the decade's first day, so the 1930s touch
        1935 exactly when the date is 1930-01-01. A span is found by its start or by its
        end; the branches may overlap but never miss.
        """
        start, start_precision, end, end_precision = self.model.date_fields
        first_day, last_day = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        decade = datetime.date(year - year % 10, 1, 1)
        touches = Q(**{f"{start}__range": (first_day, last_day)}) | Q(
            **{start: decade, start_precision: Precision.DECADE}
        )
        if end is not None:
            touches |= Q(**{f"{end}__gte": first_day, f"{start}__lte": last_day}) | Q(
                **{end: decade, end_precision: Precision.DECADE, f"{start}__lte": last_day}
            )
        # Implied by every branch, and said once more so that the list's order index is
        # read from the end of the year down, not from today down to the year. A count
        # leaves it out (without_order_hints), unless ``hint_counts``: with an equality on
        # the first column of a (column, start) index, SQLite reads that index from the
        # year's end down, which beats the branches' ranges.
        hint = Q(**{f"{start}__lte": last_day}) if hint_counts else OrderHint(F(start), last_day)
        return self.filter(touches, hint)


class OrderHint(LessThanOrEqual):
    """``start <= the year's last day``: a condition ``in_year()`` adds beside the branches
    that already imply it, for the order of a list, which SQLite then reads from the year's
    end down. It changes no result; a count must not have it: beside it, SQLite reads every
    row that starts before the year's end (35,000 for 1981 at 100,000 events: 85 ms), where
    the branches alone are four index ranges (1,606 rows: 4 ms)."""


def without_order_hints(queryset):
    """``queryset`` without the OrderHint conditions of its top-level AND (the same rows)."""
    where = queryset.query.where

    def hinted(node):
        return isinstance(node, WhereNode) and (
            any(isinstance(child, OrderHint) or hinted(child) for child in node.children)
        )

    if not hinted(where):
        return queryset
    queryset = queryset.all()
    queryset.query.where = strip_hints(queryset.query.where)
    return queryset


def strip_hints(node):
    """A copy of the WHERE ``node`` without OrderHints in its AND nodes (not below an OR or
    a NOT, where none is put)."""
    if node.connector != "AND" or node.negated:
        return node
    copy = node.copy()
    copy.children = [
        strip_hints(child) if isinstance(child, WhereNode) else child
        for child in node.children
        if not isinstance(child, OrderHint)
    ]
    return copy


class DatedQuerySet(PublishableQuerySet, YearQuerySet):
    """Published entries with a start date (and maybe an end) at a precision."""


# Each kind with pages has a ``for_pages()``: its entries with the related rows that its
# detail page, API, downloads and the timeline show, fetched in a fixed number of queries
# however many entries there are. Chained after ``published()`` (or, in an editor's
# preview, ``all()``). A kind with a list also has a ``for_cards()``: exactly the related
# rows its list's card shows (``EntryKind.cards()``), since a related row a card never
# shows still costs a join, or a related manager and a queryset per row when prefetched.


class EventQuerySet(DatedQuerySet):
    def for_pages(self):
        return self.select_related("place_country", "series")

    def for_cards(self):
        # The card's date, category, place and title are the event's own columns.
        return self


class OrganisationQuerySet(PublishableQuerySet):
    def for_pages(self):
        return self.prefetch_related("countries")

    def for_cards(self):
        # Neither the countries nor the parent: the name, kind, founding and description.
        return self


class OfficeQuerySet(PublishableQuerySet):
    def for_pages(self):
        return self.select_related("organisation", "country")

    def for_cards(self):
        return self.select_related("country")


# ---------------------------------------------------------------------------
# Abstract bases


@functools.cache
def choice_labels(field, language):
    """{value: label} of a field's choices in a language, built once. Django's
    ``get_FOO_display()`` builds that dict on every call, translating every label of the
    field to hash it: 40 % of a list card's time, about 900 translations for a page of the
    timeline (issue #20)."""
    return {value: str(label) for value, label in field.flatchoices}


class Documented(models.Model):
    """Where the facts of an entry come from, and what an editor last changed."""

    sources = models.ManyToManyField(
        "Source",
        blank=True,
        related_name="%(class)s_entries",
        help_text=_("Where the facts on this page come from. Shown as numbered footnotes."),
    )
    change_note = models.CharField(
        max_length=300,
        blank=True,
        help_text=_(
            "Optional public note on the last change, shown beside “last updated”: "
            "“Contacts checked with the office.”"
        ),
    )

    class Meta:
        abstract = True

    def _get_FIELD_display(self, field):
        # What every get_FOO_display() calls: the same label, from choice_labels.
        value = getattr(self, field.attname)
        return choice_labels(field, get_language()).get(value, value)


class Publishable(Documented):
    publication = models.CharField(
        max_length=20,
        choices=Publication.choices,
        default=Publication.DRAFT,
        help_text=_(
            "Visitors see published entries only. New entries start as drafts; a Contributor "
            "sends one to review, an Editor publishes it."
        ),
    )
    publish_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text=_(
            "Optional. A published entry stays hidden from visitors until this time "
            "(the site's time zone)."
        ),
    )
    unpublish_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text=_(
            "Optional. Visitors stop seeing a published entry at this time (the site's time zone)."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    @property
    def is_public(self):
        now = timezone.now()
        return (
            self.publication == Publication.PUBLISHED
            and (self.publish_at is None or self.publish_at <= now)
            and (self.unpublish_at is None or now < self.unpublish_at)
        )

    @property
    def is_scheduled(self):
        """Published, and waiting for its "publish at"."""
        return self.publication == Publication.PUBLISHED and bool(
            self.publish_at and self.publish_at > timezone.now()
        )

    def clean(self):
        super().clean()
        if self.publish_at and self.unpublish_at and self.unpublish_at <= self.publish_at:
            raise ValidationError(
                {"unpublish_at": _("“Unpublish at” must come after “publish at”.")}
            )

    def natural_key(self):
        return (self.slug,)


class Dated(models.Model):
    """A date with its precision, and an optional end with its own precision."""

    date = models.DateField(
        help_text=_(
            "The first day of the period: 1994-04-01 for “April 1994”, 1930-01-01 for “1930s”."
        )
    )
    date_precision = models.CharField(
        max_length=10,
        choices=Precision.choices,
        default=Precision.DAY,
        help_text=_("How exactly the date is known. Visitors never see more than this."),
    )
    end_date = models.DateField(
        null=True,
        blank=True,
        help_text=_("Optional end of a span (1980-01-01 with “decade” for “1970s–1980s”)."),
    )
    end_precision = models.CharField(
        max_length=10,
        choices=Precision.choices,
        blank=True,
        help_text=_("Required when there is an end date."),
    )

    date_fields = ("date", "date_precision", "end_date", "end_precision")

    class Meta:
        abstract = True

    @property
    def when(self):
        return format_range(self.date, self.date_precision, self.end_date, self.end_precision)

    @property
    def last_year(self):
        if self.end_date:
            return last_year(self.end_date, self.end_precision)
        return last_year(self.date, self.date_precision)

    def clean(self):
        super().clean()
        errors = {}
        if self.date and self.date_precision:
            message = precision_error(self.date, self.date_precision)
            if message:
                errors["date"] = message
        if self.end_date and not self.end_precision:
            errors["end_precision"] = _("Say how exactly the end date is known.")
        if self.end_precision and not self.end_date:
            errors["end_date"] = _("Give an end date, or leave its precision empty.")
        if self.end_date and self.end_precision:
            message = precision_error(self.end_date, self.end_precision)
            if message:
                errors["end_date"] = message
            elif self.date and self.end_date < self.date:
                errors["end_date"] = _("The end cannot be before the start.")
        if errors:
            raise ValidationError(errors)


def dated_constraints(prefix):
    return [
        models.CheckConstraint(
            condition=Q(end_date__isnull=True) | Q(end_date__gte=F("date")),
            name=f"{prefix}_end_after_start",
            violation_error_message=_("The end cannot be before the start."),
        ),
        models.CheckConstraint(
            condition=Q(end_date__isnull=True, end_precision="")
            | (Q(end_date__isnull=False) & ~Q(end_precision="")),
            name=f"{prefix}_end_has_precision",
            violation_error_message=_("An end date needs its precision, and a precision its date."),
        ),
        choices_constraint("date_precision", Precision, f"{prefix}_date_precision_valid"),
        models.CheckConstraint(
            condition=Q(end_precision="") | Q(end_precision__in=Precision.values),
            name=f"{prefix}_end_precision_valid",
            violation_error_message=_("Choose one of the values offered in the list."),
        ),
    ]


# ---------------------------------------------------------------------------
# Reference data


class Country(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = slug_field()
    iso_code = models.CharField(
        "ISO code",
        max_length=2,
        unique=True,
        validators=[RegexValidator(r"^[A-Z]{2}$", _("Two capital letters, e.g. TR."))],
        help_text=_(
            "ISO 3166-1 alpha-2 code: TR, RU. Former states keep their reserved code (SU)."
        ),
    )

    objects = SlugQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "countries"

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)


class Person(Documented):
    name = models.CharField(max_length=200)
    slug = slug_field()
    summary = models.TextField(
        blank=True, help_text=markdown_help(_("One or two sentences on who this is."))
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = SlugQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("relations:person-detail", self.slug)

    def natural_key(self):
        return (self.slug,)

    @property
    def latest_role(self):
        """The role begun last; uses prefetched roles."""
        return max(self.roles.all(), key=lambda role: role.date, default=None)

    def role_on(self, day):
        """The role held on ``day``, the latest begun if two overlap; uses prefetched roles."""
        roles = getattr(self, PREFETCHED_ROLES, None)
        held = [role for role in (self.roles.all() if roles is None else roles) if role.covers(day)]
        return max(held, key=lambda role: role.date, default=None)

    @property
    def roles_at_visits(self):
        """[(role, when)]: the role held at each of ``partner_visits``, one line per role.

        ``partner_visits`` is prefetched by the partner page, oldest first; a role held at
        several visits is named once, with the date of the first."""
        seen, lines = set(), []
        for visit in getattr(self, "partner_visits", []):
            role = visit.role_held
            if role and role not in seen:
                seen.add(role)
                lines.append((role, visit.when))
        return lines


class Organisation(Publishable):
    name = models.CharField(max_length=300)
    slug = slug_field()
    acronym = models.CharField(max_length=50, blank=True, help_text=_("e.g. IDEF, HLCC."))
    kind = models.CharField(
        max_length=30, choices=OrganisationKind.choices, default=OrganisationKind.OTHER
    )
    countries = models.ManyToManyField(
        Country,
        blank=True,
        related_name="organisations",
        help_text=_(
            "The country it belongs to; for joint bodies, every country that takes part. "
            "Joint bodies appear on the partner pages of their countries."
        ),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text=_("The organisation this one belongs to, e.g. Rostec for Rosoboronexport."),
    )
    website = models.URLField(blank=True)
    description = models.TextField(
        blank=True,
        help_text=markdown_help(_("Shown on the organisation's page.")),
    )
    founded = models.DateField(
        null=True, blank=True, help_text=_("First day of the period, as for event dates.")
    )
    founded_precision = models.CharField(max_length=10, choices=Precision.choices, blank=True)
    founded_by = models.ForeignKey(
        "Agreement",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="founded_bodies",
        help_text=_("For a joint body: the agreement that set it up, if it is recorded."),
    )
    founding_note = models.CharField(
        max_length=300,
        blank=True,
        help_text=_(
            "The decision that set it up, when no agreement is recorded: "
            "“Decided during the visit of …”."
        ),
    )
    members_note = models.CharField(
        max_length=300,
        blank=True,
        help_text=_("Who its members are, where known: “36 regions of Russia and …”."),
    )

    objects = OrganisationQuerySet.as_manager()
    search_fields = ("name", "acronym", "description", "members_note")

    class Meta:
        ordering = ["name"]
        permissions = [publish_permission("organisation", "organisations")]
        # The list's order (one index per language, as for the other lists): a page is read
        # from it, not sorted from the whole table (2,000 rows at the benchmark's size).
        indexes = [models.Index(fields=["name"], name="organisation_name")]
        constraints = [
            choices_constraint("publication", Publication, "organisation_publication_valid"),
            choices_constraint("kind", OrganisationKind, "organisation_kind_valid"),
            optional_date_constraint("founded", "organisation_founded_has_precision"),
        ]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def get_absolute_url(self):
        return slug_url("relations:organisation-detail", self.slug)

    @property
    def founded_display(self):
        return format_date(self.founded, self.founded_precision)

    @property
    def is_joint_body(self):
        return self.kind in JOINT_BODY_KINDS

    def clean(self):
        super().clean()
        check_optional_date(self, "founded")
        if self.parent_id and self.parent_id == self.pk:
            raise ValidationError({"parent": _("An organisation cannot be its own parent.")})


JOINT_BODY_KINDS = (OrganisationKind.COUNCIL, OrganisationKind.COMMISSION)


class PartnerPage(Publishable):
    """The hub for one partner country: "Cooperation with Turkey"."""

    country = models.OneToOneField(
        Country,
        on_delete=models.PROTECT,
        related_name="partner_page",
        help_text=_("The partner country this page is about."),
    )
    title = models.CharField(max_length=200, help_text=_("e.g. “Cooperation with Turkey”."))
    slug = slug_field(_("Usually the country's name: /countries/turkey/."))
    summary = models.TextField(
        blank=True, help_text=markdown_help(_("The lead paragraph under the title."))
    )
    relations_established = models.DateField(
        null=True, blank=True, help_text=_("When diplomatic relations were established.")
    )
    relations_established_precision = models.CharField(
        max_length=10, choices=Precision.choices, blank=True
    )
    position = models.PositiveSmallIntegerField(
        default=0, help_text=_("Pages with a lower number come first on the home page.")
    )

    objects = PublishableQuerySet.as_manager()
    search_fields = ("title", "summary")

    class Meta:
        ordering = ["position", "title"]
        permissions = [publish_permission("partnerpage", "partner pages")]
        constraints = [
            choices_constraint("publication", Publication, "partnerpage_publication_valid"),
            optional_date_constraint(
                "relations_established", "partnerpage_established_has_precision"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return slug_url("relations:partner-detail", self.slug)

    @property
    def relations_established_display(self):
        return format_date(self.relations_established, self.relations_established_precision)

    def clean(self):
        super().clean()
        check_optional_date(self, "relations_established")


class SectionQuerySet(models.QuerySet):
    def get_by_natural_key(self, page_slug, slug):
        return self.get(page__slug=page_slug, slug=slug)


class Section(models.Model):
    """A titled piece of a partner page's narrative."""

    page = models.ForeignKey(PartnerPage, on_delete=models.CASCADE, related_name="sections")
    title = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200, help_text=_("The section's anchor on the page: #treaty-framework.")
    )
    body = models.TextField(help_text=markdown_help())
    position = models.PositiveSmallIntegerField(default=0)

    objects = SectionQuerySet.as_manager()

    class Meta:
        ordering = ["page", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["page", "slug"], name="section_unique_slug_per_page")
        ]

    def __str__(self):
        return f"{self.page}: {self.title}"

    def get_absolute_url(self):
        return f"{self.page.get_absolute_url()}#{self.slug}"

    def natural_key(self):
        return (self.page.slug, self.slug)

    natural_key.dependencies = ["relations.partnerpage"]


class EventSeries(Publishable):
    """A recurring event, such as a fair held every two years."""

    name = models.CharField(max_length=300)
    slug = slug_field()
    acronym = models.CharField(max_length=50, blank=True)
    description = models.TextField(blank=True, help_text=markdown_help())
    interval_years = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text=_("Held every N years; empty if irregular.")
    )
    first_held = models.DateField(null=True, blank=True)
    first_held_precision = models.CharField(max_length=10, choices=Precision.choices, blank=True)
    place = models.CharField(max_length=200, blank=True, help_text=_("City where it is held."))
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, null=True, blank=True, related_name="event_series"
    )
    participants = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="event_series",
        help_text=_("Organisations that regularly take part."),
    )

    objects = PublishableQuerySet.as_manager()
    search_fields = ("name", "acronym", "description")

    class Meta:
        ordering = ["name"]
        verbose_name = "recurring event"
        verbose_name_plural = "recurring events"
        permissions = [publish_permission("eventseries", "recurring events")]
        constraints = [
            choices_constraint("publication", Publication, "eventseries_publication_valid"),
            optional_date_constraint("first_held", "eventseries_first_held_has_precision"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("relations:series-detail", self.slug)

    @property
    def first_held_display(self):
        return format_date(self.first_held, self.first_held_precision)

    def next_edition_year(self, last_held, this_year):
        """The first year from ``this_year`` on in the cycle of the last edition held."""
        if not self.interval_years or last_held is None:
            return None
        behind = max(0, this_year - last_held)
        cycles = -(-behind // self.interval_years) or 1
        return last_held + cycles * self.interval_years

    def clean(self):
        super().clean()
        check_optional_date(self, "first_held")


class Event(Publishable, Dated):
    title = models.CharField(max_length=300)
    slug = slug_field()
    summary = models.TextField(
        blank=True, help_text=markdown_help(_("One or two sentences for lists."))
    )
    body = models.TextField(blank=True, help_text=markdown_help(_("The full text.")))
    category = models.CharField(max_length=30, choices=Category.choices, default=Category.OTHER)
    place = models.CharField(max_length=200, blank=True, help_text=_("City or place."))
    place_country = models.ForeignKey(
        Country, on_delete=models.PROTECT, null=True, blank=True, related_name="events_held"
    )
    countries = models.ManyToManyField(
        Country,
        blank=True,
        related_name="events",
        help_text=_("The countries involved. The event appears on their partner pages."),
    )
    organisations = models.ManyToManyField(Organisation, blank=True, related_name="events")
    series = models.ForeignKey(
        EventSeries,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="editions",
        help_text=_("If this is one edition of a recurring event."),
    )

    objects = EventQuerySet.as_manager()
    search_fields = ("title", "summary", "body", "place")

    class Meta:
        ordering = ["-date", "title"]
        permissions = [publish_permission("event", "events")]
        indexes = [
            models.Index(fields=["category", "date"], name="event_category_date"),
            # The list's order: its first page and its page count never sort the table.
            models.Index(fields=["-date", "title", *SCHEDULE], name="event_date_title"),
            # Oldest first: the timeline and the lists sorted that way.
            models.Index(fields=["date", "title"], name="event_chronology"),
            # The year filter looks up spans by their end, with their start (so that the
            # search's year, search.Year, reads the index alone).
            models.Index(fields=["end_date", "date"], name="event_end_start"),
            # Whether a visitor may see an entry, read without the table: a list's capped
            # count scans this instead of 10,001 whole rows (events 4.8 -> 1.0 ms CPU at
            # 100,000). It leads with the id so that no query searches it (the id's own
            # index is the table): SQLite's plans are otherwise unchanged; the schedule
            # first (tried before) made the timeline sort whole tables.
            models.Index(
                fields=["id", "publication", "publish_at", "unpublish_at"], name="event_visible"
            ),
        ]
        constraints = [
            choices_constraint("publication", Publication, "event_publication_valid"),
            choices_constraint("category", Category, "event_category_valid"),
            *dated_constraints("event"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return slug_url("relations:event-detail", self.slug)


# Where VisitQuerySet.for_pages() puts a visitor's roles, for Person.role_on.
PREFETCHED_ROLES = "prefetched_roles"


class VisitQuerySet(DatedQuerySet):
    def for_pages(self):
        return self.for_cards()

    def for_cards(self):
        # The people's roles give the role held on each visit's date (Visit.role_held).
        # Into a list (Person.role_on reads it): prefetched into ``person.roles``, Django
        # built a related manager and a queryset for each person, about 4 ms of a visits
        # list of 20 at 100,000 events.
        return self.select_related("person", "origin_country", "host_country").prefetch_related(
            models.Prefetch("person__roles", to_attr=PREFETCHED_ROLES)
        )

    def involving(self, country):
        """Visits from or to ``country``."""
        return self.filter(Q(origin_country=country) | Q(host_country=country))

    def with_role(self, text):
        """Visits made in a role whose title contains ``text``: typed, or held on the date."""
        held = Role.objects.filter(
            Q(end_date__isnull=True) | Q(end_date__gte=models.OuterRef("date")),
            person=models.OuterRef("person"),
            title__icontains=text,
            date__lte=models.OuterRef("date"),
        )
        untyped = Q(role="") | Q(role__isnull=True)
        return self.filter(Q(role__icontains=text) | (untyped & models.Exists(held)))


class Visit(Publishable, Dated):
    title = models.CharField(
        max_length=300, help_text=_("e.g. “State visit of Vladimir Putin to Turkey”.")
    )
    slug = slug_field()
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="visits")
    role = models.CharField(
        max_length=200,
        blank=True,
        help_text=_(
            "The office the person held on the date of the visit. Leave empty to show the "
            "role recorded on the person's page for that date."
        ),
    )
    origin_country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="visits_made"
    )
    host_country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="visits_received"
    )
    place = models.CharField(max_length=200, blank=True, help_text=_("City visited."))
    level = models.CharField(max_length=20, choices=VisitLevel.choices, default=VisitLevel.OTHER)
    summary = models.TextField(blank=True, help_text=markdown_help())

    objects = VisitQuerySet.as_manager()
    search_fields = ("title", "summary", "role", "place", "person__name")

    class Meta:
        ordering = ["-date", "title"]
        permissions = [publish_permission("visit", "visits")]
        indexes = [
            models.Index(fields=["level", "date"], name="visit_level_date"),
            models.Index(fields=["-date", "title", *SCHEDULE], name="visit_date_title"),
            models.Index(fields=["date", "title"], name="visit_chronology"),
            models.Index(fields=["end_date", "date"], name="visit_end_start"),
            # As event_visible.
            models.Index(
                fields=["id", "publication", "publish_at", "unpublish_at"], name="visit_visible"
            ),
        ]
        constraints = [
            choices_constraint("publication", Publication, "visit_publication_valid"),
            choices_constraint("level", VisitLevel, "visit_level_valid"),
            models.CheckConstraint(
                condition=~Q(origin_country=F("host_country")),
                name="visit_between_two_countries",
                violation_error_message=_("The visiting country and the host country must differ."),
            ),
            *dated_constraints("visit"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return slug_url("relations:visit-detail", self.slug)

    @property
    def role_held(self):
        """The role an editor typed, else the person's recorded role on the visit's date."""
        if self.role:
            return self.role
        role = self.person.role_on(self.date)
        return role.title if role else ""

    def clean(self):
        super().clean()
        if self.origin_country_id and self.origin_country_id == self.host_country_id:
            raise ValidationError({"host_country": _("A visit goes to another country.")})


class AgreementQuerySet(DatedQuerySet):
    def for_pages(self):
        return self.select_related("place_country").prefetch_related("parties").for_cards()

    def for_cards(self):
        # The card's status reads the later steps (status_display); it names no parties.
        return self.annotate(later_steps_recorded=self.later_steps())

    @staticmethod
    def later_steps():
        """Whether any party did more than sign (status_display): in the same query."""
        return models.Exists(
            AgreementAction.objects.filter(agreement=models.OuterRef("pk")).exclude(
                action=ActionKind.SIGNATURE
            )
        )

    def with_action(self, action=None, year=None):
        """Agreements for which some party took ``action`` (in ``year``, if given)."""
        actions = AgreementAction.objects.filter(agreement=models.OuterRef("pk"))
        if action:
            actions = actions.filter(action=action)
        if year:
            actions = actions.in_year(year)
        return self.filter(models.Exists(actions))


class Agreement(Publishable):
    title = models.CharField(max_length=500)
    aliases = models.CharField(
        "also known as",
        max_length=500,
        blank=True,
        help_text=_(
            "Other names it is known by, separated by semicolons: “Treaty of Moscow”. "
            "Searched, and shown under the title."
        ),
    )
    slug = slug_field()
    kind = models.CharField(max_length=40, choices=AgreementKind.choices)
    signed_on = models.DateField(
        help_text=_("Date of signature: the first day of the period if only a month is known.")
    )
    signed_precision = models.CharField(
        max_length=10, choices=Precision.choices, default=Precision.DAY
    )
    place = models.CharField(max_length=200, blank=True, help_text=_("City of signature."))
    place_country = models.ForeignKey(
        Country, on_delete=models.PROTECT, null=True, blank=True, related_name="agreements_signed"
    )
    parties = models.ManyToManyField(Country, related_name="agreements")
    status = models.CharField(
        "legal status",
        max_length=20,
        choices=AgreementStatus.choices,
        default=AgreementStatus.SIGNED,
        help_text=_(
            "Where the agreement stands in law. Follows from the parties' actions and the "
            "links below unless set by hand. Publication is set separately."
        ),
    )
    status_set_by_hand = models.BooleanField(
        default=False,
        help_text=_(
            "Tick to keep the status you chose; otherwise saving sets it from the recorded "
            "actions (signature, entry into force, withdrawal) and “supersedes” links."
        ),
    )
    sphere = models.CharField(max_length=30, choices=Category.choices, default=Category.POLITICAL)
    summary = models.TextField(blank=True, help_text=markdown_help())
    text_url = models.URLField(
        "link to the text", blank=True, help_text=_("Where the full text can be read.")
    )
    visit = models.ForeignKey(
        Visit,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agreements",
        help_text=_("The visit during which it was signed or adopted, if any."),
    )
    is_key = models.BooleanField(
        "key document",
        default=False,
        help_text=_("Key documents are listed on the partner page."),
    )

    objects = AgreementQuerySet.as_manager()
    date_fields = ("signed_on", "signed_precision", None, None)
    # The parties chosen on the admin form being saved, before it writes them: its action
    # rows are checked against these (AgreementAction.check_party), not the stored ones.
    pending_parties = None
    search_fields = ("title", "summary", "place")

    class Meta:
        ordering = ["-signed_on", "title"]
        permissions = [publish_permission("agreement", "agreements")]
        indexes = [
            models.Index(fields=["kind", "signed_on"], name="agreement_kind_signed"),
            models.Index(fields=["status", "signed_on"], name="agreement_status_signed"),
            models.Index(fields=["-signed_on", "title", *SCHEDULE], name="agreement_signed_title"),
            models.Index(fields=["signed_on", "title"], name="agreement_chronology"),
            # As event_visible.
            models.Index(
                fields=["id", "publication", "publish_at", "unpublish_at"], name="agreement_visible"
            ),
        ]
        constraints = [
            choices_constraint("publication", Publication, "agreement_publication_valid"),
            choices_constraint("kind", AgreementKind, "agreement_kind_valid"),
            choices_constraint("status", AgreementStatus, "agreement_status_valid"),
            choices_constraint("sphere", Category, "agreement_sphere_valid"),
            choices_constraint("signed_precision", Precision, "agreement_precision_valid"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return slug_url("relations:agreement-detail", self.slug)

    @property
    def when(self):
        return format_date(self.signed_on, self.signed_precision)

    @property
    def status_display(self):
        """The status as a reader should take it: "Signed" alone would suggest that nothing
        followed, when nothing later is recorded. Reads ``later_steps_recorded`` where
        the queryset annotated it (for_pages()), else the actions."""
        if self.status != AgreementStatus.SIGNED:
            return self.get_status_display()
        later = getattr(self, "later_steps_recorded", None)
        if later is None:
            later = any(action.action != ActionKind.SIGNATURE for action in self.actions.all())
        if not later:
            return _("Signed (later steps not recorded)")
        return self.get_status_display()

    def clean(self):
        super().clean()
        check_precision("signed_on", self.signed_on, self.signed_precision)


# E.164 allows at most 15 digits with the country code; none is shorter than 7.
PHONE_DIGITS = range(7, 16)
PHONE_CHARACTERS = re.compile(r"^\(?\+[\d\s()\-]+$")


def validate_phone(number):
    """A number as dialled from abroad (E.164), written as people write it: "+7 495
    123-45-67", "(+90312) 418-67-26". Pages make a ``tel:`` link of its digits, so a
    national number, a letter or a second number would make a link that dials wrongly."""
    digits = sum(ch.isdigit() for ch in number)
    if PHONE_CHARACTERS.match(number.strip()) and digits in PHONE_DIGITS:
        return
    raise ValidationError(
        _(
            "Write the number as dialled from abroad: a plus, the country code, then the "
            "number, as in +7 495 123-45-67 (7 to 15 digits; spaces, hyphens and brackets "
            "are allowed; letters, extensions and a second number are not)."
        ),
        code="phone",
    )


class Office(Publishable):
    """A representative office and how to reach it."""

    name = models.CharField(max_length=300)
    slug = slug_field()
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="offices",
        help_text=_("The organisation that runs the office."),
    )
    represents = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="represented_by",
        help_text=_("Organisations whose interests the office looks after."),
    )
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="offices")
    city = models.CharField(max_length=200, blank=True)
    address = models.TextField(blank=True)
    phone = models.CharField(
        max_length=50,
        blank=True,
        validators=[validate_phone],
        help_text=_("As visitors should dial it: +90 312 418 67 26."),
    )
    fax = models.CharField(
        max_length=50,
        blank=True,
        validators=[validate_phone],
        help_text=_("As for the phone: +90 312 425 87 12."),
    )
    email = models.EmailField("e-mail", blank=True, help_text=_("Leave empty if unknown."))
    website = models.URLField(blank=True)
    summary = models.TextField(blank=True, help_text=markdown_help())
    contacts_verified = models.DateField(
        "contacts last verified",
        null=True,
        blank=True,
        help_text=_("The day someone last checked these contacts with the office."),
    )

    objects = OfficeQuerySet.as_manager()
    search_fields = ("name", "city", "address", "summary")

    class Meta:
        ordering = ["name"]
        # The list's order, as the organisations' (offices, page 49: 17 -> 8 ms CPU).
        indexes = [models.Index(fields=["name"], name="office_name")]
        permissions = [publish_permission("office", "offices")]
        constraints = [choices_constraint("publication", Publication, "office_publication_valid")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("relations:office-detail", self.slug)

    @property
    def phone_uri(self):
        return dial_uri(self.phone)

    @property
    def fax_uri(self):
        return dial_uri(self.fax)


def dial_uri(number):
    """'(+90312) 418-67-26' becomes 'tel:+903124186726'."""
    digits = "".join(ch for ch in number if ch.isdigit())
    if not digits:
        return ""
    return f"tel:+{digits}" if number.strip().startswith(("+", "(+")) else f"tel:{digits}"


# ---------------------------------------------------------------------------
# Records that complete the entries above: what each party did to an agreement,
# how agreements relate, who held which office when, who chairs a joint body,
# and where each fact comes from.


class Source(models.Model):
    """A document or page that entries cite."""

    title = models.CharField(max_length=500)
    slug = slug_field(_("A short name used to cite it in fixtures: cooperation-with-turkey."))
    publisher = models.CharField(
        max_length=300, blank=True, help_text=_("Who published it, if known.")
    )
    url = models.URLField(
        "address", max_length=500, blank=True, help_text=_("Where it can be read.")
    )
    accessed_on = models.DateField(
        "date accessed", null=True, blank=True, help_text=_("When someone last read it there.")
    )

    objects = SlugQuerySet.as_manager()

    class Meta:
        # Footnotes keep the order in which the sources were recorded, so the page a
        # record was first built from is note 1 on every page.
        ordering = ["pk"]

    def __str__(self):
        return self.title

    def natural_key(self):
        return (self.slug,)


class ActionKind(models.TextChoices):
    SIGNATURE = "signature", _("Signature")
    RATIFICATION = "ratification", _("Ratification")
    APPROVAL = "approval", _("Approval")
    ENTRY_INTO_FORCE = "entry-into-force", _("Entry into force")
    WITHDRAWAL = "withdrawal", _("Withdrawal")
    TERMINATION = "termination", _("Termination")


class AgreementActionQuerySet(YearQuerySet):
    def get_by_natural_key(self, agreement_slug, party_slug, action):
        return self.get(agreement__slug=agreement_slug, party__slug=party_slug, action=action)


class AgreementAction(models.Model):
    """What one party did to an agreement, and when."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="actions")
    party = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="agreement_actions")
    action = models.CharField(max_length=20, choices=ActionKind.choices)
    date = models.DateField(help_text=_("The first day of the period if only a month is known."))
    date_precision = models.CharField(
        max_length=10, choices=Precision.choices, default=Precision.DAY
    )
    signatory = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="signatures",
        help_text=_("Who signed for this party, for a signature."),
    )
    note = models.CharField(max_length=300, blank=True)

    objects = AgreementActionQuerySet.as_manager()
    date_fields = ("date", "date_precision", None, None)

    class Meta:
        ordering = ["date", "party__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "party", "action"], name="action_once_per_party"
            ),
            choices_constraint("action", ActionKind, "action_kind_valid"),
            choices_constraint("date_precision", Precision, "action_precision_valid"),
        ]

    def __str__(self):
        return f"{self.agreement}: {self.get_action_display()} ({self.party}, {self.when})"

    def natural_key(self):
        return (self.agreement.slug, self.party.slug, self.action)

    @property
    def signatory_role(self):
        """The office the signatory held on the day of the action; uses prefetched roles."""
        role = self.signatory and self.signatory.role_on(self.date)
        return role.title if role else ""

    natural_key.dependencies = ["relations.agreement", "relations.country"]

    @property
    def when(self):
        return format_date(self.date, self.date_precision)

    def clean(self):
        super().clean()
        check_precision("date", self.date, self.date_precision)
        self.check_party()

    def check_party(self):
        """Only a party to the agreement can sign, ratify or leave it."""
        agreement = self._state.fields_cache.get("agreement")
        if agreement is None and self.agreement_id is not None:
            agreement = self.agreement
        if agreement is None or self.party_id is None:
            return
        parties = agreement.pending_parties
        if parties is None:
            if agreement.pk is None:
                return
            parties = agreement.parties.all()
        parties = list(parties)
        if self.party_id in {country.pk for country in parties}:
            return
        raise ValidationError(
            {
                "party": _(
                    "%(country)s is not a party to this agreement (%(parties)s): add it to "
                    "the agreement's parties, or choose one of them."
                )
                % {
                    "country": self.party,
                    "parties": ", ".join(str(country) for country in parties) or "—",
                }
            }
        )


class LinkKind(models.TextChoices):
    AMENDS = "amends", _("Amends")
    SUPERSEDES = "supersedes", _("Supersedes")
    IMPLEMENTS = "implements", _("Implements")
    PROTOCOL_TO = "protocol-to", _("Is a protocol to")


# How a link reads from the other end: "superseded by …".
INVERSE_LINK_LABELS = {
    LinkKind.AMENDS: _("Amended by"),
    LinkKind.SUPERSEDES: _("Superseded by"),
    LinkKind.IMPLEMENTS: _("Implemented by"),
    LinkKind.PROTOCOL_TO: _("Has a protocol"),
}


class AgreementLinkQuerySet(models.QuerySet):
    def get_by_natural_key(self, from_slug, to_slug, kind):
        return self.get(from_agreement__slug=from_slug, to_agreement__slug=to_slug, kind=kind)


class AgreementLink(models.Model):
    """One agreement amends, supersedes, implements or is a protocol to another."""

    from_agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="links_from"
    )
    kind = models.CharField(max_length=20, choices=LinkKind.choices)
    to_agreement = models.ForeignKey(
        Agreement,
        on_delete=models.CASCADE,
        related_name="links_to",
        help_text=_("The earlier agreement this one amends, supersedes, implements or extends."),
    )

    objects = AgreementLinkQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "to_agreement__signed_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["from_agreement", "to_agreement", "kind"], name="link_unique"
            ),
            models.CheckConstraint(
                condition=~Q(from_agreement=F("to_agreement")),
                name="link_not_to_itself",
                violation_error_message=_("An agreement cannot be linked to itself."),
            ),
            choices_constraint("kind", LinkKind, "link_kind_valid"),
        ]

    def __str__(self):
        return f"{self.from_agreement} {self.get_kind_display().lower()} {self.to_agreement}"

    def natural_key(self):
        return (self.from_agreement.slug, self.to_agreement.slug, self.kind)

    natural_key.dependencies = ["relations.agreement"]

    @property
    def inverse_label(self):
        return INVERSE_LINK_LABELS[self.kind]

    def clean(self):
        super().clean()
        if self.from_agreement_id and self.from_agreement_id == self.to_agreement_id:
            raise ValidationError({"to_agreement": _("An agreement cannot refer to itself.")})


class RoleQuerySet(YearQuerySet):
    def get_by_natural_key(self, person_slug, date):
        return self.get(person__slug=person_slug, date=date)


class Role(Dated):
    """An office a person held from one date to another."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="roles")
    title = models.CharField(max_length=200, help_text=_("e.g. “Prime Minister of Turkey”."))
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, null=True, blank=True, related_name="roles"
    )

    objects = RoleQuerySet.as_manager()

    class Meta:
        ordering = ["person", "date"]
        constraints = [
            models.UniqueConstraint(fields=["person", "date"], name="role_one_start_per_day"),
            *dated_constraints("role"),
        ]

    def __str__(self):
        return f"{self.person}: {self.title} ({self.when})"

    def natural_key(self):
        return (self.person.slug, self.date.isoformat())

    natural_key.dependencies = ["relations.person"]

    def covers(self, day):
        """Held on ``day``: from the start date to the end date, both as given."""
        return self.date <= day and (self.end_date is None or day <= self.end_date)


class CoChairQuerySet(models.QuerySet):
    def get_by_natural_key(self, body_slug, person_slug, date):
        return self.get(body__slug=body_slug, person__slug=person_slug, date=date)


class CoChair(Dated):
    """A person who co-chaired a joint body for one side, over a period."""

    body = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="co_chairs")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="co_chairs")
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, null=True, blank=True, related_name="co_chairs"
    )
    role = models.CharField(
        max_length=200, blank=True, help_text=_("The office in which they co-chaired.")
    )

    objects = CoChairQuerySet.as_manager()

    class Meta:
        ordering = ["body", "date"]
        verbose_name = "co-chair"
        constraints = [
            models.UniqueConstraint(fields=["body", "person", "date"], name="cochair_unique"),
            *dated_constraints("cochair"),
        ]

    def __str__(self):
        return f"{self.body}: {self.person} ({self.when})"

    def natural_key(self):
        return (self.body.slug, self.person.slug, self.date.isoformat())

    natural_key.dependencies = ["relations.organisation", "relations.person"]
