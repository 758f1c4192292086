"""How the JSON API reports errors: always `{"error": message}`, never a 500 page.

This is the one place where a ProviderError becomes an HTTP response.
"""

import logging

from django.db import DataError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from integrations.providers.base import ProviderError

logger = logging.getLogger(__name__)


def provider_error_response(error: ProviderError) -> Response:
    """The JSON answer for a photo server that failed or refused us."""
    body = {"error": error.message, "code": error.code}
    return Response(
        body, status=error.http_status, headers={"Cache-Control": "no-store"}
    )


def exception_handler(exc, context):
    if isinstance(exc, ProviderError):
        logger.info("provider error %s: %s", exc.code, exc.message)
        return provider_error_response(exc)
    if isinstance(exc, OverflowError | DataError):
        # A number too large for the database (SQLite and PostgreSQL alike).
        exc = exceptions.ValidationError("A number in the request is too large.")
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(str(exc) if str(exc) else "Not found.")
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    data = response.data
    if isinstance(data, dict) and set(data) == {"detail"}:
        response.data = {"error": str(data["detail"])}
    elif isinstance(exc, exceptions.ValidationError):
        response.data = {"error": _validation_message(data), "fields": data}
    if response.status_code == status.HTTP_401_UNAUTHORIZED:
        response.data.setdefault("code", "AUTH_REQUIRED")
    return response


def _validation_message(data) -> str:
    """One readable sentence out of DRF's nested validation errors."""
    if isinstance(data, list):
        return " ".join(str(item) for item in data)
    if isinstance(data, dict):
        parts = []
        for field, problems in data.items():
            text = _validation_message(problems)
            parts.append(text if field == "non_field_errors" else f"{field}: {text}")
        return " ".join(parts)
    return str(data)
