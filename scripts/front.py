"""Start the production front, nginx → Varnish → nginx → gunicorn, from the configs in deploy/.

Used by `make smoke`, the load test and the benchmark's warm pages (scripts/bench_front.py,
docs/production.md): both servers run unprivileged (or as root, which drops to their own
users) from a temporary folder, on free loopback ports, with deploy/nginx.conf and
deploy/varnish.vcl changed only in the lines marked for it (listen addresses and upstreams).
nginx's second server, Varnish's backend, limits what reaches the workers per visitor
address (deploy/nginx.conf).
As a program it starts the front before a gunicorn on --backend-port, prints
"FRONT nginx=<url> varnish=<url>" and serves until it is stopped:

    python scripts/front.py --backend-port 8000 --workdir /tmp/front
"""

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from gunicorn_server import free_port  # scripts/ is not a package: beside this file

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"


def wait_for_port(port, process, what, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{what} did not listen on {port}")


def varnish_config(backend_port, token_path):
    vcl = (DEPLOY / "varnish.vcl").read_text()
    vcl = re.sub(r'(\.port = )"\d+";', rf'\1"{backend_port}";', vcl, count=1)
    # The file holding the "signedin" token (relations/front_pass.py), on the marked line.
    return re.sub(
        r'(# front: pass token\s+.*?std\.fileread\(")[^"]+(")',
        rf"\g<1>{token_path}\g<2>",
        vcl,
        count=1,
    )


def pass_token(env=None):
    """The site's "signedin" token, as `manage.py front_pass_token` prints it for the
    settings in ``env`` (the same DJANGO_SECRET_KEY as the workers'). Without one (settings
    that do not load, an origin that is not this site), "": Varnish then passes no GET,
    and visitors' pages are cached all the same."""
    result = subprocess.run(
        [sys.executable, "manage.py", "front_pass_token"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )  # fmt: skip
    if result.returncode != 0:
        print(f"front: no signedin token ({result.stderr.strip()[-200:]})", file=sys.stderr)
        return ""
    return result.stdout.strip()


def nginx_config(
    listen_port, upstream_port, workers_port=None, backend_port=None, balancer=None, limit=True
):
    """deploy/nginx.conf on its marked lines: visitors on ``listen_port``, passed to
    ``upstream_port`` (Varnish); Varnish's backend server on ``backend_port`` (a free one if
    None), passing to the workers on ``workers_port`` (``upstream_port`` if None). With
    ``balancer`` (an address or range), connections from it are a load balancer's, whose
    X-Forwarded-For names the visitor. ``limit=False`` leaves out the limit on what reaches
    the workers (the benchmark measures what they can do, from one address)."""
    conf = (DEPLOY / "nginx.conf").read_text()
    marked = {
        "listen": f"listen 127.0.0.1:{listen_port};",
        "upstream": f"server 127.0.0.1:{upstream_port};",
        "workers": f"server 127.0.0.1:{workers_port or upstream_port};",
        "backend": f"listen 127.0.0.1:{backend_port or free_port()};",
    }
    for mark, line in marked.items():
        conf, found = re.subn(rf"\b(listen|server) [^;\n]+;(?=[ \t]*# front: {mark}\b)", line, conf)
        assert found == 1, f"deploy/nginx.conf has no line marked '# front: {mark}'"
    if balancer:
        conf, found = re.subn(
            r"# set_real_ip_from [^;]+;(?=\s*# front: balancer)",
            f"set_real_ip_from {balancer};",
            conf,
        )
        assert found == 1, "deploy/nginx.conf has no line marked '# front: balancer'"
    if not limit:
        conf, found = re.subn(
            r"(?m)^(\s*)(limit_req [^;\n]+;)(?=[ \t]*# front: limit)", r"\1# \2", conf
        )
        assert found == 1, "deploy/nginx.conf has no line marked '# front: limit'"
    return conf


def stop(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def front(backend_port, workdir, varnish=True, env=None, balancer=None, limit=True):
    """nginx (→ Varnish) → nginx → 127.0.0.1:backend_port; yields (nginx_url, varnish_url
    or None).

    ``env`` is the workers' environment: Varnish is given their "signedin" token.
    ``balancer``: an address nginx trusts as the load balancer's; ``limit=False``: no limit
    on what reaches the workers (nginx_config)."""
    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        # varnishd and nginx's workers drop to their own users, who must read the configs.
        workdir.chmod(0o755)
        workdir.parent.chmod(workdir.parent.stat().st_mode | 0o111)
    started = []
    try:
        # nginx's second server stands between Varnish (or the first server) and the
        # workers, and limits what reaches them per visitor address.
        inner = free_port()
        upstream = inner
        varnish_url = None
        if varnish:
            vdir = workdir / "varnish"
            vdir.mkdir(exist_ok=True)
            token_file = vdir / "pass-token"
            token_file.write_text(pass_token(env) + "\n")
            token_file.chmod(0o644 if os.geteuid() == 0 else 0o600)  # varnishd's own user
            (vdir / "site.vcl").write_text(varnish_config(inner, token_file))
            vport = free_port()
            command = [
                "varnishd", "-F", "-n", str(vdir / "state"), "-a", f"127.0.0.1:{vport}",
                "-f", str(vdir / "site.vcl"), "-s", "malloc,64m",
                # No admin port, and a listen queue deep enough for the load test.
                "-T", "none", "-p", "listen_depth=1024",
            ]  # fmt: skip
            if os.geteuid() != 0:
                command += ["-j", "none"]  # no users to switch to without root
            log = open(vdir / "varnishd.log", "w")  # noqa: SIM115 (lives as long as varnishd)
            process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
            started.append(process)
            wait_for_port(vport, process, "varnishd")
            upstream = vport
            varnish_url = f"http://127.0.0.1:{vport}"
        ndir = workdir / "nginx"
        (ndir / "temp").mkdir(parents=True, exist_ok=True)
        nport = free_port()
        (ndir / "nginx.conf").write_text(
            nginx_config(
                nport, upstream, backend_port, backend_port=inner, balancer=balancer, limit=limit
            )
        )
        process = subprocess.Popen(
            ["nginx", "-p", f"{ndir}/", "-c", str(ndir / "nginx.conf"), "-e", "error.log",
             "-g", "daemon off;"],
            stdout=subprocess.DEVNULL, stderr=open(ndir / "stderr.log", "w"),  # noqa: SIM115
        )  # fmt: skip
        started.append(process)
        wait_for_port(nport, process, "nginx")
        wait_for_port(inner, process, "nginx")
        yield f"http://127.0.0.1:{nport}", varnish_url
    finally:
        for process in reversed(started):
            stop(process)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend-port", type=int, required=True)
    parser.add_argument("--workdir", required=True)
    parser.add_argument("--no-varnish", action="store_true")
    parser.add_argument("--balancer", help="an address nginx trusts as the load balancer's")
    args = parser.parse_args()
    if not (shutil.which("nginx") and (args.no_varnish or shutil.which("varnishd"))):
        sys.exit("front: nginx and varnishd are needed (apt-get install nginx varnish)")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    with front(
        args.backend_port, args.workdir, varnish=not args.no_varnish, balancer=args.balancer
    ) as (nginx, varnish):
        print(f"FRONT nginx={nginx} varnish={varnish or '-'}", flush=True)
        while True:
            time.sleep(3600)


if __name__ == "__main__":
    main()
