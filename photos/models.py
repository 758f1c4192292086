"""Photo references: we store which asset, on which provider, owned by whom.

The bytes stay on the owner's photo server and are streamed on demand (see
photos.proxy). A local upload (used by journeys) keeps its file under
MEDIA_ROOT instead and has provider "local".
"""

from datetime import datetime, timedelta
from datetime import timezone as dt_timezone

from django.conf import settings
from django.db import models
from django.db.models import Q

from integrations.fields import EncryptedTextField

LOCAL_PROVIDER = "local"


class MediaType(models.TextChoices):
    IMAGE = "image", "Image"
    VIDEO = "video", "Video"


class MirrorStatus(models.TextChoices):
    """Where a local upload stands in being copied to its owner's Immich."""

    NONE = "none", "Not mirrored"
    QUEUED = "queued", "Queued"
    MIRRORED = "mirrored", "Mirrored"
    DUPLICATE = "duplicate", "Already in Immich"
    FAILED = "failed", "Failed"


class Photo(models.Model):
    """One asset of one owner: (provider, asset_id, owner) is unique."""

    provider = models.CharField(max_length=50)
    # Empty for a local upload.
    asset_id = models.CharField(max_length=200, blank=True, default="")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="photos",
    )
    media_type = models.CharField(
        max_length=10, choices=MediaType.choices, default=MediaType.IMAGE
    )
    # A Synology shared album's passphrase, as the picker sent it. The Synology
    # client also keeps passphrases by album id on the connection.
    passphrase = EncryptedTextField()

    # Local uploads only; paths are relative to MEDIA_ROOT.
    file_path = models.CharField(max_length=500, blank=True, default="")
    thumbnail_path = models.CharField(max_length=500, blank=True, default="")
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    taken_at = models.DateTimeField(null=True, blank=True)
    # Minutes east of UTC where it was taken: the database keeps only UTC.
    taken_at_utc_offset = models.SmallIntegerField(null=True, blank=True)

    # Mirroring a local upload to the owner's Immich (see photos.mirroring).
    mirror_status = models.CharField(
        max_length=10, choices=MirrorStatus.choices, default=MirrorStatus.NONE
    )
    mirror_error = models.TextField(blank=True, default="")
    mirrored_asset_id = models.CharField(max_length=200, blank=True, default="")
    mirror_attempts = models.PositiveIntegerField(default=0)
    device_asset_id = models.CharField(max_length=100, blank=True, default="")
    # Which task holds the send, and since when (a stale claim can be taken over).
    mirror_claim = models.CharField(max_length=100, blank=True, default="")
    mirror_claimed_at = models.DateTimeField(null=True, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "asset_id", "owner"],
                condition=~Q(asset_id=""),
                name="one_photo_per_owner_asset",
            )
        ]

    def __str__(self):
        return f"{self.provider}:{self.asset_id or self.file_path} of {self.owner_id}"

    @property
    def is_local(self) -> bool:
        return self.provider == LOCAL_PROVIDER

    @property
    def taken_at_where_taken(self) -> datetime | None:
        """The taken-at time on the clock of the place it was taken."""
        if self.taken_at is None or self.taken_at_utc_offset is None:
            return self.taken_at
        zone = dt_timezone(timedelta(minutes=self.taken_at_utc_offset))
        return self.taken_at.astimezone(zone)

    def delete_if_orphaned(self) -> bool:
        """Drop a provider reference nothing points at any more."""
        if self.is_local or self.trip_photos.exists() or self.journey_photos.exists():
            return False
        self.delete()
        return True


class AlbumLink(models.Model):
    """A provider album a member linked to a trip; syncing adds its assets."""

    trip = models.ForeignKey(
        "trips.Trip", on_delete=models.CASCADE, related_name="album_links"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="album_links",
    )
    provider = models.CharField(max_length=50)
    album_id = models.CharField(max_length=200)
    album_name = models.CharField(max_length=300, blank=True, default="")
    passphrase = EncryptedTextField()
    last_synced_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["trip", "user", "provider", "album_id"],
                name="one_link_per_member_album",
            )
        ]

    def __str__(self):
        return f"{self.provider} album {self.album_id} on trip {self.trip_id}"


class TripPhotoQuerySet(models.QuerySet):
    def of_providers(self, provider_ids):
        return self.filter(photo__provider__in=provider_ids)

    def seen_by(self, user):
        """The viewer's own rows and the other members' shared ones."""
        return self.filter(Q(added_by=user) | Q(shared=True))


class TripPhoto(models.Model):
    """A photo a member added to a trip; its adder is also the photo's owner."""

    trip = models.ForeignKey(
        "trips.Trip", on_delete=models.CASCADE, related_name="trip_photos"
    )
    photo = models.ForeignKey(
        Photo, on_delete=models.CASCADE, related_name="trip_photos"
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="added_trip_photos",
    )
    shared = models.BooleanField(default=True)
    album_link = models.ForeignKey(
        AlbumLink,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="trip_photos",
    )
    added_at = models.DateTimeField(auto_now_add=True)

    objects = TripPhotoQuerySet.as_manager()

    class Meta:
        ordering = ["added_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["trip", "added_by", "photo"],
                name="one_trip_photo_per_member",
            )
        ]

    def __str__(self):
        return f"photo {self.photo_id} on trip {self.trip_id}"
