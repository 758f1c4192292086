"""The Immich settings card in Settings -> Integrations."""

import pytest

from integrations.providers.immich.models import ImmichConnection
from tests.fakes.immich.seed import OLIVIA_KEY

CARD = "/settings/integrations/immich"
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def immich_on(enable):
    enable("journey", "immich")


def test_the_card_shows_connected_with_the_immich_user(
    web_for, owner, immich_on, fake_immich, connect
):
    connect(owner, fake_immich)
    browser = web_for(owner)

    tested = browser.post(f"{CARD}/test", {"immich_url": fake_immich.url}, **HTMX)
    page = browser.get("/settings/integrations/")

    for html in (tested.content.decode(), page.content.decode()):
        assert 'class="badge connected"' in html
        assert "Olivia Traveller" in html
        assert "2.7.3" in html
        assert OLIVIA_KEY not in html
    assert "A key is saved" in page.content.decode()


def test_the_card_shows_not_connected_and_the_reason(
    web_for, owner, immich_on, fake_immich
):
    html = (
        web_for(owner)
        .post(
            f"{CARD}/test",
            {"immich_url": fake_immich.url, "immich_api_key": "wrong-key-123"},
            **HTMX,
        )
        .content.decode()
    )

    assert "Not connected" in html and "badge connected" not in html
    assert "rejected the API key" in html
    assert "wrong-key-123" not in html


def test_saving_a_new_key_checks_it_at_once(web_for, owner, immich_on, fake_immich):
    html = (
        web_for(owner)
        .post(
            f"{CARD}/save",
            {"immich_url": fake_immich.url, "immich_api_key": OLIVIA_KEY},
            **HTMX,
        )
        .content.decode()
    )

    assert "Immich settings saved." in html
    assert 'class="badge connected"' in html and "Olivia Traveller" in html
    assert ImmichConnection.objects.get(user=owner).last_test_ok is True


def test_save_stores_the_settings_and_keeps_the_key_when_blank(
    web_for, owner, immich_on, fake_immich
):
    browser = web_for(owner)
    browser.post(
        f"{CARD}/save",
        {"immich_url": fake_immich.url, "immich_api_key": OLIVIA_KEY},
        **HTMX,
    )
    response = browser.post(
        f"{CARD}/save",
        {"immich_url": fake_immich.url, "immich_api_key": "", "auto_upload": "on"},
        **HTMX,
    )

    connection = ImmichConnection.objects.get(user=owner)
    assert connection.api_key == OLIVIA_KEY and connection.mirror_uploads
    assert "saved" in response.content.decode()
    assert OLIVIA_KEY not in response.content.decode()


def test_save_of_a_bad_url_shows_what_to_fix(web_for, owner, immich_on):
    html = (
        web_for(owner)
        .post(f"{CARD}/save", {"immich_url": "photos.example.com"}, **HTMX)
        .content.decode()
    )

    assert "Add http:// or https://" in html
    assert not ImmichConnection.objects.filter(user=owner).exists()


def test_the_card_missing_permissions_are_listed_in_words(
    web_for, owner, immich_on, fake_immich, connect
):
    key = fake_immich.key_without("asset.view")
    connect(owner, fake_immich, api_key=key)

    html = web_for(owner).post(f"{CARD}/test", {}, **HTMX).content.decode()

    assert "asset.view" in html and "Thumbnails" in html


def test_the_card_is_for_signed_in_users_only(client, immich_on):
    response = client.post(f"{CARD}/save", {"immich_url": "https://x.example"})

    assert response.status_code == 302 and "/login" in response["Location"]


def test_the_card_is_404_while_the_provider_is_off(web_for, owner):
    assert web_for(owner).post(f"{CARD}/save", {}, **HTMX).status_code == 404
    assert web_for(owner).post(f"{CARD}/test", {}, **HTMX).status_code == 404


def test_an_outsider_only_ever_touches_their_own_connection(
    web_for, owner, outsider, immich_on, fake_immich, connect
):
    connect(owner, fake_immich)

    html = web_for(outsider).post(f"{CARD}/test", {}, **HTMX).content.decode()

    assert "Olivia Traveller" not in html
    assert ImmichConnection.objects.get(user=owner).last_tested_at is None


def test_save_after_a_failed_test_refuses_a_connection_without_a_key(
    web_for, owner, immich_on, fake_immich
):
    browser = web_for(owner)
    browser.post(
        f"{CARD}/test",
        {"immich_url": fake_immich.url, "immich_api_key": "wrong-key-123"},
        **HTMX,
    )

    # The card never echoes the key back, so Save arrives with a blank key.
    html = browser.post(
        f"{CARD}/save",
        {"immich_url": fake_immich.url, "immich_api_key": ""},
        **HTMX,
    ).content.decode()

    assert "Enter the API key: none is saved yet." in html
    assert "Immich settings saved." not in html
    assert not ImmichConnection.objects.filter(user=owner).exists()


def test_save_of_a_key_without_a_url_asks_for_the_url(web_for, owner, immich_on):
    html = (
        web_for(owner)
        .post(f"{CARD}/save", {"immich_url": "", "immich_api_key": OLIVIA_KEY}, **HTMX)
        .content.decode()
    )

    assert "Enter the Immich server URL" in html
    assert "Immich settings saved." not in html
    assert not ImmichConnection.objects.filter(user=owner).exists()


@pytest.mark.parametrize("typed_key", ["", "   "])
def test_test_without_any_key_asks_for_one(
    web_for, owner, immich_on, fake_immich, typed_key
):
    html = (
        web_for(owner)
        .post(
            f"{CARD}/test",
            {"immich_url": fake_immich.url, "immich_api_key": typed_key},
            **HTMX,
        )
        .content.decode()
    )

    assert "Enter the Immich server URL and an API key." in html
    assert "rejected the API key" not in html
