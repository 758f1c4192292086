from django.urls import reverse
from rest_framework import serializers

from trek.journeys.models import (
    Journey,
    JourneyContributor,
    JourneyEntry,
    JourneyPhoto,
)
from trek.trips.models import Trip


class JourneyPhotoSerializer(serializers.ModelSerializer):
    """A gallery photo: our photo id for /api/photos/<id>/..., plus mirror state."""

    photo_id = serializers.IntegerField(source="photo.pk", read_only=True)
    provider = serializers.CharField(source="photo.provider", read_only=True)
    asset_id = serializers.CharField(source="photo.asset_id", read_only=True)
    owner_id = serializers.IntegerField(source="photo.owner_id", read_only=True)
    media_type = serializers.CharField(source="photo.media_type", read_only=True)
    taken_at = serializers.DateTimeField(source="photo.taken_at", read_only=True)
    width = serializers.IntegerField(source="photo.width", read_only=True)
    height = serializers.IntegerField(source="photo.height", read_only=True)
    mirror_status = serializers.CharField(source="photo.mirror_status", read_only=True)
    mirror_error = serializers.CharField(source="photo.mirror_error", read_only=True)
    mirrored_asset_id = serializers.CharField(
        source="photo.mirrored_asset_id", read_only=True
    )
    thumbnail_url = serializers.SerializerMethodField()
    preview_url = serializers.SerializerMethodField()

    class Meta:
        model = JourneyPhoto
        fields = [
            "id",
            "journey_id",
            "photo_id",
            "provider",
            "asset_id",
            "owner_id",
            "media_type",
            "caption",
            "sort_order",
            "taken_at",
            "width",
            "height",
            "latitude",
            "longitude",
            "mirror_status",
            "mirror_error",
            "mirrored_asset_id",
            "thumbnail_url",
            "preview_url",
            "created_at",
        ]
        read_only_fields = [f for f in fields if f not in ("caption", "sort_order")]

    def _media_url(self, journey_photo, kind) -> str:
        return reverse("photos_api:photo-media", args=[journey_photo.photo_id, kind])

    def get_thumbnail_url(self, journey_photo) -> str:
        return self._media_url(journey_photo, "thumbnail")

    def get_preview_url(self, journey_photo) -> str:
        return self._media_url(journey_photo, "preview")


class JourneyPhotoUpdateSerializer(serializers.Serializer):
    caption = serializers.CharField(max_length=500, allow_blank=True, required=False)
    sort_order = serializers.IntegerField(required=False)


class EntrySerializer(serializers.ModelSerializer):
    photos = serializers.SerializerMethodField()

    class Meta:
        model = JourneyEntry
        fields = ["id", "journey_id", "author_id", "entry_date", "title", "story"]
        fields += ["sort", "photos", "created_at"]
        read_only_fields = ["id", "journey_id", "author_id", "photos", "created_at"]

    def get_photos(self, entry) -> list[dict]:
        rows = [link.journey_photo for link in entry.entry_photos.all()]
        return JourneyPhotoSerializer(rows, many=True).data


class ContributorSerializer(serializers.ModelSerializer):
    username = serializers.CharField(source="user.username")
    role = serializers.ChoiceField(choices=["editor", "viewer"])

    class Meta:
        model = JourneyContributor
        fields = ["user_id", "username", "role", "added_at"]
        read_only_fields = ["user_id", "added_at"]


class VisibleTripField(serializers.PrimaryKeyRelatedField):
    """A trip id the requesting user is on.

    Someone else's trip and a trip that does not exist get the same answer, so
    the field cannot be used to find out which trip ids exist.
    """

    default_error_messages = {
        "does_not_exist": "Trip {pk_value} not found.",
        "incorrect_type": "A trip id is a number, not {data_type}.",
    }

    def get_queryset(self):
        return Trip.objects.visible_to(self.context["request"].user)


class JourneySerializer(serializers.ModelSerializer):
    owner = serializers.CharField(source="owner.username", read_only=True)
    trip_ids = VisibleTripField(source="trips", many=True, required=False)
    role = serializers.SerializerMethodField()

    class Meta:
        model = Journey
        fields = ["id", "title", "owner", "trip_ids", "role", "created_at"]
        read_only_fields = ["id", "owner", "role", "created_at"]

    def get_role(self, journey) -> str | None:
        return journey.role_of(self.context["request"].user)


class JourneyDetailSerializer(JourneySerializer):
    entries = EntrySerializer(many=True, read_only=True)
    gallery = JourneyPhotoSerializer(many=True, read_only=True)
    contributors = ContributorSerializer(many=True, read_only=True)

    class Meta(JourneySerializer.Meta):
        fields = [*JourneySerializer.Meta.fields, "entries", "gallery", "contributors"]


class ProviderPhotosSerializer(serializers.Serializer):
    """The picker's request: batch (asset_ids) or single (asset_id)."""

    provider = serializers.CharField()
    asset_ids = serializers.ListField(child=serializers.CharField(), required=False)
    media_types = serializers.ListField(
        child=serializers.CharField(allow_null=True), required=False
    )
    asset_id = serializers.CharField(required=False)
    media_type = serializers.CharField(required=False)
    caption = serializers.CharField(required=False, allow_blank=True, max_length=500)
    passphrase = serializers.CharField(required=False, allow_blank=True)


class UploadSerializer(serializers.Serializer):
    photos = serializers.ListField(child=serializers.FileField())
    caption = serializers.CharField(required=False, allow_blank=True, max_length=500)


class UploadResultSerializer(serializers.Serializer):
    photos = JourneyPhotoSerializer(many=True)
    rejected = serializers.ListField(child=serializers.DictField())
