import datetime

import pytest

from relations.models import Category

pytestmark = pytest.mark.django_db


def titles(response):
    return [
        item.title if hasattr(item, "title") else item.name
        for item in response.context["object_list"]
    ]


@pytest.fixture
def events(make_event, country, turkey, make_organisation):
    other = country(name="Elsewhere", slug="elsewhere", iso_code="QE")
    org = make_organisation(name="Fair Corp", slug="fair-corp")
    d = datetime.date
    return {
        "mills": make_event(
            title="Textile mills",
            category=Category.INDUSTRIAL,
            date=d(1930, 1, 1),
            date_precision="decade",
        ),
        "relations": make_event(title="Relations established", date=d(1920, 6, 2)),
        "fair": make_event(
            title="Defence fair",
            category=Category.EXHIBITION,
            date=d(1993, 1, 1),
            date_precision="year",
            organisations=[org],
        ),
        "abroad": make_event(
            title="Talks abroad", date=d(1993, 5, 1), date_precision="month", countries=[other]
        ),
    }


def test_each_event_filter_narrows_the_list(client, events):
    assert set(titles(client.get("/en/events/?category=industrial"))) == {"Textile mills"}
    assert set(titles(client.get("/en/events/?year=1935"))) == {"Textile mills"}
    assert set(titles(client.get("/en/events/?year=1993"))) == {"Defence fair", "Talks abroad"}
    assert set(titles(client.get("/en/events/?country=elsewhere"))) == {"Talks abroad"}
    assert set(titles(client.get("/en/events/?organisation=fair-corp"))) == {"Defence fair"}
    assert set(titles(client.get("/en/events/?q=MILLS"))) == {"Textile mills"}


def test_event_filters_combine(client, events):
    response = client.get("/en/events/?year=1993&country=testland")
    assert titles(response) == ["Defence fair"]
    assert (
        client.get("/en/events/?year=1993&category=industrial").context["object_list"].count() == 0
    )


def test_sorting(client, events):
    assert titles(client.get("/en/events/?sort=date"))[0] == "Relations established"
    assert titles(client.get("/en/events/"))[0] == "Talks abroad"
    assert titles(client.get("/en/events/?sort=title"))[0] == "Defence fair"


def test_the_form_keeps_the_current_values_and_counts_results(client, events):
    html = client.get("/en/events/?year=1993&category=exhibition").text
    assert 'value="1993"' in html
    assert '<option value="exhibition" selected>' in html
    assert "1 result<" in html


def test_an_empty_result_says_so(client, events):
    html = client.get("/en/events/?q=nothing-like-this").text
    assert "Nothing matches these filters" in html


def test_pagination_keeps_the_filters(client, make_event):
    for n in range(45):
        make_event(title=f"Meeting {n:02}", category=Category.ECONOMIC)
    make_event(title="Other", category=Category.CULTURAL)
    first = client.get("/en/events/?category=economic&sort=title")
    assert first.context["paginator"].count == 45
    assert 'href="?category=economic&amp;sort=title&amp;page=2"' in first.text
    third = client.get("/en/events/?category=economic&sort=title&page=3")
    assert titles(third) == [f"Meeting {n:02}" for n in range(40, 45)]
    assert client.get("/en/events/?category=economic&page=4").status_code == 404


def test_agreement_filters(client, make_agreement, country):
    d = datetime.date
    make_agreement(title="Brotherhood", signed_on=d(1921, 3, 16), is_key=True)
    make_agreement(
        title="Arms deal",
        kind="intergovernmental-agreement",
        signed_on=d(1994, 4, 1),
        signed_precision="month",
        sphere="military-technical",
    )
    make_agreement(title="Old pact", status="expired", parties=[country(slug="x", name="X")])
    assert titles(client.get("/en/agreements/?kind=intergovernmental-agreement")) == ["Arms deal"]
    assert titles(client.get("/en/agreements/?year=1921")) == ["Brotherhood"]
    assert titles(client.get("/en/agreements/?status=expired")) == ["Old pact"]
    assert titles(client.get("/en/agreements/?sphere=military-technical&year=1994")) == [
        "Arms deal"
    ]
    assert set(titles(client.get("/en/agreements/?country=testland"))) == {
        "Brotherhood",
        "Arms deal",
    }


def test_visit_filters(client, make_visit, make_person, turkey, russia):
    erdogan = make_person(name="Erdogan", slug="erdogan")
    make_visit(
        title="2014 visit",
        person=erdogan,
        origin_country=turkey,
        host_country=russia,
        date=datetime.date(2014, 2, 7),
        level="working",
    )
    make_visit(
        title="2017 visit",
        person=erdogan,
        origin_country=turkey,
        host_country=russia,
        date=datetime.date(2017, 3, 9),
        level="official",
    )
    make_visit(title="2004 visit")
    assert set(titles(client.get("/en/visits/?person=erdogan"))) == {"2014 visit", "2017 visit"}
    assert titles(client.get("/en/visits/?person=erdogan&year=2017")) == ["2017 visit"]
    assert titles(client.get("/en/visits/?level=working")) == ["2014 visit"]
    assert titles(client.get("/en/visits/?host=testland")) == ["2004 visit"]
    assert set(titles(client.get("/en/visits/?origin=testland"))) == {"2014 visit", "2017 visit"}


def test_office_and_organisation_filters(client, make_office, make_organisation, country, turkey):
    rostec = make_organisation(name="Rostec", slug="rostec", kind="state-corporation")
    make_office(name="Ankara office", organisation=rostec)
    make_office(name="Baku office", country=country(slug="az", name="Az"))
    assert titles(client.get("/en/offices/?country=testland")) == ["Ankara office"]
    assert titles(client.get("/en/offices/?organisation=rostec")) == ["Ankara office"]
    assert titles(client.get("/en/organisations/?kind=state-corporation")) == ["Rostec"]


BAD_QUERIES = [
    "year=abc",
    "year=99999999999999999999999999",
    "year=-5",
    "year=1e5",
    "page=0",
    "page=-1",
    "page=abc",
    "page=99999999999999999999",
    "category=nonsense",
    "country=no-such-country",
    "country=%00",
    "q=%00",
    "q=" + "x" * 5000,
    "sort=password",
    "sort=-",
    "organisation=' OR 1=1 --",
    "person=<script>",
    "level[]=1&level=2&level=state",
    "q=%F0%9F%98%80%C3%A9",
    "q=%ff%fe",
]


@pytest.mark.parametrize(
    "path", ["/en/events/", "/en/agreements/", "/en/visits/", "/en/offices/", "/en/organisations/"]
)
def test_bad_query_strings_never_give_a_server_error(client, seed, path):
    """The known bad values, each on every list (test_fuzz.py adds generated ones); an
    invalid value redirects to the list without it (tests/test_canonical_values.py)."""
    for query in BAD_QUERIES:
        response = client.get(f"{path}?{query}", follow=True)
        assert response.status_code in {200, 404}, (path, query)
        assert len(response.redirect_chain) <= 1, (path, query)


def test_invalid_values_redirect_to_the_list_without_them(client, seed):
    """Issue 16: a made-up value costs a redirect, not a page rendered for it (it used to
    show the form's errors)."""
    response = client.get("/en/events/?year=abc&category=nonsense&q=forum", follow=True)
    assert response.redirect_chain == [("/en/events/?q=forum", 302)]
    assert response.status_code == 200
    assert "Please correct the filters above." not in response.text


def test_visitor_text_is_escaped(client, seed):
    html = client.get('/en/events/?q=<script>alert("x")</script>').text
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html
