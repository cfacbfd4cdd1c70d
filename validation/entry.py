"""What an entry of the issue catalogue is: a severity and the message in Spanish and
English."""

from __future__ import annotations

from typing import NamedTuple

ERROR, WARNING, INFO = "error", "advertencia", "info"
SEVERITY_LABELS = {
    "es": {ERROR: "error", WARNING: "advertencia", INFO: "info"},
    "en": {ERROR: "error", WARNING: "warning", INFO: "info"},
}


class Entry(NamedTuple):
    severity: str
    es: str
    en: str
