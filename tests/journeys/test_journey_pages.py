"""The journey pages, as a browser sees them."""

import pytest

from photos.models import Photo
from tests.journeys.images import image_bytes, upload
from trek.journeys.models import Journey, JourneyEntryPhoto, JourneyPhoto


@pytest.fixture
def gallery_photo(journey, entry, owner):
    photo = Photo.objects.create(provider="local", owner=owner, file_path="x.jpg")
    journey_photo = JourneyPhoto.objects.create(journey=journey, photo=photo)
    JourneyEntryPhoto.objects.create(entry=entry, journey_photo=journey_photo)
    return journey_photo


def test_the_nav_links_to_journeys_when_the_addon_is_on(web_for, journey_on, owner):
    page = web_for(owner).get("/trips/").content.decode()
    assert 'href="/journeys/"' in page


def test_an_owner_creates_a_journey_and_sees_it(web_for, journey_on, owner, trip):
    client = web_for(owner)
    response = client.post("/journeys/", {"title": "Azores", "trips": [trip.pk]})

    journey = Journey.objects.get(title="Azores")
    assert response.status_code == 302
    assert list(journey.trips.all()) == [trip]
    assert "Azores" in client.get("/journeys/").content.decode()


def test_the_journey_page_lists_entries_in_date_order(
    web_for, journey_on, journey, entry, viewer
):
    journey.entries.create(entry_date="2024-06-01", title="Arrival")
    page = web_for(viewer).get(f"/journeys/{journey.pk}/").content.decode()

    assert page.index("Arrival") < page.index("Lisbon")
    assert "Upload" not in page  # viewers read only


def test_an_editor_uploads_from_the_page_and_sees_each_refusal(
    web_for, journey_on, entry, editor
):
    response = web_for(editor).post(
        f"/journeys/entries/{entry.pk}/upload/",
        {"photos": [upload("ok.jpg", image_bytes()), upload("bad.jpg", b"nope")]},
        HTTP_HX_REQUEST="true",
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "bad.jpg: Only image files are allowed." in page
    assert "1 photo added." in page
    assert entry.entry_photos.count() == 1


PAGE_WRITES = [
    "/journeys/{j}/entries/",
    "/journeys/{j}/contributors/",
    "/journeys/entries/{e}/upload/",
    "/journeys/entries/{e}/provider-photos/",
    "/journeys/photos/{p}/caption/",
    "/journeys/photos/{p}/remove/",
    "/journeys/photos/{p}/mirror/retry/",
]
PAGE_READS = ["/journeys/{j}/", "/journeys/photos/{p}/"]


def _url(template, journey, entry, gallery_photo):
    return template.format(j=journey.pk, e=entry.pk, p=gallery_photo.pk)


@pytest.mark.parametrize("template", PAGE_WRITES + PAGE_READS)
def test_outsiders_get_404_on_every_journey_page(
    template, web_for, journey_on, outsider, journey, entry, gallery_photo
):
    client = web_for(outsider)
    url = _url(template, journey, entry, gallery_photo)
    method = client.post if template in PAGE_WRITES else client.get
    assert method(url).status_code == 404


@pytest.mark.parametrize("template", PAGE_WRITES)
def test_viewers_cannot_change_anything_from_the_pages(
    template, web_for, journey_on, viewer, journey, entry, gallery_photo
):
    url = _url(template, journey, entry, gallery_photo)
    assert web_for(viewer).post(url, {"caption": "x"}).status_code == 403
    gallery_photo.refresh_from_db()
    assert gallery_photo.caption == ""


@pytest.mark.parametrize("template", PAGE_WRITES + PAGE_READS + ["/journeys/"])
def test_anonymous_visitors_are_sent_to_sign_in(
    template, client, journey_on, journey, entry, gallery_photo
):
    response = client.get(_url(template, journey, entry, gallery_photo))
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


@pytest.mark.parametrize("template", PAGE_WRITES + PAGE_READS + ["/journeys/"])
def test_pages_are_gone_while_the_journey_addon_is_off(
    template, web_for, owner, journey, entry, gallery_photo
):
    client = web_for(owner)
    url = _url(template, journey, entry, gallery_photo)
    method = client.post if template in PAGE_WRITES else client.get
    assert method(url).status_code == 404
