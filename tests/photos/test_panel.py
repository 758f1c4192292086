"""The trip Photos panel and its picker, as a browser sees them."""

import datetime

import pytest

from photos.models import AlbumLink, TripPhoto
from tests.photos.fake_provider import IMMICH_IDS


def panel_url(trip, rest=""):
    return f"/trips/{trip.pk}/photos/{rest}"


def test_the_trip_page_loads_the_panel_when_a_provider_is_on(
    web_for, owner, trip, enable
):
    assert (
        "trip-photos" not in web_for(owner).get(f"/trips/{trip.pk}/").content.decode()
    )

    enable("immich")

    page = web_for(owner).get(f"/trips/{trip.pk}/").content.decode()
    assert f'hx-get="/trips/{trip.pk}/photos/"' in page


def test_without_a_connection_the_panel_points_to_settings(
    web_for, owner, trip, enable, library
):
    enable("immich")

    page = web_for(owner).get(panel_url(trip)).content.decode()

    assert "No photo provider connected" in page
    assert "/settings/integrations/" in page


def test_the_album_buttons_use_the_right_article_for_each_provider(
    web_for, owner, trip, enable, library
):
    enable("immich", "synologyphotos")
    library("immich", owner)
    library("synologyphotos", owner)

    page = web_for(owner).get(panel_url(trip)).content.decode()

    assert "Link an Immich album" in page
    assert "Link a Synology Photos album" in page
    assert "Link a Immich" not in page


def test_the_gallery_shows_the_adder_and_marks_my_private_photos(
    web_for, owner, member, shared_photo
):
    TripPhoto.objects.update(shared=False)
    page = (
        web_for(owner)
        .get(panel_url(shared_photo.trip_photos.get().trip))
        .content.decode()
    )

    assert f"/api/photos/{shared_photo.pk}/thumbnail" in page
    assert "olivia" in page
    assert "Private" in page


def test_sharing_toggle_and_removal_from_the_panel(web_for, owner, trip, shared_photo):
    client = web_for(owner)

    client.post(panel_url(trip, f"{shared_photo.pk}/share/"), {})
    assert TripPhoto.objects.get().shared is False
    client.post(panel_url(trip, f"{shared_photo.pk}/share/"), {"shared": "on"})
    assert TripPhoto.objects.get().shared is True

    client.post(panel_url(trip, f"{shared_photo.pk}/remove/"))
    assert not TripPhoto.objects.exists()


def test_a_member_cannot_remove_the_owners_photo(web_for, member, trip, shared_photo):
    response = web_for(member).post(panel_url(trip, f"{shared_photo.pk}/remove/"))

    assert response.status_code == 404
    assert TripPhoto.objects.exists()


def test_the_picker_shows_my_library_and_marks_what_is_added(
    web_for, owner, trip, shared_photo, library
):
    library("immich", owner).add(IMMICH_IDS[1])

    page = web_for(owner).get(panel_url(trip, "pick/immich/")).content.decode()

    assert page.count('name="asset_ids"') == 1
    assert "Added" in page
    assert (
        f"/api/integrations/memories/immich/assets/{trip.pk}/{IMMICH_IDS[1]}/" in page
    )


def test_the_picker_pages_as_the_user_scrolls(web_for, owner, trip, library, enable):
    enable("immich")
    for asset_id in IMMICH_IDS[:60]:
        library("immich", owner).add(asset_id)
    client = web_for(owner)

    first = client.get(panel_url(trip, "pick/immich/?mode=all")).content.decode()
    second = client.get(
        panel_url(trip, "pick/immich/?mode=all&page=2")
    ).content.decode()

    assert 'hx-trigger="revealed"' in first
    assert first.count('name="asset_ids"') == 50
    assert second.count('name="asset_ids"') == 10
    assert "revealed" not in second


def test_a_trip_without_dates_asks_for_dates(web_for, owner, trip, library, enable):
    enable("immich")
    library("immich", owner)
    trip.start_date = trip.end_date = None
    trip.save()

    page = web_for(owner).get(panel_url(trip, "pick/immich/")).content.decode()

    assert "Add dates to your trip to load photos." in page


def test_an_empty_search_says_nothing_was_found(web_for, owner, trip, library, enable):
    enable("immich")
    library("immich", owner)

    page = web_for(owner).get(panel_url(trip, "pick/immich/")).content.decode()

    assert "No photos found." in page


def test_picking_adds_the_selected_assets(web_for, owner, trip, library, enable):
    enable("immich")
    library("immich", owner)

    web_for(owner).post(
        panel_url(trip, "pick/immich/add/"),
        {"asset_ids": IMMICH_IDS[:2], "video_ids": [IMMICH_IDS[1]], "shared": "on"},
    )

    rows = TripPhoto.objects.order_by("photo__asset_id")
    assert [r.photo.media_type for r in rows] == ["image", "video"]
    assert all(r.shared for r in rows)


PORTO = "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"


def test_linking_an_album_syncs_it_and_a_lost_connection_is_announced(
    web_for, owner, trip, library, enable
):
    enable("immich")
    server = library("immich", owner)
    server.add(IMMICH_IDS[0])
    server.albums[PORTO] = [IMMICH_IDS[0]]
    client = web_for(owner)

    page = client.post(
        panel_url(trip, "albums/immich/link/"),
        {"album_id": PORTO, "album_name": "Porto"},
    ).content.decode()

    assert AlbumLink.objects.get().album_name == "Porto"
    assert TripPhoto.objects.count() == 1
    assert "Porto" in page
    server.down = True
    from django.core.cache import cache

    cache.clear()
    page = client.get(panel_url(trip)).content.decode()
    assert "Your Immich connection is lost" in page


def test_the_viewer_offers_the_preview_details_and_original(
    web_for, member, trip, shared_photo
):
    client = web_for(member)

    viewer = client.get(panel_url(trip, f"{shared_photo.pk}/")).content.decode()
    details = client.get(panel_url(trip, f"{shared_photo.pk}/info/")).content.decode()

    assert f"/api/photos/{shared_photo.pk}/preview" in viewer
    assert f"/api/photos/{shared_photo.pk}/original" in viewer
    assert "IMG_0001.jpg" in details


@pytest.mark.parametrize(
    ("method", "rest"),
    [
        ("get", ""),
        ("get", "pick/immich/"),
        ("get", "albums/immich/"),
        ("post", "pick/immich/add/"),
        ("get", "{photo}/"),
        ("get", "{photo}/info/"),
        ("post", "{photo}/share/"),
        ("post", "{photo}/remove/"),
        ("post", "albums/immich/link/"),
        ("post", "links/1/sync/"),
        ("post", "links/1/unlink/"),
    ],
)
def test_an_outsider_gets_404_and_anonymous_goes_to_sign_in(
    web_for, client, outsider, trip, shared_photo, method, rest
):
    url = panel_url(trip, rest.format(photo=shared_photo.pk))

    anonymous = getattr(client, method)(url)
    assert anonymous.status_code == 302
    assert "/login/" in anonymous["Location"]

    assert getattr(web_for(outsider), method)(url).status_code == 404


def test_custom_dates_reach_the_provider(
    web_for, owner, trip, library, enable, monkeypatch
):
    enable("immich")
    library("immich", owner)
    seen = {}
    from tests.photos import fake_provider

    original = fake_provider.FakeProvider.search

    def spy(self, **kwargs):
        seen.update(kwargs)
        return original(self, **kwargs)

    monkeypatch.setattr(fake_provider.FakeProvider, "search", spy)

    web_for(owner).get(
        panel_url(trip, "pick/immich/?mode=custom&from=2023-01-02&to=2023-01-05")
    )

    assert seen["date_from"] == datetime.date(2023, 1, 2)
    assert seen["date_to"] == datetime.date(2023, 1, 5)


def test_linking_an_album_id_immich_never_uses_says_so_and_links_nothing(
    web_for, owner, trip, library, enable
):
    enable("immich")
    library("immich", owner)

    page = (
        web_for(owner)
        .post(panel_url(trip, "albums/immich/link/"), {"album_id": "../x"})
        .content.decode()
    )

    assert "Invalid album id for Immich." in page
    assert not AlbumLink.objects.exists()
