"""The header's menu button on a phone (issue #17, "a header that ... collapses on mobile"),
in Debian's Chromium under the site's real Content-Security-Policy.

At 360 px the sections fold behind a "Menu" button that opens and closes them (click,
keyboard, Escape), the header fits the screen in every language, and every link is
reachable; without JavaScript the button is hidden and every link is shown; at 1280 px
the header is as it was, its sections on one line and no button.
"""

import pytest

LANGUAGES = ("en", "ru", "tr")
SECTIONS = 7  # Chronology, Events, Agreements, Visits, Organisations, Offices, About

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(site_url, seed):
    return site_url


def open_page(browser, width, javascript=True):
    context = browser.new_context(
        viewport={"width": width, "height": 740}, java_script_enabled=javascript
    )
    page = context.new_page()
    page.refused = []
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text and page.refused.append(message.text)
        ),
    )
    return context, page


def sections(page):
    return page.locator("#site-sections a")


def visible_sections(page):
    """The section links a reader can see, each wholly inside the screen's width."""
    width = page.viewport_size["width"]
    shown = []
    for link in sections(page).all():
        box = link.bounding_box()
        if link.is_visible() and box and box["x"] >= 0 and box["x"] + box["width"] <= width:
            shown.append(link.get_attribute("href"))
    return shown


@pytest.mark.parametrize("language", LANGUAGES)
def test_at_360_the_menu_button_opens_and_closes_the_sections(site, browser, language):
    context, page = open_page(browser, 360)
    try:
        page.goto(f"{site}/{language}/agreements/")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        button = page.locator(".menu-toggle")
        assert button.is_visible()
        assert button.get_attribute("aria-expanded") == "false"
        assert button.get_attribute("aria-controls") == "site-sections"
        assert visible_sections(page) == []
        box = button.bounding_box()
        assert box["height"] >= 24 and box["x"] + box["width"] <= 360  # a target, on screen

        button.click()
        assert button.get_attribute("aria-expanded") == "true"
        assert len(visible_sections(page)) == SECTIONS
        assert page.evaluate("document.documentElement.scrollWidth") <= 360

        button.click()
        assert button.get_attribute("aria-expanded") == "false"
        assert visible_sections(page) == []
        assert page.refused == []
    finally:
        context.close()


def test_at_360_a_section_is_reached_by_keyboard_and_escape_closes_the_menu(site, browser):
    context, page = open_page(browser, 360)
    try:
        page.goto(f"{site}/ru/")
        button = page.locator(".menu-toggle")
        button.focus()
        page.keyboard.press("Enter")
        assert button.get_attribute("aria-expanded") == "true"
        page.keyboard.press("Tab")  # the first section follows the button
        first = sections(page).first
        assert page.evaluate("document.activeElement.getAttribute('href')") == (
            first.get_attribute("href")
        )
        page.keyboard.press("Escape")
        assert button.get_attribute("aria-expanded") == "false"
        assert page.evaluate("document.activeElement.className") == "menu-toggle"

        button.click()
        about = sections(page).last
        href = about.get_attribute("href")
        about.click()
        page.wait_for_url(f"{site}{href}")
        assert page.locator("h1").is_visible()
        assert page.refused == []
    finally:
        context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_at_360_without_javascript_every_section_is_shown(site, browser, language):
    context, page = open_page(browser, 360, javascript=False)
    try:
        page.goto(f"{site}/{language}/agreements/")
        assert not page.locator(".menu-toggle").is_visible()
        assert len(visible_sections(page)) == SECTIONS
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
    finally:
        context.close()


def test_at_1280_the_header_is_one_line_of_sections_and_no_button(site, browser):
    context, page = open_page(browser, 1280)
    try:
        heights = set()
        for language in LANGUAGES:
            page.goto(f"{site}/{language}/agreements/")
            assert not page.locator(".menu-toggle").is_visible()
            assert len(visible_sections(page)) == SECTIONS
            rows = page.evaluate(
                """() => new Set([...document.querySelectorAll('#site-sections li')]
                    .map(item => Math.round(item.getBoundingClientRect().top))).size"""
            )
            assert rows == 1, language
            heights.add(
                page.evaluate(
                    "document.querySelector('.site-header').getBoundingClientRect().height"
                )
            )
        assert len(heights) == 1, heights
        assert page.refused == []
    finally:
        context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_open_menu_passes_axe(site, browser, language):
    from tests.test_browser import axe_violations

    # bypass_csp: axe is injected as a script, which the site's CSP would refuse.
    context = browser.new_context(viewport={"width": 360, "height": 740}, bypass_csp=True)
    page = context.new_page()
    try:
        page.goto(f"{site}/{language}/agreements/")
        page.click(".menu-toggle")
        assert page.locator(".menu-toggle").get_attribute("aria-expanded") == "true"
        assert axe_violations(page) == []
    finally:
        context.close()
