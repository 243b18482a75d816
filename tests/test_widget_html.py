"""The filter forms' widgets written in Python (relations/widget_html.py) are exactly what
Django's form templates write, for every list's filter form, in every language, empty,
filled in, invalid, and with text that must be escaped."""

import pytest
from django.forms.renderers import DjangoTemplates
from django.http import QueryDict
from django.utils import translation

from relations import filters, kinds, widget_html

FILTERSETS = [kind.filterset for kind in kinds.LISTED.values()]
QUERIES = [
    "",
    "q=forum&year=1992&page=2",
    "year=99999&category=nonsense&country=nowhere&kind=x&status=y&level=z",
    "q=\"><script>alert(1)</script>&organisation=a&b<c&person=O'Brien&role=<b>",
    "sort=title&category=economic&kind=treaty&level=official",
    "sort=title,-date&q=  spaced  ",
]


def html(filterset, renderer=None):
    form = filterset.form
    if renderer:
        form.renderer = renderer
    return [str(field) for field in form]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ru", "tr"])
@pytest.mark.parametrize("filterset_class", FILTERSETS, ids=lambda f: f.__name__)
def test_the_widgets_are_written_as_djangos_templates_write_them(filterset_class, language, seed):
    django_templates = DjangoTemplates()
    with translation.override(language):
        for query in QUERIES:
            data = QueryDict(query)
            ours = html(filterset_class(data, queryset=filterset_class._meta.model.objects))
            theirs = html(
                filterset_class(data, queryset=filterset_class._meta.model.objects),
                django_templates,
            )
            assert ours == theirs, query
            assert any("<select" in widget for widget in ours)
            assert any("<input" in widget for widget in ours)


def test_the_filter_forms_use_the_python_renderer():
    for filterset_class in FILTERSETS:
        form = filterset_class(QueryDict(""), queryset=None).form
        assert form.renderer is widget_html.renderer
    assert issubclass(filterset_class, filters.SearchFilterSet)


def test_other_templates_go_through_djangos():
    rendered = widget_html.renderer.render(
        "django/forms/widgets/textarea.html",
        {"widget": {"name": "n", "value": "a<b", "attrs": {"rows": 2}, "template_name": ""}},
    )
    assert rendered.startswith('<textarea name="n" rows="2">')
    assert "a&lt;b" in rendered
