"""What the Immich API and settings card accept and return.

`ImmichSettingsSerializer` is the one place typed settings are checked; the
JSON API and the htmx settings card both use it.
"""

from __future__ import annotations

from rest_framework import serializers

from integrations.providers.base import InvalidInputError
from integrations.providers.immich.serverurl import canonical_server_url

MAX_SEARCH_PAGE_SIZE = 200


class StrictCharField(serializers.CharField):
    """A string, and only a string: 42 or true is a mistake, not "42"."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            raise serializers.ValidationError("Must be a string.")
        return super().to_internal_value(data)


class StrictBooleanField(serializers.BooleanField):
    def to_internal_value(self, data):
        if not isinstance(data, bool):
            raise serializers.ValidationError("Must be true or false.")
        return data


class ImmichSettingsSerializer(serializers.Serializer):
    """A blank or missing key means "keep the saved key"."""

    immich_url = StrictCharField(
        required=False, allow_blank=True, max_length=500, trim_whitespace=True
    )
    immich_api_key = StrictCharField(
        required=False,
        allow_blank=True,
        max_length=500,
        write_only=True,
        trim_whitespace=True,
        style={"input_type": "password"},
    )
    auto_upload = StrictBooleanField(required=False)

    def validate_immich_url(self, value: str) -> str:
        if not value:
            return ""
        try:
            return canonical_server_url(value)
        except InvalidInputError as exc:
            raise serializers.ValidationError(exc.message) from None


class SearchRequestSerializer(serializers.Serializer):
    # "from" is a Python keyword, so the field is declared below.
    to = serializers.DateField(required=False, allow_null=True)
    page = serializers.IntegerField(required=False, default=1, min_value=1)
    size = serializers.IntegerField(
        required=False, default=50, min_value=1, max_value=MAX_SEARCH_PAGE_SIZE
    )

    def validate(self, attrs):
        first, last = attrs.get("from"), attrs.get("to")
        if first and last and first > last:
            raise serializers.ValidationError("'from' must not be after 'to'.")
        return attrs


SearchRequestSerializer._declared_fields["from"] = serializers.DateField(
    required=False, allow_null=True
)


class PageQuerySerializer(serializers.Serializer):
    page = serializers.IntegerField(required=False, default=1, min_value=1)
    size = serializers.IntegerField(
        required=False, default=50, min_value=1, max_value=MAX_SEARCH_PAGE_SIZE
    )


# --- responses ------------------------------------------------------------------


class AssetSerializer(serializers.Serializer):
    id = serializers.CharField()
    takenAt = serializers.DateTimeField(source="taken_at", allow_null=True)
    city = serializers.CharField(allow_null=True)
    country = serializers.CharField(allow_null=True)
    mediaType = serializers.ChoiceField(source="media_type", choices=["image", "video"])


class AssetPageSerializer(serializers.Serializer):
    assets = AssetSerializer(many=True, source="items")
    hasMore = serializers.BooleanField(source="has_more")


class AlbumSerializer(serializers.Serializer):
    id = serializers.CharField()
    albumName = serializers.CharField(source="name")
    assetCount = serializers.IntegerField(source="asset_count")
    startDate = serializers.DateTimeField(source="start_date", allow_null=True)
    endDate = serializers.DateTimeField(source="end_date", allow_null=True)
    albumThumbnailAssetId = serializers.CharField(
        source="cover_asset_id", allow_null=True
    )
    shared = serializers.BooleanField()


class AlbumListSerializer(serializers.Serializer):
    albums = AlbumSerializer(many=True)


class LastTestSerializer(serializers.Serializer):
    ok = serializers.BooleanField(allow_null=True)
    tested_at = serializers.DateTimeField(allow_null=True)
    error = serializers.CharField(allow_blank=True)
    server_version = serializers.CharField(allow_blank=True)
    user_name = serializers.CharField(allow_blank=True)
    missing_permissions = serializers.ListField(child=serializers.DictField())


class SettingsResponseSerializer(serializers.Serializer):
    immich_url = serializers.CharField(allow_blank=True)
    connected = serializers.BooleanField()
    auto_upload = serializers.BooleanField()
    has_api_key = serializers.BooleanField()
    reconnect_required = serializers.BooleanField()
    last_test = LastTestSerializer()


class SaveResponseSerializer(serializers.Serializer):
    success = serializers.BooleanField()
    warning = serializers.CharField(required=False)


class MissingPermissionSerializer(serializers.Serializer):
    permission = serializers.CharField()
    effect = serializers.CharField()


class UserNameSerializer(serializers.Serializer):
    name = serializers.CharField(allow_null=True)


class ConnectionReportSerializer(serializers.Serializer):
    connected = serializers.BooleanField()
    user = UserNameSerializer(required=False)
    server_version = serializers.CharField(allow_null=True, required=False)
    missing_permissions = MissingPermissionSerializer(many=True, required=False)
    error = serializers.CharField(required=False)
    code = serializers.CharField(required=False)
    reconnect_required = serializers.BooleanField(required=False)
