"""Test Connection: who the key belongs to, and which permissions it lacks.

It runs the same client code as browsing, once, without retries. Where the
server can list the key's permissions (1.139+) we ask it; older servers are
probed with the calls we actually depend on.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from integrations.providers.base import ConnectionReport, ProviderError
from integrations.providers.immich.errors import MissingPermissionError
from integrations.providers.immich.permissions import (
    ALL,
    describe_missing,
    missing_from_granted,
    required_permissions,
)
from integrations.providers.immich.uploads import form_fields

logger = logging.getLogger(__name__)


def check_connection(client) -> ConnectionReport:
    version = None
    try:
        version = client.detect_version()
        user_name, missing = _identify(client)
        if version.lists_key_permissions:
            granted = client.get_json("/api-keys/me").get("permissions") or []
            missing = _merge(
                missing,
                missing_from_granted(granted, mirror_uploads=client.mirror_uploads),
            )
        else:
            missing = _merge(missing, _probe(client))
    except ProviderError as exc:
        logger.info("immich connection test failed: %s", exc.code)
        return ConnectionReport(
            connected=False,
            server_version=str(version) if version else None,
            error=exc.message,
            error_code=exc.code,
        )
    return ConnectionReport(
        connected=True,
        user_name=user_name,
        server_version=str(version),
        missing_permissions=missing,
    )


def _identify(client) -> tuple[str | None, list[dict]]:
    """The Immich user's name; a 401 here means the key is wrong."""
    try:
        me = client.get_json("/users/me")
    except MissingPermissionError as exc:
        return None, [describe_missing("user.read", needs_all=exc.permission == ALL)]
    return (me or {}).get("name"), []


def _probe(client) -> list[dict]:
    """Try each call we depend on; a 403 names what the key lacks."""
    found: dict[str, str] = {}
    sample_id = _try(found, "asset.read", lambda: _first_asset_id(client))
    _try(
        found,
        "album.read",
        lambda: client.get_json("/albums", params={"shared": "false"}),
    )
    if sample_id:
        _try(
            found,
            "asset.view",
            lambda: _touch(client, f"/assets/{sample_id}/thumbnail"),
        )
        _try(
            found,
            "asset.download",
            lambda: _touch(client, f"/assets/{sample_id}/original"),
        )
    if client.mirror_uploads:
        _try(found, "asset.upload", lambda: _upload_probe(client))

    if ALL in found.values():
        # Before 1.137 every asset and user route demanded `all`: one refusal
        # tells us the others, including those we had no sample asset for.
        for permission in required_permissions(mirror_uploads=client.mirror_uploads):
            if permission not in ("album.read", "user.read"):
                found.setdefault(permission, ALL)
    return [
        describe_missing(permission, needs_all=upstream == ALL)
        for permission, upstream in found.items()
    ]


def _try(found: dict, permission: str, call):
    try:
        return call()
    except MissingPermissionError as exc:
        found[permission] = exc.permission
        return None


def _first_asset_id(client) -> str | None:
    body = {"page": 1, "size": 1} | client._visibility_filter()
    items, _ = client._search_page(body)
    return items[0]["id"] if items else None


def _touch(client, path: str) -> None:
    response = client.send("GET", path, headers={"Range": "bytes=0-0"}, stream=True)
    response.close()


def _upload_probe(client) -> None:
    # A well-formed upload of an empty text file: a key with asset.upload gets
    # "unsupported file type" (400) and nothing is stored; one without, 403.
    now = datetime.now(UTC)
    fields = form_fields(
        client.version,
        file_name="trek-permission-check.txt",
        taken_at=now,
        modified_at=now,
        device_asset_id="trek-permission-check",
    )
    try:
        client.send(
            "POST",
            "/assets",
            data=fields,
            files={"assetData": ("trek-permission-check.txt", b"", "text/plain")},
        )
    except MissingPermissionError:
        raise
    except ProviderError:
        return


def _merge(first: list[dict], second: list[dict]) -> list[dict]:
    seen = {entry["permission"] for entry in first}
    return first + [entry for entry in second if entry["permission"] not in seen]
