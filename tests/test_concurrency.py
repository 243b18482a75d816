"""Two editors on one entry: the later save never silently replaces the earlier one."""

import pytest
from django.urls import reverse

from relations.models import Event
from tests.conftest import admin_form
from tests.test_admin import MODELS, admin_url
from tests.test_fuzz import add_one

pytestmark = pytest.mark.django_db


def change_url(event):
    return reverse("admin:relations_event_change", args=[event.pk])


@pytest.fixture
def two_editors(make_staff):
    from django.test import Client

    clients = []
    for name in ("ayse", "boris"):
        client = Client()
        client.force_login(make_staff("Editors", username=name))
        clients.append(client)
    return clients


def opened_form(client, event):
    """What the browser posts back: the form as it was when the editor opened it."""
    response = client.get(change_url(event))
    assert response.status_code == 200
    return response.context["adminform"].form["seen_version"].value()


def test_a_save_after_someone_elses_save_is_refused_and_keeps_the_input(
    two_editors, make_event, event_post
):
    ayse, boris = two_editors
    event = make_event(title="Forum", summary="Original")
    ayse_version = opened_form(ayse, event)
    boris_version = opened_form(boris, event)
    assert ayse_version == boris_version

    response = ayse.post(change_url(event), event_post(event, summary="Ayşe's text"))
    assert response.status_code == 302

    response = boris.post(
        change_url(event), event_post(event, summary="Boris's text", seen_version=boris_version)
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "ayse changed this entry on" in page
    assert "Nothing has been saved" in page
    assert "Boris&#x27;s text" in page  # his input is still in the form
    assert 'type="checkbox" name="save_anyway"' in page
    event.refresh_from_db()
    assert event.summary == "Ayşe's text"


def test_ticking_save_anyway_replaces_the_other_version(two_editors, make_event, event_post):
    ayse, boris = two_editors
    event = make_event(summary="Original")
    boris_version = opened_form(boris, event)
    ayse.post(change_url(event), event_post(event, summary="Ayşe's text"))

    response = boris.post(
        change_url(event),
        event_post(event, summary="Boris's text", seen_version=boris_version, save_anyway="on"),
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.summary == "Boris's text"


def test_saving_twice_in_a_row_by_one_editor_is_no_conflict(two_editors, make_event, event_post):
    ayse, _ = two_editors
    event = make_event(summary="Original")
    assert ayse.post(change_url(event), event_post(event, summary="One")).status_code == 302
    event.refresh_from_db()
    assert ayse.post(change_url(event), event_post(event, summary="Two")).status_code == 302
    event.refresh_from_db()
    assert event.summary == "Two"


def test_a_change_outside_the_admin_counts_too(two_editors, make_event, event_post):
    ayse, _ = two_editors
    event = make_event(summary="Original")
    version = opened_form(ayse, event)
    by_script = Event.objects.get(pk=event.pk)
    by_script.summary = "From a script"
    by_script.save()  # an import or a script

    response = ayse.post(change_url(event), event_post(event, summary="Mine", seen_version=version))
    assert response.status_code == 200
    assert "someone without an account" in response.content.decode()


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_kind_refuses_a_save_over_a_newer_version(two_editors, seed, model):
    """Both open the same entry; the first saves the form as shown, the second is refused."""
    from relations.forms import version_of

    entry = model.objects.order_by("pk").first() or add_one(model)
    url = admin_url(model, "change", entry.pk)
    ayse, boris = two_editors
    ayse_form, boris_form = admin_form(ayse.get(url)), admin_form(boris.get(url))
    # Both change the same field, each differently: a field only one of them changed would
    # be merged.
    name = changeable_field(model, ayse_form)
    ayse_form[name], boris_form[name] = different_values(model, name, ayse_form[name][0])

    assert ayse.post(url, ayse_form).status_code == 302
    saved = version_of(entry)
    assert saved != boris_form["seen_version"][0]

    response = boris.post(url, boris_form)
    assert response.status_code == 200
    assert "ayse changed this entry on" in response.text
    assert version_of(entry) == saved


def changeable_field(model, form):
    """A text field of ``model`` the form shows, or a choice field when it has none."""
    from django.db import models

    for name in form:
        try:
            field = model._meta.get_field(name)
        except Exception:
            continue
        text = isinstance(field, (models.CharField, models.TextField)) and not field.choices
        special = isinstance(field, (models.SlugField, models.EmailField, models.URLField))
        if text and not special and name != "iso_code" and not name.endswith("_precision"):
            return name
    return "kind"


def different_values(model, name, value):
    field = model._meta.get_field(name)
    if field.choices:
        others = [key for key, _label in field.choices if key != value]
        return [others[0]], [others[1]]
    return [f"{value[:80]} (Ayşe)"], [f"{value[:80]} (Boris)"]


def test_fields_only_one_editor_changed_are_merged(two_editors, make_event):
    ayse, boris = two_editors
    event = make_event(title="Forum", summary="Original")
    ayse_form, boris_form = (
        admin_form(ayse.get(change_url(event))),
        admin_form(boris.get(change_url(event))),
    )
    ayse_form["summary_en"] = ["Ayşe's summary"]
    assert ayse.post(change_url(event), ayse_form).status_code == 302
    boris_form["title_en"] = ["Boris's title"]
    response = boris.post(change_url(event), boris_form)
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.title_en, event.summary_en) == ("Boris's title", "Ayşe's summary")
    assert event.history.count() >= 2


def test_a_conflict_shows_their_value_and_yours_and_save_anyway_names_the_fields(
    two_editors, make_event
):
    ayse, boris = two_editors
    event = make_event(title="Forum", summary="Original")
    ayse_form, boris_form = (
        admin_form(ayse.get(change_url(event))),
        admin_form(boris.get(change_url(event))),
    )
    ayse_form["summary_en"] = ["Ayşe's summary"]
    ayse_form["place_en"] = ["Ankara"]
    assert ayse.post(change_url(event), ayse_form).status_code == 302
    boris_form["summary_en"] = ["Boris's summary"]
    boris_form["title_en"] = ["Boris's title"]
    response = boris.post(change_url(event), boris_form)
    assert response.status_code == 200
    page = response.content.decode()
    assert "ayse saved: “Ayşe&#x27;s summary”. Yours is in the field." in page
    assert "Boris&#x27;s summary" in page
    assert "Replaces their version of: Summary [en]." in page

    again = admin_form(response)
    again["save_anyway"] = ["on"]
    assert boris.post(change_url(event), again).status_code == 302
    event.refresh_from_db()
    # His summary and title, her place: only the field named was overwritten.
    assert (event.summary_en, event.title_en, event.place_en) == (
        "Boris's summary",
        "Boris's title",
        "Ankara",
    )


def test_text_typed_into_an_entry_deleted_meanwhile_is_kept_and_saved_as_a_new_draft(
    two_editors, make_event
):
    from relations.models import Publication

    ayse, boris = two_editors
    event = make_event(title="Forum", summary="Original")
    form = admin_form(boris.get(change_url(event)))
    delete = reverse("admin:relations_event_delete", args=[event.pk])
    assert ayse.post(delete, {"post": "yes"}).status_code == 302

    form["summary_en"] = ["Boris's long afternoon of typing"]
    response = boris.post(change_url(event), form)
    assert response.status_code == 200
    page = response.content.decode()
    assert "ayse deleted this entry on" in page
    assert "Boris&#x27;s long afternoon of typing" in page
    again = admin_form(response)
    again["save_anyway"] = ["on"]
    response = boris.post(change_url(event), again)
    assert response.status_code == 302, response.context["errors"]
    copy = Event.objects.get(summary_en="Boris's long afternoon of typing")
    assert copy.publication == Publication.DRAFT
    assert list(copy.countries.all()) == list(event.countries.all()) or copy.countries.exists()
