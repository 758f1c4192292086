"""The /api/integrations/memories/synologyphotos/ routes, as a browser uses them."""

import json

import pytest

from integrations.providers.synology import services
from integrations.providers.synology.models import SynologyConnection

BASE = "/api/integrations/memories/synologyphotos"
ROUTES = [
    ("get", "settings"),
    ("put", "settings"),
    ("get", "status"),
    ("post", "test"),
    ("get", "albums"),
    ("get", "albums/31/photos"),
    ("post", "search"),
]


@pytest.fixture
def on(enable):
    enable("journey", "synologyphotos")


def secrets_of(nas, connection) -> list[str]:
    connection = SynologyConnection.objects.get(pk=connection.pk)
    found = ["alice-password", *nas.sessions, *nas.device_tokens]
    found += [a.passphrase for a in nas.library.albums.values() if a.passphrase]
    found += [str(connection.session_id), str(connection.device_token)]
    return [s for s in found if s]


@pytest.mark.parametrize(("method", "route"), ROUTES)
def test_anonymous_callers_get_401(api_for, on, method, route):
    response = getattr(api_for(None), method)(f"{BASE}/{route}", {}, format="json")

    assert response.status_code == 401


@pytest.mark.parametrize(("method", "route"), ROUTES)
def test_every_route_is_404_while_the_provider_is_off(api_for, owner, method, route):
    response = getattr(api_for(owner), method)(f"{BASE}/{route}", {}, format="json")

    assert response.status_code == 404


def test_settings_never_sign_in_and_never_show_a_secret(
    api_for, owner, on, saved_connection, fake_synology
):
    body = api_for(owner).get(f"{BASE}/settings").json()

    assert body["synology_url"] == fake_synology.url
    assert body["has_password"] is True
    assert body["connected"] is False
    assert fake_synology.logins == 0
    assert "alice-password" not in json.dumps(body)


def test_put_with_a_blank_password_keeps_the_saved_one(
    api_for, owner, on, saved_connection, fake_synology
):
    response = api_for(owner).put(
        f"{BASE}/settings",
        {
            "synology_url": fake_synology.url + "/",
            "synology_username": "alice",
            "synology_password": "",
            "synology_skip_ssl": "true",
        },
        format="json",
    )

    connection = SynologyConnection.objects.get(pk=saved_connection.pk)
    assert response.status_code == 200
    assert str(connection.password) == "alice-password"
    assert connection.skip_tls_verify is True


@pytest.mark.parametrize("password", ["", "   "])
def test_put_without_a_password_when_none_is_saved_is_a_400(
    api_for, owner, on, fake_synology, password
):
    response = api_for(owner).put(
        f"{BASE}/settings",
        {
            "synology_url": fake_synology.url,
            "synology_username": "alice",
            "synology_password": password,
        },
        format="json",
    )

    assert response.status_code == 400
    assert response.json()["error"] == "Type the password: none is saved yet."
    assert not SynologyConnection.objects.filter(user=owner).exists()


def test_a_saved_password_is_not_sent_to_another_server(
    api_for, owner, on, saved_connection
):
    response = api_for(owner).put(
        f"{BASE}/settings",
        {
            "synology_url": "https://evil.example.org/photo",
            "synology_username": "alice",
        },
        format="json",
    )

    assert response.status_code == 400
    assert "Type the password again" in response.json()["error"]


def test_test_connection_then_browse_with_no_secret_in_any_body(
    api_for, owner, on, fake_synology
):
    client = api_for(owner)
    typed = {
        "synology_url": fake_synology.url,
        "synology_username": "alice",
        "synology_password": "alice-password",
    }
    bodies = [client.post(f"{BASE}/test", typed, format="json")]
    bodies.append(client.put(f"{BASE}/settings", typed, format="json"))
    for route in (
        "settings",
        "status",
        "albums",
        "albums/44/photos",
        "albums/31/photos",
    ):
        bodies.append(client.get(f"{BASE}/{route}"))
    bodies.append(
        client.post(f"{BASE}/search", {"from": "2024-06-01", "to": "2024-06-07"})
    )

    assert [r.status_code for r in bodies] == [200] * len(bodies)
    assert bodies[0].json() == {"connected": True, "user": {"name": "alice"}}
    albums = bodies[4].json()["albums"]
    assert {
        "id": "44",
        "albumName": "Bob's hiking trip",
        "assetCount": 7,
        "shared": True,
    } in albums
    assert bodies[5].json()["total"] == 7 and bodies[5].json()["hasMore"] is False
    assert len(bodies[7].json()["assets"]) == 5
    connection = services.connection_for(owner)
    text = "".join(r.content.decode() for r in bodies)
    for secret in secrets_of(fake_synology, connection):
        assert secret not in text
    assert fake_synology.logins == 1


def test_album_photos_page_by_page(api_for, owner, on, saved_connection):
    client = api_for(owner)

    first = client.get(f"{BASE}/albums/44/photos", {"page": 1, "size": 4}).json()
    second = client.get(f"{BASE}/albums/44/photos", {"page": 2, "size": 4}).json()

    assert (len(first["assets"]), first["hasMore"]) == (4, True)
    assert (len(second["assets"]), second["hasMore"], second["total"]) == (3, False, 7)


def test_a_full_last_page_is_not_followed_by_an_empty_one(
    api_for, owner, on, saved_connection
):
    body = (
        api_for(owner)
        .post(f"{BASE}/search", {"from": "2024-06-01", "to": "2024-06-07", "size": 5})
        .json()
    )

    assert (len(body["assets"]), body["hasMore"]) == (5, False)


def test_trip_dates_are_local_dates(api_for, owner, on, saved_connection):
    body = (
        api_for(owner)
        .post(f"{BASE}/search", {"from": "2024-06-07", "to": "2024-06-07"})
        .json()
    )

    assert [a["fileName"] for a in body["assets"]] == ["IMG_20240607_235500.jpg"]
    assert body["assets"][0]["takenAt"].startswith("2024-06-07T23:55:00")


def test_search_by_keyword(api_for, owner, on, saved_connection):
    body = api_for(owner).post(f"{BASE}/search", {"query": "porto"}).json()

    assert [a["city"] for a in body["assets"]] == ["Porto"]


@pytest.mark.parametrize(
    "payload",
    [
        {"from": "2024-06-07", "to": "2024-06-01"},
        {"from": "yesterday"},
        {"page": 0},
        {"size": 100000},
    ],
)
def test_bad_search_input_is_a_400_that_says_why(
    api_for, owner, on, saved_connection, payload
):
    response = api_for(owner).post(f"{BASE}/search", payload, format="json")

    assert response.status_code == 400
    assert response.json()["error"]


def test_malformed_test_input_is_a_400(api_for, owner, on):
    response = api_for(owner).post(
        f"{BASE}/test",
        {
            "synology_url": "quickconnect.to/nas",
            "synology_username": "a",
            "synology_password": "b",
        },
        format="json",
    )

    assert response.status_code == 400
    assert response.json()["error"].startswith("QuickConnect is not supported")


@pytest.mark.parametrize("typed", ["http://[fd00::5:5001/photo", "nas]:5001/photo"])
def test_an_address_with_broken_brackets_is_a_400(api_for, owner, on, typed):
    response = api_for(owner).post(
        f"{BASE}/test",
        {"synology_url": typed, "synology_username": "a", "synology_password": "b"},
        format="json",
    )

    assert response.status_code == 400
    assert "check the brackets" in response.json()["error"]
    assert response.json()["code"] == "synology.url_invalid"


def test_a_blocked_address_is_a_400_with_the_policy_message(api_for, owner, on):
    response = api_for(owner).post(
        f"{BASE}/test",
        {
            "synology_url": "http://127.0.0.1:9/photo",
            "synology_username": "a",
            "synology_password": "b",
        },
        format="json",
    )

    assert response.status_code == 400
    assert "OUTBOUND_ALLOWLIST" in response.json()["error"]


def test_status_without_a_connection_is_200_not_connected(api_for, owner, on):
    body = api_for(owner).get(f"{BASE}/status").json()

    assert body["connected"] is False


def test_browsing_without_a_connection_says_so(api_for, owner, on):
    response = api_for(owner).get(f"{BASE}/albums")

    assert response.status_code == 400
    assert "not connected" in response.json()["error"]


def test_an_outsider_only_ever_touches_their_own_connection(
    api_for, owner, outsider, on, saved_connection, fake_synology
):
    client = api_for(outsider)

    settings_body = client.get(f"{BASE}/settings").json()
    albums = client.get(f"{BASE}/albums")
    saved = client.put(
        f"{BASE}/settings",
        {"synology_url": fake_synology.url, "synology_username": "alice"},
        format="json",
    )

    assert (
        settings_body["synology_url"] == "" and settings_body["has_password"] is False
    )
    assert albums.status_code == 400
    assert saved.status_code == 400  # no password of their own to keep
    assert SynologyConnection.objects.filter(user=outsider).count() == 0
    assert fake_synology.logins == 0


def test_session_errors_never_become_http_statuses(
    api_for, owner, on, saved_connection, fake_synology
):
    fake_synology.accounts["alice"].login_error = 119

    response = api_for(owner).get(f"{BASE}/albums")

    assert response.status_code == 502
    assert response.json()["code"] == "synology.session_expired"
