"""Save, test and check a user's Synology connection.

The JSON API and the settings card both call these; neither repeats the rules:
a blank password keeps the stored one (for the same server only), a changed
address or account drops the session and device token, and a device token
won by Test Connection survives the Save that follows it.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from integrations.providers.base import ConnectionReport, InvalidInputError
from integrations.providers.synology.address import canonical_base_url, same_server
from integrations.providers.synology.client import SynologyClient
from integrations.providers.synology.models import SynologyConnection
from integrations.providers.synology.session import Account, MemoryStore

logger = logging.getLogger(__name__)

_OTP = re.compile(r"\d{6,8}")


@dataclass(frozen=True)
class TypedSettings:
    """What the user typed into the settings form, before any checking."""

    url: str = ""
    username: str = ""
    password: str = ""
    skip_tls_verify: bool = False
    otp_code: str = ""


def connection_for(user) -> SynologyConnection | None:
    return SynologyConnection.objects.filter(user=user).first()


def client_for(user) -> SynologyClient:
    """A client on the user's saved connection (NotConfiguredError otherwise)."""
    connection = connection_for(user)
    if connection is None:
        connection = SynologyConnection(user=user)
    return connection.client()


def settings_snapshot(connection: SynologyConnection | None) -> dict:
    """The saved settings as GET settings shows them: no secret, no network."""
    if connection is None:
        connection = SynologyConnection()
    last_test = None
    if connection.last_tested_at is not None:
        last_test = {
            "at": connection.last_tested_at,
            "ok": bool(connection.last_test_ok),
            "error": connection.last_error or None,
        }
    return {
        "synology_url": connection.base_url,
        "synology_username": connection.username,
        "synology_skip_ssl": connection.skip_tls_verify,
        "connected": connection.is_connected,
        "has_password": connection.has_password,
        "reconnect_required": connection.needs_reconnect,
        "last_test": last_test,
    }


@transaction.atomic
def save_settings(user, typed: TypedSettings) -> SynologyConnection:
    base_url, username = _vet_identity(typed)
    connection = SynologyConnection.objects.select_for_update().filter(
        user=user
    ).first() or SynologyConnection(user=user)
    password = _password_to_use(connection, typed.password, base_url)

    connection.password = password
    connection.base_url = base_url
    connection.username = username
    connection.skip_tls_verify = typed.skip_tls_verify
    if not connection.session_matches:
        _replace_session(connection)
    connection.save()
    return connection


def test_connection(user, typed: TypedSettings) -> ConnectionReport:
    """Sign in with typed (maybe unsaved) values and say how it went."""
    base_url, username = _vet_identity(typed)
    otp_code = _vet_otp(typed.otp_code)
    connection = connection_for(user) or SynologyConnection(user=user)
    password = _password_to_use(connection, typed.password, base_url)
    device_token = _device_token_for(connection, base_url, username)

    account = Account(
        base_url=base_url,
        username=username,
        password=password,
        verify_tls=not typed.skip_tls_verify,
        device_token=device_token,
    )
    store = MemoryStore(device_token=device_token)
    with SynologyClient(account, store=store) as client:
        report = client.test(otp_code=otp_code)

    _remember_test(connection, base_url, username, report, store)
    return report


def check_status(user) -> ConnectionReport:
    """Whether the saved connection works now, on its stored session."""
    connection = connection_for(user)
    if connection is None or not connection.is_configured:
        return ConnectionReport(
            False,
            error="Synology Photos is not connected. Add it in Settings.",
            error_code="synology.not_configured",
        )
    if connection.needs_reconnect:
        return ConnectionReport(
            False,
            error="The saved Synology password can no longer be read. Type it "
            "again in Settings and save.",
            error_code="synology.reconnect_required",
        )
    with connection.client() as client:
        report = client.check()
    _record(connection, report)
    return report


# --- the rules ---------------------------------------------------------------------


def _vet_identity(typed: TypedSettings) -> tuple[str, str]:
    base_url = canonical_base_url(typed.url)
    username = (typed.username or "").strip()
    if not username:
        raise InvalidInputError(
            "Type the username you sign in to the NAS with.",
            code="synology.username_missing",
        )
    return base_url, username


def _vet_otp(typed_code: str) -> str:
    code = re.sub(r"\s", "", typed_code or "")
    if code and not _OTP.fullmatch(code):
        raise InvalidInputError(
            "The one-time code is the 6 digits your authenticator app shows.",
            code="synology.otp_malformed",
        )
    return code


def _password_to_use(connection, typed_password: str, base_url: str) -> str:
    if typed_password and typed_password.strip():
        return typed_password
    stored = connection.password
    if not stored:
        raise InvalidInputError(
            "Type the password: none is saved yet.", code="synology.password_missing"
        )
    # The saved password only ever goes to the server it was saved for, so
    # nobody can point it at another host by editing the address alone.
    if not same_server(base_url, connection.base_url):
        raise InvalidInputError(
            "Type the password again: a saved password is only reused for the "
            "same server.",
            code="synology.password_missing",
        )
    return str(stored)


def _device_token_for(connection, base_url: str, username: str) -> str:
    if connection.session_matches_values(base_url, username) and connection.base_url:
        return str(connection.device_token or "")
    if (connection.pending_base_url, connection.pending_username) == (
        base_url,
        username,
    ):
        return str(connection.pending_device_token or "")
    return ""


def _replace_session(connection: SynologyConnection) -> None:
    """The address or account changed: the old session and token are void."""
    pending = (connection.pending_base_url, connection.pending_username)
    if pending == (connection.base_url, connection.username):
        # Test Connection already signed in with exactly these values.
        connection.session_id = connection.pending_session_id
        connection.device_token = connection.pending_device_token
        connection.last_test_ok = True
        connection.last_tested_at = timezone.now()
    else:
        connection.session_id = ""
        connection.device_token = ""
        connection.last_test_ok = None
        connection.last_tested_at = None
    connection.session_base_url = connection.base_url
    connection.session_username = connection.username
    connection.album_passphrases = ""
    connection.last_error = ""
    _clear_pending(connection)


def _clear_pending(connection: SynologyConnection) -> None:
    connection.pending_session_id = ""
    connection.pending_device_token = ""
    connection.pending_base_url = ""
    connection.pending_username = ""


def _remember_test(connection, base_url, username, report, store: MemoryStore):
    saved_values = bool(connection.pk) and (
        connection.base_url,
        connection.username,
    ) == (
        base_url,
        username,
    )
    if saved_values:
        if report.connected:
            SynologyConnection.objects.filter(pk=connection.pk).update(
                session_id=store.session_id,
                device_token=store.device_token,
                session_base_url=base_url,
                session_username=username,
            )
        _record(connection, report)
        return
    if not report.connected:
        return
    # Values not saved yet: keep what the sign-in won until Save confirms them.
    connection.pending_session_id = store.session_id
    connection.pending_device_token = store.device_token
    connection.pending_base_url = base_url
    connection.pending_username = username
    if connection.pk:
        connection.save(
            update_fields=[
                "pending_session_id",
                "pending_device_token",
                "pending_base_url",
                "pending_username",
                "updated_at",
            ]
        )
    else:
        connection.save()


def _record(connection: SynologyConnection, report: ConnectionReport) -> None:
    now = timezone.now()
    error = "" if report.connected else (report.error or "")[:500]
    SynologyConnection.objects.filter(pk=connection.pk).update(
        last_tested_at=now, last_test_ok=report.connected, last_error=error
    )
    connection.last_tested_at = now
    connection.last_test_ok = report.connected
    connection.last_error = error
    if not report.connected:
        logger.info(
            "synology connection %s check failed: %s", connection.pk, report.error_code
        )
