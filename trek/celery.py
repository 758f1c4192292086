"""The Celery app. Its broker is REDIS_URL; without one, tasks run in-process."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trek.settings")

app = Celery("trek")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
