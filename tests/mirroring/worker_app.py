"""trek's Celery app for the worker tests, with test-sized timings.

Started as `celery -A tests.mirroring.worker_app worker`. The queue and Redis key
prefix keep the test's messages apart from anything else on the same Redis; a
short visibility timeout brings back the message of a worker that was killed.
"""

import os

from celery.signals import worker_init

from trek.celery import app


def transport_options(prefix: str, visibility_timeout: int) -> dict:
    return {
        "global_keyprefix": prefix,
        "visibility_timeout": visibility_timeout,
        "unacked_restore_interval": 1,
        "unacked_restore_throttle": 1,
    }


if os.environ.get("TEST_CELERY_QUEUE"):
    app.conf.task_default_queue = os.environ["TEST_CELERY_QUEUE"]
    app.conf.broker_transport_options = transport_options(
        os.environ["TEST_CELERY_KEY_PREFIX"],
        int(os.environ.get("TEST_CELERY_VISIBILITY_TIMEOUT", "3600")),
    )


@worker_init.connect
def _test_timings(**_):
    from django.conf import settings

    for name in ("MIRROR_MAX_RETRIES", "MIRROR_RETRY_BASE_SECONDS"):
        if os.environ.get(f"TEST_{name}"):
            setattr(settings, name, float(os.environ[f"TEST_{name}"]))
