from addons import state


def addons(request):
    """Lets the navigation show Journey and Photo Providers only when switched on."""
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    return {
        "journey_enabled": state.is_addon_enabled(state.JOURNEY),
        "photo_providers_enabled": state.enabled_providers().exists(),
    }
