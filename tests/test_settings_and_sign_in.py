"""The embedded defaults, the refusal of sample keys, and signing in."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_manage(tmp_path, *args, **env):
    """manage.py in a fresh process, with only the given variables set."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "SECRET_KEY", "DEBUG"}
    }
    environment.update(DATA_DIR=str(tmp_path), **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_with_nothing_set_the_app_uses_sqlite_and_generates_its_keys(tmp_path):
    result = run_manage(tmp_path, "check")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "encryption_key").stat().st_mode & 0o777 == 0o600

    result = run_manage(
        tmp_path,
        "shell",
        "-c",
        "from django.conf import settings as s; "
        "print(s.DATABASES['default']['ENGINE'], s.CELERY_TASK_ALWAYS_EAGER)",
    )
    assert result.stdout.splitlines()[-1].split() == [
        "django.db.backends.sqlite3",
        "True",
    ]


def test_the_generated_secret_key_is_kept_across_starts(tmp_path):
    run_manage(tmp_path, "check")
    first = (tmp_path / "secret_key").read_text()
    run_manage(tmp_path, "check")
    assert (tmp_path / "secret_key").read_text() == first


@pytest.mark.parametrize("sample", ["change-me", "short", "django-insecure-abc" * 3])
def test_refuses_to_start_on_a_sample_secret_key(tmp_path, sample):
    result = run_manage(tmp_path, "check", SECRET_KEY=sample)
    assert result.returncode != 0
    assert "SECRET_KEY is empty, too short or a sample value" in result.stderr


def test_a_sample_key_is_tolerated_in_debug_mode(tmp_path):
    result = run_manage(tmp_path, "check", SECRET_KEY="change-me", DEBUG="true")
    assert result.returncode == 0, result.stderr


def test_deploy_check_is_clean_with_the_production_variables(tmp_path):
    result = run_manage(
        tmp_path,
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="k3Yq8-vT2pLmZ9rWc4Xn7bJfH1sDgA6eUoQiR0tNyMlKwVzBxCaE5uIhGjOd",
        ALLOWED_HOSTS="trek.example.org",
        HTTPS="true",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_redis_url_switches_tasks_to_the_broker(tmp_path):
    result = run_manage(
        tmp_path,
        "shell",
        "-c",
        "from django.conf import settings as s; "
        "print(s.CELERY_BROKER_URL, s.CELERY_TASK_ALWAYS_EAGER, "
        "s.CACHES['default']['BACKEND'])",
        REDIS_URL="redis://127.0.0.1:6379/5",
    )
    assert result.stdout.splitlines()[-1].split() == [
        "redis://127.0.0.1:6379/5",
        "False",
        "django.core.cache.backends.redis.RedisCache",
    ]


@pytest.mark.django_db
def test_login_page_signs_a_user_in(client, owner):
    page = client.get("/login/")
    assert page.status_code == 200
    assert "Sign in" in page.content.decode()
    response = client.post(
        "/login/", {"username": "olivia", "password": "correct horse battery"}
    )
    assert response.status_code == 302
    assert client.get("/trips/").status_code == 200


@pytest.mark.django_db
def test_wrong_password_shows_a_message(client, owner):
    response = client.post("/login/", {"username": "olivia", "password": "nope"})
    assert response.status_code == 200
    assert "match. Please try again." in response.content.decode()


@pytest.mark.django_db
def test_token_sign_in_for_the_api(client, owner, trip):
    response = client.post(
        "/api/auth/token",
        {"username": "olivia", "password": "correct horse battery"},
        content_type="application/json",
    )
    assert response.status_code == 200
    token = response.json()["token"]
    trips = client.get("/api/trips/", HTTP_AUTHORIZATION=f"Token {token}")
    assert trips.status_code == 200
    assert trips.json()[0]["title"] == "Lisbon"


@pytest.mark.django_db
def test_token_sign_in_with_a_wrong_password_is_a_400(client, owner):
    response = client.post(
        "/api/auth/token",
        {"username": "olivia", "password": "wrong"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "Unable to log in" in response.json()["error"]


@pytest.mark.django_db
def test_a_bad_token_is_a_401(client):
    response = client.get("/api/trips/", HTTP_AUTHORIZATION="Token nonsense")
    assert response.status_code == 401
    assert response.json()["code"] == "AUTH_REQUIRED"


@pytest.mark.django_db
def test_health_check_answers(client):
    assert client.get("/healthz").json() == {"status": "ok"}
