"""The commands. Each parses its options, makes one call to its command module in
pipeline.jobs, prints one line and exits with a documented code. Their help, and click's
own words, are in the user's language (pipeline.words, chosen by
pipeline.cli.terminal.chosen_language)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from pipeline import __version__
from pipeline.cli.terminal import Progress, chosen_language, guarded, localize, setup_logging
from pipeline.words import Lang, plural, word

if TYPE_CHECKING:
    from pipeline.model.run import RunResult

DATES = click.DateTime(["%Y-%m-%d", "%d/%m/%Y"])
LANG = click.option("--lang", type=click.Choice(["es", "en"]))
CONFIG = click.option("--config", "config", type=click.Path(path_type=Path, dir_okay=False))
VERBOSE = click.option("--verbose", "-v", is_flag=True)
HISTORY = click.option("--history", type=click.Path(path_type=Path, dir_okay=False))
LOG_FILE = click.option("--log-file", type=click.Path(path_type=Path, dir_okay=False))
AS_OF = click.option("--as-of", type=DATES)


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


def _day(value: dt.datetime | None) -> dt.date:
    return value.date() if value else dt.date.today()


@click.group(cls=_Localized, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="seguimiento")
@click.option("--lang", type=click.Choice(["es", "en"]), expose_value=False, is_eager=True)
def cli() -> None:
    """Seguimiento (its help: help.seguimiento)."""


@cli.command()
@click.argument("input_dir", default="input_workbooks",
                type=click.Path(path_type=Path, file_okay=False))
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False))
@AS_OF
@click.option("--round", "ronda")
@click.option("--closing-date", type=DATES)
@click.option("--public", is_flag=True)
@HISTORY
@LANG
@CONFIG
@VERBOSE
@LOG_FILE
def consolidate(input_dir: Path, out_dir: Path | None, as_of: dt.datetime | None,
                ronda: str | None, closing_date: dt.datetime | None, public: bool,
                history: Path | None, lang: str | None, config: Path | None, verbose: bool,
                log_file: Path | None) -> None:
    """Consolidate a folder of returned matrices (its help: help.consolidate)."""
    language = _lang(lang)
    with guarded(language, setup_logging(verbose, log_file)):
        from pipeline.jobs.consolidate import run_consolidation
        from pipeline.model.run import Options

        options = Options(input_dir=input_dir, out_dir=out_dir, lang=language, round=ronda,
                          config=config, as_of=_day(as_of), history=history, public=public,
                          closing_date=closing_date.date() if closing_date else None)
        result = run_consolidation(options, Progress(word("cli.reading", language)),
                                   Progress(word("cli.writing", language)))
        if not any(s.archivo and s.estado != "omitido" for s in result.submissions):
            click.echo(word("cli.empty_folder", language, folder=input_dir), err=True)
        for issue in result.issues:
            if issue.code == "plan-terminado":  # said once, before the figures it changes
                click.echo(issue.message(language), err=True)
        click.echo(consolidated_line(result, language))


def consolidated_line(result: RunResult, lang: Lang) -> str:
    """The end-of-run line: what was consolidated, what needs attention, where it is."""
    f, unlisted = result.figures(), result.unlisted()
    return word("cli.consolidated", lang, ronda=result.ronda,
                actividades=plural("n.activities", lang, f["actividades"]),
                informantes=plural("n.of_reporters", lang, f["esperados"],
                                   received=f["informantes"]),
                others=plural("cli.unlisted", lang, unlisted) if unlisted else "",
                vencidas=plural("n.overdue", lang, f["vencidos"]), por_vencer=f["por_vencer"],
                sin_responsable=f["sin_responsable"], impreciso=f["plazo_impreciso"],
                errores=plural("n.errors", lang, f["errores"]),
                advertencias=plural("n.warnings", lang, f["advertencias"]),
                out=result.out_dir)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@AS_OF
@LANG
@CONFIG
@VERBOSE
@LOG_FILE
def validate(paths: tuple[Path, ...], as_of: dt.datetime | None, lang: str | None,
             config: Path | None, verbose: bool, log_file: Path | None) -> None:
    """Check returned files as they arrive (its help: help.validate)."""
    language = _lang(lang)
    with guarded(language, setup_logging(verbose, log_file)):
        from pipeline.jobs.validate import validate_files

        result, files = validate_files(list(paths), _day(as_of), language, config)
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
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path, file_okay=False))
@HISTORY
@CONFIG
def template(reporters: tuple[str, ...], all_reporters: bool, ronda: str | None,
             lang: str | None, out_dir: Path, history: Path | None,
             config: Path | None) -> None:
    """Generate the templates focal points fill (its help: help.template)."""
    language = _lang(lang)
    with guarded(language, setup_logging(False, None)):
        from pipeline.jobs.template import generate_templates

        if not reporters and not all_reporters:
            raise click.UsageError(word("cli.need_reporter", language))
        written = generate_templates(reporters, all_reporters, ronda, lang, out_dir, config,
                                     history=history)
        for path in written:
            click.echo(str(path))
        click.echo(plural("n.templates", language, len(written), out=out_dir))


@cli.command()
@click.argument("input_dir", required=False, type=click.Path(path_type=Path, file_okay=False))
@click.option("--from-history", is_flag=True)
@AS_OF
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False))
@click.option("--format", "fmt", type=click.Choice(["xlsx", "csv", "md"]), default="xlsx",
              show_default=True)
@click.option("--lang", type=click.Choice(["es", "en"]))
@HISTORY
@CONFIG
@VERBOSE
@LOG_FILE
def overdue(input_dir: Path | None, from_history: bool, as_of: dt.datetime | None,
            out_dir: Path | None, fmt: str, lang: str | None, history: Path | None,
            config: Path | None, verbose: bool, log_file: Path | None) -> None:
    """Write the overdue lists per responsible party (its help: help.overdue)."""
    language = _lang(lang)
    with guarded(language, setup_logging(verbose, log_file)):
        from pipeline.jobs.overdue import run_reminders

        if (input_dir is None) == (not from_history):
            raise click.UsageError(word("cli.need_source", language))
        reminders, written = run_reminders(input_dir, _day(as_of), out_dir, fmt, lang,
                                           history, config)
        if verbose or sys.stdout.isatty():
            click.echo(word("cli.overdue", language,
                            vencidas=plural("n.overdue", language, reminders.overdue),
                            partes=plural("n.parties", language, len(reminders.by_party)),
                            out=written[0].parent))
        sys.exit(1 if reminders.overdue else 0)


@cli.command()
@click.option("--year", required=True, type=int)
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path, file_okay=False))
@click.option("--public", is_flag=True)
@HISTORY
@LANG
@CONFIG
def report(year: int, out_dir: Path, public: bool, history: Path | None, lang: str | None,
           config: Path | None) -> None:
    """Draft the annual report (its help: help.report)."""
    language = _lang(lang)
    with guarded(language, setup_logging(False, None)):
        from pipeline.jobs.report import make_report

        for path in make_report(year, out_dir, public, history, language, config):
            click.echo(str(path))


@cli.command()
@HISTORY
@LANG
def history(history: Path | None, lang: str | None) -> None:
    """List the stored rounds (its help: help.history)."""
    language = _lang(lang)
    with guarded(language, setup_logging(False, None)):
        from pipeline.jobs.history import FIGURES, stored_rounds

        path, table = stored_rounds(history)
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
                     *(str(int(record[c] or 0)) for c in FIGURES)]
            click.echo("  ".join(c.ljust(w) if n < 2 else c.rjust(w) for n, (c, w) in
                                 enumerate(zip(cells, widths, strict=True))))


def main(argv: list[str] | None = None) -> None:
    cli.main(args=argv, prog_name="seguimiento")
