"""Is the viewer's own connection to each provider working? For the panel's banners.

A provider that is down must not break the photo list, so problems are
collected per provider. Results are cached briefly: a list reload does not
test every photo server again.
"""

import logging

from django.core.cache import cache

from integrations.providers.base import ProviderError
from integrations.providers.registry import get_spec

logger = logging.getLogger(__name__)

CHECK_SECONDS = 60


def connection_problem(user, provider_id: str, *, has_photos: bool) -> str | None:
    """A sentence for the user if their connection to the provider is broken."""
    spec = get_spec(provider_id)
    connection = spec.connection_for(user)
    if connection is None:
        if has_photos:
            return (
                f"{spec.name} is not connected. Connect it in Settings to show photos."
            )
        return None

    key = f"photos:connection-check:{provider_id}:{user.pk}"
    cached = cache.get(key)
    if cached is not None:
        return cached or None
    problem = _test(spec, connection)
    cache.set(key, problem or "", CHECK_SECONDS)
    return problem


def _test(spec, connection) -> str | None:
    try:
        report = connection.client().test()
    except ProviderError as err:
        logger.info(
            "%s connection %s failed its check: %s", spec.id, connection.pk, err.code
        )
        return f"Your {spec.name} connection is lost: {err.message}"
    if not report.connected:
        return f"Your {spec.name} connection is lost: {report.error or 'not connected'}"
    return None


def connection_problems(user, provider_ids, own_providers) -> dict[str, str]:
    problems = {}
    for provider_id in provider_ids:
        problem = connection_problem(
            user, provider_id, has_photos=provider_id in own_providers
        )
        if problem:
            problems[provider_id] = problem
    return problems


def forget_check(user, provider_id: str) -> None:
    cache.delete(f"photos:connection-check:{provider_id}:{user.pk}")
