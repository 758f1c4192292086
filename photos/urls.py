"""The trip Photos panel (htmx), mounted under /trips/<trip_id>/photos/."""


app_name = "photos"

urlpatterns: list = []
