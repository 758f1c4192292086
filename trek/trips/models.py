from django.conf import settings
from django.db import models
from django.db.models import Q
from django.http import Http404


class TripQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The one access rule: the owner and the members see a trip."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(Q(owner=user) | Q(members__user=user)).distinct()


class Trip(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="owned_trips"
    )
    title = models.CharField(max_length=200)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = TripQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="trip_ends_after_it_starts",
            )
        ]

    def __str__(self):
        return self.title

    def is_visible_to(self, user) -> bool:
        return Trip.objects.visible_to(user).filter(pk=self.pk).exists()

    def member_users(self):
        """The owner first, then the members in the order they joined."""
        members = [m.user for m in self.members.select_related("user")]
        return [self.owner, *members]


class TripMember(models.Model):
    trip = models.ForeignKey(Trip, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="trip_memberships",
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["added_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["trip", "user"], name="one_membership_per_trip"
            )
        ]

    def __str__(self):
        return f"{self.user} on {self.trip}"


def get_visible_trip(user, trip_id) -> Trip:
    """The trip if the user may see it; otherwise a 404, so outsiders learn nothing."""
    try:
        return Trip.objects.visible_to(user).get(pk=int(trip_id))
    except (Trip.DoesNotExist, ValueError, TypeError):
        raise Http404("Trip not found.") from None
