"""One FilterSet per list page.

Every filter validates its input through a form field, so a bad value becomes
an error message on the page and an empty result, never a server error.
Related things filter by slug, so filtered addresses are readable and stable.
"""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from . import widget_html
from .models import (
    JOINT_BODY_KINDS,
    ActionKind,
    Agreement,
    AgreementKind,
    AgreementStatus,
    Category,
    Country,
    Event,
    Office,
    Organisation,
    OrganisationKind,
    Visit,
    VisitLevel,
)


class SearchFilterSet(django_filters.FilterSet):
    """Free text ``q`` and a ``year`` for every list."""

    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_text",
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Words in the text")}),
    )

    def filter_text(self, queryset, name, value):
        value = value.strip()
        return queryset.search(value) if value else queryset

    def get_form_class(self):
        """django-filter builds the form's class (and each filter's field, and a class for
        the sort's widget) for every FilterSet, so for every list page; these filters do not
        change with the request, so the class is built once per FilterSet class. Each form
        still copies its fields, as every Django form does. Its widgets are written by
        relations.widget_html, not through Django's form templates."""
        form_class = _form_classes.get(type(self))
        if form_class is None:
            form_class = super().get_form_class()
            form_class.default_renderer = widget_html.renderer
            form_class = _form_classes.setdefault(type(self), form_class)
        return form_class


_form_classes = {}


class YearFilter(django_filters.NumberFilter):
    # A whole number in a sane range: 10**30 would overflow the database's integers.
    field_class = forms.IntegerField


def year_filter(label, method):
    return YearFilter(
        label=label,
        method=method,
        min_value=1000,
        max_value=2999,
        widget=forms.NumberInput(attrs={"placeholder": _("e.g. 1992")}),
    )


class DatedFilterSet(SearchFilterSet):
    year = year_filter(_("Year"), "filter_year")

    def filter_year(self, queryset, name, value):
        return queryset.in_year(value, hint_counts=self.narrowed_by_a_date_index())

    def narrowed_by_a_date_index(self):
        """Whether another filter given is the first column of a (column, start date) index,
        as ``category`` of ``event_category_date``: the year's count is then read from that
        index (models.YearQuerySet.in_year). Measured at 100,000 events, SQLite, CPU ms of
        the count: 1981 alone 65 -> 5 without the hint; 1981 and a category 14 with it, 36
        without."""
        model = self._meta.model
        start = model.date_fields[0]
        leading = {index.fields[0] for index in model._meta.indexes if index.fields[1:] == [start]}
        return any(
            self.form.cleaned_data.get(name) not in (None, "")
            for name, each in self.filters.items()
            if getattr(each, "field_name", None) in leading and name != "year"
        )


def country_filter(field_name, label):
    return django_filters.ModelChoiceFilter(
        field_name=field_name,
        to_field_name="slug",
        queryset=Country.objects.all(),
        label=label,
        empty_label=_("Any country"),
    )


class RelatedNameFilter(django_filters.CharFilter):
    """A person or organisation by slug (as links give it) or by part of the name.

    A text box rather than a dropdown: thousands of people or organisations would be read
    from the database and rendered as options on every page of the list.
    """

    def __init__(self, field_name, label, among=None, **kwargs):
        widget = forms.TextInput(attrs={"type": "search", "placeholder": _("Name or part of it")})
        super().__init__(
            field_name=field_name, label=label, max_length=200, widget=widget, **kwargs
        )
        self.among = among or {}  # lookups that narrow the candidates, e.g. joint bodies only

    def filter(self, queryset, value):
        value = value.strip()
        if not value:
            return queryset
        related = queryset.model._meta.get_field(self.field_name).related_model
        # Among what visitors may see: a draft's slug or name answers as an unknown one.
        candidates = related.objects
        candidates = candidates.published() if hasattr(candidates, "published") else candidates
        matches = candidates.filter(Q(slug=value) | Q(name__icontains=value), **self.among)
        # Subqueries rather than a join: an entry linked to two matches appears once,
        # without DISTINCT over the whole table.
        linked = queryset.model.objects.filter(**{f"{self.field_name}__in": matches})
        return queryset.filter(pk__in=linked.values("pk"))


class StableOrderingFilter(django_filters.OrderingFilter):
    """Breaks ties by id, so no entry moves between pages."""

    def filter(self, qs, value):
        qs = super().filter(qs, value)
        return qs.order_by(*qs.query.order_by, "pk") if value else qs


def sort_filter(date_field):
    # Each order offered once: the list's own order (newest first) is the first choice and
    # what the menu shows when no sort is asked for, not also an empty "Newest first".
    return StableOrderingFilter(
        label=_("Sort"),
        empty_label=None,
        fields=((date_field, date_field), ("title", "title")),
        choices=[
            (f"-{date_field}", _("Newest first")),
            (date_field, _("Oldest first")),
            ("title", _("Title A–Z")),
            ("-title", _("Title Z–A")),
        ],
    )


class EventFilter(DatedFilterSet):
    category = django_filters.ChoiceFilter(
        choices=Category.choices, label=_("Category"), empty_label=_("Any category")
    )
    country = country_filter("countries", _("Country"))
    organisation = RelatedNameFilter("organisations", _("Organisation"))
    # A text box like the organisation's: a dropdown of every council would be read and
    # rendered on each page of the list (500 options at the benchmark's largest scale).
    body = RelatedNameFilter(
        "organisations", _("Council or commission"), among={"kind__in": JOINT_BODY_KINDS}
    )
    # Every edition of a recurring event: its page shows the newest only and links here.
    series = RelatedNameFilter("series", _("Recurring event"))
    sort = sort_filter("date")

    class Meta:
        model = Event
        fields = ["q", "year", "category", "country", "organisation", "body", "series"]


class AgreementFilter(DatedFilterSet):
    kind = django_filters.ChoiceFilter(
        choices=AgreementKind.choices, label=_("Kind"), empty_label=_("Any kind")
    )
    status = django_filters.ChoiceFilter(
        choices=AgreementStatus.choices, label=_("Status"), empty_label=_("Any status")
    )
    sphere = django_filters.ChoiceFilter(
        choices=Category.choices, label=_("Sphere"), empty_label=_("Any sphere")
    )
    country = country_filter("parties", _("Party"))
    action = django_filters.ChoiceFilter(
        choices=ActionKind.choices,
        label=_("Action by a party"),
        empty_label=_("Any action"),
        method="filter_action",
    )
    action_year = year_filter(_("Year of the action"), "filter_action")
    sort = sort_filter("signed_on")

    class Meta:
        model = Agreement
        fields = ["q", "year", "kind", "status", "sphere", "country", "action", "action_year"]

    def filter_action(self, queryset, name, value):
        """Action and year apply to the same action: ratified in 1992, not ratified and 1992."""
        data = self.form.cleaned_data
        if name == "action_year" and data.get("action"):
            return queryset  # applied with the action
        return queryset.with_action(data.get("action"), data.get("action_year"))


class VisitFilter(DatedFilterSet):
    level = django_filters.ChoiceFilter(
        choices=VisitLevel.choices, label=_("Level"), empty_label=_("Any level")
    )
    person = RelatedNameFilter("person", _("Person"))
    role = django_filters.CharFilter(
        label=_("Role"),
        method="filter_role",
        max_length=200,
        widget=forms.TextInput(attrs={"placeholder": _("e.g. President")}),
    )
    origin = country_filter("origin_country", _("From"))
    host = country_filter("host_country", _("To"))
    sort = sort_filter("date")

    class Meta:
        model = Visit
        fields = ["q", "year", "level", "person", "role", "origin", "host"]

    def filter_role(self, queryset, name, value):
        value = value.strip()
        return queryset.with_role(value) if value else queryset


class OfficeFilter(SearchFilterSet):
    country = country_filter("country", _("Country"))
    organisation = RelatedNameFilter("organisation", _("Organisation"))

    class Meta:
        model = Office
        fields = ["q", "country", "organisation"]


class OrganisationFilter(SearchFilterSet):
    kind = django_filters.ChoiceFilter(
        choices=OrganisationKind.choices, label=_("Kind"), empty_label=_("Any kind")
    )
    country = country_filter("countries", _("Country"))

    class Meta:
        model = Organisation
        fields = ["q", "kind", "country"]
