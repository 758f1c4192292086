import pytest

from trek.trips.models import Trip, TripMember

pytestmark = pytest.mark.django_db


def test_anonymous_visitor_is_sent_to_the_login_page(client, trip):
    response = client.get(f"/trips/{trip.pk}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_trip_page_lists_owner_and_members(web_for, trip, member):
    response = web_for(member).get(f"/trips/{trip.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Lisbon" in page
    assert "olivia" in page and "max" in page


def test_outsider_gets_404_for_the_trip_page(web_for, trip, outsider):
    assert web_for(outsider).get(f"/trips/{trip.pk}/").status_code == 404


def test_trips_list_shows_only_visible_trips(web_for, trip, outsider):
    Trip.objects.create(owner=outsider, title="Eve's secret trip")
    page = web_for(outsider).get("/trips/").content.decode()
    assert "Eve&#x27;s secret trip" in page
    assert "Lisbon" not in page


def test_create_form_rejects_an_end_before_the_start(web_for, owner):
    response = web_for(owner).post(
        "/trips/new/",
        {
            "title": "Back to the future",
            "start_date": "2024-05-02",
            "end_date": "2024-05-01",
        },
    )
    assert response.status_code == 200
    assert "cannot end before it starts" in response.content.decode()
    assert not Trip.objects.exists()


def test_create_form_makes_a_trip_and_opens_it(web_for, owner):
    response = web_for(owner).post(
        "/trips/new/",
        {"title": "Porto", "start_date": "2024-05-01", "end_date": "2024-05-04"},
    )
    trip = Trip.objects.get(title="Porto")
    assert response.status_code == 302
    assert response["Location"] == f"/trips/{trip.pk}/"


def test_only_the_owner_can_add_members_on_the_page(web_for, trip, member, outsider):
    response = web_for(member).post(f"/trips/{trip.pk}/members/", {"username": "eve"})
    assert response.status_code == 404
    assert not TripMember.objects.filter(user=outsider).exists()


def test_owner_adds_a_member_on_the_page(web_for, trip, owner, outsider):
    response = web_for(owner).post(
        f"/trips/{trip.pk}/members/", {"username": "eve"}, follow=True
    )
    assert "eve can now see this trip." in response.content.decode()
    assert TripMember.objects.filter(trip=trip, user=outsider).exists()
