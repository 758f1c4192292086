from django.apps import AppConfig


class TrekConfig(AppConfig):
    name = "trek"
    verbose_name = "TREK"
