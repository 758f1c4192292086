import pytest

from trek.trips.models import Trip, TripMember

pytestmark = pytest.mark.django_db


def test_owner_and_member_see_the_trip_in_their_list(api_for, trip, owner, member):
    for user in (owner, member):
        response = api_for(user).get("/api/trips/")
        assert response.status_code == 200
        assert [t["title"] for t in response.json()] == ["Lisbon"]


def test_outsider_sees_no_trips_and_gets_404_for_the_trip(api_for, trip, outsider):
    client = api_for(outsider)
    assert client.get("/api/trips/").json() == []
    response = client.get(f"/api/trips/{trip.pk}/")
    assert response.status_code == 404
    assert "Trip" in response.json()["error"]


def test_anonymous_gets_401_with_a_json_error(api_for, trip):
    response = api_for(None).get("/api/trips/")
    assert response.status_code == 401
    assert response.json()["code"] == "AUTH_REQUIRED"
    assert "error" in response.json()


def test_creating_a_trip_makes_the_caller_its_owner(api_for, owner):
    response = api_for(owner).post(
        "/api/trips/",
        {"title": "Oslo", "start_date": "2024-09-01", "end_date": "2024-09-05"},
        format="json",
    )
    assert response.status_code == 201
    assert Trip.objects.get(title="Oslo").owner == owner


def test_a_trip_cannot_end_before_it_starts(api_for, owner):
    response = api_for(owner).post(
        "/api/trips/",
        {"title": "Oops", "start_date": "2024-09-05", "end_date": "2024-09-01"},
        format="json",
    )
    assert response.status_code == 400
    assert "cannot end before it starts" in response.json()["error"]
    assert not Trip.objects.filter(title="Oops").exists()


def test_malformed_json_gets_a_400_that_says_so(api_for, owner):
    response = api_for(owner).generic(
        "POST", "/api/trips/", "{not json", content_type="application/json"
    )
    assert response.status_code == 400
    assert "JSON" in response.json()["error"]


def test_owner_adds_and_removes_a_member(api_for, trip, owner, outsider):
    client = api_for(owner)
    response = client.post(
        f"/api/trips/{trip.pk}/members/", {"username": "eve"}, format="json"
    )
    assert response.status_code == 201
    assert TripMember.objects.filter(trip=trip, user=outsider).exists()

    response = client.delete(f"/api/trips/{trip.pk}/members/{outsider.pk}/")
    assert response.status_code == 204
    assert not TripMember.objects.filter(trip=trip, user=outsider).exists()


def test_adding_an_unknown_user_says_who_is_unknown(api_for, trip, owner):
    response = api_for(owner).post(
        f"/api/trips/{trip.pk}/members/", {"username": "nobody"}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["error"] == 'There is no user called "nobody".'


def test_member_may_read_but_not_change_the_trip(api_for, trip, member, outsider):
    client = api_for(member)
    assert client.get(f"/api/trips/{trip.pk}/members/").status_code == 200
    response = client.patch(f"/api/trips/{trip.pk}/", {"title": "Mine"}, format="json")
    assert response.status_code == 403
    response = client.post(
        f"/api/trips/{trip.pk}/members/", {"username": "eve"}, format="json"
    )
    assert response.status_code == 403
    trip.refresh_from_db()
    assert trip.title == "Lisbon"


def test_outsider_cannot_add_themselves_or_delete_the_trip(api_for, trip, outsider):
    client = api_for(outsider)
    response = client.post(
        f"/api/trips/{trip.pk}/members/", {"username": "eve"}, format="json"
    )
    assert response.status_code == 404
    assert client.delete(f"/api/trips/{trip.pk}/").status_code == 404
    assert Trip.objects.filter(pk=trip.pk).exists()
