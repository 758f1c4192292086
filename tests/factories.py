import datetime

import factory
from django.contrib.auth import get_user_model

from trek.trips.models import Trip, TripMember


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("correct horse battery")


class TripFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Trip

    owner = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Trip {n}")
    start_date = datetime.date(2024, 6, 1)
    end_date = datetime.date(2024, 6, 7)


class TripMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TripMember

    trip = factory.SubFactory(TripFactory)
    user = factory.SubFactory(UserFactory)
