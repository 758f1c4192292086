"""What every provider's API view shares: the provider must be switched on."""

from rest_framework.exceptions import NotFound
from rest_framework.views import APIView

from addons import state
from integrations.providers.registry import get_spec


class ProviderAPIView(APIView):
    """An API view under /api/integrations/memories/<provider>/.

    While the admin has the provider switched off, every route answers 404,
    as if it did not exist; nothing stored is touched.
    """

    provider_id: str = ""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if not state.is_provider_enabled(self.provider_id):
            raise NotFound(f"{self.spec.name} is not enabled on this server.")

    @property
    def spec(self):
        return get_spec(self.provider_id)
