"""The id under which we store a Synology Photos item, and how to read it back.

Synology needs different numbers for different calls: the item id for details
and downloads, the thumbnail unit id and cache key for thumbnails (the two ids
differ on newer items, so neither can be derived from the other). Items in the
Shared Space need the SYNO.FotoTeam APIs, and items in an album shared with the
user need that album's passphrase. The id carries all of it except the
passphrase, which stays on the server and is found again by album id:

    <item id>_<unit id>_<stamp>[-t][-a<album id>]

for example ``88455_86970_1717412302`` or ``5120_5120_1717300130-t`` or
``90300_90211_1718305000-a44``. Only digits, "_" and "-": safe in a URL path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from integrations.providers.base import InvalidInputError

ASSET_ID_PATTERN = r"\d{1,12}_\d{1,12}_\d{1,14}(?:-t)?(?:-a\d{1,12})?"

_ASSET_ID = re.compile(
    r"(?P<item>\d{1,12})_(?P<unit>\d{1,12})_(?P<stamp>\d{1,14})"
    r"(?P<team>-t)?(?:-a(?P<album>\d{1,12}))?"
)


@dataclass(frozen=True)
class AssetRef:
    item_id: int
    unit_id: int
    stamp: str
    in_shared_space: bool = False
    shared_album_id: int | None = None

    @property
    def cache_key(self) -> str:
        return f"{self.unit_id}_{self.stamp}"

    def __str__(self) -> str:
        text = f"{self.item_id}_{self.cache_key}"
        if self.in_shared_space:
            text += "-t"
        if self.shared_album_id is not None:
            text += f"-a{self.shared_album_id}"
        return text


def parse_asset_id(asset_id: str) -> AssetRef:
    match = _ASSET_ID.fullmatch(asset_id or "")
    if match is None:
        raise InvalidInputError(
            "That is not a Synology Photos asset id.",
            code="synology.invalid_asset_id",
        )
    album = match["album"]
    return AssetRef(
        item_id=int(match["item"]),
        unit_id=int(match["unit"]),
        stamp=match["stamp"],
        in_shared_space=bool(match["team"]),
        shared_album_id=int(album) if album else None,
    )
