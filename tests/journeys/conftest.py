import pytest

from tests.factories import UserFactory
from trek.journeys.models import Journey, JourneyContributor, JourneyEntry


@pytest.fixture(autouse=True)
def _tasks_run_in_process():
    """Run tasks eagerly even when REDIS_URL is set (as in CI)."""
    from trek.celery import app

    before = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = before


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
