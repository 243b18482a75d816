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


def change_url(event):
    return reverse("admin:relations_event_change", args=[event.pk])


def test_a_contributor_sends_a_draft_to_review_and_visitors_still_do_not_see_it(
    contributor_client, editor_client, make_event, event_post
):
    from relations.models import Event, Publication

    event = make_event(publication=Publication.DRAFT)
    form = contributor_client.get(change_url(event)).text
    assert 'name="_send_to_review"' in form
    assert 'name="_send_to_review"' not in editor_client.get(change_url(event)).text
    data = event_post(event, body="Ready") | {"_send_to_review": "1"}
    assert contributor_client.post(change_url(event), data).status_code == 302
    event.refresh_from_db()
    assert (event.body, event.publication) == ("Ready", Publication.REVIEW)
    assert not Event.objects.published().filter(pk=event.pk).exists()
    # Still the Contributor's to improve while it waits, and never theirs to publish.
    assert (
        contributor_client.post(change_url(event), event_post(event, body="Better")).status_code
        == 302
    )
    event.refresh_from_db()
    assert (event.body, event.publication) == ("Better", Publication.REVIEW)


def test_an_editor_publishes_only_the_version_they_reviewed(
    contributor_client, editor_client, make_event, event_post
):
    from relations.models import Publication

    event = make_event(publication=Publication.REVIEW, body="Reviewed")
    reviewed = event_post(event, publication=Publication.PUBLISHED)  # the editor opens it
    contributor_client.post(change_url(event), event_post(event, body="Changed after"))
    refused = editor_client.post(change_url(event), reviewed)
    assert refused.status_code == 200
    event.refresh_from_db()
    assert (event.body, event.publication) == ("Changed after", Publication.REVIEW)
    accepted = editor_client.post(change_url(event), event_post(event, publication="published"))
    assert accepted.status_code == 302
    event.refresh_from_db()
    assert event.publication == Publication.PUBLISHED


def test_the_dashboard_lists_review_schedule_drafts_and_others_changes(
    contributor_client,
    editor_client,
    contributor,
    make_event,
    event_post,
    django_assert_max_num_queries,
):
    import datetime

    from django.utils import timezone

    from relations.models import Publication

    waiting = make_event(title="Waiting", publication=Publication.DRAFT)
    contributor_client.post(change_url(waiting), event_post(waiting) | {"_send_to_review": "1"})
    make_event(title="Later", publish_at=timezone.now() + datetime.timedelta(days=1))
    mine = make_event(title="Mine", publication=Publication.DRAFT)
    editor_client.post(change_url(mine), event_post(mine, body="Mine now"))
    with django_assert_max_num_queries(16):
        page = editor_client.get(reverse("admin:index")).text
    board = page[page.index('id="review-dashboard"') :]
    sections = dict(part.split("</h3>", 1) for part in board.split("<h3>")[1:])
    assert "Waiting" in sections["Ready for review"] and "Mine" not in sections["Ready for review"]
    assert "Later" in sections["Scheduled"]
    assert "Mine" in sections["My drafts"] and "Waiting" not in sections["My drafts"]
    assert "Waiting" in sections["Recently changed by others"]
    assert f"by {contributor.username}" in sections["Recently changed by others"]
    # Published but still to come: scheduled, not yet "recently published".
    assert "Later" not in sections["Recently published"]


def test_the_english_original_is_shown_under_each_translation(contributor_client, make_event):
    from relations.models import Publication

    event = make_event(title="Original <b>title</b>", publication=Publication.DRAFT)
    page = contributor_client.get(change_url(event)).text
    shown = "English original: Original &lt;b&gt;title&lt;/b&gt;"
    assert page.count(shown) == 2  # under title_ru and title_tr, escaped


def test_help_text_says_markdown_exactly_where_pages_render_markdown():
    """Read from the templates: every ``object.field|markdown``, and no other field."""
    import re
    from pathlib import Path

    from django.apps import apps
    from django.conf import settings

    names = {"page": "partnerpage", "partner": "partnerpage"}
    rendered = set()
    for template in Path(settings.BASE_DIR, "templates").rglob("*.html"):
        for obj, field in re.findall(r"(\w+)\.(\w+)\|markdown", template.read_text()):
            rendered.add((names.get(obj, obj), field))
    assert rendered
    said = {
        (model._meta.model_name, field.name)
        for model in apps.get_app_config("relations").get_models()
        for field in model._meta.fields
        if "Markdown" in str(field.help_text)
        and not field.name.endswith(("_en", "_ru", "_tr"))
        and not model._meta.model_name.startswith("historical")
    }
    assert said == rendered
