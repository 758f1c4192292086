from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView
from rest_framework.authtoken.views import obtain_auth_token
from rest_framework.routers import SimpleRouter

from integrations.urls import api_urlpatterns as provider_api_urls
from integrations.urls import web_urlpatterns as provider_web_urls
from integrations.views import integrations_page
from trek.trips.api import TripViewSet
from trek.views import health

router = SimpleRouter(trailing_slash=True)
router.register("trips", TripViewSet, basename="trip")

api_patterns = [
    path("auth/token", obtain_auth_token, name="api-token"),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("", include("addons.urls")),
    path("", include(router.urls)),
    path("", include(("photos.api_urls", "photos_api"))),
    *provider_api_urls,
]

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="trips:list"), name="home"),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("trips/", include("trek.trips.urls")),
    path("trips/<id:trip_id>/photos/", include("photos.urls")),
    path("settings/integrations/", integrations_page, name="integrations"),
    *provider_web_urls,
    path("healthz", health, name="health"),
    path("", include("trek.journeys.urls")),
    path("api/", include(api_patterns)),
]

handler404 = "trek.views.not_found"
handler500 = "trek.views.server_error"
