"""Shared by the API tests: the URL prefix and the error format's check."""

V1 = "/api/v1"


def assert_error(response, status: int, code: str) -> dict:
    """The response is the API's error format with this status and code; returns its body."""
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "code", "message", "details"}
    assert body["error"]["status"] == status and body["error"]["code"] == code
    assert body["error"]["message"] and isinstance(body["error"]["details"], list)
    return body["error"]
