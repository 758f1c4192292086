"""Adding provider photos to a journey, and editing gallery photos."""

import pytest

from photos.models import Photo
from trek.journeys.models import JourneyPhoto

ASSET_A = "0f8fad5b-d9cb-469f-a165-70867728950e"
ASSET_B = "7c9e6679-7425-40de-944b-e07fc1f90ae7"


@pytest.fixture
def immich_on(enable):
    enable("journey", "immich")


def test_an_editor_adds_several_assets_to_an_entry_as_references(
    api_for, immich_on, entry, editor
):
    response = api_for(editor).post(
        f"/api/journeys/entries/{entry.pk}/provider-photos",
        {"provider": "immich", "asset_ids": [ASSET_A, ASSET_B, ASSET_A]},
        format="json",
    )

    assert response.status_code == 201
    assert response.json()["added"] == 2
    photos = Photo.objects.filter(owner=editor, provider="immich")
    assert sorted(p.asset_id for p in photos) == sorted([ASSET_A, ASSET_B])
    assert entry.entry_photos.count() == 2
    shown = response.json()["photos"][0]
    assert shown["thumbnail_url"] == f"/api/photos/{shown['photo_id']}/thumbnail"


def test_a_single_asset_goes_into_the_gallery_only(api_for, immich_on, journey, owner):
    response = api_for(owner).post(
        f"/api/journeys/{journey.pk}/gallery/provider-photos",
        {"provider": "immich", "asset_id": ASSET_A, "media_type": "video"},
        format="json",
    )

    assert response.status_code == 201
    journey_photo = JourneyPhoto.objects.get(journey=journey)
    assert journey_photo.photo.media_type == "video"
    assert not journey_photo.entry_links.exists()


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({"provider": "immich", "asset_ids": ["../../etc/passwd"]}, "Invalid asset id"),
        ({"provider": "synologyphotos", "asset_ids": ["1_2"]}, "is not enabled"),
        ({"provider": "flickr", "asset_ids": ["1"]}, "is not supported"),
        ({"provider": "immich", "asset_ids": []}, "asset_id required"),
    ],
)
def test_bad_picks_are_refused_before_anything_is_stored(
    api_for, immich_on, entry, owner, payload, message
):
    response = api_for(owner).post(
        f"/api/journeys/entries/{entry.pk}/provider-photos", payload, format="json"
    )

    assert response.status_code == 400
    assert message in response.json()["error"]
    assert not Photo.objects.exists()


def test_caption_and_order_can_be_changed(api_for, immich_on, entry, editor):
    added = api_for(editor).post(
        f"/api/journeys/entries/{entry.pk}/provider-photos",
        {"provider": "immich", "asset_ids": [ASSET_A]},
        format="json",
    )
    journey_photo_id = added.json()["photos"][0]["id"]

    response = api_for(editor).patch(
        f"/api/journeys/photos/{journey_photo_id}",
        {"caption": "Alfama at dusk", "sort_order": 7},
        format="json",
    )

    assert response.status_code == 200
    assert response.json()["caption"] == "Alfama at dusk"
    assert response.json()["sort_order"] == 7


def test_removing_a_gallery_photo_drops_the_orphaned_reference(
    api_for, immich_on, entry, owner
):
    added = api_for(owner).post(
        f"/api/journeys/entries/{entry.pk}/provider-photos",
        {"provider": "immich", "asset_ids": [ASSET_A]},
        format="json",
    )
    journey_photo_id = added.json()["photos"][0]["id"]

    response = api_for(owner).delete(f"/api/journeys/photos/{journey_photo_id}")

    assert response.status_code == 200
    assert response.json() == {"success": True}
    assert not Photo.objects.exists()
    assert not entry.entry_photos.exists()


def test_removing_an_upload_deletes_its_files(
    api_for, journey_on, entry, owner, settings, django_capture_on_commit_callbacks
):
    from pathlib import Path

    from tests.journeys.images import image_bytes, upload

    added = api_for(owner).post(
        f"/api/journeys/entries/{entry.pk}/photos",
        {"photos": [upload("a.jpg", image_bytes())]},
        format="multipart",
    )
    shown = added.json()["photos"][0]
    photo = Photo.objects.get(pk=shown["photo_id"])
    original = Path(settings.MEDIA_ROOT) / photo.file_path

    assert original.exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = api_for(owner).delete(
            f"/api/journeys/{entry.journey_id}/gallery/{shown['id']}"
        )

    assert response.status_code == 204
    assert not Photo.objects.filter(pk=photo.pk).exists()
    assert not original.exists()
    assert not (Path(settings.MEDIA_ROOT) / photo.thumbnail_path).exists()
