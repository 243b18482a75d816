"""Security headers on every response, the login lockout, and a movable admin."""

import os
import re
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import Client, RequestFactory
from django.urls import reverse

from config.proxy import client_ip

pytestmark = pytest.mark.django_db


def public_page(client, make_event):
    return client.get(make_event().get_absolute_url())


def cached_public_page(client, make_event):
    url = make_event().get_absolute_url()
    client.get(url)
    response = client.get(url)
    assert response["X-Page-Cache"] == "hit"
    return response


def admin_login(client, make_event):
    return client.get(reverse("admin:login"))


PAGES = {
    "public page": public_page,
    "public page from the cache": cached_public_page,
    "admin login": admin_login,
}


@pytest.fixture(params=[*PAGES, "admin change form"])
def response(request, client, staff_client, make_event):
    if request.param == "admin change form":
        event = make_event()
        return staff_client.get(reverse("admin:relations_event_change", args=[event.pk]))
    client.logout()
    return PAGES[request.param](client, make_event)


def test_page_loads(response):
    assert response.status_code == 200


def test_content_security_policy_allows_no_inline_code(response):
    policy = dict(
        directive.strip().split(" ", 1)
        for directive in response["Content-Security-Policy"].split(";")
    )

    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert "unsafe" not in response["Content-Security-Policy"]


def test_pages_have_no_inline_script_or_style(response):
    html = response.content.decode()

    assert "<style" not in html
    assert " style=" not in html
    assert "<script>" not in html
    assert not re.search(r"<[^>]+\son[a-z]+=", html)  # event handler attributes


def test_content_type_sniffing_is_off(response):
    assert response["X-Content-Type-Options"] == "nosniff"


def test_referrer_stays_on_the_site(response):
    assert response["Referrer-Policy"] == "same-origin"


def test_no_other_site_may_frame_the_page(response):
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("path", ["/", "/admin/login/"])
def test_https_responses_carry_hsts(client, settings, path):
    settings.SECURE_HSTS_SECONDS = 31536000

    response = client.get(path, secure=True)

    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_plain_http_is_redirected_but_health_checks_are_not(client, settings):
    settings.SECURE_SSL_REDIRECT = True

    assert client.get("/").status_code == 301
    assert client.get("/healthz").status_code == 200


# ---------------------------------------------------------------------------
# Login lockout (django-axes)


def attempt_login(client, username, password, address="203.0.113.5"):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=address,
    )


@pytest.fixture
def editor_account(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "right-pw-1")


def test_right_password_logs_in(client, editor_account):
    assert attempt_login(client, "editor", "right-pw-1").status_code == 302


def test_user_is_locked_out_after_failed_attempts(client, editor_account, caplog):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt_login(client, "editor", "wrong").status_code == 200
    assert attempt_login(client, "editor", "wrong").status_code == 429

    response = attempt_login(client, "editor", "right-pw-1")

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert any("login failure" in record.getMessage() for record in caplog.records)
    assert any("Locking out" in record.getMessage() for record in caplog.records)


def test_guessing_a_password_elsewhere_does_not_lock_the_editor_out(client, editor_account):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt_login(client, "editor", "wrong", address="192.0.2.66")
    assert attempt_login(client, "editor", "right-pw-1", address="192.0.2.66").status_code == 429

    # The same username from the editor's own address still gets in.
    assert attempt_login(Client(), "editor", "right-pw-1").status_code == 302


def test_address_is_locked_out_across_usernames(client, editor_account):
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt_login(client, f"guess-{n}", "wrong")

    assert attempt_login(client, "editor", "right-pw-1").status_code == 429
    # The lock is on the address: the editor still gets in from elsewhere.
    assert (
        attempt_login(Client(), "editor", "right-pw-1", address="198.51.100.7").status_code == 302
    )


def test_forwarded_address_is_ignored_unless_behind_a_proxy(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9"
    )

    settings.BEHIND_PROXY = False
    assert client_ip(request) == "10.0.0.2"
    settings.BEHIND_PROXY = True
    assert client_ip(request) == "203.0.113.9"


def test_admin_url_is_set_by_the_environment():
    script = (
        "import django; django.setup(); from django.urls import reverse; "
        "print(reverse('admin:index'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        env=os.environ
        | {"DJANGO_SETTINGS_MODULE": "config.settings", "DJANGO_ADMIN_URL": "editors/"},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )

    assert result.stdout.strip().splitlines()[-1] == "/editors/"


def test_a_static_cdn_is_the_one_other_origin_allowed():
    script = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['style-src'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        env=os.environ
        | {
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DJANGO_STATIC_URL": "https://cdn.example.org/assets/",
        },
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )

    assert result.stdout.strip() == "[\"'self'\", 'https://cdn.example.org']"


@pytest.mark.parametrize("model", ["agreementaction", "event", "agreementlink"])
def test_a_nul_character_in_an_admin_filter_shows_the_list_again(staff_client, model):
    """PostgreSQL refuses NUL in text: a list filter given one ended in a database error."""
    response = staff_client.get(f"/admin/relations/{model}/?action=a&action=%00&q=%00")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/relations/{model}/?e=1"


def test_an_empty_to_field_on_a_change_form_is_no_field(staff_client, seed):
    """Django let an empty ``_to_field`` through, then failed on a field named ""."""
    from relations.models import Agreement, AgreementLink

    older, newer = Agreement.objects.order_by("signed_on")[:2]
    link = AgreementLink.objects.create(from_agreement=newer, kind="amends", to_agreement=older)
    staff_client.raise_request_exception = False
    response = staff_client.post(f"/admin/relations/agreementlink/{link.pk}/change/?_to_field=")
    assert response.status_code == 200
    assert "This field is required." in response.text


def test_posts_without_the_csrf_token_are_refused(editor, seed):
    from django.test import Client

    from tests.conftest import admin_form

    anonymous = Client(enforce_csrf_checks=True)
    response = anonymous.post(reverse("admin:login"), {"username": "x", "password": "y"})
    assert response.status_code == 403

    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    url = reverse("admin:relations_event_add")
    data = admin_form(client.get(url))
    token = data.pop("csrfmiddlewaretoken")
    assert client.post(url, data).status_code == 403
    # The same post with the form's token reaches the form (errors, but no refusal).
    assert client.post(url, data | {"csrfmiddlewaretoken": token}).status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/api/events/%00/",
        "/api/agreements/a%00b/",
        "/en/events/%00/",
        "/admin/autocomplete/?app_label=relations&model_name=event&field_name=sources&term=%00",
        "/admin/relations/event/?q=%00",
    ],
)
def test_nul_characters_in_addresses_are_not_server_errors(editor_client, seed, path):
    editor_client.raise_request_exception = False
    assert editor_client.get(path).status_code in {200, 302, 400, 404}


def test_history_pages_answer_a_malformed_id_with_404(editor_client, seed):
    from django.contrib import admin

    editor_client.raise_request_exception = False
    for model in admin.site._registry:
        if model._meta.app_label != "relations":
            continue
        prefix = f"/admin/relations/{model._meta.model_name}"
        first = model.objects.order_by("pk").first()
        for path in (f"{prefix}/abc/history/", f"{prefix}/{first.pk if first else 1}/history/x/"):
            assert editor_client.get(path).status_code == 404, path
