"""Property-based fuzzing of our own API from its OpenAPI schema.

Signed in as an ordinary user, every generated request must get an answer that
is not a server error and that matches the schema. The number of examples per
operation is bounded so the suite stays fast.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
)

from tests.factories import TripFactory
from trek.wsgi import application

MAX_EXAMPLES = 12


# The schema is built from the code alone, so it can be loaded at collection.
schema = schemathesis.openapi.from_wsgi("/api/schema/", application)


@pytest.fixture(autouse=True)
def _requests_keep_the_test_database_connection():
    # Called as a plain WSGI app, Django would close the test's database
    # connection around each request; its own test client prevents the same.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def signed_in_headers(owner, trip, enable):
    enable("journey", "immich", "synologyphotos")
    TripFactory(owner=owner, title="Another trip")
    token, _ = Token.objects.get_or_create(user=owner)
    return {"Authorization": f"Token {token.key}"}


@schema.parametrize()
@hypothesis_settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_no_server_errors_and_answers_match_the_schema(case, signed_in_headers):
    case.call_and_validate(
        headers=signed_in_headers,
        checks=[
            not_a_server_error,
            content_type_conformance,
            response_schema_conformance,
        ],
    )
