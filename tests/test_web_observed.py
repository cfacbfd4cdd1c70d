"""The observations on the round's page (pipeline.web.observed): evidence is a link only
when it is a web address."""

from __future__ import annotations

import pytest

from pipeline.web.observed import web_address


@pytest.mark.parametrize("text", [
    "https://example.org/informe.pdf", "http://example.org", "HTTPS://EXAMPLE.ORG/a?b=1&c=2",
    " https://example.org/x "])
def test_a_web_address_is_a_link(text: str) -> None:
    assert web_address(text) == text.strip()


@pytest.mark.parametrize("text", [
    "javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "file:///etc/passwd",
    "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "Informe de campo.docx",
    "https://", "https:///path", "//example.org/x", "example.org", "ftp://example.org/x",
    "https://example.org/a b", "https://example.org/\njavascript:alert(1)", "", "http:x",
    "https://[::1"])
def test_anything_else_is_text(text: str) -> None:
    assert web_address(text) == ""
