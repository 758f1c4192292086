"""What every provider's API view shares: the provider must be switched on."""

from rest_framework.views import APIView

from integrations.providers.registry import enabled_spec, get_spec


class ProviderAPIView(APIView):
    """An API view under /api/integrations/memories/<provider>/.

    While the admin has the provider switched off, every route answers 404
    (see registry.enabled_spec).
    """

    provider_id: str = ""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        enabled_spec(self.provider_id)

    @property
    def spec(self):
        return get_spec(self.provider_id)
