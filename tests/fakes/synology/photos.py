"""The SYNO.Foto* part of the fake NAS: albums, items, search and image bytes.

It is strict where DSM is: album_id and passphrase together fail (120),
Shared Space items need SYNO.FotoTeam (117), items of an album shared with
the user need its passphrase (803), thumbnails need the unit id and cache key.
"""

from __future__ import annotations

import json

from werkzeug.wrappers import Response

from tests.fakes.synology.library import (
    SHARED_SPACE_OWNER,
    original_bytes,
    thumbnail_bytes,
)

VERSIONS = {
    "SYNO.API.Auth": (1, 7),
    "SYNO.Foto.Browse.Album": (1, 5),
    "SYNO.Foto.Browse.Item": (1, 7),
    "SYNO.Foto.Search.Search": (1, 6),
    "SYNO.Foto.Sharing.Misc": (1, 2),
    "SYNO.Foto.Thumbnail": (1, 2),
    "SYNO.Foto.Download": (1, 2),
    "SYNO.Foto.UserInfo": (1, 1),
    "SYNO.FotoTeam.Browse.Item": (1, 7),
    "SYNO.FotoTeam.Thumbnail": (1, 2),
    "SYNO.FotoTeam.Download": (1, 2),
}


def api_info() -> dict:
    info = {
        name: {"path": "entry.cgi", "minVersion": low, "maxVersion": high}
        for name, (low, high) in VERSIONS.items()
    }
    info["SYNO.API.Info"] = {"path": "entry.cgi", "minVersion": 1, "maxVersion": 1}
    return info


def decode(params: dict) -> dict:
    """SYNO.Foto* parse every value as JSON, falling back to the raw text."""
    decoded = {}
    for name, raw in params.items():
        try:
            decoded[name] = json.loads(raw)
        except ValueError:
            decoded[name] = raw
    return decoded


def handle(nas, api: str, method: str, params: dict) -> Response:
    if api not in VERSIONS:
        return nas.json_error(102)
    low, high = VERSIONS[api]
    if not (low <= int(params.get("version", 0)) <= high):
        return nas.json_error(104)
    handler = _HANDLERS.get((api.replace("FotoTeam", "Foto"), method))
    if handler is None:
        return nas.json_error(103)
    return handler(nas, api, params)


# --- listings ------------------------------------------------------------------


def _page(nas, params, records) -> Response:
    offset, limit = int(params.get("offset", 0)), int(params.get("limit", 0))
    if limit <= 0:
        return nas.json_error(120, errors={"name": "limit", "reason": "range"})
    return nas.json_ok({"list": records[offset : offset + limit]})


def _additional(params) -> list[str]:
    value = params.get("additional") or []
    return value if isinstance(value, list) else []


def user_info(nas, api, params):
    name = nas.sessions.get(params.get("_sid", ""), "")
    return nas.json_ok({"id": 3, "name": name, "uid": 1027, "enabled": True})


def album_list(nas, api, params):
    category = params.get("category")
    albums = nas.library.albums.values()
    own = [a for a in albums if not a.shared_with_me]
    if category == "shared":
        chosen = [a for a in own if a.shared]
    elif category == "normal_share_with_me":
        chosen = list(albums)
    else:
        chosen = own
    chosen.sort(key=lambda album: album.id)
    return _page(nas, params, [album.as_json() for album in chosen])


def shared_with_me(nas, api, params):
    chosen = [a for a in nas.library.albums.values() if a.shared_with_me]
    records = []
    for album in chosen:
        record = album.as_json()
        record["additional"] = {"sharing_info": {"passphrase": album.passphrase}}
        record["passphrase"] = ""  # this DSM keeps it in sharing_info only
        records.append(record)
    return _page(nas, params, records)


def item_list(nas, api, params):
    library = nas.library
    if "album_id" in params and "passphrase" in params:
        return nas.json_error(120, errors={"name": "passphrase", "reason": "type"})
    if "passphrase" in params:
        album = library.album_for_passphrase(params["passphrase"])
        if album is None or not album.shared_with_me:
            return nas.json_error(803)
        items = [library.items[i] for i in album.item_ids]
    elif "album_id" in params:
        album = library.albums.get(params["album_id"])
        if album is None or album.shared_with_me:
            return nas.json_error(803)
        items = [library.items[i] for i in album.item_ids]
    else:
        items = library.timeline()
    fields = _additional(params)
    return _page(nas, params, [item.as_json(fields) for item in items])


def item_list_with_filter(nas, api, params):
    ranges = params.get("time") or []
    items = [
        item
        for item in nas.library.timeline()
        if any(r["start_time"] <= item.time <= r["end_time"] for r in ranges)
    ]
    fields = _additional(params)
    return _page(nas, params, [item.as_json(fields) for item in items])


def search(nas, api, params):
    keyword = str(params.get("keyword", "")).lower()
    start, end = params.get("start_time"), params.get("end_time")
    items = [
        item
        for item in nas.library.timeline()
        if keyword in item.filename.lower() or keyword in item.city.lower()
        if (start is None or item.time >= start) and (end is None or item.time <= end)
    ]
    fields = _additional(params)
    return _page(nas, params, [item.as_json(fields) for item in items])


def item_get(nas, api, params):
    ids = params.get("id")
    if not isinstance(ids, list):
        return nas.json_error(120, errors={"name": "id", "reason": "type"})
    found = []
    for item_id in ids:
        item = nas.library.items.get(item_id)
        refusal = _refusal(nas, api, item, params)
        if refusal is not None:
            return refusal
        found.append(item.as_json(_additional(params)))
    return nas.json_ok({"list": found})


# --- bytes ---------------------------------------------------------------------


def thumbnail(nas, api, params):
    if params.get("type") != "unit":
        return nas.json_error(120, binary=True)
    item = next(
        (i for i in nas.library.items.values() if i.unit_id == params.get("id")), None
    )
    if item is None or str(params.get("cache_key")) != item.cache_key:
        return nas.json_error(120, binary=True)
    refusal = _refusal(nas, api, item, params, binary=True)
    if refusal is not None:
        return refusal
    size = params.get("size")
    if size not in ("sm", "m", "xl"):
        return nas.json_error(120, binary=True)
    return Response(thumbnail_bytes(size), 200, content_type="image/jpeg")


def download(nas, api, params):
    ids = params.get("item_id")
    if not (isinstance(ids, list) and len(ids) == 1):
        return nas.json_error(120, binary=True)
    item = nas.library.items.get(ids[0])
    refusal = _refusal(nas, api, item, params, binary=True)
    if refusal is not None:
        return refusal
    response = Response(original_bytes(item.id), 200)
    response.headers["Content-Type"] = "application/octet-stream"
    response.headers["Content-Disposition"] = f'attachment; filename="{item.filename}"'
    return response


def _refusal(nas, api, item, params, *, binary=False):
    """DSM's answer when an item is asked for the wrong way, else None."""
    if item is None:
        return nas.json_error(120, binary=binary)
    in_team_api = "FotoTeam" in api
    if (item.owner_user_id == SHARED_SPACE_OWNER) != in_team_api:
        return nas.json_error(117, binary=binary)
    holder = nas.library.album_holding(item.id)
    if holder is not None and params.get("passphrase") != holder.passphrase:
        return nas.json_error(803, binary=binary)
    return None


_HANDLERS = {
    ("SYNO.Foto.UserInfo", "me"): user_info,
    ("SYNO.Foto.Browse.Album", "list"): album_list,
    ("SYNO.Foto.Sharing.Misc", "list_shared_with_me_album"): shared_with_me,
    ("SYNO.Foto.Browse.Item", "list"): item_list,
    ("SYNO.Foto.Browse.Item", "list_with_filter"): item_list_with_filter,
    ("SYNO.Foto.Browse.Item", "get"): item_get,
    ("SYNO.Foto.Search.Search", "list_item"): search,
    ("SYNO.Foto.Thumbnail", "get"): thumbnail,
    ("SYNO.Foto.Download", "download"): download,
}
