"""Mirroring through the real Redis and a real Celery worker process.

Needs REDIS_URL and a PostgreSQL DATABASE_URL: the worker reads the rows the
test commits (transactional_db), from pytest-django's test database.
"""

import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from photos.models import MirrorStatus, Photo
from tests.journeys.images import image_bytes
from tests.mirroring.helpers import assets_with, upload_photo, upload_requests
from tests.mirroring.worker_app import transport_options

pytestmark = [
    # Committed rows the worker can read; the addon rows come back after each test.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.redis,
    pytest.mark.postgres,
    pytest.mark.celery_worker,
    pytest.mark.skipif(
        not os.environ.get("REDIS_URL"),
        reason="needs REDIS_URL: a real Redis broker for the Celery worker",
    ),
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="needs a PostgreSQL DATABASE_URL the worker process can share",
    ),
]
ROOT = Path(__file__).resolve().parents[2]
DEADLINE_SECONDS = 60
VISIBILITY_TIMEOUT = 3


def wait_for(condition, what, timeout=DEADLINE_SECONDS):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.2)
    raise AssertionError(f"gave up after {timeout}s waiting for {what}")


@pytest.fixture
def broker():
    """Our own queue and key prefix on the real Redis; tasks leave the process."""
    from trek.celery import app

    queue = f"trek-test-mirror-{uuid.uuid4().hex[:8]}"
    prefix = f"{queue}:"
    saved = (
        app.conf.task_always_eager,
        app.conf.task_default_queue,
        app.conf.broker_transport_options,
    )
    app.conf.task_always_eager = False
    app.conf.task_default_queue = queue
    app.conf.broker_transport_options = transport_options(prefix, VISIBILITY_TIMEOUT)
    _reconnect(app)
    yield {"queue": queue, "prefix": prefix}
    app.conf.task_always_eager = saved[0]
    app.conf.task_default_queue = saved[1]
    app.conf.broker_transport_options = saved[2]
    _reconnect(app)


def _reconnect(app):
    """Forget the pooled broker connections, so the next send uses the options
    set now (kombu keys its pools by connection, options included)."""
    app._pool = None
    app.amqp._producer_pool = None


@pytest.fixture
def start_worker(broker, fake_immich, tmp_path):
    workers = []

    def start(name="first"):
        log = (tmp_path / f"worker-{name}.log").open("wb")
        database = connection.settings_dict
        env = {
            **os.environ,
            "DATABASE_URL": (
                f"postgres://{database['USER']}@{database['HOST']}:"
                f"{database['PORT']}/{database['NAME']}"
            ),
            "MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "OUTBOUND_ALLOWLIST": fake_immich.host_port,
            "ENCRYPTION_KEY": settings.ENCRYPTION_KEY,
            "TEST_CELERY_QUEUE": broker["queue"],
            "TEST_CELERY_KEY_PREFIX": broker["prefix"],
            "TEST_CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY_TIMEOUT),
            "TEST_MIRROR_MAX_RETRIES": "30",
            "TEST_MIRROR_RETRY_BASE_SECONDS": "0.5",
        }
        env.pop("PYTEST_CURRENT_TEST", None)
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "tests.mirroring.worker_app",
                "worker",
                "--pool=solo",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                "--loglevel=INFO",
                "--hostname",
                f"{broker['queue']}-{name}@%h",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        workers.append((process, log))
        return process

    yield start

    for process, log in workers:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=5)
        log.close()


@pytest.fixture
def uploaded(api_for, owner, entry):
    def upload(content):
        shown = upload_photo(api_for(owner), entry, content)
        return Photo.objects.get(pk=shown["photo_id"])

    return upload


def status_of(photo):
    photo.refresh_from_db()
    return photo.mirror_status


def test_a_worker_mirrors_an_upload_exactly_once(
    fake_immich, connect_immich, start_worker, uploaded
):
    connect_immich(fake_immich)
    start_worker()
    content = image_bytes(color=(10, 160, 90))

    photo = uploaded(content)

    wait_for(lambda: status_of(photo) == MirrorStatus.MIRRORED, "the mirror")
    [asset] = assets_with(fake_immich, content)
    assert photo.mirrored_asset_id == asset.id
    assert len(upload_requests(fake_immich)) == 1


def test_while_immich_is_down_the_photo_waits_then_arrives_once(
    fake_immich, connect_immich, start_worker, uploaded
):
    connect_immich(fake_immich)
    start_worker()
    port = fake_immich.port
    fake_immich.stop()
    content = image_bytes(color=(250, 200, 10))

    photo = uploaded(content)

    def retried():
        photo.refresh_from_db()
        return photo.mirror_attempts >= 2 and photo.mirror_error

    wait_for(retried, "a second attempt against the stopped server")
    assert photo.mirror_status == MirrorStatus.QUEUED
    fake_immich.start(port)
    wait_for(lambda: status_of(photo) == MirrorStatus.MIRRORED, "the mirror")
    assert len(assets_with(fake_immich, content)) == 1


def test_a_worker_killed_mid_upload_loses_nothing_and_duplicates_nothing(
    fake_immich, connect_immich, start_worker, uploaded, monkeypatch
):
    connect_immich(fake_immich)
    stored, release = threading.Event(), threading.Event()
    answer = fake_immich._answer

    def store_then_hang(request):
        response = answer(request)
        if request.path.endswith("/api/assets") and response.status_code == 201:
            stored.set()  # Immich has the file; the worker has not heard back
            release.wait(DEADLINE_SECONDS)
        return response

    monkeypatch.setattr(fake_immich, "_answer", store_then_hang)
    first = start_worker("first")
    content = image_bytes(color=(70, 20, 140))

    photo = uploaded(content)
    assert stored.wait(DEADLINE_SECONDS), "the upload never reached Immich"
    os.killpg(first.pid, signal.SIGKILL)
    first.wait(timeout=10)
    release.set()
    assert status_of(photo) == MirrorStatus.QUEUED  # nothing recorded, nothing lost

    start_worker("second")

    wait_for(
        lambda: status_of(photo) in (MirrorStatus.MIRRORED, MirrorStatus.DUPLICATE),
        "the re-delivered task",
    )
    [asset] = assets_with(fake_immich, content)
    assert photo.mirrored_asset_id == asset.id
    assert photo.mirror_attempts == 2
