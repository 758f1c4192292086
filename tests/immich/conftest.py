import pytest

from integrations.providers.immich.client import ImmichClient
from integrations.providers.immich.models import ImmichConnection
from tests.fakes.immich.fixtures import *  # noqa: F403
from tests.fakes.immich.seed import OLIVIA_KEY


@pytest.fixture
def client_for():
    """An ImmichClient on a running fake, with Olivia's full key by default."""
    opened = []

    def make(fake, api_key=OLIVIA_KEY, **options):
        client = ImmichClient(fake.url, api_key, **options)
        opened.append(client)
        return client

    yield make
    for client in opened:
        client.close()


@pytest.fixture
def connect():
    """Save an Immich connection for a user, pointing at a fake."""

    def save(user, fake, api_key=OLIVIA_KEY, **fields):
        return ImmichConnection.objects.create(
            user=user, server_url=fake.url, api_key=api_key, **fields
        )

    return save
