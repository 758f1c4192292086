"""The photo library the fake NAS serves: albums, items and their image bytes."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

from PIL import Image

MY_USER_ID = 3
BOB_USER_ID = 5
SHARED_SPACE_OWNER = 0
THUMBNAIL_PIXELS = {"sm": (240, 180), "m": (320, 240), "xl": (1280, 960)}


def wall_clock_seconds(text: str) -> int:
    """Synology's `time`: the local wall-clock time counted as if it were UTC."""
    moment = datetime.fromisoformat(text)
    return int((moment - datetime(1970, 1, 1)).total_seconds())


@dataclass
class FakeItem:
    id: int
    unit_id: int
    filename: str
    taken: str  # local wall-clock time, ISO
    owner_user_id: int = MY_USER_ID
    type: str = "photo"
    city: str = "Lisbon"
    country: str = "Portugal"
    camera: str = "Pixel 8"
    stamp: int = 1717412209

    @property
    def cache_key(self) -> str:
        return f"{self.unit_id}_{self.stamp}"

    @property
    def time(self) -> int:
        return wall_clock_seconds(self.taken)

    def as_json(self, additional: list[str]) -> dict:
        extra: dict = {}
        if "thumbnail" in additional:
            extra["thumbnail"] = {
                "sm": "ready",
                "m": "ready",
                "xl": "ready",
                "preview": "broken",
                "cache_key": self.cache_key,
                "unit_id": self.unit_id,
            }
        if "resolution" in additional:
            extra["resolution"] = {"width": 4032, "height": 3024}
        if "exif" in additional:
            extra["exif"] = {
                "camera": self.camera,
                "lens": "",
                "aperture": "f/1.7",
                "exposure_time": "1/640",
                "focal_length": "6.9",
                "iso": "50",
            }
        if "gps" in additional:
            extra["gps"] = {"latitude": 38.7139, "longitude": -9.1334}
        if "address" in additional:
            extra["address"] = {"country": self.country, "city": self.city}
        return {
            "id": self.id,
            "filename": self.filename,
            "filesize": len(original_bytes(self.id)),
            "time": self.time,
            "indexed_time": self.stamp * 1000,
            "owner_user_id": self.owner_user_id,
            "folder_id": 1203,
            "type": self.type,
            "additional": extra,
        }


@dataclass
class FakeAlbum:
    id: int
    name: str
    item_ids: list[int]
    owner_user_id: int = MY_USER_ID
    passphrase: str = ""
    shared: bool = False

    def as_json(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "item_count": len(self.item_ids),
            "owner_user_id": self.owner_user_id,
            "passphrase": self.passphrase,
            "shared": self.shared,
            "type": "normal",
            "create_time": 1717410001,
        }

    @property
    def shared_with_me(self) -> bool:
        return self.owner_user_id != MY_USER_ID


@dataclass
class Library:
    items: dict[int, FakeItem] = field(default_factory=dict)
    albums: dict[int, FakeAlbum] = field(default_factory=dict)

    def add_item(self, item: FakeItem) -> FakeItem:
        self.items[item.id] = item
        return item

    def add_album(self, album: FakeAlbum) -> FakeAlbum:
        self.albums[album.id] = album
        return album

    def timeline(self) -> list[FakeItem]:
        """The personal timeline: own items, newest first (as Photos shows it)."""
        own = [i for i in self.items.values() if i.owner_user_id == MY_USER_ID]
        return sorted(own, key=lambda item: (item.time, item.id), reverse=True)

    def album_for_passphrase(self, passphrase: str) -> FakeAlbum | None:
        for album in self.albums.values():
            if album.passphrase and album.passphrase == passphrase:
                return album
        return None

    def album_holding(self, item_id: int) -> FakeAlbum | None:
        """The album shared with me that an item of another user comes from."""
        for album in self.albums.values():
            if album.shared_with_me and item_id in album.item_ids:
                return album
        return None


def default_library() -> Library:
    """Lisbon in June 2024, plus the album kinds DSM knows."""
    library = Library()
    lisbon = [
        FakeItem(88412, 88412, "IMG_20240601_101522.jpg", "2024-06-01T10:15:22"),
        FakeItem(88430, 88430, "IMG_20240601_173001.jpg", "2024-06-01T17:30:01"),
        # id and unit id differ, as on newer items.
        FakeItem(88455, 86970, "IMG_20240602_184410.HEIC", "2024-06-02T18:44:10"),
        FakeItem(
            88460, 88460, "VID_20240603_120101.mp4", "2024-06-03T12:01:01", type="video"
        ),
        # Late evening of the last trip day: inside the trip in local time.
        FakeItem(88470, 88470, "IMG_20240607_235500.jpg", "2024-06-07T23:55:00"),
        # The morning after the trip: outside.
        FakeItem(88480, 88480, "IMG_20240608_000500.jpg", "2024-06-08T00:05:00"),
        FakeItem(
            77001, 77001, "IMG_20230105_090000.jpg", "2023-01-05T09:00:00", city="Porto"
        ),
    ]
    for item in lisbon:
        library.add_item(item)
    library.add_item(
        FakeItem(
            5120,
            5120,
            "DSC_0415.JPG",
            "2024-06-02T09:00:00",
            owner_user_id=SHARED_SPACE_OWNER,
        )
    )
    for number in range(7):
        library.add_item(
            FakeItem(
                90300 + number,
                90200 + number,
                f"bob_{number}.jpg",
                f"2024-06-1{number}T08:00:00",
                owner_user_id=BOB_USER_ID,
                city="Sintra",
            )
        )

    library.add_album(FakeAlbum(31, "Lisbon 2024", [88412, 88455, 88460, 5120]))
    library.add_album(
        FakeAlbum(37, "Garden party", [88430], passphrase="Lb6nR2xQe", shared=True)
    )
    library.add_album(FakeAlbum(12, "archive", [77001]))
    library.add_album(
        FakeAlbum(
            44,
            "Bob's hiking trip",
            [90300 + n for n in range(7)],
            owner_user_id=BOB_USER_ID,
            passphrase="k3TzW8pQa",
        )
    )
    return library


@lru_cache(maxsize=8)
def thumbnail_bytes(size: str) -> bytes:
    """A real JPEG of the size DSM would send."""
    width, height = THUMBNAIL_PIXELS[size]
    image = Image.new("RGB", (width, height), (40, 110, 160))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=70)
    return buffer.getvalue()


@lru_cache(maxsize=64)
def original_bytes(item_id: int) -> bytes:
    image = Image.new("RGB", (64, 48), (item_id % 255, 90, 30))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=90)
    return buffer.getvalue()
