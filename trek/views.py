from django.db import connection
from django.http import JsonResponse
from django.views import defaults


def health(request):
    """For the container health check: the app answers and the database too."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def not_found(request, exception):
    """API callers get JSON; people get the usual page."""
    if request.path.startswith("/api/"):
        return JsonResponse({"error": "Not found."}, status=404)
    return defaults.page_not_found(request, exception)


def server_error(request):
    if request.path.startswith("/api/"):
        return JsonResponse(
            {"error": "The server failed to answer this request."}, status=500
        )
    return defaults.server_error(request)
