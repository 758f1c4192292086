"""Album links: syncing follows the album, and only a link's owner unlinks it."""

import pytest

from addons.models import PhotoProvider
from photos.models import AlbumLink, Photo, TripPhoto
from photos.tasks import sync_album_link, sync_all_album_links
from tests.photos.fake_provider import IMMICH_IDS

BASE = "/api/integrations/memories/unified/trips/{trip}"
ALBUM = "5f0e7a7c-2b1d-4c3e-9f00-1a2b3c4d5e6f"


@pytest.fixture
def album(member, library, enable):
    enable("immich")
    server = library("immich", member)
    for asset_id in IMMICH_IDS[:3]:
        server.add(asset_id)
    server.albums[ALBUM] = list(IMMICH_IDS[:3])
    return server


@pytest.fixture
def link(api_for, member, trip, album):
    response = api_for(member).post(
        BASE.format(trip=trip.pk) + "/album-links",
        {"provider": "immich", "album_id": ALBUM, "album_name": "Lisbon"},
        format="json",
    )
    return AlbumLink.objects.get(pk=response.json()["link"]["id"])


def sync(client, trip, link):
    return client.post(BASE.format(trip=trip.pk) + f"/album-links/{link.pk}/sync")


def trip_assets(trip):
    return sorted(
        TripPhoto.objects.filter(trip=trip).values_list("photo__asset_id", flat=True)
    )


def test_syncing_adds_the_albums_assets_as_the_link_owners_photos(
    api_for, owner, member, trip, link
):
    response = sync(api_for(owner), trip, link)

    assert response.json() == {"success": True, "added": 3, "removed": 0}
    assert trip_assets(trip) == IMMICH_IDS[:3]
    assert set(TripPhoto.objects.values_list("added_by", flat=True)) == {member.pk}
    link.refresh_from_db()
    assert link.last_synced_at is not None


def test_an_asset_that_leaves_the_album_leaves_the_trip_unless_added_by_hand(
    api_for, member, trip, link, album
):
    client = api_for(member)
    client.post(
        BASE.format(trip=trip.pk) + "/photos",
        {"selections": [{"provider": "immich", "asset_ids": [IMMICH_IDS[2]]}]},
        format="json",
    )
    sync(client, trip, link)
    album.albums[ALBUM] = [IMMICH_IDS[1], IMMICH_IDS[2]]

    response = sync(client, trip, link)

    assert response.json()["removed"] == 1
    assert trip_assets(trip) == [IMMICH_IDS[1], IMMICH_IDS[2]]


def test_a_member_cannot_unlink_someone_elses_album_or_its_photos(
    api_for, owner, trip, link
):
    sync(api_for(owner), trip, link)

    response = api_for(owner).delete(
        BASE.format(trip=trip.pk) + f"/album-links/{link.pk}"
    )

    assert response.status_code == 403
    assert AlbumLink.objects.filter(pk=link.pk).exists()
    assert TripPhoto.objects.count() == 3


def test_the_link_owner_unlinks_and_the_synced_photos_go(api_for, member, trip, link):
    sync(api_for(member), trip, link)

    response = api_for(member).delete(
        BASE.format(trip=trip.pk) + f"/album-links/{link.pk}"
    )

    assert response.status_code == 200
    assert not AlbumLink.objects.exists()
    assert not TripPhoto.objects.exists()
    assert not Photo.objects.exists()


def test_a_switched_off_provider_hides_its_links_and_their_routes(
    api_for, member, trip, link
):
    PhotoProvider.objects.filter(pk="immich").update(enabled=False)
    PhotoProvider.objects.filter(pk="synologyphotos").update(enabled=True)
    client = api_for(member)

    listed = client.get(BASE.format(trip=trip.pk) + "/album-links").json()["links"]

    assert listed == []
    assert sync(client, trip, link).status_code == 404
    assert AlbumLink.objects.filter(pk=link.pk).exists()


def test_the_sync_task_is_idempotent_and_quiet_about_a_deleted_link(trip, link):
    sync_album_link.apply(args=[link.pk])
    sync_album_link.apply(args=[link.pk])
    assert trip_assets(trip) == IMMICH_IDS[:3]

    link_id = link.pk
    link.delete()
    sync_album_link.apply(args=[link_id])  # nothing to do, no error


def test_the_periodic_task_syncs_links_of_switched_on_providers_only(trip, link):
    assert sync_all_album_links.apply().result == 1
    assert trip_assets(trip) == IMMICH_IDS[:3]

    PhotoProvider.objects.filter(pk="immich").update(enabled=False)
    assert sync_all_album_links.apply().result == 0
