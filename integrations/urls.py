"""Mounts each provider package's routes, API and web, under its id."""

from importlib.util import find_spec

from django.urls import include, path

from integrations.providers.registry import PROVIDER_SPECS


def _package(provider_id: str) -> str:
    return PROVIDER_SPECS[provider_id].rsplit(".", 1)[0]


def _mount(prefix: str, module: str) -> list:
    patterns = []
    for provider_id in PROVIDER_SPECS:
        dotted = f"{_package(provider_id)}.{module}"
        if find_spec(dotted) is not None:
            patterns.append(path(f"{prefix}{provider_id}/", include(dotted)))
    return patterns


# /api/integrations/memories/<provider>/...
api_urlpatterns = _mount("integrations/memories/", "urls")
# /settings/integrations/<provider>/... (the settings cards, htmx)
web_urlpatterns = _mount("settings/integrations/", "web_urls")
