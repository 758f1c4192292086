"""The client's behaviour, the same against every imitated Immich version."""

import io
from datetime import date, datetime

import pytest

from integrations.providers.base import AssetNotFoundError, InvalidInputError
from tests.fakes.immich.library import photo_bytes, zone
from tests.fakes.immich.seed import (
    ALBUM_LISBON,
    ALBUM_PRIVATE,
    ALBUM_SAMS_AZORES,
    ARCHIVED_ID,
    HIDDEN_ID,
    PHOTO_IDS,
    SAM_PHOTO_ID,
    VIDEO_ID,
)

TRIP = {"date_from": date(2024, 6, 1), "date_to": date(2024, 6, 7)}


def names(page):
    return sorted(asset.file_name for asset in page.items)


def test_search_finds_the_trip_by_local_dates_in_every_time_zone(
    fake_immich_any_version, client_for
):
    client = client_for(fake_immich_any_version)

    page = client.search(**TRIP, page=1, size=50)

    assert names(page) == [
        "honolulu_last_night.jpg",  # 23:30 on the last day at UTC-10
        "kiritimati_first_morning.webp",  # 00:30 on the first day at UTC+14
        "lisbon_midday.jpg",
        "porto_tram.mp4",
        "tokyo_morning.webp",
    ]
    assert not page.has_more


def test_search_leaves_out_a_photo_taken_after_midnight_local_time(
    fake_immich_any_version, client_for
):
    # 00:30 on 8 June in Lisbon is still 7 June in UTC.
    page = client_for(fake_immich_any_version).search(**TRIP, page=1, size=50)

    ids = {asset.id for asset in page.items}
    assert PHOTO_IDS["lisbon_day_after"] not in ids
    assert HIDDEN_ID not in ids and ARCHIVED_ID not in ids


def test_search_maps_places_and_media_types(fake_immich_any_version, client_for):
    page = client_for(fake_immich_any_version).search(**TRIP, page=1, size=50)

    by_name = {asset.file_name: asset for asset in page.items}
    assert by_name["tokyo_morning.webp"].city == "Tokyo"
    assert by_name["tokyo_morning.webp"].country == "Japan"
    assert by_name["porto_tram.mp4"].media_type == "video"
    assert by_name["lisbon_midday.jpg"].taken_at == datetime(
        2024, 6, 3, 11, 0, tzinfo=zone(0)
    )


def test_assets_carry_the_offset_of_the_place_they_were_taken(
    fake_immich_any_version, client_for
):
    client = client_for(fake_immich_any_version)
    page = client.search(**TRIP, page=1, size=50)
    honolulu = PHOTO_IDS["honolulu_last_night"]

    taken = {asset.id: asset.taken_at for asset in page.items}[honolulu]
    info = client.asset_info(honolulu).taken_at

    for moment in (taken, info):
        assert moment == datetime(2024, 6, 8, 9, 30, tzinfo=zone(0))
        assert moment.utcoffset() == zone(-10).utcoffset(None)
        assert (moment.date(), moment.hour, moment.minute) == (date(2024, 6, 7), 23, 30)


def test_search_pages_through_results(fake_immich_any_version, client_for):
    client = client_for(fake_immich_any_version)

    first = client.search(**TRIP, page=1, size=2)
    later = [client.search(**TRIP, page=n, size=2) for n in (2, 3, 4)]

    assert first.has_more and first.next_page == 2
    assert not later[-1].has_more
    seen = [a.id for a in first.items] + [a.id for p in later for a in p.items]
    assert len(seen) == len(set(seen)) == 5


def test_albums_lists_owned_and_shared_albums_once(fake_immich_any_version, client_for):
    albums = client_for(fake_immich_any_version).albums()

    by_id = {album.id: album for album in albums}
    assert sorted(by_id) == sorted([ALBUM_LISBON, ALBUM_PRIVATE, ALBUM_SAMS_AZORES])
    assert len(albums) == 3
    assert by_id[ALBUM_LISBON].shared and by_id[ALBUM_SAMS_AZORES].shared
    assert not by_id[ALBUM_PRIVATE].shared
    assert by_id[ALBUM_LISBON].asset_count == 3
    assert by_id[ALBUM_PRIVATE].cover_asset_id == PHOTO_IDS["tokyo_morning"]
    assert by_id[ALBUM_LISBON].start_date is not None


def test_album_assets_lists_the_album_contents(fake_immich_any_version, client_for):
    page = client_for(fake_immich_any_version).album_assets(
        ALBUM_LISBON, page=1, size=10
    )

    assert names(page) == [
        "lisbon_day_after.jpg",
        "lisbon_midday.jpg",
        "porto_tram.mp4",
    ]


def test_album_assets_include_a_shared_album_of_someone_else(
    fake_immich_any_version, client_for
):
    fake = fake_immich_any_version
    page = client_for(fake).album_assets(ALBUM_SAMS_AZORES, page=1, size=10)

    if fake.version < (3, 0, 0) and fake.version >= (1, 135, 0) and not page.items:
        pytest.fail("album detail should carry other members' assets on 2.x")
    assert [asset.id for asset in page.items] == [SAM_PHOTO_ID]


def test_asset_info_maps_camera_and_place(fake_immich_any_version, client_for):
    info = client_for(fake_immich_any_version).asset_info(PHOTO_IDS["tokyo_morning"])

    assert info.camera_make == "FakeCam"
    assert info.city == "Tokyo" and info.latitude == pytest.approx(35.68)
    assert info.file_name == "tokyo_morning.webp"


def test_asset_info_of_an_unknown_asset_is_not_found(
    fake_immich_any_version, client_for
):
    with pytest.raises(AssetNotFoundError) as caught:
        client_for(fake_immich_any_version).asset_info(
            "5f0e7a7c-2b1d-4c3e-9f00-1a2b3c4d5e6f"
        )

    assert caught.value.code == "immich.not_found"


@pytest.mark.parametrize("bad_id", ["../users/me", "not-a-uuid", "", "1" * 36])
def test_ids_are_checked_before_any_request(fake_immich, client_for, bad_id):
    client = client_for(fake_immich)
    before = len(fake_immich.exchanges)

    with pytest.raises(InvalidInputError):
        client.asset_info(bad_id)
    with pytest.raises(InvalidInputError):
        client.open_stream(bad_id, "thumbnail")

    assert len(fake_immich.exchanges) == before


def read(stream):
    with stream:
        return stream.status, stream.headers, b"".join(stream.chunks)


def test_thumbnail_and_preview_are_web_images(fake_immich_any_version, client_for):
    client = client_for(fake_immich_any_version)
    asset_id = PHOTO_IDS["lisbon_midday"]

    _, thumb_headers, thumb = read(client.open_stream(asset_id, "thumbnail"))
    _, preview_headers, preview = read(client.open_stream(asset_id, "preview"))

    assert thumb_headers["Content-Type"] == "image/webp" and thumb[:4] == b"RIFF"
    assert (
        preview_headers["Content-Type"] == "image/jpeg" and preview[:2] == b"\xff\xd8"
    )


def test_original_is_the_real_file(fake_immich_any_version, client_for):
    fake = fake_immich_any_version
    asset_id = PHOTO_IDS["kiritimati_first_morning"]

    status, headers, body = read(client_for(fake).open_stream(asset_id, "original"))

    assert status == 200 and headers["Content-Type"] == "image/webp"
    assert body == fake.assets[asset_id].data


def test_video_playback_honours_range(fake_immich_any_version, client_for):
    fake = fake_immich_any_version

    status, headers, body = read(
        client_for(fake).open_stream(VIDEO_ID, "video", range_header="bytes=100-199")
    )

    assert status == 206
    assert headers["Content-Range"].startswith("bytes 100-199/")
    assert body == fake.assets[VIDEO_ID].data[100:200]


def test_an_unchanged_image_answers_304(fake_immich_any_version, client_for):
    client = client_for(fake_immich_any_version)
    asset_id = PHOTO_IDS["tokyo_morning"]
    _, headers, _ = read(client.open_stream(asset_id, "thumbnail"))

    status, _, body = read(
        client.open_stream(asset_id, "thumbnail", etag=headers["ETag"])
    )

    assert status == 304 and body == b""


def test_unknown_stream_kind_is_refused(fake_immich, client_for):
    with pytest.raises(InvalidInputError):
        client_for(fake_immich).open_stream(PHOTO_IDS["tokyo_morning"], "raw")


def test_upload_files_a_photo_on_the_day_it_was_taken_and_spots_duplicates(
    fake_immich_any_version, client_for
):
    fake = fake_immich_any_version
    client = client_for(fake, mirror_uploads=True)
    taken = datetime(2024, 6, 6, 21, 15, tzinfo=zone(-7))
    data = photo_bytes(taken, color=(10, 200, 30))

    created = client.upload(io.BytesIO(data), file_name="canyon.jpg", taken_at=taken)
    again = client.upload(io.BytesIO(data), file_name="copy.jpg", taken_at=taken)

    assert not created.duplicate
    stored = fake.assets[created.asset_id]
    assert stored.data == data
    assert stored.taken_utc == taken
    assert again.duplicate and again.asset_id == created.asset_id


def test_version_is_detected_once_and_reused(fake_immich, client_for):
    client = client_for(fake_immich, server_version="2.7.3")

    client.albums()
    client.search(**TRIP, page=1, size=5)

    paths = [request.path for request, _ in fake_immich.exchanges]
    assert "/api/server/version" not in paths


def test_an_id_with_a_trailing_newline_is_refused_before_any_request(
    fake_immich, client_for
):
    client = client_for(fake_immich)
    before = len(fake_immich.exchanges)

    with pytest.raises(InvalidInputError):
        client.asset_info("0c6f4bb5-8a2b-4c1d-9a7e-3f5d2b1c4e6a\n")

    assert len(fake_immich.exchanges) == before
