"""A real SMTP server on 127.0.0.1 for the mail tests (aiosmtpd), able to refuse a
recipient, drop the connection at a given message, refuse a message at DATA, keep the
reply to the first message it delivers until told (the client waits for its "250"),
require STARTTLS, speak SSL from the start, and ask for a login; and a certificate
authority of the test's own (trustme) that the client is made to trust through
SSL_CERT_FILE, as a real one would be."""

from __future__ import annotations

import asyncio
import socket
import ssl
import threading
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage


@dataclass
class Handler:
    refuse: set[str] = field(default_factory=set)  # recipients answered 550
    refuse_code: str = ""  # another answer for them ("451 4.3.0 Try again later")
    drop_at: int | None = None  # the n-th DATA (1-based) drops the connection instead
    drop_at_mail: int | None = None  # the n-th MAIL FROM drops it (before any DATA)
    mails: int = 0
    data_reply: dict[str, str] = field(default_factory=dict)  # recipient -> reply at DATA
    hold: threading.Event | None = None  # the first delivery's reply waits for it
    held: threading.Event = field(default_factory=threading.Event)  # delivered, not answered
    received: list[Received] = field(default_factory=list)
    datas: int = 0

    async def handle_MAIL(self, server: Any, session: Any, envelope: Any, address: str,
                          mail_options: list[str]) -> str | None:
        self.mails += 1
        if self.drop_at_mail == self.mails:
            server.transport.close()
            return None
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,
                          rcpt_options: list[str]) -> str:
        if address in self.refuse:
            return self.refuse_code or f"550 5.1.1 <{address}>: no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str | None:
        self.datas += 1
        if self.drop_at == self.datas:
            server.transport.close()
            return None
        refusal = next((self.data_reply[a] for a in envelope.rcpt_tos if a in self.data_reply),
                       None)
        if refusal is not None:
            return refusal
        parsed = BytesParser(policy=policy.default).parsebytes(envelope.original_content)
        assert isinstance(parsed, EmailMessage)
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), parsed))
        if self.hold is not None and len(self.received) == 1:
            self.held.set()
            while not self.hold.is_set():  # the message is delivered; its "250" waits
                await asyncio.sleep(0.02)
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(handler: Handler, *, starttls: ssl.SSLContext | None = None,
          tls: ssl.SSLContext | None = None, login: tuple[str, str] | None = None,
          ) -> tuple[Controller, int]:
    port = free_port()
    extra: dict[str, Any] = {}
    if starttls is not None:
        extra |= {"tls_context": starttls, "require_starttls": True}
    if tls is not None:
        extra |= {"ssl_context": tls}
    if login is not None:
        def check(server: Any, session: Any, envelope: Any, mechanism: str,
                  data: Any) -> AuthResult:
            ok = isinstance(data, LoginPassword) and (
                data.login.decode(), data.password.decode()) == login
            return AuthResult(success=ok, handled=False)
        extra |= {"authenticator": check, "auth_required": True,
                  "auth_require_tls": starttls is not None}  # (implicit TLS is not seen as such)
    controller = Controller(handler, hostname="127.0.0.1", port=port, **extra)
    controller.start()
    return controller, port
