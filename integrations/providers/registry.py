"""The photo providers this server knows, by id.

Adding a provider means a new package under integrations/providers/ with a
`spec.py` that defines SPEC, and one line in PROVIDER_SPECS. Specs are imported
lazily, so importing the registry pulls in no client code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import import_module

from django.apps import apps
from django.http import Http404

from addons import state
from integrations.providers.base import NotConfiguredError

PROVIDER_SPECS = {
    "immich": "integrations.providers.immich.spec",
    "synologyphotos": "integrations.providers.synology.spec",
}


@dataclass(frozen=True)
class SettingsField:
    """One input of a provider's settings form, as /api/addons describes it."""

    key: str
    label: str
    input_type: str  # url, text, password or checkbox
    sort_order: int
    placeholder: str = ""
    hint: str = ""
    required: bool = False
    secret: bool = False
    settings_key: str | None = None  # read from GET .../settings
    payload_key: str | None = None  # sent with PUT .../settings and POST .../test

    def as_dict(self) -> dict:
        return {
            "key": self.key,
            "label": self.label,
            "input_type": self.input_type,
            "placeholder": self.placeholder,
            "hint": self.hint,
            "required": self.required,
            "secret": self.secret,
            "settings_key": self.settings_key,
            "payload_key": self.payload_key or self.key,
            "sort_order": self.sort_order,
        }


@dataclass(frozen=True)
class ProviderSpec:
    id: str
    name: str
    fields: tuple[SettingsField, ...]
    connection_model: str  # "app_label.ModelName", one row per user
    card_template: str  # the settings card in Settings -> Integrations
    asset_id_pattern: str  # a regular expression every asset id must match
    album_id_pattern: str  # a regular expression every album id must match

    @property
    def api_paths(self) -> dict[str, str]:
        base = f"/integrations/memories/{self.id}"
        return {
            "settings_get": f"{base}/settings",
            "settings_put": f"{base}/settings",
            "status_get": f"{base}/status",
            "test_post": f"{base}/test",
        }

    def connection_class(self):
        return apps.get_model(self.connection_model)

    def connection_for(self, user):
        """The user's connection, or None when they have not set one up."""
        return self.connection_class().objects.filter(user=user).first()

    def client_for(self, user):
        """A ready client on the user's connection, or NotConfiguredError."""
        connection = self.connection_for(user)
        if connection is None:
            raise NotConfiguredError(f"{self.name} is not connected.")
        return connection.client()


class UnknownProvider(LookupError):
    pass


@cache
def get_spec(provider_id: str) -> ProviderSpec:
    try:
        module_path = PROVIDER_SPECS[provider_id]
    except KeyError:
        raise UnknownProvider(provider_id) from None
    return import_module(module_path).SPEC


def enabled_spec(provider_id: str) -> ProviderSpec:
    """The spec of a provider the admin has switched on; a 404 otherwise.

    A switched-off provider's pages and routes answer as if they did not
    exist, and nothing stored is touched.
    """
    if not state.is_provider_enabled(provider_id):
        known = provider_id in PROVIDER_SPECS
        name = get_spec(provider_id).name if known else "That photo provider"
        raise Http404(f"{name} is not enabled on this server.")
    return get_spec(provider_id)


def all_specs() -> list[ProviderSpec]:
    return [get_spec(provider_id) for provider_id in PROVIDER_SPECS]
