"""How each imitated Immich version shapes its JSON.

Only what differs between 1.118, 1.132, 2.x and 3.x lives here; the server
module decides what to answer, this module decides how it looks.
"""

from __future__ import annotations

from datetime import UTC, datetime

from tests.fakes.immich.library import FakeAlbum, FakeAsset, FakeKey, FakeUser

CREATED = "2024-01-02T03:04:05.000Z"
REASONS = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    500: "Internal Server Error",
}


def version_tuple(text: str) -> tuple[int, int, int]:
    major, minor, patch = (int(part) for part in text.split(".")[:3])
    return major, minor, patch


def iso(moment: datetime) -> str:
    return (
        moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    )


def wall_clock(moment: datetime) -> str:
    """Immich's localDateTime: the local wall-clock time, labelled Z regardless."""
    return moment.replace(tzinfo=None).isoformat(timespec="milliseconds") + "Z"


def server_version(version: tuple) -> dict:
    body = dict(zip(("major", "minor", "patch"), version, strict=True))
    if version >= (3, 0, 0):
        body["prerelease"] = None
    return body


def user_summary(user: FakeUser) -> dict:
    return {
        "id": user.id,
        "name": user.name,
        "email": user.email,
        "avatarColor": "primary",
        "profileImagePath": "",
        "profileChangedAt": CREATED,
    }


def user_admin(user: FakeUser) -> dict:
    return user_summary(user) | {
        "isAdmin": False,
        "createdAt": CREATED,
        "updatedAt": CREATED,
        "deletedAt": None,
        # A licence object rather than null: openapi-core cannot read the
        # spec's nullable allOf, and a licensed user is equally real.
        "license": {
            "activatedAt": CREATED,
            "activationKey": "fake-activation",
            "licenseKey": "IMCL" + "-AAAA" * 8,
        },
        "oauthId": "",
        "quotaSizeInBytes": None,
        "quotaUsageInBytes": 0,
        "shouldChangePassword": False,
        "status": "active",
        "storageLabel": None,
    }


def api_key(key: FakeKey) -> dict:
    return {
        "id": key.id,
        "name": key.name,
        "permissions": sorted(key.permissions),
        "createdAt": CREATED,
        "updatedAt": CREATED,
    }


def exif(asset: FakeAsset) -> dict:
    offset_hours = asset.local_time.utcoffset().total_seconds() / 3600
    return {
        "make": "FakeCam",
        "model": "Traveller 1",
        "lensModel": None,
        "exifImageWidth": 64,
        "exifImageHeight": 48,
        "fileSizeInByte": len(asset.data),
        "dateTimeOriginal": iso(asset.local_time),
        "timeZone": f"UTC{offset_hours:+g}",
        "fNumber": 1.8,
        "focalLength": 4.2,
        "iso": 100,
        "exposureTime": "1/250",
        "latitude": asset.latitude,
        "longitude": asset.longitude,
        "city": asset.city,
        "state": asset.state,
        "country": asset.country,
        "description": "",
        "orientation": None,
    }


def asset(version: tuple, item: FakeAsset, *, with_exif: bool) -> dict:
    body = {
        "id": item.id,
        "ownerId": item.owner_id,
        "type": item.kind,
        "originalFileName": item.file_name,
        "originalPath": f"/data/library/{item.owner_id}/{item.file_name}",
        "originalMimeType": item.mime_type,
        "checksum": item.checksum,
        "thumbhash": None,
        "fileCreatedAt": iso(item.local_time),
        "fileModifiedAt": iso(item.local_time),
        "localDateTime": wall_clock(item.local_time),
        "updatedAt": iso(item.uploaded_at),
        "isFavorite": False,
        "isArchived": item.visibility == "archive",
        "isTrashed": False,
        "isOffline": False,
        "hasMetadata": True,
        "duration": _duration(version, item),
        "people": [],
    }
    if version < (3, 0, 0):
        body["deviceAssetId"] = f"fake-{item.id[:8]}"
        body["deviceId"] = "fake-phone"
    if version >= (1, 133, 0):
        body["visibility"] = item.visibility
    if version >= (1, 140, 0):
        body["createdAt"] = iso(item.uploaded_at)
    if version >= (2, 5, 0):
        body |= {"width": 64, "height": 48, "isEdited": False}
    if with_exif:
        body["exifInfo"] = exif(item)
    return body


def _duration(version: tuple, item: FakeAsset):
    if version >= (3, 0, 0):
        return item.duration_ms
    seconds = (item.duration_ms or 0) / 1000
    return f"0:00:{seconds:09.6f}"


def album(
    version: tuple,
    item: FakeAlbum,
    users: dict[str, FakeUser],
    assets: list[FakeAsset] | None,
) -> dict:
    members = [users[member_id] for member_id in item.member_ids]
    album_users = [{"role": "editor", "user": user_summary(user)} for user in members]
    if version >= (3, 0, 0):
        owner = {"role": "owner", "user": user_summary(users[item.owner_id])}
        album_users = [owner, *album_users]
    body = {
        "id": item.id,
        "albumName": item.name,
        "description": "",
        "albumThumbnailAssetId": item.asset_ids[0] if item.asset_ids else None,
        "assetCount": len(item.asset_ids),
        "albumUsers": album_users,
        "shared": bool(members),
        "hasSharedLink": False,
        "isActivityEnabled": True,
        "createdAt": CREATED,
        "updatedAt": CREATED,
        "order": "desc",
    }
    if version < (3, 0, 0):
        body["ownerId"] = item.owner_id
        body["owner"] = user_summary(users[item.owner_id])
        body["assets"] = [
            asset(version, each, with_exif=True) for each in (assets or [])
        ]
    return body


def album_dates(body: dict, members: list[FakeAsset]) -> dict:
    if members:
        times = sorted(each.local_time for each in members)
        body["startDate"] = iso(times[0])
        body["endDate"] = iso(times[-1])
    return body


def search_result(items: list[dict], total: int, next_page: int | None) -> dict:
    return {
        "albums": {"total": 0, "count": 0, "items": [], "facets": []},
        "assets": {
            "total": total,
            "count": len(items),
            "items": items,
            "facets": [],
            "nextPage": str(next_page) if next_page else None,
        },
    }


def error(version: tuple, status: int, message, correlation: str) -> dict:
    if version >= (3, 0, 0):
        return {"message": message}
    body = {"message": message, "statusCode": status, "correlationId": correlation}
    if status in REASONS and status != 500:
        body["error"] = REASONS[status]
    return body


def validation_error(version: tuple, problems: list[tuple[str, str]], correlation: str):
    """problems: (field, message) pairs."""
    if version >= (3, 0, 0):
        return {
            "message": "Validation failed",
            "errors": [
                {"code": "invalid_type", "path": [name], "message": text}
                for name, text in problems
            ],
        }
    return error(
        version, 400, [f"{name} {text}" for name, text in problems], correlation
    )
