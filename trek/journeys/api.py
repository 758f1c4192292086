"""JSON routes under /api/journeys/ (TREK's paths).

Every route: Journey addon on (else 404, before anything else), signed in
(401), a journey the caller owns or contributes to (404), and for changes the
owner or an editor (403 for viewers).
"""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from photos import mirroring
from trek.journeys import services
from trek.journeys.access import (
    get_entry,
    get_journey,
    get_journey_photo,
    require_journey_addon,
)
from trek.journeys.models import Journey, JourneyEntry
from trek.journeys.serializers import (
    ContributorSerializer,
    EntrySerializer,
    JourneyDetailSerializer,
    JourneyPhotoSerializer,
    JourneyPhotoUpdateSerializer,
    JourneySerializer,
    ProviderPhotosSerializer,
    UploadResultSerializer,
    UploadSerializer,
)


class JourneyAddonOn(BasePermission):
    def has_permission(self, request, view):
        require_journey_addon()
        return True


class JourneyAPIView(APIView):
    permission_classes = [JourneyAddonOn, IsAuthenticated]


def photos_json(rows) -> list[dict]:
    return JourneyPhotoSerializer(rows, many=True).data


class JourneysAPI(JourneyAPIView):
    @extend_schema(responses=JourneySerializer(many=True))
    def get(self, request):
        journeys = Journey.objects.visible_to(request.user).select_related("owner")
        context = {"request": request}
        return Response(JourneySerializer(journeys, many=True, context=context).data)

    @extend_schema(request=JourneySerializer, responses={201: JourneySerializer})
    def post(self, request):
        serializer = JourneySerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        serializer.save(owner=request.user)
        return Response(serializer.data, status=status.HTTP_201_CREATED)


class JourneyAPI(JourneyAPIView):
    @extend_schema(responses=JourneyDetailSerializer)
    def get(self, request, journey_id):
        journey = get_journey(request.user, journey_id)
        context = {"request": request}
        return Response(JourneyDetailSerializer(journey, context=context).data)

    @extend_schema(request=JourneySerializer, responses=JourneySerializer)
    def patch(self, request, journey_id):
        journey = get_journey(request.user, journey_id, edit=True)
        serializer = JourneySerializer(
            journey, data=request.data, partial=True, context={"request": request}
        )
        serializer.is_valid(raise_exception=True)
        serializer.save()
        return Response(serializer.data)

    @extend_schema(responses={204: None})
    def delete(self, request, journey_id):
        journey = get_journey(request.user, journey_id, edit=True)
        if journey.owner_id != request.user.pk:
            raise PermissionDenied("Only the owner can delete a journey.")
        for journey_photo in list(journey.gallery.select_related("photo")):
            services.remove_journey_photo(journey_photo)
        journey.delete()
        return Response(status=status.HTTP_204_NO_CONTENT)


class ContributorsAPI(JourneyAPIView):
    @extend_schema(responses=ContributorSerializer(many=True))
    def get(self, request, journey_id):
        journey = get_journey(request.user, journey_id)
        rows = journey.contributors.select_related("user")
        return Response(ContributorSerializer(rows, many=True).data)

    @extend_schema(
        request=ContributorSerializer, responses={201: ContributorSerializer}
    )
    def post(self, request, journey_id):
        journey = _owned(request, journey_id)
        serializer = ContributorSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        contributor = services.add_contributor(
            journey,
            serializer.validated_data["user"]["username"],
            serializer.validated_data["role"],
        )
        body = ContributorSerializer(contributor).data
        return Response(body, status=status.HTTP_201_CREATED)


class ContributorAPI(JourneyAPIView):
    @extend_schema(responses={204: None})
    def delete(self, request, journey_id, user_id):
        journey = _owned(request, journey_id)
        get_object_or_404(journey.contributors, user_id=user_id).delete()
        return Response(status=status.HTTP_204_NO_CONTENT)


def _owned(request, journey_id) -> Journey:
    """Contributors are managed by the owner alone."""
    journey = get_journey(request.user, journey_id, edit=True)
    if journey.owner_id != request.user.pk:
        raise PermissionDenied("Only the owner manages contributors.")
    return journey


class EntriesAPI(JourneyAPIView):
    @extend_schema(responses=EntrySerializer(many=True))
    def get(self, request, journey_id):
        journey = get_journey(request.user, journey_id)
        return Response(EntrySerializer(journey.entries.all(), many=True).data)

    @extend_schema(request=EntrySerializer, responses={201: EntrySerializer})
    def post(self, request, journey_id):
        journey = get_journey(request.user, journey_id, edit=True)
        serializer = EntrySerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        serializer.save(journey=journey, author=request.user)
        return Response(serializer.data, status=status.HTTP_201_CREATED)


class EntryAPI(JourneyAPIView):
    @extend_schema(responses=EntrySerializer)
    def get(self, request, entry_id):
        return Response(EntrySerializer(get_entry(request.user, entry_id)).data)

    @extend_schema(request=EntrySerializer, responses=EntrySerializer)
    def patch(self, request, entry_id):
        entry = get_entry(request.user, entry_id, edit=True)
        serializer = EntrySerializer(entry, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        serializer.save()
        return Response(serializer.data)

    @extend_schema(responses={204: None})
    def delete(self, request, entry_id):
        get_entry(request.user, entry_id, edit=True).delete()
        return Response(status=status.HTTP_204_NO_CONTENT)


class EntryUploadAPI(JourneyAPIView):
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        request={"multipart/form-data": UploadSerializer},
        responses={
            201: UploadResultSerializer,
            400: OpenApiResponse(description="No file was accepted."),
        },
    )
    def post(self, request, entry_id):
        entry = get_entry(request.user, entry_id, edit=True)
        files = request.FILES.getlist("photos") or request.FILES.getlist("photos[]")
        if not files:
            return Response({"error": "No files uploaded."}, status=400)
        caption = str(request.data.get("caption") or "")[:500]
        rows, rejected = services.add_uploads(
            entry, request.user, files, caption=caption
        )
        body = {
            "photos": photos_json(rows),
            "rejected": [rejection.as_dict() for rejection in rejected],
        }
        if not rows:
            body["error"] = "No file was accepted: " + "; ".join(
                f"{r.file_name}: {r.reason}" for r in rejected
            )
            return Response(body, status=status.HTTP_400_BAD_REQUEST)
        return Response(body, status=status.HTTP_201_CREATED)


def _provider_photos_response(request, journey, entry=None):
    serializer = ProviderPhotosSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    pick = services.parse_provider_pick(serializer.validated_data)
    rows, added = services.add_provider_photos(
        journey,
        request.user,
        pick,
        entry=entry,
        caption=serializer.validated_data.get("caption", ""),
    )
    return Response(
        {"photos": photos_json(rows), "added": added}, status=status.HTTP_201_CREATED
    )


class EntryProviderPhotosAPI(JourneyAPIView):
    parser_classes = [JSONParser, FormParser]

    @extend_schema(request=ProviderPhotosSerializer, responses={201: dict})
    def post(self, request, entry_id):
        entry = get_entry(request.user, entry_id, edit=True)
        return _provider_photos_response(request, entry.journey, entry)


class GalleryProviderPhotosAPI(JourneyAPIView):
    parser_classes = [JSONParser, FormParser]

    @extend_schema(request=ProviderPhotosSerializer, responses={201: dict})
    def post(self, request, journey_id):
        journey = get_journey(request.user, journey_id, edit=True)
        return _provider_photos_response(request, journey)


class EntryPhotoAPI(JourneyAPIView):
    @extend_schema(responses={204: None})
    def delete(self, request, entry_id, journey_photo_id):
        entry: JourneyEntry = get_entry(request.user, entry_id, edit=True)
        if not services.unlink_from_entry(entry, journey_photo_id):
            raise NotFound("Not found or not allowed.")
        return Response(status=status.HTTP_204_NO_CONTENT)


class GalleryPhotoAPI(JourneyAPIView):
    @extend_schema(responses={204: None})
    def delete(self, request, journey_id, journey_photo_id):
        journey_photo = get_journey_photo(request.user, journey_photo_id, edit=True)
        if journey_photo.journey_id != journey_id:
            raise NotFound("Photo not found or not allowed.")
        services.remove_journey_photo(journey_photo)
        return Response(status=status.HTTP_204_NO_CONTENT)


class JourneyPhotoAPI(JourneyAPIView):
    @extend_schema(
        request=JourneyPhotoUpdateSerializer, responses=JourneyPhotoSerializer
    )
    def patch(self, request, journey_photo_id):
        journey_photo = get_journey_photo(request.user, journey_photo_id, edit=True)
        serializer = JourneyPhotoUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.update_journey_photo(journey_photo, **serializer.validated_data)
        return Response(JourneyPhotoSerializer(journey_photo).data)

    @extend_schema(responses={200: dict})
    def delete(self, request, journey_photo_id):
        journey_photo = get_journey_photo(request.user, journey_photo_id, edit=True)
        services.remove_journey_photo(journey_photo)
        return Response({"success": True})


class MirrorRetryAPI(JourneyAPIView):
    @extend_schema(request=None, responses=JourneyPhotoSerializer)
    def post(self, request, journey_photo_id):
        journey_photo = get_journey_photo(request.user, journey_photo_id, edit=True)
        if journey_photo.photo.owner_id != request.user.pk:
            raise PermissionDenied("Only the uploader can retry mirroring.")
        if not mirroring.queue_retry(journey_photo.photo):
            return Response(
                {"error": "Only a failed mirror can be retried."}, status=400
            )
        journey_photo.refresh_from_db()
        return Response(JourneyPhotoSerializer(journey_photo).data, status=202)
