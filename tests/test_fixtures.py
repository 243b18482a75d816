import json
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command

from relations.kinds import content_models

pytestmark = pytest.mark.django_db

SEED = settings.BASE_DIR / "fixtures" / "seed.json"


def counts():
    return {m._meta.label: m.objects.count() for m in content_models()}


def dump():
    out = StringIO()
    call_command(
        "dumpdata",
        *(model._meta.label for model in content_models()),
        natural_foreign=True,
        natural_primary=True,
        stdout=out,
    )
    return json.loads(out.getvalue())


def test_the_seed_loads_into_an_empty_database():
    call_command("loaddata", "seed", verbosity=0)
    loaded = counts()
    assert loaded["relations.Event"] == 5
    assert loaded["relations.Agreement"] == 5
    assert loaded["relations.Visit"] == 6
    assert loaded["relations.Office"] == 1
    assert loaded["relations.PartnerPage"] == 1


def test_loading_the_seed_twice_changes_nothing():
    call_command("loaddata", "seed", verbosity=0)
    first, first_dump = counts(), dump()
    call_command("loaddata", "seed", verbosity=0)
    assert counts() == first
    assert dump() == first_dump


def test_the_fixture_never_names_a_database_id():
    for entry in json.loads(SEED.read_text()):
        assert "pk" not in entry, entry


def test_a_dump_with_natural_keys_reproduces_the_seed(tmp_path):
    call_command("loaddata", "seed", verbosity=0)
    before = dump()
    path = tmp_path / "dump.json"
    path.write_text(json.dumps(before))
    call_command("flush", interactive=False, verbosity=0)
    assert sum(counts().values()) == 0
    call_command("loaddata", str(path), verbosity=0)
    assert dump() == before


def test_the_seed_repeats_nothing():
    """The seed text repeats its first paragraph; the fixture holds it once."""
    holders = [
        entry
        for entry in json.loads(SEED.read_text())
        if any(
            "Soviet Union were established" in str(value)
            for key, value in entry["fields"].items()
            if key.endswith("_en")
        )
    ]
    assert len(holders) == 1
