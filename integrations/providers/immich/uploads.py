"""Uploading a file into the owner's Immich library (journey mirroring).

The caller passes the capture time (read from EXIF when the photo was uploaded
to us), so Immich files it on the day it was taken rather than the day it was
mirrored; the SHA-1 travels in
`x-immich-checksum`, so a file Immich already has is not sent again.
"""

from __future__ import annotations

import hashlib
import logging
import mimetypes
from dataclasses import dataclass
from datetime import UTC, datetime

from integrations.providers.base import BadResponseError

logger = logging.getLogger(__name__)

DEVICE_ID = "trek"


@dataclass(frozen=True)
class UploadResult:
    asset_id: str
    duplicate: bool  # Immich already had this file; asset_id is the existing one


def upload(
    client,
    file,
    *,
    file_name: str,
    taken_at: datetime | None = None,
    modified_at: datetime | None = None,
    content_type: str | None = None,
    device_asset_id: str | None = None,
) -> UploadResult:
    """POST /assets with a seekable binary `file`; returns the asset id.

    `device_asset_id` names the file on our side; sending the same one again
    lets older servers recognise a retry. Without it, one is derived from the
    checksum, which is just as stable for the same bytes.
    """
    checksum = sha1_of(file)
    # The caller knows when the photo was taken (from its EXIF, read on upload).
    taken_at = taken_at or datetime.now(UTC)
    fields = form_fields(
        client.version,
        file_name=file_name,
        taken_at=taken_at,
        modified_at=modified_at or taken_at,
        device_asset_id=device_asset_id or f"trek-{checksum[:20]}",
    )
    content_type = content_type or _guess_type(file_name)

    response = client.send(
        "POST",
        "/assets",
        headers={"x-immich-checksum": checksum},
        data=fields,
        files={"assetData": (file_name, file, content_type)},
    )
    body = client._decode(response)
    return _result(body, response.status_code)


def form_fields(version, *, file_name, taken_at, modified_at, device_asset_id) -> dict:
    fields = {
        "fileCreatedAt": _iso(taken_at),
        "fileModifiedAt": _iso(modified_at),
    }
    if version.at_least(1, 135):
        fields["filename"] = file_name
    if version.upload_needs_device_ids:
        fields["deviceAssetId"] = device_asset_id
        fields["deviceId"] = DEVICE_ID
    return fields


def sha1_of(file) -> str:
    digest = hashlib.sha1(usedforsecurity=False)
    file.seek(0)
    for block in iter(lambda: file.read(1024 * 1024), b""):
        digest.update(block)
    file.seek(0)
    return digest.hexdigest()


def _iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return (
        moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    )


def _guess_type(file_name: str) -> str:
    return mimetypes.guess_type(file_name)[0] or "application/octet-stream"


def _result(body, status: int) -> UploadResult:
    if not isinstance(body, dict) or not body.get("id"):
        raise BadResponseError(
            "Immich accepted the upload but did not say which asset it became.",
            code="immich.bad_response",
        )
    duplicate = body.get("status") == "duplicate" or status == 200
    logger.info("immich upload %s as asset %s", body.get("status"), body["id"])
    return UploadResult(asset_id=str(body["id"]), duplicate=duplicate)
