"""Production settings: the deploy check passes, unsafe setups refuse to start, static files
are hashed, compressed and cached for good."""

import os
import re
import subprocess
import sys

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

PRODUCTION_ENV = {
    "DJANGO_ENV": "production",
    "DJANGO_SECRET_KEY": "n8Kq2-vR5wXz+Tb7Lp0Ye4Hc9Js6Ua3Fm1Gd-Wo8Ei5Rt2Yx7Nq4Bv0Lk3Pz6Ha9",
    "DJANGO_ALLOWED_HOSTS": "cooperation.example.org",
    "DJANGO_BEHIND_PROXY": "1",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def manage(*args, **env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        env=os.environ | env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
    )


def test_deploy_check_passes_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_deploy_check_warns_about_a_per_process_cache():
    env = PRODUCTION_ENV | {"REDIS_URL": ""}

    result = manage("check", "--deploy", "--fail-level", "WARNING", **env)

    assert result.returncode != 0
    assert "relations.W001" in result.stderr


@pytest.mark.parametrize(
    "change, message",
    [
        ({"DJANGO_SECRET_KEY": ""}, "DJANGO_SECRET_KEY must be set"),
        ({"DJANGO_DEBUG": "1"}, "DJANGO_DEBUG must be off"),
    ],
    ids=["no secret key", "debug on"],
)
def test_production_refuses_to_start_when_unsafe(change, message):
    result = manage("check", **(PRODUCTION_ENV | change))

    assert result.returncode != 0
    assert message in result.stderr


def test_pages_name_only_hashed_static_files(client, seed):
    html = client.get(reverse("relations:home")).content.decode()
    static_urls = re.findall(r'(?:href|src)="(/static/[^"]+)"', html)

    assert static_urls
    for url in static_urls:
        assert re.search(r"\.[0-9a-f]{12}\.\w+$", url), url


@pytest.mark.parametrize("encoding", ["br", "gzip"])
def test_static_files_are_compressed_and_cached_for_good(client, seed, encoding):
    stylesheet = re.search(
        r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', client.get(reverse("relations:home")).text
    )

    response = client.get(stylesheet[1], headers={"Accept-Encoding": encoding})
    response.close()

    assert response.status_code == 200
    assert response["Content-Encoding"] == encoding
    assert "max-age=315360000" in response["Cache-Control"]
    assert "immutable" in response["Cache-Control"]
