import pytest

from integrations.providers.synology.models import SynologyConnection
from tests.fakes.synology.fixtures import fake_synology, fake_synology_tls  # noqa: F401


@pytest.fixture
def saved_connection(owner, fake_synology):  # noqa: F811
    """Olivia's saved, never tested connection to the fake NAS as alice."""
    return SynologyConnection.objects.create(
        user=owner,
        base_url=fake_synology.url,
        username="alice",
        password="alice-password",
    )


def fresh(connection: SynologyConnection) -> SynologyConnection:
    """The row as another worker (or the next restart) reads it."""
    return SynologyConnection.objects.get(pk=connection.pk)
