"""Every page type in a real browser: axe-core finds no WCAG 2.1 A/AA violation in
any language, the layout holds at 360 px and 1280 px, and print hides the chrome.
(tests/test_csp_browser.py checks that no page breaks the Content-Security-Policy.)

With BROWSER_SCREENSHOTS=1, a full-page screenshot of each page at both widths is kept in
artifacts/screenshots/ (off in make test: they took a fifth of this file's time).
"""

import os
from pathlib import Path

import pytest
from django.conf import settings

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
SCREENSHOTS = settings.BASE_DIR / "artifacts" / "screenshots"
TAKE_SCREENSHOTS = os.environ.get("BROWSER_SCREENSHOTS") == "1"
WIDTHS = {"narrow": 360, "wide": 1280}
PAGES = {
    "home": "",
    "about": "about/",
    "partner": "countries/turkey/",
    "timeline": "timeline/",
    "search": "search/?q=treaty",
    "event-list": "events/",
    "event-list-empty": "events/?year=1992&q=nothing-at-all",
    "agreement-list": "agreements/?country=turkey",
    "visit-list": "visits/",
    "office-list": "offices/",
    "organisation-list": "organisations/",
    "event": "events/idef-1993/",
    "agreement": "agreements/treaty-of-brotherhood-1921/",
    "visit": "visits/vladimir-putin-state-visit-2004/",
    "office": "offices/rostec-turkey/",
    "organisation": "organisations/rostec/",
    "person": "people/vladimir-putin/",
    "series": "series/idef/",
    "not-found": "events/no-such-event/",
}

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(site_url, seed):
    return site_url


@pytest.fixture
def page(browser):
    # bypass_csp: axe is injected as a script, which a strict CSP would refuse.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()


def axe_violations(page):
    # Once a page load: the second width reuses the script already in the page.
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """() => axe.run(document, {
            runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
            resultTypes: ["violations"],
        })"""
    )
    return [
        f"{violation['id']}: {violation['help']} at "
        + ", ".join(node["target"][0] for node in violation["nodes"][:3])
        for violation in result["violations"]
    ]


@pytest.mark.parametrize("language", ["en", "ru", "tr"])
def test_every_page_type_passes_axe_in_every_language(site, page, language):
    problems = {}
    for name, path in PAGES.items():
        # One load a page: the layout follows the width (CSS alone; site_menu.js does not
        # read it), so each width is checked after a resize.
        page.goto(f"{site}/{language}/{path}")
        for width_name, width in WIDTHS.items():
            page.set_viewport_size({"width": width, "height": 900})
            violations = axe_violations(page)
            if violations:
                problems[f"{name} at {width}px"] = violations
            if TAKE_SCREENSHOTS and language == "en":
                SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=SCREENSHOTS / f"{name}-{width_name}.png", full_page=True)
    assert problems == {}


def test_nothing_overflows_a_narrow_screen(site, page):
    page.set_viewport_size({"width": 360, "height": 740})
    overflowing = []
    for name, path in PAGES.items():
        page.goto(f"{site}/en/{path}")
        if page.evaluate("document.documentElement.scrollWidth") > 360:
            overflowing.append(name)
    assert overflowing == []


def test_the_skip_link_appears_on_focus_and_focus_is_visible(site, page):
    page.goto(f"{site}/en/timeline/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("element => element === document.activeElement")
    box = skip.bounding_box()
    assert box["x"] >= 0 and box["y"] >= 0
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
    page.locator(".skip-link").focus()
    page.keyboard.press("Enter")
    assert page.url.endswith("#content")


def test_a_decade_link_jumps_to_its_decade(site, page):
    page.goto(f"{site}/en/timeline/")
    page.get_by_role("link", name="1990s", exact=True).click()
    assert page.url.endswith("/en/timeline/?decade=1990")
    assert page.locator("#decade-1990").is_visible()
    assert page.locator("section.decade").count() == 1
    chosen = page.get_by_role("link", name="1990s", exact=True)
    assert chosen.get_attribute("aria-current") == "page"


def test_the_header_search_finds_the_treaty(site, page):
    page.goto(f"{site}/en/")
    page.get_by_role("searchbox", name="Search the whole site").first.fill("brotherhood")
    with page.expect_navigation():
        page.get_by_role("button", name="Search").first.click()
    assert "/en/search/?q=brotherhood" in page.url
    assert page.locator("mark").first.inner_text() == "Brotherhood"


def test_print_hides_navigation_and_filters(site, page):
    page.goto(f"{site}/en/events/")
    page.emulate_media(media="print")
    assert not page.locator(".site-header nav").first.is_visible()
    assert not page.locator(".filters").is_visible()
    assert not page.locator(".site-search").is_visible()
    assert page.locator("h1").is_visible()


def test_axe_does_find_a_violation(page):
    """The check can fail: a page with an unlabelled field and an image without text."""
    page.set_content('<html lang="en"><title>t</title><main><img src="x.png"><input></main></html>')
    assert {problem.split(":")[0] for problem in axe_violations(page)} >= {"image-alt", "label"}
