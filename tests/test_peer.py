"""The benchmark's peer (scripts/peer.py) and front section (scripts/bench_front.py): how
they pair and judge figures, and how they step aside when the peer cannot be had. The real
install and load run in `make bench` only (docs/performance.md)."""

import json
import re
import shutil
import sys
from math import inf
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import bench_front  # noqa: E402 (scripts/ is not a package)
import peer  # noqa: E402


def ours(**rates):
    return [{"page": name, "cache": "cold", "requests_s": rate} for name, rate in rates.items()]


def theirs(**rates):
    """The peer's rows, by the last word of their names ("home", "/breads/")."""
    return [
        {"page": name, "requests_s": rates[name.split(" ")[-1]]}
        for name, _path in peer.PAGES
        if name.split(" ")[-1] in rates
    ]


PEER = {
    "home": 20.0,
    "/breads/": 40.0,
    "/blog/": 50.0,
    "/blog/wild-yeast/": 30.0,
    "/breads/anpan/": 45.0,
}


def test_each_type_pairs_our_slowest_page_with_the_peers_fastest():
    rows = ours(home=150, **{"events list": 260, "event": 400, "agreement": 220})
    # Warm rows of the same pages never count.
    rows.append({"page": "event", "cache": "warm", "requests_s": 1.0})
    comparisons = {kind: rest for kind, *rest in peer.compare(rows, theirs(**PEER))}

    mine, other, ratio = comparisons["home"]
    assert (mine["page"], other["page"], ratio) == ("home", "peer: home", 7.5)
    mine, other, ratio = comparisons["list"]
    assert (mine["page"], other["page"], ratio) == ("events list", "peer: list /blog/", 5.2)
    mine, other, ratio = comparisons["detail"]
    assert (mine["page"], other["page"]) == ("agreement", "peer: detail /breads/anpan/")
    assert ratio == pytest.approx(220 / 45)


def test_the_budget_is_five_times_the_peer_per_type():
    rows = ours(home=150, **{"events list": 260, "event": 400, "agreement": 220})
    comparisons = peer.compare(rows, theirs(**PEER))
    assert peer.misses(comparisons) == ["detail cold: 4.9 × the peer (budget 5 ×)"]
    lines = peer.ratio_lines(comparisons)
    assert lines[0] == "ours ÷ peer, home: 7.5 × (home 150 req/s ÷ peer: home 20 req/s)"
    assert len(lines) == 3


def test_a_type_missing_on_either_side_is_left_out_and_a_silent_peer_is_no_division():
    rows = ours(home=150, event=400)  # no events list, no agreement row
    peer_rows = theirs(home=0.0, **{"/blog/wild-yeast/": 30.0})
    comparisons = peer.compare(rows, peer_rows)
    assert [(kind, ratio) for kind, _, _, ratio in comparisons] == [
        ("home", inf),
        ("detail", pytest.approx(400 / 30)),
    ]
    assert peer.misses(comparisons) == []


def test_the_tarball_is_found_beside_the_checkout(tmp_path):
    checkout = tmp_path / "site"
    checkout.mkdir()
    peers = tmp_path / "shared" / "peers"
    peers.mkdir(parents=True)
    with pytest.raises(peer.PeerUnavailable, match=re.escape(str(peers / peer.TARBALL_NAME))):
        peer.find_tarball(environ={}, root=checkout)
    (peers / peer.TARBALL_NAME).write_bytes(b"")
    assert peer.find_tarball(environ={}, root=checkout) == peers / peer.TARBALL_NAME


def test_benchmark_skips_the_peer_with_the_reason_when_it_cannot_be_had(
    tmp_path, monkeypatch, capsys
):
    missing = tmp_path / "nowhere.tar.gz"
    monkeypatch.setenv("BENCH_PEER_TARBALL", str(missing))
    installed = peer.MARKER.read_text() if peer.MARKER.exists() else None

    def no_load(*args):
        raise AssertionError("wrk must not run without a peer")

    assert peer.run(ours(home=100), no_load, workers=4, seconds=1, warmup=0) == []
    out = capsys.readouterr().out
    reason = f"BENCH_PEER_TARBALL names no file: {missing}"
    assert f"peer: skipped, it cannot be installed or served: {reason}" in out
    # Nothing of an installed peer was touched.
    assert (peer.MARKER.read_text() if peer.MARKER.exists() else None) == installed


def test_the_marker_names_tarball_and_recipe(tmp_path):
    tarball = tmp_path / peer.TARBALL_NAME
    tarball.write_bytes(b"one")
    marker = tmp_path / "installed"
    wanted = peer.recipe(tarball)
    assert not peer.is_installed(wanted, marker)
    marker.write_text(json.dumps(wanted))
    assert peer.is_installed(wanted, marker)
    tarball.write_bytes(b"another")
    assert not peer.is_installed(peer.recipe(tarball), marker)
    assert any(package.startswith("gunicorn==") for package in wanted["packages"])


def test_none_of_this_sites_settings_reach_the_peer(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://somewhere/db")
    monkeypatch.setenv("REDIS_URL", "redis://somewhere")
    monkeypatch.setenv("DJANGO_ENV", "production")
    env = peer.peer_env("s" * 50)
    assert not {"DATABASE_URL", "REDIS_URL", "DJANGO_ENV"} & set(env)
    assert env["DJANGO_SETTINGS_MODULE"] == "bakerydemo.settings.production"
    assert env["DJANGO_ALLOWED_HOSTS"] == "127.0.0.1"


def test_make_bench_measures_peer_and_front_and_bench_quick_neither():
    makefile = (ROOT / "Makefile").read_text()
    bench = re.search(r"^bench:.*\n((?:\t.*\n)+)", makefile, re.M).group(1)
    quick = re.search(r"^bench-quick:.*\n((?:\t.*\n)+)", makefile, re.M).group(1)
    assert bench.count("--peer --front") == 2  # SQLite, then PostgreSQL
    assert "--peer" not in quick and "--front" not in quick


def test_front_section_lists_what_varnish_did():
    row = {
        "page": "events list",
        "url": "/events/",
        "requests_s": 20510.4,
        "p50_ms": 0.31,
        "p99_ms": 2.0,
        "ratio": 12.5,
        "x_cache": "hit",
    }
    line = bench_front.table([row]).splitlines()[-1]
    assert line.split() == ["events", "list", "20510", "0.3", "2.0", "12.50", "hit"]


def test_a_peer_page_that_redirects_is_not_taken_for_an_answer():
    """Without X-Forwarded-Proto the peer's production settings redirect to HTTPS, and wrk
    counts a redirect as a success: the check before the load must see the 301 itself."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            secure = self.headers.get("X-Forwarded-Proto") == "https"
            self.send_response(200 if secure and self.path == "/" else 301)
            self.send_header("Location", "https://127.0.0.1/")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_port}"
        assert peer.status_of(f"{base}/") == 200  # the proxy header is sent
        assert peer.status_of(f"{base}/elsewhere/") == 301
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.skipif(
    not all(map(shutil.which, ("nginx", "varnishd", "wrk"))), reason="needs nginx, varnishd, wrk"
)
def test_the_front_section_drives_pages_through_nginx_and_varnish():
    """A real front (scripts/front.py, deploy/'s configs) before a small origin: a shared
    page is served from Varnish, /ping is passed through, targets as bench.py builds them."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    import bench

    class Origin(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            shared = self.path != "/ping"
            body = b"page"
            self.send_response(200)
            self.send_header("Cache-Control", "public, s-maxage=60" if shared else "no-cache")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    origin = ThreadingHTTPServer(("127.0.0.1", 0), Origin)
    threading.Thread(target=origin.serve_forever, daemon=True).start()
    targets = [
        ("floor: /ping", "/ping", 0, (0.2, 0.2)),
        ("home", "/en/", 17, (60.0, 30.0)),
        ("admin: events", "/admin/relations/event/", 5, (90.0, 40.0)),
    ]
    try:
        rows, errors = bench_front.measure(
            origin.server_port, targets, bench.wrk, seconds=1, warmup=0, floor=100.0
        )
    finally:
        origin.shutdown()
        origin.server_close()
    assert errors == []
    assert [(row["page"], row["x_cache"]) for row in rows] == [
        ("floor: /ping", "miss"),
        ("home", "hit"),
    ]
    assert all(row["requests_s"] > 0 for row in rows)


def fake_python(folder, name, script):
    """An executable that answers peer.find_python's check as ``script`` (sh) does."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f"#!/bin/sh\n{script}\n")
    path.chmod(0o755)
    return str(path)


def test_python_3_11_is_looked_for_beyond_path_newest_pyenv_build_first(tmp_path):
    pyenv = tmp_path / "pyenv"
    for version in ("3.11.9", "3.11.10", "3.12.1"):
        fake_python(pyenv / "versions" / version / "bin", "python3.11", "echo 3.11")
    found = peer.python_candidates({"PATH": str(tmp_path / "empty"), "PYENV_ROOT": str(pyenv)})
    assert found[:2] == [
        str(pyenv / "versions" / "3.11.10" / "bin" / "python3.11"),
        str(pyenv / "versions" / "3.11.9" / "bin" / "python3.11"),
    ]
    assert not any("3.12" in path for path in found)
    on_path = fake_python(tmp_path / "bin", "python3.11", "echo 3.11")
    found = peer.python_candidates({"PATH": str(tmp_path / "bin"), "PYENV_ROOT": str(pyenv)})
    assert found[0] == on_path


def test_a_python_that_cannot_make_the_peers_environment_is_passed_over_with_the_reason(
    tmp_path,
):
    shim = fake_python(
        tmp_path / "shims",
        "python3.11",
        'echo "pyenv: python3.11: command not found" >&2\n'
        "echo \"The 'python3.11' command exists in these Python versions:\" >&2\nexit 127",
    )
    no_venv = fake_python(
        tmp_path / "debian",
        "python3.11",
        "echo 'Traceback (most recent call last):' >&2\n"
        "echo \"ModuleNotFoundError: No module named 'ensurepip'\" >&2\nexit 1",
    )
    older = fake_python(tmp_path / "old", "python3.11", "echo 3.10")
    good = fake_python(tmp_path / "good", "python3.11", "echo 3.11")
    assert peer.find_python([shim, no_venv, older, good]) == good
    with pytest.raises(peer.PeerUnavailable) as failure:
        peer.find_python([shim, no_venv, older, str(tmp_path / "missing")])
    reason = str(failure.value)
    assert reason.startswith("no usable Python 3.11")
    assert f"{shim}: pyenv: python3.11: command not found" in reason
    assert f"{no_venv}: ModuleNotFoundError: No module named 'ensurepip'" in reason
    assert f"{older}: is Python 3.10" in reason
    assert str(tmp_path / "missing") in reason
    # The real check, on this interpreter: it says what it is.
    version = "{}.{}".format(*sys.version_info[:2])
    if version != "3.11":
        with pytest.raises(peer.PeerUnavailable, match=re.escape(f"is Python {version}")):
            peer.find_python([sys.executable])
    else:
        assert peer.find_python([sys.executable]) == sys.executable


def test_a_failing_install_step_says_which_and_why(tmp_path, monkeypatch):
    log_path = tmp_path / "install.log"
    monkeypatch.setattr(peer, "INSTALL_LOG", log_path)
    with log_path.open("w") as log, pytest.raises(peer.PeerUnavailable) as failure:
        peer.step(
            "pip install",
            ["sh", "-c", "echo Collecting wagtail; echo 'ERROR: No matching distribution'; exit 1"],
            log,
        )
    assert str(failure.value) == (
        f"pip install failed (exit 1; {log_path}): "
        "$ sh -c echo Collecting wagtail; echo 'ERROR: No matching distribution'; exit 1"
        " / Collecting wagtail / ERROR: No matching distribution"
    )
    with log_path.open("w") as log, pytest.raises(peer.PeerUnavailable, match=r"^venv: .*No such"):
        peer.step("venv", [str(tmp_path / "no-python"), "-m", "venv"], log)


def test_by_cpu_per_request_our_costliest_page_is_paired_with_the_peers_cheapest():
    rows = [
        {"page": "home", "cache": "cold", "requests_s": 30, peer.CPU: 12.0},
        {"page": "events list", "cache": "cold", "requests_s": 40, peer.CPU: 8.0},
        {"page": "agreements list", "cache": "cold", "requests_s": 35, peer.CPU: 10.0},
        {"page": "agreements list", "cache": "warm", "requests_s": 900, peer.CPU: 0.5},
        {"page": "event", "cache": "cold", "requests_s": 50, peer.CPU: ""},  # none answered
        {"page": "agreement", "cache": "cold", "requests_s": 20, peer.CPU: 16.0},
    ]
    peer_rows = [
        {**row, peer.CPU: cpu}
        for row, cpu in zip(theirs(**PEER), (60.0, 40.0, 30.0, 28.0, 20.0), strict=True)
    ]
    comparisons = {
        kind: (mine["page"], other["page"], ratio)
        for kind, mine, other, ratio in peer.compare(rows, peer_rows, peer.CPU)
    }
    assert comparisons == {
        "home": ("home", "peer: home", 5.0),
        "list": ("agreements list", "peer: list /blog/", 3.0),
        "detail": ("agreement", "peer: detail /breads/anpan/", 1.25),
    }
    lines = peer.ratio_lines(peer.compare(rows, peer_rows, peer.CPU), peer.CPU)
    assert lines[1] == (
        "peer ÷ ours in CPU per request, list: 3.0 × "
        "(peer: list /blog/ 30.0 ms ÷ agreements list 10.0 ms)"
    )
    # Rows measured without the figure (as the tests above build them) are not compared.
    assert peer.compare(ours(home=150), theirs(**PEER), peer.CPU) == []


def test_gunicorns_cpu_is_its_masters_and_workers_and_a_requests_share_of_it(monkeypatch):
    """A stand-in for gunicorn: a master that waits and a worker that burns CPU."""
    import subprocess
    import time

    from gunicorn_server import Gunicorn

    worker = (
        "import time\nend = time.process_time() + 0.3\n"
        "while time.process_time() < end: pass\ntime.sleep(60)"
    )
    master = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {worker!r}])"
    server = Gunicorn.__new__(Gunicorn)
    server.process = subprocess.Popen([sys.executable, "-c", master])
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and server.cpu_seconds() < 0.25:
            time.sleep(0.1)
        assert len(server.worker_pids()) == 1
        assert 0.25 <= server.cpu_seconds() < 5
    finally:
        for pid in server.worker_pids():
            subprocess.run(["kill", str(pid)])
        server.process.wait(timeout=30)

    readings = iter([10.0, 10.5, 20.0, 20.0])
    monkeypatch.setattr(server, "cpu_seconds", lambda: next(readings))

    def wrk(url, seconds, *args):
        return (100.0 if url == "/ok" else 0.0), 1.0, 2.0, 0

    # 0.5 s of CPU for 100 requests/s over 5 s: 1 ms a request; nothing answered: no figure.
    assert server.under_load(wrk, "/ok", 5) == (100.0, 1.0, 2.0, 0, 1.0)
    assert server.under_load(wrk, "/silent", 5) == (0.0, 1.0, 2.0, 0, "")
