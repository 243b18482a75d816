"""/healthz for load balancers: 200 while this machine can reach the database, 503 when not."""

from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"database": "unreachable"}, status=503)
    return JsonResponse({"database": "ok"})


@never_cache
def ping(request):
    """A view that touches no database: the floor the benchmark measures pages against."""
    return HttpResponse("pong", content_type="text/plain")
