"""Request and response shapes of the photo routes, for the OpenAPI schema.

The views build their answers by hand (photos.api, photos.media_views); these
serializers describe those answers. The request serializers that the views also
use for validation live next to the views in photos.api.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers

from photos.models import MediaType


class ErrorSerializer(serializers.Serializer):
    """Every JSON error (trek.api.exception_handler): a message, and for some
    a machine-readable code or, for invalid input, the errors per field."""

    error = serializers.CharField()
    code = serializers.CharField(required=False)
    fields = serializers.JSONField(
        required=False,
        help_text="DRF's validation errors: per field, or a list of messages.",
    )


# Not documented with a body: the views answer {"error": ...}, but a path whose
# id is not a number never reaches them, and Django answers its own HTML 404.
NOT_FOUND = OpenApiResponse(
    description="Not found, or not the caller's to see "
    '(JSON {"error": ...} from the view; HTML when the path does not match).'
)


class SuccessSerializer(serializers.Serializer):
    success = serializers.BooleanField()


# --- trip photos ---------------------------------------------------------------


class TripPhotoSerializer(serializers.Serializer):
    photo_id = serializers.IntegerField()
    asset_id = serializers.CharField(allow_blank=True)
    provider = serializers.CharField()
    media_type = serializers.CharField()
    user_id = serializers.IntegerField()
    username = serializers.CharField()
    shared = serializers.BooleanField()
    added_at = serializers.DateTimeField()
    album_link_id = serializers.IntegerField(allow_null=True)


class TripPhotoListSerializer(serializers.Serializer):
    photos = TripPhotoSerializer(many=True)
    errors = serializers.DictField(
        child=serializers.CharField(),
        help_text="A sentence per provider whose connection is broken.",
    )


class SelectionSerializer(serializers.Serializer):
    provider = serializers.CharField()
    asset_ids = serializers.ListField(child=serializers.CharField(), required=False)
    media_types = serializers.DictField(
        child=serializers.ChoiceField(choices=MediaType.choices), required=False
    )
    passphrase = serializers.CharField(required=False, allow_blank=True)


class AddTripPhotosSerializer(serializers.Serializer):
    """Documents the body of POST .../photos; the view validates it by hand."""

    selections = SelectionSerializer(many=True)
    shared = serializers.BooleanField(required=False, default=True)


class PhotosAddedSerializer(SuccessSerializer):
    added = serializers.IntegerField()


# --- album links -----------------------------------------------------------------


class AlbumLinkOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    trip_id = serializers.IntegerField()
    user_id = serializers.IntegerField()
    username = serializers.CharField()
    provider = serializers.CharField()
    album_id = serializers.CharField()
    album_name = serializers.CharField(allow_blank=True)
    last_synced_at = serializers.DateTimeField(allow_null=True)
    created_at = serializers.DateTimeField()


class AlbumLinkListSerializer(serializers.Serializer):
    links = AlbumLinkOutputSerializer(many=True)


class AlbumLinkCreatedSerializer(SuccessSerializer):
    link = AlbumLinkOutputSerializer()


class AlbumUnlinkedSerializer(SuccessSerializer):
    removed = serializers.IntegerField()


class AlbumSyncedSerializer(SuccessSerializer):
    added = serializers.IntegerField()
    removed = serializers.IntegerField()


# --- media -------------------------------------------------------------------------


class AssetInfoSerializer(serializers.Serializer):
    """The viewer's details (integrations.providers.base.AssetInfo). A local
    upload answers only id, taken_at, media_type, width, height and file_name."""

    id = serializers.CharField()
    taken_at = serializers.DateTimeField(allow_null=True)
    media_type = serializers.CharField()
    file_name = serializers.CharField(allow_null=True, allow_blank=True)
    file_size = serializers.IntegerField(allow_null=True, required=False)
    width = serializers.IntegerField(allow_null=True)
    height = serializers.IntegerField(allow_null=True)
    camera_make = serializers.CharField(allow_null=True, required=False)
    camera_model = serializers.CharField(allow_null=True, required=False)
    lens = serializers.CharField(allow_null=True, required=False)
    focal_length = serializers.FloatField(allow_null=True, required=False)
    aperture = serializers.FloatField(allow_null=True, required=False)
    exposure_time = serializers.CharField(allow_null=True, required=False)
    iso = serializers.IntegerField(allow_null=True, required=False)
    city = serializers.CharField(allow_null=True, required=False)
    state = serializers.CharField(allow_null=True, required=False)
    country = serializers.CharField(allow_null=True, required=False)
    latitude = serializers.FloatField(allow_null=True, required=False)
    longitude = serializers.FloatField(allow_null=True, required=False)


MEDIA_CONTENT_TYPES = ("image/*", "video/*")


def media_response(description: str) -> dict:
    """Bytes of an image or a video, per content type."""
    return {
        (status, content_type): OpenApiResponse(OpenApiTypes.BINARY, description)
        for status in (200, 206)
        for content_type in MEDIA_CONTENT_TYPES
    }
