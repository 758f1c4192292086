"""The Immich JSON API under /api/integrations/memories/immich/ (TREK's shapes).

Views parse, call a service or the user's client, and render. Provider
failures are raised as ProviderErrors and answered by trek.api.
"""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response

from integrations.api import ProviderAPIView
from integrations.providers.immich import services
from integrations.providers.immich.serializers import (
    AlbumListSerializer,
    AssetPageSerializer,
    ConnectionReportSerializer,
    ImmichSettingsSerializer,
    PageQuerySerializer,
    SaveResponseSerializer,
    SearchRequestSerializer,
    SettingsResponseSerializer,
)

TAG = ["Immich"]


class ImmichAPIView(ProviderAPIView):
    provider_id = "immich"

    def client(self):
        """The signed-in user's own client; NotConfiguredError (400) without one."""
        return self.spec.client_for(self.request.user)


class SettingsView(ImmichAPIView):
    @extend_schema(tags=TAG, responses=SettingsResponseSerializer)
    def get(self, request):
        connection = services.connection_of(request.user)
        return Response(services.settings_payload(connection))

    @extend_schema(
        tags=TAG, request=ImmichSettingsSerializer, responses=SaveResponseSerializer
    )
    def put(self, request):
        form = ImmichSettingsSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        outcome = services.save_settings(request.user, form.validated_data)
        body = {"success": True}
        if outcome.warning:
            body["warning"] = outcome.warning
        return Response(body)


class StatusView(ImmichAPIView):
    @extend_schema(tags=TAG, responses=ConnectionReportSerializer)
    def get(self, request):
        report = services.check_status(request.user)
        return Response(services.report_payload(report))


class TestView(ImmichAPIView):
    @extend_schema(
        tags=TAG, request=ImmichSettingsSerializer, responses=ConnectionReportSerializer
    )
    def post(self, request):
        form = ImmichSettingsSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        report = services.test_settings(request.user, form.validated_data)
        return Response(services.report_payload(report))


class SearchView(ImmichAPIView):
    @extend_schema(
        tags=TAG, request=SearchRequestSerializer, responses=AssetPageSerializer
    )
    def post(self, request):
        query = SearchRequestSerializer(data=request.data)
        query.is_valid(raise_exception=True)
        values = query.validated_data
        with self.client() as client:
            page = client.search(
                date_from=values.get("from"),
                date_to=values.get("to"),
                page=values["page"],
                size=values["size"],
            )
        return Response(AssetPageSerializer(page).data)


class AlbumsView(ImmichAPIView):
    @extend_schema(tags=TAG, responses=AlbumListSerializer)
    def get(self, request):
        with self.client() as client:
            albums = client.albums()
        return Response(AlbumListSerializer({"albums": albums}).data)


class AlbumPhotosView(ImmichAPIView):
    @extend_schema(
        tags=TAG,
        parameters=[
            OpenApiParameter("album_id", str, OpenApiParameter.PATH),
            PageQuerySerializer,
        ],
        responses=AssetPageSerializer,
    )
    def get(self, request, album_id: str):
        query = PageQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        with self.client() as client:
            page = client.album_assets(
                album_id,
                page=query.validated_data["page"],
                size=query.validated_data["size"],
            )
        return Response(AssetPageSerializer(page).data)
