import pytest

from integrations.providers.immich.models import ImmichConnection
from tests.fakes.immich.fixtures import *  # noqa: F403
from tests.fakes.immich.seed import OLIVIA_KEY
from tests.journeys.conftest import editor, entry, journey, journey_on, viewer  # noqa: F401


@pytest.fixture
def connect_immich(owner, enable):
    """Connect the owner's Immich (the fake), mirroring on unless told otherwise."""

    def connect(fake, *, api_key=OLIVIA_KEY, mirror_uploads=True):
        enable("journey", "immich")
        return ImmichConnection.objects.update_or_create(
            user=owner,
            defaults={
                "server_url": fake.url,
                "api_key": api_key,
                "mirror_uploads": mirror_uploads,
            },
        )[0]

    return connect


@pytest.fixture
def quick_retries(settings):
    settings.MIRROR_MAX_RETRIES = 3
    settings.MIRROR_RETRY_BASE_SECONDS = 0.05
    settings.MIRROR_RETRY_CAP_SECONDS = 0.2
