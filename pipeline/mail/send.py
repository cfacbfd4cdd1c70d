"""Sending the prepared messages over SMTP (Python's smtplib), one at a time, each outcome
kept as it happens: a message is recorded as sent only once the server has accepted it;
one refused (an address the server does not know) or lost (the connection dropped
mid-run) does not stop the others — the connection is opened again for the next. The
password is never in a file nor on the command line: it is the SEGUIMIENTO_SMTP_PASSWORD
variable's."""

from __future__ import annotations

import contextlib
import datetime as dt
import smtplib
import ssl
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from email.utils import parseaddr

from pipeline.mail.message import Draft
from pipeline.reference.mail import MailSettings
from pipeline.words import word

PASSWORD_VARIABLE = "SEGUIMIENTO_SMTP_PASSWORD"
TIMEOUT = 60  # seconds a server may take to answer
CONNECT_TRIES = 2  # failed connections in a row before the rest are given up


@dataclass(frozen=True)
class Outcome:
    state: str  # enviado | rechazado | no_enviado | ya_enviado
    reason: str = ""  # in the run's language
    at: str = ""  # when it was sent (ISO, seconds)


@dataclass(frozen=True)
class Sent:
    outcomes: dict[tuple[str, str, str, str], Outcome]
    unreachable: bool  # nothing could be sent: no connection or the login refused


class _Connection:
    """An SMTP session opened when first needed and again after a drop."""

    def __init__(self, settings: MailSettings, password: str) -> None:
        self.settings, self.password = settings, password
        self.smtp: smtplib.SMTP | None = None

    def open(self) -> smtplib.SMTP:
        if self.smtp is not None:
            return self.smtp
        s = self.settings
        context = ssl.create_default_context()
        smtp: smtplib.SMTP
        if s.seguridad == "ssl":
            smtp = smtplib.SMTP_SSL(s.servidor, s.port, timeout=TIMEOUT, context=context)
        else:
            smtp = smtplib.SMTP(s.servidor, s.port, timeout=TIMEOUT)
        try:
            smtp.ehlo()
            if s.seguridad == "starttls":
                smtp.starttls(context=context)
                smtp.ehlo()
            if s.usuario:
                smtp.login(s.usuario, self.password)
        except BaseException:
            _quietly(smtp.close)
            raise
        self.smtp = smtp
        return smtp

    def drop(self) -> None:
        if self.smtp is not None:
            _quietly(self.smtp.close)
        self.smtp = None

    def close(self) -> None:
        if self.smtp is not None:
            _quietly(self.smtp.quit)
        self.drop()


def send_all(drafts: Sequence[Draft], settings: MailSettings, password: str, lang: str,
             already: dict[tuple[str, str, str, str], str], again: bool,
             record: Callable[[Draft, Outcome], None],
             now: Callable[[], dt.datetime] = lambda: dt.datetime.now().astimezone(),
             ) -> Sent:
    """Send each draft not already sent today (unless `again`); `record` is told each
    outcome as soon as it is known."""
    connection = _Connection(settings, password)
    outcomes: dict[tuple[str, str, str, str], Outcome] = {}
    failed_connects, given_up, sent_any = 0, "", False
    try:
        for draft in drafts:
            if draft.key in already and not again:
                outcome = Outcome("ya_enviado", word("mail.reason.ya_enviado", lang,
                                                     time=already[draft.key]))
            elif given_up:
                outcome = Outcome("no_enviado", given_up)
            else:
                try:
                    smtp = connection.open()
                    failed_connects = 0
                except smtplib.SMTPAuthenticationError as exc:
                    given_up = word("mail.reason.acceso", lang, why=_said(exc))
                    outcome = Outcome("no_enviado", given_up)
                except (OSError, smtplib.SMTPException) as exc:
                    failed_connects += 1
                    reason = word("mail.reason.sin_servidor", lang,
                                  server=f"{settings.servidor}:{settings.port}", why=_said(exc))
                    given_up = reason if failed_connects >= CONNECT_TRIES else ""
                    outcome = Outcome("no_enviado", reason)
                else:
                    outcome = _send(smtp, connection, draft, settings, lang, now())
                    sent_any = sent_any or outcome.state == "enviado"
            outcomes[draft.key] = outcome
            record(draft, outcome)
    finally:
        connection.close()
    tried = [o for o in outcomes.values() if o.state != "ya_enviado"]
    return Sent(outcomes, bool(tried) and not sent_any and bool(given_up))


def _send(smtp: smtplib.SMTP, connection: _Connection, draft: Draft, settings: MailSettings,
          lang: str, at: dt.datetime) -> Outcome:
    message = draft.email(draft=False, sent_at=at)
    sender = parseaddr(settings.remitente)[1] or settings.usuario
    if message["From"] is None:  # no [correo] remitente: the account that logs in
        message["From"] = sender
    when = at.isoformat(timespec="seconds")
    try:
        refused = smtp.send_message(message, from_addr=sender or None,
                                    to_addrs=draft.addresses)
    except smtplib.SMTPRecipientsRefused as exc:
        return Outcome("rechazado", _refusals(exc.recipients, lang))
    except (smtplib.SMTPServerDisconnected, OSError) as exc:
        connection.drop()
        return Outcome("no_enviado", word("mail.reason.cortado", lang, why=_said(exc)))
    except smtplib.SMTPResponseException as exc:
        _quietly(smtp.rset)
        return Outcome("rechazado", f"{exc.smtp_code} {_text(exc.smtp_error)}")
    except smtplib.SMTPException as exc:
        connection.drop()
        return Outcome("no_enviado", _said(exc))
    return Outcome("enviado", _refusals(refused, lang) if refused else "", when)


def _refusals(refused: dict[str, tuple[int, bytes]], lang: str) -> str:
    why = "; ".join(f"{code} {_text(text)}" for code, text in refused.values())
    return word("mail.reason.parcial", lang, addresses=", ".join(sorted(refused)), why=why)


def _said(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__


def _text(value: bytes | str) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _quietly(action: Callable[[], object]) -> None:
    with contextlib.suppress(OSError, smtplib.SMTPException):
        action()
