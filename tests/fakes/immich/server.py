"""FakeImmich: a real HTTP server on 127.0.0.1 that answers like Immich.

It serves the calls our client makes, in the response shapes of the version
it imitates (`FakeImmich(version="1.118.2")`), enforces API keys and their
permissions the way that version does, and can misbehave on purpose
(`mode`: "slow", "html", "login_redirect", "error500"; `stop()` for down).
"""

from __future__ import annotations

import hashlib
import itertools
import re
import threading
import uuid

from werkzeug.routing import Map, Rule
from werkzeug.serving import WSGIRequestHandler, make_server
from werkzeug.wrappers import Request, Response

from tests.fakes.immich import shapes
from tests.fakes.immich.handlers import HandlersMixin
from tests.fakes.immich.library import (
    FakeAlbum,
    FakeAsset,
    FakeKey,
    FakeUser,
    photo_bytes,
    rendition_bytes,
    stable_uuid,
    video_bytes,
)

VERSIONS = ("1.118.2", "1.132.3", "2.7.3", "3.0.3")
MODES = ("normal", "slow", "html", "login_redirect", "error500")

_ANY_UUID = re.compile(
    r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I
)
_V4_UUID = re.compile(
    r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", re.I
)

# The permission each route declares from 1.137 on (None: no check at all).
SCOPED_PERMISSIONS = {
    "users_me": "user.read",
    "api_keys_me": None,
    "search_metadata": "asset.read",
    "albums": "album.read",
    "album": "album.read",
    "asset": "asset.read",
    "thumbnail": "asset.view",
    "playback": "asset.view",
    "original": "asset.download",
    "upload": "asset.upload",
}
# Before 1.137 only album routes declared a scope; the rest demanded `all`.
EARLY_SCOPED = {"albums", "album", "api_keys_me"}
PUBLIC = {"server_version", "server_ping"}

LOGIN_PAGE = "<!doctype html><html><body><h1>Sign in</h1><form></form></body></html>"
WEB_APP = "<!doctype html><html><head><title>Immich</title></head><body></body></html>"


class FakeImmich(HandlersMixin):
    def __init__(self, version: str = "2.7.3", *, path_prefix: str = "", seed=True):
        if version not in VERSIONS:
            raise ValueError(f"imitated versions: {', '.join(VERSIONS)}")
        self.version_text = version
        self.version = shapes.version_tuple(version)
        self.path_prefix = path_prefix.rstrip("/")
        self.mode = "normal"
        self.slow_seconds = 5.0
        self.users: dict[str, FakeUser] = {}
        self.keys: dict[str, FakeKey] = {}
        self.assets: dict[str, FakeAsset] = {}
        self.albums: dict[str, FakeAlbum] = {}
        self.exchanges: list[tuple[Request, Response]] = []  # every call, in order
        self.on_exchange = None  # callable(request, response), e.g. a spec check
        self._released = threading.Event()
        self._server = None
        self._thread = None
        self._correlation = itertools.count(1)
        self._urls = self._url_map()
        if seed:
            from tests.fakes.immich.seed import seed as seed_library

            seed_library(self)

    # --- lifecycle ---------------------------------------------------------------

    def start(self, port: int = 0) -> FakeImmich:
        """Listen on 127.0.0.1 (an ephemeral port unless one is given)."""
        self._released.clear()
        self._server = make_server(
            "127.0.0.1", port, self._wsgi, threaded=True, request_handler=_QuietHandler
        )
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.02},
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop listening: the port is closed afterwards, like a server that is down."""
        self._released.set()  # let slow answers finish now
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._thread.join(timeout=5)
            self._server = None

    def __enter__(self) -> FakeImmich:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def port(self) -> int:
        return self._server.server_port

    @property
    def host_port(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def url(self) -> str:
        """The server URL a user would type (without /api)."""
        return f"http://{self.host_port}{self.path_prefix}"

    # --- building the library ---------------------------------------------------------

    def add_user(self, name: str, email: str) -> FakeUser:
        user = FakeUser(stable_uuid(f"user:{email}"), name, email)
        self.users[user.id] = user
        return user

    def add_key(self, user: FakeUser, secret: str, permissions) -> FakeKey:
        key = FakeKey(
            stable_uuid(f"key:{secret}"), secret, user.id, frozenset(permissions)
        )
        self.keys[secret] = key
        return key

    def add_photo(
        self,
        owner,
        asset_id,
        file_name,
        local_time,
        *,
        fmt="JPEG",
        place=(None, None, None),
        coords=(None, None),
        visibility="timeline",
    ):
        latitude, longitude = coords
        data = photo_bytes(local_time, fmt=fmt, latitude=latitude, longitude=longitude)
        mime = "image/webp" if fmt == "WEBP" else "image/jpeg"
        return self._add(
            FakeAsset(
                asset_id,
                owner.id,
                file_name,
                mime,
                data,
                local_time,
                visibility=visibility,
                city=place[0],
                state=place[1],
                country=place[2],
                latitude=latitude,
                longitude=longitude,
            )
        )

    def add_video(
        self,
        owner,
        asset_id,
        file_name,
        local_time,
        *,
        place=(None, None, None),
        visibility="timeline",
    ):
        return self._add(
            FakeAsset(
                asset_id,
                owner.id,
                file_name,
                "video/mp4",
                video_bytes(),
                local_time,
                kind="VIDEO",
                visibility=visibility,
                city=place[0],
                state=place[1],
                country=place[2],
                duration_ms=3000,
            )
        )

    def add_album(self, album_id, name, owner, asset_ids, *, members=()):
        album = FakeAlbum(
            album_id, name, owner.id, list(asset_ids), [member.id for member in members]
        )
        self.albums[album.id] = album
        return album

    def _add(self, item: FakeAsset) -> FakeAsset:
        item.thumbnail = rendition_bytes(item.data, "WEBP", 32)
        item.preview = rendition_bytes(item.data, "JPEG", 48)
        self.assets[item.id] = item
        return item

    def key_without(self, permission: str, base=None) -> str:
        """A new key for Olivia holding every permission we use except one."""
        from tests.fakes.immich.library import MIRRORING

        owner = next(iter(self.users.values()))
        granted = set(base or MIRRORING) - {permission}
        secret = f"key-without-{permission}-{uuid.uuid4().hex[:6]}"
        self.add_key(owner, secret, granted)
        return secret

    # --- HTTP plumbing --------------------------------------------------------------

    def _url_map(self) -> Map:
        rules = [
            ("/api/server/version", "server_version", ["GET"]),
            ("/api/server/ping", "server_ping", ["GET"]),
            ("/api/users/me", "users_me", ["GET"]),
            ("/api/search/metadata", "search_metadata", ["POST"]),
            ("/api/albums", "albums", ["GET"]),
            ("/api/albums/<id>", "album", ["GET"]),
            ("/api/assets", "upload", ["POST"]),
            ("/api/assets/<id>", "asset", ["GET"]),
            ("/api/assets/<id>/thumbnail", "thumbnail", ["GET"]),
            ("/api/assets/<id>/original", "original", ["GET"]),
            ("/api/assets/<id>/video/playback", "playback", ["GET"]),
        ]
        if self.version >= (1, 139, 0):
            rules.append(("/api/api-keys/me", "api_keys_me", ["GET"]))
        return Map(
            [
                Rule(path, endpoint=name, methods=methods)
                for path, name, methods in rules
            ]
        )

    def _wsgi(self, environ, start_response):
        request = Request(environ)
        checking = self.on_exchange is not None and self.mode == "normal"
        if checking:
            # Keep the raw body for the checker; form parsing reads the copy.
            request.get_data(cache=True, parse_form_data=False)
        response = self._answer(request)
        self.exchanges.append((request, response))
        if checking:  # a misbehaving fake breaks the spec on purpose
            self.on_exchange(request, response)
        return response(environ, start_response)

    def _answer(self, request: Request) -> Response:
        if self.mode == "slow":
            self._released.wait(self.slow_seconds)
        if self.mode == "html":
            return Response(WEB_APP, content_type="text/html; charset=utf-8")
        if self.mode == "login_redirect":
            if request.path.startswith("/auth/login"):
                return Response(LOGIN_PAGE, content_type="text/html; charset=utf-8")
            return Response(status=302, headers={"Location": "/auth/login?continue=1"})

        path = request.path
        if self.path_prefix:
            if not path.startswith(self.path_prefix + "/"):
                return Response(WEB_APP, content_type="text/html; charset=utf-8")
            path = path[len(self.path_prefix) :]
        if not path.startswith("/api/"):
            return Response(WEB_APP, content_type="text/html; charset=utf-8")
        if self.mode == "error500":
            return self.error(500, "Internal server error")

        adapter = self._urls.bind("fake", path_info=path)
        try:
            endpoint, arguments = adapter.match(method=request.method)
        except Exception:  # noqa: BLE001 - werkzeug's NotFound/MethodNotAllowed
            return self.error(404, f"Cannot {request.method} {path}")
        return self._dispatch(request, endpoint, arguments)

    def _dispatch(self, request, endpoint, arguments) -> Response:
        if endpoint not in PUBLIC:
            key, refusal = self._authorise(request, endpoint)
            if refusal is not None:
                return refusal
            request.fake_user = self.users[key.user_id]
        if "id" in arguments and not self._valid_id(arguments["id"]):
            return self.invalid([("id", "must be a UUID")])
        return getattr(self, f"handle_{endpoint}")(request, **arguments)

    def _authorise(self, request, endpoint):
        secret = request.headers.get("x-api-key")
        if not secret:
            return None, self.error(401, "Authentication required")
        key = self.keys.get(secret)
        if key is None:
            return None, self.error(401, "Invalid API key")
        needed = self._permission_for(endpoint)
        if needed and "all" not in key.permissions and needed not in key.permissions:
            return None, self.error(403, f"Missing required permission: {needed}")
        return key, None

    def _permission_for(self, endpoint: str) -> str | None:
        if self.version >= (1, 137, 0) or endpoint in EARLY_SCOPED:
            return SCOPED_PERMISSIONS[endpoint]
        return "all"

    def _valid_id(self, value: str) -> bool:
        pattern = _V4_UUID if self.version >= (3, 0, 0) else _ANY_UUID
        return bool(pattern.match(value))

    # --- answers ---------------------------------------------------------------------

    def _correlation_id(self) -> str:
        return hashlib.sha1(
            str(next(self._correlation)).encode(), usedforsecurity=False
        ).hexdigest()[:8]

    def json(self, body, status: int = 200) -> Response:
        import json

        response = Response(
            json.dumps(body),
            status=status,
            content_type="application/json; charset=utf-8",
        )
        response.add_etag()
        return response

    def error(self, status: int, message) -> Response:
        correlation = self._correlation_id()
        response = self.json(
            shapes.error(self.version, status, message, correlation), status
        )
        self._correlate(response, correlation)
        return response

    def invalid(self, problems: list[tuple[str, str]]) -> Response:
        correlation = self._correlation_id()
        response = self.json(
            shapes.validation_error(self.version, problems, correlation), 400
        )
        self._correlate(response, correlation)
        return response

    def _correlate(self, response: Response, correlation: str) -> None:
        name = "X-Correlation-ID" if self.version >= (3, 0, 0) else "x-immich-cid"
        response.headers[name] = correlation


class _QuietHandler(WSGIRequestHandler):
    def log_request(self, *args, **kwargs) -> None:
        pass  # tests read fake.exchanges instead of an access log
