"""The journey pages (server-rendered, htmx for the photo parts).

Same rules as the API: addon off -> 404, not a member -> 404, viewer changing
something -> 403.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from integrations.providers.base import ProviderError
from photos import mirroring
from trek.journeys import services
from trek.journeys.access import (
    get_entry,
    get_journey,
    get_journey_photo,
    require_journey_addon,
)
from trek.journeys.forms import ContributorForm, EntryForm, JourneyForm, PickerForm
from trek.journeys.models import Journey
from trek.journeys.picker import search_assets, usable_providers
from trek.journeys.uploads import Rejection


def journey_page(view):
    """Journey addon first (404 when off), then sign-in."""
    signed_in = login_required(view)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        require_journey_addon()
        return signed_in(request, *args, **kwargs)

    return wrapper


@journey_page
def journey_list(request):
    form = JourneyForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        journey = form.save(commit=False)
        journey.owner = request.user
        journey.save()
        form.save_m2m()
        return redirect("journeys:detail", journey_id=journey.pk)
    journeys = Journey.objects.visible_to(request.user).select_related("owner")
    return render(request, "journeys/list.html", {"journeys": journeys, "form": form})


@journey_page
def journey_detail(request, journey_id):
    journey = get_journey(request.user, journey_id)
    entries = journey.entries.prefetch_related(
        "entry_photos__journey_photo__photo"
    ).select_related("author")
    context = {
        "journey": journey,
        "entries": entries,
        "can_edit": journey.can_edit(request.user),
        "is_owner": journey.owner_id == request.user.pk,
        "entry_form": EntryForm(),
        "contributor_form": ContributorForm(),
        "contributors": journey.contributors.select_related("user"),
        "providers": usable_providers(request.user),
    }
    return render(request, "journeys/detail.html", context)


@journey_page
@require_POST
def entry_create(request, journey_id):
    journey = get_journey(request.user, journey_id, edit=True)
    form = EntryForm(request.POST)
    if form.is_valid():
        form.save(journey=journey, author=request.user)
    else:
        messages.error(request, "The entry needs a date.")
    return redirect("journeys:detail", journey_id=journey.pk)


@journey_page
@require_POST
def contributor_add(request, journey_id):
    journey = get_journey(request.user, journey_id, edit=True)
    form = ContributorForm(request.POST)
    if journey.owner_id != request.user.pk:
        messages.error(request, "Only the owner manages contributors.")
    elif form.is_valid():
        try:
            services.add_contributor(journey, **form.cleaned_data)
        except ProviderError as err:
            messages.error(request, err.message)
    return redirect("journeys:detail", journey_id=journey.pk)


@journey_page
@require_POST
def entry_upload(request, entry_id):
    entry = get_entry(request.user, entry_id, edit=True)
    files = request.FILES.getlist("photos")
    if files:
        rows, rejected = services.add_uploads(entry, request.user, files)
    else:
        rows, rejected = [], [Rejection("", "No files uploaded.")]
    context = {"entry": entry, "can_edit": True, "added": rows, "rejected": rejected}
    return render(request, "journeys/partials/entry_photos.html", context)


@journey_page
def entry_picker(request, entry_id):
    entry = get_entry(request.user, entry_id, edit=True)
    form = PickerForm(
        request.GET or None,
        providers=usable_providers(request.user),
        initial={"date_from": entry.entry_date, "date_to": entry.entry_date},
    )
    context = {"entry": entry, "form": form}
    if form.is_valid():
        try:
            context["page"] = search_assets(request.user, **form.cleaned_data)
        except ProviderError as err:
            context["error"] = err.message
        context["provider"] = form.cleaned_data["provider"]
    return render(request, "journeys/partials/picker.html", context)


@journey_page
@require_POST
def entry_add_provider_photos(request, entry_id):
    entry = get_entry(request.user, entry_id, edit=True)
    context = {"entry": entry, "can_edit": True}
    try:
        pick = services.parse_provider_pick(
            {
                "provider": request.POST.get("provider"),
                "asset_ids": request.POST.getlist("asset_ids"),
            }
        )
        services.add_provider_photos(entry.journey, request.user, pick, entry=entry)
    except ProviderError as err:
        context["error"] = err.message
    return render(request, "journeys/partials/entry_photos.html", context)


@journey_page
def photo_card(request, journey_photo_id):
    journey_photo = get_journey_photo(request.user, journey_photo_id)
    return _card(request, journey_photo)


@journey_page
@require_POST
def photo_caption(request, journey_photo_id):
    journey_photo = get_journey_photo(request.user, journey_photo_id, edit=True)
    caption = request.POST.get("caption", "")[:500]
    services.update_journey_photo(journey_photo, caption=caption)
    return _card(request, journey_photo)


@journey_page
@require_POST
def photo_remove(request, journey_photo_id):
    journey_photo = get_journey_photo(request.user, journey_photo_id, edit=True)
    services.remove_journey_photo(journey_photo)
    if request.htmx:
        return render(request, "journeys/partials/removed.html")
    return redirect("journeys:detail", journey_id=journey_photo.journey_id)


@journey_page
@require_POST
def photo_mirror_retry(request, journey_photo_id):
    journey_photo = get_journey_photo(request.user, journey_photo_id, edit=True)
    if journey_photo.photo.owner_id == request.user.pk:
        mirroring.queue_retry(journey_photo.photo)
    journey_photo.refresh_from_db()
    journey_photo.photo.refresh_from_db()
    return _card(request, journey_photo)


def _card(request, journey_photo):
    context = {
        "journey_photo": journey_photo,
        "can_edit": journey_photo.journey.can_edit(request.user),
    }
    return render(request, "journeys/partials/photo.html", context)
