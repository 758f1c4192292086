"""The Synology Photos card in Settings -> Integrations."""

import pytest

from integrations.providers.synology.models import SynologyConnection

CARD = "/settings/integrations/synologyphotos/"


@pytest.fixture
def on(enable):
    enable("journey", "synologyphotos")


def typed(nas, **more):
    return {
        "synology_url": nas.url,
        "synology_username": "alice",
        "synology_password": "alice-password",
        **more,
    }


def test_the_card_tests_saves_and_shows_connected_without_secrets(
    web_for, owner, on, fake_synology
):
    browser = web_for(owner)

    tested = browser.post(CARD + "test", typed(fake_synology), HTTP_HX_REQUEST="true")
    saved = browser.post(CARD + "save", typed(fake_synology), HTTP_HX_REQUEST="true")
    page = browser.get("/settings/integrations/")

    connection = SynologyConnection.objects.get(user=owner)
    html = tested.content.decode() + saved.content.decode() + page.content.decode()
    assert 'class="badge connected"' in page.content.decode()
    assert "Connected to Synology Photos as alice" in tested.content.decode()
    assert "A password is saved" in page.content.decode()
    for secret in (
        "alice-password",
        str(connection.session_id),
        *fake_synology.sessions,
    ):
        assert secret not in html


def test_a_failed_test_shows_the_plain_message_and_not_connected(
    web_for, owner, on, fake_synology
):
    response = web_for(owner).post(
        CARD + "test",
        typed(fake_synology, synology_password="wrong"),
        HTTP_HX_REQUEST="true",
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "rejected the username or password" in html
    assert '<span class="badge">Not connected</span>' in html


def test_a_quickconnect_address_is_explained_on_the_card(web_for, owner, on):
    response = web_for(owner).post(
        CARD + "save",
        {
            "synology_url": "mynas.quickconnect.to",
            "synology_username": "a",
            "synology_password": "b",
        },
        HTTP_HX_REQUEST="true",
    )

    assert "QuickConnect is not supported" in response.content.decode()


def test_the_card_is_404_while_the_provider_is_off(web_for, owner):
    assert web_for(owner).get(CARD).status_code == 404


def test_the_card_needs_a_signed_in_user(client, on):
    assert client.get(CARD).status_code == 302


def test_save_without_a_password_when_none_is_saved_is_refused(
    web_for, owner, on, fake_synology
):
    browser = web_for(owner)
    browser.post(
        CARD + "test",
        typed(fake_synology, synology_password="wrong"),
        HTTP_HX_REQUEST="true",
    )

    # The card never echoes the password back, so Save arrives without one.
    response = browser.post(
        CARD + "save",
        typed(fake_synology, synology_password=""),
        HTTP_HX_REQUEST="true",
    )

    html = response.content.decode()
    assert "Type the password: none is saved yet." in html
    assert "Saved." not in html
    assert not SynologyConnection.objects.filter(user=owner).exists()
