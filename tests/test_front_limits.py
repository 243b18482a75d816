"""Issue 16: what reaches a worker is limited per visitor address, at nginx (deploy/nginx.conf).

The real front (scripts/front.py: Debian's nginx and Varnish with deploy/nginx.conf and
deploy/varnish.vcl) before a backend. Clients connect from different loopback addresses
(127.0.0.2, 127.0.0.3, ...: Linux answers the whole 127/8), so nginx sees them as different
visitors.

- New values of a parameter the site reads (``?q=<new word>``) are Varnish misses: from one
  address, beyond a burst, nginx answers 429 with Retry-After and the backend never hears of
  them; another address still gets its pages, and cache hits are never limited.
- Behind a load balancer (the ``set_real_ip_from`` line, docs/production.md), the limit and
  Django's login lockout count by the visitor address the balancer names; an
  X-Forwarded-For from anyone else is ignored.
"""

import http.client
import re
import secrets
import shutil
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import front  # noqa: E402  (scripts/ is not a package)

BURST = 50  # deploy/nginx.conf: limit_req ... burst=50; rate=10r/s

pytestmark = pytest.mark.skipif(
    not (shutil.which("nginx") and shutil.which("varnishd")),
    reason="nginx and varnishd (Debian's nginx and varnish packages) are not installed",
)


class Backend(ThreadingHTTPServer):
    """Stands in for gunicorn: a shareable page naming its address, and a log of requests."""

    daemon_threads = True

    def __init__(self):
        self.seen = []  # (path, X-Forwarded-For)
        super().__init__(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def port(self):
        return self.server_address[1]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        self.server.seen.append((self.path, self.headers.get("X-Forwarded-For")))
        body = f"page {self.path}".encode()
        self.send_response(200)
        self.send_header("Cache-Control", "public, max-age=0, s-maxage=600")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def site(monkeypatch):
    """(nginx's port, the backend): the front, with no load balancer before it."""
    yield from make_site(monkeypatch)


def make_site(monkeypatch, balancer=None):
    # Varnish's token for signed-in editors: none of these requests carries one.
    monkeypatch.setattr(front, "pass_token", lambda env=None: "ab" * 32)
    # Run as root, varnishd reads its files as its own user: not under pytest's 0700 tmp.
    workdir = Path(tempfile.mkdtemp(prefix="front-limits."))
    backend = Backend()
    try:
        with front.front(backend.port, workdir / "front", balancer=balancer) as (url, _):
            yield int(url.rsplit(":", 1)[1]), backend
    finally:
        backend.shutdown()
        shutil.rmtree(workdir, ignore_errors=True)


class Visitor:
    """One keep-alive connection to nginx from ``address``."""

    def __init__(self, port, address):
        self.connection = http.client.HTTPConnection(
            "127.0.0.1", port, timeout=10, source_address=(address, 0)
        )

    def get(self, path, **headers):
        self.connection.request("GET", path, headers={"X-Forwarded-Proto": "https", **headers})
        response = self.connection.getresponse()
        return response.status, response.headers, response.read()


def new_word():
    return secrets.token_hex(6)


def burst(visitor, count=120, **headers):
    """``count`` requests as fast as one connection goes, each for a search never asked."""
    started = time.monotonic()
    answers = [visitor.get(f"/en/events/?q={new_word()}", **headers) for _ in range(count)]
    return answers, time.monotonic() - started


def check_limited(answers, seconds):
    statuses = [status for status, _headers, _body in answers]
    passed = statuses.count(200)
    # The burst, plus what the rate (10 a second) refills while it runs.
    assert BURST <= passed <= BURST + 1 + 10 * seconds + 1, (passed, seconds)
    assert set(statuses) == {200, 429}
    _status, headers, body = next(a for a in answers if a[0] == 429)
    assert headers["Retry-After"] == "5"
    assert "no-store" in headers["Cache-Control"]
    assert body.startswith(b"Too many requests") and len(body) < 200
    return passed


def test_one_address_asking_for_new_values_is_limited_and_others_are_not(site):
    port, backend = site
    stranger = Visitor(port, "127.0.0.2")
    assert stranger.get("/en/")[0] == 200  # now in Varnish
    answers, seconds = burst(stranger)
    passed = check_limited(answers, seconds)
    # Only what nginx let through reached the backend: 429s cost it nothing.
    assert len([path for path, _ in backend.seen if "?q=" in path]) == passed

    # Cache hits are never limited, even for the address that is.
    status, headers, body = stranger.get("/en/")
    assert (status, headers["X-Cache"], body) == (200, "hit", b"page /en/")
    assert stranger.get(f"/en/events/?q={new_word()}")[0] == 429

    # Another visitor gets new pages all the while.
    neighbour = Visitor(port, "127.0.0.3")
    assert [neighbour.get(f"/en/events/?year={1000 + n}")[0] for n in range(20)] == [200] * 20


def test_a_refused_address_is_not_stored(site):
    port, backend = site
    stranger = Visitor(port, "127.0.0.4")
    answers, _seconds = burst(stranger, count=BURST + 10)
    assert answers[-1][0] == 429
    assert stranger.get("/en/timeline/")[0] == 429
    neighbour = Visitor(port, "127.0.0.5")
    status, _headers, body = neighbour.get("/en/timeline/")
    assert (status, body) == (200, b"page /en/timeline/")
    assert backend.seen[-1] == ("/en/timeline/", "127.0.0.5")


def test_signed_in_editors_are_not_limited_and_nobody_can_say_they_are_one(site):
    """An office of editors shares one address: their pages pass Varnish with the signed-in
    marker (the token ``make_site`` gives Varnish) and nginx does not count them. A made-up
    marker, or Varnish's own header written by a visitor, is counted as anyone's."""
    port, _backend = site
    editor = Visitor(port, "127.0.0.6")
    answers, _seconds = burst(editor, count=BURST + 30, Cookie=f"sessionid=s; signedin={'ab' * 32}")
    assert {status for status, _headers, _body in answers} == {200}
    for address, headers in (
        ("127.0.0.7", {"Cookie": f"sessionid=s; signedin={'cd' * 32}"}),
        ("127.0.0.8", {"X-Signed-In-Editor": "1"}),
    ):
        check_limited(*burst(Visitor(port, address), **headers))


# ---------------------------------------------------------------------------
# Behind a load balancer (issue 16, the `set_real_ip_from` line of deploy/nginx.conf): here
# 127.0.0.1 is the balancer, and it names the visitor in X-Forwarded-For.


@pytest.fixture
def behind_balancer(monkeypatch):
    yield from make_site(monkeypatch, balancer="127.0.0.1")


def via(address):
    """What the balancer sends for a visitor at ``address`` who wrote an X-Forwarded-For of
    their own: the balancer appends the address it saw."""
    return {"X-Forwarded-For": f"198.51.100.99, {address}"}


def test_behind_the_balancer_the_limit_counts_the_visitor_it_names(behind_balancer):
    port, backend = behind_balancer
    balancer = Visitor(port, "127.0.0.1")
    assert balancer.get("/en/about/", **via("203.0.113.5"))[0] == 200
    # The workers are told the visitor's address, not the balancer's or the visitor's own words.
    assert backend.seen[-1] == ("/en/about/", "203.0.113.5")

    check_limited(*burst(balancer, **via("203.0.113.5")))
    # Another visitor through the same balancer is not limited with the first.
    neighbour = [
        balancer.get(f"/en/events/?q={new_word()}", **via("203.0.113.6")) for _ in range(20)
    ]
    assert [status for status, _h, _b in neighbour] == [200] * 20
    assert backend.seen[-1][1] == "203.0.113.6"


def test_an_x_forwarded_for_from_anyone_but_the_balancer_is_ignored(behind_balancer):
    port, backend = behind_balancer
    stranger = Visitor(port, "127.0.0.2")
    started, answers = time.monotonic(), []
    for n in range(120):
        forged = {"X-Forwarded-For": f"203.0.113.{n % 250}"}
        answers.append(stranger.get(f"/en/events/?q={new_word()}", **forged))
    passed = check_limited(answers, time.monotonic() - started)
    assert [xff for _path, xff in backend.seen] == ["127.0.0.2"] * passed


def post_login(visitor, username, password, **headers):
    """The admin's login form, as a browser fills it in: its CSRF cookie and token."""
    status, response_headers, body = visitor.get("/admin/login/", **headers)
    assert status == 200, body[:300]
    cookie = response_headers["Set-Cookie"].split(";", 1)[0]
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)[1].decode()
    form = f"csrfmiddlewaretoken={token}&username={username}&password={password}&next=/admin/"
    visitor.connection.request(
        "POST",
        "/admin/login/",
        body=form,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": cookie,
            "Origin": "http://127.0.0.1",
            **headers,
        },
    )
    response = visitor.connection.getresponse()
    response.read()
    return response.status


@pytest.fixture
def django_behind_balancer(live_server, transactional_db, settings, monkeypatch):
    """The real site (pytest-django's live server) behind the front and the balancer, with
    DJANGO_BEHIND_PROXY=1 as docs/deployment.md says, and one editor."""
    from django.contrib.auth.models import User

    settings.BEHIND_PROXY = True
    User.objects.create_user("editor", password="right-pw-1", is_staff=True)
    monkeypatch.setattr(front, "pass_token", lambda env=None: "ab" * 32)
    workdir = Path(tempfile.mkdtemp(prefix="front-limits."))
    live_port = int(live_server.url.rsplit(":", 1)[1])
    try:
        with front.front(live_port, workdir / "front", balancer="127.0.0.1") as (url, _):
            yield int(url.rsplit(":", 1)[1])
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def test_behind_the_balancer_the_lockout_counts_the_visitor_it_names(django_behind_balancer):
    port = django_behind_balancer
    balancer = Visitor(port, "127.0.0.1")
    guesses = [post_login(balancer, "editor", f"wrong{n}", **via("203.0.113.5")) for n in range(5)]
    assert guesses == [200, 200, 200, 200, 429]
    assert post_login(balancer, "editor", "right-pw-1", **via("203.0.113.5")) == 429
    # The editor, elsewhere behind the same balancer, is not locked out.
    assert (
        post_login(Visitor(port, "127.0.0.1"), "editor", "right-pw-1", **via("203.0.113.6")) == 302
    )

    # Not the balancer: each guess names a new address of its own, and all count against
    # the one that connected.
    stranger = Visitor(port, "127.0.0.2")
    forged = [
        post_login(stranger, "editor", f"wrong{n}", **{"X-Forwarded-For": f"192.0.2.{n}"})
        for n in range(5)
    ]
    assert forged == [200, 200, 200, 200, 429]
    assert post_login(stranger, "editor", "right-pw-1", **{"X-Forwarded-For": "192.0.2.77"}) == 429


# ---------------------------------------------------------------------------
# Audit of issue 16, item 5: Varnish takes PURGE from 127.0.0.1 (the app machines, via
# VARNISH_URLS), which is also where nginx connects from.


@pytest.mark.parametrize("method", ["PURGE", "BAN"])
def test_a_visitor_cannot_purge_varnish_through_nginx(site, method):
    port, backend = site
    visitor = Visitor(port, "127.0.0.2")
    assert visitor.get("/en/events/")[0] == 200
    visitor.connection.request(method, "/", headers={"Surrogate-Key": "all"})
    response = visitor.connection.getresponse()
    response.read()
    assert response.status == 405
    status, headers, _body = visitor.get("/en/events/")
    assert (status, headers["X-Cache"]) == (200, "hit")
    assert [path for path, _ in backend.seen] == ["/en/events/"]
