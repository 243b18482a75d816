"""Hostile content in every field, looked at in a real browser: no script of it runs.

Every text and URL field of every record gets script tags, event handlers,
``javascript:`` and ``data:`` addresses, CSS tricks, SVG and broken HTML, written
through the ORM as a compromised editor account or a bad import would. Headless
Chromium then opens every public page and the admin's lists and forms. No dialog
may open, no console message may come from a payload, and no link, handler or
style attribute of a payload may reach the DOM. This holds without any CSP.
"""

import pytest
from django.contrib import admin
from django.db import models
from django.urls import reverse
from django.utils import translation

from relations import models as content
from tests.conftest import chromium

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

PAYLOAD = (
    "Plain words <script>console.log('XSS')</script>"
    "<img src=x onerror=\"alert('XSS')\"><svg onload=\"alert('XSS')\"><circle r=9 /></svg>"
    "<a href=\"javascript:alert('XSS')\">js link</a> [md link](javascript:alert('XSS')) "
    "<a href=\"data:text/html,<script>alert('XSS')</script>\">data link</a>"
    "<style>*{background:url(\"javascript:alert('XSS')\")}</style>"
    '<p style="position:fixed;inset:0;background:red" onclick="alert(\'XSS\')">overlay</p>'
    "<iframe src=\"javascript:alert('XSS')\"></iframe><details open ontoggle=\"alert('XSS')\">"
    "<input autofocus onfocus=\"alert('XSS')\">\"><script>alert('XSS')</script><b <i>broken"
    "</textarea></title><script>alert('XSS')</script>"
)
URL_PAYLOADS = ["javascript:alert('XSS')", "data:text/html,<script>alert('XSS')</script>"]
TEXT_FIELDS = (models.CharField, models.TextField, models.EmailField)

DETAIL_MODELS = [
    content.Event,
    content.Agreement,
    content.Visit,
    content.Office,
    content.Organisation,
    content.PartnerPage,
    content.Person,
    content.EventSeries,
]
LISTS = [
    "home", "event-list", "agreement-list", "visit-list", "office-list", "organisation-list",
    "timeline",
]  # fmt: skip

# What may not be in the DOM once the page has loaded.
DOM_CHECK = """() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const value = attr.value.toLowerCase().replace(/\\s/g, '');
      const where = el.tagName + ' ' + attr.name;
      if (attr.name.startsWith('on') && value.includes('xss')) bad.push(where);
      if (['href', 'src', 'action', 'formaction'].includes(attr.name)
          && (value.startsWith('javascript:') || value.startsWith('data:'))) {
        bad.push(where + '=' + attr.value);
      }
      if (attr.name === 'style' && value.includes('position:fixed')) bad.push(where);
    }
  }
  for (const el of document.querySelectorAll('script, style, iframe, svg, img')) {
    if (el.matches('script[type="application/ld+json"]')) {
      // Data, not code; the payload is in it as text and must not have broken out.
      try { JSON.parse(el.textContent); } catch (e) { bad.push('broken JSON-LD'); }
      continue;
    }
    if ((el.textContent + el.outerHTML).includes('XSS')) bad.push(el.outerHTML.slice(0, 80));
  }
  return bad;
}"""


def is_editable_text(field):
    return (
        isinstance(field, TEXT_FIELDS)
        and not isinstance(field, models.SlugField)
        and not field.choices
        and (field.max_length is None or field.max_length >= 10)
    )


def fill_every_field_with_payloads():
    """Overwrite all text and URL columns of every record, bypassing validation as a raw import."""
    for model in admin.site._registry:
        if model._meta.app_label != "relations":
            continue
        for n, pk in enumerate(model.objects.values_list("pk", flat=True)):
            values = {}
            for field in model._meta.concrete_fields:
                if isinstance(field, models.URLField):
                    values[field.attname] = URL_PAYLOADS[n % 2]
                elif is_editable_text(field):
                    # Unique names stay unique; PostgreSQL holds a column to its length.
                    values[field.attname] = f"{pk} {PAYLOAD}"[: field.max_length]
            model.objects.filter(pk=pk).update(**values)


def public_urls():
    urls = []
    for language in ("en", "ru"):
        with translation.override(language):
            urls += [reverse(f"relations:{name}") for name in LISTS]
            urls.append(reverse("relations:search") + "?q=plain+words")
            urls += [
                model.objects.order_by("pk").first().get_absolute_url() for model in DETAIL_MODELS
            ]
    return urls


def admin_urls():
    urls = []
    for model in admin.site._registry:
        if model._meta.app_label != "relations":
            continue
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        urls.append(reverse(f"{prefix}_changelist"))
        first = model.objects.order_by("pk").first()
        if first is not None:
            urls.append(reverse(f"{prefix}_change", args=[first.pk]))
    return urls


@pytest.fixture
def browser_page(live_server, monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with chromium() as browser:
        context = browser.new_context(base_url=live_server.url)
        page = context.new_page()
        page.set_default_timeout(30_000)
        page.events = []
        page.on(
            "dialog",
            lambda dialog: (page.events.append(f"dialog: {dialog.message}"), dialog.dismiss()),
        )
        page.on(
            "console",
            lambda message: (
                "XSS" in message.text and page.events.append(f"console: {message.text}")
            ),
        )
        yield page


def visit_all(page, urls):
    for url in urls:
        response = page.goto(url, wait_until="load")
        assert response.status < 500, url
        # Give handlers such as onfocus and ontoggle a moment to fire.
        page.wait_for_timeout(100)
        assert page.evaluate(DOM_CHECK) == [], url
        assert page.events == [], url


def test_payloads_in_every_field_never_run_on_public_pages(seed, browser_page):
    fill_every_field_with_payloads()
    urls = public_urls()
    visit_all(browser_page, urls)
    # The payload really is on the pages, as text.
    browser_page.goto(urls[0])
    assert "Plain words" in browser_page.content()


def test_payloads_in_every_field_never_run_in_the_admin(seed, browser_page, editor):
    fill_every_field_with_payloads()
    page = browser_page
    page.goto("/admin/login/")
    page.fill("#id_username", editor.username)
    page.fill("#id_password", "pw-123456")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    visit_all(page, admin_urls())
