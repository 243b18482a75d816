"""Records beyond the entries: actions per party, links, roles, joint bodies, series, sources."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from relations.models import (
    Agreement,
    AgreementAction,
    EventSeries,
    Organisation,
    Person,
    Publication,
    Role,
    Source,
)
from tests.test_views import page_text

pytestmark = pytest.mark.django_db

d = datetime.date
SEED_SOURCE = "cooperation-with-turkey"


def text_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return page_text(response.text)


def slugs(response):
    return {item.slug for item in response.context["object_list"]}


# ---------------------------------------------------------------------------
# Agreements: actions and status


def admin_url(model, view, *args):
    return reverse(f"admin:relations_{model._meta.model_name}_{view}", args=args)


def form_data(form):
    """What a browser would post back for an unchanged Django form."""
    data = {}
    for field in form:
        value = field.value()
        if value is None or value is False:
            continue
        if value is True:
            data[field.html_name] = "on"
        elif isinstance(value, list | tuple):
            data[field.html_name] = [getattr(item, "pk", item) for item in value]
        else:
            data[field.html_name] = value
    return data


def change_form_data(response):
    """The admin change page as posted back unchanged, inlines included."""
    data = form_data(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data |= form_data(formset.management_form)
        for form in formset.forms:
            data |= form_data(form)
    return data


def add_inline_row(data, prefix, **fields):
    n = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = n + 1
    data |= {f"{prefix}-{n}-{name}": value for name, value in fields.items()}


def save_agreement(client, agreement, **rows):
    url = admin_url(Agreement, "change", agreement.pk)
    data = change_form_data(client.get(url))
    for prefix, row_list in rows.items():
        for row in row_list:
            add_inline_row(data, prefix, **row)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["errors"]
    agreement.refresh_from_db()
    return agreement


def test_saving_actions_in_the_admin_sets_the_status(staff_client, make_agreement, turkey, russia):
    agreement = make_agreement(status="signed")
    save_agreement(
        staff_client,
        agreement,
        actions=[
            {"party": party.pk, "action": "entry-into-force", "date": "1993-01-01"}
            | {"date_precision": "day"}
            for party in (turkey, russia)
        ],
    )
    assert agreement.status == "in-force"
    assert agreement.actions.count() == 2


def test_a_status_set_by_hand_is_kept(staff_client, make_agreement, turkey):
    agreement = make_agreement(status="expired", status_set_by_hand=True)
    row = {"party": turkey.pk, "action": "signature", "date": "1992-05-25", "date_precision": "day"}
    save_agreement(staff_client, agreement, actions=[row])
    assert agreement.status == "expired"


def test_a_supersedes_link_marks_the_earlier_agreement_superseded(staff_client, make_agreement):
    old, new = make_agreement(title="Old treaty"), make_agreement(title="New treaty")
    link = {"to_agreement": old.pk, "kind": "supersedes"}
    save_agreement(staff_client, new, links_from=[link])
    old.refresh_from_db()
    assert old.status == "superseded"
    assert new.status == "signed"


def test_an_action_is_recorded_once_per_party(make_action, make_agreement, turkey):
    agreement = make_agreement()
    make_action(agreement=agreement, party=turkey, action="ratification")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_action(agreement=agreement, party=turkey, action="ratification")


def test_an_action_date_keeps_its_precision(make_action):
    action = make_action(date=d(1994, 4, 15), date_precision="month")
    with pytest.raises(Exception, match="first day of the period"):
        action.full_clean()


def test_the_agreement_page_lists_each_partys_actions(client, make_action, make_person, russia):
    yeltsin = make_person(name="Boris Yeltsin")
    action = make_action(party=russia, signatory=yeltsin)
    make_action(agreement=action.agreement, action="entry-into-force", date=d(1993, 1, 1))
    text = text_of(client, action.agreement.get_absolute_url())
    assert "25 May 1992 Homeland Signature Boris Yeltsin" in text
    assert "1 January 1993 Testland Entry into force" in text


# ---------------------------------------------------------------------------
# Links between agreements


def test_links_read_both_ways(client, make_link, make_agreement):
    old = make_agreement(title="Treaty of Friendship")
    new = make_agreement(title="Treaty of Partnership")
    protocol = make_agreement(title="Protocol on Trade")
    make_link(from_agreement=new, to_agreement=old, kind="supersedes")
    make_link(from_agreement=protocol, to_agreement=new, kind="protocol-to")
    old_page = text_of(client, old.get_absolute_url())
    new_page = text_of(client, new.get_absolute_url())
    assert "Superseded by Treaty of Partnership" in old_page
    assert "Supersedes Treaty of Friendship" in new_page
    assert "Has a protocol Protocol on Trade" in new_page
    assert "Is a protocol to Treaty of Partnership" in text_of(client, protocol.get_absolute_url())


def test_a_link_to_a_draft_is_not_shown(client, make_link, make_agreement):
    draft = make_agreement(title="Secret annex", publication=Publication.DRAFT)
    link = make_link(from_agreement=draft, kind="amends")
    assert "Secret annex" not in text_of(client, link.to_agreement.get_absolute_url())


def test_an_agreement_cannot_link_to_itself_or_twice(make_link, make_agreement):
    agreement = make_agreement()
    with pytest.raises(IntegrityError), transaction.atomic():
        make_link(from_agreement=agreement, to_agreement=agreement)
    link = make_link(kind="amends")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_link(from_agreement=link.from_agreement, to_agreement=link.to_agreement)


# ---------------------------------------------------------------------------
# People and their roles


@pytest.fixture
def erdogan(make_person, make_role, turkey):
    person = make_person(name="Recep Tayyip Erdoğan", slug="erdogan")
    make_role(
        person=person,
        title="Prime Minister of Turkey",
        country=turkey,
        date=d(2003, 3, 14),
        end_date=d(2014, 8, 28),
        end_precision="day",
    )
    make_role(
        person=person,
        title="President of the Republic of Turkey",
        country=turkey,
        date=d(2014, 8, 28),
    )
    return person


@pytest.mark.parametrize(
    ("day", "title"),
    [
        (d(2003, 3, 13), None),
        (d(2003, 3, 14), "Prime Minister of Turkey"),
        (d(2014, 2, 7), "Prime Minister of Turkey"),
        (d(2014, 8, 28), "President of the Republic of Turkey"),
        (d(2017, 3, 9), "President of the Republic of Turkey"),
    ],
)
def test_the_role_held_on_a_date(erdogan, day, title):
    role = erdogan.role_on(day)
    assert (role.title if role else None) == title


def test_a_visit_shows_the_role_held_on_its_date_unless_one_is_typed(
    client, erdogan, make_visit, turkey, russia
):
    trips = {"origin_country": turkey, "host_country": russia, "person": erdogan}
    as_pm = make_visit(title="Sochi", date=d(2014, 2, 7), **trips)
    as_president = make_visit(title="Moscow", date=d(2017, 3, 9), **trips)
    typed = make_visit(title="Ankara", date=d(2017, 5, 1), role="Chairman of the party", **trips)
    assert "Recep Tayyip Erdoğan , Prime Minister of Turkey" in text_of(
        client, as_pm.get_absolute_url()
    )
    assert "President of the Republic of Turkey" in text_of(client, as_president.get_absolute_url())
    assert "Chairman of the party" in text_of(client, typed.get_absolute_url())


def test_visits_filter_by_the_role_held(client, erdogan, make_visit, turkey, russia):
    trips = {"origin_country": turkey, "host_country": russia, "person": erdogan}
    make_visit(title="Sochi", slug="sochi", date=d(2014, 2, 7), **trips)
    make_visit(title="Moscow", slug="moscow", date=d(2017, 3, 9), **trips)
    make_visit(title="Typed", slug="typed", date=d(2015, 1, 1), role="Prime Minister", **trips)
    assert slugs(client.get("/en/visits/?role=prime+minister")) == {"sochi", "typed"}
    assert slugs(client.get("/en/visits/?role=President")) == {"moscow"}
    assert slugs(client.get("/en/visits/?role=President&year=2014")) == set()


def test_a_persons_page_lists_roles_visits_and_signatures(
    client, erdogan, make_visit, make_action, make_agreement
):
    make_visit(title="Sochi talks", person=erdogan, date=d(2014, 2, 7))
    make_action(agreement=make_agreement(title="Gas deal"), signatory=erdogan)
    make_action(
        agreement=make_agreement(title="Hidden deal", publication=Publication.DRAFT),
        signatory=erdogan,
    )
    text = text_of(client, erdogan.get_absolute_url())
    assert "Prime Minister of Turkey 14 March 2003–28 August 2014" in text
    assert "President of the Republic of Turkey since 28 August 2014" in text
    assert "Sochi talks" in text
    assert "Agreements signed Gas deal 25 May 1992 · for Testland" in text
    assert "Hidden deal" not in text


# ---------------------------------------------------------------------------
# Joint bodies and recurring events


def test_a_joint_body_shows_its_founding_members_co_chairs_and_meetings(
    client, make_organisation, make_agreement, make_cochair, make_event, make_person, turkey
):
    founding = make_agreement(title="Declaration on the Council")
    council = make_organisation(
        name="Cooperation Council",
        kind="council",
        founded_by=founding,
        members_note="36 regions and more than 100 companies",
    )
    make_cochair(
        body=council, person=make_person(name="Chair One"), country=turkey, role="Prime Minister"
    )
    make_event(title="First meeting of the Council", organisations=[council])
    text = text_of(client, council.get_absolute_url())
    assert "Set up by Declaration on the Council" in text
    assert "Members 36 regions and more than 100 companies" in text
    assert "Co-chairs Chair One , Prime Minister (Testland) since 12 May 2010" in text
    assert "Meetings and sessions" in text and "First meeting of the Council" in text
    assert "Set up Cooperation Council" in text_of(client, founding.get_absolute_url())


def test_events_filter_by_body(client, make_organisation, make_event):
    council = make_organisation(name="Council", slug="council", kind="council")
    company = make_organisation(name="Company", slug="company", kind="company")
    make_event(title="Session", slug="session", organisations=[council])
    make_event(title="Fair", slug="fair", organisations=[company])
    assert slugs(client.get("/en/events/?body=council")) == {"session"}
    assert slugs(client.get("/en/events/?body=Coun")) == {"session"}
    # Only councils and commissions match: a company's events are not a council's.
    response = client.get("/en/events/?body=company")
    assert response.status_code == 200 and slugs(response) == set()


@pytest.fixture
def fair(make_event):
    series = EventSeries.objects.create(
        name="Defence Fair",
        slug="defence-fair",
        interval_years=2,
        publication=Publication.PUBLISHED,
    )

    def edition(year, **kwargs):
        return make_event(
            title=f"Fair {year}", date=d(year, 1, 1), date_precision="year", series=series, **kwargs
        )

    return series, edition


def test_a_series_lists_past_editions_and_the_next_expected(client, fair, make_organisation):
    series, edition = fair
    edition(1993)
    edition(1995, organisations=[make_organisation(name="Exporter")])
    this_year = datetime.date.today().year
    expected = 1995 + 2 * -(-(this_year - 1995) // 2)
    text = text_of(client, series.get_absolute_url())
    assert f"Expected in {expected}" in text
    assert text.index("Fair 1993") < text.index("Fair 1995")
    assert "Took part in recorded editions Exporter" in text


def test_a_recorded_upcoming_edition_replaces_the_guess(client, fair):
    series, edition = fair
    edition(1993)
    edition(datetime.date.today().year + 1)
    text = text_of(client, series.get_absolute_url())
    assert "Expected in" not in text
    assert text.index("Next edition") < text.index(f"Fair {datetime.date.today().year + 1}")


@pytest.mark.parametrize(
    ("last", "this_year", "expected"),
    [(1993, 2026, 2027), (2025, 2026, 2027), (2026, 2026, 2028), (2024, 2026, 2026)],
)
def test_next_edition_year_follows_the_cycle(last, this_year, expected):
    assert EventSeries(interval_years=2).next_edition_year(last, this_year) == expected
    assert EventSeries(interval_years=None).next_edition_year(last, this_year) is None


# ---------------------------------------------------------------------------
# Agreement filters


def test_agreements_filter_by_status_action_and_action_year(client, make_agreement, make_action):
    in_force = make_agreement(title="In force", slug="in-force", status="in-force")
    signed = make_agreement(title="Signed only", slug="signed-only")
    make_action(agreement=in_force, action="ratification", date=d(1993, 1, 1))
    make_action(agreement=in_force, action="signature", date=d(1992, 5, 25))
    make_action(agreement=signed, action="signature", date=d(1993, 3, 1))
    assert slugs(client.get("/en/agreements/?status=in-force")) == {"in-force"}
    assert slugs(client.get("/en/agreements/?action=ratification")) == {"in-force"}
    assert slugs(client.get("/en/agreements/?action_year=1993")) == {"in-force", "signed-only"}
    # Both apply to the same action: nobody signed in 1993 except "Signed only".
    assert slugs(client.get("/en/agreements/?action=signature&action_year=1993")) == {"signed-only"}
    assert slugs(client.get("/en/agreements/?action=ratification&action_year=1992")) == set()


@pytest.mark.parametrize(
    "query",
    [
        "/en/agreements/?action=nonsense",
        "/en/agreements/?action_year=abc",
        "/en/agreements/?action_year=99999999999999999999",
        "/en/agreements/?status=partially-in-force&action=withdrawal&action_year=-1",
        "/en/events/?body=%00",
        "/en/visits/?role=%00",
        "/en/visits/?role=" + "x" * 5000,
    ],
)
def test_bad_values_for_the_new_filters_are_dropped_not_errors(client, seed, query):
    """An invalid value redirects to the list without it (relations/canonical.py)."""
    response = client.get(query, follow=True)
    assert response.status_code == 200 and len(response.redirect_chain) <= 1


# ---------------------------------------------------------------------------
# Sources, freshness


def test_a_detail_page_shows_its_sources_as_numbered_notes_and_its_last_change(
    client, make_event, make_source
):
    event = make_event(title="Talks", change_note="Date corrected from the minutes.")
    first = make_source(title="Cooperation page", url="https://example.org/coop")
    second = make_source(title="Minutes", publisher="Ministry", accessed_on=d(2024, 5, 1))
    event.sources.set([second, first])
    response = client.get(event.get_absolute_url())
    text = page_text(response.text)
    assert "Sources Cooperation page Minutes , Ministry (accessed 1 May 2024)" in text
    assert 'id="source-1"><cite><a href="https://example.org/coop"' in response.text
    assert "Last updated" in text and "Date corrected from the minutes." in text


def test_office_contacts_show_when_they_were_last_verified(client, make_office):
    office = make_office(contacts_verified=d(2025, 3, 14))
    assert "Contacts last verified on 14 March 2025." in text_of(client, office.get_absolute_url())


def test_the_seed_page_is_the_first_source_of_every_seed_entry(client, seed):
    seed_models = [m for m in Source._meta.related_objects if m.many_to_many]
    checked = 0
    for relation in seed_models:
        for entry in relation.related_model.objects.prefetch_related("sources"):
            cited = [source.slug for source in entry.sources.all()]
            # Entries the seed does not speak of (the 2010 visit) cite other sources only.
            assert cited and (SEED_SOURCE not in cited or cited[0] == SEED_SOURCE), entry
            checked += 1
    assert checked >= 30
    text = text_of(client, "/en/agreements/joint-declaration-2009/")
    assert "Sources Cooperation with Turkey" in text


# ---------------------------------------------------------------------------
# The seed uses the new records


def test_the_seed_records_roles_and_signatures(client, seed):
    # Only roles a cited source dates (Demirel's, from his Wikipedia entry); no source
    # names the signatories, so none is shown.
    assert Role.objects.filter(person__slug="suleyman-demirel").count() == 2
    assert not Role.objects.exclude(person__slug="suleyman-demirel").exists()
    assert AgreementAction.objects.filter(action="signature").count() == 10
    treaty = text_of(client, "/en/agreements/treaty-on-principles-of-relations-1992/")
    assert "25 May 1992 Russia Signature" in treaty and "Boris Yeltsin" not in treaty
    # The seed gives the visitor's role in its own words.
    putin = text_of(client, "/en/visits/vladimir-putin-state-visit-2004/")
    assert "Vladimir Putin , President of the Russian Federation" in putin
    assert slugs(client.get("/en/visits/?role=Prime+Minister")) == {
        "recep-tayyip-erdogan-visit-2014"
    }


def test_the_seed_roles_read_in_russian_and_turkish(client, seed):
    ru = text_of(client, "/ru/people/recep-tayyip-erdogan/")
    assert "Премьер-министр Турции" in ru and "Президент Турецкой Республики" in ru
    tr = text_of(client, "/tr/visits/recep-tayyip-erdogan-visit-2014/")
    assert "Türkiye Başbakanı" in tr


def test_the_business_council_lists_its_members(client, seed):
    council = Organisation.objects.get(slug="russian-turkish-business-council")
    assert council.members_note.startswith("36 regions of Russia")
    hub = text_of(client, "/en/countries/turkey/")
    assert "36 regions of Russia and more than 100 Turkish companies" in hub


# ---------------------------------------------------------------------------
# The partner page as the hub of the pair


def test_the_partner_page_is_the_hub_of_the_pair(client, seed):
    text = text_of(client, "/en/countries/turkey/")
    heading = text.index("Chronology", text.index("Key figures"))  # not the header's link
    chronology = text[heading : text.index("All events with Turkey")]
    # Oldest first, across events, visits and agreements.
    order = ["2 June 1920", "16 March 1921", "May 1992", "25 May 1992", "7 February 2014"]
    assert [chronology.index(day) for day in order] == sorted(
        chronology.index(day) for day in order
    )
    for kind in ["Event", "Visit", "Agreement"]:
        assert f"· {kind} ·" in chronology
    assert "Key document" in chronology and "Signed (later steps not recorded)" in chronology
    people = text[text.index("People") :]
    for name in ["Boris Yeltsin", "Recep Tayyip Erdoğan", "Süleyman Demirel"]:
        assert name in people
    assert "President of the Republic of Turkey" in people
    assert "Sources Cooperation with Turkey" in text


@pytest.mark.parametrize("name", ["person-detail", "series-detail"])
def test_new_detail_pages_run_a_fixed_number_of_queries(
    client, seed, name, django_assert_max_num_queries
):
    model = {"person-detail": Person, "series-detail": EventSeries}[name]
    for obj in model.objects.all():
        with django_assert_max_num_queries(8):
            assert client.get(reverse(f"relations:{name}", args=[obj.slug])).status_code == 200


# ---------------------------------------------------------------------------
# Admin


def test_actions_links_roles_and_co_chairs_are_edited_inline(staff_client, seed):
    treaty = Agreement.objects.get(slug="treaty-on-principles-of-relations-1992")
    html = staff_client.get(admin_url(Agreement, "change", treaty.pk)).text
    assert 'name="actions-TOTAL_FORMS"' in html and 'name="links_from-TOTAL_FORMS"' in html
    erdogan = Person.objects.get(slug="recep-tayyip-erdogan")
    assert (
        'name="roles-TOTAL_FORMS"' in staff_client.get(admin_url(Person, "change", erdogan.pk)).text
    )
    council = Organisation.objects.get(slug="high-level-cooperation-council")
    html = staff_client.get(admin_url(Organisation, "change", council.pk)).text
    assert 'name="co_chairs-TOTAL_FORMS"' in html


def test_the_partner_page_lists_the_first_ten_offices_and_links_to_the_rest(
    client, partner_page, make_office
):
    for n in range(11):
        make_office(name=f"Office {n:02}", slug=f"office-{n:02}")
    text = text_of(client, partner_page.get_absolute_url())
    assert "Office 09" in text and "Office 10" not in text
    assert "All offices in Testland" in text
    offices = client.get(f"/en/offices/?country={partner_page.country.slug}")
    assert len(offices.context["object_list"]) == 11
