"""Loading fixtures that operators can trust.

Django's ``loaddata`` saves objects as it reads them, without model validation:
a bad date halfway through a file leaves half the file in the database, and a
precision the model refuses is saved all the same. Here every file is parsed
first, every object is built and ``full_clean()``-ed, every reference must
resolve, and everything happens in one transaction: one bad object and nothing
at all is saved. Each problem is reported with its file, its position in the
file, its model and natural key, and the field at fault.
"""

import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, IntegrityError, connection, models, transaction
from django.utils import timezone

from . import cache
from .history import is_history_record, record_loads, recording_fixture_loads

# Past this many problems the rest is usually the same mistake repeated.
MAX_PROBLEMS = 20


class LoadError(Exception):
    """Nothing was saved; ``problems`` says why, one line each."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass
class Entry:
    """One object of a fixture file, with where it came from."""

    path: Path
    position: int
    data: dict
    built: object = None
    deferred: dict = field(default_factory=dict)

    @property
    def label(self):
        return str(self.data.get("model", "?")).lower()

    def natural_key(self):
        if self.built is not None and hasattr(self.built.object, "natural_key"):
            return "/".join(str(part) for part in self.built.object.natural_key())
        fields = self.data.get("fields") or {}
        key = fields.get("slug") or self.data.get("pk") or "?"
        return key if not isinstance(key, str) or len(key) <= 60 else f"{key[:60]}…"

    def where(self):
        key = str(self.natural_key())
        key = key if len(key) <= 60 else f"{key[:60]}…"  # a huge key must not fill the screen
        return f'{self.path.name}, object {self.position} ({self.label} "{key}")'


def find_fixture(name):
    """A path as given, or a fixture name looked up in FIXTURE_DIRS ("seed")."""
    path = Path(name)
    if path.exists():
        return path
    for directory in settings.FIXTURE_DIRS:
        for candidate in (Path(directory) / name, Path(directory) / f"{name}.json"):
            if candidate.exists():
                return candidate
    raise LoadError([f"{name}: no such file, and no fixture of that name in FIXTURE_DIRS."])


def read_entries(paths):
    """Every object of every file, or LoadError naming each file that is not a JSON list."""
    entries, problems = [], []
    for path in paths:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as error:
            problems.append(
                f"{path.name}: not valid JSON at line {error.lineno}, "
                f"column {error.colno}: {error.msg}."
            )
            continue
        except RecursionError:
            # Lists or objects nested thousands deep: Python's parser gives up on them.
            problems.append(f"{path.name}: not a fixture: its JSON is nested too deeply.")
            continue
        except (OSError, UnicodeDecodeError) as error:
            problems.append(f"{path.name}: cannot be read: {error}.")
            continue
        if not isinstance(data, list):
            problems.append(f"{path.name}: a fixture is a JSON list of objects.")
            continue
        for position, item in enumerate(data, start=1):
            if not isinstance(item, dict) or not isinstance(item.get("fields", {}), dict):
                problems.append(
                    f'{path.name}, object {position}: expected {{"model": ..., "fields": {{...}}}}.'
                )
                continue
            entries.append(Entry(path, position, item))
    if problems:
        raise LoadError(problems)
    return entries


def field_problems(model, fields):
    """Unknown fields and values of the wrong type, named field by field."""
    problems = []
    for name, value in fields.items():
        try:
            model_field = model._meta.get_field(name)
        except FieldDoesNotExist:
            problems.append(f"{name}: {model._meta.label} has no such field")
            continue
        if model_field.is_relation or value is None:
            continue
        if isinstance(model_field, (models.CharField, models.TextField)):
            # to_python() would turn a list into its repr; PostgreSQL refuses a NUL.
            if not isinstance(value, str):
                problems.append(f"{name}: text expected, not {type(value).__name__}")
                continue
            if "\x00" in value:
                problems.append(f"{name}: holds a NUL character")
                continue
        try:
            model_field.to_python(value)
        except ValidationError as error:
            problems.append(f"{name}: {' '.join(error.messages)}")
        except (TypeError, ValueError) as error:
            problems.append(f"{name}: {error}")
    return problems


def validation_problems(error):
    if hasattr(error, "message_dict"):
        return [
            f"{name}: {' '.join(messages)}" if name != "__all__" else " ".join(messages)
            for name, messages in error.message_dict.items()
        ]
    return error.messages


def reference_text(deferred):
    return ", ".join(
        f"{model_field.name}: no {model_field.related_model._meta.label} with key {value!r}"
        for model_field, value in deferred.items()
    )


def stamp_missing_times(instance):
    """Raw saves skip auto_now: a fixture without created_at/updated_at gets the load time."""
    for model_field in instance._meta.concrete_fields:
        automatic = getattr(model_field, "auto_now", False) or getattr(
            model_field, "auto_now_add", False
        )
        if automatic and getattr(instance, model_field.attname) is None:
            setattr(instance, model_field.attname, timezone.now())


def mark_existing(instance, given_pk):
    """Tell uniqueness checks whether ``instance`` updates a row: its own slug is no clash."""
    if instance.pk is None:
        return
    # The deserializer found the pk through the natural key, so the row exists.
    instance._state.adding = given_pk and not (
        type(instance)._default_manager.filter(pk=instance.pk).exists()
    )


def reset_sequences(models):
    """Rows saved with their own ids leave PostgreSQL's id sequences behind them: the next
    row an editor adds (or the history record of any save) would take an id already used.
    As loaddata does, move each sequence of ``models`` past the highest id (nothing to do
    on SQLite)."""
    connection = transaction.get_connection()
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)


def loadable(label, restore):
    """Why an entry of ``label`` may not be loaded, or None. Content loads anywhere; a
    backup (``restore``) also brings its history records and the editors' accounts and
    groups. A fixture that could create a superuser, rewrite a group's permissions or
    switch history off for a whole load is refused."""
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return None  # reported as an unknown model
    if model._meta.app_label == "relations" and not is_history(label):
        return None
    if restore and (is_history(label) or label in {"auth.user", "auth.group"}):
        return None
    if is_history(label):
        return "history records are restored only from a backup (make restore)"
    if label in {"auth.user", "auth.group"}:
        return "accounts and groups are restored only from a backup (make restore)"
    return f"{model._meta.label} is not content: only the relations app's models load"


class Loader:
    """Validates and saves ``entries`` in one transaction; see the module docstring."""

    def __init__(self, entries, progress=None, restore=False):
        self.restore = restore
        self.entries = entries
        self.progress = progress or (lambda done, total: None)
        self.problems = []
        self.seen = {}

    def fail(self, entry, message):
        self.problems.append(f"{entry.where()}: {message}")
        if len(self.problems) >= MAX_PROBLEMS:
            raise LoadError([*self.problems, "… stopped after this many problems."])

    def run(self):
        self.carries_history = any(is_history(entry.label) for entry in self.entries)
        token = recording_fixture_loads.set(not self.carries_history)
        try:
            with cache.one_invalidation(), transaction.atomic():
                self.load_all()
                if not self.problems:
                    self.check_references()
                if self.problems:
                    raise LoadError(self.problems)
                self.reset_sequences()
        except DatabaseError as error:
            raise LoadError([*self.problems, f"the database refused the load: {error}"]) from error
        finally:
            recording_fixture_loads.reset(token)
        return len(self.entries)

    def load_all(self):
        total = len(self.entries)
        for done, entry in enumerate(self.entries, start=1):
            self.load(entry)
            self.progress(done, total)
        # References to objects further down the files, resolved now they exist.
        for entry in self.entries:
            if entry.deferred and entry.built is not None:
                self.save_deferred(entry)
        if not self.problems:
            record_loads(entry.built.object for entry in self.entries if entry.built is not None)

    def check_references(self):
        """A reference by id to a row that is not there (SQLite checks only at commit)."""
        loaded = {type(entry.built.object) for entry in self.entries if entry.built is not None}
        tables = {model._meta.db_table for model in loaded}
        for model in loaded:
            tables |= {f.remote_field.through._meta.db_table for f in model._meta.many_to_many}
        try:
            connection.check_constraints(table_names=sorted(tables))
        except IntegrityError as error:
            files = ", ".join(sorted({entry.path.name for entry in self.entries}))
            self.problems.append(f"{files}: a reference names a row that does not exist: {error}")

    def reset_sequences(self):
        loaded = {type(entry.built.object) for entry in self.entries if entry.built is not None}
        reset_sequences(sorted(loaded, key=str))

    def load(self, entry):
        try:
            model = apps.get_model(entry.label)
        except (LookupError, ValueError):
            self.fail(entry, f"unknown model {entry.data.get('model')!r}")
            return
        refusal = loadable(entry.label, self.restore)
        if refusal:
            self.fail(entry, refusal)
            return
        problems = field_problems(model, entry.data.get("fields", {}))
        if problems:
            for problem in problems:
                self.fail(entry, problem)
            return
        try:
            (built,) = serializers.deserialize(
                "python", [entry.data], handle_forward_references=True
            )
        except DeserializationError as error:
            self.fail(entry, f"cannot be read: {error}")
            return
        entry.built, entry.deferred = built, built.deferred_fields or {}
        mark_existing(built.object, given_pk="pk" in entry.data)
        stamp_missing_times(built.object)
        if self.carries_history:
            # The backup's own history records are restored as they are; saving its
            # entries and their many-to-many choices must not add new ones.
            built.object.skip_history_when_saving = True
        if is_history(entry.label):
            # A history record (django-simple-history, from a backup): many per entry and
            # written by code, so it is neither keyed nor validated like content.
            self.save(entry, built.save)
            return
        if not self.first_of_its_key(entry):
            return
        required = {
            model_field: value
            for model_field, value in entry.deferred.items()
            if not model_field.many_to_many and not model_field.null
        }
        if required:
            self.fail(entry, reference_text(required))
            return
        try:
            # Check constraints are left to the database (a query each here would be most of
            # the load time); clean() already says the same things in editors' words.
            built.object.full_clean(
                exclude=[model_field.name for model_field in entry.deferred],
                validate_constraints=False,
            )
        except ValidationError as error:
            for problem in validation_problems(error):
                self.fail(entry, problem)
            return
        built.object.record_after_load = True
        self.save(entry, built.save)

    def first_of_its_key(self, entry):
        """A second object with the same natural key would silently overwrite the first."""
        key = (entry.label, entry.natural_key())
        if key in self.seen:
            first = self.seen[key]
            self.fail(entry, f"same key as {first.path.name}, object {first.position}")
            return False
        self.seen[key] = entry
        return True

    def save_deferred(self, entry):
        try:
            with transaction.atomic():
                entry.built.save_deferred_fields()
        except (DeserializationError, models.ObjectDoesNotExist):
            self.fail(entry, reference_text(entry.deferred))

    def save(self, entry, save):
        # A savepoint, so that one refused row does not end the transaction on PostgreSQL
        # and the remaining objects are still checked.
        try:
            with transaction.atomic():
                save()
        except (DatabaseError, ValueError) as error:
            self.fail(entry, f"refused by the database: {error}")


class Progress:
    """A one-line bar on stderr, redrawn a few times a second."""

    def __init__(self, stream, width=30):
        self.stream, self.width = stream, width
        self.started = self.drawn = time.monotonic()

    def __call__(self, done, total):
        now = time.monotonic()
        if done != total and now - self.drawn < 0.2:
            return
        self.drawn = now
        filled = self.width * done // max(total, 1)
        rate = done / max(now - self.started, 1e-9)
        self.stream.write(
            f"\r[{'#' * filled}{'.' * (self.width - filled)}] {done}/{total} {rate:,.0f} objects/s"
        )
        if done == total:
            self.stream.write("\n")
        self.stream.flush()


def is_history(label):
    """Whether a fixture entry is a django-simple-history record (backups carry them)."""
    try:
        return is_history_record(apps.get_model(label))
    except (LookupError, ValueError):
        return False


def load_files(names, progress=None, restore=False):
    """Load fixture files (paths or names in FIXTURE_DIRS) all or nothing; return the count.
    ``restore``: a backup into an empty database, with its history and accounts."""
    entries = read_entries([find_fixture(name) for name in names])
    return Loader(entries, progress, restore=restore).run()
