"""Issue #15, as Editors and Contributors meet it: searching in every language, messages
they understand, the site's time zone, scheduling and the review workflow."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("term", ["Turkey", "Турция", "Türkiye"])
def test_admin_search_matches_every_language(editor_client, seed, term):
    page = editor_client.get(reverse("admin:relations_country_changelist"), {"q": term})
    assert page.status_code == 200
    assert page.context["cl"].result_count == 1


@pytest.mark.parametrize("term", ["Erdoğan", "Эрдоган"])
def test_autocomplete_matches_every_language(contributor_client, seed, term):
    answer = contributor_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "relations", "model_name": "visit", "field_name": "person", "term": term},
    )
    assert answer.status_code == 200
    assert [row["text"] for row in answer.json()["results"]] == ["Recep Tayyip Erdoğan"]


def test_search_through_a_relation_matches_every_language(editor_client, seed):
    page = editor_client.get(reverse("admin:relations_visit_changelist"), {"q": "Эрдоган"})
    assert page.context["cl"].result_count > 0


def test_every_check_constraint_speaks_to_an_editor():
    """Django's default names the constraint ("visit_between_two_countries" is violated)."""
    from django.apps import apps
    from django.db.models import CheckConstraint

    for model in apps.get_app_config("relations").get_models():
        for constraint in model._meta.constraints:
            if isinstance(constraint, CheckConstraint):
                message = str(constraint.get_violation_error_message())
                assert constraint.name not in message, (model, constraint.name)


def test_a_visit_between_one_country_and_itself_is_refused_in_words(make_visit, turkey):
    from django.core.exceptions import ValidationError

    visit = make_visit()
    visit.origin_country = visit.host_country = turkey
    with pytest.raises(ValidationError) as refused:
        visit.validate_constraints()
    assert "visiting country and the host country must differ" in str(refused.value)
    assert "visit_between_two_countries" not in str(refused.value)


def test_the_site_time_zone_defaults_to_moscow_and_the_form_says_so(editor_client, make_event):
    from django.conf import settings

    assert settings.TIME_ZONE == "Europe/Moscow"  # no SITE_TIME_ZONE in the test environment
    event = make_event()
    page = editor_client.get(reverse("admin:relations_event_change", args=[event.pk])).text
    assert page.count("Time zone: Europe/Moscow.") == 2  # publish at, unpublish at


def test_publish_at_is_entered_in_the_site_time_zone(editor_client, make_event, event_post):
    import datetime

    event = make_event()
    data = event_post(event, publish_at_0="2030-01-01", publish_at_1="12:00:00")
    answer = editor_client.post(reverse("admin:relations_event_change", args=[event.pk]), data)
    assert answer.status_code == 302, answer.context["errors"]
    event.refresh_from_db()
    assert event.publish_at == datetime.datetime(2030, 1, 1, 9, 0, tzinfo=datetime.UTC)
    listed = editor_client.get(reverse("admin:relations_event_changelist")).text
    assert "Scheduled for 2030-01-01 12:00" in listed


def test_unpublish_at_hides_an_entry_and_bounds_the_page_cache(make_event):
    import datetime

    from django.utils import timezone

    from relations.cache import next_scheduled_publication
    from relations.models import Event

    now = timezone.now()
    gone = make_event(unpublish_at=now - datetime.timedelta(minutes=1))
    going = make_event(unpublish_at=now + datetime.timedelta(hours=1))
    make_event(publish_at=now + datetime.timedelta(hours=2))
    assert set(Event.objects.published()) == {going}
    assert (gone.is_public, going.is_public) == (False, True)
    assert next_scheduled_publication() == going.unpublish_at


def test_unpublish_at_must_follow_publish_at(editor_client, make_event, event_post):
    event = make_event()
    data = event_post(
        event,
        publish_at_0="2030-01-02",
        publish_at_1="12:00:00",
        unpublish_at_0="2030-01-01",
        unpublish_at_1="12:00:00",
    )
    answer = editor_client.post(reverse("admin:relations_event_change", args=[event.pk]), data)
    assert answer.status_code == 200
    assert "must come after" in answer.text
