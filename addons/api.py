from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.permissions import IsAdminUser
from rest_framework.response import Response
from rest_framework.views import APIView

from addons import state
from addons.models import Addon, PhotoProvider
from integrations.providers.registry import UnknownProvider, get_spec


def addon_payload(addon: Addon) -> dict:
    return {
        "id": addon.pk,
        "name": addon.name,
        "description": addon.description,
        "type": addon.type,
        "icon": addon.icon,
        "enabled": addon.enabled,
    }


def provider_payload(provider: PhotoProvider) -> dict:
    """A provider as the settings page needs it: its API paths and form fields."""
    payload = {
        "id": provider.pk,
        "name": provider.name,
        "description": provider.description,
        "type": "photo_provider",
        "icon": provider.icon,
        "enabled": provider.enabled,
        "config": {},
        "fields": [],
    }
    try:
        spec = get_spec(provider.pk)
    except UnknownProvider:
        return payload
    payload["config"] = spec.api_paths
    payload["fields"] = [field.as_dict() for field in spec.fields]
    return payload


class AddonListView(APIView):
    """The switched-on addons, then the switched-on photo providers."""

    @extend_schema(
        responses=inline_serializer(
            "AddonList",
            {"addons": serializers.ListField(child=serializers.DictField())},
        )
    )
    def get(self, request):
        addons = [addon_payload(a) for a in state.enabled_addons()]
        providers = [provider_payload(p) for p in state.enabled_providers()]
        return Response({"addons": addons + providers})


class AddonToggleSerializer(serializers.Serializer):
    enabled = serializers.BooleanField()


class AdminAddonView(APIView):
    """Staff switch an addon or a photo provider on or off. Nothing is deleted."""

    permission_classes = [IsAdminUser]

    @extend_schema(
        request=AddonToggleSerializer,
        responses=inline_serializer("AddonToggled", {"addon": serializers.DictField()}),
    )
    def put(self, request, addon_id):
        serializer = AddonToggleSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        enabled = serializer.validated_data["enabled"]

        addon = Addon.objects.filter(pk=addon_id).first()
        if addon is not None:
            addon.enabled = enabled
            addon.save(update_fields=["enabled"])
            return Response({"addon": addon_payload(addon)})

        provider = get_object_or_404(PhotoProvider, pk=addon_id)
        provider.enabled = enabled
        provider.save(update_fields=["enabled"])
        return Response({"addon": provider_payload(provider)})
