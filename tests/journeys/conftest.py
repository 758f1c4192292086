import pytest

from tests.factories import UserFactory
from trek.journeys.models import Journey, JourneyContributor, JourneyEntry


@pytest.fixture
def journey_on(enable):
    enable("journey")


@pytest.fixture
def editor(db):
    return UserFactory(username="edda")


@pytest.fixture
def viewer(db):
    return UserFactory(username="vic")


@pytest.fixture
def journey(owner, editor, viewer):
    journey = Journey.objects.create(owner=owner, title="Portugal by train")
    JourneyContributor.objects.create(journey=journey, user=editor, role="editor")
    JourneyContributor.objects.create(journey=journey, user=viewer, role="viewer")
    return journey


@pytest.fixture
def entry(journey, owner):
    return JourneyEntry.objects.create(
        journey=journey, author=owner, entry_date="2024-06-03", title="Lisbon"
    )
