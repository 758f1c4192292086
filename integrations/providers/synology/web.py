"""The Synology Photos card in Settings -> Integrations (htmx).

Save and Test post the form and get the card back, re-rendered with the
outcome. The rules live in services.py, shared with the JSON API.
"""

import logging

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from integrations.providers.base import ProviderError
from integrations.providers.registry import enabled_spec, get_spec
from integrations.providers.synology import services
from integrations.providers.synology.forms import SynologySettingsForm

logger = logging.getLogger(__name__)

PROVIDER_ID = "synologyphotos"


@login_required
@require_GET
def card(request):
    enabled_spec(PROVIDER_ID)
    return _render_card(request)


@login_required
@require_POST
def save(request):
    enabled_spec(PROVIDER_ID)
    form = SynologySettingsForm(request.POST)
    form.is_valid()  # every field is optional text; the service says what is wrong
    try:
        services.save_settings(request.user, form.typed())
    except ProviderError as error:
        return _render_card(request, error=error.message, typed=form.cleaned_data)
    if not request.htmx:
        return redirect("integrations")
    return _render_card(request, notice="Saved.")


@login_required
@require_POST
def test(request):
    enabled_spec(PROVIDER_ID)
    form = SynologySettingsForm(request.POST)
    form.is_valid()
    try:
        report = services.test_connection(request.user, form.typed())
    except ProviderError as error:
        return _render_card(request, error=error.message, typed=form.cleaned_data)
    if report.connected:
        notice = f"Connected to Synology Photos as {report.user_name}."
        return _render_card(request, notice=notice, typed=form.cleaned_data)
    error = f"Could not connect to Synology Photos: {report.error}"
    return _render_card(request, error=error, typed=form.cleaned_data)


def _render_card(request, *, notice="", error="", typed=None):
    connection = services.connection_for(request.user)
    context = {
        "spec": get_spec(PROVIDER_ID),
        "connection": connection,
        "notice": notice,
        "error": error,
        "typed": typed,
        # A test result of typed values decides the badge until the next save.
        "tested_ok": bool(notice) and typed is not None,
    }
    return render(request, "integrations/cards/synologyphotos.html", context)
