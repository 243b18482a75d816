"""Warm throughput through the production front: nginx → Varnish → gunicorn.

scripts/bench.py --front calls this while its warm server (page cache on) runs: the front is
started in front of it as `make smoke` and the load test start it (scripts/front.py, the
configs in deploy/ changed only in their port lines), and each page is driven with the same
wrk settings through nginx. A probe request after the warm-up says what Varnish did with the
page (X-Cache: hit, or miss for a page it does not keep, as /ping). Without nginx or
varnishd the section is skipped with a message.
"""

import shutil
import tempfile
import urllib.error
import urllib.request

from front import front  # scripts/ is not a package: beside this file
from gunicorn_server import PROXY_HEADER


def varnish_state(url):
    """Varnish's X-Cache for one more request: "hit", or "miss" (after the load, a page
    Varnish does not keep, such as /ping)."""
    request = urllib.request.Request(url, headers=PROXY_HEADER)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            headers = response.headers
    except urllib.error.HTTPError as error:
        headers = error.headers
    return headers.get("X-Cache", "none")


def measure(backend_port, targets, wrk, seconds, warmup, floor):
    """Rows (page, url, requests_s, p50_ms, p99_ms, ratio to the direct /ping ``floor``,
    x_cache) and error lines, for every page but the admin's (signed in: never cached)."""
    if not (shutil.which("nginx") and shutil.which("varnishd")):
        print("front: skipped, nginx and varnishd are needed (apt-get install nginx varnish)")
        return [], []
    rows, failed = [], []
    workdir = tempfile.mkdtemp(prefix="bench-front-")
    try:
        # No limit per address: wrk asks for /ping (never stored) from one, thousands a second.
        with front(backend_port, workdir, limit=False) as (nginx_url, _varnish_url):
            for name, path, *_measured in targets:
                if name.startswith("admin"):
                    continue
                url = nginx_url + path
                varnish_state(url)  # the first request fills Varnish
                if warmup:
                    wrk(url, warmup)
                rate, p50, p99, errors = wrk(url, seconds)
                if errors:
                    failed.append(f"{name} (front): {errors} error responses")
                row = {
                    "page": name,
                    "url": path,
                    "requests_s": rate,
                    "p50_ms": p50,
                    "p99_ms": p99,
                    "ratio": rate / floor if floor else 1.0,
                    "x_cache": varnish_state(url),
                }
                rows.append(row)
                print(table([row]).splitlines()[-1], flush=True)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return rows, failed


def table(rows):
    header = "page (nginx → Varnish)        req/s   p50 ms   p99 ms  × ping  Varnish"
    lines = [header, "-" * len(header)]
    for row in rows:
        lines.append(
            f"{row['page']:<26} {row['requests_s']:>9.0f} {row['p50_ms']:>8.1f} "
            f"{row['p99_ms']:>8.1f} {row['ratio']:>7.2f}  {row['x_cache']}"
        )
    return "\n".join(lines)
