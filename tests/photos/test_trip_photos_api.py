"""The unified trip photos API, with in-memory providers."""

import pytest

from addons.models import PhotoProvider
from photos.models import AlbumLink, Photo, TripPhoto
from tests.photos.fake_provider import IMMICH_IDS

BASE = "/api/integrations/memories/unified/trips/{trip}"
SYNO_ID = "88455_86970_1717412302"


def url(trip, rest=""):
    return BASE.format(trip=trip.pk) + rest


def add(client, trip, provider, *asset_ids, shared=True):
    body = {"selections": [{"provider": provider, "asset_ids": list(asset_ids)}]}
    return client.post(url(trip, "/photos"), {**body, "shared": shared}, format="json")


@pytest.fixture
def both_on(enable):
    enable("immich", "synologyphotos")


def test_a_member_adds_photos_and_everyone_on_the_trip_sees_them(
    api_for, owner, member, trip, both_on
):
    response = add(api_for(member), trip, "immich", IMMICH_IDS[0], IMMICH_IDS[1])

    assert response.status_code == 200
    assert response.json() == {"success": True, "added": 2}
    listed = api_for(owner).get(url(trip, "/photos")).json()["photos"]
    assert [p["asset_id"] for p in listed] == IMMICH_IDS[:2]
    first = listed[0]
    assert first["username"] == "max"
    assert first["user_id"] == member.pk
    assert first["shared"] is True
    assert first["media_type"] == "image"
    assert {"photo_id", "provider", "added_at"} <= set(first)


def test_adding_the_same_asset_twice_adds_it_once(api_for, member, trip, both_on):
    client = api_for(member)
    first = add(client, trip, "immich", IMMICH_IDS[0], IMMICH_IDS[0])
    again = add(client, trip, "immich", IMMICH_IDS[0])

    assert first.json()["added"] == 1
    assert again.json()["added"] == 0
    assert TripPhoto.objects.count() == 1
    assert Photo.objects.count() == 1


def test_an_unshared_photo_is_seen_by_its_owner_only(
    api_for, owner, member, trip, both_on
):
    add(api_for(member), trip, "immich", IMMICH_IDS[0], shared=False)

    assert api_for(owner).get(url(trip, "/photos")).json()["photos"] == []
    mine = api_for(member).get(url(trip, "/photos")).json()["photos"]
    assert mine[0]["shared"] is False


@pytest.mark.parametrize(
    ("provider", "asset_id", "message"),
    [
        ("flickr", IMMICH_IDS[0], 'Provider: "flickr" is not supported.'),
        ("immich", "../../etc/passwd", "Invalid asset id for Immich."),
        ("synologyphotos", IMMICH_IDS[0], "Invalid asset id for Synology Photos."),
    ],
)
def test_bad_selections_are_refused_with_a_400(
    api_for, member, trip, both_on, provider, asset_id, message
):
    response = add(api_for(member), trip, provider, asset_id)

    assert response.status_code == 400
    assert response.json()["error"] == message
    assert not TripPhoto.objects.exists()


def test_adding_to_a_switched_off_provider_tells_to_ask_the_admin(
    api_for, member, trip, enable
):
    enable("immich")

    response = add(api_for(member), trip, "synologyphotos", SYNO_ID)

    assert response.status_code == 400
    assert "not enabled, contact your administrator" in response.json()["error"]


def test_a_provider_switched_off_is_hidden_and_comes_back_intact(
    api_for, owner, member, trip, both_on
):
    add(api_for(member), trip, "immich", IMMICH_IDS[0])
    add(api_for(member), trip, "synologyphotos", SYNO_ID)
    photo_id = Photo.objects.get(provider="immich").pk

    PhotoProvider.objects.filter(pk="immich").update(enabled=False)
    listed = api_for(owner).get(url(trip, "/photos")).json()["photos"]
    stream = api_for(member).get(f"/api/photos/{photo_id}/thumbnail")

    assert [p["provider"] for p in listed] == ["synologyphotos"]
    assert stream.status_code == 404
    assert TripPhoto.objects.count() == 2

    PhotoProvider.objects.filter(pk="immich").update(enabled=True)
    listed = api_for(owner).get(url(trip, "/photos")).json()["photos"]
    assert sorted(p["provider"] for p in listed) == ["immich", "synologyphotos"]


def test_with_no_provider_on_the_list_says_so(api_for, owner, trip):
    response = api_for(owner).get(url(trip, "/photos"))

    assert response.status_code == 400
    assert response.json()["error"] == "No photo providers enabled."


def test_one_provider_down_still_lists_the_others_photos_with_an_error(
    api_for, owner, member, trip, both_on, library
):
    library("immich", member)
    library("synologyphotos", member).down = True
    add(api_for(member), trip, "immich", IMMICH_IDS[0])
    add(api_for(member), trip, "synologyphotos", SYNO_ID)

    body = api_for(member).get(url(trip, "/photos")).json()

    assert len(body["photos"]) == 2
    assert list(body["errors"]) == ["synologyphotos"]
    assert "connection is lost" in body["errors"]["synologyphotos"]


def test_a_member_changes_sharing_of_their_own_photo_only(
    api_for, owner, member, trip, both_on
):
    add(api_for(member), trip, "immich", IMMICH_IDS[0])
    photo_id = Photo.objects.get().pk
    body = {"photo_id": photo_id, "shared": False}

    by_owner = api_for(owner).put(url(trip, "/photos/sharing"), body, format="json")
    by_member = api_for(member).put(url(trip, "/photos/sharing"), body, format="json")

    assert by_owner.status_code == 404
    assert by_member.status_code == 200
    assert TripPhoto.objects.get().shared is False


def test_removing_a_photo_drops_the_reference_nobody_uses(
    api_for, owner, member, trip, both_on
):
    add(api_for(member), trip, "immich", IMMICH_IDS[0])
    photo_id = Photo.objects.get().pk
    body = {"photo_id": photo_id}

    by_owner = api_for(owner).delete(url(trip, "/photos"), body, format="json")
    assert by_owner.status_code == 404
    assert TripPhoto.objects.exists()

    by_member = api_for(member).delete(url(trip, "/photos"), body, format="json")
    assert by_member.status_code == 200
    assert not TripPhoto.objects.exists()
    assert not Photo.objects.exists()


ROUTES = [
    ("get", "/photos", None),
    ("post", "/photos", {"selections": [{"provider": "immich", "asset_ids": []}]}),
    ("put", "/photos/sharing", {"photo_id": 1, "shared": True}),
    ("delete", "/photos", {"photo_id": 1}),
    ("get", "/album-links", None),
    ("post", "/album-links", {"provider": "immich", "album_id": "a"}),
    ("post", "/album-links/1/sync", None),
    ("delete", "/album-links/1", None),
]


@pytest.mark.parametrize(("method", "rest", "body"), ROUTES)
def test_an_outsider_gets_404_on_every_trip_route(
    api_for, outsider, trip, both_on, method, rest, body
):
    response = getattr(api_for(outsider), method)(url(trip, rest), body, format="json")

    assert response.status_code == 404


@pytest.mark.parametrize(("method", "rest", "body"), ROUTES)
def test_anonymous_gets_401_on_every_trip_route(
    api_for, trip, both_on, method, rest, body
):
    response = getattr(api_for(None), method)(url(trip, rest), body, format="json")

    assert response.status_code == 401


def test_album_links_list_never_returns_the_passphrase(
    api_for, owner, member, trip, both_on
):
    created = api_for(member).post(
        url(trip, "/album-links"),
        {"provider": "SynologyPhotos", "album_id": "44", "passphrase": "s3cret-pp"},
        format="json",
    )
    again = api_for(member).post(
        url(trip, "/album-links"),
        {"provider": "synologyphotos", "album_id": "44"},
        format="json",
    )
    listed = api_for(owner).get(url(trip, "/album-links"))

    assert created.status_code == 201
    assert again.status_code == 409
    assert listed.json()["links"][0]["username"] == "max"
    assert "s3cret-pp" not in created.content.decode() + listed.content.decode()
    assert AlbumLink.objects.get().passphrase == "s3cret-pp"


@pytest.mark.parametrize(
    ("provider", "album_id", "message"),
    [
        ("immich", "../x", "Invalid album id for Immich."),
        ("immich", "44", "Invalid album id for Immich."),
        ("synologyphotos", "../x", "Invalid album id for Synology Photos."),
        (
            "synologyphotos",
            "5f0e7a7c-2b1d-4c3e-9f00-1a2b3c4d5e6f",
            "Invalid album id for Synology Photos.",
        ),
    ],
)
def test_linking_an_album_id_the_provider_never_uses_is_refused(
    api_for, member, trip, both_on, provider, album_id, message
):
    response = api_for(member).post(
        url(trip, "/album-links"),
        {"provider": provider, "album_id": album_id},
        format="json",
    )

    assert response.status_code == 400
    assert response.json()["error"] == message
    assert not AlbumLink.objects.exists()


def test_linking_an_album_answers_201_with_the_new_link(api_for, member, trip, both_on):
    response = api_for(member).post(
        url(trip, "/album-links"),
        {"provider": "immich", "album_id": "5F0E7A7C-2B1D-4C3E-9F00-1A2B3C4D5E6F"},
        format="json",
    )

    assert response.status_code == 201
    assert response.json()["link"]["album_id"] == "5F0E7A7C-2B1D-4C3E-9F00-1A2B3C4D5E6F"
    assert AlbumLink.objects.get().provider == "immich"
