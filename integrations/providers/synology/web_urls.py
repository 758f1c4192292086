"""Mounted at /settings/integrations/synologyphotos/ by integrations.urls."""

from django.urls import path

from integrations.providers.synology import web

app_name = "synology_web"

urlpatterns = [
    path("", web.card, name="card"),
    path("save", web.save, name="save"),
    path("test", web.test, name="test"),
]
