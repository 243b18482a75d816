"""No page builds a Python class or compiles a template once it has been served once.

A class built per request (a queryset class made for each queryset, a form class for each
filter form) costs its construction on every cold page and grows the process's type caches;
a template compiled per request costs more. Each visitor page type (relations.sample_pages,
the pages the benchmark drives) is requested twice with the page cache empty: the second
request may create no class and compile no template (issue #20).

New classes are found with the garbage collector switched off during the request: a class
always sits in a reference cycle (its __mro__ names it), so none built during the request is
freed before it is counted.
"""

import gc
from collections import Counter
from unittest import mock

import pytest
from django.core.cache import cache
from django.template import base
from django.test import Client

from relations.sample_pages import sample_pages

pytestmark = pytest.mark.django_db


def class_ids():
    # type(o), not isinstance: isinstance reads __class__, which evaluates lazy objects.
    return {id(o) for o in gc.get_objects() if issubclass(type(o), type)}


def second_request(client, path):
    """(names of the classes built, names of the templates compiled) by a request of path."""
    cache.clear()
    compiled = []
    compile_nodelist = base.Template.compile_nodelist

    def compiling(template):
        compiled.append(template.origin.name if template.origin else template.source[:60])
        return compile_nodelist(template)

    gc.collect()
    gc.disable()
    try:
        before = class_ids()
        with mock.patch.object(base.Template, "compile_nodelist", compiling):
            response = client.get(path)
        built = [
            f"{o.__module__}.{o.__qualname__}"
            for o in gc.get_objects()
            if issubclass(type(o), type) and id(o) not in before
        ]
    finally:
        gc.enable()
    assert response.status_code == 200, path
    return Counter(built), compiled


def test_no_page_builds_a_class_or_compiles_a_template_per_request(seed):
    client = Client()
    pages = list(sample_pages())
    assert len(pages) > 30  # every page type
    failures = []
    for name, path in pages:
        cache.clear()
        assert client.get(path).status_code == 200, path
        built, compiled = second_request(client, path)
        if built or compiled:
            failures.append(f"{name} ({path}): classes {dict(built)}, templates {compiled}")
    assert not failures, "\n".join(failures)


def test_the_count_sees_a_class_built_during_a_request(seed, monkeypatch):
    """The check can fail: a view that builds a class each time is caught."""
    from relations import views

    get_context_data = views.EventDetailView.get_context_data

    def building(self, **kwargs):
        type("BuiltPerRequest", (), {})
        return get_context_data(self, **kwargs)

    monkeypatch.setattr(views.EventDetailView, "get_context_data", building)
    path = dict(sample_pages())["event"]
    client = Client()
    client.get(path)
    built, _ = second_request(client, path)
    assert built == Counter({f"{__name__}.BuiltPerRequest": 1})


def test_the_count_sees_a_template_compiled_during_a_request(seed, monkeypatch):
    from django.template import engines

    from relations import views

    get_context_data = views.EventDetailView.get_context_data

    def compiling(self, **kwargs):
        engines["django"].from_string("{{ a }}")
        return get_context_data(self, **kwargs)

    monkeypatch.setattr(views.EventDetailView, "get_context_data", compiling)
    path = dict(sample_pages())["event"]
    client = Client()
    client.get(path)
    _, compiled = second_request(client, path)
    assert len(compiled) == 1
