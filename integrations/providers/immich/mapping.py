"""Immich JSON -> our plain types. Lenient: every field may be missing.

Field types moved between versions (`duration` was "H:MM:SS.ffffff" up to 2.x
and is milliseconds in 3.x; ids gained strict UUID typing), so nothing here
assumes more than the field name.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from integrations.providers.base import Album, Asset, AssetInfo


def parse_datetime(value) -> datetime | None:
    if not value or not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def local_date(asset: dict) -> date | None:
    """The calendar day the photo was taken on, where it was taken.

    Immich serialises `localDateTime` as the wall-clock time at the place of
    capture, with a meaningless `Z`; its date part is the local date.
    """
    taken = parse_datetime(asset.get("localDateTime"))
    if taken is None:
        taken = parse_datetime(asset.get("fileCreatedAt"))
    return taken.date() if taken else None


def taken_at(asset: dict) -> datetime | None:
    """When the photo was taken, on the clock of the place it was taken.

    `fileCreatedAt` is the moment in UTC; `localDateTime` is the wall clock
    where it was taken (see `local_date`). Their difference is the photo's own
    UTC offset, so the moment is returned in that offset: the same instant,
    shown as the photographer's clock showed it.
    """
    moment = parse_datetime(asset.get("fileCreatedAt")) or parse_datetime(
        asset.get("createdAt")
    )
    wall = parse_datetime(asset.get("localDateTime"))
    if moment is None or moment.tzinfo is None or wall is None:
        return moment
    utc_clock = moment.astimezone(UTC).replace(tzinfo=None)
    minutes = round((wall.replace(tzinfo=None) - utc_clock) / timedelta(minutes=1))
    if abs(minutes) > _WIDEST_OFFSET_MINUTES:
        return moment
    return moment.astimezone(timezone(timedelta(minutes=minutes)))


# Local time runs from UTC-12 to UTC+14.
_WIDEST_OFFSET_MINUTES = 14 * 60


def is_hidden(asset: dict) -> bool:
    """Live Photo motion parts and the like: no thumbnail, never listed."""
    return asset.get("visibility") == "hidden" or asset.get("isVisible") is False


def is_trashed(asset: dict) -> bool:
    return bool(asset.get("isTrashed"))


def media_type(asset: dict) -> str:
    return "video" if asset.get("type") == "VIDEO" else "image"


def duration_ms(value) -> int | None:
    if isinstance(value, int | float):
        return int(value)
    if not isinstance(value, str) or ":" not in value:
        return None
    try:
        hours, minutes, seconds = value.split(":")
        total = int(hours) * 3600 + int(minutes) * 60 + float(seconds)
    except ValueError:
        return None
    return int(total * 1000) or None


def asset_from_json(asset: dict) -> Asset:
    exif = asset.get("exifInfo") or {}
    return Asset(
        id=str(asset["id"]),
        taken_at=taken_at(asset),
        media_type=media_type(asset),
        city=exif.get("city"),
        country=exif.get("country"),
        file_name=asset.get("originalFileName"),
        width=_int(asset.get("width")) or _int(exif.get("exifImageWidth")),
        height=_int(asset.get("height")) or _int(exif.get("exifImageHeight")),
        duration_ms=duration_ms(asset.get("duration")),
    )


def asset_info_from_json(asset: dict) -> AssetInfo:
    exif = asset.get("exifInfo") or {}
    return AssetInfo(
        id=str(asset["id"]),
        taken_at=taken_at(asset),
        media_type=media_type(asset),
        file_name=asset.get("originalFileName"),
        file_size=_int(exif.get("fileSizeInByte")),
        width=_int(exif.get("exifImageWidth")) or _int(asset.get("width")),
        height=_int(exif.get("exifImageHeight")) or _int(asset.get("height")),
        camera_make=exif.get("make"),
        camera_model=exif.get("model"),
        lens=exif.get("lensModel"),
        focal_length=_float(exif.get("focalLength")),
        aperture=_float(exif.get("fNumber")),
        exposure_time=exif.get("exposureTime"),
        iso=_int(exif.get("iso")),
        city=exif.get("city"),
        state=exif.get("state"),
        country=exif.get("country"),
        latitude=_float(exif.get("latitude")),
        longitude=_float(exif.get("longitude")),
    )


def album_from_json(album: dict) -> Album:
    return Album(
        id=str(album["id"]),
        name=album.get("albumName") or "",
        asset_count=_int(album.get("assetCount")) or 0,
        start_date=parse_datetime(album.get("startDate")),
        end_date=parse_datetime(album.get("endDate")),
        cover_asset_id=album.get("albumThumbnailAssetId"),
        shared=is_shared(album),
    )


def is_shared(album: dict) -> bool:
    # 3.x lists the owner among albumUsers, so only other members count.
    others = [
        member
        for member in album.get("albumUsers") or []
        if (member or {}).get("role") != "owner"
    ]
    return bool(album.get("shared") or others)


def _int(value) -> int | None:
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def _float(value) -> float | None:
    try:
        return float(value) if value is not None else None
    except (TypeError, ValueError):
        return None
