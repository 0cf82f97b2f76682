"""Error answers say whether trying again can help, and name the setting behind a limit."""
from __future__ import annotations

import pytest

from sourcelight.errors import ProcessingTimeout
from sourcelight.workers import AnnotatorPool
from tests.conftest import TEST_PORT, TEST_TOKEN

URL = "https://news.example.org/world/2026/11/30/harbour-reopens"
PARA = ("<p>The harbour reopened to cargo ships on Monday, three weeks after a storm sank two tugboats at the "
        "entrance and left the main channel blocked by debris, port officials said.</p>")


def page(body: str, head: str = "") -> str:
    return (f"<html lang='en'><head><title>Harbour reopens after storm</title>{head}</head>"
            f"<body><article><h1>Harbour reopens after storm</h1>{body}</article></body></html>")


@pytest.fixture
def small_text_client(tmp_path):
    from sourcelight.app import create_app

    app = create_app({"DATA_DIR": str(tmp_path / "data"), "TESTING": True, "TOKEN": TEST_TOKEN,
                      "PORT": TEST_PORT, "MAX_TEXT_CHARS": 3_000})
    yield app.test_client()
    app.extensions["sourcelight"]["store"].dispose()


def post(client, html):
    return client.post("/api/v1/articles", json={"url": URL, "html": html},
                       headers={"Authorization": f"Bearer {TEST_TOKEN}"}, base_url=f"http://127.0.0.1:{TEST_PORT}")


def test_too_much_text_is_not_retryable_and_names_its_setting(small_text_client):
    response = post(small_text_client, page(PARA * 40))
    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["code"] == "page_too_complex"
    assert "SOURCELIGHT_MAX_TEXT_CHARS" in error["message"]
    assert "MAX_CONTENT_LENGTH" not in error["message"]
    assert error["retryable"] is False


def test_a_page_with_a_megabyte_of_css_under_a_small_text_budget_is_annotated(small_text_client):
    css = "<style>" + ".c{color:#123456}\n" * 60_000 + "</style>"
    response = post(small_text_client, page(PARA * 3, head=css))
    assert response.status_code == 201, response.get_json()


def test_a_busy_server_says_try_again():
    pool = AnnotatorPool(1)
    pool._slots.acquire()  # every slot taken, as by another page being annotated
    try:
        with pytest.raises(ProcessingTimeout) as caught:
            pool.annotate("html", page(PARA * 3), url=URL, budget_seconds=30, wait_seconds=0.01)
        assert caught.value.retryable is True
    finally:
        pool._slots.release()
        pool.close()


def test_error_bodies_always_carry_retryable(client, auth_headers):
    response = client.get("/api/v1/articles/nope", headers=auth_headers)
    assert response.status_code == 404
    assert response.get_json()["error"]["retryable"] is False
