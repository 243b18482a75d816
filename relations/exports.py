"""CSV and JSON downloads of a filtered list: every matching row, not one page.

The CSV streams, so a long list costs no memory; lists inside a row (the
countries of an event) are joined with "; ".
"""

import csv

from django.http import JsonResponse, StreamingHttpResponse

from .schemas import dump

FORMATS = ("csv", "json")


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


def csv_response(kind, rows, request):
    writer = csv.writer(Echo())
    columns = list(kind.schema.model_fields)

    def lines():
        yield writer.writerow(columns)
        for item in rows.iterator(chunk_size=500):
            record = dump(kind, item, request)
            yield writer.writerow([cell(record[column]) for column in columns])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{kind.name}.csv"'
    return response


def json_response(kind, rows, request):
    response = JsonResponse(
        {"count": len(rows), "items": [dump(kind, item, request) for item in rows]},
        json_dumps_params={"ensure_ascii": False},
    )
    response["Content-Disposition"] = f'attachment; filename="{kind.name}.json"'
    return response


def export(kind, export_format, queryset, request):
    rows = kind.rows(queryset)
    if export_format == "csv":
        return csv_response(kind, rows, request)
    return json_response(kind, list(rows), request)
