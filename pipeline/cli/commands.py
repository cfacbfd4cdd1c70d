"""The commands. Each parses its options, makes one call to its command module in
pipeline.jobs, prints one line and exits with a documented code. Their help, and click's
own words, are in the user's language (pipeline.words, chosen by
pipeline.cli.terminal.chosen_language)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import click

from pipeline import __version__
from pipeline.cli.options import AS_OF, CONFIG, DATES, HISTORY, LANG, LOG_FILE, VERBOSE, WORKSPACE
from pipeline.cli.terminal import (
    Progress,
    chosen_language,
    columns_line,
    consolidated_line,
    guarded,
    localize,
    overdue_figure,
    read_names_as_utf8,
    setup_logging,
)
from pipeline.words import Lang, plural, word


class _Localized(click.Group):
    """The command line in the user's language, however it is entered (the `seguimiento`
    program, `python -m pipeline`, a test's runner)."""

    language: Lang = "es"

    def make_context(self, info_name: str | None, args: list[str],
                     parent: click.Context | None = None, **extra: Any) -> click.Context:
        self.language = chosen_language(args)
        localize(self, self.language)
        return super().make_context(info_name, args, parent, **extra)


def _lang(lang: str | None) -> Lang:
    """A command's --lang, else the language the command line was entered in."""
    return chosen_language(["--lang", lang]) if lang else cli.language


def _day(value: dt.date | None) -> dt.date:
    return value or dt.date.today()


def _log(verbose: bool, log_file: Path | None, workspace: Path | None) -> Path:
    """The log: in the workspace when there is one (found quietly: a missing one is told
    by the command)."""
    from pipeline.model.workspace import find_workspace

    found = find_workspace(workspace)
    return setup_logging(verbose, log_file, found.root if found else None)


@click.group(cls=_Localized, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="seguimiento")
@click.option("--lang", type=click.Choice(["es", "en"]), expose_value=False, is_eager=True)
def cli() -> None:
    """Seguimiento (its help: help.seguimiento)."""


@cli.command()
@click.argument("input_dir", required=False, type=click.Path(path_type=Path, file_okay=False))
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False))
@AS_OF
@click.option("--round", "ronda")
@click.option("--closing-date", type=DATES)
@click.option("--public", is_flag=True)
@WORKSPACE
@HISTORY
@LANG
@CONFIG
@VERBOSE
@LOG_FILE
def consolidate(input_dir: Path | None, out_dir: Path | None, as_of: dt.date | None,
                ronda: str | None, closing_date: dt.date | None, public: bool,
                workspace: Path | None, history: Path | None, lang: str | None,
                config: Path | None, verbose: bool, log_file: Path | None) -> None:
    """Consolidate a folder of returned matrices (its help: help.consolidate)."""
    language = _lang(lang)
    with guarded(language, _log(verbose, log_file, workspace)):
        from pipeline.cli import places
        from pipeline.jobs.consolidate import run_consolidation
        from pipeline.model.run import Options

        where = places.for_consolidate(workspace, input_dir, out_dir, history, config, ronda,
                                       _day(as_of))
        options = Options(input_dir=where.input_dir, out_dir=where.out_dir,
                          results=where.results, lang=language, round=where.ronda,
                          config=where.config, as_of=_day(as_of), history=where.history,
                          public=public,
                          closing_date=closing_date)
        result = run_consolidation(options, Progress(word("cli.reading", language)),
                                   Progress(word("cli.writing", language)))
        if not any(s.archivo and s.estado != "omitido" for s in result.submissions):
            click.echo(word("cli.empty_folder", language, folder=where.input_dir), err=True)
        for issue in result.issues:
            if issue.code == "plan-terminado":  # said once, before the figures it changes
                click.echo(issue.message(language), err=True)
        click.echo(consolidated_line(result, language))


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@AS_OF
@WORKSPACE
@LANG
@CONFIG
@VERBOSE
@LOG_FILE
def validate(paths: tuple[Path, ...], as_of: dt.date | None, workspace: Path | None,
             lang: str | None, config: Path | None, verbose: bool,
             log_file: Path | None) -> None:
    """Check returned files as they arrive (its help: help.validate)."""
    language = _lang(lang)
    with guarded(language, _log(verbose, log_file, workspace)):
        from pipeline.cli import places
        from pipeline.jobs.validate import validate_files

        ws = places.workspace(workspace, needed=False)
        result, files, headers = validate_files(
            list(paths), _day(as_of), language, places.config(config, ws),
            ws.history if ws else None)
        for (archivo, hoja), titles in headers.items():
            click.echo(columns_line(archivo, hoja, titles, language))
        for issue in result.issues:
            click.echo(f"{issue.severity_label(language):<11} {issue.where()}: "
                       f"{issue.message(language)} [{issue.code}]")
        errors, warnings = result.count("error"), result.count("advertencia")
        click.echo(word("cli.validated", language, files=plural("n.files", language, files),
                        actividades=plural("n.activities", language, len(result.matrix)),
                        errores=plural("n.errors", language, errors),
                        advertencias=plural("n.warnings", language, warnings)))
        sys.exit(1 if errors else 0)


@cli.command()
@click.option("--reporter", "reporters", multiple=True)
@click.option("--all", "all_reporters", is_flag=True)
@click.option("--round", "ronda")
@click.option("--lang", type=click.Choice(["es", "en"]), envvar="SEGUIMIENTO_TEMPLATE_LANG")
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False))
@WORKSPACE
@HISTORY
@CONFIG
def template(reporters: tuple[str, ...], all_reporters: bool, ronda: str | None,
             lang: str | None, out_dir: Path | None, workspace: Path | None,
             history: Path | None, config: Path | None) -> None:
    """Generate the templates focal points fill (its help: help.template)."""
    language = _lang(lang)
    with guarded(language, _log(False, None, workspace)):
        from pipeline.cli import places
        from pipeline.jobs.template import generate_templates
        from pipeline.model.rounds import quarter_of

        if not reporters and not all_reporters:
            raise click.UsageError(word("cli.need_reporter", language))
        ws = places.workspace(workspace, needed=out_dir is None)
        ronda = (places.round_name(ronda, places.config(config, ws))
                 or quarter_of(dt.date.today()))
        out = places.needs(ws, out_dir, ws.templates(ronda) if ws else None)
        made = generate_templates(reporters, all_reporters, ronda, lang, out,
                                  places.config(config, ws),
                                  history=history or (ws.history if ws else None))
        for path in made.written:
            click.echo(str(path))
        if not made.history:
            click.echo(word("cli.templates_no_history", language), err=True)
        elif made.blank:
            click.echo(plural("cli.templates_blank", language, len(made.blank),
                              names=", ".join(made.blank)), err=True)
        click.echo(plural("n.templates", language, len(made.written), out=out))


@cli.command()
@click.argument("input_dir", required=False, type=click.Path(path_type=Path, file_okay=False))
@click.option("--from-history", is_flag=True)
@AS_OF
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False))
@click.option("--format", "fmt", type=click.Choice(["xlsx", "csv", "md"]), default="xlsx",
              show_default=True)
@click.option("--lang", type=click.Choice(["es", "en"]))
@WORKSPACE
@HISTORY
@CONFIG
@VERBOSE
@LOG_FILE
def overdue(input_dir: Path | None, from_history: bool, as_of: dt.date | None,
            out_dir: Path | None, fmt: str, lang: str | None, workspace: Path | None,
            history: Path | None, config: Path | None, verbose: bool,
            log_file: Path | None) -> None:
    """Write the overdue lists per responsible party (its help: help.overdue)."""
    language = _lang(lang)
    with guarded(language, _log(verbose, log_file, workspace)):
        from pipeline.analyse.overdue import UNIDENTIFIED
        from pipeline.cli import places
        from pipeline.jobs.overdue import run_reminders

        if (input_dir is None) == (not from_history):
            raise click.UsageError(word("cli.need_source", language))
        ws = places.workspace(workspace, needed=out_dir is None or (
            from_history and history is None))
        day = _day(as_of)
        out = places.needs(ws, out_dir, ws.reminders(day) if ws else None)
        stored = history or (ws.history if ws else None) if from_history else None
        reminders, written = run_reminders(input_dir, day, out, fmt, lang, stored,
                                           places.config(config, ws), language)
        if verbose or sys.stdout.isatty():
            unknown = reminders.unidentified["parte_escrita"].nunique()
            listed = next((p.name for p in written if p.stem == UNIDENTIFIED), "")
            click.echo(word("cli.overdue", language,
                            vencidas=overdue_figure(language, reminders.overdue,
                                                    reminders.overdue_activities),
                            partes=plural("n.parties", language, len(reminders.by_party)),
                            unidentified=plural("cli.unidentified", language, unknown,
                                                file=listed) if unknown else "",
                            out=written[0].parent))
        sys.exit(1 if reminders.overdue else 0)


@cli.command()
@click.option("--year", required=True, type=int)
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False))
@click.option("--public", is_flag=True)
@WORKSPACE
@HISTORY
@LANG
@CONFIG
def report(year: int, out_dir: Path | None, public: bool, workspace: Path | None,
           history: Path | None, lang: str | None, config: Path | None) -> None:
    """Draft the annual report (its help: help.report)."""
    language = _lang(lang)
    with guarded(language, _log(False, None, workspace)):
        from pipeline.cli import places
        from pipeline.jobs.report import make_report

        ws = places.workspace(workspace, needed=out_dir is None or history is None)
        out = places.needs(ws, out_dir, ws.reports if ws else None)
        stored = places.needs(ws, history, ws.history if ws else None)
        for path in make_report(year, out, public, stored, language,
                                places.config(config, ws)):
            click.echo(str(path))


@cli.command()
@WORKSPACE
@HISTORY
@LANG
def history(workspace: Path | None, history: Path | None, lang: str | None) -> None:
    """List the stored rounds (its help: help.history)."""
    language = _lang(lang)
    with guarded(language, _log(False, None, workspace)):
        from pipeline.cli import places
        from pipeline.jobs.history import FIGURES, stored_rounds

        ws = places.workspace(workspace, needed=history is None)
        path, table = stored_rounds(places.needs(ws, history, ws.history if ws else None))
        if table.empty:
            click.echo(word("cli.no_rounds", language, path=path))
            return
        columns = ["ronda", "fecha_corte", *FIGURES]
        titles = [word(f"column.{c}", language) for c in columns[:2]]
        titles += [word(f"headline.{c}", language) for c in FIGURES]
        widths = [max(len(t), 10) for t in titles]
        click.echo("  ".join(t.ljust(w) for t, w in zip(titles, widths, strict=True)))
        for record in table.to_dict("records"):
            cells = [str(record["ronda"]), str(record["fecha_corte"]),
                     *(_figure(record[c]) for c in FIGURES)]
            click.echo("  ".join(c.ljust(w) if n < 2 else c.rjust(w) for n, (c, w) in
                                 enumerate(zip(cells, widths, strict=True))))


def _figure(value: object) -> str:
    """A stored figure; one the round did not have (timeliness without closing date): n/a."""
    if value is None or value != value:
        return "n/a"
    return str(int(float(str(value))))


@cli.command()
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
@click.option("--red", "--network", "red")
@LANG
def init(folder: Path, red: str | None, lang: str | None) -> None:
    """Create a workspace (its help: help.init)."""
    language = _lang(lang)
    with guarded(language, setup_logging(False, None, folder)):
        from pipeline.jobs.init import create_workspace

        made, existed = create_workspace(folder, language, red)
        click.echo(word("cli.init_existing" if existed else "cli.initialized", language,
                        folder=made.root))
        if existed and red is not None:
            from pipeline.jobs.init import keeps_other_network

            if keeps_other_network(made, red):
                click.echo(word("cli.init_kept_network", language, red=red))


def main(argv: list[str] | None = None) -> None:
    if argv is None:  # the command line itself, not a caller's list
        read_names_as_utf8()
    cli.main(args=argv, prog_name="seguimiento")
