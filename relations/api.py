"""The read-only JSON API: a list and a detail for each kind of entry.

Lists take the same filters as the pages (the same FilterSets) and are
paginated; the OpenAPI description is served at /api/openapi.json. Text comes
in the language the client asks for with Accept-Language (English otherwise).
"""

from django.conf import settings
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from ninja import NinjaAPI, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import PageNumberPagination, paginate
from pydantic import Field, create_model

from .kinds import LISTED

api = NinjaAPI(
    title="Bilateral cooperation API",
    version="1",
    description="Published events, agreements, visits, offices and organisations. Read-only.",
    urls_namespace="api",
    docs_url=None,  # the interactive docs load scripts from a CDN; the description is enough
)


class Pages(PageNumberPagination):
    class Input(Schema):
        # Bounded, so an absurd page number is a 422, not a database overflow.
        page: int = Field(1, ge=1, le=100_000)
        page_size: int | None = Field(None, ge=1, le=100)

    def __init__(self, **kwargs):
        super().__init__(page_size=20, max_page_size=100, **kwargs)


def filter_schema(kind):
    """The FilterSet's parameters as a query schema, so OpenAPI lists them."""
    fields = {name: (str | None, None) for name in kind.filterset.base_filters}
    return create_model(f"{kind.schema.__name__[:-3]}Filters", __base__=Schema, **fields)


def add_kind(kind):
    router = Router(tags=[kind.name])
    queryset = kind.published
    filters_schema = filter_schema(kind)

    @router.get(
        "/", response=list[kind.schema], url_name=f"{kind.name}-list", summary=f"List {kind.name}"
    )
    @paginate(Pages)
    def list_entries(request, filters: Query[filters_schema]):
        filterset = kind.filterset(request.GET, queryset=kind.rows(queryset()))
        if not filterset.is_valid():
            raise HttpError(400, filterset.errors.as_text())
        return filterset.qs

    @router.get(
        "/{slug}/",
        response=kind.schema,
        url_name=f"{kind.name}-detail",
        summary=f"One of {kind.name}",
    )
    def entry_detail(request, slug: str):
        if "\x00" in slug:  # no slug holds one, and PostgreSQL refuses it in a query
            raise Http404
        return get_object_or_404(kind.rows(queryset()), slug=slug)

    list_entries.__name__ = f"list_{kind.name}"
    entry_detail.__name__ = f"get_{kind.name}"
    api.add_router(f"/{kind.name}", router)


for _kind in LISTED.values():
    add_kind(_kind)


class KindIndexOut(Schema):
    name: str
    list: str
    detail: str = Field(description="The address of one entry, with {slug} for its slug.")


class IndexOut(Schema):
    title: str
    version: str
    description: str
    docs: str = Field(description="The OpenAPI description of every address and field.")
    languages: list[str]
    kinds: list[KindIndexOut]


@api.get("/", response=IndexOut, url_name="index", summary="Index of the API", tags=["index"])
def index(request):
    """What the API holds: each kind with its list and detail addresses, and where the
    description is. A client can start here and follow the addresses."""
    absolute = request.build_absolute_uri
    return {
        "title": api.title,
        "version": api.version,
        "description": api.description,
        # The OpenAPI description is the API's documentation (the interactive pages are off).
        "docs": absolute(reverse("api:openapi-json")),
        "languages": [code for code, _name in settings.LANGUAGES],
        "kinds": [
            {
                "name": name,
                "list": absolute(reverse(f"api:{name}-list")),
                "detail": absolute(reverse(f"api:{name}-detail", args=["SLUG"])).replace(
                    "SLUG", "{slug}"
                ),
            }
            for name in LISTED
        ],
    }


@csrf_exempt  # a 404 for every method, not a CSRF 403 for a POST
def not_found(request, rest=""):
    """Any other address under /api/: a JSON 404, as the API's own 404s are, not the site's
    HTML page (config/urls.py routes it after the API's addresses)."""
    return JsonResponse(
        {"detail": "Not Found"}, status=404, content_type="application/json; charset=utf-8"
    )
