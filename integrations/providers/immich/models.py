"""A user's connection to their own Immich server."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from integrations import crypto
from integrations.fields import EncryptedTextField
from integrations.providers.base import ConnectionReport, NotConfiguredError


class ImmichConnection(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="immich_connection",
    )
    # Canonical scheme://host[:port][/subpath], without /api (see serverurl.py).
    server_url = models.CharField(max_length=500, blank=True)
    # Write-only: never rendered, returned or logged.
    api_key = EncryptedTextField()
    mirror_uploads = models.BooleanField(default=False)

    # What the last Test Connection (or status check) found.
    last_tested_at = models.DateTimeField(null=True, blank=True)
    last_test_ok = models.BooleanField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    server_version = models.CharField(max_length=40, blank=True)
    server_user_name = models.CharField(max_length=200, blank=True)
    missing_permissions = models.JSONField(default=list, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Immich connection of user {self.user_id}"

    @property
    def has_api_key(self) -> bool:
        """A key is stored, readable or not."""
        return not crypto.is_readable(self.api_key) or bool(self.api_key)

    @property
    def needs_reconnect(self) -> bool:
        """The stored key can no longer be decrypted (the encryption key changed)."""
        return not crypto.is_readable(self.api_key)

    @property
    def is_configured(self) -> bool:
        return bool(self.server_url) and bool(self.api_key)

    def last_report(self) -> ConnectionReport | None:
        """What the last test found, as Test Connection reported it."""
        if self.last_test_ok is None:
            return None
        return ConnectionReport(
            connected=self.last_test_ok,
            user_name=self.server_user_name or None,
            server_version=self.server_version or None,
            missing_permissions=list(self.missing_permissions or []),
            error=self.last_error or None,
        )

    def client(self):
        """An ImmichClient on this connection, or NotConfiguredError."""
        from integrations.providers.immich.client import ImmichClient

        if self.needs_reconnect:
            raise NotConfiguredError(
                "Reconnect required: the saved Immich API key can no longer be "
                "read. Enter it again in Settings → Integrations.",
                code="immich.reconnect_required",
            )
        if not self.is_configured:
            raise NotConfiguredError(
                "Immich is not connected. Reconnect required: enter your server "
                "URL and API key in Settings → Integrations.",
                code="immich.not_configured",
            )
        return ImmichClient(
            self.server_url,
            self.api_key,
            server_version=self.server_version or None,
            mirror_uploads=self.mirror_uploads,
        )
