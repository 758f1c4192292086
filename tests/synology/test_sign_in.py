"""Two-factor sign-in, every DSM sign-in refusal, timeouts, TLS and QuickConnect."""

import pytest

from integrations.providers.base import InvalidInputError, ProviderError
from integrations.providers.synology import services
from integrations.providers.synology.address import canonical_base_url
from integrations.providers.synology.errors import sign_in_error
from integrations.providers.synology.services import TypedSettings
from tests.synology.conftest import fresh


@pytest.fixture
def bob(fake_synology):
    return fake_synology.add_two_factor_account("bob", "bob-password")


def typed_for(nas, username="bob", password="bob-password", **more):
    return TypedSettings(url=nas.url, username=username, password=password, **more)


def test_two_factor_code_once_then_save_restart_and_browse(owner, fake_synology, bob):
    tested = services.test_connection(
        owner, typed_for(fake_synology, otp_code=bob.current_code())
    )
    services.save_settings(owner, typed_for(fake_synology))

    # A restart: nothing survives but the database row.
    connection = services.connection_for(owner)
    albums = connection.client().albums()
    assets = fresh(connection).client().album_assets("31")

    assert tested.connected is True
    assert tested.user_name == "bob"
    assert albums and assets.items
    assert fake_synology.logins == 1  # the session the test won is reused
    assert services.check_status(owner).connected is True


def test_after_a_nas_reboot_the_device_token_signs_in_without_a_code(
    owner, fake_synology, bob
):
    services.test_connection(
        owner, typed_for(fake_synology, otp_code=bob.current_code())
    )
    services.save_settings(owner, typed_for(fake_synology))
    fake_synology.expire_sessions()

    assert services.connection_for(owner).client().albums()
    assert fake_synology.logins == 2


def test_two_factor_save_then_test_keeps_the_token(owner, fake_synology, bob):
    services.save_settings(owner, typed_for(fake_synology))
    services.test_connection(
        owner, typed_for(fake_synology, otp_code=bob.current_code())
    )
    fake_synology.expire_sessions()

    assert services.connection_for(owner).client().albums()


def test_without_a_code_two_factor_asks_for_one(owner, fake_synology, bob):
    report = services.test_connection(owner, typed_for(fake_synology))

    assert report.connected is False
    assert report.error_code == "synology.otp_required"
    assert "one-time code" in report.error


def test_a_wrong_code_says_so(owner, fake_synology, bob):
    report = services.test_connection(
        owner, typed_for(fake_synology, otp_code="000000")
    )

    assert report.error_code == "synology.otp_invalid"
    assert "wrong or already used" in report.error


def test_a_code_is_sent_once(owner, fake_synology, bob):
    services.test_connection(
        owner, typed_for(fake_synology, otp_code=bob.current_code())
    )

    assert fake_synology.login_attempts == 1


def test_enforced_but_unset_two_factor_says_what_to_do(owner, fake_synology):
    fake_synology.add_account("carol", "pw", otp_enforced_not_enrolled=True)

    report = services.test_connection(
        owner, typed_for(fake_synology, username="carol", password="pw")
    )

    assert report.error_code == "synology.otp_not_enrolled"
    assert "set it up" in report.error


def test_a_revoked_device_token_asks_for_a_code_again(owner, fake_synology, bob):
    services.save_settings(owner, typed_for(fake_synology))
    services.test_connection(
        owner, typed_for(fake_synology, otp_code=bob.current_code())
    )
    fake_synology.revoke_device_tokens()

    report = services.test_connection(owner, typed_for(fake_synology, password=""))

    assert report.error_code == "synology.otp_required"


@pytest.mark.parametrize(
    "code",
    [
        400,
        401,
        402,
        403,
        404,
        405,
        406,
        407,
        408,
        409,
        410,
        411,
        412,
        413,
        414,
        416,
        417,
        498,
        499,
    ],
)
def test_every_sign_in_refusal_has_a_plain_message(owner, fake_synology, code):
    fake_synology.add_account("dora", "pw", login_error=code)

    report = services.test_connection(
        owner, typed_for(fake_synology, username="dora", password="pw")
    )

    assert report.connected is False
    assert report.error == sign_in_error(code).message
    assert str(code) not in report.error
    assert report.error_code.startswith("synology.")


def test_a_wrong_password_is_named(owner, fake_synology):
    report = services.test_connection(
        owner, typed_for(fake_synology, username="alice", password="nope")
    )

    assert report.error_code == "synology.auth_failed"


def test_a_hanging_nas_times_out_with_a_message(owner, fake_synology, settings):
    settings.OUTBOUND_READ_TIMEOUT = 0.3
    fake_synology.hang_seconds = 5

    report = services.test_connection(
        owner, typed_for(fake_synology, username="alice", password="alice-password")
    )

    assert report.connected is False
    assert "did not answer in time" in report.error


def test_skip_ssl_reaches_a_self_signed_nas(owner, fake_synology_tls):
    typed = typed_for(
        fake_synology_tls,
        username="alice",
        password="alice-password",
        skip_tls_verify=True,
    )
    services.save_settings(owner, typed)
    report = services.test_connection(owner, typed)
    client = services.client_for(owner)
    asset_id = client.album_assets("31").items[0].id

    with client.open_stream(asset_id, "thumbnail") as stream:
        assert stream.headers["Content-Type"] == "image/jpeg"
    assert report.connected is True


def test_without_skip_ssl_a_self_signed_nas_gets_a_certificate_message(
    owner, fake_synology_tls
):
    report = services.test_connection(
        owner, typed_for(fake_synology_tls, username="alice", password="alice-password")
    )

    assert report.connected is False
    assert "certificate" in report.error
    assert "Skip SSL verification" in report.error


@pytest.mark.parametrize(
    "typed",
    [
        "quickconnect.to/mynas",
        "https://mynas.quickconnect.to",
        "mynas",
        "https://mynas.de3.quickconnect.to/photo",
        "http://QuickConnect.cn/x",
    ],
)
def test_quickconnect_is_refused_with_a_hint(typed):
    with pytest.raises(InvalidInputError) as refused:
        canonical_base_url(typed)

    assert refused.value.message.startswith("QuickConnect is not supported")
    assert "https://nas.local:5001/photo" in refused.value.message


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("https://nas.local:5001/photo/", "https://nas.local:5001/photo"),
        ("nas.local:5001/photo", "https://nas.local:5001/photo"),
        ("http://NAS.local:5000", "http://nas.local:5000"),
        (
            "https://nas.local:5001/photo/webapi/entry.cgi",
            "https://nas.local:5001/photo",
        ),
        ("  https://photos.example.org/  ", "https://photos.example.org"),
    ],
)
def test_addresses_are_stored_one_way(typed, canonical):
    assert canonical_base_url(typed) == canonical


@pytest.mark.parametrize(
    "typed", ["ftp://nas.local", "https://user:pw@nas.local", "https://nas:99999", ""]
)
def test_unusable_addresses_say_what_to_fix(typed):
    with pytest.raises(ProviderError) as refused:
        canonical_base_url(typed)

    assert refused.value.http_status == 400
