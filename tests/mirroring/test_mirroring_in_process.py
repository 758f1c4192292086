"""Mirroring uploads to the uploader's Immich, tasks run in-process (no Redis)."""

from datetime import UTC, datetime

import pytest

from photos import mirroring
from photos.models import MirrorStatus, Photo
from photos.tasks import mirror_photo_to_immich
from tests.journeys.images import image_bytes
from tests.mirroring.helpers import assets_with, upload_photo, upload_requests

# Tasks run eagerly here: tests/conftest.py sees to it, even with REDIS_URL set.


@pytest.fixture
def mirrored_upload(api_for, owner, entry, django_capture_on_commit_callbacks):
    def upload(content=None):
        with django_capture_on_commit_callbacks(execute=True):
            shown = upload_photo(api_for(owner), entry, content)
        return Photo.objects.get(pk=shown["photo_id"])

    return upload


def test_an_upload_arrives_in_immich_exactly_once(
    fake_immich, connect_immich, mirrored_upload, api_for, owner
):
    connect_immich(fake_immich)
    content = image_bytes(taken=datetime(2024, 6, 3, 18, 45), offset="+01:00")

    photo = mirrored_upload(content)

    assert photo.mirror_status == MirrorStatus.MIRRORED
    assert photo.mirror_error == ""
    [asset] = assets_with(fake_immich, content)
    assert photo.mirrored_asset_id == asset.id
    assert asset.data == content
    # Filed on the day it was taken, not the day it was uploaded.
    assert asset.local_time.astimezone(UTC) == datetime(2024, 6, 3, 17, 45, tzinfo=UTC)
    # The local copy stays and is still what we serve.
    assert photo.provider == "local"
    assert api_for(owner).get(f"/api/photos/{photo.pk}/original").status_code == 200


def test_the_upload_names_the_photo_with_its_own_device_asset_id(
    fake_immich, connect_immich, mirrored_upload
):
    connect_immich(fake_immich)
    photo = mirrored_upload(image_bytes())

    [(request, _)] = upload_requests(fake_immich)
    assert request.form["deviceAssetId"] == f"trek-photo-{photo.pk}"
    assert photo.device_asset_id == f"trek-photo-{photo.pk}"


def test_a_redelivered_task_sends_nothing_more(
    fake_immich, connect_immich, mirrored_upload
):
    connect_immich(fake_immich)
    content = image_bytes()
    photo = mirrored_upload(content)

    mirror_photo_to_immich.delay(photo.pk)

    assert len(upload_requests(fake_immich)) == 1
    assert len(assets_with(fake_immich, content)) == 1
    photo.refresh_from_db()
    assert photo.mirror_status == MirrorStatus.MIRRORED


def test_a_file_immich_already_has_is_linked_as_a_duplicate(
    fake_immich, connect_immich, mirrored_upload
):
    connect_immich(fake_immich)
    content = image_bytes(color=(9, 9, 9))
    first = mirrored_upload(content)

    second = mirrored_upload(content)

    assert second.mirror_status == MirrorStatus.DUPLICATE
    assert second.mirrored_asset_id == first.mirrored_asset_id
    assert len(assets_with(fake_immich, content)) == 1
    # The checksum header let Immich answer before the file travelled.
    request, response = upload_requests(fake_immich)[-1]
    assert response.status_code == 200
    assert request.headers["x-immich-checksum"]


def test_a_rejected_key_fails_at_once_with_the_reason(
    fake_immich, connect_immich, mirrored_upload, quick_retries
):
    connect_immich(fake_immich, api_key="not-a-key-immich-knows")
    assets_before = len(fake_immich.assets)

    photo = mirrored_upload()

    assert photo.mirror_status == MirrorStatus.FAILED
    assert "rejected the API key" in photo.mirror_error
    assert photo.mirror_attempts == 1
    assert len(upload_requests(fake_immich)) == 1
    assert len(fake_immich.assets) == assets_before


def test_a_key_without_upload_permission_fails_naming_it(
    fake_immich, connect_immich, mirrored_upload, quick_retries
):
    connect_immich(fake_immich, api_key=fake_immich.key_without("asset.upload"))

    photo = mirrored_upload()

    assert photo.mirror_status == MirrorStatus.FAILED
    assert "asset.upload" in photo.mirror_error
    assert len(upload_requests(fake_immich)) == 1


def test_a_server_error_is_retried_and_the_photo_then_arrives_once(
    fake_immich, connect_immich, mirrored_upload, quick_retries, monkeypatch
):
    connect_immich(fake_immich)
    fake_immich.mode = "error500"
    answer = fake_immich._answer

    def recover_after_two_failures(request):
        response = answer(request)
        failures = [r for _, r in fake_immich.exchanges if r.status_code == 500]
        if len(failures) + 1 >= 2:
            fake_immich.mode = "normal"
        return response

    monkeypatch.setattr(fake_immich, "_answer", recover_after_two_failures)
    content = image_bytes(color=(1, 50, 90))

    photo = mirrored_upload(content)

    assert photo.mirror_status == MirrorStatus.MIRRORED
    assert photo.mirror_attempts == 3
    assert len(assets_with(fake_immich, content)) == 1


def test_an_unreachable_server_is_retried_up_to_the_limit_then_failed(
    fake_immich,
    connect_immich,
    mirrored_upload,
    quick_retries,
    api_for,
    owner,
    django_capture_on_commit_callbacks,
):
    connect_immich(fake_immich)
    port = fake_immich.port
    fake_immich.stop()
    content = image_bytes(color=(200, 1, 1))

    photo = mirrored_upload(content)

    assert photo.mirror_status == MirrorStatus.FAILED
    assert photo.mirror_attempts == 4  # the first try and three retries
    assert photo.mirror_error

    fake_immich.start(port)
    journey_photo = photo.journey_photos.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = api_for(owner).post(
            f"/api/journeys/photos/{journey_photo.pk}/mirror/retry"
        )
    assert response.status_code == 202
    assert response.json()["mirror_status"] == "queued"
    photo.refresh_from_db()
    assert photo.mirror_status == MirrorStatus.MIRRORED
    assert len(assets_with(fake_immich, content)) == 1


def test_nothing_is_sent_when_mirroring_is_off(
    fake_immich, connect_immich, mirrored_upload
):
    connect_immich(fake_immich, mirror_uploads=False)

    photo = mirrored_upload()

    assert photo.mirror_status == MirrorStatus.NONE
    assert upload_requests(fake_immich) == []


def test_nothing_is_sent_when_the_immich_provider_is_off(
    fake_immich, connect_immich, mirrored_upload, admin_user
):
    from addons.models import PhotoProvider

    connect_immich(fake_immich)
    PhotoProvider.objects.filter(pk="immich").update(enabled=False)

    photo = mirrored_upload()

    assert photo.mirror_status == MirrorStatus.NONE
    assert upload_requests(fake_immich) == []


def test_only_one_task_holds_a_photo_at_a_time(owner, settings):
    photo = Photo.objects.create(
        provider="local", owner=owner, mirror_status=MirrorStatus.QUEUED
    )

    assert mirroring.claim(photo.pk, "task-a")
    assert not mirroring.claim(photo.pk, "task-b")
    # The same message, re-delivered after its worker died, takes it back.
    assert mirroring.claim(photo.pk, "task-a")

    settings.MIRROR_CLAIM_SECONDS = -1  # every claim is stale now
    assert mirroring.claim(photo.pk, "task-b")


def test_only_failed_mirrors_can_be_retried(
    fake_immich, connect_immich, mirrored_upload, api_for, owner, editor
):
    connect_immich(fake_immich)
    photo = mirrored_upload()
    journey_photo = photo.journey_photos.get()
    url = f"/api/journeys/photos/{journey_photo.pk}/mirror/retry"

    assert api_for(owner).post(url).status_code == 400
    Photo.objects.filter(pk=photo.pk).update(mirror_status=MirrorStatus.FAILED)
    assert api_for(editor).post(url).status_code == 403  # not the uploader


def test_the_journey_page_shows_a_failure_and_offers_a_retry(
    fake_immich, connect_immich, mirrored_upload, web_for, owner, journey
):
    connect_immich(fake_immich, api_key="not-a-key-immich-knows")
    mirrored_upload()

    page = web_for(owner).get(f"/journeys/{journey.pk}/").content.decode()

    assert "Mirror failed" in page
    assert "rejected the API key" in page
    assert "mirror/retry/" in page
