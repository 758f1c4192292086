"""Who may stream what, and the thumbnail cache (in-memory providers)."""

import pytest

from photos.models import Photo, TripPhoto
from tests.photos.fake_provider import IMMICH_IDS

KINDS = ["thumbnail", "preview", "original", "video", "info"]


def asset_url(photo, trip_id, kind):
    return (
        f"/api/integrations/memories/{photo.provider}/assets/"
        f"{trip_id}/{photo.asset_id}/{photo.owner_id}/{kind}"
    )


@pytest.mark.parametrize("kind", KINDS)
def test_the_owner_and_a_member_stream_a_shared_photo(
    api_for, owner, member, shared_photo, kind
):
    for viewer in (owner, member):
        response = api_for(viewer).get(f"/api/photos/{shared_photo.pk}/{kind}")
        assert response.status_code == 200, viewer


@pytest.mark.parametrize("kind", KINDS)
def test_an_outsider_gets_404_for_a_stored_photo(api_for, outsider, shared_photo, kind):
    response = api_for(outsider).get(f"/api/photos/{shared_photo.pk}/{kind}")

    assert response.status_code == 404
    assert response["Cache-Control"] == "no-store"


@pytest.mark.parametrize("kind", KINDS)
def test_anonymous_gets_401_for_a_stored_photo(api_for, shared_photo, kind):
    response = api_for(None).get(f"/api/photos/{shared_photo.pk}/{kind}")

    assert response.status_code == 401


@pytest.mark.parametrize("kind", KINDS)
def test_asset_routes_follow_the_same_rule(
    api_for, owner, member, outsider, trip, shared_photo, kind
):
    url = asset_url(shared_photo, trip.pk, kind)

    assert api_for(owner).get(url).status_code == 200
    assert api_for(member).get(url).status_code == 200
    assert api_for(outsider).get(url).status_code == 404
    assert api_for(None).get(url).status_code == 401


def test_an_unshared_photo_is_404_for_other_members(api_for, member, shared_photo):
    TripPhoto.objects.update(shared=False)

    assert (
        api_for(member).get(f"/api/photos/{shared_photo.pk}/preview").status_code == 404
    )


def test_the_journey_context_admits_nobody_but_the_owner_yet(
    api_for, owner, member, shared_photo
):
    url = asset_url(shared_photo, 0, "thumbnail")

    assert api_for(owner).get(url).status_code == 200
    assert api_for(member).get(url).status_code == 404


def test_an_asset_shared_in_another_trip_does_not_open_this_one(
    api_for, member, outsider, trip, shared_photo
):
    from tests.factories import TripFactory

    other = TripFactory(owner=outsider)

    url = asset_url(shared_photo, other.pk, "preview")
    assert api_for(member).get(url).status_code == 404


def test_a_malformed_asset_id_is_refused_before_anything_is_fetched(
    api_for, owner, shared_photo, library
):
    url = f"/api/integrations/memories/immich/assets/0/not-a-uuid/{owner.pk}/original"

    assert api_for(owner).get(url).status_code == 400
    assert library("immich", owner).opened == []


def test_a_cached_thumbnail_does_not_contact_the_provider_again(
    api_for, owner, member, shared_photo, library
):
    server = library("immich", owner)
    first = api_for(member).get(f"/api/photos/{shared_photo.pk}/thumbnail")
    server.down = True
    again = api_for(owner).get(f"/api/photos/{shared_photo.pk}/thumbnail")

    assert again.status_code == 200
    assert again.content == first.content == b"x" * 300_000
    assert server.opened == [(shared_photo.asset_id, "thumbnail")]
    assert again["Cache-Control"].startswith("private")
    revalidated = api_for(owner).get(
        f"/api/photos/{shared_photo.pk}/thumbnail", HTTP_IF_NONE_MATCH=again["ETag"]
    )
    assert revalidated.status_code == 304


def test_the_thumbnail_cache_is_kept_per_owner(
    api_for, owner, member, trip, shared_photo, library
):
    """Two owners with the same asset id never see each other's thumbnail."""
    library("immich", member).add(shared_photo.asset_id, body=b"member's own bytes")
    mine = Photo.objects.create(
        provider="immich", asset_id=shared_photo.asset_id, owner=member
    )
    TripPhoto.objects.create(trip=trip, photo=mine, added_by=member)

    owners = api_for(owner).get(f"/api/photos/{shared_photo.pk}/thumbnail")
    members = api_for(owner).get(f"/api/photos/{mine.pk}/thumbnail")

    assert owners.content == b"x" * 300_000
    assert members.content == b"member's own bytes"


def test_info_answers_without_secrets(api_for, member, shared_photo):
    response = api_for(member).get(f"/api/photos/{shared_photo.pk}/info")

    assert response.json()["file_name"] == "IMG_0001.jpg"
    assert "upstream-secret" not in response.content.decode()


def test_a_local_upload_streams_with_range(api_for, owner, trip, settings, enable):
    enable("immich")
    (settings.MEDIA_ROOT / "journey").mkdir(parents=True)
    (settings.MEDIA_ROOT / "journey" / "clip.mp4").write_bytes(bytes(range(200)))
    photo = Photo.objects.create(
        provider="local", owner=owner, file_path="journey/clip.mp4", media_type="video"
    )

    response = api_for(owner).get(
        f"/api/photos/{photo.pk}/video", HTTP_RANGE="bytes=10-19"
    )

    assert response.status_code == 206
    assert b"".join(response.streaming_content) == bytes(range(10, 20))
    assert response["Content-Range"] == "bytes 10-19/200"


def test_a_local_path_cannot_escape_the_upload_folder(api_for, owner, enable):
    enable("immich")
    photo = Photo.objects.create(
        provider="local", owner=owner, file_path="../../etc/passwd"
    )

    assert api_for(owner).get(f"/api/photos/{photo.pk}/original").status_code == 404


def test_image_ids_other_than_the_picked_one_stay_closed(
    api_for, member, trip, shared_photo
):
    other = IMMICH_IDS[5]
    owner_id = shared_photo.owner_id
    url = f"/api/integrations/memories/immich/assets/{trip.pk}/{other}/{owner_id}"
    url += "/original"

    assert api_for(member).get(url).status_code == 404
