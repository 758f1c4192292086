"""Streaming routes: stored photos (/api/photos/<id>/<kind>) and a user's raw
assets (/api/integrations/memories/<provider>/assets/<trip>/<asset>/<owner>/<kind>).

Order on every route: authenticate (401), validate the request (400), authorize
(404 for anyone not allowed), then fetch with the owner's connection.
"""

import dataclasses

from django.contrib.auth import get_user_model
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.response import Response
from rest_framework.views import APIView

from addons import state
from integrations.providers.base import STREAM_KINDS
from integrations.providers.registry import UnknownProvider, get_spec
from photos.access import can_view_asset, get_viewable_photo
from photos.local import local_file_response
from photos.proxy import ERROR_CACHE_CONTROL, AssetRef, open_asset_stream, relay
from photos.serializers import (
    NOT_FOUND,
    AssetInfoSerializer,
    ErrorSerializer,
    media_response,
)
from photos.services import is_valid_asset_id
from photos.thumbnails import thumbnail_response

THUMBNAIL_SIZES = ("sm", "m", "xl")

KIND_PARAMETER = OpenApiParameter(
    "kind", OpenApiTypes.STR, OpenApiParameter.PATH, enum=STREAM_KINDS
)
SIZE_PARAMETER = OpenApiParameter(
    "size",
    OpenApiTypes.STR,
    OpenApiParameter.QUERY,
    enum=THUMBNAIL_SIZES,
    description="Thumbnails only.",
)
ERRORS = {
    401: ErrorSerializer,
    404: NOT_FOUND,
    502: ErrorSerializer,
    504: ErrorSerializer,
}
MEDIA_RESPONSES = {
    **media_response("The image or video; 206 for a byte range."),
    304: OpenApiResponse(description="Not modified (If-None-Match)."),
    400: ErrorSerializer,
    416: OpenApiResponse(description="Range not satisfiable."),
    **ERRORS,
}
INFO_RESPONSES = {200: AssetInfoSerializer, 400: ErrorSerializer, **ERRORS}


class JSONErrorsNegotiation(BaseContentNegotiation):
    """Media routes answer bytes on success and JSON on error, whatever the
    browser's Accept header says (an <img> asks for image/*)."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class MediaAPIView(APIView):
    content_negotiation_class = JSONErrorsNegotiation

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code >= 400:
            response["Cache-Control"] = ERROR_CACHE_CONTROL
        return response


def checked_kind(kind: str) -> str:
    if kind not in STREAM_KINDS:
        raise ValidationError(f"Unknown kind: {kind[:20]!r}.")
    return kind


def checked_size(request, kind: str) -> str | None:
    size = request.query_params.get("size") or None
    if size is not None and (kind != "thumbnail" or size not in THUMBNAIL_SIZES):
        raise ValidationError(f"Unknown size for {kind}.")
    return size


def stream_response(request, ref: AssetRef, kind: str, size: str | None):
    if kind == "thumbnail":
        return thumbnail_response(request, ref, size)
    stream = open_asset_stream(
        ref,
        kind,
        size=size,
        range_header=request.headers.get("Range"),
        etag=request.headers.get("If-None-Match"),
    )
    return relay(stream, ref, kind)


def asset_info_json(info) -> dict:
    return dataclasses.asdict(info)


class PhotoMediaView(MediaAPIView):
    @extend_schema(
        parameters=[KIND_PARAMETER, SIZE_PARAMETER],
        responses=MEDIA_RESPONSES,
    )
    def get(self, request, photo_id, kind):
        kind = checked_kind(kind)
        size = checked_size(request, kind)
        photo = get_viewable_photo(request.user, photo_id)
        if photo.is_local:
            return local_file_response(request, photo, kind)
        return stream_response(request, AssetRef.of_photo(photo), kind, size)


class PhotoInfoView(MediaAPIView):
    @extend_schema(responses=INFO_RESPONSES)
    def get(self, request, photo_id):
        photo = get_viewable_photo(request.user, photo_id)
        if photo.is_local:
            return Response(
                {
                    "id": str(photo.pk),
                    "taken_at": photo.taken_at,
                    "media_type": photo.media_type,
                    "width": photo.width,
                    "height": photo.height,
                    "file_name": photo.file_path.rsplit("/", 1)[-1],
                }
            )
        ref = AssetRef.of_photo(photo)
        info = ref.client().asset_info(photo.asset_id)
        return Response(asset_info_json(info))


class AssetView(MediaAPIView):
    """A raw asset: the viewer's own library, or one shared in a trip or journey."""

    def asset_ref(self, request, provider, trip_id, asset_id, owner_id) -> AssetRef:
        try:
            spec = get_spec(provider)
        except UnknownProvider:
            raise NotFound("Unknown provider.") from None
        if not state.is_provider_enabled(provider):
            raise NotFound(f"{spec.name} is not enabled on this server.")
        if not is_valid_asset_id(spec, asset_id):
            raise ValidationError("Invalid asset id.")

        if not can_view_asset(request.user, provider, asset_id, owner_id, trip_id):
            raise NotFound("Photo not found.")
        owner = get_user_model().objects.filter(pk=owner_id).first()
        if owner is None:
            raise NotFound("Photo not found.")
        return AssetRef(provider, asset_id, owner)


class AssetMediaView(AssetView):
    @extend_schema(
        parameters=[KIND_PARAMETER, SIZE_PARAMETER],
        responses=MEDIA_RESPONSES,
    )
    def get(self, request, provider, trip_id, asset_id, owner_id, kind):
        kind = checked_kind(kind)
        size = checked_size(request, kind)
        ref = self.asset_ref(request, provider, trip_id, asset_id, owner_id)
        return stream_response(request, ref, kind, size)


class AssetInfoView(AssetView):
    @extend_schema(responses=INFO_RESPONSES)
    def get(self, request, provider, trip_id, asset_id, owner_id):
        ref = self.asset_ref(request, provider, trip_id, asset_id, owner_id)
        info = ref.client().asset_info(asset_id)
        return Response(asset_info_json(info))
