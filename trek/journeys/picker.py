"""Browsing the caller's own library from a journey entry (the picker)."""

from addons import state
from integrations.providers.registry import get_spec

PAGE_SIZE = 50


def usable_providers(user) -> list:
    """Providers that are switched on and that the user has connected."""
    specs = [get_spec(provider_id) for provider_id in state.enabled_provider_ids()]
    return [spec for spec in specs if spec.connection_for(user) is not None]


def search_assets(user, *, provider, date_from, date_to, page=None):
    """One page of the user's assets taken between the dates."""
    client = get_spec(provider).client_for(user)
    try:
        return client.search(
            date_from=date_from, date_to=date_to, page=page or 1, size=PAGE_SIZE
        )
    finally:
        close = getattr(client, "close", None)
        if close:
            close()
