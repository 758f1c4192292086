"""Set-up steps run inside the served app's Django (`AppServer.shell`).

Each is idempotent, so a test that needs some state can ask for it whether an
earlier test already made it through the browser or not.
"""

from __future__ import annotations

import json


def call(function: str, **arguments) -> str:
    """The `manage.py shell -c` code that runs one function of this module."""
    return (
        "import json; from tests.e2e import seeding; "
        f"seeding.{function}(**json.loads({json.dumps(json.dumps(arguments))}))"
    )


def create_users(names: list[str], password: str) -> None:
    from django.contrib.auth import get_user_model

    User = get_user_model()
    for name in names:
        user, created = User.objects.get_or_create(username=name)
        if created:
            user.set_password(password)
            user.save()


def switch_on(ids: list[str]) -> None:
    from addons.models import Addon, PhotoProvider

    Addon.objects.filter(pk__in=ids).update(enabled=True)
    PhotoProvider.objects.filter(pk__in=ids).update(enabled=True)


def connect_immich(username: str, url: str, api_key: str, mirror: bool) -> None:
    from django.contrib.auth import get_user_model

    from integrations.providers.immich import services

    user = get_user_model().objects.get(username=username)
    connection = services.connection_of(user)
    if connection is not None and connection.last_test_ok:
        return
    values = {"immich_url": url, "immich_api_key": api_key, "auto_upload": mirror}
    services.save_settings(user, values)
    report = services.test_settings(user, {})
    assert report.connected, report.error


def connect_synology(username: str, url: str, account: str, password: str) -> None:
    from django.contrib.auth import get_user_model

    from integrations.providers.synology import services

    user = get_user_model().objects.get(username=username)
    connection = services.connection_for(user)
    if connection is not None and connection.is_connected:
        return
    typed = services.TypedSettings(url=url, username=account, password=password)
    services.save_settings(user, typed)
    report = services.test_connection(user, typed)
    assert report.connected, report.error


def create_trip(
    owner: str, title: str, start: str, end: str, members: list[str]
) -> None:
    from django.contrib.auth import get_user_model

    from trek.trips.models import Trip, TripMember

    User = get_user_model()
    trip, _ = Trip.objects.get_or_create(
        owner=User.objects.get(username=owner),
        title=title,
        defaults={"start_date": start, "end_date": end},
    )
    for name in members:
        TripMember.objects.get_or_create(
            trip=trip, user=User.objects.get(username=name)
        )
    print(json.dumps({"trip_id": trip.pk}))
