"""Turning an Immich HTTP answer that is not a success into a ProviderError.

Immich error bodies changed shape in 3.0 (see the API notes): up to 2.x
`{message, error, statusCode, correlationId}`, where `message` may be a list;
from 3.0 `{message}` or `{message: "Validation failed", errors: [...]}`, with
the correlation id in a header. We read both, leniently.
"""

from __future__ import annotations

import logging
import re

from integrations.providers.base import (
    AssetNotFoundError,
    AuthError,
    BadResponseError,
    PermissionDeniedError,
)
from integrations.providers.immich.permissions import effect_of

logger = logging.getLogger(__name__)

_MISSING_PERMISSION = re.compile(r"missing required permission:\s*([\w.]+)", re.I)
_NOT_FOUND_OR_NO_ACCESS = re.compile(r"not found|no [\w.]+ access|must be a uuid", re.I)
_SIGN_IN_HINTS = ("login", "signin", "sign-in", "auth", "oauth", "sso")

NOT_AN_API = (
    "This is not an Immich API (got an HTML page) — check the URL. "
    "Enter the address you open Immich at, e.g. https://photos.example.com."
)


class MissingPermissionError(PermissionDeniedError):
    """The key is valid but lacks `permission` for the call."""

    def __init__(self, permission: str, **kwargs):
        message = f"The Immich API key lacks the '{permission}' permission."
        effect = effect_of(permission)
        if effect:
            message = f"{message} {effect}"
        super().__init__(message, code="immich.missing_permission", **kwargs)
        self.permission = permission


def error_message(response) -> str:
    """Immich's own message, flattened to one line (never a secret)."""
    try:
        body = response.json()
    except ValueError:
        return ""
    if not isinstance(body, dict):
        return ""
    message = body.get("message", "")
    if isinstance(message, list):
        message = "; ".join(str(part) for part in message)
    details = [
        str(item.get("message", "")) for item in body.get("errors") or [] if item
    ]
    return "; ".join(part for part in [str(message), *details] if part)[:300]


def correlation_id(response) -> str:
    for header in ("X-Correlation-ID", "x-immich-cid"):
        if response.headers.get(header):
            return response.headers[header]
    try:
        return str(response.json().get("correlationId", ""))
    except (ValueError, AttributeError):
        return ""


def looks_like_html(response) -> bool:
    content_type = response.headers.get("Content-Type", "").lower()
    return content_type.startswith(("text/html", "application/xhtml"))


def error_for(response) -> Exception:
    """The ProviderError that describes an unsuccessful Immich answer."""
    status = response.status_code
    if 300 <= status < 400:
        return _redirect_error(response)
    if looks_like_html(response):
        return BadResponseError(
            NOT_AN_API, code="immich.bad_response", upstream_status=status
        )

    message = error_message(response)
    logger.debug(
        "immich answered %s (correlation %s): %s",
        status,
        correlation_id(response),
        message,
    )
    return _error_for_status(status, message)


def _error_for_status(status: int, message: str) -> Exception:
    if status == 401:
        return AuthError(
            "Immich rejected the API key. Check that it was copied in full and "
            "has not been deleted in Immich (Account Settings → API Keys).",
            code="immich.auth_failed",
            upstream_status=status,
        )
    if status == 403:
        match = _MISSING_PERMISSION.search(message)
        if match:
            return MissingPermissionError(match.group(1), upstream_status=status)
        return PermissionDeniedError(
            "Immich refused this request for your API key"
            + (f": {message}" if message else "."),
            code="immich.missing_permission",
            upstream_status=status,
        )
    if status == 404 or (status == 400 and _NOT_FOUND_OR_NO_ACCESS.search(message)):
        return AssetNotFoundError(
            "Immich has no such photo or album, or your key cannot see it.",
            code="immich.not_found",
            upstream_status=status,
        )
    if status == 429:
        return BadResponseError(
            "Immich is busy (too many requests). Try again in a moment.",
            code="immich.rate_limited",
            upstream_status=status,
            retryable=True,
        )
    if status >= 500:
        return BadResponseError(
            f"Immich had an internal error (HTTP {status}). Try again later.",
            code="immich.bad_response",
            upstream_status=status,
            retryable=True,
        )
    return BadResponseError(
        f"Immich refused the request (HTTP {status})"
        + (f": {message}" if message else "."),
        code="immich.bad_response",
        upstream_status=status,
    )


def _redirect_error(response) -> Exception:
    location = response.headers.get("Location", "")
    if any(hint in location.lower() for hint in _SIGN_IN_HINTS):
        message = (
            "This is not an Immich API (got a redirect to a sign-in page) — check "
            "the URL. A login portal in front of Immich must let /api through."
        )
    else:
        message = (
            "Immich answered with a redirect. Enter the final address of your "
            "server (for example with https:// instead of http://)."
        )
    return BadResponseError(
        message, code="immich.bad_response", upstream_status=response.status_code
    )
