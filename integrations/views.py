from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from addons import state
from integrations.providers.registry import get_spec


@login_required
def integrations_page(request):
    """Settings -> Integrations: one card per switched-on photo provider."""
    cards = []
    for provider in state.enabled_providers():
        spec = get_spec(provider.pk)
        cards.append(
            {
                "spec": spec,
                "provider": provider,
                "connection": spec.connection_for(request.user),
            }
        )
    return render(request, "integrations/settings.html", {"cards": cards})
