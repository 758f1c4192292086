"""Which Immich server version we talk to, and what that version can do.

Every difference between the server generations we support (1.118, 1.132,
2.x, 3.x) is answered here, so the rest of the client asks a question
("does search take albumIds?") rather than comparing numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_VERSION_TEXT = re.compile(r"^v?(\d+)\.(\d+)\.(\d+)")


@dataclass(frozen=True, order=True)
class ServerVersion:
    major: int
    minor: int
    patch: int

    @classmethod
    def parse(cls, text: str) -> ServerVersion | None:
        match = _VERSION_TEXT.match((text or "").strip())
        if match is None:
            return None
        return cls(*(int(part) for part in match.groups()))

    @classmethod
    def from_json(cls, body: dict) -> ServerVersion:
        return cls(int(body["major"]), int(body["minor"]), int(body["patch"]))

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"

    def at_least(self, major: int, minor: int = 0, patch: int = 0) -> bool:
        return (self.major, self.minor, self.patch) >= (major, minor, patch)

    # --- what this version offers --------------------------------------------

    @property
    def lists_key_permissions(self) -> bool:
        """GET /api-keys/me tells which permissions our key holds (1.139+)."""
        return self.at_least(1, 139)

    @property
    def has_scoped_permissions(self) -> bool:
        """Routes check a granular permission; before 1.137 most needed `all`."""
        return self.at_least(1, 137)

    @property
    def search_uses_visibility(self) -> bool:
        """`visibility` replaced `isVisible`/`withArchived` in 1.133."""
        return self.at_least(1, 133)

    @property
    def album_detail_has_assets(self) -> bool:
        """GET /albums/{id} carried `assets` until 3.0 removed it."""
        return not self.at_least(3)

    @property
    def albums_filter_by_ownership(self) -> bool:
        """3.x lists every reachable album in one call; older ones need `shared`."""
        return self.at_least(3)

    @property
    def upload_needs_device_ids(self) -> bool:
        """deviceAssetId/deviceId are required up to 2.x and gone in 3.0."""
        return not self.at_least(3)

    @property
    def has_fullsize_rendition(self) -> bool:
        return self.at_least(1, 131)


# The endpoints that report the version, newest first; /server-info went in 1.113.
VERSION_PATHS = ("/server/version", "/server-info/version")
