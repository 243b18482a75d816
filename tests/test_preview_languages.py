"""An entry's preview in any language (issue #15 item 8): an Editor working in English
sees the Russian or Turkish visitor's page of a draft before it is published."""

import pytest
from django.urls import reverse

from relations.models import Publication

pytestmark = pytest.mark.django_db


def preview_url(entry):
    return reverse(f"admin:relations_{entry._meta.model_name}_preview", args=[entry.pk])


def test_the_change_form_offers_a_preview_in_each_language(editor_client, make_event):
    event = make_event(publication=Publication.DRAFT)
    page = editor_client.get(reverse("admin:relations_event_change", args=[event.pk])).text
    for code in ("en", "ru", "tr"):
        assert f'href="{preview_url(event)}?language={code}"' in page


def test_a_draft_previews_in_russian_and_turkish_from_an_english_admin(editor_client, make_event):
    event = make_event(
        title="Business forum", title_ru="Деловой форум", publication=Publication.DRAFT
    )
    russian = editor_client.get(preview_url(event), {"language": "ru"})
    assert russian.status_code == 200
    assert '<html lang="ru">' in russian.text
    assert "<h1>Деловой форум</h1>" in russian.text
    assert russian["Content-Language"] == "ru"
    # No Turkish title yet: the Turkish page shows the English one, as visitors would see it.
    turkish = editor_client.get(preview_url(event), {"language": "tr"})
    assert '<html lang="tr">' in turkish.text
    assert '<h1 lang="en">Business forum</h1>' in turkish.text
    # The admin itself stays in English afterwards.
    after = editor_client.get(reverse("admin:relations_event_change", args=[event.pk]))
    assert '<html lang="en"' in after.text


def test_an_unknown_language_previews_in_the_admins_language(editor_client, make_event):
    event = make_event(title="Business forum", publication=Publication.DRAFT)
    response = editor_client.get(preview_url(event), {"language": "xx"})
    assert response.status_code == 200
    assert '<html lang="en">' in response.text
