"""The editors' dashboard on the admin index: what waits for review, what is scheduled, my
drafts, what went public lately and what others changed. One query per list, however many
kinds of entries there are (a UNION over every publishable model)."""

from django import template
from django.apps import apps
from django.db.models import CharField, F, Value
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from relations.history import is_history_record
from relations.models import Publication, Publishable

register = template.Library()
SHOWN = 10


def publishable_models():
    return [
        model
        for model in apps.get_app_config("relations").get_models()
        if issubclass(model, Publishable) and not is_history_record(model)
    ]


def entry_model(model):
    return model.instance_type if is_history_record(model) else model


def label_field(model):
    names = {field.name for field in model._meta.fields}
    return "title_en" if "title_en" in names else "name_en"


def rows(querysets, moment, who=None):
    """(model name, id, label, moment, who) of the newest entries of every queryset, in one
    query. History records name their entry's kind and id, so they list the same way;
    ``who`` is the column naming the person, for those."""
    columns = [
        queryset.order_by()
        .annotate(
            dashboard_kind=Value(
                entry_model(queryset.model)._meta.model_name, output_field=CharField()
            ),
            dashboard_label=F(label_field(queryset.model)),
            dashboard_moment=F(moment),
            dashboard_who=F(who) if who else Value("", output_field=CharField()),
        )
        .values_list("dashboard_kind", "id", "dashboard_label", "dashboard_moment", "dashboard_who")
        for queryset in querysets
    ]
    first, *others = columns
    return list(first.union(*others, all=True).order_by("-dashboard_moment")[:SHOWN])


def entries(rows_):
    return [
        {
            "model": apps.get_model("relations", kind)._meta.verbose_name,
            "label": label,
            "moment": moment,
            "who": who,
            "url": reverse(f"admin:relations_{kind}_change", args=[pk]),
        }
        for kind, pk, label, moment, who in rows_
    ]


@register.inclusion_tag("admin/relations/review_dashboard.html", takes_context=True)
def review_dashboard(context):
    user = context["request"].user
    if not user.has_perm("relations.view_event"):
        return {"lists": []}
    models = publishable_models()
    now = timezone.now()

    def of(**filters):
        return [model._default_manager.filter(**filters) for model in models]

    mine = [
        model._default_manager.filter(
            publication=Publication.DRAFT,
            pk__in=model.history.filter(history_user=user).values("id"),
        )
        for model in models
    ]
    others = [model.history.exclude(history_user=user) for model in models]
    return {
        "lists": [
            (
                _("Ready for review"),
                entries(rows(of(publication=Publication.REVIEW), "updated_at")),
            ),
            (
                _("Scheduled"),
                entries(
                    rows(of(publication=Publication.PUBLISHED, publish_at__gt=now), "publish_at")
                ),
            ),
            (_("My drafts"), entries(rows(mine, "updated_at"))),
            (
                _("Recently published"),
                # What visitors see now: not one still scheduled or already withdrawn.
                entries(rows([model.objects.published() for model in models], "updated_at")),
            ),
            (
                _("Recently changed by others"),
                entries(rows(others, "history_date", who="history_user__username")),
            ),
        ]
    }
