"""`seguimiento mail overdue | feedback | call`: the e-mails, drafted (and sent with
--send). Like `overdue`, quiet under cron: the summary is printed on a terminal or with
--verbose; what was not sent is always told on stderr.

Exit codes: 0 every message prepared (and sent); 1 something needs attention (a party
without a contact, a contact's error, a message refused or not sent); 2 wrong usage or
configuration (no [correo] servidor for --send, the password variable missing, no
closing date for a call); 3 could not run, or the server could not be reached at all."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from pipeline.cli.options import AS_OF, CONFIG, DATES, HISTORY, LANG, LOG_FILE, VERBOSE, WORKSPACE
from pipeline.cli.terminal import chosen_language, guarded, setup_logging
from pipeline.words import Lang, plural, word

if TYPE_CHECKING:
    from pipeline.jobs.mail import MailOptions, MailResult
    from pipeline.model.workspace import Workspace

CONTACTS = click.option("--contacts", type=click.Path(path_type=Path, dir_okay=False))
SEND = click.option("--send", is_flag=True)
AGAIN = click.option("--again", is_flag=True)
OUT = click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False))
ATTENTION = ("rechazado", "no_enviado", "desconocido")  # outcomes someone must look at
INPUT = click.argument("input_dir", required=False,
                       type=click.Path(path_type=Path, file_okay=False))


def _shared(command: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed((AS_OF, OUT, CONTACTS, SEND, AGAIN, WORKSPACE, HISTORY, LANG,
                            CONFIG, VERBOSE, LOG_FILE)):
        command = option(command)
    return command


@click.group()
def mail() -> None:
    """E-mails (its help: help.mail)."""


@mail.command()
@INPUT
@click.option("--from-history", is_flag=True)
@click.option("--round", "ronda")
@_shared
def overdue(input_dir: Path | None, from_history: bool, ronda: str | None,
            **given: Any) -> None:
    """Reminders (its help: help.mail.overdue)."""
    def job(options: MailOptions, ws: Workspace | None) -> MailResult:
        from pipeline.cli import places
        from pipeline.jobs.mail import mail_overdue
        from pipeline.model.errors import RoundFolderMissing

        if input_dir is not None and (from_history or ronda):
            raise click.UsageError(word("cli.need_source", options.lang))
        name = places.round_name(ronda, options.config)
        if name is None or from_history:  # the stored rounds (up to the one named)
            return mail_overdue(options, input_dir, name)
        folder = places.needs(ws, None, ws.received(name) if ws else None)
        if not folder.is_dir():
            raise RoundFolderMissing(str(folder))
        return mail_overdue(options, folder)

    _run("vencidos", ronda, given, job)


@mail.command()
@INPUT
@click.option("--round", "ronda")
@_shared
def feedback(input_dir: Path | None, ronda: str | None, **given: Any) -> None:
    """Feedback (its help: help.mail.feedback)."""
    def job(options: MailOptions, ws: Workspace | None) -> MailResult:
        from pipeline.cli import places
        from pipeline.jobs.mail import mail_feedback
        from pipeline.model.errors import RoundFolderMissing

        name = _round(ronda, options)
        folder = places.needs(ws, input_dir, ws.received(name) if ws else None)
        if not folder.is_dir():
            raise RoundFolderMissing(str(folder))
        return mail_feedback(options, folder, name)

    _run("retroalimentacion", ronda, given, job)


@mail.command()
@INPUT
@click.option("--round", "ronda")
@click.option("--closing-date", type=DATES)
@_shared
def call(input_dir: Path | None, ronda: str | None, closing_date: dt.date | None,
         **given: Any) -> None:
    """Call for submissions (its help: help.mail.call)."""
    def job(options: MailOptions, ws: Workspace | None) -> MailResult:
        from pipeline.jobs.mail import mail_call

        name = _round(ronda, options)
        folder = input_dir or (ws.received(name) if ws else None)
        return mail_call(options, folder, name, closing_date)

    _run("convocatoria", ronda, given, job)


def _round(ronda: str | None, options: MailOptions) -> str:
    from pipeline.cli import places
    from pipeline.model.rounds import quarter_of

    return places.round_name(ronda, options.config) or quarter_of(options.as_of)


def _run(kind: str, ronda: str | None, given: dict[str, Any],
         job: Callable[[MailOptions, Workspace | None], MailResult]) -> None:
    lang: Lang = chosen_language(["--lang", given["lang"]]) if given["lang"] else getattr(
        click.get_current_context().find_root().command, "language", "es")
    from pipeline.model.workspace import find_workspace

    found = find_workspace(given["workspace"])
    with guarded(lang, setup_logging(given["verbose"], given["log_file"],
                                     found.root if found else None)):
        from pipeline.cli import places
        from pipeline.jobs.mail import MailOptions
        from pipeline.model.errors import InputFileMissing

        if given["contacts"] is not None and not given["contacts"].exists():
            raise InputFileMissing(str(given["contacts"]))  # a mistyped --contacts
        ws = places.workspace(given["workspace"], needed=given["out_dir"] is None)
        day = given["as_of"] or dt.date.today()
        config = places.config(given["config"], ws)
        named = places.round_name(ronda, config) if ronda else None
        out = places.needs(ws, given["out_dir"], ws.mail(day, kind, named or "") if ws else None)
        options = MailOptions(
            out_dir=out, as_of=day, lang=lang, config=config,
            contacts=given["contacts"] or (ws.contacts if ws else None),
            history=given["history"] or (ws.history if ws else None),
            send=given["send"], again=given["again"],
            waiting=lambda pid: click.echo(word("cli.mail_waiting", lang, pid=pid or "?"),
                                           err=True))
        result = job(options, ws)
        _tell(result, options, lang, given["verbose"] or sys.stdout.isatty())
        if result.sent is not None and result.sent.unreachable:
            sys.exit(3)
        attention = result.prepared.left_out or any(
            i.severity == "error" for i in result.prepared.issues) or (
            result.sent is not None and any(o.state in ATTENTION
                                            for o in result.sent.outcomes.values()))
        sys.exit(1 if attention else 0)


def _tell(result: MailResult, options: MailOptions, lang: Lang, talk: bool) -> None:
    prepared = result.prepared
    index = next((p for p in result.written if p.suffix == ".xlsx"), options.out_dir)
    for issue in prepared.issues:  # errors always (they need doing); the rest when asked
        if talk or issue.severity == "error":
            click.echo(f"{issue.severity_label(lang):<11} {issue.where()}: "
                       f"{issue.message(lang)} [{issue.code}]", err=True)
    if options.contacts is None or not options.contacts.exists():  # (always: nobody but
        click.echo(word("cli.mail_no_contacts_file", lang,  # the signers is written to)
                        path=options.contacts or "—"), err=True)
    if talk:
        if result.nothing:
            click.echo(word("cli.mail_nothing", lang, why=word(
                f"cli.mail_nothing.{result.kind}", lang, as_of=options.as_of.isoformat(),
                folder=options.out_dir)))
        click.echo(plural("cli.mail_prepared", lang, len(prepared.drafts),
                          out=options.out_dir))
    if prepared.left_out:
        names = ", ".join(x.parte for x in prepared.left_out)
        click.echo(plural("cli.mail_no_contact", lang, len(prepared.left_out), names=names),
                   err=True)
    if result.sent is not None:
        states = [o.state for o in result.sent.outcomes.values()]
        failed = sum(s in ("rechazado", "no_enviado") for s in states)
        unknown = states.count("desconocido")
        if talk or failed or unknown:
            click.echo(word("cli.mail_sent", lang, sent=states.count("enviado"), failed=failed,
                            skipped=states.count("ya_enviado"), unknown=unknown, index=index),
                       err=not talk)
        for draft in prepared.drafts:  # what only the sent folder can tell: always said
            outcome = result.sent.outcomes.get(draft.key)
            if outcome is not None and outcome.state == "desconocido":
                click.echo(word("cli.mail_unknown", lang, subject=draft.subject,
                                to=", ".join(draft.addresses), time=outcome.at[11:16]),
                           err=True)
        if result.sent.unreachable:  # why nothing went: the server, the login
            reason = next(o.reason for o in result.sent.outcomes.values()
                          if o.state == "no_enviado")
            click.echo(reason, err=True)
