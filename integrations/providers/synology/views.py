"""The Synology Photos JSON API. Thin: parse, call the service or client, answer.

Provider errors are raised, not caught: trek.api turns them into responses.
"""

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from integrations.api import ProviderAPIView
from integrations.providers.synology import serializers as shapes
from integrations.providers.synology import services

TAG = ["Synology Photos"]


class SynologyView(ProviderAPIView):
    provider_id = "synologyphotos"


class SettingsView(SynologyView):
    @extend_schema(tags=TAG, responses=shapes.SynologySettingsOutput)
    def get(self, request):
        """The saved settings. Never signs in; never returns a secret."""
        connection = services.connection_for(request.user)
        return Response(services.settings_snapshot(connection))

    @extend_schema(
        tags=TAG,
        request=shapes.SynologySettingsInput,
        responses=shapes.SynologySettingsOutput,
    )
    def put(self, request):
        """Save. A blank password keeps the saved one (for the same server)."""
        typed = _valid(shapes.SynologySettingsInput, request.data).typed()
        connection = services.save_settings(request.user, typed)
        return Response(services.settings_snapshot(connection))


class StatusView(SynologyView):
    @extend_schema(tags=TAG, responses=shapes.SynologyConnectionOutput)
    def get(self, request):
        """Whether the saved connection works now. Always 200."""
        report = services.check_status(request.user)
        return Response(shapes.connection_body(report))


class TestView(SynologyView):
    @extend_schema(
        tags=TAG,
        request=shapes.SynologyTestInput,
        responses=shapes.SynologyConnectionOutput,
    )
    def post(self, request):
        """Sign in with the typed values (saved or not) and report. 200 either way."""
        typed = _valid(shapes.SynologyTestInput, request.data).typed()
        report = services.test_connection(request.user, typed)
        return Response(shapes.connection_body(report))


class AlbumsView(SynologyView):
    @extend_schema(tags=TAG, responses=shapes.SynologyAlbumsOutput)
    def get(self, request):
        with services.client_for(request.user) as client:
            albums = client.albums()
        return Response(shapes.SynologyAlbumsOutput({"albums": albums}).data)


class AlbumPhotosView(SynologyView):
    @extend_schema(
        tags=TAG,
        parameters=[shapes.SynologyAlbumPhotosInput],
        responses=shapes.SynologyAssetPageOutput,
    )
    def get(self, request, album_id: str):
        """One page with ?page=, else the whole album."""
        paging = _valid(
            shapes.SynologyAlbumPhotosInput, request.query_params
        ).validated_data
        with services.client_for(request.user) as client:
            if "page" in paging:
                result = client.album_assets(
                    album_id, page=paging["page"], size=paging["size"]
                )
            else:
                items = list(client.iter_album_assets(album_id))
                result = {"items": items, "total": len(items), "has_more": False}
        return Response(shapes.SynologyAssetPageOutput(result).data)


class SearchView(SynologyView):
    @extend_schema(
        tags=TAG,
        request=shapes.SynologySearchInput,
        responses=shapes.SynologyAssetPageOutput,
    )
    def post(self, request):
        """Assets taken between two local dates, and/or matching a keyword."""
        data = _valid(shapes.SynologySearchInput, request.data).validated_data
        with services.client_for(request.user) as client:
            result = client.search(
                date_from=data.get("from"),
                date_to=data.get("to"),
                page=data["page"],
                size=data["size"],
                query=data.get("query") or None,
            )
        return Response(shapes.SynologyAssetPageOutput(result).data)


def _valid(serializer_class, data):
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return serializer
