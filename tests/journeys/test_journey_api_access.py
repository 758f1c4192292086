"""Every journey route, tried by everybody who should be turned away."""

import pytest

from photos.models import Photo
from tests.factories import TripFactory, UserFactory
from trek.journeys.models import JourneyEntryPhoto, JourneyPhoto

# (method, path template, a write?) — {j} journey, {e} entry, {p} gallery photo,
# {u} a contributor's user id.
ROUTES = [
    ("get", "/api/journeys/", False),
    ("post", "/api/journeys/", False),
    ("get", "/api/journeys/{j}", False),
    ("patch", "/api/journeys/{j}", True),
    ("delete", "/api/journeys/{j}", True),
    ("get", "/api/journeys/{j}/contributors", False),
    ("post", "/api/journeys/{j}/contributors", True),
    ("delete", "/api/journeys/{j}/contributors/{u}", True),
    ("get", "/api/journeys/{j}/entries", False),
    ("post", "/api/journeys/{j}/entries", True),
    ("get", "/api/journeys/entries/{e}", False),
    ("patch", "/api/journeys/entries/{e}", True),
    ("delete", "/api/journeys/entries/{e}", True),
    ("post", "/api/journeys/entries/{e}/photos", True),
    ("post", "/api/journeys/entries/{e}/provider-photos", True),
    ("delete", "/api/journeys/entries/{e}/photos/{p}", True),
    ("post", "/api/journeys/{j}/gallery/provider-photos", True),
    ("delete", "/api/journeys/{j}/gallery/{p}", True),
    ("patch", "/api/journeys/photos/{p}", True),
    ("delete", "/api/journeys/photos/{p}", True),
    ("post", "/api/journeys/photos/{p}/mirror/retry", True),
]
MEMBER_ROUTES = [route for route in ROUTES if "{" in route[1]]
WRITE_ROUTES = [route for route in ROUTES if route[2]]


@pytest.fixture
def gallery_photo(journey, entry, owner):
    photo = Photo.objects.create(provider="local", owner=owner, file_path="x.jpg")
    journey_photo = JourneyPhoto.objects.create(journey=journey, photo=photo)
    JourneyEntryPhoto.objects.create(entry=entry, journey_photo=journey_photo)
    return journey_photo


def _call(client, method, template, journey, entry, gallery_photo, viewer):
    path = template.format(j=journey.pk, e=entry.pk, p=gallery_photo.pk, u=viewer.pk)
    return getattr(client, method)(path, {}, format="json")


def route_id(route):
    return f"{route[0].upper()} {route[1]}"


@pytest.mark.parametrize("route", ROUTES, ids=route_id)
def test_anonymous_callers_are_asked_to_sign_in(
    route, api_for, journey_on, journey, entry, gallery_photo, viewer
):
    response = _call(
        api_for(None), route[0], route[1], journey, entry, gallery_photo, viewer
    )
    assert response.status_code == 401


@pytest.mark.parametrize("route", MEMBER_ROUTES, ids=route_id)
def test_outsiders_learn_nothing_about_a_journey(
    route, api_for, journey_on, outsider, journey, entry, gallery_photo, viewer
):
    client = api_for(outsider)
    response = _call(client, route[0], route[1], journey, entry, gallery_photo, viewer)
    assert response.status_code == 404
    assert JourneyPhoto.objects.filter(pk=gallery_photo.pk).exists()


@pytest.mark.parametrize("route", WRITE_ROUTES, ids=route_id)
def test_viewers_cannot_change_a_journey(
    route, api_for, journey_on, journey, entry, gallery_photo, viewer
):
    response = _call(
        api_for(viewer), route[0], route[1], journey, entry, gallery_photo, viewer
    )
    assert response.status_code == 403
    assert JourneyPhoto.objects.filter(pk=gallery_photo.pk).exists()
    assert journey.contributors.filter(user=viewer).exists()


@pytest.mark.parametrize("route", ROUTES, ids=route_id)
def test_every_route_is_gone_while_the_journey_addon_is_off(
    route, api_for, owner, journey, entry, gallery_photo, viewer
):
    response = _call(
        api_for(owner), route[0], route[1], journey, entry, gallery_photo, viewer
    )
    assert response.status_code == 404
    assert response.json() == {"error": "Journey addon is not enabled."}


def test_the_addon_check_comes_before_sign_in(api_for, journey):
    response = api_for(None).get(f"/api/journeys/{journey.pk}")
    assert response.status_code == 404


def test_viewers_can_read_the_journey(api_for, journey_on, journey, entry, viewer):
    response = api_for(viewer).get(f"/api/journeys/{journey.pk}")
    assert response.status_code == 200
    assert response.json()["role"] == "viewer"
    assert [e["title"] for e in response.json()["entries"]] == ["Lisbon"]


def test_editors_can_add_entries_but_not_manage_people(
    api_for, journey_on, journey, editor, outsider
):
    client = api_for(editor)
    created = client.post(
        f"/api/journeys/{journey.pk}/entries",
        {"entry_date": "2024-06-04", "title": "Sintra"},
        format="json",
    )
    assert created.status_code == 201
    invite = client.post(
        f"/api/journeys/{journey.pk}/contributors",
        {"username": outsider.username, "role": "editor"},
        format="json",
    )
    assert invite.status_code == 403


def test_linking_another_users_trip_says_the_same_as_a_trip_that_does_not_exist(
    api_for, journey_on, owner, journey
):
    someone_elses = TripFactory(owner=UserFactory(username="stranger"))
    missing = someone_elses.pk + 1000
    api = api_for(owner)

    foreign = api.patch(
        f"/api/journeys/{journey.pk}", {"trip_ids": [someone_elses.pk]}, format="json"
    )
    absent = api.patch(
        f"/api/journeys/{journey.pk}", {"trip_ids": [missing]}, format="json"
    )

    assert foreign.status_code == absent.status_code == 400
    assert foreign.json()["error"] == f"trip_ids: Trip {someone_elses.pk} not found."
    assert absent.json()["error"] == f"trip_ids: Trip {missing} not found."
    assert not journey.trips.exists()


def test_a_journey_links_a_trip_its_owner_is_on(
    api_for, journey_on, owner, journey, trip
):
    response = api_for(owner).patch(
        f"/api/journeys/{journey.pk}", {"trip_ids": [trip.pk]}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["trip_ids"] == [trip.pk]
    assert list(journey.trips.all()) == [trip]
