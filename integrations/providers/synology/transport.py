"""How requests to the DSM Web API are written and how its answers are read.

Every call is a POST to <base>/webapi/entry.cgi with a form body, so the
session id and the password travel in the body, never in a URL or a log line.
"""

from __future__ import annotations

import json
import logging

from integrations.providers.base import (
    AssetNotFoundError,
    BadResponseError,
)
from integrations.providers.synology.errors import NOT_PHOTOS_MESSAGE

logger = logging.getLogger(__name__)

ENTRY_PATH = "/webapi/entry.cgi"
JSON_TYPES = ("application/json", "text/json", "text/plain", "text/html")
PAYLOAD_PREFIXES = ("image/", "video/", "application/octet-stream", "application/zip")
# An error body is a few dozen bytes; anything bigger is not one we can read.
ERROR_BODY_LIMIT = 64 * 1024


def entry_url(base_url: str, api: str) -> str:
    # The API name in the query string is optional for DSM but some versions
    # need it for the login call; it also makes NAS access logs readable.
    return f"{base_url}{ENTRY_PATH}?api={api}"


def encode_photos_params(params: dict) -> dict[str, str]:
    """Form values for a SYNO.Foto* API, which parses each value as JSON.

    Strings are JSON-quoted too: an unquoted "2021" would arrive as a number.
    """
    encoded = {}
    for name, value in params.items():
        if value is None:
            continue
        if isinstance(value, bool):
            encoded[name] = "true" if value else "false"
        elif isinstance(value, int):
            encoded[name] = str(value)
        else:
            encoded[name] = json.dumps(value, separators=(",", ":"))
    return encoded


def send(http, url: str, **kwargs):
    """POST through the outbound session (policy, timeouts, TLS messages)."""
    return http.post(url, **kwargs)


def read_envelope(response) -> dict:
    """The parsed {"success": ..., ...} answer of a JSON call; closes nothing."""
    status = response.status_code
    if 300 <= status < 400:
        raise BadResponseError(
            "The NAS redirected us elsewhere. Use the address Synology Photos "
            "finally opens at (often https:// and port 5001).",
            code="synology.redirected",
            upstream_status=status,
        )
    if status >= 500:
        raise BadResponseError(
            f"The NAS answered with a server error (HTTP {status}).",
            code="synology.server_error",
            upstream_status=status,
            retryable=True,
        )
    try:
        envelope = json.loads(response.content)
    except ValueError:
        envelope = None
    if not isinstance(envelope, dict) or "success" not in envelope:
        raise BadResponseError(
            NOT_PHOTOS_MESSAGE, code="synology.not_photos", upstream_status=status
        )
    return envelope


def error_code(envelope: dict) -> int | None:
    if envelope.get("success"):
        return None
    error = envelope.get("error") or {}
    try:
        return int(error.get("code"))
    except (TypeError, ValueError):
        return 100


def is_payload(response) -> bool:
    if response.status_code == 304:  # the caller's copy is still good
        return True
    content_type = response.headers.get("Content-Type", "").lower()
    return response.status_code in (200, 206) and content_type.startswith(
        PAYLOAD_PREFIXES
    )


def binary_error_code(response) -> int:
    """Why an image/download call gave no bytes; reads and closes the body.

    DSM reports a failed thumbnail or download as a JSON error body, with
    HTTP 200 or 404. Anything else is either a missing item or garbage.
    """
    status = response.status_code
    try:
        body = response.raw.read(ERROR_BODY_LIMIT, decode_content=True)
    finally:
        response.close()
    try:
        envelope = json.loads(body)
    except ValueError:
        envelope = None
    if isinstance(envelope, dict) and "success" in envelope:
        return error_code(envelope) or 100
    if status == 404:
        raise AssetNotFoundError(
            "Synology Photos does not have that photo any more.",
            code="synology.not_found",
            upstream_status=status,
        )
    raise BadResponseError(
        "Synology Photos sent something that is not a photo.",
        code="synology.bad_response",
        upstream_status=status,
    )
