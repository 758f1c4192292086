"""The one place that answers "is X switched on?". Every other part asks here."""

from addons.models import Addon, PhotoProvider

JOURNEY = "journey"


def is_addon_enabled(addon_id: str) -> bool:
    return Addon.objects.filter(pk=addon_id, enabled=True).exists()


def is_provider_enabled(provider_id: str) -> bool:
    return PhotoProvider.objects.filter(pk=provider_id, enabled=True).exists()


def enabled_provider_ids() -> list[str]:
    return list(PhotoProvider.objects.filter(enabled=True).values_list("pk", flat=True))


def enabled_addons():
    return Addon.objects.filter(enabled=True)


def enabled_providers():
    return PhotoProvider.objects.filter(enabled=True)
