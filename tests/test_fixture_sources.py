"""Every fact in the seed fixture comes from the source it cites.

The seed (../shared/seeds/cooperation-with-turkey.txt) is Rosoboronexport's page
"Cooperation with Turkey". An entry that cites only the seed may carry only what the
seed says: ``SEED_FACTS`` lists, per such entry, the fields the seed gives (with the
value where it is a date, a number or a choice). Anything else needs a public source
of its own, cited on the entry. Read from the file, so no database is needed.
"""

import json
from pathlib import Path

import pytest
from django.conf import settings

FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "seed.json"
SEED = "cooperation-with-turkey"
LANGUAGE_SUFFIXES = ("_en", "_ru", "_tr")

# Bookkeeping, not facts: how the entry is addressed, published and ordered.
NOT_FACTS = {
    "slug",
    "publication",
    "publish_at",
    "unpublish_at",
    "created_at",
    "updated_at",
    "sources",
    "change_note",
    "position",
    "status_set_by_hand",
}

# A field whose text comes from the seed (in the seed's words or their translation).
TEXT = ...

# For each entry that cites only the seed: the fields the seed gives.
SEED_FACTS = {
    ("person", "vladimir-putin"): {"name": TEXT},
    ("person", "recep-tayyip-erdogan"): {"name": TEXT},
    ("person", "boris-yeltsin"): {"name": TEXT},
    ("organisation", "rostec"): {
        "name": "State Corporation Rostec",
        "kind": "state-corporation",
        "description": TEXT,  # its office in Turkey ensures the interests of Rosoboronexport
    },
    ("organisation", "rosoboronexport"): {
        "name": "Rosoboronexport",
        "kind": "other",
        "description": TEXT,  # takes part in IDEF; the Rostec office ensures its interests
    },
    ("organisation", "russian-turkish-business-council"): {
        "name": "Russian-Turkish Business Council",
        "kind": "council",
        "countries": [["russia"], ["turkey"]],
        "members_note": "36 regions of Russia and more than 100 Turkish companies",
    },
    ("organisation", "intergovernmental-commission-trade-economic"): {
        "name": "Joint Intergovernmental Russian-Turkish Commission on Trade and Economic "
        "Cooperation",
        "kind": "commission",
        "countries": [["russia"], ["turkey"]],
    },
    ("organisation", "military-technical-cooperation-commission"): {
        "name": "Joint Russian-Turkish Commission for Military-Technical Cooperation",
        "kind": "commission",
        "countries": [["russia"], ["turkey"]],
        "description": TEXT,  # established in May 2001
        "founded": "2001-05-01",
        "founded_precision": "month",
    },
    ("partnerpage", "turkey"): {
        "country": ["turkey"],
        "title": "Cooperation with Turkey",
        "summary": TEXT,  # what the page covers, not a fact
        "relations_established": "1920-06-02",
        "relations_established_precision": "day",
    },
    ("eventseries", "idef"): {
        "name": "International Defence Industry Fair",
        "acronym": "IDEF",
        "description": TEXT,
        "interval_years": 2,
        "first_held": "1993-01-01",
        "first_held_precision": "year",
        "place": "Istanbul",
        "country": ["turkey"],
        "participants": [["rosoboronexport"]],
    },
    ("event", "diplomatic-relations-established"): {
        "title": TEXT,
        "summary": TEXT,
        "category": "diplomatic",
        "date": "1920-06-02",
        "date_precision": "day",
        "countries": [["turkey"], ["soviet-union"]],
    },
    ("event", "textile-mills-kayseri-nazilli"): {
        "title": TEXT,
        "summary": TEXT,
        "body": TEXT,  # concessional loans
        "category": "industrial",
        "date": "1930-01-01",
        "date_precision": "decade",
        "place": "Kayseri and Nazilli",
        "place_country": ["turkey"],
        "countries": [["turkey"], ["soviet-union"]],
    },
    ("event", "industrial-facilities-built-with-ussr-assistance"): {
        "title": TEXT,
        "summary": TEXT,
        "category": "industrial",
        "date": "1970-01-01",
        "date_precision": "decade",
        "end_date": "1980-01-01",
        "end_precision": "decade",
        "place_country": ["turkey"],
        "countries": [["turkey"], ["soviet-union"]],
    },
    ("event", "idef-1993"): {
        "title": TEXT,
        "summary": TEXT,
        "category": "exhibition",
        "date": "1993-01-01",
        "date_precision": "year",
        "countries": [["turkey"]],
        "series": ["idef"],
    },
    ("event", "military-technical-cooperation-commission-established"): {
        "title": TEXT,
        "summary": TEXT,
        "category": "military-technical",
        "date": "2001-05-01",
        "date_precision": "month",
        "countries": [["russia"], ["turkey"]],
        "organisations": [["military-technical-cooperation-commission"]],
    },
    ("visit", "suleyman-demirel-moscow-1992"): {
        "title": TEXT,
        "summary": TEXT,
        "person": ["suleyman-demirel"],
        "role": "Head of the Turkish Government",
        "origin_country": ["turkey"],
        "host_country": ["russia"],
        "place": "Moscow",
        "date": "1992-05-01",
        "date_precision": "month",
        "level": "meeting",
    },
    ("visit", "boris-yeltsin-istanbul-1992"): {
        "title": TEXT,
        "summary": TEXT,
        "person": ["boris-yeltsin"],
        "role": "President of the Russian Federation",
        "origin_country": ["russia"],
        "host_country": ["turkey"],
        "place": "Istanbul",
        "date": "1992-06-01",
        "date_precision": "month",
        "level": "meeting",
    },
    ("visit", "vladimir-putin-state-visit-2004"): {
        "title": TEXT,
        "summary": TEXT,  # with "the subsequent visit", which the seed does not name or date
        "person": ["vladimir-putin"],
        "role": "President of the Russian Federation",
        "origin_country": ["russia"],
        "host_country": ["turkey"],
        "date": "2004-12-05",
        "date_precision": "day",
        "level": "state",
    },
    ("agreement", "military-technical-cooperation-agreement-1994"): {
        "title": TEXT,
        "summary": TEXT,
        "kind": "intergovernmental-agreement",
        "signed_on": "1994-04-01",
        "signed_precision": "month",
        "parties": [["russia"], ["turkey"]],
        "status": "signed",
        "sphere": "military-technical",
    },
    ("office", "rostec-turkey"): {
        "name": TEXT,
        "summary": TEXT,
        "organisation": ["rostec"],
        "represents": [["rosoboronexport"]],
        "country": ["turkey"],
        "phone": "(+90312) 418-67-26",
        "fax": "(+90312) 425-87-12",
    },
}

# Facts the seed does not state and no cited source gave: they must stay out.
REMOVED = {
    ("organisation", "rostec"): {"website", "countries"},
    ("organisation", "rosoboronexport"): {"website", "parent", "countries"},
    ("organisation", "high-level-cooperation-council"): {"acronym"},
    ("office", "rostec-turkey"): {"city"},
    ("visit", "vladimir-putin-state-visit-2004"): {"place", "end_date"},
    ("agreement", "treaty-on-principles-of-relations-1992"): {"place", "visit"},
    ("agreement", "joint-declaration-2004"): {"place"},
    ("event", "idef-1993"): {"place"},
}


def entries():
    return json.loads(FIXTURE.read_text())


def key(entry):
    return (entry["model"].removeprefix("relations."), entry["fields"].get("slug"))


def facts(fields):
    """The non-empty fields of an entry, by base name (``title_ru`` counts as ``title``)."""
    given = {}
    for name, value in fields.items():
        base = name
        for suffix in LANGUAGE_SUFFIXES:
            base = base.removesuffix(suffix)
        if base in NOT_FACTS or value in (None, "", [], False):
            continue
        given.setdefault(base, value)
    return given


def documented():
    return [entry for entry in entries() if "sources" in entry["fields"]]


def sources():
    return {
        entry["fields"]["slug"]: entry["fields"]
        for entry in entries()
        if entry["model"] == "relations.source"
    }


def test_the_seed_is_recorded_as_rosoboronexports_page():
    seed = sources()[SEED]
    assert (seed["title"], seed["publisher"], seed["url"], seed["accessed_on"]) == (
        "Cooperation with Turkey",
        "Rosoboronexport",
        "http://roe.ru/eng/export/turtsiya/",
        "2026-11-27",
    )


def test_every_source_says_what_it_is_and_where_to_read_it():
    for slug, fields in sources().items():
        assert fields["title"] and fields["publisher"], slug
        assert fields["url"].startswith(("http://", "https://")), slug
        assert fields["accessed_on"], slug


def test_every_entry_cites_a_source_that_exists():
    known = set(sources())
    for entry in documented():
        cited = [slug for (slug,) in entry["fields"]["sources"]]
        assert cited, key(entry)
        assert set(cited) <= known, key(entry)


@pytest.mark.parametrize("entry", documented(), ids=lambda entry: "/".join(key(entry)))
def test_an_entry_citing_only_the_seed_carries_only_what_the_seed_says(entry):
    if entry["fields"]["sources"] != [[SEED]]:
        return
    assert key(entry) in SEED_FACTS, f"{key(entry)} cites only the seed; list its facts"
    allowed = SEED_FACTS[key(entry)]
    given = facts(entry["fields"])
    assert set(given) <= set(allowed), f"not in the seed: {sorted(set(given) - set(allowed))}"
    for name, value in allowed.items():
        if value is not TEXT:
            assert given.get(name) == value, name


def test_every_entry_of_the_table_is_in_the_fixture_and_cites_the_seed_only():
    by_key = {key(entry): entry for entry in documented()}
    for entry_key in SEED_FACTS:
        assert by_key[entry_key]["fields"]["sources"] == [[SEED]], entry_key


def test_unsourced_facts_are_gone():
    by_key = {key(entry): entry for entry in entries()}
    for entry_key, names in REMOVED.items():
        given = facts(by_key[entry_key]["fields"])
        assert not names & set(given), (entry_key, sorted(names & set(given)))


def test_a_role_is_dated_only_for_a_person_with_a_source_besides_the_seed():
    # The seed dates no role: who held which office from when to when comes from elsewhere.
    people = {
        entry["fields"]["slug"]: entry["fields"]["sources"]
        for entry in entries()
        if entry["model"] == "relations.person"
    }
    for entry in entries():
        if entry["model"] == "relations.role":
            person = entry["fields"]["person"][0]
            assert [slug for (slug,) in people[person]] != [SEED], person


def test_no_signatory_is_named_without_a_source():
    for entry in entries():
        if entry["model"] == "relations.agreementaction":
            assert entry["fields"]["signatory"] is None, entry["fields"]["agreement"]


def test_the_agreements_actions_are_dated_as_the_agreement():
    signed = {
        entry["fields"]["slug"]: (entry["fields"]["signed_on"], entry["fields"]["signed_precision"])
        for entry in entries()
        if entry["model"] == "relations.agreement"
    }
    for entry in entries():
        fields = entry["fields"]
        if entry["model"] == "relations.agreementaction" and fields["action"] == "signature":
            assert (fields["date"], fields["date_precision"]) == signed[fields["agreement"][0]]


def test_demirel_was_head_of_government_in_1992_by_his_cited_source():
    roles = [
        entry["fields"]
        for entry in entries()
        if entry["model"] == "relations.role" and entry["fields"]["person"] == ["suleyman-demirel"]
    ]
    prime_minister = next(role for role in roles if role["title"] == "Prime Minister of Turkey")
    assert (prime_minister["date"], prime_minister["end_date"]) == ("1991-11-20", "1993-05-16")
    assert "wikipedia-suleyman-demirel" in {
        slug
        for entry in entries()
        if entry["fields"].get("slug") == "suleyman-demirel"
        for (slug,) in entry["fields"]["sources"]
    }
