"""Synology Photos JSON turned into the plain types of providers.base.

About time: Synology's item `time` is the wall-clock time the photo was taken,
counted in seconds as if that wall clock were UTC (a photo taken at 10:15 in
Lisbon reads as 10:15, whatever the NAS's zone). So it becomes a naive
datetime meaning "local time where the photo was taken", and trip dates (also
local dates) are searched with the same arithmetic, see `day_bounds`.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from integrations.providers.base import Album, Asset, AssetInfo
from integrations.providers.synology.asset_ids import AssetRef

_EPOCH = datetime(1970, 1, 1)
_VIDEO_TYPES = {"video", "video360"}


def wall_clock(seconds) -> datetime | None:
    try:
        return _EPOCH + timedelta(seconds=int(seconds))
    except (TypeError, ValueError, OverflowError):
        return None


def day_bounds(first: date, last: date) -> tuple[int, int]:
    """Synology `time` values covering the whole days first..last."""
    start = datetime.combine(first, datetime.min.time()) - _EPOCH
    end = datetime.combine(last + timedelta(days=1), datetime.min.time()) - _EPOCH
    return int(start.total_seconds()), int(end.total_seconds()) - 1


def asset_ref(item: dict, shared_album_id: int | None = None) -> AssetRef | None:
    """The reference of an item, or None when it lacks a thumbnail key."""
    thumbnail = (item.get("additional") or {}).get("thumbnail") or {}
    cache_key = str(thumbnail.get("cache_key") or "")
    unit_id, _, stamp = cache_key.partition("_")
    item_id = item.get("id")
    if not (isinstance(item_id, int) and unit_id.isdigit() and stamp.isdigit()):
        return None
    return AssetRef(
        item_id=item_id,
        unit_id=int(unit_id),
        stamp=stamp,
        # owner 0 = a Shared Space file, reachable only through SYNO.FotoTeam.
        in_shared_space=item.get("owner_user_id") == 0,
        shared_album_id=shared_album_id,
    )


def to_asset(item: dict, ref: AssetRef) -> Asset:
    additional = item.get("additional") or {}
    resolution = additional.get("resolution") or {}
    address = additional.get("address") or {}
    video_meta = additional.get("video_meta") or {}
    return Asset(
        id=str(ref),
        taken_at=wall_clock(item.get("time")),
        media_type=_media_type(item),
        city=_text(address.get("city") or address.get("town")),
        country=_text(address.get("country")),
        file_name=_text(item.get("filename")),
        width=_int(resolution.get("width")),
        height=_int(resolution.get("height")),
        duration_ms=_int(video_meta.get("duration")),
    )


def to_asset_info(item: dict, ref: AssetRef) -> AssetInfo:
    additional = item.get("additional") or {}
    resolution = additional.get("resolution") or {}
    address = additional.get("address") or {}
    exif = additional.get("exif") or {}
    gps = additional.get("gps") or {}
    return AssetInfo(
        id=str(ref),
        taken_at=wall_clock(item.get("time")),
        media_type=_media_type(item),
        file_name=_text(item.get("filename")),
        file_size=_int(item.get("filesize")),
        width=_int(resolution.get("width")),
        height=_int(resolution.get("height")),
        # Synology gives one "camera" string (often "Make Model"); it goes
        # into the model, as the make is not reported separately.
        camera_model=_text(exif.get("camera")),
        lens=_text(exif.get("lens")),
        focal_length=_number(exif.get("focal_length")),
        aperture=_number(exif.get("aperture")),
        exposure_time=_text(exif.get("exposure_time")),
        iso=_int(exif.get("iso")),
        city=_text(address.get("city") or address.get("town")),
        state=_text(address.get("state")),
        country=_text(address.get("country")),
        latitude=_number(gps.get("latitude")),
        longitude=_number(gps.get("longitude")),
    )


def to_album(raw: dict, *, shared: bool) -> Album | None:
    album_id = raw.get("id")
    if not isinstance(album_id, int):
        return None
    return Album(
        id=str(album_id),
        name=_text(raw.get("name")) or f"Album {album_id}",
        asset_count=_int(raw.get("item_count")) or 0,
        start_date=wall_clock(raw["start_time"]) if raw.get("start_time") else None,
        end_date=wall_clock(raw["end_time"]) if raw.get("end_time") else None,
        shared=shared or bool(raw.get("shared")),
    )


def album_passphrase(raw: dict) -> str:
    """The passphrase of a shared album; DSM versions put it in three places."""
    sharing = raw.get("sharing_info") or {}
    nested = (raw.get("additional") or {}).get("sharing_info") or {}
    return str(
        raw.get("passphrase")
        or sharing.get("passphrase")
        or nested.get("passphrase")
        or ""
    )


def _media_type(item: dict) -> str:
    return "video" if item.get("type") in _VIDEO_TYPES else "image"


def _text(value) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _number(value) -> float | None:
    """A float out of "f/1.7", "6.9" or 6.9."""
    if isinstance(value, int | float):
        return float(value)
    match = re.search(r"\d+(?:\.\d+)?", str(value or ""))
    return float(match.group()) if match else None
