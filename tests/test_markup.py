import pytest

from relations.markup import render_markdown, safe_url

pytestmark = pytest.mark.django_db


def test_plain_text_keeps_its_paragraphs_and_line_breaks():
    html = render_markdown("First line\nsecond line\n\nNext paragraph")
    assert html == "<p>First line<br>\nsecond line</p>\n<p>Next paragraph</p>"


def test_markdown_gives_emphasis_lists_and_safe_links():
    html = render_markdown("**bold** and *it*\n\n- one\n- two\n\n[site](https://example.org)")
    assert "<strong>bold</strong>" in html and "<em>it</em>" in html
    assert "<ul>" in html and "<li>one</li>" in html
    assert '<a href="https://example.org" rel="noopener noreferrer">site</a>' in html


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)><circle/></svg>",
        "[x](javascript:alert(1))",
        '<a href="JaVaScRiPt:alert(1)">x</a>',
        '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
        '<p style="background:url(javascript:alert(1))">x</p>',
        "<style>body{display:none}</style>",
        "<iframe src=//evil></iframe>",
        '<a href="https://ok" onclick="alert(1)">x</a>',
        "<<script>script>alert(1)<</script>/script>",
        "<details open ontoggle=alert(1)>",
    ],
)
def test_hostile_markup_is_removed(payload):
    html = render_markdown(payload).lower()
    for danger in ("<script", "onerror", "onload", "onclick", "ontoggle", "javascript:", "data:"):
        assert danger not in html
    for tag in ("<style", "<svg", "<iframe", "<img", "<details", "style="):
        assert tag not in html


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a?b=c", "https://example.org/a?b=c"),
        ("mailto:a@example.org", "mailto:a@example.org"),
        ("javascript:alert(1)", ""),
        (" JAVASCRIPT:alert(1)", ""),
        ("data:text/html,<script>", ""),
        ("vbscript:x", ""),
        ("http://[broken", ""),
    ],
)
def test_only_followable_addresses_become_links(url, expected):
    assert safe_url(url) == expected


def test_the_seed_still_reads_as_paragraphs(client, seed):
    html = client.get("/en/countries/turkey/").content.decode()
    assert '<section id="' in html and "<p>" in html
    assert "&lt;p&gt;" not in html


@pytest.mark.parametrize(
    "text",
    [
        "".join("    " * level + "- item\n" for level in range(1500)),  # was a RecursionError
        "[" * 8000 + "]" * 8000,  # 16 KB: about 10 s, minutes in the preview
        "[a](" * 4000,
    ],
    ids=["list-1500-deep", "16k-brackets", "16k-open-links"],
)
def test_texts_over_the_ceiling_are_shown_as_plain_text_quickly(text):
    import time

    start = time.perf_counter()
    html = render_markdown(text)
    assert time.perf_counter() - start < 0.5
    assert html.startswith("<p>") and "<ul>" not in html and "<a " not in html


def test_the_admin_form_refuses_a_text_over_the_ceiling(editor_client, make_event, event_post):
    from django.urls import reverse

    event = make_event()
    url = reverse("admin:relations_event_change", args=[event.pk])
    nested = "".join("    " * level + "- item\n" for level in range(30))
    too_long = "w" * 20_001
    response = editor_client.post(url, event_post(event, body_en=nested, body_ru=too_long))
    assert response.status_code == 200
    assert "nested more than 20 levels deep" in response.text
    assert "This text has 20001 characters; at most 20000 are allowed." in response.text
    event.refresh_from_db()
    assert event.body_en != nested
