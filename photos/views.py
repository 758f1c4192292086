"""The trip Photos panel: server-rendered fragments that htmx swaps in.

Membership is checked first on every view (404 for outsiders). A provider
failure is shown in the fragment as a sentence, never as an error page.
"""

import functools
import logging

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_POST

from addons import state
from integrations.providers.base import ProviderError
from integrations.providers.registry import enabled_spec, get_spec
from photos import services
from photos.albums import AlbumAlreadyLinked, link_album, sync_album, unlink_album
from photos.connections import connection_problems
from photos.models import AlbumLink
from photos.picker import PickerQuery, load_picker_page
from trek.trips.models import get_visible_trip

logger = logging.getLogger(__name__)


def trip_view(view):
    """Signed in, a member of the trip, and photo providers switched on."""

    @login_required
    @functools.wraps(view)
    def wrapper(request, trip_id, **kwargs):
        trip = get_visible_trip(request.user, trip_id)
        if not state.enabled_provider_ids():
            raise Http404("No photo providers enabled.")
        return view(request, trip, **kwargs)

    return wrapper


def problem(request, error: ProviderError):
    logger.info("panel action failed: %s", error.code)
    return render(request, "photos/_problem.html", {"message": error.message})


def with_article(name: str) -> str:
    """The name after "a" or "an", by its first letter: "an Immich", "a Synology"."""
    article = "an" if name[:1].lower() in ("a", "e", "i", "o", "u") else "a"
    return f"{article} {name}"


def panel_context(request, trip, notice=None) -> dict:
    user = request.user
    provider_ids = state.enabled_provider_ids()
    rows = list(services.visible_trip_photos(trip, user))
    own = [r for r in rows if r.added_by_id == user.pk]
    providers = []
    for provider_id in provider_ids:
        spec = get_spec(provider_id)
        providers.append(
            {
                "spec": spec,
                "connected": bool(spec.connection_for(user)),
                "link_label": f"Link {with_article(spec.name)} album",
            }
        )
    links = AlbumLink.objects.filter(trip=trip, provider__in=provider_ids)
    return {
        "trip": trip,
        "rows": rows,
        "own_count": len(own),
        "others_count": len(rows) - len(own),
        "providers": providers,
        "any_connected": any(p["connected"] for p in providers),
        "problems": connection_problems(
            user, provider_ids, {r.photo.provider for r in own}
        ),
        "links": links.select_related("user"),
        "notice": notice,
    }


def render_panel(request, trip, notice=None):
    return render(request, "photos/panel.html", panel_context(request, trip, notice))


@require_GET
@trip_view
def panel(request, trip):
    return render_panel(request, trip)


@require_GET
@trip_view
def picker(request, trip, provider):
    spec = enabled_spec(provider)
    query = PickerQuery.from_request(request.GET, trip)
    context = {"trip": trip, "spec": spec, "query": query}
    try:
        context.update(load_picker_page(request.user, trip, spec, query))
    except ProviderError as error:
        return problem(request, error)
    template = "photos/picker.html" if query.page == 1 else "photos/_picker_items.html"
    return render(request, template, context)


@require_GET
@trip_view
def albums(request, trip, provider):
    spec = enabled_spec(provider)
    try:
        found = spec.client_for(request.user).albums()
    except ProviderError as error:
        return problem(request, error)
    return render(
        request, "photos/albums.html", {"trip": trip, "spec": spec, "albums": found}
    )


@require_POST
@trip_view
def add(request, trip, provider):
    asset_ids = request.POST.getlist("asset_ids")
    videos = set(request.POST.getlist("video_ids"))
    raw = {
        "provider": provider,
        "asset_ids": asset_ids,
        "media_types": {a: "video" for a in asset_ids if a in videos},
    }
    try:
        selections = services.parse_selections([raw])
    except ProviderError as error:
        return render_panel(request, trip, notice=error.message)
    shared = request.POST.get("shared") == "on"
    added = services.add_photos(trip, request.user, selections, shared=shared)
    return render_panel(request, trip, notice=f"Added {added} photos.")


def own_row_or_404(request, trip, photo_id):
    row = services.own_trip_photo(trip, request.user, photo_id)
    if row is None or not state.is_provider_enabled(row.photo.provider):
        raise Http404("Photo not found.")
    return row


@require_POST
@trip_view
def share(request, trip, photo_id):
    row = own_row_or_404(request, trip, photo_id)
    services.set_sharing(row, request.POST.get("shared") == "on")
    return render_panel(request, trip)


@require_POST
@trip_view
def remove(request, trip, photo_id):
    services.remove_trip_photos([own_row_or_404(request, trip, photo_id)])
    return render_panel(request, trip)


@require_GET
@trip_view
def viewer(request, trip, photo_id):
    rows = services.visible_trip_photos(trip, request.user)
    row = rows.filter(photo_id=photo_id).first()
    if row is None:
        raise Http404("Photo not found.")
    return render(request, "photos/viewer.html", {"trip": trip, "row": row})


@require_GET
@trip_view
def info(request, trip, photo_id):
    row = services.visible_trip_photos(trip, request.user).filter(photo_id=photo_id)
    row = row.first()
    if row is None:
        raise Http404("Photo not found.")
    photo = row.photo
    try:
        details = (
            get_spec(photo.provider).client_for(photo.owner).asset_info(photo.asset_id)
        )
    except ProviderError as error:
        return problem(request, error)
    return render(request, "photos/_info.html", {"info": details})


@require_POST
@trip_view
def link(request, trip, provider):
    enabled_spec(provider)
    try:
        album_link = link_album(
            trip,
            request.user,
            provider,
            request.POST.get("album_id"),
            album_name=request.POST.get("album_name", ""),
        )
        result = sync_album(album_link)
    except AlbumAlreadyLinked:
        return render_panel(request, trip, notice="You linked this album already.")
    except ProviderError as error:
        return render_panel(request, trip, notice=error.message)
    return render_panel(request, trip, notice=f"Album linked: {result.added} photos.")


def link_or_404(trip, link_id) -> AlbumLink:
    found = AlbumLink.objects.filter(trip=trip, pk=link_id).first()
    if found is None or not state.is_provider_enabled(found.provider):
        raise Http404("Album link not found.")
    return found


@require_POST
@trip_view
def sync(request, trip, link_id):
    try:
        result = sync_album(link_or_404(trip, link_id))
    except ProviderError as error:
        return render_panel(request, trip, notice=error.message)
    notice = f"Album synced: {result.added} added, {result.removed} removed."
    return render_panel(request, trip, notice=notice)


@require_POST
@trip_view
def unlink(request, trip, link_id):
    album_link = link_or_404(trip, link_id)
    if album_link.user_id != request.user.pk:
        raise Http404("Album link not found.")
    unlink_album(album_link)
    return render_panel(request, trip, notice="Album unlinked.")
