"""Slow clients during the load test: connections that hold a worker for as little as it costs
the client (issue 16, "slow connections").

Three kinds, in turn, ``--clients`` connections in all, for ``--seconds``:

- slow headers: a request line, then one more header line every ``--interval`` seconds,
  never the blank line that ends the headers (slowloris);
- slow body: a POST announcing a 1 MB body, sent ``--interval`` seconds apart ten bytes
  at a time;
- slow reader: a whole list's CSV download, read a kilobyte per ``--interval`` seconds.

A connection the server closes is opened again at once. Each ``--interval`` a probe asks
for /ping with a fresh connection and records how long the answer took: with the workers
held, it waits. Prints one SLOW line that loadtest.sh shows.
"""

import argparse
import select
import socket
import threading
import time
from urllib.parse import urlsplit

KINDS = ("headers", "body", "reader")


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.opened = self.closed_by_server = self.failed_connects = self.downloads_read = 0
        self.probes = []  # seconds per /ping, None when it failed

    def add(self, **counts):
        with self.lock:
            for name, value in counts.items():
                setattr(self, name, getattr(self, name) + value)


def request_head(kind, host):
    if kind == "body":
        # With an Origin and a CSRF cookie of the right shape, the CSRF check reads the
        # body to find the token: the worker waits for all of it.
        return (
            f"POST /en/search/ HTTP/1.1\r\nHost: {host}\r\nX-Forwarded-Proto: https\r\n"
            f"Origin: https://{host}\r\nCookie: csrftoken={'a' * 32}\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000000\r\n\r\n"
        )
    path = "/en/events/?format=csv" if kind == "reader" else "/en/"
    head = f"GET {path} HTTP/1.1\r\nHost: {host}\r\nX-Forwarded-Proto: https\r\n"
    return head + ("\r\n" if kind == "reader" else "")


def hold(kind, address, host, deadline, interval, tally):
    """Keep one slow connection of ``kind`` open until ``deadline``, reopening it when closed."""
    while time.monotonic() < deadline:
        try:
            sock = socket.create_connection(address, timeout=30)
        except OSError:
            tally.add(failed_connects=1)
            time.sleep(interval)
            continue
        tally.add(opened=1)
        try:
            if kind == "reader":
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            sock.sendall(request_head(kind, host).encode())
            n = 0
            while time.monotonic() < deadline:
                n += 1
                if kind == "reader":
                    if not sock.recv(1024):
                        tally.add(downloads_read=1)  # read to the end: ask again
                        break
                    time.sleep(interval)
                    continue
                sock.sendall(
                    f"X-Slow-{n}: {n}\r\n".encode() if kind == "headers" else b"q=slowbody"
                )
                answered, _, _ = select.select([sock], [], [], interval)
                if answered:  # an answer (an error) or a close before the request ended
                    sock.recv(1024)
                    tally.add(closed_by_server=1)
                    break
        except OSError:
            tally.add(closed_by_server=1)
        finally:
            sock.close()


def probe(address, host, deadline, interval, tally):
    while time.monotonic() < deadline:
        start = time.monotonic()
        try:
            with socket.create_connection(address, timeout=30) as sock:
                sock.sendall(
                    f"GET /ping HTTP/1.1\r\nHost: {host}\r\nX-Forwarded-Proto: https\r\n"
                    "Connection: close\r\n\r\n".encode()
                )
                answer = sock.recv(64)
            took = time.monotonic() - start if answer.startswith(b"HTTP/1.1 200") else None
        except OSError:
            took = None
        with tally.lock:
            tally.probes.append(took)
        time.sleep(max(0.0, interval - (time.monotonic() - start)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--interval", type=float, default=2.0)
    args = parser.parse_args()
    parts = urlsplit(args.base_url)
    address, host = (parts.hostname, parts.port), parts.netloc
    deadline = time.monotonic() + args.seconds
    tally = Tally()
    threads = [
        threading.Thread(
            target=hold,
            args=(KINDS[n % len(KINDS)], address, host, deadline, args.interval, tally),
        )
        for n in range(args.clients)
    ]
    threads.append(
        threading.Thread(target=probe, args=(address, host, deadline, args.interval, tally))
    )
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    answered = sorted(took for took in tally.probes if took is not None)
    failed = len(tally.probes) - len(answered)
    worst = answered[-1] if answered else 0.0
    median = answered[len(answered) // 2] if answered else 0.0
    print(
        f"SLOW clients={args.clients} opened={tally.opened} "
        f"closed_by_server={tally.closed_by_server} failed_connects={tally.failed_connects} "
        f"downloads_read={tally.downloads_read} "
        f"ping_probes={len(tally.probes)} ping_failed={failed} "
        f"ping_median_ms={median * 1000:.0f} ping_max_ms={worst * 1000:.0f}"
    )


if __name__ == "__main__":
    main()
