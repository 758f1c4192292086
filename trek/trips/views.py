from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from trek.trips.forms import AddMemberForm, TripForm
from trek.trips.models import Trip, TripMember, get_visible_trip


@login_required
def trip_list(request):
    trips = Trip.objects.visible_to(request.user).select_related("owner")
    return render(request, "trips/list.html", {"trips": trips})


@login_required
def trip_create(request):
    form = TripForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        trip = form.save(commit=False)
        trip.owner = request.user
        trip.save()
        return redirect("trips:detail", trip_id=trip.pk)
    return render(request, "trips/form.html", {"form": form})


@login_required
def trip_detail(request, trip_id):
    trip = get_visible_trip(request.user, trip_id)
    context = {
        "trip": trip,
        "members": trip.members.select_related("user"),
        "member_form": AddMemberForm(trip=trip),
        "is_owner": trip.owner_id == request.user.pk,
    }
    return render(request, "trips/detail.html", context)


@login_required
@require_POST
def member_add(request, trip_id):
    trip = _owned_trip(request.user, trip_id)
    form = AddMemberForm(request.POST, trip=trip)
    if form.is_valid():
        TripMember.objects.create(trip=trip, user=form.user)
        messages.success(request, f"{form.user.username} can now see this trip.")
    else:
        messages.error(request, " ".join(form.errors["username"]))
    return redirect("trips:detail", trip_id=trip.pk)


@login_required
@require_POST
def member_remove(request, trip_id, user_id):
    trip = _owned_trip(request.user, trip_id)
    trip.members.filter(user_id=user_id).delete()
    return redirect("trips:detail", trip_id=trip.pk)


def _owned_trip(user, trip_id) -> Trip:
    trip = get_visible_trip(user, trip_id)
    if trip.owner_id != user.pk:
        raise Http404("Only the trip's owner can change its members.")
    return trip
