"""One stored session per connection, renewed once when DSM drops it."""

import datetime
import threading

from integrations.providers.synology import services
from integrations.providers.synology.models import SavedConnectionStore
from integrations.providers.synology.services import TypedSettings
from tests.synology.conftest import fresh


def test_browsing_signs_in_once_and_stores_the_session(saved_connection, fake_synology):
    saved_connection.client().albums()
    fresh(saved_connection).client().album_assets("31")

    assert fake_synology.logins == 1
    stored = fresh(saved_connection)
    assert stored.session_id in fake_synology.sessions


def test_five_hundred_thumbnails_cost_one_sign_in(saved_connection, fake_synology):
    asset_id = saved_connection.client().album_assets("31").items[0].id

    for _ in range(500):
        # A new client per image, as each proxied request builds its own.
        with (
            fresh(saved_connection)
            .client()
            .open_stream(asset_id, "thumbnail", size="sm") as stream
        ):
            assert b"".join(stream.chunks)[:2] == b"\xff\xd8"  # a JPEG

    assert fake_synology.logins == 1
    assert fake_synology.count("SYNO.Foto.Thumbnail") == 500


def test_a_session_expired_mid_browse_is_renewed_once(saved_connection, fake_synology):
    client = saved_connection.client()
    first_page = client.search(
        date_from=datetime.date(2024, 6, 1), date_to=datetime.date(2024, 6, 7), size=2
    )

    fake_synology.expire_sessions()
    second_page = client.search(
        date_from=datetime.date(2024, 6, 1),
        date_to=datetime.date(2024, 6, 7),
        page=2,
        size=2,
    )

    assert len(first_page.items) == len(second_page.items) == 2
    assert fake_synology.logins == 2
    assert fresh(saved_connection).session_id in fake_synology.sessions


def test_an_expired_session_on_an_image_is_renewed_not_relayed(
    saved_connection, fake_synology
):
    client = saved_connection.client()
    asset_id = client.album_assets("31").items[0].id
    fake_synology.expire_sessions()

    with client.open_stream(asset_id, "preview") as stream:
        body = b"".join(stream.chunks)

    assert stream.headers["Content-Type"] == "image/jpeg"
    assert body[:2] == b"\xff\xd8"
    assert fake_synology.logins == 2


def test_an_expired_session_answered_with_http_404_is_renewed_too(
    saved_connection, fake_synology
):
    fake_synology.binary_error_status = 404
    client = saved_connection.client()
    asset_id = client.album_assets("31").items[0].id
    fake_synology.expire_sessions()

    with client.open_stream(asset_id, "thumbnail") as stream:
        assert stream.status == 200


def test_workers_share_a_renewed_session(saved_connection, fake_synology):
    first_worker = saved_connection.client()
    second_worker = fresh(saved_connection).client()
    first_worker.albums()
    fake_synology.expire_sessions()

    first_worker.albums()  # renews and stores the new sid
    stale = second_worker.session.session_id
    second_worker.session._renew(stale)  # finds the stored sid newer than its own

    assert fake_synology.logins == 2
    assert second_worker.session.session_id == fresh(saved_connection).session_id


def test_status_uses_the_stored_session(saved_connection, fake_synology, owner):
    saved_connection.client().albums()

    report = services.check_status(owner)

    assert report.connected is True
    assert fake_synology.logins == 1


def test_changing_only_the_password_keeps_the_session(
    saved_connection, fake_synology, owner
):
    saved_connection.client().albums()
    before = fresh(saved_connection)

    services.save_settings(
        owner,
        TypedSettings(url=fake_synology.url, username="alice", password="new-one"),
    )

    after = fresh(saved_connection)
    assert after.session_id == before.session_id
    assert str(after.password) == "new-one"


def test_changing_the_username_drops_the_session(
    saved_connection, fake_synology, owner
):
    saved_connection.client().albums()

    services.save_settings(
        owner, TypedSettings(url=fake_synology.url, username="alice2", password="pw")
    )

    after = fresh(saved_connection)
    assert after.session_id == "" and after.device_token == ""


def test_only_one_worker_at_a_time_may_sign_a_connection_in(saved_connection):
    """The sign-in lock lives in the shared cache, so it spans processes too."""
    store = SavedConnectionStore(saved_connection)
    order, first_inside, release = [], threading.Event(), threading.Event()

    def first_worker():
        with store.sign_in_lock():
            order.append("first in")
            first_inside.set()
            release.wait(timeout=10)
            order.append("first out")

    def second_worker():
        with SavedConnectionStore(saved_connection).sign_in_lock():
            order.append("second in")

    first = threading.Thread(target=first_worker)
    first.start()
    assert first_inside.wait(timeout=10)
    second = threading.Thread(target=second_worker)
    second.start()
    second.join(timeout=0.3)  # it must still be waiting for the lock
    assert order == ["first in"]

    release.set()
    first.join(timeout=10)
    second.join(timeout=10)
    assert order == ["first in", "first out", "second in"]
