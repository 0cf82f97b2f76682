"""A real sourcelight server in a subprocess, shared by the tests of one module."""
from __future__ import annotations

import pytest

from tests.helpers.server import start_server

# Short enough that the pathological pages hit it quickly, long enough for a real page.
TEST_TIME_BUDGET_SECONDS = "4"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    running = start_server(tmp_path_factory.mktemp("security-server"),
                           env={"SOURCELIGHT_TIME_BUDGET_SECONDS": TEST_TIME_BUDGET_SECONDS})
    yield running
    running.stop()


@pytest.fixture
def host_header(server):
    return f"127.0.0.1:{server.port}"
