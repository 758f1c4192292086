"""The API-key permissions we rely on, and what breaks without each of them."""

from __future__ import annotations

# In the order the settings card lists them.
PERMISSION_EFFECTS = {
    "user.read": "Test Connection cannot show whose Immich library this is.",
    "asset.read": "Searching photos by date and listing album photos will not work.",
    "asset.view": "Thumbnails, previews and videos will not load.",
    "album.read": "Your Immich albums will not be listed.",
    "asset.download": "Downloading the original files will not work.",
    "asset.upload": "Journey photos cannot be mirrored to your Immich library.",
}

BROWSING_PERMISSIONS = (
    "user.read",
    "asset.read",
    "asset.view",
    "album.read",
    "asset.download",
)
MIRRORING_PERMISSION = "asset.upload"

# Before Immich 1.137 most routes ignored scoped permissions and demanded `all`.
ALL = "all"
NEEDS_ALL_HINT = "This Immich version needs a key with the 'all' permission for it."


def effect_of(permission: str) -> str:
    return PERMISSION_EFFECTS.get(permission, "")


def required_permissions(*, mirror_uploads: bool) -> tuple[str, ...]:
    if mirror_uploads:
        return (*BROWSING_PERMISSIONS, MIRRORING_PERMISSION)
    return BROWSING_PERMISSIONS


def describe_missing(permission: str, *, needs_all: bool = False) -> dict:
    """One entry of ConnectionReport.missing_permissions."""
    effect = effect_of(permission)
    if needs_all:
        effect = f"{effect} {NEEDS_ALL_HINT}".strip()
    return {"permission": permission, "effect": effect}


def missing_from_granted(granted, *, mirror_uploads: bool) -> list[dict]:
    """What a key lacks, from the list GET /api-keys/me returned."""
    granted = set(granted or ())
    if ALL in granted:
        return []
    return [
        describe_missing(permission)
        for permission in required_permissions(mirror_uploads=mirror_uploads)
        if permission not in granted
    ]
