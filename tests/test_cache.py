"""Visitors' pages come from the cache until an editor changes anything, and never stale."""

import datetime
import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.http import HttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from relations import cache as page_cache
from relations.models import Event, Publication
from tests.conftest import bulk_action

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model):
    """A logged-in editor on a client of their own, beside the anonymous `client`."""
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw-123456")
    editor = Client()
    editor.force_login(user)
    return editor


def admin_form_data(response):
    """What the admin change form would post back unchanged."""
    form = response.context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, datetime.datetime):
            data[f"{name}_0"], data[f"{name}_1"] = value.date(), value.time()
        elif value is not None:
            data[name] = value
    return data


def test_second_request_is_served_from_the_cache(client, make_event, django_assert_num_queries):
    event = make_event(title="Cached event")

    first = client.get(event.get_absolute_url())
    with django_assert_num_queries(0):
        second = client.get(event.get_absolute_url())

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


def test_admin_save_shows_the_new_title_on_the_next_request(client, editor, make_event):
    event = make_event(title="Old title")
    client.get(event.get_absolute_url())
    assert b"Old title" in client.get(event.get_absolute_url()).content

    change_url = reverse("admin:relations_event_change", args=[event.pk])
    form_page = editor.get(change_url)
    # With translated fields the form has title_en beside title_ru and title_tr.
    title = "title_en" if "title_en" in form_page.context["adminform"].form.fields else "title"
    response = editor.post(change_url, admin_form_data(form_page) | {title: "New title"})
    assert response.status_code == 302, response.context["adminform"].form.errors

    page = client.get(event.get_absolute_url())
    assert b"New title" in page.content
    assert b"Old title" not in page.content


def test_admin_publish_action_shows_the_entry_on_the_next_request(client, editor, make_event):
    event = make_event(title="Waiting draft", publication=Publication.DRAFT)
    assert b"Waiting draft" not in client.get(reverse("relations:event-list")).content

    editor.post(
        reverse("admin:relations_event_changelist"),
        bulk_action("publish", [event]),
    )

    assert b"Waiting draft" in client.get(reverse("relations:event-list")).content


def test_delete_and_relation_changes_empty_the_cache(client, make_event, russia):
    event = make_event(title="Short-lived")
    list_url = reverse("relations:event-list")
    client.get(event.get_absolute_url())

    event.countries.add(russia)
    assert b"Homeland" in client.get(event.get_absolute_url()).content

    client.get(list_url)
    event.delete()
    assert b"Short-lived" not in client.get(list_url).content


def test_a_fixture_load_empties_the_cache_once(client, tmp_path, seed, monkeypatch):
    """Loading many objects draws one new generation at the end, not one per object."""
    events_url = reverse("relations:event-list")
    client.get(events_url)
    assert client.get(events_url)["X-Page-Cache"] == "hit"
    fixture = tmp_path / "more.json"
    fixture.write_text(json.dumps([
        {
            "model": "relations.event",
            "fields": {
                "title_en": f"Loaded event {n}", "slug": f"loaded-event-{n}", "date": "2026-01-01",
                "date_precision": "day", "category": "cultural", "publication": "published",
            },
        }
        for n in range(30)
    ]))  # fmt: skip
    drawn = []
    original = page_cache.invalidate
    monkeypatch.setattr(page_cache, "invalidate", lambda: (drawn.append(1), original()))
    call_command("load_content", str(fixture), quiet=True)

    assert len(drawn) <= 2  # now, and once more after the commit
    page = client.get(events_url)
    assert page["X-Page-Cache"] == "miss"
    assert b"Loaded event 0" in page.content


def test_any_editor_post_empties_the_cache(editor, make_event):
    """Bulk changes that bypass model signals (QuerySet.update) are covered too."""
    event = make_event()
    before = page_cache.generation()

    editor.post(reverse("admin:relations_event_change", args=[event.pk]), {})

    assert page_cache.generation()[0] != before


def test_editors_never_get_or_store_cached_pages(client, editor, make_event):
    event = make_event(title="Before")
    client.get(event.get_absolute_url())
    Event.objects.filter(pk=event.pk).update(title="After")  # no signal: the cache is now stale

    editor_page = editor.get(event.get_absolute_url())
    visitor_page = client.get(event.get_absolute_url())

    assert b"After" in editor_page.content
    assert "X-Page-Cache" not in editor_page
    assert b"Before" in visitor_page.content  # proof the visitor's page came from the cache


def test_responses_that_set_cookies_or_fail_are_not_stored():
    with_cookie = HttpResponse("x")
    with_cookie.set_cookie("csrftoken", "abc")
    private = HttpResponse("x", headers={"Cache-Control": "private"})

    assert page_cache.may_store(HttpResponse("x"))
    assert not page_cache.may_store(with_cookie)
    assert not page_cache.may_store(private)
    assert not page_cache.may_store(HttpResponse("x", status=404))


def test_browsers_are_told_to_revalidate(client, make_event):
    response = client.get(make_event().get_absolute_url())

    # max-age=0: browsers revalidate; a shared cache in front keeps it for s-maxage.
    assert "max-age=0" in response["Cache-Control"].split(", ")


@pytest.mark.parametrize("repeat", [1, 2], ids=["fresh", "from-cache"])
def test_repeated_conditional_request_gets_304(client, make_event, repeat):
    url = make_event().get_absolute_url()
    for _ in range(repeat):
        etag = client.get(url)["ETag"]

    response = client.get(url, headers={"If-None-Match": etag})

    assert response.status_code == 304
    assert response.content == b""


def test_scheduled_publication_shortens_the_cache_lifetime(make_event, make_agreement):
    make_agreement(publish_at=timezone.now() + datetime.timedelta(hours=1))
    make_event(publish_at=timezone.now() + datetime.timedelta(seconds=30))

    _, moment = page_cache.generation()

    assert 0 < page_cache.page_timeout(moment) <= 30


def test_without_scheduled_entries_pages_live_for_the_configured_time(make_event):
    make_event()

    _, moment = page_cache.generation()

    assert page_cache.page_timeout(moment) == settings.PAGE_CACHE_SECONDS


def test_a_scheduled_entry_appears_when_its_time_comes(client, make_event):
    event = make_event(title="Scheduled", publish_at=timezone.now() + datetime.timedelta(hours=1))
    list_url = reverse("relations:event-list")
    assert b"Scheduled" not in client.get(list_url).content
    assert client.get(list_url)["X-Page-Cache"] == "hit"

    # Time passes: the database row says the moment has come, and no signal is sent.
    Event.objects.filter(pk=event.pk).update(publish_at=timezone.now())
    token, _ = page_cache.generation()
    cache.set(page_cache.GENERATION_KEY, (token, timezone.now()), timeout=None)

    assert b"Scheduled" in client.get(list_url).content


def test_cache_serves_pages_with_no_database_query(client, make_event, django_assert_num_queries):
    """The cache's own bookkeeping adds no query to a page, cached or not."""
    url = make_event().get_absolute_url()
    client.get(url)
    cache.delete(page_cache.GENERATION_KEY)  # as after a restart of the cache server

    with django_assert_num_queries(0):
        page_cache.generation()


@pytest.mark.skipif(
    "RedisCache" not in settings.CACHES["default"]["BACKEND"],
    reason="needs a shared cache: run with REDIS_URL (scripts/with-redis.sh, as CI does)",
)
def test_two_processes_share_one_generation():
    """What one worker or machine invalidates, every other one sees."""
    before, _ = page_cache.generation()

    def in_other_process(code):
        script = f"import django; django.setup(); from relations import cache; {code}"
        env = os.environ | {"DJANGO_SETTINGS_MODULE": "config.settings"}
        return (
            subprocess.run(
                [sys.executable, "-c", script],
                env=env,
                cwd=settings.BASE_DIR,
                capture_output=True,
                text=True,
                check=True,
            )
            .stdout.strip()
            .splitlines()[-1:]
        )

    assert in_other_process("print(cache.generation()[0])") == [before]
    # A new generation drawn elsewhere (the whole invalidation across processes, with a
    # save, is in scripts/smoke_production.py).
    in_other_process("cache.cache.set(cache.GENERATION_KEY, ('drawn-elsewhere', None), None)")
    assert page_cache.generation()[0] == "drawn-elsewhere"


def test_pages_are_served_uncached_while_the_cache_server_is_down(
    client, make_event, settings, caplog
):
    url = make_event(title="Still here").get_absolute_url()
    # A Redis that is not there: nothing listens on this socket.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "unix:///nonexistent-folder/redis.sock",
        }
    }

    response = client.get(url)

    assert response.status_code == 200
    assert b"Still here" in response.content
    assert "Page cache unavailable" in caplog.text


def test_only_entries_schedule_the_next_invalidation(make_event):
    """History records keep old moments; a rescheduled or deleted entry's must not count."""
    soon = timezone.now() + datetime.timedelta(hours=1)
    later = soon + datetime.timedelta(hours=1)
    event = make_event(publish_at=soon)
    assert page_cache.next_scheduled_publication() == soon
    event.publish_at = later
    event.save()
    assert page_cache.next_scheduled_publication() == later
    event.delete()
    assert page_cache.next_scheduled_publication() is None


def test_a_made_up_session_cookie_gets_the_cached_page(client, make_event):
    """Any sessionid used to skip the cache (137 → 4 requests/s with wrk, #16)."""
    event = make_event(title="Cached event")
    client.get(event.get_absolute_url())

    client.cookies[settings.SESSION_COOKIE_NAME] = "made-up-session-key"
    forged = client.get(event.get_absolute_url())
    client.cookies[settings.SESSION_COOKIE_NAME] = "another-made-up-key"
    forged_again = client.get(reverse("relations:event-list"))
    plain = Client().get(reverse("relations:event-list"))

    assert forged["X-Page-Cache"] == "hit"
    assert forged_again["X-Page-Cache"] == "miss"
    assert "Cookie" not in forged_again.get("Vary", "")  # stored for everyone, not per cookie
    assert plain["X-Page-Cache"] == "hit"


def test_unknown_or_reordered_query_parameters_get_the_cached_page(client, make_event):
    make_event(title="Listed event")
    events = reverse("relations:event-list")
    first = client.get(f"{events}?q=listed&category=")

    busted = [client.get(f"{events}?q=listed&nocache={n}&utm_source=x") for n in range(3)]
    detail = client.get(f"{reverse('relations:home')}?random=1")
    again = client.get(f"{reverse('relations:home')}?random=2")

    assert first["X-Page-Cache"] == "miss"
    assert [page["X-Page-Cache"] for page in busted] == ["hit", "hit", "hit"]
    assert b"nocache" not in busted[0].content and b"utm_source" not in busted[0].content
    assert (detail["X-Page-Cache"], again["X-Page-Cache"]) == ("miss", "hit")


def test_known_parameters_still_filter(client, make_event):
    make_event(title="Alpha meeting")
    make_event(title="Beta meeting")
    page = client.get(reverse("relations:event-list"), {"q": "Alpha", "junk": "1"})

    assert b"Alpha meeting" in page.content
    assert b"Beta meeting" not in page.content


def test_a_save_draws_a_generation_keeping_the_earliest_moment_without_a_query(make_event):
    """Each save, many-to-many step and inline row drew a generation, and each read every
    entry's schedule (about 10 ms): a save now brings the moment forward to its own, and
    the full reading waits for the commit."""
    soon = timezone.now() + datetime.timedelta(hours=1)
    later = soon + datetime.timedelta(hours=1)
    make_event(publish_at=later)
    assert cache.get(page_cache.GENERATION_KEY)[1] == later
    event = make_event(publish_at=soon)
    token, moment = cache.get(page_cache.GENERATION_KEY)
    assert moment == soon

    event.publish_at = later + datetime.timedelta(hours=1)
    with CaptureQueriesContext(connection) as queries:
        event.save()
    new_token, new_moment = cache.get(page_cache.GENERATION_KEY)
    assert new_token != token
    assert new_moment == soon, "an early moment only costs a needless new generation"
    assert not [query for query in queries if "UNION" in query["sql"]]
