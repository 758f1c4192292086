from django.apps import AppConfig


class SynologyConfig(AppConfig):
    name = "integrations.providers.synology"
    label = "synology"
    verbose_name = "Synology Photos"
