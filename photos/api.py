"""The unified trip photos API: /api/integrations/memories/unified/trips/<id>/...

Every route checks trip membership first; an outsider gets a 404.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from addons import state
from photos import services
from photos.albums import AlbumAlreadyLinked, link_album, sync_album, unlink_album
from photos.connections import connection_problems
from photos.models import AlbumLink
from photos.serializers import (
    NOT_FOUND,
    AddTripPhotosSerializer,
    AlbumLinkCreatedSerializer,
    AlbumLinkListSerializer,
    AlbumSyncedSerializer,
    AlbumUnlinkedSerializer,
    ErrorSerializer,
    PhotosAddedSerializer,
    SuccessSerializer,
    TripPhotoListSerializer,
)
from trek.trips.models import get_visible_trip

NO_PROVIDERS = "No photo providers enabled."


def trip_photo_json(trip_photo) -> dict:
    photo = trip_photo.photo
    return {
        "photo_id": photo.pk,
        "asset_id": photo.asset_id,
        "provider": photo.provider,
        "media_type": photo.media_type,
        "user_id": trip_photo.added_by_id,
        "username": trip_photo.added_by.username,
        "shared": trip_photo.shared,
        "added_at": trip_photo.added_at,
        "album_link_id": trip_photo.album_link_id,
    }


def album_link_json(link) -> dict:
    return {
        "id": link.pk,
        "trip_id": link.trip_id,
        "user_id": link.user_id,
        "username": link.user.username,
        "provider": link.provider,
        "album_id": link.album_id,
        "album_name": link.album_name,
        "last_synced_at": link.last_synced_at,
        "created_at": link.created_at,
    }


class SharingSerializer(serializers.Serializer):
    photo_id = serializers.IntegerField()
    shared = serializers.BooleanField()


class PhotoIdSerializer(serializers.Serializer):
    photo_id = serializers.IntegerField()


class AlbumLinkSerializer(serializers.Serializer):
    provider = serializers.CharField(
        max_length=50, error_messages={"required": "provider is required"}
    )
    album_id = serializers.CharField(
        max_length=200, error_messages={"required": "album_id is required"}
    )
    album_name = serializers.CharField(
        max_length=300, required=False, allow_blank=True, default=""
    )
    passphrase = serializers.CharField(
        max_length=500, required=False, allow_blank=True, default=""
    )


# Any trip route: signed out (401), not a member of the trip (404).
ERRORS = {401: ErrorSerializer, 404: NOT_FOUND}
# Bad input, or a photo server that failed or refused us.
PROVIDER_ERRORS = {
    400: ErrorSerializer,
    502: ErrorSerializer,
    504: ErrorSerializer,
    **ERRORS,
}


class TripAPIView(APIView):
    """A route under a trip: the caller must own it or be a member."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.trip = get_visible_trip(request.user, kwargs["trip_id"])

    def enabled_providers(self) -> list[str]:
        provider_ids = state.enabled_provider_ids()
        if not provider_ids:
            raise ValidationError(NO_PROVIDERS)
        return provider_ids

    def own_trip_photo(self, photo_id):
        """The caller's own row for the photo; others' rows are not theirs to touch."""
        row = services.own_trip_photo(self.trip, self.request.user, photo_id)
        if row is None or not state.is_provider_enabled(row.photo.provider):
            raise NotFound("Photo not found.")
        return row


class TripPhotosAPI(TripAPIView):
    @extend_schema(
        responses={200: TripPhotoListSerializer, 400: ErrorSerializer, **ERRORS}
    )
    def get(self, request, trip_id):
        provider_ids = self.enabled_providers()
        rows = list(services.visible_trip_photos(self.trip, request.user))
        own = {r.photo.provider for r in rows if r.added_by_id == request.user.pk}
        return Response(
            {
                "photos": [trip_photo_json(r) for r in rows],
                "errors": connection_problems(request.user, provider_ids, own),
            }
        )

    @extend_schema(
        request=AddTripPhotosSerializer,
        responses={200: PhotosAddedSerializer, **PROVIDER_ERRORS},
    )
    def post(self, request, trip_id):
        selections = services.parse_selections(request.data.get("selections"))
        shared = request.data.get("shared", True)
        if not isinstance(shared, bool):
            raise ValidationError({"shared": ["Must be true or false."]})
        added = services.add_photos(self.trip, request.user, selections, shared=shared)
        return Response({"success": True, "added": added})

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "photo_id",
                OpenApiTypes.INT,
                OpenApiParameter.QUERY,
                description="Or photo_id in a JSON body.",
            )
        ],
        responses={200: SuccessSerializer, 400: ErrorSerializer, **ERRORS},
    )
    def delete(self, request, trip_id):
        body = PhotoIdSerializer(data=request.data or request.query_params)
        body.is_valid(raise_exception=True)
        trip_photo = self.own_trip_photo(body.validated_data["photo_id"])
        services.remove_trip_photos([trip_photo])
        return Response({"success": True})


class TripPhotoSharingAPI(TripAPIView):
    @extend_schema(
        request=SharingSerializer,
        responses={200: SuccessSerializer, 400: ErrorSerializer, **ERRORS},
    )
    def put(self, request, trip_id):
        body = SharingSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        trip_photo = self.own_trip_photo(body.validated_data["photo_id"])
        services.set_sharing(trip_photo, body.validated_data["shared"])
        return Response({"success": True})


class AlbumLinksAPI(TripAPIView):
    @extend_schema(
        responses={200: AlbumLinkListSerializer, 400: ErrorSerializer, **ERRORS}
    )
    def get(self, request, trip_id):
        links = AlbumLink.objects.filter(
            trip=self.trip, provider__in=self.enabled_providers()
        ).select_related("user")
        return Response({"links": [album_link_json(link) for link in links]})

    @extend_schema(
        request=AlbumLinkSerializer,
        responses={
            201: AlbumLinkCreatedSerializer,
            409: ErrorSerializer,
            **PROVIDER_ERRORS,
        },
    )
    def post(self, request, trip_id):
        body = AlbumLinkSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            link = link_album(self.trip, request.user, **body.validated_data)
        except AlbumAlreadyLinked:
            return Response(
                {"error": "Album already linked."}, status=status.HTTP_409_CONFLICT
            )
        return Response(
            {"success": True, "link": album_link_json(link)},
            status=status.HTTP_201_CREATED,
        )


class AlbumLinkAPI(TripAPIView):
    """One link: sync it (any member) or delete it (its owner only)."""

    def get_link(self, link_id) -> AlbumLink:
        link = (
            AlbumLink.objects.filter(trip=self.trip, pk=link_id)
            .select_related("trip", "user")
            .first()
        )
        if link is None or not state.is_provider_enabled(link.provider):
            raise NotFound("Album link not found.")
        return link

    @extend_schema(
        responses={200: AlbumUnlinkedSerializer, 403: ErrorSerializer, **ERRORS}
    )
    def delete(self, request, trip_id, link_id):
        link = self.get_link(link_id)
        if link.user_id != request.user.pk:
            raise PermissionDenied(
                "Only the member who linked this album can unlink it."
            )
        removed = unlink_album(link)
        return Response({"success": True, "removed": removed})


class AlbumLinkSyncAPI(AlbumLinkAPI):
    http_method_names = ["post", "options"]

    @extend_schema(
        request=None,
        responses={200: AlbumSyncedSerializer, **PROVIDER_ERRORS},
    )
    def post(self, request, trip_id, link_id):
        result = sync_album(self.get_link(link_id))
        return Response(
            {"success": True, "added": result.added, "removed": result.removed}
        )
