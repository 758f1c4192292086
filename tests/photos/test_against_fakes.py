"""End to end: the photo layer against the fake Immich and the fake Synology NAS.

The fakes listen on 127.0.0.1 and are reached through the outbound allow-list
only, exactly as a self-hoster's own server would be.
"""

import pytest

from integrations.providers.immich.client import ImmichClient
from integrations.providers.immich.models import ImmichConnection
from integrations.providers.synology.models import SynologyConnection
from photos.models import AlbumLink, Photo, TripPhoto
from tests.fakes.immich.seed import ALBUM_LISBON, OLIVIA_KEY, PHOTO_IDS, VIDEO_ID

UNIFIED = "/api/integrations/memories/unified/trips/{trip}"
SYNO_IDS = ["88412_88412_1717412209", "88430_88430_1717412209"]


@pytest.fixture
def immich(owner, fake_immich, enable):
    """The trip owner's Immich is the fake, with Olivia's full key."""
    enable("immich")
    ImmichConnection.objects.create(
        user=owner, server_url=fake_immich.url, api_key=OLIVIA_KEY
    )
    return fake_immich


@pytest.fixture
def synology(owner, fake_synology, enable):  # noqa: F811
    enable("synologyphotos")
    SynologyConnection.objects.create(
        user=owner,
        base_url=fake_synology.url,
        username="alice",
        password="alice-password",
    )
    return fake_synology


def add(client, trip, provider, *asset_ids, media_types=None):
    selection = {"provider": provider, "asset_ids": list(asset_ids)}
    if media_types:
        selection["media_types"] = media_types
    response = client.post(
        UNIFIED.format(trip=trip.pk) + "/photos",
        {"selections": [selection]},
        format="json",
    )
    assert response.status_code == 200, response.content
    return Photo.objects.get(provider=provider, asset_id=asset_ids[0])


def calls_to(fake, fragment):
    return sum(1 for request, _ in fake.exchanges if fragment in request.path)


def test_a_member_seeks_in_the_owners_video(api_for, owner, member, trip, immich):
    video = add(
        api_for(owner), trip, "immich", VIDEO_ID, media_types={VIDEO_ID: "video"}
    )
    data = immich.assets[VIDEO_ID].data

    response = api_for(member).get(
        f"/api/photos/{video.pk}/video", HTTP_RANGE="bytes=100000-100099"
    )

    assert response.status_code == 206
    assert b"".join(response.streaming_content) == data[100000:100100]
    assert response["Content-Range"] == f"bytes 100000-100099/{len(data)}"
    assert response["Content-Type"] == "video/mp4"


def test_a_revalidated_preview_is_a_304(api_for, owner, member, trip, immich):
    photo = add(api_for(owner), trip, "immich", PHOTO_IDS["lisbon_midday"])
    first = api_for(member).get(f"/api/photos/{photo.pk}/preview")
    b"".join(first.streaming_content)

    again = api_for(member).get(
        f"/api/photos/{photo.pk}/preview", HTTP_IF_NONE_MATCH=first["ETag"]
    )

    assert first.status_code == 200
    assert again.status_code == 304
    assert again["Cache-Control"].startswith("private")


def test_a_browser_that_leaves_mid_video_closes_the_upstream(
    api_for, owner, member, trip, immich, monkeypatch
):
    opened = []
    real_open = ImmichClient.open_stream

    def remember(self, *args, **kwargs):
        opened.append(real_open(self, *args, **kwargs))
        return opened[-1]

    monkeypatch.setattr(ImmichClient, "open_stream", remember)
    video = add(
        api_for(owner), trip, "immich", VIDEO_ID, media_types={VIDEO_ID: "video"}
    )

    response = api_for(member).get(f"/api/photos/{video.pk}/video")
    next(iter(response.streaming_content))
    upstream = opened[0].close.__self__  # the open requests response
    assert not upstream.raw.closed

    response.close()

    assert upstream.raw.closed


def test_the_original_is_an_attachment_and_the_key_never_leaves(
    api_for, owner, member, trip, immich
):
    photo = add(api_for(owner), trip, "immich", PHOTO_IDS["lisbon_midday"])

    response = api_for(member).get(f"/api/photos/{photo.pk}/original")
    body = b"".join(response.streaming_content)

    assert body == immich.assets[photo.asset_id].data
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert OLIVIA_KEY not in str(response.headers)


def test_thumbnails_come_from_the_cache_after_the_first_view(
    api_for, owner, member, outsider, trip, immich
):
    photo = add(api_for(owner), trip, "immich", PHOTO_IDS["tokyo_morning"])
    url = f"/api/photos/{photo.pk}/thumbnail"

    first = api_for(member).get(url)
    second = api_for(owner).get(url)

    assert first.status_code == second.status_code == 200
    assert first.content == second.content == immich.assets[photo.asset_id].thumbnail
    assert calls_to(immich, "/thumbnail") == 1
    assert api_for(outsider).get(url).status_code == 404
    assert api_for(None).get(url).status_code == 401


def test_an_immich_answering_html_is_a_502_with_a_clear_error(
    api_for, owner, trip, immich
):
    photo = add(api_for(owner), trip, "immich", PHOTO_IDS["lisbon_midday"])
    immich.mode = "html"

    response = api_for(owner).get(f"/api/photos/{photo.pk}/preview")

    assert response.status_code == 502
    assert response["Cache-Control"] == "no-store"
    assert "error" in response.json()


def test_immich_down_still_lists_the_synology_photos_with_an_error(
    api_for, owner, member, trip, immich, synology
):
    client = api_for(owner)
    add(client, trip, "immich", PHOTO_IDS["lisbon_midday"])
    add(client, trip, "synologyphotos", SYNO_IDS[0])
    immich.stop()

    body = client.get(UNIFIED.format(trip=trip.pk) + "/photos").json()

    assert sorted(p["provider"] for p in body["photos"]) == ["immich", "synologyphotos"]
    assert list(body["errors"]) == ["immich"]
    member_view = api_for(member).get(UNIFIED.format(trip=trip.pk) + "/photos")
    assert member_view.status_code == 200


def test_a_synology_thumbnail_and_original_stream_to_a_member(
    api_for, owner, member, trip, synology
):
    photo = add(api_for(owner), trip, "synologyphotos", SYNO_IDS[0])

    thumbnail = api_for(member).get(f"/api/photos/{photo.pk}/thumbnail")
    original = api_for(member).get(f"/api/photos/{photo.pk}/original")

    assert thumbnail.status_code == 200
    assert thumbnail["Content-Type"] == "image/jpeg"
    assert original.status_code == 200
    assert original["Content-Type"] == "image/jpeg"
    assert b"".join(original.streaming_content)[:2] == b"\xff\xd8"
    assert "_sid" not in str(thumbnail.headers) + str(original.headers)


def test_synology_signs_in_once_for_many_thumbnails(api_for, owner, trip, synology):
    client = api_for(owner)
    for asset_id in SYNO_IDS:
        add(client, trip, "synologyphotos", asset_id)
    for photo in Photo.objects.all():
        for size in ("sm", "m", "xl"):
            url = f"/api/photos/{photo.pk}/thumbnail?size={size}"
            assert client.get(url).status_code == 200

    assert synology.logins == 1


def test_syncing_an_immich_album_adds_its_assets(api_for, owner, member, trip, immich):
    client = api_for(owner)
    created = client.post(
        UNIFIED.format(trip=trip.pk) + "/album-links",
        {"provider": "immich", "album_id": ALBUM_LISBON, "album_name": "Lisbon 2024"},
        format="json",
    )
    link_id = created.json()["link"]["id"]

    synced = api_for(member).post(
        UNIFIED.format(trip=trip.pk) + f"/album-links/{link_id}/sync"
    )

    assert synced.json()["added"] == 3
    assert TripPhoto.objects.filter(album_link_id=link_id).count() == 3
    assert Photo.objects.get(asset_id=VIDEO_ID).media_type == "video"
    refused = api_for(member).delete(
        UNIFIED.format(trip=trip.pk) + f"/album-links/{link_id}"
    )
    assert refused.status_code == 403
    assert AlbumLink.objects.filter(pk=link_id).exists()


def test_the_picker_lists_the_trip_days_from_immich(web_for, owner, trip, immich):
    page = web_for(owner).get(f"/trips/{trip.pk}/photos/pick/immich/").content.decode()

    assert PHOTO_IDS["lisbon_midday"] in page
    assert PHOTO_IDS["before_the_trip"] not in page
    assert OLIVIA_KEY not in page


def test_the_picker_thumbnail_route_streams_my_own_asset(api_for, owner, trip, immich):
    asset_id = PHOTO_IDS["tokyo_morning"]
    url = f"/api/integrations/memories/immich/assets/{trip.pk}/{asset_id}/{owner.pk}"

    response = api_for(owner).get(url + "/thumbnail")

    assert response.status_code == 200
    assert response.content == immich.assets[asset_id].thumbnail


def test_the_picker_dates_photos_by_the_day_where_they_were_taken(
    web_for, owner, trip, immich
):
    page = (
        web_for(owner)
        .get(f"/trips/{trip.pk}/photos/pick/immich/?mode=trip")
        .content.decode()
    )

    # Kiritimati (UTC+14) at 00:30 on 1 June and Honolulu (UTC-10) at 23:30 on
    # 7 June: in UTC these are 31 May and 8 June, outside the trip.
    assert 'alt="kiritimati_first_morning.webp"' in page
    assert 'alt="honolulu_last_night.jpg"' in page
    assert "2024-05-31" not in page and "2024-06-08" not in page
    assert "<small>2024-06-01</small>" in page
    assert "<small>2024-06-07</small>" in page


def test_the_viewer_says_when_the_photo_was_taken_on_the_local_clock(
    api_for, web_for, owner, trip, immich
):
    honolulu = add(api_for(owner), trip, "immich", PHOTO_IDS["honolulu_last_night"])

    details = (
        web_for(owner)
        .get(f"/trips/{trip.pk}/photos/{honolulu.pk}/info/")
        .content.decode()
    )

    assert "June 7, 2024, 11:30 p.m." in details
    assert "June 8" not in details
