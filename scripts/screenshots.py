"""The README's screenshots: five page types at phone and desk widths, in Debian's Chromium.

Serves the local database (make setup loads the seed) with Django's development server on a
free loopback port and writes docs/screenshots/<page>-<width>.png, the first screen of each
page as a visitor sees it. Run it as `make screenshots` after a change to the pages.
"""

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
PAGES = {
    "home": "/en/",
    "partner": "/en/countries/turkey/",
    "list": "/en/agreements/",
    "detail": "/en/agreements/treaty-of-brotherhood-1921/",
    "timeline": "/en/timeline/",
}
WIDTHS = {360: 780, 1280: 900}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main():
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/ping", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        OUT.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
            )
            for width, height in WIDTHS.items():
                page = browser.new_page(viewport={"width": width, "height": height})
                for name, path in PAGES.items():
                    response = page.goto(base + path)
                    if response is None or response.status != 200:
                        sys.exit(f"{path}: {response and response.status}")
                    page.screenshot(path=OUT / f"{name}-{width}.png")
                    print(f"docs/screenshots/{name}-{width}.png")
                page.close()
            browser.close()
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
