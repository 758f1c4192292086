from django.apps import AppConfig


class JourneysConfig(AppConfig):
    name = "trek.journeys"
    label = "journeys"
    verbose_name = "Journeys"
