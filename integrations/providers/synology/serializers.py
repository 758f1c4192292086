"""Request and response shapes of /api/integrations/memories/synologyphotos/."""

from rest_framework import serializers

from integrations.providers.synology.client import MAX_PAGE_SIZE
from integrations.providers.synology.services import TypedSettings


class SynologySettingsInput(serializers.Serializer):
    synology_url = serializers.CharField(max_length=500, trim_whitespace=True)
    synology_username = serializers.CharField(max_length=150, trim_whitespace=True)
    synology_password = serializers.CharField(
        max_length=500,
        required=False,
        allow_blank=True,
        trim_whitespace=False,
        write_only=True,
        help_text="Leave blank to keep the saved password (same server only).",
    )
    synology_skip_ssl = serializers.BooleanField(required=False, default=False)

    def typed(self) -> TypedSettings:
        data = self.validated_data
        return TypedSettings(
            url=data["synology_url"],
            username=data["synology_username"],
            password=data.get("synology_password", ""),
            skip_tls_verify=data.get("synology_skip_ssl", False),
            otp_code=data.get("synology_otp", ""),
        )


class SynologyTestInput(SynologySettingsInput):
    synology_otp = serializers.CharField(
        max_length=20,
        required=False,
        allow_blank=True,
        write_only=True,
        help_text="The one-time code, for an account with two-factor sign-in.",
    )


class SynologyLastTest(serializers.Serializer):
    at = serializers.DateTimeField()
    ok = serializers.BooleanField()
    error = serializers.CharField(allow_null=True)


class SynologySettingsOutput(serializers.Serializer):
    synology_url = serializers.CharField()
    synology_username = serializers.CharField()
    synology_skip_ssl = serializers.BooleanField()
    connected = serializers.BooleanField(
        help_text="The last check of the saved values succeeded (no network call)."
    )
    has_password = serializers.BooleanField()
    reconnect_required = serializers.BooleanField()
    last_test = SynologyLastTest(allow_null=True)


class SynologyUserName(serializers.Serializer):
    name = serializers.CharField()


class SynologyConnectionOutput(serializers.Serializer):
    connected = serializers.BooleanField()
    user = SynologyUserName(required=False)
    error = serializers.CharField(required=False)
    code = serializers.CharField(required=False)


def connection_body(report) -> dict:
    if report.connected:
        return {"connected": True, "user": {"name": report.user_name or ""}}
    return {"connected": False, "error": report.error, "code": report.error_code}


class SynologyAlbumOutput(serializers.Serializer):
    id = serializers.CharField()
    albumName = serializers.CharField(source="name")  # noqa: N815 - TREK's shape
    assetCount = serializers.IntegerField(source="asset_count")  # noqa: N815
    shared = serializers.BooleanField()


class SynologyAlbumsOutput(serializers.Serializer):
    albums = SynologyAlbumOutput(many=True)


class SynologyAssetOutput(serializers.Serializer):
    id = serializers.CharField()
    takenAt = serializers.DateTimeField(source="taken_at", allow_null=True)  # noqa: N815
    mediaType = serializers.CharField(source="media_type")  # noqa: N815
    fileName = serializers.CharField(source="file_name", allow_null=True)  # noqa: N815
    city = serializers.CharField(allow_null=True)
    country = serializers.CharField(allow_null=True)
    width = serializers.IntegerField(allow_null=True)
    height = serializers.IntegerField(allow_null=True)


class SynologyAssetPageOutput(serializers.Serializer):
    assets = SynologyAssetOutput(many=True, source="items")
    total = serializers.IntegerField(
        help_text="Assets up to and including this page; exact once hasMore is false."
    )
    hasMore = serializers.BooleanField(source="has_more")  # noqa: N815


class SynologyPagingInput(serializers.Serializer):
    page = serializers.IntegerField(min_value=1, required=False, default=1)
    size = serializers.IntegerField(
        min_value=1, max_value=MAX_PAGE_SIZE, required=False, default=100
    )


class SynologyAlbumPhotosInput(serializers.Serializer):
    page = serializers.IntegerField(min_value=1, required=False)
    size = serializers.IntegerField(
        min_value=1, max_value=MAX_PAGE_SIZE, required=False, default=100
    )


class SynologySearchInput(SynologyPagingInput):
    # "from" is a Python keyword; the field is renamed below.
    date_from = serializers.DateField(required=False, allow_null=True)
    to = serializers.DateField(required=False, allow_null=True)
    query = serializers.CharField(
        max_length=200, required=False, allow_blank=True, trim_whitespace=True
    )

    def get_fields(self):
        fields = super().get_fields()
        fields["from"] = fields.pop("date_from")
        return fields

    def validate(self, attrs):
        first, last = attrs.get("from"), attrs.get("to")
        if first and last and last < first:
            raise serializers.ValidationError({"to": "'to' cannot be before 'from'."})
        return attrs
