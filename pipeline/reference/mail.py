"""The configuration's [correo] section: how messages are sent and who is copied when an
item is long overdue. Nothing here is secret: the password comes only from the
SEGUIMIENTO_SMTP_PASSWORD variable when sending (pipeline.mail.send)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

LANGUAGES = ("es", "en")
SECURITIES = {"starttls": 587, "ssl": 465, "ninguna": 25}
SECURITY_ALIASES = {"starttls": "starttls", "tls": "starttls", "ssl": "ssl",
                    "ninguna": "ninguna", "none": "ninguna", "no": "ninguna"}


@dataclass(frozen=True)
class MailSettings:
    servidor: str = ""  # the SMTP server (smtp.office365.com, smtp.gmail.com)
    puerto: int = 0  # 0: the security's usual port (587, 465 or 25)
    seguridad: str = "starttls"  # starttls | ssl | ninguna
    usuario: str = ""  # the account that logs in; none: no login
    remitente: str = ""  # the From address ("Secretaría <secretaria@example.org>")
    dias_para_escalar: int = 30  # items overdue longer put `escalar_a` in copy
    escalar_a: tuple[str, ...] = ()  # parties copied when escalating (the profile's)
    dias_para_corregir: int = 15  # feedback: corrections due this many days after
    # who signs every message, by language ("" for any): a text, or {es = ..., en = ...}
    firma: tuple[tuple[str, str], ...] = ()

    @property
    def port(self) -> int:
        return self.puerto or SECURITIES[self.seguridad]

    def signature(self, lang: str) -> str:
        """The signature in `lang`: its own, else the one for any language, else the
        first given."""
        by = dict(self.firma)
        return by.get(lang) or by.get("") or next(iter(by.values()), "")


def mail_settings(section: dict[str, Any],
                  secretariat: dict[str, str] | None = None) -> MailSettings:
    """[correo] as settings; a value that cannot be right is a ValueError that names it
    (the loader makes it a configuration error). Without `firma`, the network's
    secretariat (its name by language) signs."""
    known = set(MailSettings.__dataclass_fields__)
    unknown = sorted(set(section) - known)
    if unknown:
        raise ValueError(f"[correo] {', '.join(unknown)}: "
                         f"{', '.join(sorted(known))}")
    security = str(section.get("seguridad", "starttls")).strip().lower()
    if security not in SECURITY_ALIASES:
        raise ValueError(f"[correo] seguridad = {security!r}: starttls, ssl, ninguna/none")
    port = int(section.get("puerto", 0))
    if not 0 <= port <= 65535:
        raise ValueError(f"[correo] puerto = {port}")
    days = int(section.get("dias_para_escalar", 30))
    correct = int(section.get("dias_para_corregir", 15))
    if days < 0 or correct < 0:
        raise ValueError("[correo] dias_para_escalar / dias_para_corregir >= 0")
    copied = section.get("escalar_a", [])
    if isinstance(copied, str):
        copied = [copied]
    return MailSettings(str(section.get("servidor", "")).strip(), port,
                        SECURITY_ALIASES[security], str(section.get("usuario", "")).strip(),
                        str(section.get("remitente", "")).strip(), days,
                        tuple(str(c) for c in copied), correct,
                        _signature(section.get("firma", dict(secretariat or {}) or "")))


def _signature(value: Any) -> tuple[tuple[str, str], ...]:
    """`firma = "..."` (every language) or `firma = {es = "...", en = "..."}`."""
    if isinstance(value, str):
        return (("", value.strip()),) if value.strip() else ()
    if isinstance(value, dict) and value and all(
            k in LANGUAGES and isinstance(v, str) and v.strip() for k, v in value.items()):
        return tuple((str(k), v.strip()) for k, v in sorted(value.items()))
    raise ValueError(f"[correo] firma = {value!r}: \"...\" o/or {{ es = \"...\", "
                     f"en = \"...\" }}")
