"""Every model of the app is covered wherever a list of models matters: roles, history,
the admin, backups and the content-copy recipe in docs/editing.md. A new model that one
of them forgets fails here, by name."""

import re
from pathlib import Path

import pytest
from django.contrib import admin

from relations.history import is_tracked
from relations.management.commands.backup_content import backup_labels
from relations.management.commands.setup_roles import CONTRIBUTORS, EDITORS, content_models, roles

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
