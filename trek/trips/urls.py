from django.urls import path

from trek.trips import views

app_name = "trips"

urlpatterns = [
    path("", views.trip_list, name="list"),
    path("new/", views.trip_create, name="create"),
    path("<id:trip_id>/", views.trip_detail, name="detail"),
    path("<id:trip_id>/members/", views.member_add, name="member-add"),
    path(
        "<id:trip_id>/members/<id:user_id>/remove/",
        views.member_remove,
        name="member-remove",
    ),
]
