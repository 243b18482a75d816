from django.urls import path

from . import feeds, hub, views

app_name = "relations"

urlpatterns = [
    path("", hub.HomeView.as_view(), name="home"),
    path("about/", hub.AboutView.as_view(), name="about"),
    path("countries/<slug:slug>/", hub.PartnerDetailView.as_view(), name="partner-detail"),
    path("events/", views.EventListView.as_view(), name="event-list"),
    path("events/<slug:slug>/", views.EventDetailView.as_view(), name="event-detail"),
    path("series/<slug:slug>/", views.SeriesDetailView.as_view(), name="series-detail"),
    path("agreements/", views.AgreementListView.as_view(), name="agreement-list"),
    path("agreements/<slug:slug>/", views.AgreementDetailView.as_view(), name="agreement-detail"),
    path("visits/", views.VisitListView.as_view(), name="visit-list"),
    path("visits/<slug:slug>/", views.VisitDetailView.as_view(), name="visit-detail"),
    path("offices/", views.OfficeListView.as_view(), name="office-list"),
    path("offices/<slug:slug>/", views.OfficeDetailView.as_view(), name="office-detail"),
    path("organisations/", views.OrganisationListView.as_view(), name="organisation-list"),
    path(
        "organisations/<slug:slug>/",
        views.OrganisationDetailView.as_view(),
        name="organisation-detail",
    ),
    path("people/<slug:slug>/", views.PersonDetailView.as_view(), name="person-detail"),
    path("timeline/", views.TimelineView.as_view(), name="timeline"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("feeds/rss/", feeds.LatestEntriesFeed(), name="feed-rss"),
    path("feeds/atom/", feeds.LatestEntriesAtomFeed(), name="feed-atom"),
    path("feeds/<slug:kind>/rss/", feeds.LatestEntriesFeed(), name="kind-feed-rss"),
    path("feeds/<slug:kind>/atom/", feeds.LatestEntriesAtomFeed(), name="kind-feed-atom"),
    path("calendar.ics", feeds.calendar, name="calendar"),
    path("offices/<slug:slug>/vcard.vcf", feeds.vcard, name="office-vcard"),
]
