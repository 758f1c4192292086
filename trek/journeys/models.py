"""Journeys: a travel story told in dated entries, with a gallery of photos.

The owner and editors change a journey; viewers only read it; for everybody
else it does not exist (404). Photos are photos.Photo references: provider
assets of the user who added them, or local uploads.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q


class Role(models.TextChoices):
    EDITOR = "editor", "Editor"
    VIEWER = "viewer", "Viewer"


OWNER_ROLE = "owner"


class JourneyQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Journeys the user owns or contributes to, in any role."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(Q(owner=user) | Q(contributors__user=user)).distinct()


class Journey(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="owned_journeys",
    )
    title = models.CharField(max_length=200)
    trips = models.ManyToManyField("trips.Trip", blank=True, related_name="journeys")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = JourneyQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title

    def role_of(self, user) -> str | None:
        """ "owner", "editor", "viewer", or None for anybody else."""
        if not user.is_authenticated:
            return None
        if self.owner_id == user.pk:
            return OWNER_ROLE
        contributor = self.contributors.filter(user=user).first()
        return contributor.role if contributor else None

    def can_edit(self, user) -> bool:
        return self.role_of(user) in (OWNER_ROLE, Role.EDITOR)


class JourneyContributor(models.Model):
    journey = models.ForeignKey(
        Journey, on_delete=models.CASCADE, related_name="contributors"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="journey_contributions",
    )
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.VIEWER)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["added_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["journey", "user"], name="one_contribution_per_journey"
            )
        ]

    def __str__(self):
        return f"{self.user} ({self.role}) on journey {self.journey_id}"


class JourneyEntry(models.Model):
    journey = models.ForeignKey(
        Journey, on_delete=models.CASCADE, related_name="entries"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="journey_entries",
    )
    entry_date = models.DateField()
    title = models.CharField(max_length=200, blank=True)
    story = models.TextField(blank=True)
    sort = models.IntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["entry_date", "sort", "pk"]
        verbose_name_plural = "journey entries"

    def __str__(self):
        return f"{self.entry_date} {self.title}".strip()


class JourneyPhoto(models.Model):
    """A photo in a journey's gallery; entries link to these rows."""

    journey = models.ForeignKey(
        Journey, on_delete=models.CASCADE, related_name="gallery"
    )
    photo = models.ForeignKey(
        "photos.Photo", on_delete=models.CASCADE, related_name="journey_photos"
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="added_journey_photos",
    )
    caption = models.CharField(max_length=500, blank=True)
    sort_order = models.IntegerField(default=0)
    # Where an upload was taken, from its EXIF GPS data.
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["journey", "photo"], name="one_gallery_row_per_photo"
            )
        ]

    def __str__(self):
        return f"photo {self.photo_id} in journey {self.journey_id}"


class JourneyEntryPhoto(models.Model):
    entry = models.ForeignKey(
        JourneyEntry, on_delete=models.CASCADE, related_name="entry_photos"
    )
    journey_photo = models.ForeignKey(
        JourneyPhoto, on_delete=models.CASCADE, related_name="entry_links"
    )
    sort_order = models.IntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "journey_photo"], name="one_link_per_entry_photo"
            )
        ]

    def __str__(self):
        return f"gallery photo {self.journey_photo_id} in entry {self.entry_id}"
