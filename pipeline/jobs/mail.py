"""`seguimiento mail overdue | feedback | call`: the messages of each kind prepared as
drafts (`.eml` and an index), and with --send sent over SMTP, every outcome in the index
and the history. Sending holds the history's sending lock from the first draft written to
the last outcome kept (a second run waits, then finds today's messages sent): a party is
written to at most once per kind and day unless --again (docs/contract.md §7)."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.jobs.consolidate import analyze
from pipeline.jobs.overdue import pending
from pipeline.jobs.template import generate_templates
from pipeline.mail.compose import (
    LeftOut,
    call_drafts,
    feedback_drafts,
    reminder_drafts,
)
from pipeline.mail.contacts import Contact, Contacts, load_contacts, signers
from pipeline.mail.drafts import Prepared, write_mail
from pipeline.mail.message import Draft
from pipeline.mail.send import PASSWORD_VARIABLE, Outcome, Sent, held_back, send_all
from pipeline.model.errors import (
    MailIndexNotWritten,
    MailNeedsHistory,
    MailNotConfigured,
    MailPasswordMissing,
    NoClosingDate,
    OutputNotWritable,
    RoundClosed,
    environment_failure,
)
from pipeline.model.run import Options
from pipeline.model.submission import Submission
from pipeline.reference.data import Reference
from pipeline.reference.load import load_reference
from pipeline.store.history import latest_signers, open_history
from pipeline.store.lock import hold_lock
from pipeline.store.outbox import (
    SENDING,
    Earlier,
    earlier,
    record_message,
    record_outcome,
    sending_lock,
    settle_abandoned,
)
from pipeline.words import LANGS, plural
from pipeline.write.feedback import feedback_paths, files_of, write_feedback
from pipeline.write.overdue_lists import party_workbook
from pipeline.write.staging import refuse_inside
from validation import Issue, make_issue


@dataclass(frozen=True)
class MailOptions:
    out_dir: Path
    as_of: dt.date
    lang: str = "es"
    config: Path | None = None
    contacts: Path | None = None
    history: Path | None = None
    send: bool = False
    again: bool = False
    today: dt.date = field(default_factory=dt.date.today)  # the day "sent today" counts
    waiting: Callable[[str], None] | None = None  # told when another run is sending (its pid)


@dataclass(frozen=True)
class MailResult:
    kind: str  # vencidos | retroalimentacion | convocatoria
    written: list[Path]
    prepared: Prepared
    sent: Sent | None = None
    nothing: bool = False  # nobody had anything to be told


def mail_overdue(options: MailOptions, input_dir: Path | None,
                 up_to: str | None = None) -> MailResult:
    """A reminder to each party with overdue or due-soon items: from the folder given,
    else from each reporter's latest stored round (up to the round `up_to`)."""
    ref = _ready(options)
    reminders = pending(input_dir, options.as_of, options.out_dir, options.history,
                        options.config, ref, up_to)
    contacts = load_contacts(options.contacts, ref)
    with tempfile.TemporaryDirectory() as folder:
        def attach(party: str, lang: str) -> tuple[str, bytes]:
            path = party_workbook(Path(folder), party, reminders.by_party[party], ref, lang,
                                  options.as_of)
            return path.name, path.read_bytes()

        drafts, left = reminder_drafts(reminders, ref, contacts, attach)
    return _finish(options, ref, "vencidos", "", contacts, drafts, left, [],
                   nothing=not reminders.by_party)


def mail_feedback(options: MailOptions, input_dir: Path, ronda: str) -> MailResult:
    """To each reporter of the round: its feedback workbook, what to correct, by when."""
    ref = _ready(options)
    refuse_inside(input_dir, options.out_dir)
    # (against the history, as consolidate read it: the workbook mailed is the round's own)
    result = analyze(Options(input_dir=input_dir, as_of=options.as_of, round=ronda,
                             lang=options.lang, config=options.config,
                             closing_date=ref.cierres.get(ronda), history=options.history))
    contacts = load_contacts(options.contacts, ref)
    signed, signer_issues = signers(result.submissions, ref)
    files = files_of(result)
    counts = {k: (sum(s.errores for s in result.submissions if s.archivo in names),
                  sum(s.advertencias for s in result.submissions if s.archivo in names))
              for k, names in files.items()}
    issues: dict[str, list[Issue]] = {k: [] for k in files}
    owner = {name: k for k, names in files.items() for name in names}
    for issue in result.issues:
        if issue.archivo in owner:
            issues[owner[issue.archivo]].append(issue)
    with tempfile.TemporaryDirectory() as folder:
        written = {}
        # the workbook goes in each contact's language: written once per language spoken
        for lang in _spoken([*contacts.people, *signed], files):
            chosen = dataclasses.replace(result, ref=_speaking(ref, lang, files))
            (Path(folder) / lang).mkdir()
            write_feedback(chosen, Path(folder) / lang)
            written[lang] = feedback_paths(chosen)

        def attach(reporter: str, lang: str) -> tuple[str, bytes]:
            path = Path(folder) / lang / written[lang][reporter]
            return path.name, path.read_bytes()

        drafts, left = feedback_drafts(result.ronda, options.as_of, ref, contacts, signed,
                                       issues, counts, attach)
    return _finish(options, ref, "retroalimentacion", result.ronda, contacts, drafts, left,
                   signer_issues, nothing=not files)


def mail_call(options: MailOptions, input_dir: Path | None, ronda: str,
              closing: dt.date | None) -> MailResult:
    """To each expected reporter that has not sent: its prefilled template, the closing."""
    ref = _ready(options)
    closes = closing or ref.cierres.get(ronda)
    if closes is None:
        raise NoClosingDate(ronda)
    if closes < options.as_of:
        raise RoundClosed(f"{ronda}: {closes.isoformat()}")
    sent_already: set[str] = set()
    if input_dir is not None and input_dir.is_dir():
        refuse_inside(input_dir, options.out_dir)
        result = analyze(Options(input_dir=input_dir, as_of=options.as_of, round=ronda,
                                 lang=options.lang, config=options.config))
        sent_already = set(files_of(result))
    missing = [r for r in ref.esperados if r not in sent_already]
    contacts = load_contacts(options.contacts, ref)
    writable = [r for r in missing if ref.party(r) is not None]
    # who signed each reporter's last matrix: called when the contacts book has nobody
    last: list[Submission] = []
    if options.history is not None:
        with open_history(options.history, create=False) as conn:
            last = latest_signers(conn, ronda)
    signed, signer_issues = signers(last, ref)
    signed = [s for s in signed if not contacts.of(s.parte)]
    with tempfile.TemporaryDirectory() as folder:
        made: dict[tuple[str, str], Path] = {}
        blank: set[str] = set()
        for lang in _spoken([*contacts.people, *signed], writable):
            templates = generate_templates(tuple(writable), False, ronda, lang,
                                           Path(folder) / lang, options.config,
                                           today=options.as_of, history=options.history)
            made |= {(r, lang): p for r, p in zip(writable, templates.written, strict=True)}
            blank |= set(templates.blank)

        def attach(reporter: str, lang: str) -> tuple[str, bytes]:
            path = made[(reporter, lang)]
            return path.name, path.read_bytes()

        drafts, left = call_drafts(ronda, closes, options.as_of, ref, contacts, signed,
                                   writable, blank, attach)
    return _finish(options, ref, "convocatoria", ronda, contacts, drafts, left, signer_issues,
                   nothing=not missing)


def _ready(options: MailOptions) -> Reference:
    """The reference, and what --send needs checked before anything is written."""
    ref = load_reference(options.config)
    if options.send:
        if not ref.correo.servidor or not (ref.correo.remitente or ref.correo.usuario):
            raise MailNotConfigured(str(options.config or ""))
        if ref.correo.usuario and not os.environ.get(PASSWORD_VARIABLE):
            raise MailPasswordMissing(ref.correo.usuario)
        if options.history is None:
            raise MailNeedsHistory()
    return ref


def _spoken(people: Iterable[Contact], parties: Iterable[str]) -> list[str]:
    """The languages the contacts of `parties` read: the attachments to make."""
    wanted = set(parties)
    return sorted({c.idioma for c in people if c.parte in wanted})


def _speaking(ref: Reference, lang: str, files: dict[str, list[str]]) -> Reference:
    """The reference with every reporter reading `lang` (a workbook per language)."""
    return dataclasses.replace(ref, idiomas={**ref.idiomas, **dict.fromkeys(files, lang)})


def _finish(options: MailOptions, ref: Reference, kind: str, ronda: str, contacts: Contacts,
            drafts: list[Draft], left: list[LeftOut], more_issues: list[Issue],
            nothing: bool) -> MailResult:
    issues = [*contacts.issues, *more_issues,
              *(make_issue("parte-sin-contacto", archivo=contacts.source,
                           parte=(ref.label("parte", x.parte, "es"),
                                  ref.label("parte", x.parte, "en"))) for x in left)]
    prepared = Prepared(drafts, left, issues)
    if not options.send or not drafts:
        with contextlib.ExitStack() as held:  # (the sending lock, while they are written)
            written = write_mail(prepared, options.out_dir, ref, options.lang, kind,
                                 options.as_of, _sent_today(options, drafts, held))
        return MailResult(kind, written, prepared, nothing=nothing)
    assert options.history is not None
    outcomes: dict[tuple[str, str, str, str], Outcome] = {}
    with hold_lock(sending_lock(options.history), waiting=options.waiting), \
            open_history(options.history) as conn:
        assert conn is not None
        settle_abandoned(conn)  # messages a run left with the server: unknown
        write_mail(prepared, options.out_dir, ref, options.lang, kind, options.as_of)
        try:
            sent = send_all(drafts, ref.correo, os.environ.get(PASSWORD_VARIABLE, ""),
                            options.lang, _Ledger(conn, options.today), options.again,
                            lambda d, o: outcomes.__setitem__(d.key, o))
        finally:  # interrupted too: the index says what went, never "prepared" for it
            written = _index_after_sending(options, prepared, ref, kind, outcomes)
    return MailResult(kind, written, prepared, sent, nothing)


def _index_after_sending(options: MailOptions, prepared: Prepared, ref: Reference, kind: str,
                         outcomes: dict[tuple[str, str, str, str], Outcome]) -> list[Path]:
    """The messages and their index once sent; a full disk then is told as such (they went
    and are stored: a rerun sends nothing twice), not as "nothing was done"."""
    try:
        return write_mail(prepared, options.out_dir, ref, options.lang, kind, options.as_of,
                          outcomes)
    except Exception as exc:
        went = sum(o.state == "enviado" for o in outcomes.values())
        if went and environment_failure(exc) is not None:
            spanish, english = (plural("error.mail_index", lang, went, out=options.out_dir)
                                for lang in LANGS)
            raise MailIndexNotWritten((spanish, english)) from exc
        raise


def _sent_today(options: MailOptions, drafts: list[Draft], held: contextlib.ExitStack
                ) -> dict[tuple[str, str, str, str], Outcome]:
    """What the outbox says of each draft today (sent: written as sent, no draft to send
    again), under the sending lock `held` keeps while they are written; nothing without a
    history, or where its folder cannot hold the lock (a read-only share)."""
    if options.history is None or not options.history.exists() or not drafts:
        return {}
    try:
        held.enter_context(hold_lock(sending_lock(options.history), waiting=options.waiting))
    except OutputNotWritable:
        return {}
    conn = held.enter_context(open_history(options.history, create=False))
    ledger = _Ledger(conn, options.today) if conn is not None else None
    return {d.key: held_back(before, options.lang) for d in drafts
            if ledger and (before := ledger.earlier(d)) is not None}


# Messages that are a round's (its feedback, its call): two rounds' on one day are two
# messages. A reminder is one a day to a party, whatever date it was drawn up for.
PER_ROUND = {"retroalimentacion", "convocatoria"}


@dataclass
class _Ledger:
    """The history's outbox as the sending sees it: today's messages of this run (a
    party's other languages) do not hold back the next."""

    conn: sqlite3.Connection
    day: dt.date
    mine: set[int] = field(default_factory=set)

    def earlier(self, draft: Draft) -> Earlier | None:
        return earlier(self.conn, self.day, draft.kind, draft.parte, self.mine,
                       *_addresses(draft),
                       ronda=draft.ronda if draft.kind in PER_ROUND else None)

    def intend(self, draft: Draft, at: str) -> int:
        return self._keep(draft, Outcome(SENDING, "", at))

    def settle(self, record: int, outcome: Outcome) -> None:
        record_outcome(self.conn, record, outcome.state, outcome.reason, outcome.at)

    def note(self, draft: Draft, outcome: Outcome) -> None:
        self._keep(draft, outcome)

    def _keep(self, draft: Draft, outcome: Outcome) -> int:
        record = record_message(self.conn, self.day, {
            "tipo": draft.kind, "ronda": draft.ronda, "parte": draft.parte,
            "idioma": draft.lang, "para": _addresses(draft)[0],
            "copia": _addresses(draft)[1], "asunto": draft.subject,
            "resultado": outcome.state, "motivo": outcome.reason, "momento": outcome.at})
        self.mine.add(record)
        return record


def _addresses(draft: Draft) -> tuple[str, str]:
    """Its main recipients and copies as the history keeps them."""
    return ", ".join(c.correo for c in draft.to), ", ".join(c.correo for c in draft.cc)
