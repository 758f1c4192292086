from django.apps import AppConfig


class TripsConfig(AppConfig):
    name = "trek.trips"
    label = "trips"
    verbose_name = "Trips"
