"""Every model of the app is covered wherever a list of models matters: roles, history,
the admin, backups and the content-copy recipe in docs/editing.md; every kind with pages
has its entry in the registry (relations/kinds.py). A new model or kind that one of them
forgets fails here, by name."""

import re
from pathlib import Path

import pytest
from django.contrib import admin
from django.urls import get_resolver, reverse

from relations import kinds, search
from relations.history import is_tracked
from relations.kinds import content_models
from relations.management.commands.backup_content import backup_labels
from relations.management.commands.setup_roles import CONTRIBUTORS, EDITORS, roles
from relations.sitemaps import SITEMAPS

MODELS = content_models()
RECIPE = Path(__file__).resolve().parent.parent / "docs" / "editing.md"


def test_the_app_has_the_models_we_expect():
    # Guards the parametrisations below against an empty list.
    assert {"event", "agreement", "agreementaction", "role", "cochair", "source"} <= {
        m._meta.model_name for m in MODELS
    }


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_model_has_its_roles(model):
    name = model._meta.model_name
    granted = roles()
    assert {f"{a}_{name}" for a in ("view", "add", "change", "delete")} <= set(granted[EDITORS])
    assert f"view_{name}" in granted[CONTRIBUTORS]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_model_keeps_a_history_of_its_choices(model):
    assert is_tracked(model)
    history = model.history.model
    for field in model._meta.many_to_many:
        assert hasattr(history, field.name), f"{model.__name__}.{field.name} has no history"


def inlined_models():
    return {
        inline.model
        for model_admin in admin.site._registry.values()
        for inline in model_admin.inlines
    }


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_model_is_edited_in_the_admin(model):
    assert admin.site.is_registered(model) or model in inlined_models()


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_model_is_backed_up(model):
    labels = backup_labels()
    assert model._meta.label in labels or model._meta.app_label in labels


def test_the_content_copy_recipe_names_every_model():
    text = RECIPE.read_text()
    recipe = text[text.index("manage.py dumpdata") :]
    recipe = recipe[: recipe.index("```")]
    named = set(re.findall(r"relations\.(\w+)", recipe))
    missing = {m._meta.model_name for m in MODELS} - named
    assert not missing, f"docs/editing.md's dumpdata recipe misses {sorted(missing)}"


# A section is a part of its partner page (an anchor on it), not a page of its own.
PARTS_OF_PAGES = {"section"}


def has_pages(model):
    return hasattr(model, "get_absolute_url") and model._meta.model_name not in PARTS_OF_PAGES


@pytest.mark.parametrize("model", [m for m in MODELS if has_pages(m)], ids=lambda m: m.__name__)
def test_every_kind_with_pages_is_in_the_registry(model):
    assert model in kinds.BY_MODEL, f"{model.__name__} has pages but no entry in relations/kinds.py"


def detail_url_names():
    resolver = get_resolver("relations.urls")
    return sorted(
        f"relations:{name}"
        for name in resolver.reverse_dict
        if isinstance(name, str) and name.endswith("-detail")
    )


@pytest.mark.parametrize("url_name", detail_url_names())
def test_every_detail_page_is_a_kind_in_the_registry(url_name):
    assert url_name in {kind.detail_url_name for kind in kinds.ALL}, (
        f"{url_name} has no entry in relations/kinds.py"
    )


@pytest.mark.parametrize("kind", kinds.ALL, ids=str)
def test_every_kind_in_the_registry_is_whole(kind):
    assert kind.model in MODELS
    assert reverse(kind.detail_url_name, kwargs={"slug": "any"})
    assert callable(kind.schema_org), f"{kind} has no schema.org description"
    if kind.filterset:
        assert kind.filterset._meta.model is kind.model
        assert kind.schema is not None, f"{kind} has a list but no API and download schema"
        assert reverse(kind.list_url_name)
        assert hasattr(kind.model.objects, "for_pages")
    if kind.feed:
        assert reverse("relations:kind-feed-rss", args=[kind.name])
    assert kind.model._meta.model_name in SITEMAPS, f"{kind} is in no sitemap"


def test_site_search_reads_every_kind_of_the_registry():
    # Search has no table of its own: every kind is searched, each under its own number.
    assert {kind.name for kind in search.KINDS} == {kind.name for kind in kinds.ALL}
    numbers = [kind.search.number for kind in search.KINDS]
    assert numbers == sorted(set(numbers))
