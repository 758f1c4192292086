"""Saving, testing and reporting a user's Immich connection.

The JSON API and the settings card both call these functions, so the rules
(a blank key keeps the saved key, a server is never saved without a key nor a
key without a server, a changed server forgets the last test, results are
recorded on the connection) are written once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.utils import timezone

from integrations import net
from integrations.providers.base import (
    ConnectionReport,
    InvalidInputError,
    ProviderError,
)
from integrations.providers.immich.client import ImmichClient
from integrations.providers.immich.models import ImmichConnection
from integrations.providers.immich.serverurl import api_base

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SaveOutcome:
    connection: ImmichConnection
    warning: str | None = None


def connection_of(user) -> ImmichConnection | None:
    return ImmichConnection.objects.filter(user=user).first()


def save_settings(user, values: dict) -> SaveOutcome:
    """Store validated settings (see ImmichSettingsSerializer)."""
    connection = connection_of(user) or ImmichConnection(user=user)
    warning = None
    changed_server = False

    if "immich_url" in values and values["immich_url"] != connection.server_url:
        if values["immich_url"]:
            warning = vet_server_url(values["immich_url"])
        connection.server_url = values["immich_url"]
        changed_server = True
    new_key = values.get("immich_api_key") or ""
    if new_key:
        connection.api_key = new_key
        changed_server = True
    if "auto_upload" in values:
        connection.mirror_uploads = values["auto_upload"]
    _refuse_half_a_connection(connection)

    if changed_server:
        _forget_last_test(connection)
    connection.save()
    logger.info("immich settings saved for connection %s", connection.pk)
    return SaveOutcome(connection, warning)


def _refuse_half_a_connection(connection: ImmichConnection) -> None:
    """A server without a key, or a key without a server, is never saved.

    The card does not echo the key back, so a Save after a failed Test arrives
    with a blank key; storing the URL alone would say "saved" and connect to
    nothing.
    """
    if connection.server_url and not connection.has_api_key:
        raise InvalidInputError(
            "Enter the API key: none is saved yet.", code="immich.api_key_missing"
        )
    if connection.api_key and not connection.server_url:
        raise InvalidInputError(
            "Enter the Immich server URL the API key is for.",
            code="immich.url_missing",
        )


def vet_server_url(server_url: str) -> str | None:
    """Refuse a URL the network policy refuses; warn about a private address."""
    try:
        target = net.vet_outbound_url(api_base(server_url))
    except ProviderError as exc:
        raise InvalidInputError(
            f"Invalid Immich URL: {exc.message}", code=exc.code
        ) from exc
    return target.warning


def test_settings(user, values: dict) -> ConnectionReport:
    """Test typed (unsaved) values; blanks fall back to what is saved."""
    connection = connection_of(user)
    server_url = values.get("immich_url") or (connection and connection.server_url)
    typed_key = values.get("immich_api_key") or ""
    if not typed_key and connection is not None and connection.needs_reconnect:
        return _reconnect_report()
    api_key = typed_key or (connection.api_key if connection else "")
    if not server_url or not api_key:
        return ConnectionReport(
            connected=False,
            error="Enter the Immich server URL and an API key.",
            error_code="immich.not_configured",
        )
    mirror = values.get(
        "auto_upload", connection.mirror_uploads if connection else False
    )

    report = _run_test(ImmichClient(server_url, api_key, mirror_uploads=mirror))
    if (
        connection is not None
        and server_url == connection.server_url
        and (not typed_key or typed_key == connection.api_key)
    ):
        record_report(connection, report)
    return report


def check_status(user) -> ConnectionReport:
    """A live test of the saved connection, recorded on it."""
    connection = connection_of(user)
    if connection is None:
        return ConnectionReport(
            connected=False,
            error="Immich is not connected.",
            error_code="immich.not_configured",
        )
    try:
        client = connection.client()
    except ProviderError as exc:
        return ConnectionReport(connected=False, error=exc.message, error_code=exc.code)
    report = _run_test(client)
    record_report(connection, report)
    return report


def record_report(connection: ImmichConnection, report: ConnectionReport) -> None:
    connection.last_tested_at = timezone.now()
    connection.last_test_ok = report.connected
    connection.last_error = report.error or ""
    connection.server_version = report.server_version or connection.server_version
    connection.server_user_name = report.user_name or ""
    connection.missing_permissions = list(report.missing_permissions)
    connection.save(
        update_fields=[
            "last_tested_at",
            "last_test_ok",
            "last_error",
            "server_version",
            "server_user_name",
            "missing_permissions",
            "updated_at",
        ]
    )


# --- what the API returns ---------------------------------------------------------


def settings_payload(connection: ImmichConnection | None) -> dict:
    """GET settings: what is saved, never the key, no network call."""
    if connection is None:
        connection = ImmichConnection()
    return {
        "immich_url": connection.server_url,
        "connected": connection.is_configured and not connection.needs_reconnect,
        "auto_upload": connection.mirror_uploads,
        "has_api_key": connection.has_api_key,
        "reconnect_required": connection.needs_reconnect,
        "last_test": {
            "ok": connection.last_test_ok,
            "tested_at": connection.last_tested_at,
            "error": connection.last_error,
            "server_version": connection.server_version,
            "user_name": connection.server_user_name,
            "missing_permissions": connection.missing_permissions,
        },
    }


def report_payload(report: ConnectionReport) -> dict:
    if not report.connected:
        body = {"connected": False, "error": report.error, "code": report.error_code}
        if report.error_code == "immich.reconnect_required":
            body["reconnect_required"] = True
        return body
    return {
        "connected": True,
        "user": {"name": report.user_name},
        "server_version": report.server_version,
        "missing_permissions": report.missing_permissions,
    }


def _run_test(client: ImmichClient) -> ConnectionReport:
    try:
        return client.test()
    finally:
        client.close()


def _reconnect_report() -> ConnectionReport:
    return ConnectionReport(
        connected=False,
        error="Reconnect required: the saved Immich API key can no longer be read. "
        "Enter it again.",
        error_code="immich.reconnect_required",
    )


def _forget_last_test(connection: ImmichConnection) -> None:
    # A different server or key: what we learnt about the old one is void.
    connection.last_tested_at = None
    connection.last_test_ok = None
    connection.last_error = ""
    connection.server_version = ""
    connection.server_user_name = ""
    connection.missing_permissions = []
