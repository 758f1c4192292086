"""Uploading photos into a journey entry."""

from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.conf import settings
from PIL import Image

from photos.models import Photo
from tests.journeys.images import image_bytes, upload
from trek.journeys.models import JourneyPhoto


def post_files(client, entry, *files, **extra):
    return client.post(
        f"/api/journeys/entries/{entry.pk}/photos",
        {"photos": list(files), **extra},
        format="multipart",
    )


def test_an_editor_uploads_several_photos_at_once(api_for, journey_on, entry, editor):
    response = post_files(
        api_for(editor),
        entry,
        upload("a.jpg", image_bytes("JPEG")),
        upload("b.png", image_bytes("PNG"), "image/png"),
        upload("c.webp", image_bytes("WEBP"), "image/webp"),
        upload("d.gif", image_bytes("GIF"), "image/gif"),
        caption="Tram 28",
    )

    assert response.status_code == 201, response.json()
    body = response.json()
    assert len(body["photos"]) == 4 and body["rejected"] == []
    assert {p["caption"] for p in body["photos"]} == {"Tram 28"}
    assert entry.entry_photos.count() == 4
    stored = Photo.objects.filter(owner=editor, provider="local")
    assert sorted(Path(p.file_path).suffix for p in stored) == [
        ".gif",
        ".jpg",
        ".png",
        ".webp",
    ]


def test_the_users_file_name_never_reaches_the_disk(api_for, journey_on, entry, owner):
    post_files(api_for(owner), entry, upload("../../secret name.jpg", image_bytes()))

    photo = Photo.objects.get(owner=owner)
    assert "secret" not in photo.file_path and ".." not in photo.file_path
    assert photo.file_path.startswith("journey/")
    assert (Path(settings.MEDIA_ROOT) / photo.file_path).read_bytes()[:2] == b"\xff\xd8"


def test_the_original_is_kept_byte_for_byte(api_for, journey_on, entry, owner):
    original = image_bytes("PNG")
    post_files(api_for(owner), entry, upload("x.png", original, "image/png"))

    photo = Photo.objects.get(owner=owner)
    assert (Path(settings.MEDIA_ROOT) / photo.file_path).read_bytes() == original


def test_taken_at_and_place_come_from_exif(api_for, journey_on, entry, owner):
    content = image_bytes(
        taken=datetime(2024, 6, 3, 14, 5, 9), offset="+01:00", gps=(38.7223, -9.1393)
    )
    response = post_files(api_for(owner), entry, upload("tram.jpg", content))

    shown = response.json()["photos"][0]
    assert shown["taken_at"] == "2024-06-03T13:05:09Z"
    assert shown["latitude"] == pytest.approx(38.7223, abs=1e-4)
    assert shown["longitude"] == pytest.approx(-9.1393, abs=1e-4)
    photo = Photo.objects.get(owner=owner)
    assert photo.taken_at == datetime(2024, 6, 3, 13, 5, 9, tzinfo=UTC)
    assert (photo.width, photo.height) == (64, 48)


def test_heic_photos_are_accepted_and_previewed_as_jpeg(
    api_for, journey_on, entry, owner
):
    content = image_bytes("HEIF", taken=datetime(2024, 6, 4, 9, 30), offset="+00:00")
    response = post_files(api_for(owner), entry, upload("IMG_1.HEIC", content, ""))

    assert response.status_code == 201, response.json()
    photo = Photo.objects.get(owner=owner)
    assert photo.file_path.endswith(".heic")
    assert photo.taken_at == datetime(2024, 6, 4, 9, 30, tzinfo=UTC)
    root = Path(settings.MEDIA_ROOT)
    with Image.open(root / photo.thumbnail_path) as thumbnail:
        assert thumbnail.format == "JPEG"
    preview = root / "journey" / "previews" / f"{Path(photo.file_path).stem}.jpg"
    with Image.open(preview) as rendition:
        assert rendition.format == "JPEG"

    shown = api_for(owner).get(f"/api/photos/{photo.pk}/preview")
    assert shown.status_code == 200
    assert shown["Content-Type"] == "image/jpeg"
    assert b"".join(shown.streaming_content) == preview.read_bytes()


def test_a_disguised_file_is_refused_while_the_others_go_through(
    api_for, journey_on, entry, owner
):
    response = post_files(
        api_for(owner),
        entry,
        upload("holiday.jpg", b"%PDF-1.7 not an image at all", "image/jpeg"),
        upload("fine.jpg", image_bytes()),
    )

    assert response.status_code == 201
    body = response.json()
    assert len(body["photos"]) == 1
    assert body["rejected"] == [
        {"file_name": "holiday.jpg", "error": "Only image files are allowed."}
    ]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("notes.jpg", b"just some text", "Only image files are allowed."),
        ("cut.jpg", image_bytes(size=(400, 300))[:300], "damaged or incomplete"),
        ("doc.png", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "Only image files"),
        ("scan.tiff", None, "TIFF are not allowed"),
    ],
)
def test_files_that_are_not_accepted_images_are_refused(
    api_for, journey_on, entry, owner, name, content, reason
):
    if content is None:
        content = image_bytes("TIFF")
    response = post_files(api_for(owner), entry, upload(name, content))

    assert response.status_code == 400
    assert reason in response.json()["rejected"][0]["error"]
    assert not Photo.objects.exists()


def test_files_over_the_size_limit_are_refused(
    api_for, journey_on, entry, owner, settings
):
    settings.UPLOAD_MAX_BYTES = 1000
    big = image_bytes("PNG", size=(300, 300), color=(1, 2, 3)) + b"\0" * 2000
    response = post_files(
        api_for(owner),
        entry,
        upload("big.png", big, "image/png"),
        upload("ok.gif", image_bytes("GIF", size=(8, 8)), "image/gif"),
    )

    assert response.status_code == 201
    assert response.json()["rejected"] == [
        {"file_name": "big.png", "error": "The file is larger than 1000\xa0bytes."}
    ]


def test_decompression_bombs_are_refused(
    api_for, journey_on, entry, owner, monkeypatch
):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    response = post_files(
        api_for(owner),
        entry,
        upload("bomb.png", image_bytes("PNG", size=(100, 100)), "image/png"),
    )

    assert response.status_code == 400
    assert response.json()["rejected"][0]["error"] == "The image has too many pixels."


def test_an_upload_without_files_is_a_bad_request(api_for, journey_on, entry, owner):
    response = api_for(owner).post(
        f"/api/journeys/entries/{entry.pk}/photos", {}, format="multipart"
    )
    assert response.status_code == 400
    assert response.json()["error"] == "No files uploaded."


def test_uploads_stream_through_the_photo_routes(
    api_for, journey_on, entry, owner, viewer, outsider
):
    response = post_files(api_for(owner), entry, upload("a.jpg", image_bytes()))
    shown = response.json()["photos"][0]

    for kind in ("thumbnail", "original"):
        answer = api_for(viewer).get(f"/api/photos/{shown['photo_id']}/{kind}")
        assert answer.status_code == 200, kind
        assert answer["Content-Type"] == "image/jpeg"
        assert "public" not in answer["Cache-Control"]
    assert shown["thumbnail_url"] == f"/api/photos/{shown['photo_id']}/thumbnail"
    refused = api_for(outsider).get(f"/api/photos/{shown['photo_id']}/thumbnail")
    assert refused.status_code == 404


def test_a_contributor_of_any_journey_holding_the_photo_may_see_it(
    api_for, journey_on, entry, owner, outsider
):
    from trek.journeys.models import Journey, JourneyContributor

    response = post_files(api_for(owner), entry, upload("a.jpg", image_bytes()))
    photo = Photo.objects.get(pk=response.json()["photos"][0]["photo_id"])
    # Two more journeys hold the photo; the outsider contributes to the last one.
    for title in ("First", "Second"):
        other = Journey.objects.create(owner=owner, title=title)
        JourneyPhoto.objects.create(journey=other, photo=photo)
    JourneyContributor.objects.create(journey=other, user=outsider, role="viewer")

    answer = api_for(outsider).get(f"/api/photos/{photo.pk}/thumbnail")
    assert answer.status_code == 200


def test_the_journey_page_shows_the_time_on_the_clock_where_it_was_taken(
    api_for, web_for, journey_on, journey, entry, owner
):
    content = image_bytes(taken=datetime(2024, 6, 1, 8, 15), offset="+12:00")
    post_files(api_for(owner), entry, upload("auckland.jpg", content))

    photo = Photo.objects.get(owner=owner)
    assert photo.taken_at == datetime(2024, 5, 31, 20, 15, tzinfo=UTC)
    assert photo.taken_at_utc_offset == 12 * 60
    page = web_for(owner).get(f"/journeys/{journey.pk}/").content.decode()
    assert "1 Jun 2024 08:15" in page
