"""Issue 16, item 5: nothing a stranger makes up gets past the page cache.

The Django side: the "signedin" cookie is set at a real login (through the login form) and
only then, goes at logout, and never lands on a page the cache stores. The Varnish side
(deploy/varnish.vcl under varnishtest, with a scripted backend): a made-up session cookie,
a wrong "signedin" cookie and unknown query parameters are answered from the cache; only
the two cookies of a real session pass, and what Django answers them is never stored.
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from django.test import Client
from django.urls import get_resolver

from relations import front_pass
from relations.kinds import LISTED

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from front import varnish_config  # noqa: E402  (scripts/ is not a package)

PASSWORD = "pw-123456"  # conftest's make_staff


def log_in(client, user):
    response = client.post(
        "/admin/login/?next=/admin/", {"username": user.username, "password": PASSWORD}
    )
    assert response.status_code == 302, response.content[:500]
    return response


def test_a_real_login_sets_the_signedin_cookie_with_the_token(editor):
    client = Client()
    response = log_in(client, editor)
    marker = response.cookies[front_pass.COOKIE_NAME]
    assert marker.value == front_pass.token()
    assert len(marker.value) == 64
    assert marker["httponly"] and marker["samesite"] == "Lax"
    assert marker["max-age"] == client.session.get_expiry_age()
    # Signed in, the public pages are the editor's own and say so.
    page = client.get("/en/events/")
    assert "private" in page["Cache-Control"] and front_pass.COOKIE_NAME not in page.cookies


def test_a_wrong_password_sets_no_cookie(editor):
    response = Client().post(
        "/admin/login/?next=/admin/", {"username": editor.username, "password": "wrong"}
    )
    assert front_pass.COOKIE_NAME not in response.cookies


def test_logging_out_deletes_it(editor):
    client = Client()
    log_in(client, editor)
    response = client.post("/admin/logout/")
    assert response.cookies[front_pass.COOKIE_NAME].value == ""
    assert response.cookies[front_pass.COOKIE_NAME]["max-age"] == 0


def test_a_session_from_before_the_cookie_gets_it_on_its_next_request(editor_client):
    response = editor_client.get("/admin/")
    assert response.status_code == 200
    assert response.cookies[front_pass.COOKIE_NAME].value == front_pass.token()
    editor_client.cookies[front_pass.COOKIE_NAME] = front_pass.token()
    assert front_pass.COOKIE_NAME not in editor_client.get("/admin/").cookies


def test_an_expired_session_loses_it_in_the_admin(editor):
    client = Client()
    log_in(client, editor)
    client.session.flush()
    client.cookies["sessionid"] = "expired0000000000000000000000000"
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.cookies[front_pass.COOKIE_NAME].value == ""


@pytest.mark.parametrize("marker", ["made-up", None])
def test_made_up_cookies_still_get_the_stored_page(client, make_event, marker):
    """Straight to the workers (no Varnish): a made-up session with or without a signedin
    cookie is answered from the page cache, with no Set-Cookie that would keep it out."""
    make_event(title="Shown to all")
    client.get("/en/events/")
    client.cookies["sessionid"] = "madeup00000000000000000000000000"
    if marker:
        client.cookies[front_pass.COOKIE_NAME] = marker
    response = client.get("/en/events/")
    assert response["X-Page-Cache"] == "hit"
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


# ---------------------------------------------------------------------------
# The VCL itself.


def parameters_the_site_reads():
    """Every query parameter a visitor page, the API or a sitemap reads."""
    names = {"p"}  # django.contrib.sitemaps' page
    names |= {"page", "page_size"}  # the API's pagination (relations/api.py, Pages)

    def walk(patterns):
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                walk(pattern.url_patterns)
                continue
            view = getattr(pattern.callback, "view_class", None)
            names.update(getattr(view, "query_parameters", None) or ())
            filterset = getattr(view, "filterset_class", None)
            if filterset is not None:
                names.update(filterset.base_filters)

    walk(get_resolver().url_patterns)
    for kind in LISTED.values():
        names.update(kind.filterset.base_filters)
    return names


def test_the_vcl_keeps_every_parameter_the_site_reads(settings):
    vcl = (ROOT / "deploy/varnish.vcl").read_text()
    kept = vcl.split("# front: parameters", 1)[1].split("(?!(", 1)[1].split(")=", 1)[0]
    assert set(kept.split("|")) == parameters_the_site_reads()
    languages = vcl.split('if (req.url ~ "^/((', 1)[1].split(")/", 1)[0]
    assert set(languages.split("|")) == {code for code, _ in settings.LANGUAGES}


TOKEN = "ab" * 32
PUBLIC = 'txresp -hdr "Cache-Control: public, max-age=0, s-maxage=600" -body'
PRIVATE = 'txresp -hdr "Cache-Control: private, no-store" -body'


def run_vcl(tmp_path, server, client, token=TOKEN):
    if not shutil.which("varnishtest"):
        pytest.skip("varnishtest (Debian's varnish package) is not installed")
    # varnishd's child may run as its own user: the file must be readable from outside.
    shared = Path(tempfile.mkdtemp(prefix="vcl-token."))
    shared.chmod(0o755)
    token_file = shared / "token"
    if token is not None:
        token_file.write_text(token + "\n")
    vcl = varnish_config(8000, token_file)
    vcl = (
        vcl.replace("vcl 4.1;", "")
        .replace('.host = "127.0.0.1";', '.host = "${s1_addr}";')
        .replace('.port = "8000";', '.port = "${s1_port}";')
    )
    script = tmp_path / "site.vtc"
    script.write_text(
        f'varnishtest "deploy/varnish.vcl"\n'
        f"server s1 {{\n{server}\n}} -start\n"
        f"varnish v1 -vcl {{\n{vcl}\n}} -start\n"
        f"client c1 {{\n{client}\n}} -run\n"
    )
    try:
        result = subprocess.run(
            ["varnishtest", "-q", str(script)], capture_output=True, text=True, timeout=60
        )
    finally:
        shutil.rmtree(shared)
    failures = [line for line in result.stdout.splitlines() if line.startswith("----")]
    assert result.returncode == 0, "\n".join(failures) or result.stdout[-3000:]


def get(url, cookie=None, proto="https"):
    header = f' -hdr "Cookie: {cookie}"' if cookie else ""
    return f'txreq -url "{url}" -hdr "X-Forwarded-Proto: {proto}"{header}\nrxresp'


MADE_UP = "sessionid=k3j4h5g6f7d8s9a0q1w2e3r4t5y6u7i8; csrftoken=x; _ga=GA1.1.2"


def test_a_made_up_session_or_signedin_cookie_is_served_from_the_cache(tmp_path):
    server = f"""
        rxreq
        expect req.url == "/en/events/"
        expect req.http.Cookie == <undef>
        {PUBLIC} "anonymous page"
    """
    client = "\n".join(
        [
            get("/en/events/"),
            get("/en/events/", MADE_UP),
            'expect resp.http.X-Cache == "hit"',
            get("/en/events/", MADE_UP + "; signedin=" + "cd" * 32),
            'expect resp.http.X-Cache == "hit"',
            get("/en/events/", "sessionid=x; signedin="),
            'expect resp.http.X-Cache == "hit"',
            'expect resp.body == "anonymous page"',
        ]
    )
    run_vcl(tmp_path, server, client)


def test_a_real_editor_always_reaches_django_and_is_never_stored(tmp_path):
    editor = f"sessionid=real; signedin={TOKEN}"
    server = f"""
        rxreq
        expect req.http.Cookie == <undef>
        {PUBLIC} "anonymous page"
        rxreq
        expect req.http.Cookie == "{editor}"
        {PRIVATE} "editor page"
        rxreq
        expect req.http.Cookie == "{editor}"
        {PRIVATE} "editor page again"
    """
    client = "\n".join(
        [
            get("/en/events/"),
            get("/en/events/", editor),
            'expect resp.body == "editor page"',
            'expect resp.http.X-Cache == "miss"',
            get("/en/events/", editor),
            'expect resp.body == "editor page again"',
            get("/en/events/"),
            'expect resp.body == "anonymous page"',
            'expect resp.http.X-Cache == "hit"',
        ]
    )
    run_vcl(tmp_path, server, client)


def test_without_the_token_file_nobody_passes(tmp_path):
    server = f"""
        rxreq
        {PUBLIC} "anonymous page"
    """
    client = "\n".join(
        [get("/en/"), get("/en/", "sessionid=real; signedin="), 'expect resp.http.X-Cache == "hit"']
    )
    run_vcl(tmp_path, server, client, token=None)


def test_on_a_miss_django_sees_the_session_so_the_admin_still_works(tmp_path):
    """A session from before the signedin cookie (or a made-up one) is looked up in the
    cache; on a miss Django gets its cookies: the admin answers the editor, never stored."""
    server = f"""
        rxreq
        expect req.url == "/admin/"
        expect req.http.Cookie == "sessionid=old"
        {PRIVATE} "the editor's admin"
        rxreq
        expect req.http.Cookie == "sessionid=madeup"
        {PUBLIC} "anonymous page"
    """
    client = "\n".join(
        [
            get("/admin/", "sessionid=old"),
            'expect resp.body == "the editor\'s admin"',
            get("/en/timeline/", "sessionid=madeup"),
            get("/en/timeline/"),
            'expect resp.http.X-Cache == "hit"',
        ]
    )
    run_vcl(tmp_path, server, client)


def test_unknown_parameters_and_empty_ones_are_dropped_before_the_key(tmp_path):
    server = f"""
        rxreq
        expect req.url == "/en/events/"
        {PUBLIC} "first page"
        rxreq
        expect req.url == "/en/events/?page=2&sort=date"
        {PUBLIC} "second page"
        rxreq
        expect req.url == "/en/a&b/"
        {PUBLIC} "odd path"
        rxreq
        expect req.url == "/admin/relations/event/?o=1&publication=draft"
        {PRIVATE} "changelist"
        rxreq
        expect req.url == "/api/events/?page_size=100&year=1992"
        {PUBLIC} "api"
    """
    client = "\n".join(
        [
            get("/en/events/"),
            get("/en/events/?utm_source=x&k3j4h5=1&fbclid=y&page=&q="),
            'expect resp.http.X-Cache == "hit"',
            get("/en/events/?%70age=3&gclid=1"),
            'expect resp.http.X-Cache == "hit"',
            get("/en/events/?sort=date&zz=1&page=2"),
            get("/en/events/?page=2&sort=date&utm_medium=m"),
            'expect resp.http.X-Cache == "hit"',
            get("/en/a&b/?x=1"),
            get("/admin/relations/event/?publication=draft&utm_source=x&o=1"),
            get("/api/events/?year=1992&k=1&page_size=100"),
        ]
    )
    run_vcl(tmp_path, server, client)
