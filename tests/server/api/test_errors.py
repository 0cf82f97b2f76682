"""Every domain error maps to its status and one JSON shape; the unexpected becomes a bare 500."""
from __future__ import annotations

import pytest
from flask import Blueprint

from sourcelight import errors


@pytest.fixture
def raising_client(app):
    bp = Blueprint("raise", __name__)

    @bp.get("/raise/<name>")
    def raise_named(name):
        if name == "boom":
            raise RuntimeError("secret internal detail /etc/passwd")
        raise getattr(errors, name)(f"{name} happened", fields={"x": ["bad"]})

    app.register_blueprint(bp)
    client = app.test_client()
    return client


# What a client sees for each domain error, written out here (not read from the code under test).
EXPECTED = {
    "InvalidInput": (422, "invalid_input"),
    "MalformedInput": (400, "invalid_json"),
    "PayloadTooLarge": (413, "payload_too_large"),
    "PageTooComplex": (422, "page_too_complex"),
    "ProcessingTimeout": (503, "processing_timeout"),
    "NoArticleFound": (422, "no_article"),
    "NotFound": (404, "not_found"),
    "Conflict": (409, "conflict"),
    "Unauthorized": (401, "unauthorized"),
    "Forbidden": (403, "forbidden"),
    "UnsupportedMediaType": (415, "unsupported_media_type"),
}


def test_every_domain_error_has_an_expected_status_here():
    declared = {name for name, value in vars(errors).items()
                if isinstance(value, type) and issubclass(value, errors.SourcelightError)
                and value is not errors.SourcelightError}
    assert declared == set(EXPECTED)


@pytest.mark.parametrize(("name", "status", "code"), [(n, s, c) for n, (s, c) in sorted(EXPECTED.items())],
                         ids=sorted(EXPECTED))
def test_domain_error_maps_to_status_and_shape(raising_client, auth_headers, name, status, code):
    cls = getattr(errors, name)
    response = raising_client.get(f"/raise/{cls.__name__}", headers=auth_headers, base_url="http://127.0.0.1:8765")
    assert response.status_code == status
    body = response.get_json()
    assert body == {"error": {"code": code, "message": f"{cls.__name__} happened", "fields": {"x": ["bad"]},
                              "retryable": False}}


def test_unexpected_error_is_generic_500_without_details(raising_client, auth_headers, caplog):
    response = raising_client.get("/raise/boom", headers=auth_headers, base_url="http://127.0.0.1:8765")
    assert response.status_code == 500
    body = response.get_json()
    assert body["error"]["code"] == "internal_error"
    assert "passwd" not in response.get_data(as_text=True)
    assert "secret internal detail" in caplog.text  # the traceback goes to the log


@pytest.mark.parametrize(("method", "path", "status"), [
    ("GET", "/api/v1/nothing-here", 404),
    ("DELETE", "/api/v1/articles", 405),
])
def test_http_errors_are_json_too(client, auth_headers, method, path, status):
    response = client.open(path, method=method, headers=auth_headers)
    assert response.status_code == status
    assert set(response.get_json()["error"]) >= {"code", "message"}
