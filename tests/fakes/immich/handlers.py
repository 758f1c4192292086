"""What the fake Immich answers on each route (see server.FakeImmich)."""

from __future__ import annotations

import base64
import hashlib
from datetime import UTC, datetime

from werkzeug.wrappers import Response

from tests.fakes.immich import shapes
from tests.fakes.immich.library import FakeAsset, rendition_bytes

DEFAULT_SEARCH_SIZE = 250
SUPPORTED_EXTENSIONS = (
    ".jpg",
    ".jpeg",
    ".png",
    ".webp",
    ".heic",
    ".gif",
    ".mp4",
    ".mov",
)
_CACHE = "private, max-age=86400, no-transform"


class HandlersMixin:
    # --- server and identity -------------------------------------------------

    def handle_server_version(self, request):
        return self.json(shapes.server_version(self.version))

    def handle_server_ping(self, request):
        return self.json({"res": "pong"})

    def handle_users_me(self, request):
        return self.json(shapes.user_admin(request.fake_user))

    def handle_api_keys_me(self, request):
        key = self.keys[request.headers["x-api-key"]]
        return self.json(shapes.api_key(key))

    # --- search ------------------------------------------------------------------

    def handle_search_metadata(self, request):
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            return self.invalid([("body", "must be a JSON object")])
        problems = _search_problems(body)
        if problems:
            return self.invalid(problems)

        user = request.fake_user
        candidates = self._search_scope(user, body)
        if candidates is None:
            return self.error(400, "Not found or no album.read access")
        matches = sorted(
            (each for each in candidates if self._matches(each, body)),
            key=lambda each: each.taken_utc,
            reverse=body.get("order", "desc") == "desc",
        )
        page, size = body.get("page", 1), body.get("size", DEFAULT_SEARCH_SIZE)
        chunk = matches[(page - 1) * size : page * size]
        more = page * size < len(matches)
        items = [
            shapes.asset(self.version, each, with_exif=bool(body.get("withExif")))
            for each in chunk
        ]
        return self.json(
            shapes.search_result(items, len(chunk), page + 1 if more else None)
        )

    def _search_scope(self, user, body):
        album_ids = body.get("albumIds") if self.version >= (1, 135, 0) else None
        if not album_ids:
            return [each for each in self.assets.values() if each.owner_id == user.id]
        albums = [self.albums.get(album_id) for album_id in album_ids]
        if any(
            album is None or not self._can_see_album(user, album) for album in albums
        ):
            return None
        shared = set.intersection(*(set(album.asset_ids) for album in albums))
        in_albums = [self.assets[asset_id] for asset_id in shared]
        if self.version >= (3, 0, 0):
            return in_albums  # 3.x returns every member's assets
        return [each for each in in_albums if each.owner_id == user.id]

    def _matches(self, item: FakeAsset, body: dict) -> bool:
        taken = item.taken_utc
        if body.get("takenAfter") and taken < _parse(body["takenAfter"]):
            return False
        if body.get("takenBefore") and taken > _parse(body["takenBefore"]):
            return False
        if body.get("type") and item.kind != body["type"]:
            return False
        return self._visible(item, body)

    def _visible(self, item: FakeAsset, body: dict) -> bool:
        if self.version >= (1, 133, 0):
            wanted = body.get("visibility")
            if wanted is None:  # 2.x: timeline only; 3.x: all but locked
                return self.version >= (3, 0, 0) or item.visibility == "timeline"
            return item.visibility == wanted
        if body.get("isVisible") is True and item.visibility == "hidden":
            return False
        return body.get("withArchived") or item.visibility != "archive"

    # --- albums ------------------------------------------------------------------

    def handle_albums(self, request):
        user = request.fake_user
        if self.version >= (3, 0, 0):
            albums = self._albums_v3(user, request.args)
        else:
            albums = self._albums_v2(user, request.args.get("shared"))
        return self.json(
            [self._album_json(album, with_assets=False) for album in albums]
        )

    def _albums_v2(self, user, shared):
        mine = [album for album in self.albums.values() if album.owner_id == user.id]
        if shared is None:
            return mine
        if shared == "false":
            return [album for album in mine if not album.member_ids]
        with_me = [a for a in self.albums.values() if user.id in a.member_ids]
        return [album for album in mine if album.member_ids] + with_me

    def _albums_v3(self, user, args):
        visible = [a for a in self.albums.values() if self._can_see_album(user, a)]
        if args.get("isOwned") is not None:
            owned = args["isOwned"] == "true"
            visible = [a for a in visible if (a.owner_id == user.id) == owned]
        if args.get("isShared") is not None:
            shared = args["isShared"] == "true"
            visible = [a for a in visible if bool(a.member_ids) == shared]
        return visible

    def handle_album(self, request, id):
        album = self.albums.get(id)
        if album is None or not self._can_see_album(request.fake_user, album):
            return self.error(400, "Not found or no album.read access")
        with_assets = request.args.get("withoutAssets") != "true"
        return self.json(self._album_json(album, with_assets=with_assets))

    def _album_json(self, album, *, with_assets: bool):
        members = [self.assets[asset_id] for asset_id in album.asset_ids]
        body = shapes.album(
            self.version, album, self.users, members if with_assets else []
        )
        return shapes.album_dates(body, members)

    def _can_see_album(self, user, album) -> bool:
        return album.owner_id == user.id or user.id in album.member_ids

    # --- one asset and its bytes -------------------------------------------------

    def _visible_asset(self, request, id, permission):
        item = self.assets.get(id)
        user = request.fake_user
        if item is None or not (
            item.owner_id == user.id
            or any(
                id in album.asset_ids and self._can_see_album(user, album)
                for album in self.albums.values()
            )
        ):
            return None, self.error(400, f"Not found or no {permission} access")
        return item, None

    def handle_asset(self, request, id):
        item, refusal = self._visible_asset(request, id, "asset.read")
        if refusal:
            return refusal
        return self.json(shapes.asset(self.version, item, with_exif=True))

    def handle_thumbnail(self, request, id):
        item, refusal = self._visible_asset(request, id, "asset.view")
        if refusal:
            return refusal
        size = request.args.get("size", "thumbnail")
        if size == "thumbnail":
            return self._file(
                request, item.thumbnail, "image/webp", f"{id}_thumbnail.webp"
            )
        if size in ("preview", "fullsize"):
            return self._file(request, item.preview, "image/jpeg", f"{id}_{size}.jpeg")
        return self.invalid([("size", "must be one of: thumbnail, preview, fullsize")])

    def handle_original(self, request, id):
        item, refusal = self._visible_asset(request, id, "asset.download")
        if refusal:
            return refusal
        return self._file(request, item.data, item.mime_type, item.file_name)

    def handle_playback(self, request, id):
        item, refusal = self._visible_asset(request, id, "asset.view")
        if refusal:
            return refusal
        if item.kind != "VIDEO":
            return self.error(404, "Asset not found or asset is not a video")
        return self._file(request, item.data, item.mime_type, item.file_name)

    def _file(self, request, data: bytes, mime: str, name: str) -> Response:
        response = Response(data, content_type=mime)
        response.headers["Cache-Control"] = _CACHE
        response.headers["Content-Disposition"] = f"inline; filename*=UTF-8''{name}"
        response.set_etag(hashlib.sha1(data, usedforsecurity=False).hexdigest())
        # Range (206) and If-None-Match (304), as Express' `send` does.
        return response.make_conditional(
            request, accept_ranges=True, complete_length=len(data)
        )

    # --- upload ------------------------------------------------------------------

    def handle_upload(self, request):
        user = request.fake_user
        announced = request.headers.get("x-immich-checksum")
        if announced:
            existing = self._find_by_checksum(user, _checksum_bytes(announced))
            if existing:  # answered before the body is read, as Immich does
                return self.json({"id": existing.id, "status": "duplicate"}, 200)

        problems = self._upload_problems(request)
        if problems:
            return self.invalid(problems)
        upload = request.files["assetData"]
        if not upload.filename.lower().endswith(SUPPORTED_EXTENSIONS):
            return self.error(400, f"Unsupported file type {upload.filename}")
        data = upload.read()
        existing = self._find_by_checksum(
            user, hashlib.sha1(data, usedforsecurity=False).digest()
        )
        if existing:
            return self.json({"id": existing.id, "status": "duplicate"}, 200)

        name = request.form.get("filename") or upload.filename or "upload.bin"
        created = _parse(request.form["fileCreatedAt"])
        item = self._add(
            FakeAsset(
                _new_id(),
                user.id,
                name,
                upload.mimetype or "application/octet-stream",
                data,
                created,
                uploaded_at=datetime.now(UTC),
            )
        )
        item.preview = rendition_bytes(data, "JPEG", 48)
        return self.json({"id": item.id, "status": "created"}, 201)

    def _upload_problems(self, request) -> list[tuple[str, str]]:
        required = ["fileCreatedAt", "fileModifiedAt"]
        if self.version < (3, 0, 0):
            required += ["deviceAssetId", "deviceId"]
        problems = [
            (name, "must be a string")
            for name in required
            if not request.form.get(name)
        ]
        if "assetData" not in request.files:
            problems.append(("assetData", "is required"))
        for name in ("fileCreatedAt", "fileModifiedAt"):
            if request.form.get(name) and _parse(request.form[name]) is None:
                problems.append((name, "must be a Date instance"))
        return problems

    def _find_by_checksum(self, user, digest: bytes | None):
        if digest is None:
            return None
        return next(
            (
                each
                for each in self.assets.values()
                if each.owner_id == user.id and each.sha1 == digest
            ),
            None,
        )


def _search_problems(body: dict) -> list[tuple[str, str]]:
    problems = []
    for name in ("page", "size"):
        if name in body and (type(body[name]) is not int or body[name] < 1):
            problems.append((name, "must be a positive integer"))
    if body.get("size", 1) > 1000:
        problems.append(("size", "must not be greater than 1000"))
    for name in ("takenAfter", "takenBefore"):
        if name in body and _parse(body[name]) is None:
            problems.append((name, "must be an ISO 8601 date-time"))
    return problems


def _parse(text):
    if not isinstance(text, str) or "T" not in text:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _checksum_bytes(text: str) -> bytes | None:
    try:
        if len(text) == 40:
            return bytes.fromhex(text)
        return base64.b64decode(text, validate=True)
    except ValueError:
        return None


def _new_id() -> str:
    import uuid

    return str(uuid.uuid4())
