"""A message as it is kept and sent: what it says (a body rendered as plain text and,
from a Jinja2 template with autoescape on, as HTML), to whom, with which attachment; and
its RFC 5322 form. A draft carries `X-Unsent: 1` (Outlook opens it as a message to send;
Thunderbird opens any .eml) and is byte-for-byte the same for the same inputs and date:
its Date, Message-ID and MIME boundaries come from its content, never from the clock or
a random number."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import mimetypes
from dataclasses import dataclass, field
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from pipeline.mail.contacts import Contact
from pipeline.model.text import one_line

# Headers on one line up to 998 characters (RFC 5322's limit): a folded subject comes back
# with a leading space in some readers.
POLICY = policy.SMTP.clone(max_line_length=998)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Body:
    """What a message says, once, for both its plain text and its HTML."""

    lang: str
    greeting: str
    before: tuple[str, ...] = ()
    headers: tuple[str, ...] = ()  # a short table (the items, the problems)
    rows: tuple[tuple[str, ...], ...] = ()
    more: str = ""  # "… and 12 more in the attached list"
    after: tuple[str, ...] = ()
    signature: str = ""
    notes: tuple[tuple[str, ...], ...] = ()  # lines under each row (an item's observations)

    def text(self) -> str:
        lines = [self.greeting, ""]
        for paragraph in self.before:
            lines += [paragraph, ""]
        if self.rows:  # a cell's line breaks and direction marks never reshape the text
            for n, row in enumerate(self.rows):
                lines.append("- " + " · ".join(_plain(c) for c in row if c))
                lines += ["  " + _plain(note) for note in self.notes_of(n)]
            if self.more:
                lines.append(self.more)
            lines.append("")
        for paragraph in self.after:
            lines += [paragraph, ""]
        lines.append(self.signature)
        return "\n".join(lines) + "\n"

    def notes_of(self, row: int) -> tuple[str, ...]:
        """The lines under a row of the table (an item's observations), for both parts."""
        return self.notes[row] if row < len(self.notes) else ()

    def html(self, subject: str) -> str:
        return _environment().get_template("mensaje.html").render(body=self, subject=subject)


@dataclass(frozen=True)
class Draft:
    """One message: its kind (vencidos, retroalimentacion, convocatoria), the round or day
    it is about, the party it is for and its language — together, its key in the send
    history — its recipients, subject, body and attachment."""

    kind: str
    ronda: str  # the round (feedback, call) or the as-of date (reminders)
    parte: str
    lang: str
    to: tuple[Contact, ...]
    cc: tuple[Contact, ...]
    subject: str
    body: Body
    attachment: tuple[str, bytes] | None = None
    stem: str = ""  # the .eml file's name, without extension
    sender: str = ""
    as_of: dt.date = field(default_factory=dt.date.today)

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.kind, self.ronda, self.parte, self.lang)

    @property
    def addresses(self) -> list[str]:
        return [c.correo for c in (*self.to, *self.cc)]

    def email(self, draft: bool = True, sent_at: dt.datetime | None = None) -> EmailMessage:
        """The RFC 5322 message: a draft (X-Unsent, a Date from the as-of day) or the one
        sent (`sent_at`)."""
        message = EmailMessage(policy=POLICY)
        digest = self._digest()
        if self.sender:  # a draft without one is sent from the mail client's account
            message["From"] = self.sender
        message["To"] = _people(self.to)
        if self.cc:
            message["Cc"] = _people(self.cc)
        message["Subject"] = self.subject
        when = sent_at or dt.datetime.combine(self.as_of, dt.time(8, 0), dt.UTC)
        message["Date"] = format_datetime(when)
        message["Message-ID"] = f"<{digest[:32]}@seguimiento.invalid>"
        if draft:
            message["X-Unsent"] = "1"
        message.set_content(self.body.text(), cte="quoted-printable")
        message.add_alternative(self.body.html(self.subject), subtype="html",
                                cte="quoted-printable")
        if self.attachment is not None:
            name, data = self.attachment
            kind = XLSX if name.endswith(".xlsx") else (
                mimetypes.guess_type(name)[0] or "application/octet-stream")
            maintype, subtype = kind.split("/", 1)
            message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
        message["Content-Language"] = self.lang  # after the content: set_content clears it
        for number, part in enumerate(message.walk()):
            if part.is_multipart():
                part.set_boundary(f"=_seguimiento_{digest[:24]}_{number}")
        return message

    def _digest(self) -> str:
        """From everything the message says: the same message, the same identity."""
        h = hashlib.sha256()
        for piece in (*self.key, self.as_of.isoformat(), self.subject, self.body.text(),
                      *self.addresses):
            h.update(piece.encode("utf-8") + b"\0")
        if self.attachment is not None:
            h.update(self.attachment[0].encode("utf-8") + b"\0" + self.attachment[1])
        return h.hexdigest()


_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F],
                          None)  # bidirectional embeddings, overrides, isolates and marks


def _plain(text: str) -> str:
    """A cell's text on one line of the plain-text part, without direction controls (an
    override would reverse the date and days that follow it)."""
    return one_line(text.translate(_CONTROLS))


NAME_CHARS = 80  # a display name longer than this is cut (a header line stays readable)


def _people(contacts: tuple[Contact, ...]) -> list[Address]:
    """The recipients as addresses the email package quotes and encodes itself: a name
    with a comma, a colon, parentheses or accents stays that person's name, never a
    second recipient or a header."""
    return [Address(display_name=c.nombre[:NAME_CHARS], addr_spec=c.correo) for c in contacts]


@functools.cache
def _environment() -> Environment:
    return Environment(loader=PackageLoader("pipeline.mail", "templates"),
                       autoescape=select_autoescape(["html"], default=True),
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                       keep_trailing_newline=True)
