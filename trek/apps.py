from django.apps import AppConfig


class TrekConfig(AppConfig):
    name = "trek"
    verbose_name = "TREK"

    def ready(self):
        from django.urls import register_converter

        from trek.converters import IdConverter

        register_converter(IdConverter, "id")
