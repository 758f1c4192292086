"""A small travel library: a trip from 1 to 7 June 2024 across time zones.

The cast: Olivia owns the library; Sam shares an album with her. The places
are chosen so that the local date differs from the UTC date at both ends of
the trip (UTC+14 on the first morning, UTC-10 on the last night), and one
photo is in the UTC window but a day late locally.
"""

from __future__ import annotations

from datetime import datetime

from tests.fakes.immich.library import (
    ALL_PERMISSIONS,
    MIRRORING,
    stable_uuid,
    zone,
)

OLIVIA_KEY = "olivia-all-permissions-key-7f3a9c"
OLIVIA_SCOPED_KEY = "olivia-scoped-key-2b8e41"
SAM_KEY = "sam-all-permissions-key-51c0de"

TRIP_FIRST_DAY = "2024-06-01"
TRIP_LAST_DAY = "2024-06-07"


def _id(name: str) -> str:
    return stable_uuid(f"asset:{name}")


# Each: name, local time, zone, place, coordinates, format, extra options
PHOTOS = {
    "kiritimati_first_morning": (
        datetime(2024, 6, 1, 0, 30),
        14,
        ("Kiritimati", None, "Kiribati"),
        (1.87, -157.36),
        "WEBP",
    ),
    "lisbon_midday": (
        datetime(2024, 6, 3, 12, 0),
        1,
        ("Lisbon", "Lisbon", "Portugal"),
        (38.72, -9.14),
        "JPEG",
    ),
    "tokyo_morning": (
        datetime(2024, 6, 5, 9, 0),
        9,
        ("Tokyo", "Tokyo", "Japan"),
        (35.68, 139.69),
        "WEBP",
    ),
    "honolulu_last_night": (
        datetime(2024, 6, 7, 23, 30),
        -10,
        ("Honolulu", "Hawaii", "United States of America"),
        (21.31, -157.86),
        "JPEG",
    ),
    "lisbon_day_after": (
        datetime(2024, 6, 8, 0, 30),
        1,
        ("Lisbon", "Lisbon", "Portugal"),
        (38.71, -9.13),
        "JPEG",
    ),
    "before_the_trip": (
        datetime(2024, 5, 20, 10, 0),
        2,
        ("Berlin", "Berlin", "Germany"),
        (52.52, 13.40),
        "JPEG",
    ),
}
PHOTO_IDS = {name: _id(name) for name in PHOTOS}
VIDEO_ID = _id("porto_video")
HIDDEN_ID = _id("porto_motion_part")
ARCHIVED_ID = _id("archived_receipt")
SAM_PHOTO_ID = _id("sam_azores")

ALBUM_LISBON = stable_uuid("album:lisbon")
ALBUM_PRIVATE = stable_uuid("album:private")
ALBUM_SAMS_AZORES = stable_uuid("album:sams-azores")


def seed(fake) -> None:
    olivia = fake.add_user("Olivia Traveller", "olivia@example.org")
    sam = fake.add_user("Sam Sharer", "sam@example.org")
    fake.add_key(olivia, OLIVIA_KEY, ALL_PERMISSIONS)
    fake.add_key(olivia, OLIVIA_SCOPED_KEY, MIRRORING)
    fake.add_key(sam, SAM_KEY, ALL_PERMISSIONS)

    for name, (wall, hours, place, coords, fmt) in PHOTOS.items():
        fake.add_photo(
            olivia,
            PHOTO_IDS[name],
            f"{name}.{'webp' if fmt == 'WEBP' else 'jpg'}",
            wall.replace(tzinfo=zone(hours)),
            fmt=fmt,
            place=place,
            coords=coords,
        )
    porto = datetime(2024, 6, 4, 18, 0, tzinfo=zone(1))
    fake.add_video(
        olivia, VIDEO_ID, "porto_tram.mp4", porto, place=("Porto", None, "Portugal")
    )
    fake.add_video(olivia, HIDDEN_ID, "porto_motion.mp4", porto, visibility="hidden")
    fake.add_photo(
        olivia,
        ARCHIVED_ID,
        "receipt.jpg",
        datetime(2024, 6, 2, 15, 0, tzinfo=zone(1)),
        visibility="archive",
    )
    fake.add_photo(
        sam,
        SAM_PHOTO_ID,
        "azores.jpg",
        datetime(2024, 6, 2, 14, 0, tzinfo=zone(0)),
        place=("Ponta Delgada", "Azores", "Portugal"),
        coords=(37.74, -25.67),
    )

    lisbon = [PHOTO_IDS["lisbon_midday"], PHOTO_IDS["lisbon_day_after"], VIDEO_ID]
    fake.add_album(ALBUM_LISBON, "Lisbon 2024", olivia, lisbon, members=[sam])
    fake.add_album(ALBUM_PRIVATE, "Private picks", olivia, [PHOTO_IDS["tokyo_morning"]])
    fake.add_album(
        ALBUM_SAMS_AZORES, "Sam's Azores", sam, [SAM_PHOTO_ID], members=[olivia]
    )
