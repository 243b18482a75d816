"""Logs are JSON lines on stdout: one per request, and every error with its traceback."""

import json
import logging
import os
import subprocess
import sys

import pytest
from django.conf import settings

from config.logging import JSONFormatter

pytestmark = pytest.mark.django_db


def test_an_error_is_one_json_line_with_its_traceback():
    try:
        1 / 0  # noqa: B018
    except ZeroDivisionError:
        record = logging.LogRecord(
            "django.request", logging.ERROR, __file__, 1, "Boom: %s", ("/x",), sys.exc_info()
        )

    line = JSONFormatter().format(record)

    assert "\n" not in line
    entry = json.loads(line)
    assert entry["level"] == "ERROR"
    assert entry["message"] == "Boom: /x"
    assert "ZeroDivisionError" in entry["traceback"]


def test_gunicorn_access_line_has_named_fields():
    atoms = {"h": "127.0.0.1", "m": "GET", "U": "/events/", "q": "year=2004", "s": "200",
             "B": 512, "M": 12, "a": "curl", "f": "-"}  # fmt: skip
    record = logging.LogRecord(
        "gunicorn.access", logging.INFO, __file__, 1, "%(h)s", (atoms,), None
    )

    entry = json.loads(JSONFormatter().format(record))

    assert entry["message"] == "request"
    assert entry["method"] == "GET"
    assert entry["path"] == "/events/"
    assert entry["status"] == 200
    assert entry["duration_ms"] == 12


def test_a_failing_request_logs_its_traceback_to_stdout(tmp_path):
    """A real request in a process of its own, whose view raises: stdout holds the JSON line."""
    script = """
import django
django.setup()
from django.test import Client
from django.urls import reverse
from relations import hub
def broken(self, **kwargs):
    raise RuntimeError("the view broke")
hub.HomeView.get_context_data = broken
client = Client(raise_request_exception=False, HTTP_HOST="localhost")
print(client.get(reverse("relations:home")).status_code)
"""
    result = subprocess.run(
        [sys.executable, "-c", script],
        env=os.environ | {"DJANGO_SETTINGS_MODULE": "config.settings",
                          "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )  # fmt: skip

    lines = result.stdout.strip().splitlines()
    assert lines[-1] == "500"
    errors = [json.loads(line) for line in lines[:-1] if '"ERROR"' in line]
    assert errors, result.stdout
    assert errors[0]["logger"] == "django.request"
    assert "RuntimeError: the view broke" in errors[0]["traceback"]
