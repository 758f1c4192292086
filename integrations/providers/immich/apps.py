from django.apps import AppConfig


class ImmichConfig(AppConfig):
    name = "integrations.providers.immich"
    label = "immich"
    verbose_name = "Immich"
