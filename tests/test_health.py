"""/healthz tells a load balancer whether this machine can reach the database."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def test_healthy_when_the_database_answers(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"database": "ok"}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(
    "database_url",
    [
        "sqlite:////nonexistent-folder/db.sqlite3",
        "postgres://postgres@%2Fnonexistent-folder/cooperation",  # no server on that socket
    ],
    ids=["sqlite", "postgresql"],
)
def test_unhealthy_when_the_database_is_unreachable(database_url):
    """A real closed database, in a process of its own: the test database stays untouched."""
    script = (
        "import django; django.setup(); from django.test import Client; "
        "print(Client(HTTP_HOST='localhost').get('/healthz').status_code)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        env=os.environ
        | {"DJANGO_SETTINGS_MODULE": "config.settings", "DATABASE_URL": database_url},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )

    assert result.stdout.strip().splitlines()[-1] == "503"
