"""Issue #15, item 9: checks an editor understands. An action by a country that is not a
party is refused; office phone and fax numbers are dialable; an import preview names the
slug it cannot find in a sentence.

Every admin test logs in as a plain Editor and posts what the admin's form contains."""

import datetime

import pytest
import tablib
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from relations import models
from relations.models import AgreementAction, Office
from tests.conftest import admin_form

pytestmark = pytest.mark.django_db


def change_url(entry):
    return reverse(f"admin:relations_{entry._meta.model_name}_change", args=[entry.pk])


def with_action_row(data, party, action="signature"):
    """The form's data with one more row in the agreement's actions inline."""
    n = int(data["actions-TOTAL_FORMS"][0])
    return data | {
        "actions-TOTAL_FORMS": [str(n + 1)],
        f"actions-{n}-party": [str(party.pk)],
        f"actions-{n}-action": [action],
        f"actions-{n}-date": ["1992-05-25"],
        f"actions-{n}-date_precision": ["day"],
    }


def test_an_action_by_a_country_that_is_no_party_is_refused_in_words(
    editor_client, make_agreement, russia, country
):
    agreement = make_agreement()
    outsider = country(name="Farland")
    url = change_url(agreement)
    data = with_action_row(admin_form(editor_client.get(url)), outsider)
    answer = editor_client.post(url, data)
    assert answer.status_code == 200
    assert "Farland is not a party to this agreement" in answer.text
    assert "add it to the agreement&#x27;s parties" in answer.text
    assert not AgreementAction.objects.exists()

    # A party's action is taken; so is an outsider's made a party in the same save.
    data = with_action_row(admin_form(editor_client.get(url)), russia)
    assert editor_client.post(url, data).status_code == 302
    data = with_action_row(admin_form(editor_client.get(url)), outsider, "ratification")
    data["parties"] = [*data["parties"], str(outsider.pk)]
    answer = editor_client.post(url, data)
    assert answer.status_code == 302, answer.context["errors"]
    assert set(agreement.actions.values_list("party__name", flat=True)) == {"Homeland", "Farland"}


def test_removing_a_party_that_has_acted_is_refused(editor_client, make_action, russia):
    action = make_action(party=russia)
    url = change_url(action.agreement)
    data = admin_form(editor_client.get(url))
    data["parties"] = [pk for pk in data["parties"] if pk != str(russia.pk)]
    answer = editor_client.post(url, data)
    assert answer.status_code == 200
    assert "Homeland is not a party to this agreement" in answer.text
    assert russia in action.agreement.parties.all()


def test_the_model_refuses_an_action_by_a_non_party(make_agreement, country):
    agreement = make_agreement()
    action = AgreementAction(
        agreement=agreement,
        party=country(name="Farland"),
        action="signature",
        date=datetime.date(1992, 5, 25),
    )
    with pytest.raises(ValidationError) as refused:
        action.full_clean()
    assert "Farland is not a party" in str(refused.value.message_dict["party"])


@pytest.mark.parametrize(
    "number",
    ["+7 495 123-45-67", "(+90312) 418-67-26", "+90 (312) 418 67 26", "+74951234567"],
)
def test_phone_numbers_as_dialled_from_abroad_are_taken(number):
    models.validate_phone(number)


@pytest.mark.parametrize(
    "number",
    ["8 (495) 123-45-67", "call the embassy", "+7 495 123-45-67 ext. 12", "+7 12", "+7 495 1"],
)
def test_other_phone_numbers_are_refused_with_an_example(number):
    with pytest.raises(ValidationError) as refused:
        models.validate_phone(number)
    assert "+7 495 123-45-67" in refused.value.messages[0]


def test_the_office_form_refuses_a_national_fax_number(editor_client, make_office):
    office = make_office()
    url = change_url(office)
    data = admin_form(editor_client.get(url)) | {"fax": ["8 (495) 123-45-67"]}
    answer = editor_client.post(url, data)
    assert answer.status_code == 200
    assert answer.context["adminform"].form.errors["fax"][0].startswith("Write the number")
    data["fax"] = ["+7 495 123-45-67"]
    assert editor_client.post(url, data).status_code == 302


def test_every_office_and_action_of_the_seed_still_validates(seed):
    for office in Office.objects.all():
        office.full_clean()
    for action in AgreementAction.objects.select_related("agreement"):
        action.full_clean()


def import_preview(client, model, rows, headers):
    url = reverse(f"admin:relations_{model}_import")
    choices = client.get(url).context["form"].fields["format"].choices
    fmt = next(value for value, label in choices if label.lower() == "csv")
    data = tablib.Dataset(*rows, headers=headers).export("csv").encode()
    upload = SimpleUploadedFile("rows.csv", data, "text/csv")
    return client.post(url, {"format": fmt, "resource": "0", "import_file": upload})


def test_an_import_preview_names_unknown_slugs_in_a_sentence(editor_client, turkey):
    headers = ["slug", "title", "date", "date_precision", "category", "countries", "series"]
    rows = [
        ("expo", "Expo", "2006-06-01", "month", "exhibition", "testland, narnia", ""),
        ("fair", "Fair", "2006-06-01", "month", "exhibition", "testland", "no-such-series"),
    ]
    answer = import_preview(editor_client, "event", rows, headers)
    assert answer.status_code == 200
    page = answer.content.decode()
    assert "matching query does not exist" not in page
    assert "Traceback" not in page
    assert "No country has the slug “narnia”" in page
    assert "No recurring event has the slug “no-such-series”" in page
    assert "confirm_form" not in answer.context


def test_an_import_preview_refuses_an_undialable_phone_in_words(
    editor_client, make_organisation, turkey
):
    make_organisation(slug="rostec")
    headers = ["slug", "name", "organisation", "country", "phone", "publication"]
    rows = [("ankara", "Ankara office", "rostec", "testland", "ring reception", "draft")]
    page = import_preview(editor_client, "office", rows, headers).content.decode()
    assert "Write the number as dialled from abroad" in page
