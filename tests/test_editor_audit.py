"""Issue #15 audited as a new Editor and a new Contributor would try it (docs/editing.md,
"Audit"): the promises the earlier tests proved for one model or one path only, tried on
the others. Every test logs in as a plain Editor or Contributor and posts what the admin's
form contains (``admin_form``), changing only what a person would type."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from relations.models import (
    Agreement,
    AgreementLink,
    CoChair,
    Organisation,
    Person,
    Publication,
    Role,
)
from tests.conftest import admin_form, form_fields

pytestmark = pytest.mark.django_db


def change_url(entry):
    return reverse(f"admin:relations_{entry._meta.model_name}_change", args=[entry.pk])


def page_form(response):
    data = {}
    for name, value in form_fields(response.content.decode(), None):
        data.setdefault(name, []).append(value)
    return data


def delete_and_restore(client, entry):
    """Delete ``entry`` through its confirmation page, then restore it through the
    "deleted entries" list and the restore form as shown. The confirmation's text."""
    model = type(entry)
    name = model._meta.model_name
    url = reverse(f"admin:relations_{name}_delete", args=[entry.pk])
    confirmation = client.get(url).content.decode()
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert not model.objects.filter(pk=entry.pk).exists()
    deletion = model.history.filter(id=entry.pk, history_type="-").get()
    listing = client.get(reverse(f"admin:relations_{name}_deleted")).content.decode()
    assert deletion.revert_url() in listing
    response = client.post(deletion.revert_url(), page_form(client.get(deletion.revert_url())))
    assert response.status_code == 302, response.context and response.context.get("errors")
    return confirmation


def rows(queryset, *exclude):
    return sorted(
        [
            tuple(sorted((k, v) for k, v in row.items() if k not in ("id", *exclude)))
            for row in queryset.values()
        ],
        key=repr,
    )


# Item 2 for the other parents of child rows: a council's co-chairs, a person's roles.


def test_a_deleted_council_comes_back_with_its_co_chairs_and_countries_as_a_draft(
    editor_client, make_organisation, make_cochair, make_person, turkey, russia
):
    council = make_organisation(name="Joint Council", kind="council", countries=[turkey, russia])
    make_cochair(body=council, person=make_person(name="A. Co-chair"), country=russia)
    make_cochair(
        body=council,
        person=make_person(name="B. Co-chair"),
        country=turkey,
        date=datetime.date(2014, 1, 1),
    )
    co_chairs = rows(CoChair.objects.filter(body=council))
    confirmation = delete_and_restore(editor_client, council)
    assert "co-chair" in confirmation.lower()
    restored = Organisation.objects.get(pk=council.pk)
    assert restored.publication == Publication.DRAFT
    assert set(restored.countries.all()) == {turkey, russia}
    assert rows(CoChair.objects.filter(body=restored)) == co_chairs
    assert "co-chair" in restored.history.latest().history_change_reason.lower()


def test_a_deleted_person_comes_back_with_their_roles(
    editor_client, make_person, make_role, make_source, turkey
):
    person = make_person(name="Ahmet Example")
    person.sources.set([make_source()])
    make_role(person=person, title="Minister of Examples", country=turkey)
    make_role(person=person, title="Prime Minister", date=datetime.date(2009, 5, 1))
    roles = rows(Role.objects.filter(person=person))
    confirmation = delete_and_restore(editor_client, person)
    assert "role" in confirmation.lower()
    restored = Person.objects.get(pk=person.pk)
    assert rows(Role.objects.filter(person=restored)) == roles
    assert restored.sources.count() == 1


# Item 3: a copy takes every inline's rows with it, the links as well as the actions.


def test_save_as_new_copies_the_links_to_earlier_agreements(
    editor_client, make_agreement, make_action, make_link
):
    earlier = make_agreement(title="Earlier Treaty")
    agreement = make_agreement(title="Protocol of Copying", slug="protocol-of-copying")
    make_action(agreement=agreement)
    make_link(from_agreement=agreement, to_agreement=earlier, kind="amends")
    data = admin_form(editor_client.get(change_url(agreement)))
    data["_saveasnew"] = ["Save as new"]
    response = editor_client.post(change_url(agreement), data)
    assert response.status_code == 302, response.context["errors"]
    copy = Agreement.objects.get(slug="protocol-of-copying-copy")
    assert copy.publication == Publication.DRAFT
    assert copy.actions.count() == 1
    assert list(
        AgreementLink.objects.filter(from_agreement=copy).values_list("kind", "to_agreement")
    ) == [("amends", earlier.pk)]


# Item 7: a save that changes only an inline row is one version too.


def test_a_save_that_changes_an_action_only_writes_one_version(
    editor_client, make_agreement, make_action
):
    agreement = make_agreement()
    make_action(agreement=agreement)
    before = agreement.history.count()
    data = admin_form(editor_client.get(change_url(agreement)))
    data["actions-0-note_en"] = ["Signed in Ankara"]
    response = editor_client.post(change_url(agreement), data)
    assert response.status_code == 302, response.context["errors"]
    assert agreement.actions.get().note_en == "Signed in Ankara"
    assert agreement.history.count() == before + 1


# Item 6: a scheduled entry says so in its changelist, in the site's time zone.


def test_the_changelist_says_scheduled_with_the_moment_in_the_site_time_zone(
    contributor_client, make_agreement
):
    moment = timezone.now().replace(microsecond=0) + datetime.timedelta(days=3)
    make_agreement(title="Treaty of Tomorrow", publish_at=moment)
    page = contributor_client.get(reverse("admin:relations_agreement_changelist")).content
    local = timezone.localtime(moment, timezone.get_default_timezone())
    assert "Scheduled for" in page.decode()
    assert local.strftime("%H:%M") in page.decode()


# Item 8: the admin's own search (not only the autocomplete) finds a person in Russian.


@pytest.mark.parametrize("term", ["Erdoğan", "Эрдоган"])
def test_the_people_list_finds_a_name_in_every_language(editor_client, seed, term):
    page = editor_client.get(reverse("admin:relations_person_changelist"), {"q": term})
    assert [person.name for person in page.context["cl"].result_list] == ["Recep Tayyip Erdoğan"]


# Item 9: two roles on one day, typed into the person's form, are refused in words.


def test_two_roles_of_one_person_on_one_day_are_refused_in_words(
    editor_client, make_person, make_role
):
    person = make_person(name="Duplicate Dates")
    make_role(person=person, title="Minister", date=datetime.date(2001, 1, 1))
    data = admin_form(editor_client.get(change_url(person)))
    data["roles-TOTAL_FORMS"] = ["2"]
    for name, value in {
        "title_en": "Deputy Minister",
        "date": "2001-01-01",
        "date_precision": "day",
        "person": str(person.pk),
    }.items():
        data[f"roles-1-{name}"] = [value]
    response = editor_client.post(change_url(person), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "already" in page or "duplicate" in page
    for constraint in Role._meta.constraints:
        assert constraint.name not in page
    assert Role.objects.filter(person=person).count() == 1
