"""Test Connection: names what is missing, and fails clearly and quickly."""

import pytest

from integrations.providers.immich.permissions import BROWSING_PERMISSIONS
from tests.fakes.immich.seed import OLIVIA_KEY, OLIVIA_SCOPED_KEY

SCOPED_VERSIONS = ["2.7.3", "3.0.3"]
EARLY_VERSIONS = ["1.118.2", "1.132.3"]


def test_a_full_key_connects_and_names_the_user(fake_immich_any_version, client_for):
    report = client_for(fake_immich_any_version).test()

    assert report.connected
    assert report.user_name == "Olivia Traveller"
    assert report.server_version == fake_immich_any_version.version_text
    assert report.missing_permissions == []


@pytest.mark.parametrize("fake_immich", SCOPED_VERSIONS, indirect=True)
def test_a_scoped_key_with_every_permission_lacks_nothing(fake_immich, client_for):
    report = client_for(fake_immich, OLIVIA_SCOPED_KEY, mirror_uploads=True).test()

    assert report.connected and report.missing_permissions == []


@pytest.mark.parametrize("fake_immich", SCOPED_VERSIONS, indirect=True)
@pytest.mark.parametrize("permission", [*BROWSING_PERMISSIONS, "asset.upload"])
def test_each_missing_permission_is_named(fake_immich, client_for, permission):
    key = fake_immich.key_without(permission)

    report = client_for(fake_immich, key, mirror_uploads=True).test()

    assert report.connected
    assert [item["permission"] for item in report.missing_permissions] == [permission]
    assert report.missing_permissions[0]["effect"]


@pytest.mark.parametrize("fake_immich", SCOPED_VERSIONS, indirect=True)
def test_upload_permission_is_only_asked_for_when_mirroring(fake_immich, client_for):
    key = fake_immich.key_without("asset.upload")

    report = client_for(fake_immich, key, mirror_uploads=False).test()

    assert report.missing_permissions == []


@pytest.mark.parametrize("fake_immich", EARLY_VERSIONS, indirect=True)
def test_early_servers_are_probed_and_the_all_permission_explained(
    fake_immich, client_for
):
    report = client_for(fake_immich, OLIVIA_SCOPED_KEY, mirror_uploads=True).test()

    assert report.connected
    missing = {
        item["permission"]: item["effect"] for item in report.missing_permissions
    }
    assert set(missing) == {
        "user.read",
        "asset.read",
        "asset.view",
        "asset.download",
        "asset.upload",
    }
    assert all("'all' permission" in effect for effect in missing.values())


@pytest.mark.parametrize("fake_immich", EARLY_VERSIONS, indirect=True)
def test_early_servers_report_a_missing_album_permission(fake_immich, client_for):
    olivia = next(iter(fake_immich.users.values()))
    key = fake_immich.add_key(olivia, "a-key-without-any-scope", set()).secret

    report = client_for(fake_immich, key).test()

    assert "album.read" in [item["permission"] for item in report.missing_permissions]


def test_a_wrong_key_is_reported_as_such(fake_immich_any_version, client_for):
    report = client_for(fake_immich_any_version, "not-the-right-key").test()

    assert not report.connected
    assert report.error_code == "immich.auth_failed"
    assert "rejected the API key" in report.error
    assert "not-the-right-key" not in report.error


def test_a_web_page_instead_of_the_api_is_explained(fake_immich, client_for):
    fake_immich.mode = "html"

    report = client_for(fake_immich).test()

    assert not report.connected
    assert "not an Immich API (got an HTML page)" in report.error


def test_a_redirect_to_a_sign_in_page_is_explained(fake_immich, client_for):
    fake_immich.mode = "login_redirect"

    report = client_for(fake_immich).test()

    assert not report.connected
    assert "not an Immich API" in report.error


def test_a_server_error_is_retryable_and_explained(fake_immich, client_for):
    fake_immich.mode = "error500"

    report = client_for(fake_immich).test()

    assert not report.connected
    assert report.error_code == "immich.bad_response"
    assert "HTTP 500" in report.error


def test_a_slow_server_times_out(fake_immich, client_for, settings):
    settings.OUTBOUND_READ_TIMEOUT = 0.3
    fake_immich.mode = "slow"

    report = client_for(fake_immich).test()

    assert not report.connected
    assert report.error_code == "provider.timeout"
    assert "did not answer in time" in report.error


def test_a_server_that_is_down_is_unreachable(fake_immich_factory, client_for):
    fake = fake_immich_factory()
    client = client_for(fake)
    fake.stop()  # the port is closed now

    report = client.test()

    assert not report.connected
    assert report.error_code.startswith("network.") or "reach" in report.error


def test_the_key_never_appears_in_a_report(fake_immich, client_for):
    for mode in ("normal", "html", "error500"):
        fake_immich.mode = mode
        report = client_for(fake_immich, OLIVIA_KEY).test()
        assert OLIVIA_KEY not in repr(report)
