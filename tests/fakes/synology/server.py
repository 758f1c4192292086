"""A fake DSM 7 with Synology Photos, served over real HTTP(S) on 127.0.0.1.

It answers the calls our client makes the way DSM does: HTTP 200 with
{"success": false, "error": {"code": N}} for failures, sessions that expire
when a test says so, two-factor sign-in with device tokens, and image bytes
from the thumbnail and download APIs. Tests read its counters to see how
often we signed in or asked for something.
"""

from __future__ import annotations

import json
import logging
import secrets
import threading
from collections import Counter
from dataclasses import dataclass

import pyotp
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from tests.fakes.synology import photos
from tests.fakes.synology.library import default_library
from tests.fakes.synology.tls import self_signed_context

logging.getLogger("werkzeug").setLevel(logging.ERROR)

PHOTOS_PATH = "/photo"
ENTRY = "/webapi/entry.cgi"


@dataclass
class FakeAccount:
    username: str
    password: str
    totp_secret: str | None = None  # two-factor sign-in when set
    otp_enforced_not_enrolled: bool = False  # answers 406
    login_error: int | None = None  # every sign-in fails with this code

    def current_code(self) -> str:
        return pyotp.TOTP(self.totp_secret).now()


class FakeSynology:
    """Start with `start()`, stop with `stop()`; `url` includes the Photos path."""

    def __init__(self, *, tls: bool = False, auth_version_key: str = "did"):
        self.tls = tls
        self.auth_version_key = auth_version_key  # "did" (v6) or "device_id" (v7)
        self.library = default_library()
        self.accounts: dict[str, FakeAccount] = {}
        self.sessions: dict[str, str] = {}  # sid -> username
        self.device_tokens: dict[str, str] = {}  # token -> username
        self.used_codes: set[tuple[str, str]] = set()
        self.logins = 0  # successful sign-ins
        self.login_attempts = 0
        self.requests: Counter = Counter()  # (api, method) -> count
        self.hang_seconds = 0.0  # > 0: every request sleeps this long first
        self.binary_error_status = 200  # DSM's status for a JSON error on images
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._server = None

    # --- control, for tests -----------------------------------------------------

    def add_account(self, username: str, password: str, **options) -> FakeAccount:
        account = FakeAccount(username, password, **options)
        self.accounts[username] = account
        return account

    def add_two_factor_account(self, username: str, password: str) -> FakeAccount:
        return self.add_account(username, password, totp_secret=pyotp.random_base32())

    def expire_sessions(self) -> None:
        """What DSM does after an idle hour or a reboot."""
        with self._lock:
            self.sessions.clear()

    def revoke_device_tokens(self) -> None:
        with self._lock:
            self.device_tokens.clear()

    def count(self, api: str, method: str | None = None) -> int:
        return sum(
            n for (a, m), n in self.requests.items() if a == api and method in (None, m)
        )

    @property
    def url(self) -> str:
        scheme = "https" if self.tls else "http"
        return f"{scheme}://127.0.0.1:{self.port}{PHOTOS_PATH}"

    @property
    def host_port(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self) -> FakeSynology:
        context = self_signed_context() if self.tls else None
        self._server = make_server(
            "127.0.0.1", 0, self._wsgi, threaded=True, ssl_context=context
        )
        self.port = self._server.server_port
        thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()  # wakes requests that hang
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    # --- HTTP ---------------------------------------------------------------------

    def _wsgi(self, environ, start_response):
        request = Request(environ)
        response = self._handle(request)
        return response(environ, start_response)

    def _handle(self, request: Request) -> Response:
        if self.hang_seconds:
            self._stop.wait(self.hang_seconds)
        if request.path not in (PHOTOS_PATH + ENTRY, ENTRY):
            return Response("<html>Not Found</html>", 404, content_type="text/html")
        params = {**request.args.to_dict(), **request.form.to_dict()}
        api, method = params.get("api", ""), params.get("method", "")
        with self._lock:
            self.requests[(api, method)] += 1
        if api == "SYNO.API.Info":
            return self.json_ok(photos.api_info())
        if api == "SYNO.API.Auth":
            return self._auth(method, params)
        username = self.sessions.get(params.get("_sid", ""))
        if username is None:
            return self.json_error(119, binary=api.endswith(("Thumbnail", "Download")))
        return photos.handle(self, api, method, photos.decode(params))

    # --- sign-in ------------------------------------------------------------------

    def _auth(self, method: str, params: dict) -> Response:
        if method == "logout":
            self.sessions.pop(params.get("_sid", ""), None)
            return self.json_ok(None)
        if method != "login":
            return self.json_error(103)
        with self._lock:
            self.login_attempts += 1
        account = self.accounts.get(params.get("account", ""))
        if account is None or account.password != params.get("passwd"):
            return self.json_error(400)
        if account.login_error:
            return self.json_error(account.login_error)
        if account.otp_enforced_not_enrolled:
            return self.json_error(406)

        new_token = ""
        if account.totp_secret:
            trusted = (
                self.device_tokens.get(params.get("device_id", "")) == account.username
            )
            code = params.get("otp_code", "")
            if not trusted and not code:
                return self.json_error(403)
            if not trusted:
                if not self._code_is_fresh(account, code):
                    return self.json_error(404)
                if params.get("enable_device_token") == "yes":
                    new_token = secrets.token_urlsafe(32)
                    self.device_tokens[new_token] = account.username
        sid = secrets.token_urlsafe(24)
        with self._lock:
            self.sessions[sid] = account.username
            self.logins += 1
        data = {"sid": sid, "is_portal_port": False, "synotoken": "--------"}
        if new_token:
            data[self.auth_version_key] = new_token
        return self.json_ok(data)

    def _code_is_fresh(self, account: FakeAccount, code: str) -> bool:
        # A code is good once, like on a real NAS.
        if (account.username, code) in self.used_codes:
            return False
        if not pyotp.TOTP(account.totp_secret).verify(code, valid_window=1):
            return False
        self.used_codes.add((account.username, code))
        return True

    # --- answers --------------------------------------------------------------------

    @staticmethod
    def json_ok(data) -> Response:
        body = {"success": True} if data is None else {"success": True, "data": data}
        return Response(json.dumps(body), 200, content_type="application/json")

    def json_error(self, code: int, *, binary: bool = False, errors=None) -> Response:
        error = {"code": code}
        if errors:
            error["errors"] = errors
        status = self.binary_error_status if binary else 200
        body = json.dumps({"success": False, "error": error})
        return Response(body, status, content_type="application/json")
