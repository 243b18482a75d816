"""`manage.py load_content`: all or nothing, and it says exactly what is wrong."""

import json

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from tests.test_fixtures import dump

SEED_OBJECTS = len(json.loads((settings.BASE_DIR / "fixtures" / "seed.json").read_text()))

pytestmark = pytest.mark.django_db

EVENT = {
    "model": "relations.event",
    "fields": {
        "title": "A good event",
        "slug": "a-good-event",
        "date": "1994-04-01",
        "date_precision": "month",
        "category": "cultural",
        "countries": [["turkey"]],
    },
}


def event(**fields):
    return {"model": "relations.event", "fields": EVENT["fields"] | fields}


def write(tmp_path, objects, name="broken.json"):
    path = tmp_path / name
    path.write_text(objects if isinstance(objects, str) else json.dumps(objects, indent=2))
    return str(path)


def load(*files):
    call_command("load_content", *files, quiet=True)


def refused(*files):
    """Load ``files`` expecting a refusal; return its message."""
    with pytest.raises(CommandError) as error:
        load(*files)
    return str(error.value)


def test_the_seed_loads_and_a_second_load_changes_nothing():
    load("seed")
    first = dump()
    assert len(first) == SEED_OBJECTS
    load("seed")
    assert dump() == first


def test_a_valid_file_loads_with_its_references(seed, tmp_path):
    load(write(tmp_path, [event()], "good.json"))
    from relations.models import Event

    saved = Event.objects.get(slug="a-good-event")
    assert saved.when == "April 1994"
    assert [c.slug for c in saved.countries.all()] == ["turkey"]


def test_a_loaded_entry_has_one_history_record_with_its_many_to_many_choices(seed, tmp_path):
    from relations.history import FIXTURE_REASON, m2m_values
    from relations.models import Country, Event

    stamped = event(created_at="2026-01-01T00:00:00Z")
    load(write(tmp_path, [stamped], "good.json"))
    saved = Event.objects.get(slug="a-good-event")
    (record,) = saved.history.all()
    assert (record.history_type, record.history_change_reason) == ("+", FIXTURE_REASON)
    assert m2m_values(record)["countries"] == [Country.objects.get(slug="turkey").pk]

    load(write(tmp_path, [stamped], "good.json"))  # unchanged: nothing new
    assert saved.history.count() == 1


BROKEN = {
    "malformed JSON": (
        '[{"model": "relations.event",\n "fields": {"title": "x",}}]',
        "broken.json: not valid JSON at line 2, column",
    ),
    "unknown model": (
        [event(), {"model": "relations.meeting", "fields": {"slug": "m"}}],
        "broken.json, object 2 (relations.meeting \"m\"): unknown model 'relations.meeting'",
    ),
    "unknown field": (
        [event(venue="Ankara")],
        'object 1 (relations.event "a-good-event"): venue: relations.Event has no such field',
    ),
    "missing required field": (
        [event(), event(slug="untitled", title="")],
        'broken.json, object 2 (relations.event "untitled"): title: This field cannot be blank.',
    ),
    "bad date": (
        [event(date="1994-13-01")],
        'object 1 (relations.event "a-good-event"): date: “1994-13-01” value has the correct '
        "format (YYYY-MM-DD) but it is an invalid date.",
    ),
    "day where the precision is a month": (
        [event(date="1994-04-15")],
        'object 1 (relations.event "a-good-event"): date: ',
    ),
    "unknown precision": (
        [event(date_precision="fortnight")],
        "date_precision: Value 'fortnight' is not a valid choice.",
    ),
    "unknown natural key": (
        [event(countries=[["turkey"], ["atlantis"]])],
        "countries: no relations.Country with key",
    ),
    "unknown foreign key": (
        [event(place_country=["atlantis"])],
        "place_country: no relations.Country with key ['atlantis']",
    ),
    "duplicate slug": (
        [event(), event(title="Another")],
        'broken.json, object 2 (relations.event "a-good-event"): same key as broken.json, object 1',
    ),
    "not a list": ({"model": "relations.event"}, "broken.json: a fixture is a JSON list"),
    "a superuser": (
        [
            {
                "model": "auth.user",
                "fields": {"username": "mallory", "password": "x", "is_superuser": True},
            }
        ],
        "accounts and groups are restored only from a backup (make restore)",
    ),
    "a group's permissions": (
        [{"model": "auth.group", "fields": {"name": "Editors", "permissions": []}}],
        "accounts and groups are restored only from a backup (make restore)",
    ),
    "a session": (
        [{"model": "sessions.session", "pk": "x", "fields": {"session_data": "x"}}],
        "sessions.Session is not content: only the relations app's models load",
    ),
    "a history record": (
        [event(), {"model": "relations.historicalevent", "fields": {"history_type": "+"}}],
        "history records are restored only from a backup (make restore)",
    ),
}


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_a_broken_fixture_saves_nothing_and_says_where(seed, tmp_path, case):
    objects, message = BROKEN[case]
    before = dump()
    # A good file first: it must not be saved either.
    good = write(tmp_path, [event(slug="first-good", title="First good")], "good.json")
    text = refused(good, write(tmp_path, objects))
    assert message in text
    assert text.startswith("Nothing was loaded.")
    assert dump() == before


def test_every_problem_is_listed_not_just_the_first(seed, tmp_path):
    text = refused(write(tmp_path, [event(date="x"), event(slug="b", date_precision="week")]))
    assert "object 1" in text and "object 2" in text


def test_a_missing_file_is_named(db):
    assert "no-such-file.json: no such file" in refused("no-such-file.json")


def test_references_further_down_the_file_resolve(db, tmp_path):
    parent_later = [
        {
            "model": "relations.organisation",
            "fields": {"name": "Child", "slug": "child", "parent": ["parent"]},
        },
        {"model": "relations.organisation", "fields": {"name": "Parent", "slug": "parent"}},
    ]
    load(write(tmp_path, parent_later, "orgs.json"))
    from relations.models import Organisation

    assert Organisation.objects.get(slug="child").parent.slug == "parent"


def test_progress_and_speed_are_shown_unless_quiet(db, capsys):
    call_command("load_content", "seed")
    captured = capsys.readouterr()
    assert f"{SEED_OBJECTS}/{SEED_OBJECTS}" in captured.err and "objects/s" in captured.out
    call_command("load_content", "seed", quiet=True)
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out == ""
