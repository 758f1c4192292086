"""Signing in to DSM and keeping one session per connection.

A session id (sid) lasts for days, so it is stored with the connection and
reused by every request, worker and restart; we sign in again only when DSM
says the session is gone, and then once. A two-factor account is signed in
with a one-time code once: DSM then hands out a device token, and later
sign-ins present that token instead of a code.

Nothing here knows Django: whatever must survive the request (sid, device
token, album passphrases) is handed to a `ConnectionStore`.
"""

from __future__ import annotations

import logging
import threading
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urlsplit

from integrations.net import OutboundSession
from integrations.providers.base import AuthError, BadResponseError
from integrations.providers.synology import transport
from integrations.providers.synology.errors import (
    SESSION_EXPIRED_CODES,
    api_error,
    sign_in_error,
)

logger = logging.getLogger(__name__)

AUTH_API = "SYNO.API.Auth"
AUTH_VERSION = "6"  # the first version with device tokens; DSM 7 keeps it
# DSM lists trusted devices by this name and may hand out a device token only
# once per name, so it never changes.
DEVICE_NAME = "TREK photos"


@dataclass(frozen=True)
class Account:
    """Where and as whom to sign in, plus what an earlier sign-in left us."""

    base_url: str
    username: str
    password: str
    verify_tls: bool = True
    device_token: str = ""
    session_id: str = ""

    @property
    def host(self) -> str:
        return urlsplit(self.base_url).netloc


class ConnectionStore(Protocol):
    """Where a client keeps what must outlive it (the model implements this)."""

    def load_session_id(self) -> str: ...

    def save_session(self, session_id: str, device_token: str) -> None: ...

    def load_passphrases(self) -> dict[str, str]: ...

    def save_passphrases(self, passphrases: dict[str, str]) -> None: ...

    def sign_in_lock(self) -> AbstractContextManager: ...


class MemoryStore:
    """A store that forgets everything with the client; for typed, unsaved values."""

    def __init__(self, session_id: str = "", device_token: str = ""):
        self.session_id = session_id
        self.device_token = device_token
        self.passphrases: dict[str, str] = {}

    def load_session_id(self) -> str:
        return self.session_id

    def save_session(self, session_id: str, device_token: str) -> None:
        self.session_id = session_id
        self.device_token = device_token

    def load_passphrases(self) -> dict[str, str]:
        return dict(self.passphrases)

    def save_passphrases(self, passphrases: dict[str, str]) -> None:
        self.passphrases = dict(passphrases)

    def sign_in_lock(self) -> AbstractContextManager:
        return nullcontext()  # nobody else shares this store


_locks_guard = threading.Lock()
_renewal_locks: dict[tuple[str, str], threading.Lock] = {}


def _renewal_lock(account: Account) -> threading.Lock:
    # Threads of one process that find the session expired at the same moment
    # must not all sign in: the first signs in, the others pick up its sid.
    key = (account.base_url, account.username)
    with _locks_guard:
        return _renewal_locks.setdefault(key, threading.Lock())


class SynologySession:
    """One signed-in session with a NAS, renewed on demand."""

    def __init__(self, account: Account, *, store: ConnectionStore | None = None):
        self.account = account
        self.store = store or MemoryStore(account.session_id, account.device_token)
        self.http = OutboundSession(verify_tls=account.verify_tls)
        self.session_id = account.session_id
        self.device_token = account.device_token
        self._last_session_id = ""

    def close(self) -> None:
        self.http.close()

    # --- signing in ------------------------------------------------------------

    def sign_in(self, otp_code: str | None = None) -> None:
        """Sign in now, with a one-time code when the user typed one."""
        form = {
            "api": AUTH_API,
            "version": AUTH_VERSION,
            "method": "login",
            "account": self.account.username,
            "passwd": self.account.password,
            "format": "sid",
            "device_name": DEVICE_NAME,
        }
        if otp_code:
            # A code is good once: ask for a device token in the same request
            # so the user never has to type one again for this connection.
            form["otp_code"] = otp_code
            form["enable_device_token"] = "yes"  # noqa: S105 - a flag, not a secret
        elif self.device_token:
            form["device_id"] = self.device_token

        url = transport.entry_url(self.account.base_url, AUTH_API)
        response = transport.send(self.http, url, data=form)
        try:
            envelope = transport.read_envelope(response)
            cookie_token = response.cookies.get("did", "")
        finally:
            response.close()

        code = transport.error_code(envelope)
        if code is not None:
            logger.info(
                "synology sign-in refused on %s: code %s", self.account.host, code
            )
            raise sign_in_error(code)
        self._adopt_sign_in(envelope.get("data") or {}, cookie_token, bool(otp_code))

    def _adopt_sign_in(self, data: dict, cookie_token: str, used_otp: bool) -> None:
        session_id = data.get("sid") or ""
        if not session_id:
            raise BadResponseError(
                "The NAS accepted the sign-in but sent no session.",
                code="synology.no_session",
            )
        # Version 6 names the token "did", version 7 "device_id"; some DSM
        # releases leave both empty and only set the "did" cookie.
        new_token = data.get("device_id") or data.get("did") or cookie_token or ""
        if used_otp and not new_token:
            logger.warning(
                "synology sign-in on %s with a one-time code brought no device "
                "token; the next sign-in will ask for a code again",
                self.account.host,
            )
        self.session_id = session_id
        if new_token:
            self.device_token = new_token
        self.store.save_session(self.session_id, self.device_token)
        logger.info("synology signed in on %s", self.account.host)

    def _renew(self, stale_session_id: str) -> None:
        with _renewal_lock(self.account), self.store.sign_in_lock():
            stored = self.store.load_session_id()
            if stored and stored != stale_session_id:
                # Another request (or worker) renewed it while we waited.
                self.session_id = stored
                return
            self.sign_in()

    def _ensure_session(self) -> str:
        if not self.session_id:
            self._renew("")
        return self.session_id

    # --- calling the Photos APIs --------------------------------------------

    def call(self, api: str, method: str, version: int, **params) -> dict:
        """Call a SYNO.Foto* method and return its `data`, renewing once."""
        envelope = self._post_json(api, method, version, params)
        code = transport.error_code(envelope)
        if code in SESSION_EXPIRED_CODES:
            logger.info(
                "synology session expired on %s (code %s)", self.account.host, code
            )
            self._renew(self._last_session_id)
            envelope = self._post_json(api, method, version, params)
            code = transport.error_code(envelope)
        if code is not None:
            raise _photos_error(code)
        return envelope.get("data") or {}

    def open(self, api: str, method: str, version: int, params: dict, headers=None):
        """Start a binary call (image, download); the caller closes the response."""
        response = self._post_binary(api, method, version, params, headers)
        if transport.is_payload(response):
            return response
        code = transport.binary_error_code(response)
        if code in SESSION_EXPIRED_CODES:
            logger.info(
                "synology session expired on %s (code %s)", self.account.host, code
            )
            self._renew(self._last_session_id)
            response = self._post_binary(api, method, version, params, headers)
            if transport.is_payload(response):
                return response
            code = transport.binary_error_code(response)
        raise _photos_error(code)

    def api_info(self) -> dict:
        """SYNO.API.Info: which APIs the NAS offers. Needs no session."""
        form = {
            "api": "SYNO.API.Info",
            "version": "1",
            "method": "query",
            "query": "SYNO.API.Auth,SYNO.Foto.",
        }
        url = transport.entry_url(self.account.base_url, "SYNO.API.Info")
        response = transport.send(self.http, url, data=form)
        try:
            envelope = transport.read_envelope(response)
        finally:
            response.close()
        code = transport.error_code(envelope)
        if code is not None:
            raise api_error(code)
        return envelope.get("data") or {}

    def _form(self, api: str, method: str, version: int, params: dict) -> dict:
        self._last_session_id = self._ensure_session()
        form = transport.encode_photos_params(params)
        form.update(
            api=api, method=method, version=str(version), _sid=self._last_session_id
        )
        return form

    def _post_json(self, api, method, version, params) -> dict:
        form = self._form(api, method, version, params)
        url = transport.entry_url(self.account.base_url, api)
        response = transport.send(self.http, url, data=form)
        try:
            return transport.read_envelope(response)
        finally:
            response.close()

    def _post_binary(self, api, method, version, params, headers):
        form = self._form(api, method, version, params)
        url = transport.entry_url(self.account.base_url, api)
        return transport.send(
            self.http, url, data=form, headers=headers or {}, stream=True
        )


def _photos_error(code: int):
    if code in SESSION_EXPIRED_CODES:
        logger.warning("synology session could not be renewed (code %s)", code)
        return AuthError(
            "The NAS ended our session and did not accept a new one. Test the "
            "connection in Settings.",
            code="synology.session_expired",
        )
    return api_error(code)
