"""A user's Synology Photos connection: where, as whom, and the live session."""

from __future__ import annotations

import json
import time
from contextlib import contextmanager

from django.conf import settings
from django.core.cache import cache
from django.db import models

from integrations import crypto
from integrations.fields import EncryptedTextField
from integrations.providers.base import NotConfiguredError
from integrations.providers.synology.session import Account


class SynologyConnection(models.Model):
    """One per user. Secrets are encrypted and never leave the server.

    The session id and device token belong to the NAS address and account
    they were issued for (`session_base_url`, `session_username`): they are
    used only while those still match what is saved. A device token obtained
    by Test Connection for other values than the saved ones waits in the
    `pending_*` fields, so that "test with a code, then save" keeps it.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="synology_connection",
    )
    base_url = models.CharField(max_length=500, blank=True)
    username = models.CharField(max_length=150, blank=True)
    password = EncryptedTextField()
    skip_tls_verify = models.BooleanField(default=False)

    session_id = EncryptedTextField()
    device_token = EncryptedTextField()
    session_base_url = models.CharField(max_length=500, blank=True)
    session_username = models.CharField(max_length=150, blank=True)
    pending_session_id = EncryptedTextField()
    pending_device_token = EncryptedTextField()
    pending_base_url = models.CharField(max_length=500, blank=True)
    pending_username = models.CharField(max_length=150, blank=True)
    # JSON {album id: passphrase}; "" marks an album the user owns.
    album_passphrases = EncryptedTextField()

    last_tested_at = models.DateTimeField(null=True, blank=True)
    last_test_ok = models.BooleanField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "Synology Photos connection"

    def __str__(self) -> str:
        return f"Synology Photos of {self.user}"

    # --- what the settings card and API show --------------------------------

    @property
    def has_password(self) -> bool:
        return bool(self.password) or not crypto.is_readable(self.password)

    @property
    def needs_reconnect(self) -> bool:
        """A secret is stored but no configured key can open it any more."""
        return not crypto.is_readable(self.password)

    @property
    def is_configured(self) -> bool:
        return bool(self.base_url and self.username and self.password)

    @property
    def session_matches(self) -> bool:
        return self.session_matches_values(self.base_url, self.username)

    def session_matches_values(self, base_url: str, username: str) -> bool:
        """Whether the stored session and token were issued for these values."""
        return (self.session_base_url, self.session_username) == (base_url, username)

    @property
    def is_connected(self) -> bool:
        """Whether the last check of the saved values succeeded. No network."""
        return bool(self.is_configured and self.session_matches and self.last_test_ok)

    # --- the client -----------------------------------------------------------

    def account(self) -> Account:
        if self.needs_reconnect:
            raise NotConfiguredError(
                "The saved Synology password can no longer be read. Type it "
                "again in Settings and save.",
                code="synology.reconnect_required",
            )
        if not self.is_configured:
            raise NotConfiguredError(
                "Synology Photos is not connected. Add it in Settings.",
                code="synology.not_configured",
            )
        matches = self.session_matches
        return Account(
            base_url=self.base_url,
            username=self.username,
            password=str(self.password),
            verify_tls=not self.skip_tls_verify,
            device_token=_readable(self.device_token) if matches else "",
            session_id=_readable(self.session_id) if matches else "",
        )

    def client(self):
        from integrations.providers.synology.client import SynologyClient

        return SynologyClient(self.account(), store=SavedConnectionStore(self))


# Longer than one sign-in can take (connect plus read timeout).
SIGN_IN_WAIT_SECONDS = 45


class SavedConnectionStore:
    """Persists what a client learns onto the connection row.

    Writes go through `update()` filtered on the saved address and account,
    so a session that was issued before the user changed them is dropped,
    and concurrent requests never overwrite each other's other fields.
    """

    def __init__(self, connection: SynologyConnection):
        self.connection = connection
        self._rows = SynologyConnection.objects.filter(
            pk=connection.pk,
            base_url=connection.base_url,
            username=connection.username,
        )

    def load_session_id(self) -> str:
        row = self._rows.only("session_id", "session_base_url", "session_username")
        fresh = row.first()
        if fresh is None or not fresh.session_matches_values(
            self.connection.base_url, self.connection.username
        ):
            return ""
        return _readable(fresh.session_id)

    def save_session(self, session_id: str, device_token: str) -> None:
        self._rows.update(
            session_id=session_id,
            device_token=device_token,
            session_base_url=self.connection.base_url,
            session_username=self.connection.username,
        )

    def load_passphrases(self) -> dict[str, str]:
        fresh = self._rows.only("album_passphrases").first()
        return _passphrase_map(fresh.album_passphrases if fresh else "")

    def save_passphrases(self, passphrases: dict[str, str]) -> None:
        self._rows.update(album_passphrases=json.dumps(passphrases))

    @contextmanager
    def sign_in_lock(self):
        """Let one process at a time sign this connection in.

        Web workers and Celery workers share the cache (Redis in production),
        so a worker that waited here finds the session another one just made
        instead of signing in again. A lock that outlives a stuck holder is
        given up after SIGN_IN_WAIT_SECONDS: at worst that costs one sign-in.
        """
        key = f"synology-sign-in:{self.connection.pk}"
        deadline = time.monotonic() + SIGN_IN_WAIT_SECONDS
        while not cache.add(key, "held", timeout=SIGN_IN_WAIT_SECONDS):
            if time.monotonic() > deadline:
                break
            time.sleep(0.05)
        try:
            yield
        finally:
            cache.delete(key)


def _readable(secret) -> str:
    return str(secret) if secret and crypto.is_readable(secret) else ""


def _passphrase_map(stored) -> dict[str, str]:
    try:
        loaded = json.loads(_readable(stored) or "{}")
    except ValueError:
        return {}
    return (
        {str(k): str(v) for k, v in loaded.items()} if isinstance(loaded, dict) else {}
    )
