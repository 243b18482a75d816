"""Serve the site as production does and check it from outside, as a visitor would.

Run by `make smoke` inside scripts/with-postgres.sh and scripts/with-redis.sh: real gunicorn
with several workers on a loopback port, PostgreSQL, one Redis cache shared by the workers
and by a separate process that saves a change (an editor on another machine). Checks the
security headers, the HTTPS redirect, hashed and compressed static files with far-future
cache headers, the shared page cache and its invalidation, 304s and the JSON logs. Stops
everything it started, whatever happens.
"""

import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from front import front  # scripts/ is not a package: found through sys.path
from gunicorn_server import Gunicorn, production_env

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
WORKERS = 3
checks = []


def check(condition, what):
    print(("ok    " if condition else "FAIL  ") + what, flush=True)
    checks.append(condition)
    return condition


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


opener = urllib.request.build_opener(NoRedirect)


def get(url, https=True, **headers):
    """(status, headers, body); as the load balancer would pass it on, HTTPS by default."""
    if https:
        headers["X-Forwarded-Proto"] = "https"
    request = urllib.request.Request(url, headers=headers)
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def main():
    for name in ("DATABASE_URL", "REDIS_URL"):
        if not os.environ.get(name):
            sys.exit(f"{name} is not set: run through `make smoke`.")
    workdir = Path(tempfile.mkdtemp(prefix="smoke."))
    env = production_env(workdir, PYTHONUNBUFFERED="1")
    # Once per release, from one machine.
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "loaddata", "seed", "--verbosity", "0")
    # On every app machine (or once into the image it runs).
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    manage(env, "check", "--deploy", "--fail-level", "WARNING")

    log_path = workdir / "gunicorn.log"
    with (
        Gunicorn(log_path, WORKERS, env) as server,
        front(server.port, workdir / "front", env=env) as (nginx_url, varnish_url),
    ):
        env["VARNISH_URLS"] = varnish_url
        run_checks(server.base, env)
        run_front_checks(nginx_url, env)
    check_logs(log_path.read_text())
    subprocess.run(["rm", "-rf", str(workdir)], check=True)
    failed = checks.count(False)
    print(f"smoke test: {len(checks) - failed} of {len(checks)} checks passed")
    sys.exit(1 if failed else 0)


def run_checks(base, env):
    for _ in range(100):
        try:
            if get(f"{base}/healthz", https=False)[0] == 200:
                break
        except OSError:
            time.sleep(0.2)
    check(get(f"{base}/healthz", https=False)[0] == 200, "/healthz answers 200 over plain HTTP")

    status, headers, _ = get(f"{base}/", https=False)
    check(status == 301 and headers["Location"].startswith("https://"), "plain HTTP goes to HTTPS")

    status, headers, body = get(f"{base}/")
    if status in {301, 302}:  # to the visitor's language, when the site has several
        status, headers, body = get(base + headers["Location"])
    html = body.decode()
    check(status == 200, "home page answers 200")
    check(headers["Strict-Transport-Security"].startswith("max-age="), "HSTS")
    check("script-src 'self'" in headers["Content-Security-Policy"], "Content-Security-Policy")
    check(headers["X-Content-Type-Options"] == "nosniff", "X-Content-Type-Options")
    check(headers["X-Frame-Options"] == "DENY", "X-Frame-Options")
    check(headers["Referrer-Policy"] == "same-origin", "Referrer-Policy")

    status, headers, _ = get(f"{base}/admin/login/")
    check(status == 200 and "Content-Security-Policy" in headers, "admin login page, with CSP")

    static_urls = re.findall(r'(?:href|src)="(/static/[^"]+)"', html)
    check(
        static_urls and all(re.search(r"\.[0-9a-f]{12}\.\w+$", url) for url in static_urls),
        f"pages name hashed static files only: {static_urls}",
    )
    for encoding in ("br", "gzip"):
        status, headers, _ = get(base + static_urls[0], **{"Accept-Encoding": encoding})
        check(
            status == 200
            and headers["Content-Encoding"] == encoding
            and "max-age=315360000" in headers["Cache-Control"]
            and "immutable" in headers["Cache-Control"],
            f"static file served {encoding}-compressed, cached for good",
        )

    events_url = base + re.search(r'href="((?:/[a-z-]+)?/events/)"', html)[1]
    event_url = (
        base + re.search(r'href="((?:/[a-z-]+)?/events/[^"?]+/)"', get(events_url)[2].decode())[1]
    )

    def many(url, count=12, **headers):
        with ThreadPoolExecutor(max_workers=6) as pool:
            return list(pool.map(lambda _: get(url, **headers), range(count)))

    responses = many(event_url)
    check(all(status == 200 for status, *_ in responses), "concurrent requests all answer 200")
    check(
        any(headers["X-Page-Cache"] == "hit" for _, headers, _ in responses),
        "repeated requests are served from the cache",
    )

    # An editor's change in another process, sharing only the database and Redis.
    slug = event_url.rstrip("/").rsplit("/", 1)[1]
    code = (
        f"from relations.models import Event; e = Event.objects.get(slug={slug!r}); "
        "e.title = 'Changed by the smoke test'; e.save()"
    )
    manage(env, "shell", "--verbosity", "0", "--command", code)
    responses = many(event_url)
    check(
        all(b"Changed by the smoke test" in body for _, _, body in responses),
        "after a save elsewhere, every worker serves the new title at once",
    )

    etag = responses[0][1]["ETag"]
    status, *_ = get(event_url, **{"If-None-Match": etag})
    check(status == 304, "repeated conditional request answers 304")


def run_front_checks(base, env):
    """nginx → Varnish → gunicorn, as production runs (deploy/)."""
    status, headers, body = get(f"{base}/en/events/")
    check(status == 200, "a list answers 200 through nginx and Varnish")
    event_url = base + re.search(r'href="(/en/events/[^"?]+/)"', body.decode())[1]
    get(event_url)
    status, headers, _ = get(event_url)
    check(
        status == 200 and headers["X-Cache"] == "hit" and "Surrogate-Key" not in headers,
        f"an anonymous page is served from Varnish the second time (Age {headers['Age']})",
    )
    made_up = "sessionid=0123456789abcdefghijklmnopqrstuv; csrftoken=x; _ga=1"
    status, headers, _ = get(event_url + "?utm_source=x&k3j4=1", Cookie=made_up)
    check(
        status == 200 and headers["X-Cache"] == "hit",
        "a made-up session cookie and unknown parameters are served from Varnish",
    )
    status, headers, _ = get(event_url, Cookie=made_up + "; signedin=" + "0" * 64)
    check(headers["X-Cache"] == "hit", "so is a made-up signedin cookie")
    cookies = log_in_through(base, env)
    check(
        {"sessionid", "signedin"} <= set(cookies),
        f"logging in through the front sets the session and signedin cookies: {sorted(cookies)}",
    )
    editor = "; ".join(f"{name}={value}" for name, value in cookies.items())
    status, headers, _ = get(event_url, Cookie=editor)
    check(
        status == 200 and headers["X-Cache"] == "miss" and "private" in headers["Cache-Control"],
        "a signed-in editor passes Varnish and gets a private page",
    )
    status, _, body = get(f"{base}/admin/", Cookie=editor)
    check(status == 200 and b"smoke-editor" in body, "the editor is signed in to the admin")
    status, headers, _ = get(event_url)
    check(headers["X-Cache"] == "hit", "visitors still get the shared page")

    slug = event_url.rstrip("/").rsplit("/", 1)[1]
    code = (
        f"from relations.models import Event; e = Event.objects.get(slug={slug!r}); "
        "e.title = 'Published through the front'; e.save()"
    )
    manage(env, "shell", "--verbosity", "0", "--command", code)
    status, headers, body = get(event_url)
    check(
        b"Published through the front" in body and headers["X-Cache"] == "miss",
        f"a published change is visible through Varnish at once (X-Cache {headers['X-Cache']})",
    )

    check(
        spoofed_guesses_are_still_counted(base),
        "six wrong passwords, each with a made-up X-Forwarded-For, still lock the address out",
    )

    # Slow clients: 50 connections that send half a request line and hold it.
    slow = []
    for _ in range(50):
        sock = socket.create_connection(("127.0.0.1", int(base.rsplit(":", 1)[1])))
        sock.sendall(b"GET /en/ HT")
        slow.append(sock)
    try:
        started = time.monotonic()
        statuses = [get(f"{base}/en/events/" if n % 2 else f"{base}/en/")[0] for n in range(10)]
        elapsed = time.monotonic() - started
        check(
            all(s == 200 for s in statuses) and elapsed < 5,
            f"with 50 slow-header connections open, 10 pages in {elapsed:.2f} s: {statuses}",
        )
    finally:
        for sock in slow:
            sock.close()

    # 200 new search words from one address, 20 at a time (one at a time, each waits for its
    # rendering and stays under the rate): nginx answers 429 beyond its burst
    # (deploy/nginx.conf, limit_req), while a page Varnish holds is still served.
    with ThreadPoolExecutor(20) as pool:
        statuses = list(pool.map(lambda n: get(f"{base}/en/search/?q=smoke{n}x")[0], range(200)))
    status, headers, _ = get(event_url)
    check(
        set(statuses) == {200, 429} and statuses.count(200) >= 20 and headers["X-Cache"] == "hit",
        f"new searches from one address: {statuses.count(200)} pages, then 429; "
        f"a page in Varnish still {status} ({headers['X-Cache']})",
    )


def spoofed_guesses_are_still_counted(base):
    """Wrong passwords, each with a new made-up X-Forwarded-For: the lockout still counts
    them against the one real address (nginx passes on only the address it saw)."""
    for n in range(6):
        _, headers, body = get(f"{base}/admin/login/", **{"X-Forwarded-For": f"198.51.100.{n}"})
        csrf = headers.get_all("Set-Cookie")[0].split(";", 1)[0]
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)[1].decode()
        request = urllib.request.Request(
            f"{base}/admin/login/",
            data=f"csrfmiddlewaretoken={token}&username=smoke-editor&password=wrong{n}".encode(),
            headers={
                "X-Forwarded-Proto": "https",
                "X-Forwarded-For": f"203.0.113.{n}",
                "Origin": "https://127.0.0.1",
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": csrf,
            },
        )
        try:
            with opener.open(request, timeout=10) as response:
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
    return status == 429 or status == 403


def log_in_through(base, env):
    """An editor logs in with the admin's form, through nginx and Varnish: the cookies set."""
    code = (
        "from django.contrib.auth.models import User; "
        "User.objects.create_user('smoke-editor', password='smoke-pw-8472', is_staff=True)"
    )
    manage(env, "shell", "--verbosity", "0", "--command", code)
    _, headers, body = get(f"{base}/admin/login/")
    cookies = dict(
        line.split(";", 1)[0].split("=", 1) for line in headers.get_all("Set-Cookie") or ()
    )
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)[1].decode()
    data = f"csrfmiddlewaretoken={token}&username=smoke-editor&password=smoke-pw-8472&next=/admin/"
    request = urllib.request.Request(
        f"{base}/admin/login/",
        data=data.encode(),
        headers={
            "X-Forwarded-Proto": "https",
            # nginx passes Host without the port, as on 443 behind the load balancer.
            "Origin": "https://127.0.0.1",
            "Referer": "https://127.0.0.1/admin/login/",
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={cookies['csrftoken']}",
        },
    )
    try:
        opener.open(request, timeout=10)
    except urllib.error.HTTPError as error:  # the 302 the login answers, not followed
        for line in error.headers.get_all("Set-Cookie") or ():
            name, value = line.split(";", 1)[0].split("=", 1)
            cookies[name] = value
    cookies.pop("csrftoken", None)
    return cookies


def check_logs(text):
    lines = [line for line in text.splitlines() if line.strip()]
    entries = []
    for line in lines:
        try:
            entries.append(json.loads(line))
        except ValueError:
            check(False, f"log line is JSON: {line}")
    requests = [entry for entry in entries if entry.get("logger") == "gunicorn.access"]
    check(len(entries) == len(lines), f"all {len(lines)} log lines are JSON")
    check(
        len(requests) >= 30 and all({"method", "path", "status"} <= set(e) for e in requests),
        f"one access log line per request ({len(requests)})",
    )
    page = [e for e in requests if "/events/" in e["path"] and e["page_cache"] != "-"]
    first_miss = next(e for e in page if e["page_cache"] == "miss")
    check(
        any(e["page_cache"] == "hit" and e["pid"] != first_miss["pid"] for e in page),
        "a page one worker cached is served by another worker",
    )
    booted = [e for e in entries if e["message"].startswith("Booting worker")]
    check(len(booted) >= WORKERS, f"{len(booted)} gunicorn workers")


if __name__ == "__main__":
    main()
