"""The streaming proxy against an in-memory provider: headers, Range, 304, closing."""

import io

import pytest
from PIL import Image

from photos.models import Photo, TripPhoto
from tests.photos.fake_provider import IMMICH_IDS


def body_of(response) -> bytes:
    return b"".join(response.streaming_content)


def test_owner_downloads_the_original_as_a_private_attachment(
    api_for, owner, shared_photo, library
):
    response = api_for(owner).get(f"/api/photos/{shared_photo.pk}/original")

    assert response.status_code == 200
    assert body_of(response) == b"x" * 300_000
    assert response["Content-Type"] == "image/jpeg"
    assert response["Cache-Control"].startswith("private, max-age=")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert library("immich", owner).closed == 1


def test_upstream_cookies_and_server_banner_are_not_relayed(
    api_for, member, shared_photo
):
    response = api_for(member).get(f"/api/photos/{shared_photo.pk}/preview")
    body_of(response)

    assert response.status_code == 200
    assert "Set-Cookie" not in response
    assert "Server" not in response
    assert "Content-Disposition" not in response


def test_a_range_request_gets_206_with_exactly_those_bytes(
    api_for, member, owner, trip, library, enable
):
    enable("immich")
    video = bytes(range(256)) * 4000
    library("immich", owner).add(IMMICH_IDS[1], body=video, content_type="video/mp4")
    photo = Photo.objects.create(
        provider="immich", asset_id=IMMICH_IDS[1], owner=owner, media_type="video"
    )
    TripPhoto.objects.create(trip=trip, photo=photo, added_by=owner)

    response = api_for(member).get(
        f"/api/photos/{photo.pk}/video", HTTP_RANGE="bytes=1000-1999"
    )

    assert response.status_code == 206
    assert body_of(response) == video[1000:2000]
    assert response["Content-Range"] == f"bytes 1000-1999/{len(video)}"
    assert response["Accept-Ranges"] == "bytes"


def test_a_matching_etag_gets_304_and_the_upstream_is_closed(
    api_for, member, owner, shared_photo, library
):
    first = api_for(member).get(f"/api/photos/{shared_photo.pk}/preview")
    body_of(first)

    again = api_for(member).get(
        f"/api/photos/{shared_photo.pk}/preview", HTTP_IF_NONE_MATCH=first["ETag"]
    )

    assert again.status_code == 304
    assert again.content == b""
    assert again["Cache-Control"].startswith("private")
    assert library("immich", owner).closed == 2


def test_a_browser_leaving_mid_stream_closes_the_upstream(
    api_for, member, owner, shared_photo, library
):
    response = api_for(member).get(f"/api/photos/{shared_photo.pk}/original")
    next(iter(response.streaming_content))  # the browser reads one chunk, then goes

    assert library("immich", owner).closed == 0
    response.close()

    assert library("immich", owner).closed == 1


def test_an_upstream_that_sends_html_is_refused_with_502(
    api_for, member, owner, trip, library, enable
):
    enable("immich")
    library("immich", owner).add(IMMICH_IDS[2], b"<html>", content_type="text/html")
    photo = Photo.objects.create(provider="immich", asset_id=IMMICH_IDS[2], owner=owner)
    TripPhoto.objects.create(trip=trip, photo=photo, added_by=owner)

    response = api_for(member).get(f"/api/photos/{photo.pk}/original")

    assert response.status_code == 502
    assert response.json()["code"] == "photos.not_media"
    assert response["Cache-Control"] == "no-store"
    assert library("immich", owner).closed == 1


def test_a_heic_preview_is_converted_to_jpeg(
    api_for, member, owner, trip, library, enable
):
    pillow_heif = pytest.importorskip("pillow_heif")
    enable("immich")
    heic = io.BytesIO()
    try:
        pillow_heif.from_pillow(Image.new("RGB", (32, 24), "red")).save(heic)
    except Exception:  # this build of libheif cannot encode
        pytest.skip("HEIC encoding is not available")
    library("immich", owner).add(IMMICH_IDS[3], heic.getvalue(), "image/heic")
    photo = Photo.objects.create(provider="immich", asset_id=IMMICH_IDS[3], owner=owner)
    TripPhoto.objects.create(trip=trip, photo=photo, added_by=owner)

    response = api_for(member).get(f"/api/photos/{photo.pk}/preview")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert Image.open(io.BytesIO(response.content)).size == (32, 24)


@pytest.mark.parametrize("path", ["/api/photos/{id}/negative", "/api/photos/{id}/x"])
def test_an_unknown_kind_is_a_400(api_for, owner, shared_photo, path):
    response = api_for(owner).get(path.format(id=shared_photo.pk))

    assert response.status_code == 400
    assert response["Cache-Control"] == "no-store"


def test_an_unknown_size_is_a_400(api_for, owner, shared_photo):
    url = f"/api/photos/{shared_photo.pk}/thumbnail?size=huge"

    assert api_for(owner).get(url).status_code == 400
    url = f"/api/photos/{shared_photo.pk}/original?size=sm"
    assert api_for(owner).get(url).status_code == 400


def test_an_image_accept_header_still_streams(web_for, member, shared_photo):
    response = web_for(member).get(
        f"/api/photos/{shared_photo.pk}/preview", HTTP_ACCEPT="image/avif,image/*"
    )

    assert response.status_code == 200
