"""Sending the prepared messages over SMTP (Python's smtplib), one at a time, each exactly
once (docs/contract.md §7): right before a message goes, the ledger (the history's outbox) is asked
whether its party already had one of its kind today; its intent is kept before it goes and
its outcome once the server answers — `enviado` when accepted, `rechazado` when refused
for good (5xx, with the server's words), `no_enviado` when refused for now (4xx) or when
the connection was lost before the message went, `desconocido` when the message went and
no answer came (a dropped connection, Ctrl-C). A refusal or a loss does not stop the
others: the connection is opened again for the next. The password is never in a file nor
on the command line: it is the SEGUIMIENTO_SMTP_PASSWORD variable's."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import smtplib
import ssl
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from email.utils import parseaddr
from typing import TYPE_CHECKING, Protocol

from pipeline.mail.message import Draft
from pipeline.reference.mail import MailSettings
from pipeline.store.outbox import Earlier

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer
from pipeline.words import word

PASSWORD_VARIABLE = "SEGUIMIENTO_SMTP_PASSWORD"
TIMEOUT = 60  # seconds a server may take to answer
CONNECT_TRIES = 2  # failed connections in a row before the rest are given up
HELD_BACK = ("ya_enviado", "desconocido")  # not tried: today's message went, or may have


@dataclass(frozen=True)
class Outcome:
    state: str  # enviado | rechazado | no_enviado | desconocido | ya_enviado
    reason: str = ""  # in the run's language
    at: str = ""  # when it was sent, or perhaps sent (ISO, seconds)


@dataclass(frozen=True)
class Sent:
    outcomes: dict[tuple[str, str, str, str], Outcome]
    unreachable: bool  # nothing could be sent: no connection or the login refused


class Ledger(Protocol):
    """Where each message's intent and outcome are kept (the history's outbox): asked,
    under the sending lock, right before each message goes."""

    def earlier(self, draft: Draft) -> Earlier | None:
        """The party's message of this kind today that keeps this one from going."""

    def intend(self, draft: Draft, at: str) -> int:
        """The message about to go, kept before it goes; its record's id."""

    def settle(self, record: int, outcome: Outcome) -> None:
        """What became of it."""

    def note(self, draft: Draft, outcome: Outcome) -> None:
        """A message not tried (no connection), kept as such."""


class _Watched(smtplib.SMTP):
    """An SMTP session that knows when the message itself has gone to the server: a
    failure after that leaves the outcome unknown, one before it leaves the message
    unsent."""

    data_started = False

    def data(self, msg: ReadableBuffer | str) -> tuple[int, bytes]:
        self.data_started = True
        return super().data(msg)


class _WatchedSSL(_Watched, smtplib.SMTP_SSL):
    pass


class _Connection:
    """An SMTP session opened when first needed and again after a drop."""

    def __init__(self, settings: MailSettings, password: str) -> None:
        self.settings, self.password = settings, password
        self.smtp: _Watched | None = None

    def open(self) -> _Watched:
        if self.smtp is not None:
            return self.smtp
        s = self.settings
        context = ssl.create_default_context()
        smtp: _Watched
        if s.seguridad == "ssl":
            smtp = _WatchedSSL(s.servidor, s.port, timeout=TIMEOUT, context=context)
        else:
            smtp = _Watched(s.servidor, s.port, timeout=TIMEOUT)
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
             ledger: Ledger, again: bool, tell: Callable[[Draft, Outcome], None],
             now: Callable[[], dt.datetime] = lambda: dt.datetime.now().astimezone(),
             ) -> Sent:
    """Send each draft whose party has had no message of its kind today (sent, or perhaps
    sent: unknown), unless `again`: the intent is kept before the message goes and the
    outcome after; `tell` hears each outcome as soon as it is known. Interrupted (Ctrl-C)
    while the server has the message: its outcome is kept as unknown, and the
    interruption goes on."""
    connection = _Connection(settings, password)
    outcomes: dict[tuple[str, str, str, str], Outcome] = {}
    failed_connects, given_up, sent_any = 0, "", False
    try:
        for draft in drafts:
            before = None if again else ledger.earlier(draft)
            if before is not None:
                outcome = held_back(before, lang)
            elif given_up:
                outcome = Outcome("no_enviado", given_up)
                ledger.note(draft, outcome)
            else:
                smtp: _Watched | None = None
                try:
                    smtp = connection.open()
                    failed_connects = 0
                except smtplib.SMTPAuthenticationError as exc:
                    given_up = word("mail.reason.acceso", lang, why=_said(exc))
                    outcome = Outcome("no_enviado", given_up)
                except smtplib.SMTPNotSupportedError as exc:  # (the configuration's, not
                    # the server's passing state: no later message would go either)
                    lacking = "sin_starttls" if "STARTTLS" in str(exc) else "sin_auth"
                    given_up = word(f"mail.reason.{lacking}", lang,
                                    server=f"{settings.servidor}:{settings.port}")
                    outcome = Outcome("no_enviado", given_up)
                except (OSError, smtplib.SMTPException) as exc:
                    failed_connects += 1
                    reason = word("mail.reason.sin_servidor", lang,
                                  server=f"{settings.servidor}:{settings.port}", why=_said(exc))
                    given_up = reason if failed_connects >= CONNECT_TRIES else ""
                    outcome = Outcome("no_enviado", reason)
                if smtp is None:
                    ledger.note(draft, outcome)
                else:
                    outcome = _send_once(smtp, connection, draft, settings, lang, ledger,
                                         now(), functools.partial(tell, draft))
                    sent_any = sent_any or outcome.state == "enviado"
            outcomes[draft.key] = outcome
            tell(draft, outcome)
    finally:
        connection.close()
    tried = [o for o in outcomes.values() if o.state not in HELD_BACK]
    return Sent(outcomes, bool(tried) and not sent_any and bool(given_up))


def held_back(before: Earlier, lang: str) -> Outcome:
    """What is said of a message held back: sent earlier today, refused, or perhaps sent."""
    if before.state == "enviado":
        return Outcome("ya_enviado", word("mail.reason.ya_enviado", lang,
                                          time=_clock(before.at)), before.at)
    if before.state == "rechazado":
        return Outcome("rechazado", word("mail.reason.rechazado_antes", lang,
                                         time=_clock(before.at), why=before.reason))
    return Outcome("desconocido", word("mail.reason.desconocido_antes", lang,
                                       time=_clock(before.at), subject=before.subject,
                                       to=before.to), before.at)


def _send_once(smtp: _Watched, connection: _Connection, draft: Draft,
               settings: MailSettings, lang: str, ledger: Ledger, at: dt.datetime,
               tell: Callable[[Outcome], None]) -> Outcome:
    """Intent, the message, outcome. Anything that stops the run in between (Ctrl-C, a
    defect) still leaves an outcome: unknown once the message went to the server."""
    when = at.isoformat(timespec="seconds")
    record = ledger.intend(draft, when)
    smtp.data_started = False
    try:
        outcome = _send(smtp, connection, draft, settings, lang, at)
    except BaseException:
        state = "desconocido" if smtp.data_started else "no_enviado"
        outcome = Outcome(state, word(f"mail.reason.interrumpido.{state}", lang),
                          when if smtp.data_started else "")
        connection.drop()  # its answer, if it comes, is not for the next command
        ledger.settle(record, outcome)
        tell(outcome)
        raise
    ledger.settle(record, outcome)
    return outcome


def _send(smtp: _Watched, connection: _Connection, draft: Draft, settings: MailSettings,
          lang: str, at: dt.datetime) -> Outcome:
    message = draft.email(draft=False, sent_at=at)
    sender = parseaddr(settings.remitente)[1] or settings.usuario
    if message["From"] is None:  # no [correo] remitente: the account that logs in
        message["From"] = sender
    when = at.isoformat(timespec="seconds")
    try:
        refused = smtp.send_message(message, from_addr=sender or None,
                                    to_addrs=draft.addresses)
    except smtplib.SMTPRecipientsRefused as exc:  # every recipient: nothing went
        temporary = all(code < 500 for code, _ in exc.recipients.values())
        return Outcome("no_enviado" if temporary else "rechazado",
                       _refusals(exc.recipients, lang))
    except smtplib.SMTPResponseException as exc:  # the server's answer (sender, DATA)
        _quietly(smtp.rset)
        said = f"{exc.smtp_code} {_text(exc.smtp_error)}"
        if 400 <= exc.smtp_code < 500:  # temporary: the next run tries again
            return Outcome("no_enviado", word("mail.reason.temporal", lang, why=said))
        return Outcome("rechazado", said)
    except OSError as exc:  # the connection lost (smtplib's own errors are OSErrors too)
        connection.drop()
        if smtp.data_started:  # the message went, its answer never came: it may be there
            return Outcome("desconocido", word("mail.reason.sin_respuesta", lang,
                                               why=_said(exc)), when)
        return Outcome("no_enviado", word("mail.reason.cortado", lang, why=_said(exc)))
    main = {c.correo for c in draft.to}
    if refused and main and main <= set(refused):  # only the copies took it: the party
        # it is for did not (refused for good, or for now: the next run tries again, and
        # the copies have it again)
        temporary = all(refused[a][0] < 500 for a in main)
        copies = [a for a in draft.addresses if a not in refused]
        reason = _refusals(refused, lang) + word(
            "mail.reason.solo_copias", lang, addresses=", ".join(copies))
        if temporary:
            reason += word("mail.reason.reintento", lang)
        return Outcome("no_enviado" if temporary else "rechazado", reason)
    return Outcome("enviado", _refusals(refused, lang) if refused else "", when)


def _refusals(refused: dict[str, tuple[int, bytes]], lang: str) -> str:
    why = "; ".join(f"{code} {_text(text)}" for code, text in refused.values())
    return word("mail.reason.parcial", lang, addresses=", ".join(sorted(refused)), why=why)


def _clock(at: str) -> str:
    """A recorded moment as the time of day it was (the day is today's)."""
    return at[11:16] if len(at) >= 16 else at


def _said(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__


def _text(value: bytes | str) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _quietly(action: Callable[[], object]) -> None:
    with contextlib.suppress(OSError, smtplib.SMTPException):
        action()
