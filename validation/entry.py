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

# The statuses as a message names them (the reference's four, in each language).
STATUS_HINT_ES = "Finalizado, En proceso, Pendiente o No alcanzado"
STATUS_HINT_EN = "Completed, In progress, Not started or Not achieved"
