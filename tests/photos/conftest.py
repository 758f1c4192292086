import pytest
from django.core.cache import cache, caches

from integrations.providers.base import NotConfiguredError
from integrations.providers.registry import ProviderSpec
from photos.models import Photo, TripPhoto
from tests.fakes.immich.fixtures import *  # noqa: F403
from tests.fakes.synology.fixtures import fake_synology  # noqa: F401
from tests.photos.fake_provider import IMMICH_IDS, FakeLibrary, FakeProvider


@pytest.fixture(autouse=True)
def _empty_caches():
    cache.clear()
    caches["thumbnails"].clear()
    yield
    cache.clear()


class FakeConnection:
    def __init__(self, library):
        self.pk = id(library)
        self.library = library

    def client(self):
        return FakeProvider(self.library)


@pytest.fixture
def library(monkeypatch):
    """library(provider, user): that user's in-memory photo server, connected."""
    libraries = {}

    def connection_for(spec, user):
        found = libraries.get((spec.id, user.pk))
        return FakeConnection(found) if found else None

    def client_for(spec, user):
        connection = connection_for(spec, user)
        if connection is None:
            raise NotConfiguredError(f"{spec.name} is not connected.")
        return connection.client()

    monkeypatch.setattr(ProviderSpec, "connection_for", connection_for)
    monkeypatch.setattr(ProviderSpec, "client_for", client_for)

    def library_of(provider, user):
        return libraries.setdefault((provider, user.pk), FakeLibrary())

    return library_of


@pytest.fixture
def shared_photo(trip, owner, library, enable):
    """An Immich photo the owner added to the trip, shared with its members."""
    enable("immich")
    asset_id = library("immich", owner).add(IMMICH_IDS[0], body=b"x" * 300_000)
    photo = Photo.objects.create(provider="immich", asset_id=asset_id, owner=owner)
    TripPhoto.objects.create(trip=trip, photo=photo, added_by=owner)
    return photo
