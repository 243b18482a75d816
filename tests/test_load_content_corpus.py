"""More broken fixtures for `load_content` (issue #16, item 2): each is refused in one line
naming the file, with no traceback, and no table changes (row counts of every table)."""

import json

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from tests.test_load_content import event

pytestmark = pytest.mark.django_db


def row_counts():
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


CORPUS = {
    "truncated.json": json.dumps([event(), event(slug="second")])[:-40],
    "empty.json": "",
    "whitespace.json": "   \n",
    "latin1.json": json.dumps([event(title="Türkiye")], ensure_ascii=False).encode("latin-1"),
    "binary.json": b"\xff\xfe\x00\x00garbage",
    "object.json": json.dumps({"model": "relations.event", "fields": {}}),
    "number.json": "42",
    "string.json": '"relations.event"',
    "list of strings.json": json.dumps(["relations.event"]),
    "list of lists.json": json.dumps([[1, 2]]),
    "no model.json": json.dumps([{"fields": {"slug": "x"}}]),
    "fields not a dict.json": json.dumps([{"model": "relations.event", "fields": ["x"]}]),
    "model not a string.json": json.dumps([{"model": 5, "fields": {}}]),
    "title a list.json": json.dumps([event(title=["a", "b"])]),
    "date a number.json": json.dumps([event(date=19940401)]),
    "date nonsense.json": json.dumps([event(date="yesterday")]),
    "countries not a list.json": json.dumps([event(countries="turkey")]),
    "countries of numbers.json": json.dumps([event(countries=[12345])]),
    "huge title.json": json.dumps([event(title="x" * 1_000_000)]),
    "huge slug.json": json.dumps([event(slug="x" * 10_000)]),
    "nul in title.json": json.dumps([event(title="a\x00b")]),
    "bad pk.json": json.dumps([{"model": "relations.event", "pk": "abc", **event()}]),
    "unknown app.json": json.dumps([{"model": "nope.thing", "fields": {}}]),
    "model without dot.json": json.dumps([{"model": "event", "fields": {}}]),
}


@pytest.mark.parametrize("name", CORPUS, ids=list(CORPUS))
def test_a_broken_file_is_refused_in_one_line_and_changes_nothing(seed, tmp_path, name):
    content = CORPUS[name]
    path = tmp_path / name
    (path.write_bytes if isinstance(content, bytes) else path.write_text)(content)
    before = row_counts()
    with pytest.raises(CommandError) as error:
        call_command("load_content", str(path), quiet=True)
    message = str(error.value)
    assert name in message
    assert "Traceback" not in message
    assert len(message) < 2000
    assert row_counts() == before
