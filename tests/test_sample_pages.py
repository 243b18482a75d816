"""The benchmark's sample pages (relations/sample_pages.py) are pages a visitor gets at
any size of data: scripts/server_time.py stops at the first that does not answer 200."""

import pytest
from django.core.cache import cache
from django.test import Client

from relations.sample_pages import sample_pages

pytestmark = pytest.mark.django_db


def test_every_sample_page_answers_on_the_seed(seed):
    # The seed's only office has no city, and some organisations no country: a sample
    # built from them was a filter on nothing, which redirects (302) or fails.
    client = Client()
    pages = list(sample_pages())
    assert len(pages) > 30
    for name, path in pages:
        cache.clear()
        response = client.get(path)
        assert response.status_code == 200, (name, path, response.status_code)


def test_a_filtered_sample_filters_on_every_value_it_names(seed):
    for name, path in sample_pages():
        if "filter" in name:
            query = path.partition("?")[2]
            assert query and all(part.partition("=")[2] for part in query.split("&")), name
