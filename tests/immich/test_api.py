"""The Immich JSON API: TREK's paths and shapes, for the signed-in user only."""

import pytest

from integrations.providers.immich.models import ImmichConnection
from tests.fakes.immich.seed import OLIVIA_KEY, PHOTO_IDS, SAM_KEY

BASE = "/api/integrations/memories/immich"
ROUTES = [
    ("get", "settings"),
    ("put", "settings"),
    ("get", "status"),
    ("post", "test"),
    ("post", "search"),
    ("get", "albums"),
    ("get", "albums/5f0e7a7c-2b1d-4c3e-9f00-1a2b3c4d5e6f/photos"),
]


@pytest.fixture
def immich_on(enable):
    enable("journey", "immich")


@pytest.mark.parametrize(("method", "route"), ROUTES)
def test_anonymous_callers_get_401(api_for, immich_on, method, route):
    response = getattr(api_for(None), method)(f"{BASE}/{route}", {}, format="json")

    assert response.status_code == 401


@pytest.mark.parametrize(("method", "route"), ROUTES)
def test_every_route_is_404_while_the_provider_is_off(api_for, owner, method, route):
    response = getattr(api_for(owner), method)(f"{BASE}/{route}", {}, format="json")

    assert response.status_code == 404


def test_settings_never_return_the_key(api_for, owner, immich_on, fake_immich, connect):
    connect(owner, fake_immich)

    response = api_for(owner).get(f"{BASE}/settings")

    assert response.status_code == 200
    body = response.json()
    assert body["immich_url"] == fake_immich.url
    assert body["connected"] is True and body["has_api_key"] is True
    assert OLIVIA_KEY not in response.content.decode()


def test_an_outsider_sees_only_their_own_empty_settings(
    api_for, owner, outsider, immich_on, fake_immich, connect
):
    connect(owner, fake_immich)

    body = api_for(outsider).get(f"{BASE}/settings").json()

    assert body["immich_url"] == "" and body["connected"] is False
    assert api_for(outsider).get(f"{BASE}/albums").status_code == 400


def test_put_saves_a_canonical_url_and_a_blank_key_keeps_the_key(
    api_for, owner, immich_on, fake_immich
):
    api = api_for(owner)
    first = api.put(
        f"{BASE}/settings",
        {"immich_url": f"  {fake_immich.url}/api/ ", "immich_api_key": OLIVIA_KEY},
        format="json",
    )
    second = api.put(
        f"{BASE}/settings",
        {"immich_url": fake_immich.url, "immich_api_key": "", "auto_upload": True},
        format="json",
    )

    assert first.status_code == second.status_code == 200
    connection = ImmichConnection.objects.get(user=owner)
    assert connection.server_url == fake_immich.url
    assert connection.api_key == OLIVIA_KEY
    assert connection.mirror_uploads is True
    assert OLIVIA_KEY not in first.content.decode() + second.content.decode()


def test_put_of_a_url_without_any_key_is_400_and_stores_nothing(
    api_for, owner, immich_on, fake_immich
):
    response = api_for(owner).put(
        f"{BASE}/settings",
        {"immich_url": fake_immich.url, "immich_api_key": ""},
        format="json",
    )

    assert response.status_code == 400
    assert response.json()["error"] == "Enter the API key: none is saved yet."
    assert not ImmichConnection.objects.filter(user=owner).exists()


def test_put_of_a_key_without_any_url_is_400_and_stores_nothing(
    api_for, owner, immich_on
):
    response = api_for(owner).put(
        f"{BASE}/settings",
        {"immich_url": "", "immich_api_key": OLIVIA_KEY},
        format="json",
    )

    assert response.status_code == 400
    assert "Enter the Immich server URL" in response.json()["error"]
    assert not ImmichConnection.objects.filter(user=owner).exists()


def test_put_of_a_new_key_alone_keeps_the_saved_url(
    api_for, owner, immich_on, fake_immich, connect
):
    connect(owner, fake_immich, api_key="old-key")

    response = api_for(owner).put(
        f"{BASE}/settings", {"immich_api_key": OLIVIA_KEY}, format="json"
    )

    assert response.status_code == 200
    connection = ImmichConnection.objects.get(user=owner)
    assert connection.server_url == fake_immich.url
    assert connection.api_key == OLIVIA_KEY


@pytest.mark.parametrize("typed_key", ["", "   "])
def test_test_without_any_key_asks_for_one(
    api_for, owner, immich_on, fake_immich, typed_key
):
    body = (
        api_for(owner)
        .post(
            f"{BASE}/test",
            {"immich_url": fake_immich.url, "immich_api_key": typed_key},
            format="json",
        )
        .json()
    )

    assert body["connected"] is False
    assert body["error"] == "Enter the Immich server URL and an API key."


def test_put_of_an_allowed_private_address_succeeds_with_a_warning(
    api_for, owner, immich_on, fake_immich
):
    response = api_for(owner).put(
        f"{BASE}/settings",
        {"immich_url": fake_immich.url, "immich_api_key": OLIVIA_KEY},
        format="json",
    )

    assert response.status_code == 200
    assert response.json()["success"] is True
    assert "warning" in response.json()


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        ("photos.example.com", "Add http:// or https://"),
        ("ftp://photos.example.com", "http:// or https://"),
        ("https://user:pw@photos.example.com", "Remove the user name"),
        ("https://photos.example.com:99999", "port"),
        ("http://[fd00::5:2283", "check the brackets"),
        ("javascript:alert(1)", "must start with http:// or https://"),
    ],
)
def test_put_of_a_bad_url_is_400_with_what_to_fix(
    api_for, owner, immich_on, typed, hint
):
    response = api_for(owner).put(
        f"{BASE}/settings", {"immich_url": typed}, format="json"
    )

    assert response.status_code == 400
    assert hint in response.json()["error"]


def test_put_of_a_refused_address_is_400(api_for, owner, immich_on):
    response = api_for(owner).put(
        f"{BASE}/settings", {"immich_url": "http://169.254.169.254"}, format="json"
    )

    assert response.status_code == 400
    assert response.json()["error"].startswith("Invalid Immich URL")


@pytest.mark.parametrize(
    "body",
    [
        '{"immich_url": ',
        '{"immich_url": 42}',
        '{"immich_api_key": ["x"]}',
        '{"auto_upload": "yes"}',
        "[1, 2]",
    ],
)
def test_malformed_test_input_is_400(api_for, owner, immich_on, body):
    response = api_for(owner).post(
        f"{BASE}/test", body, content_type="application/json"
    )

    assert response.status_code == 400
    assert response.json()["error"]


def test_test_uses_typed_values_without_saving(api_for, owner, immich_on, fake_immich):
    response = api_for(owner).post(
        f"{BASE}/test",
        {"immich_url": fake_immich.url, "immich_api_key": OLIVIA_KEY},
        format="json",
    )

    assert response.status_code == 200
    assert response.json() == {
        "connected": True,
        "user": {"name": "Olivia Traveller"},
        "server_version": "2.7.3",
        "missing_permissions": [],
    }
    assert not ImmichConnection.objects.filter(user=owner).exists()


def test_test_with_a_blank_key_uses_the_saved_key_and_records_the_result(
    api_for, owner, immich_on, fake_immich, connect
):
    connection = connect(owner, fake_immich)

    response = api_for(owner).post(
        f"{BASE}/test",
        {"immich_url": fake_immich.url, "immich_api_key": ""},
        format="json",
    )

    assert response.json()["connected"] is True
    connection.refresh_from_db()
    assert connection.last_test_ok is True
    assert connection.server_user_name == "Olivia Traveller"
    assert connection.server_version == "2.7.3"


@pytest.mark.parametrize("mode", ["html", "error500", "login_redirect"])
def test_test_of_a_misbehaving_server_is_200_not_connected(
    api_for, owner, immich_on, fake_immich, mode
):
    fake_immich.mode = mode

    response = api_for(owner).post(
        f"{BASE}/test",
        {"immich_url": fake_immich.url, "immich_api_key": OLIVIA_KEY},
        format="json",
    )

    assert response.status_code == 200
    assert response.json()["connected"] is False and response.json()["error"]


def test_test_with_a_wrong_key_is_200_not_connected(
    api_for, owner, immich_on, fake_immich
):
    response = api_for(owner).post(
        f"{BASE}/test",
        {"immich_url": fake_immich.url, "immich_api_key": "wrong-key-123"},
        format="json",
    )

    assert response.status_code == 200
    assert response.json()["code"] == "immich.auth_failed"
    assert "wrong-key-123" not in response.content.decode()


def test_status_without_a_connection_is_200_not_connected(api_for, owner, immich_on):
    response = api_for(owner).get(f"{BASE}/status")

    assert response.status_code == 200
    assert response.json()["connected"] is False


def test_status_reports_the_user_and_version(
    api_for, owner, immich_on, fake_immich, connect
):
    connect(owner, fake_immich)

    body = api_for(owner).get(f"{BASE}/status").json()

    assert body["connected"] is True
    assert body["user"] == {"name": "Olivia Traveller"}
    assert body["server_version"] == "2.7.3"


def test_an_undecryptable_key_asks_to_reconnect(
    api_for, owner, immich_on, fake_immich, connect, settings
):
    connect(owner, fake_immich)
    settings.ENCRYPTION_KEY = "a-completely-different-key-for-this-test"

    settings_body = api_for(owner).get(f"{BASE}/settings").json()
    status = api_for(owner).get(f"{BASE}/status")
    albums = api_for(owner).get(f"{BASE}/albums")

    assert settings_body["connected"] is False
    assert settings_body["reconnect_required"] is True
    assert status.status_code == 200 and status.json()["reconnect_required"] is True
    assert albums.status_code == 400 and "Reconnect required" in albums.json()["error"]


def test_search_finds_the_late_evening_photo_of_the_last_day(
    api_for, owner, immich_on, fake_immich, connect
):
    connect(owner, fake_immich)

    response = api_for(owner).post(
        f"{BASE}/search", {"from": "2024-06-01", "to": "2024-06-07"}, format="json"
    )

    assert response.status_code == 200
    body = response.json()
    ids = [asset["id"] for asset in body["assets"]]
    assert PHOTO_IDS["honolulu_last_night"] in ids
    assert PHOTO_IDS["lisbon_day_after"] not in ids
    assert body["hasMore"] is False
    first = body["assets"][0]
    assert set(first) == {"id", "takenAt", "city", "country", "mediaType"}


@pytest.mark.parametrize(
    "body",
    [
        {"size": 201},
        {"page": 0},
        {"from": "June 1st"},
        {"from": "2024-06-07", "to": "2024-06-01"},
    ],
)
def test_search_with_bad_input_is_400(
    api_for, owner, immich_on, fake_immich, connect, body
):
    connect(owner, fake_immich)

    response = api_for(owner).post(f"{BASE}/search", body, format="json")

    assert response.status_code == 400


def test_search_without_a_connection_is_400(api_for, owner, immich_on):
    response = api_for(owner).post(f"{BASE}/search", {}, format="json")

    assert response.status_code == 400
    assert "not connected" in response.json()["error"]


def test_albums_and_album_photos(api_for, owner, immich_on, fake_immich, connect):
    connect(owner, fake_immich)
    api = api_for(owner)

    albums = api.get(f"{BASE}/albums").json()["albums"]
    lisbon = next(album for album in albums if album["albumName"] == "Lisbon 2024")
    photos = api.get(f"{BASE}/albums/{lisbon['id']}/photos?page=1&size=2").json()

    assert set(lisbon) == {
        "id",
        "albumName",
        "assetCount",
        "startDate",
        "endDate",
        "albumThumbnailAssetId",
        "shared",
    }
    assert lisbon["shared"] is True and lisbon["assetCount"] == 3
    assert len(photos["assets"]) == 2 and photos["hasMore"] is True


def test_album_photos_with_a_bad_album_id_is_400(
    api_for, owner, immich_on, fake_immich, connect
):
    connect(owner, fake_immich)

    response = api_for(owner).get(f"{BASE}/albums/not-an-album/photos")

    assert response.status_code == 400


def test_a_user_browses_with_their_own_key_only(
    api_for, owner, outsider, immich_on, fake_immich, connect
):
    connect(owner, fake_immich)
    connect(outsider, fake_immich, api_key=SAM_KEY)

    mine = api_for(outsider).post(f"{BASE}/search", {}, format="json").json()

    assert {asset["id"] for asset in mine["assets"]} <= {
        asset_id
        for asset_id, item in fake_immich.assets.items()
        if item.owner_id != next(iter(fake_immich.users))
    }


def test_the_schema_describes_the_immich_routes(api_for, admin_user):
    response = api_for(admin_user).get("/api/schema/", HTTP_ACCEPT="application/json")

    assert response.status_code == 200
    text = response.content.decode()
    assert "/api/integrations/memories/immich/search" in text
    assert "albumThumbnailAssetId" in text
