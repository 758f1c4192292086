"""The Immich settings card: Save and Test Connection, answered with htmx.

Each view re-renders the card partial for the signed-in user's own
connection; without htmx it falls back to the full settings page.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from integrations.providers.base import ProviderError
from integrations.providers.immich import services
from integrations.providers.immich.serializers import ImmichSettingsSerializer
from integrations.providers.immich.spec import SPEC
from integrations.providers.registry import enabled_spec


def _provider_on(view):
    def wrapper(request, *args, **kwargs):
        enabled_spec(SPEC.id)
        return view(request, *args, **kwargs)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def typed_values(post) -> dict:
    """The card's form, as the shared settings serializer expects it."""
    return {
        "immich_url": post.get("immich_url", ""),
        "immich_api_key": post.get("immich_api_key", ""),
        # An unticked checkbox is simply absent from the form.
        "auto_upload": post.get("auto_upload") == "on",
    }


@login_required
@_provider_on
def card(request):
    return _render_card(request)


@login_required
@_provider_on
@require_POST
def save(request):
    form = ImmichSettingsSerializer(data=typed_values(request.POST))
    if not form.is_valid():
        return _render_card(request, errors=_flatten(form.errors), typed=request.POST)
    try:
        outcome = services.save_settings(request.user, form.validated_data)
    except ProviderError as exc:
        return _render_card(request, errors=[exc.message], typed=request.POST)
    notes = ["Immich settings saved."] + ([outcome.warning] if outcome.warning else [])
    report = None
    if outcome.connection.is_configured and outcome.connection.last_tested_at is None:
        # A new server or key: check it now, so the badge speaks of what is saved.
        report = services.check_status(request.user)
    return _render_card(request, report=report, notes=notes)


@login_required
@_provider_on
@require_POST
def test(request):
    form = ImmichSettingsSerializer(data=typed_values(request.POST))
    if not form.is_valid():
        return _render_card(request, errors=_flatten(form.errors), typed=request.POST)
    report = services.test_settings(request.user, form.validated_data)
    return _render_card(request, report=report, typed=request.POST)


def _render_card(request, *, report=None, errors=(), notes=(), typed=None):
    context = {
        "spec": SPEC,
        "connection": services.connection_of(request.user),
        "report": report,
        "errors": list(errors),
        "notes": list(notes),
        "typed_url": (typed or {}).get("immich_url"),
        "typed_auto_upload": (typed or {}).get("auto_upload") == "on"
        if typed is not None
        else None,
    }
    if not request.htmx:
        for text in [*context["errors"], *context["notes"]]:
            messages.info(request, text)
        return redirect("integrations")
    return render(request, SPEC.card_template, context)


def _flatten(errors: dict) -> list[str]:
    return [
        f"{'URL' if field == 'immich_url' else field}: {problem}"
        for field, problems in errors.items()
        for problem in problems
    ]
