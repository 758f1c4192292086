from django.db import connection
from django.http import JsonResponse


def health(request):
    """For the container health check: the app answers and the database too."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
