"""The benchmark's peer: the reference Wagtail site, served and loaded as this site is.

`make bench` (scripts/bench.py --peer) measures wagtail/bakerydemo with its demo data beside
this site in the same run: production settings, gunicorn with the same version, workers
and settings file (config/gunicorn.py, only the application and the log format changed),
wrk with the same threads, connections, seconds and headers. It prints the peer's pages and,
for each comparable page type, ours ÷ peer in cold requests/s (issue 20's budget: at least
5 ×). The type's figure is the strictest pairing: our slowest page of the type against the
peer's fastest.

The peer is installed once, as its README (shared/peers/README.md beside the project's
checkout) says, into var/peer/ (git ignores var/): the tarball unpacked, a Python 3.11
virtual environment with bakerydemo's requirements/base.txt and the README's extra packages
from PyPI, then migrate, load_initial_data and collectstatic. The marker var/peer/installed
names the tarball and the recipe; when either changes, the peer is installed afresh. The
Python 3.11 is the first that runs and can make a virtual environment of python3.11 on
PATH, pyenv's 3.11 builds and /usr/bin's. When the peer cannot be installed (no tarball, no
such Python, no network for pip, a failing step), the benchmark says why (the interpreters
tried, the step and its log's last lines) and goes on without it; `python scripts/peer.py`
prints the same reason. BENCH_PEER_TARBALL names another tarball.
"""

import hashlib
import importlib.metadata
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tarfile
import urllib.error
import urllib.request
from math import inf
from pathlib import Path

from gunicorn_server import PROXY_HEADER, Gunicorn  # scripts/ is not a package

ROOT = Path(__file__).resolve().parent.parent
TARBALL_NAME = "bakerydemo-5a01dcd.tar.gz"
PEER_DIR = ROOT / "var" / "peer"
SOURCE = PEER_DIR / "bakerydemo"
VENV = PEER_DIR / "venv"
MARKER = PEER_DIR / "installed"
INSTALL_LOG = PEER_DIR / "install.log"
PYTHON = "python3.11"
# shared/peers/README.md: bakerydemo's requirements/base.txt plus these. gunicorn is the
# project's own version, so both sites run the same server.
EXTRA_PACKAGES = ("django-tasks==0.8.1", "whitenoise==6.6.0", "django-redis==5.4.0")
SETTINGS = "bakerydemo.settings.production"
BUDGET = 5.0
CPU = "worker_cpu_ms"  # the rows' gunicorn CPU per request under load (Gunicorn.under_load)
# What says the peer's gunicorn is up: a static file (its first page view can take many
# seconds, while it makes the demo images' renditions).
PROBE = "/static/css/bootstrap.min.css"

# (row name, path), in the order they are measured.
PAGES = [
    ("peer: home", "/"),
    ("peer: list /breads/", "/breads/"),
    ("peer: list /blog/", "/blog/"),
    ("peer: detail /blog/wild-yeast/", "/blog/wild-yeast/"),
    ("peer: detail /breads/anpan/", "/breads/anpan/"),
]
# Page type: (our cold rows, the peer's rows) compared.
COMPARABLE = {
    "home": (["home"], ["peer: home"]),
    "list": (["events list", "agreements list"], ["peer: list /breads/", "peer: list /blog/"]),
    "detail": (
        ["event", "agreement"],
        ["peer: detail /blog/wild-yeast/", "peer: detail /breads/anpan/"],
    ),
}


class PeerUnavailable(Exception):
    """Why the peer cannot be measured, as a sentence for the benchmark's output."""


# ---------------------------------------------------------------------------
# Installing


def find_tarball(environ=os.environ, root=ROOT):
    """The peer's tarball: BENCH_PEER_TARBALL, or shared/peers/ beside the checkout (for a
    git worktree, beside the main checkout too)."""
    if environ.get("BENCH_PEER_TARBALL"):
        path = Path(environ["BENCH_PEER_TARBALL"])
        if not path.is_file():
            raise PeerUnavailable(f"BENCH_PEER_TARBALL names no file: {path}")
        return path
    checkouts = [root]
    try:
        common = subprocess.run(
            ["git", "rev-parse", "--path-format=absolute", "--git-common-dir"],
            cwd=root, capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
        checkouts.append(Path(common).parent)
    except (OSError, subprocess.CalledProcessError):
        pass
    candidates = [checkout.parent / "shared" / "peers" / TARBALL_NAME for checkout in checkouts]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise PeerUnavailable(f"no {TARBALL_NAME} at {' or '.join(map(str, candidates))}")


def recipe(tarball):
    """What the installed peer was made from: a changed tarball or recipe reinstalls it."""
    digest = hashlib.sha256(Path(tarball).read_bytes()).hexdigest()
    gunicorn = importlib.metadata.version("gunicorn")
    return {
        "tarball": Path(tarball).name,
        "sha256": digest,
        "packages": [f"gunicorn=={gunicorn}", *EXTRA_PACKAGES],
        "settings": SETTINGS,
    }


def is_installed(wanted, marker=MARKER):
    try:
        return json.loads(marker.read_text()) == wanted
    except (OSError, ValueError):
        return False


def python_candidates(environ=os.environ):
    """Where a Python 3.11 may be, in order: python3.11 on PATH, pyenv's 3.11 builds (newest
    first; PYENV_ROOT or ~/.pyenv), the system's."""
    found = []
    on_path = shutil.which(PYTHON, path=environ.get("PATH", ""))
    if on_path:
        found.append(on_path)
    pyenv = Path(
        environ.get("PYENV_ROOT") or Path(environ.get("HOME", "~")).expanduser() / ".pyenv"
    )
    builds = pyenv.glob(f"versions/3.11.*/bin/{PYTHON}")
    found += sorted(map(str, builds), key=build_number, reverse=True)
    found += [f"/usr/bin/{PYTHON}", f"/usr/local/bin/{PYTHON}"]
    return [path for path in dict.fromkeys(found) if Path(path).is_file()]


def build_number(path):
    """.../versions/3.11.10/bin/python3.11 → [3, 11, 10]: 3.11.10 is newer than 3.11.9."""
    return [int(number) for number in re.findall(r"\d+", Path(path).parents[1].name)]


# Prints the version only if the interpreter can also make a virtual environment with pip
# (Debian's python3.11 without python3.11-venv has no ensurepip).
PYTHON_CHECK = "import sys, venv, ensurepip; print('%d.%d' % sys.version_info[:2])"


def find_python(candidates):
    """The first candidate that runs, is Python 3.11 and can make a virtual environment; a
    pyenv shim of a version not selected, for one, answers with an error and is passed over."""
    tried = []
    for candidate in candidates:
        try:
            done = subprocess.run(
                [candidate, "-c", PYTHON_CHECK], capture_output=True, text=True, timeout=60
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            tried.append(f"{candidate}: {error}")
            continue
        answer = (done.stdout + done.stderr).strip().splitlines()
        if done.returncode == 0 and answer == ["3.11"]:
            return candidate
        if done.returncode == 0:
            why = f"is Python {' '.join(answer)}"
        else:  # a Python error's last line (a traceback's), or what a shim said first
            errors = [line for line in answer if "Error" in line]
            why = (errors or answer or [f"exit {done.returncode}"])[-1 if errors else 0]
        tried.append(f"{candidate}: {why}")
    raise PeerUnavailable(
        "no usable Python 3.11 (the peer needs one with venv and ensurepip; tried "
        + ("; ".join(tried) if tried else f"{PYTHON} on PATH, ~/.pyenv/versions/3.11.*, /usr/bin")
        + ")"
    )


def base_env():
    """Only what a shell needs and pip's network settings: none of this site's database,
    cache or Django variables reach the peer (it keeps its own SQLite file and memory cache)."""
    keep = {"PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "SSL_CERT_FILE", "REQUESTS_CA_BUNDLE"}
    return {
        name: value
        for name, value in os.environ.items()
        if name in keep or name.startswith(("PIP_", "PYENV_")) or name.lower().endswith("_proxy")
    }


def peer_env(secret):
    return base_env() | {
        "DJANGO_SETTINGS_MODULE": SETTINGS,
        "DJANGO_SECRET_KEY": secret,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
    }


def step(what, command, log, **kwargs):
    log.write(f"\n$ {' '.join(map(str, command))}\n")
    log.flush()
    try:
        done = subprocess.run(command, stdout=log, stderr=subprocess.STDOUT, **kwargs)
    except OSError as error:
        raise PeerUnavailable(f"{what}: {error}") from error
    if done.returncode:
        log.flush()
        raise PeerUnavailable(
            f"{what} failed (exit {done.returncode}; {INSTALL_LOG}): {tail(INSTALL_LOG)}"
        )


def tail(path, lines=3):
    """The last lines of a log, on one line: most often the reason a step failed."""
    try:
        return " / ".join(Path(path).read_text(errors="replace").strip().splitlines()[-lines:])
    except OSError as error:
        return str(error)


def install():
    """Install the peer once (see the module's docstring); raise PeerUnavailable if it cannot."""
    tarball = find_tarball()
    wanted = recipe(tarball)
    if is_installed(wanted):
        return
    python = find_python(python_candidates())
    print(f"Installing the peer from {tarball} into {PEER_DIR} (once; log in {INSTALL_LOG})")
    shutil.rmtree(PEER_DIR, ignore_errors=True)
    PEER_DIR.mkdir(parents=True)
    try:
        with tarfile.open(tarball) as archive:
            archive.extractall(PEER_DIR, filter="data")
    except (OSError, tarfile.TarError) as error:
        raise PeerUnavailable(f"cannot unpack {tarball}: {error}") from error
    if not (SOURCE / "manage.py").is_file():
        raise PeerUnavailable(f"{tarball} holds no bakerydemo/manage.py")
    env = peer_env(secrets.token_urlsafe(50))
    vpython = VENV / "bin" / "python"
    with INSTALL_LOG.open("w") as log:
        step("python3.11 -m venv", [python, "-m", "venv", VENV], log, env=env)
        pip = [vpython, "-m", "pip", "install", "--disable-pip-version-check"]
        step(
            "pip install",
            [*pip, "-r", "requirements/base.txt", *wanted["packages"]],
            log, cwd=SOURCE, env=env,
        )  # fmt: skip
        for command in (
            ["migrate", "--noinput"],
            ["load_initial_data"],
            ["collectstatic", "--noinput"],
        ):
            what = f"manage.py {command[0]}"
            step(what, [vpython, "manage.py", *command], log, cwd=SOURCE, env=env)
    MARKER.write_text(json.dumps(wanted, indent=1))


# ---------------------------------------------------------------------------
# Serving and measuring


def gunicorn_config():
    """This site's gunicorn settings with the peer's application and gunicorn's own log
    format (ours names a formatter in this site's code)."""
    path = PEER_DIR / "gunicorn.conf.py"
    ours = ROOT / "config" / "gunicorn.py"
    path.write_text(
        "# Written by scripts/peer.py: config/gunicorn.py for the peer.\n"
        f"exec(compile(open({str(ours)!r}).read(), {str(ours)!r}, 'exec'))\n"
        "wsgi_app = 'bakerydemo.wsgi:application'\n"
        "logconfig_dict = {}\n"
    )
    return path


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a redirect is the answer (wrk would count it as a success)


def status_of(url):
    """The status of one request, redirects not followed: before the load, it also makes
    the page's image renditions (once: they are kept in the peer's database and media)."""
    request = urllib.request.Request(url, headers=PROXY_HEADER)
    try:
        with urllib.request.build_opener(NoRedirect).open(request, timeout=300) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError as error:
        return f"no answer ({error})"


def measure(wrk, workers, seconds, warmup):
    """The peer's rows ({page, url, requests_s, p50_ms, p99_ms}) and its problems by page
    name (not answering 200, error responses under load); raises PeerUnavailable when it
    cannot be installed or served."""
    install()
    log = PEER_DIR / "gunicorn.log"
    env = peer_env(secrets.token_urlsafe(50))
    try:
        server = Gunicorn(
            log, workers, env, args=("--max-requests", "0"),
            python=VENV / "bin" / "python", cwd=SOURCE, config=gunicorn_config(), probe=PROBE,
        )  # fmt: skip
    except SystemExit as error:
        raise PeerUnavailable(f"the peer's gunicorn did not start ({log}): {tail(log)}") from error
    rows, problems, answering = [], {}, []
    try:
        for name, path in PAGES:
            status = status_of(server.base + path)
            if status == 200:
                answering.append((name, path))
            else:
                problems[name] = f"{path} answered {status}"
        # Every worker's first views of a page type load its code: on a busy machine that
        # took longer than the warm-up, so the peer's pages are all warmed up first (ours
        # are warmed up by /ping and the static file, measured before any page).
        for _name, path in answering * bool(warmup):
            wrk(server.base + path, warmup)
        for name, path in answering:
            url = server.base + path
            if warmup:
                wrk(url, warmup)
            rate, p50, p99, errors, cpu = server.under_load(wrk, url, seconds)
            if errors:
                problems[name] = f"{errors} error responses under load"
            row = {"page": name, "url": path, "requests_s": rate, "p50_ms": p50, "p99_ms": p99}
            row["worker_cpu_ms"] = cpu
            rows.append(row)
            print(table([row]).splitlines()[-1], flush=True)
    finally:
        server.stop()
    return rows, problems


# ---------------------------------------------------------------------------
# Report


def table(rows):
    header = "peer page                          req/s   p50 ms   p99 ms load CPU"
    lines = [header, "-" * len(header)]
    for row in rows:
        lines.append(
            f"{row['page']:<32} {row['requests_s']:>8.0f} {row['p50_ms']:>8.1f} "
            f"{row['p99_ms']:>8.1f} {row.get('worker_cpu_ms') or 0:>8.2f}"
        )
    return "\n".join(lines)


def compare(ours, peer, figure="requests_s"):
    """Per comparable page type, (type, our row, peer row, ratio): our slowest cold page of
    the type against the peer's fastest, ours ÷ the peer's requests/s. Types missing on
    either side are left out. With ``figure="worker_cpu_ms"`` (gunicorn's CPU per request
    under the load), our costliest page against the peer's cheapest, the peer's ÷ ours:
    the throughput ratio where CPU alone limits both, which the other sessions on a shared
    machine, and a load that varies between our run and the peer's, do not move much."""

    def speed(row):  # higher is faster
        if figure == "requests_s":
            return row[figure]
        return 1 / row[figure] if row[figure] else inf

    cold = {row["page"]: row for row in ours if row.get("cache", "cold") == "cold"}
    theirs = {row["page"]: row for row in peer}
    results = []
    for kind, (our_names, peer_names) in COMPARABLE.items():
        # A row without the figure (a warm row, a page nobody answered) is left out.
        mine = [cold[name] for name in our_names if cold.get(name, {}).get(figure, "") != ""]
        other = [theirs[name] for name in peer_names if theirs.get(name, {}).get(figure, "") != ""]
        if not mine or not other:
            continue
        slowest = min(mine, key=speed)
        fastest = max(other, key=speed)
        peak = speed(fastest)
        results.append((kind, slowest, fastest, speed(slowest) / peak if peak else inf))
    return results


def ratio_lines(comparisons, figure="requests_s"):
    if figure == "requests_s":
        return [
            f"ours ÷ peer, {kind}: {ratio:.1f} × ({mine['page']} {mine['requests_s']:.0f} "
            f"req/s ÷ {other['page']} {other['requests_s']:.0f} req/s)"
            for kind, mine, other, ratio in comparisons
        ]
    return [
        f"peer ÷ ours in CPU per request, {kind}: {ratio:.1f} × ({other['page']} "
        f"{other[figure]:.1f} ms ÷ {mine['page']} {mine[figure]:.1f} ms)"
        for kind, mine, other, ratio in comparisons
    ]


def misses(comparisons, budget=BUDGET):
    return [
        f"{kind} cold: {ratio:.1f} × the peer (budget {budget:g} ×)"
        for kind, _, _, ratio in comparisons
        if ratio < budget
    ]


def run(rows, wrk, workers, seconds, warmup):
    """bench.py's hook: measure the peer, print its rows and the ratios; returns the budget
    misses. The peer's own problems are printed, never this site's errors: a peer that
    cannot be installed is skipped with the reason, a peer page that fails is left out of
    the comparison."""
    print("\nThe peer, wagtail/bakerydemo (scripts/peer.py), same gunicorn and wrk settings:")
    try:
        peer_rows, problems = measure(wrk, workers, seconds, warmup)
    except PeerUnavailable as reason:
        print(f"peer: skipped, it cannot be installed or served: {reason}")
        return []
    answered = [row for row in peer_rows if row["page"] not in problems]
    comparisons = compare(rows, answered)
    print(table(peer_rows))
    for name, problem in problems.items():
        print(f"{name}: left out of the comparison, {problem}")
    for line in ratio_lines(comparisons):
        print(line)
    # The same pairs by gunicorn's CPU per request: a check on the figures above, not the
    # budget (issue 20 states it in requests/s).
    for line in ratio_lines(compare(rows, answered, CPU), CPU):
        print(line)
    return misses(comparisons)


if __name__ == "__main__":
    # Install only (the benchmark does it when needed): `python scripts/peer.py`.
    try:
        install()
    except PeerUnavailable as reason:
        sys.exit(f"peer: {reason}")
    print(f"peer installed in {PEER_DIR}")
