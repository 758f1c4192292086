"""The fixed cast of every test: an owner, a trip member, an outsider, a stranger."""

import pytest
from rest_framework.test import APIClient

from addons.models import Addon, PhotoProvider
from tests.factories import TripFactory, TripMemberFactory, UserFactory


@pytest.fixture(autouse=True)
def _plain_static_files(settings):
    # The manifest storage needs collectstatic; tests render templates without it.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }


@pytest.fixture(autouse=True)
def _tasks_run_in_process(request):
    """Tasks run eagerly in tests, even when REDIS_URL is set (as in CI).

    Tests that start a real Celery worker mark themselves `celery_worker`.
    """
    if request.node.get_closest_marker("celery_worker"):
        yield
        return
    from trek.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _private_data_dir(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "uploads"
    settings.CACHES = {
        **settings.CACHES,
        "thumbnails": {
            **settings.CACHES["thumbnails"],
            "LOCATION": str(tmp_path / "thumbnails"),
        },
    }


@pytest.fixture
def owner(db):
    return UserFactory(username="olivia")


@pytest.fixture
def member(db):
    return UserFactory(username="max")


@pytest.fixture
def outsider(db):
    return UserFactory(username="eve")


@pytest.fixture
def admin_user(db):
    return UserFactory(username="root", is_staff=True, is_superuser=True)


@pytest.fixture
def trip(owner, member):
    trip = TripFactory(owner=owner, title="Lisbon")
    TripMemberFactory(trip=trip, user=member)
    return trip


def _api_client_for(user):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


@pytest.fixture
def api_for():
    """An API client signed in as the given user (None for anonymous)."""
    return _api_client_for


@pytest.fixture
def web_for(client):
    """A browser-like client signed in as the given user."""

    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in


@pytest.fixture
def enable(db):
    """Switch an addon or photo provider on: enable("journey", "immich")."""

    def switch_on(*ids):
        for some_id in ids:
            Addon.objects.filter(pk=some_id).update(enabled=True)
            PhotoProvider.objects.filter(pk=some_id).update(enabled=True)

    return switch_on
