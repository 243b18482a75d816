"""The shared HTTP cache in front: what pages say about themselves, and the bans on change.

The bans go to a real HTTP server on a loopback port that records every request, as
Varnish would receive them (deploy/varnish.vcl); `make smoke` runs the real Varnish.
"""

import datetime
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from relations import cache as page_cache
from relations.models import Event, Publication

pytestmark = pytest.mark.django_db


class Recorder(BaseHTTPRequestHandler):
    def do_PURGE(self):
        self.server.purges.append(
            (set(self.headers["Surrogate-Key"].split()), cache.get(page_cache.GENERATION_KEY))
        )
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def varnish():
    """A stand-in Varnish: the PURGE requests it got, as (keys, page cache generation)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    server.purges = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    with override_settings(VARNISH_URLS=[f"http://127.0.0.1:{server.server_port}/"]):
        yield server
    server.shutdown()
    server.server_close()


def free_port():
    """A loopback port that was just free: connections to it are refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def keys_of(response):
    return set(response[page_cache.SURROGATE_KEY_HEADER].split())


def banned(server):
    return set().union(*(keys for keys, _ in server.purges))


def cache_control(response):
    return set(response["Cache-Control"].split(", "))


def test_an_anonymous_page_may_be_shared_and_names_what_it_shows(client, make_event):
    event = make_event()

    response = client.get(event.get_absolute_url())

    assert {"public", "max-age=0", "s-maxage=3600"} <= cache_control(response)
    assert {f"event-{event.pk}", f"country-{event.countries.get().pk}"} <= keys_of(response)
    assert "event-list" not in keys_of(response)  # a detail page lists nothing


def test_a_list_names_its_kind_and_every_entry_on_it(client, make_event):
    shown, other = make_event(), make_event()

    response = client.get(reverse("relations:event-list"), {"q": shown.title})

    assert {"event-list", f"event-{shown.pk}"} <= keys_of(response)
    assert f"event-{other.pk}" not in keys_of(response)


def test_a_page_from_the_page_cache_keeps_its_keys(client, make_event):
    url = make_event().get_absolute_url()
    first = client.get(url)

    again = client.get(url)

    assert again["X-Page-Cache"] == "hit"
    assert keys_of(again) == keys_of(first)
    assert "s-maxage=3600" in cache_control(again)


@override_settings(SHARED_CACHE_SECONDS=0)
def test_without_a_shared_cache_pages_say_no_cache_and_name_nothing(client, make_event):
    response = client.get(make_event().get_absolute_url())

    assert "no-cache" in cache_control(response)
    assert page_cache.SURROGATE_KEY_HEADER not in response


def test_a_shared_page_never_outlives_the_next_scheduled_publication(client, make_event):
    make_event(publish_at=timezone.now() + datetime.timedelta(seconds=100))

    response = client.get(make_event().get_absolute_url())

    seconds = next(int(d.split("=")[1]) for d in cache_control(response) if "s-maxage" in d)
    assert 0 < seconds <= 100


def test_a_signed_in_editor_gets_private_pages(editor_client, make_event):
    response = editor_client.get(make_event().get_absolute_url())

    assert {"private", "no-store"} <= cache_control(response)
    assert page_cache.SURROGATE_KEY_HEADER not in response


def test_the_admin_is_never_stored(editor_client):
    response = editor_client.get(reverse("admin:relations_event_changelist"))

    assert {"private", "no-store"} <= cache_control(response)
    assert page_cache.SURROGATE_KEY_HEADER not in response


def test_an_editor_change_through_the_admin_bans_that_entry_after_commit(
    editor_client, make_event, event_post, varnish, django_capture_on_commit_callbacks
):
    event, untouched = make_event(), make_event()

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            reverse("admin:relations_event_change", args=[event.pk]),
            event_post(event, title_en="Changed"),
        )

    assert response.status_code == 302
    assert len(varnish.purges) == 1  # one ban for the whole save, inlines and links included
    assert {f"event-{event.pk}", "event-list"} <= banned(varnish)
    assert f"event-{untouched.pk}" not in banned(varnish)


def test_the_ban_follows_the_page_cache_emptying(
    make_event, varnish, django_capture_on_commit_callbacks
):
    event = make_event()
    before = cache.get(page_cache.GENERATION_KEY)

    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        event.title = "Changed"
        event.save()

    (_keys, generation_seen), *_ = varnish.purges
    # Varnish fetches again at once: Django's own cache must already be a new generation.
    assert generation_seen != before
    assert generation_seen == cache.get(page_cache.GENERATION_KEY)


def test_a_rolled_back_change_bans_nothing(make_event, varnish, django_capture_on_commit_callbacks):
    event = make_event()

    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        event.title = "Never saved"
        event.save()
        raise RuntimeError

    assert varnish.purges == []


def test_publishing_a_draft_bans_the_pages_that_will_list_it(
    client, make_event, make_organisation, varnish, django_capture_on_commit_callbacks
):
    draft = make_organisation(publication=Publication.DRAFT)
    linked, unrelated = make_event(organisations=[draft]), make_event()
    linked_page = keys_of(client.get(linked.get_absolute_url()))
    unrelated_page = keys_of(client.get(unrelated.get_absolute_url()))
    varnish.purges.clear()

    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        draft.publication = Publication.PUBLISHED
        draft.save()

    # The event's page did not show the draft, yet it is banned: it will show it now.
    assert f"organisation-{draft.pk}" not in linked_page
    assert linked_page & banned(varnish)
    assert not unrelated_page & banned(varnish)


def test_publishing_an_agreement_bans_the_page_of_the_person_who_signed_it(
    make_action, make_person, varnish, django_capture_on_commit_callbacks
):
    signatory = make_person()
    action = make_action(signatory=signatory)
    agreement = action.agreement
    varnish.purges.clear()

    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        agreement.publication = Publication.DRAFT
        agreement.save()

    assert {f"agreement-{agreement.pk}", f"person-{signatory.pk}"} <= banned(varnish)


def test_linking_and_unlinking_ban_both_ends(
    make_event, make_organisation, varnish, django_capture_on_commit_callbacks
):
    event, organisation = make_event(), make_organisation()

    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        event.organisations.add(organisation)
    added = banned(varnish)
    varnish.purges.clear()
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        event.organisations.clear()

    both = {f"event-{event.pk}", f"organisation-{organisation.pk}"}
    assert both <= added
    assert both <= banned(varnish)


def test_deleting_an_entry_bans_its_pages(make_event, varnish, django_capture_on_commit_callbacks):
    event = make_event()
    pk = event.pk

    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        Event.objects.get(pk=pk).delete()

    assert {f"event-{pk}", "event-list"} <= banned(varnish)


def test_a_cache_that_does_not_answer_never_breaks_a_save(
    make_event, caplog, django_capture_on_commit_callbacks
):
    event = make_event()
    with (
        override_settings(VARNISH_URLS=[f"http://127.0.0.1:{free_port()}/"]),
        django_capture_on_commit_callbacks(execute=True),
        transaction.atomic(),
    ):
        event.title = "Saved all the same"
        event.save()

    assert Event.objects.get(pk=event.pk).title == "Saved all the same"
    assert any("Purge of" in record.getMessage() for record in caplog.records)


def test_without_varnish_urls_nothing_is_sent_and_no_query_is_spent(
    make_event, django_assert_num_queries
):
    event = make_event()
    with override_settings(VARNISH_URLS=[]), django_assert_num_queries(0):
        page_cache.content_saved(Event, event)
