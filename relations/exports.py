"""CSV and JSON downloads of a filtered list, MAX_ROWS rows at a time.

Both stream, rows read from the database in chunks, so a long list costs neither memory
nor a worker for long: a download holds at most MAX_ROWS rows (a few seconds' work), and
when more match, its ``Link: <...&page=2>; rel="next"`` header (and the JSON's "next")
gives the address of the next ones. Lists inside a row (the countries of an event) are
joined with "; " in the CSV.
"""

import csv
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, StreamingHttpResponse

from .schemas import dump

FORMATS = ("csv", "json")
MAX_ROWS = 5_000
CHUNK = 500


class Echo:
    """A file-like object whose write() hands the line back to csv.writer's caller."""

    def write(self, value):
        return value


# A spreadsheet runs a cell that starts with one of these as a formula: a title such as
# "=HYPERLINK(...)" would be a live link, or worse, in whoever opens the download.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(value):
    """Text that a spreadsheet would read as a formula, with an apostrophe before it (the
    usual guard, as OWASP describes it); other values as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return value


def cell(value):
    if isinstance(value, list):
        value = "; ".join(value)
    return "" if value is None else neutralised(value)


def csv_lines(kind, rows, request, next_url):
    writer = csv.writer(Echo())
    columns = list(kind.schema.model_fields)
    yield writer.writerow(columns)
    for item in rows.iterator(chunk_size=CHUNK):
        record = dump(kind, item, request)
        yield writer.writerow([cell(record[column]) for column in columns])


def json_lines(kind, rows, request, next_url):
    yield '{"items": ['
    count = 0
    for count, item in enumerate(rows.iterator(chunk_size=CHUNK), start=1):
        text = json.dumps(dump(kind, item, request), cls=DjangoJSONEncoder, ensure_ascii=False)
        yield text if count == 1 else f",\n{text}"
    yield f'], "count": {count}, "next": {json.dumps(next_url)}}}'


WRITERS = {"csv": (csv_lines, "text/csv"), "json": (json_lines, "application/json")}


# 100,000 pages of MAX_ROWS rows: far more than any list, far below 2**63.
MAX_PAGE = 100_000


def export(kind, export_format, queryset, request):
    try:
        page = int(request.GET.get("page") or 1)
    except ValueError:
        raise Http404 from None
    # Past MAX_PAGE no list has rows, and the offset would overflow the database's
    # integer (a 500 on SQLite and PostgreSQL alike): the same 404 as any page past the end.
    if not 1 <= page <= MAX_PAGE:
        raise Http404
    start = (page - 1) * MAX_ROWS
    rows = kind.rows(queryset)[start : start + MAX_ROWS]
    next_url = None
    if queryset[start + MAX_ROWS :].exists():
        query = request.GET.copy()
        query["page"] = page + 1
        next_url = request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
    lines, content_type = WRITERS[export_format]
    response = StreamingHttpResponse(
        lines(kind, rows, request, next_url), content_type=f"{content_type}; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{kind.name}.{export_format}"'
    if next_url:
        response["Link"] = f'<{next_url}>; rel="next"'
    return response
