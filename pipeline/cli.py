"""The command line. Thin: parse options, call the core, print a one-line summary, exit.

Heavy libraries (pandas, pandera, xlsxwriter) are imported inside the commands, so
`seguimiento --help` answers at once.

Exit codes: 0 done; 1 `validate` found errors in the files; 2 wrong usage; 3 could not
run (no input folder, output not writable, another run is writing); 4 a defect in
Seguimiento itself (the message says where the log is).
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from pipeline import __version__

if TYPE_CHECKING:
    from pipeline.model.run import RunResult

LANG = click.option("--lang", type=click.Choice(["es", "en"]), default="es", show_default=True,
                    envvar="SEGUIMIENTO_LANG", help="Language of messages and outputs.")
CONFIG = click.option("--config", "config", type=click.Path(path_type=Path, dir_okay=False),
                      help="TOML file overriding or extending the reference data.")
VERBOSE = click.option("--verbose", "-v", is_flag=True, help="Log details to the terminal.")
HISTORY = click.option("--history", type=click.Path(path_type=Path, dir_okay=False),
                       help="History database [default: output/historial.sqlite, or in --out].")
LOG_FILE = click.option("--log-file", type=click.Path(path_type=Path, dir_okay=False),
                        help="Write a detailed log to this file.")

log = logging.getLogger("seguimiento")


def _say(lang: str, es: str, en: str) -> str:
    return en if lang == "en" else es


def _setup_logging(verbose: bool, log_file: Path | None) -> Path:
    """Log to a file always (for diagnosis), to the terminal only with --verbose."""
    log.handlers.clear()
    log.setLevel(logging.DEBUG)
    log.propagate = False
    path = log_file or Path(tempfile.gettempdir()) / "seguimiento.log"
    try:
        handler: logging.Handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    # A library's warnings (pandas, openpyxl) are for diagnosis: into the log, never on
    # the user's terminal.
    logging.captureWarnings(True)
    warnings_log = logging.getLogger("py.warnings")
    warnings_log.handlers = [handler]
    warnings_log.propagate = False
    if verbose:
        stream = logging.StreamHandler(sys.stderr)
        stream.setLevel(logging.INFO)
        stream.setFormatter(logging.Formatter("%(message)s"))
        log.addHandler(stream)
    return path


@contextmanager
def _guarded(lang: str, log_path: Path) -> Iterator[None]:
    """A user-facing failure prints its message; a defect prints where the log is."""
    from pipeline.model.errors import SeguimientoError, environment_failure

    try:
        yield
    except SeguimientoError as exc:
        log.error("%s", exc.message())
        click.echo(exc.message(lang), err=True)
        sys.exit(exc.exit_code)
    except (KeyboardInterrupt, click.ClickException, click.exceptions.Exit, SystemExit):
        raise
    except Exception as exc:
        failure = environment_failure(exc)
        if failure is not None:  # the environment, not a defect: exit 3
            log.exception("%s", failure.message())
            click.echo(failure.message(lang), err=True)
            sys.exit(failure.exit_code)
        log.exception("internal error")
        click.echo(_say(lang,
                        f"Error interno de Seguimiento (no es culpa de sus archivos). Los detalles "
                        f"están en {log_path}; envíelo a quien mantiene la herramienta.",
                        f"Internal error in Seguimiento (not caused by your files). The details "
                        f"are in {log_path}; send it to whoever maintains the tool."), err=True)
        sys.exit(4)


class _Progress:
    """click's progress bar on a terminal; silence under cron and CI."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.bar = None
        self.enabled = sys.stderr.isatty()

    def __call__(self, name: str, total: int) -> None:
        if not self.enabled:
            return
        if self.bar is None:
            self.bar = click.progressbar(length=total, label=self.label, file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(1)
        if self.bar.pos >= total:
            self.bar.__exit__(None, None, None)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="seguimiento")
def cli() -> None:
    """Seguimiento: follow-up of the CRM's agreements and plan activities.

    Focal points fill the Excel template; the secretariat drops the returned files in a
    folder and runs `seguimiento consolidate` before each quarterly meeting.
    """


@cli.command()
@click.argument("input_dir", default="input_workbooks",
                type=click.Path(path_type=Path, file_okay=False))
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Write the outputs straight into this folder [default: output/<round>].")
@click.option("--as-of", type=click.DateTime(["%Y-%m-%d"]),
              help="Date at which deadlines are judged [default: today].")
@click.option("--round", "ronda", help="Round of files that do not say theirs, e.g. 2026-T4.")
@click.option("--closing-date", type=click.DateTime(["%Y-%m-%d"]),
              help="Closing date of the round: files dated after it are late.")
@click.option("--public", is_flag=True,
              help="Also write the public edition for civil society (consolidado_publico.xlsx "
                   "and publico/*.csv): no restricted rows, no personal data.")
@HISTORY
@LANG
@CONFIG
@VERBOSE
@LOG_FILE
def consolidate(input_dir: Path, out_dir: Path | None, as_of: dt.datetime | None,
                ronda: str | None, closing_date: dt.datetime | None, public: bool,
                history: Path | None, lang: str, config: Path | None, verbose: bool,
                log_file: Path | None) -> None:
    """Consolidate the returned matrices of INPUT_DIR [default: input_workbooks].

    Writes consolidado.xlsx and the CSV tables into output/<round>/ (or --out).

    Example: seguimiento consolidate input_workbooks --as-of 2026-11-30
    """
    log_path = _setup_logging(verbose, log_file)
    with _guarded(lang, log_path):
        from pipeline.jobs.consolidate import run_consolidation
        from pipeline.model.run import Options

        options = Options(input_dir=input_dir, out_dir=out_dir, lang=lang, round=ronda,
                          config=config, as_of=(as_of.date() if as_of else dt.date.today()),
                          history=history, public=public,
                          closing_date=closing_date.date() if closing_date else None)
        result = run_consolidation(options, _Progress(_say(lang, "Leyendo", "Reading")),
                                   _Progress(_say(lang, "Escribiendo", "Writing")))
        _tell_result(result, input_dir, lang)



def _tell_result(result: RunResult, input_dir: Path, lang: str) -> None:
    """The end-of-run line; before it, a warning when the folder had no spreadsheet."""
    if not any(s.archivo and s.estado != "omitido" for s in result.submissions):
        click.echo(_say(lang, f"No hay ningún libro de cálculo en la carpeta {input_dir}: "
                              "revise que sea la correcta; todos los informantes figuran como "
                              "no recibidos.",
                        f"There is no spreadsheet in the folder {input_dir}: check that it is "
                        "the right one; every reporter is shown as not received."), err=True)
    f, unlisted = result.figures(), result.unlisted()
    others = _say(lang, f" (y {unlisted} archivos de informantes que no están en la lista de "
                        "la ronda: véase problemas.csv)",
                  f" (and {unlisted} files from reporters not on the round's list: see "
                  "problemas.csv)") if unlisted else ""
    click.echo(_say(
        lang,
        f"Consolidado {result.ronda}: {f['actividades']} actividades de {f['informantes']} de "
        f"{f['esperados']} informantes{others}; {f['vencidos']} vencidas, {f['por_vencer']} "
        f"por vencer, {f['sin_responsable']} sin responsable, {f['plazo_impreciso']} con "
        f"plazo impreciso; {f['errores']} errores, {f['advertencias']} advertencias "
        f"-> {result.out_dir}",
        f"Consolidated {result.ronda}: {f['actividades']} activities from "
        f"{f['informantes']} of {f['esperados']} reporters{others}; {f['vencidos']} overdue, "
        f"{f['por_vencer']} due soon, {f['sin_responsable']} without responsible party, "
        f"{f['plazo_impreciso']} with vague deadline; {f['errores']} errors, "
        f"{f['advertencias']} warnings -> {result.out_dir}"))

@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--as-of", type=click.DateTime(["%Y-%m-%d"]),
              help="Date at which deadlines are judged [default: today].")
@LANG
@CONFIG
@VERBOSE
@LOG_FILE
def validate(paths: tuple[Path, ...], as_of: dt.datetime | None, lang: str,
             config: Path | None, verbose: bool, log_file: Path | None) -> None:
    """Check returned files as they arrive; print every problem with its cell.

    PATHS are files or folders. Exits with 1 when a file has errors.

    Example: seguimiento validate "Guatemala.xlsx"
    """
    log_path = _setup_logging(verbose, log_file)
    with _guarded(lang, log_path):
        from pipeline.jobs.validate import validate_files

        result, files = validate_files(list(paths), as_of.date() if as_of else dt.date.today(),
                                       lang, config)
        for issue in result.issues:
            click.echo(f"{issue.severity_label(lang):<11} {issue.where()}: {issue.message(lang)}"
                       f" [{issue.code}]")
        errors, warnings = result.count("error"), result.count("advertencia")
        click.echo(_say(lang,
                        f"{files} archivo(s), {len(result.matrix)} actividades: {errors} "
                        f"errores, {warnings} advertencias.",
                        f"{files} file(s), {len(result.matrix)} activities: {errors} "
                        f"errors, {warnings} warnings."))
        sys.exit(1 if errors else 0)


@cli.command()
@click.option("--reporter", "reporters", multiple=True,
              help="Reporter (country, working group or RROCM); repeat for several.")
@click.option("--all", "all_reporters", is_flag=True, help="One template per expected reporter.")
@click.option("--round", "ronda", help="Round the template is for [default: this quarter].")
@click.option("--lang", type=click.Choice(["es", "en"]), envvar="SEGUIMIENTO_TEMPLATE_LANG",
              help="Language of the template [default: the reporter's own].")
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="Folder for the templates.")
@HISTORY
@CONFIG
def template(reporters: tuple[str, ...], all_reporters: bool, ronda: str | None,
             lang: str | None, out_dir: Path, history: Path | None,
             config: Path | None) -> None:
    """Generate the Excel template for focal points to fill, prefilled with each
    reporter's items of the latest stored round (when there is a history).

    Example: seguimiento template --reporter Guatemala --round 2027-T1 --out plantillas
    """
    message_lang = lang or "es"
    with _guarded(message_lang, _setup_logging(False, None)):
        from pipeline.jobs.template import generate_templates

        if not reporters and not all_reporters:
            raise click.UsageError(_say(message_lang, "Indique --reporter NOMBRE o --all.",
                                        "Give --reporter NAME or --all."))
        written = generate_templates(reporters, all_reporters, ronda, lang, out_dir, config,
                                     history=history)
        for path in written:
            click.echo(str(path))
        click.echo(_say(message_lang, f"{len(written)} plantilla(s) en {out_dir}",
                        f"{len(written)} template(s) in {out_dir}"))


@cli.command()
@click.argument("input_dir", required=False, type=click.Path(path_type=Path, file_okay=False))
@click.option("--from-history", is_flag=True,
              help="Use each reporter's latest stored round instead of reading a folder.")
@click.option("--as-of", type=click.DateTime(["%Y-%m-%d"]),
              help="Date at which deadlines are judged [default: today].")
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Folder for the lists [default: output/recordatorios/<as-of>].")
@click.option("--format", "fmt", type=click.Choice(["xlsx", "csv", "md"]), default="xlsx",
              show_default=True, help="File format of the lists.")
@click.option("--lang", type=click.Choice(["es", "en"]),
              help="Language of every list [default: each party's own].")
@HISTORY
@CONFIG
@VERBOSE
@LOG_FILE
def overdue(input_dir: Path | None, from_history: bool, as_of: dt.datetime | None,
            out_dir: Path | None, fmt: str, lang: str | None, history: Path | None,
            config: Path | None, verbose: bool, log_file: Path | None) -> None:
    """Write, for every responsible party, its overdue and due-soon items with a message
    ready to e-mail, plus one combined list (todos). For cron and systemd timers: no
    prompts, prints nothing unless on a terminal or --verbose.

    Exit code: 0 nothing is overdue, 1 something is overdue (lists written), 3 could not
    run, 4 a defect.

    Example: seguimiento overdue --from-history --format md
    """
    log_path = _setup_logging(verbose, log_file)
    say_lang = lang or "es"
    with _guarded(say_lang, log_path):
        from pipeline.jobs.overdue import run_reminders

        if (input_dir is None) == (not from_history):
            raise click.UsageError(_say(say_lang, "Indique una carpeta o --from-history.",
                                        "Give a folder or --from-history."))
        day = as_of.date() if as_of else dt.date.today()
        reminders, written = run_reminders(input_dir, day, out_dir, fmt, lang, history,
                                           config)
        if verbose or sys.stdout.isatty():
            click.echo(_say(say_lang,
                            f"{reminders.overdue} vencidas; {len(reminders.by_party)} partes "
                            f"responsables con pendientes -> {written[0].parent}",
                            f"{reminders.overdue} overdue; {len(reminders.by_party)} "
                            f"responsible parties with pending items -> {written[0].parent}"))
        sys.exit(1 if reminders.overdue else 0)


@cli.command()
@click.option("--year", required=True, type=int, help="Year of the report, e.g. 2027.")
@click.option("--out", "out_dir", required=True,
              type=click.Path(path_type=Path, file_okay=False), help="Folder for the report.")
@click.option("--public", is_flag=True,
              help="The edition for civil society: no restricted rows, no personal data.")
@HISTORY
@LANG
@CONFIG
def report(year: int, out_dir: Path, public: bool, history: Path | None, lang: str,
           config: Path | None) -> None:
    """Draft the annual report (seed 003 §4.2) from the stored rounds of a year:
    informe_anual_YYYY.xlsx, .md and .html (printable, charts included).

    Example: seguimiento report --year 2027 --out informes
    """
    with _guarded(lang, _setup_logging(False, None)):
        from pipeline.jobs.report import make_report

        written = make_report(year, out_dir, public, history, lang, config)
        for path in written:
            click.echo(str(path))


@cli.command()
@HISTORY
@LANG
def history(history: Path | None, lang: str) -> None:
    """List the stored rounds with their headline figures.

    Example: seguimiento history --history output/historial.sqlite
    """
    with _guarded(lang, _setup_logging(False, None)):
        from pipeline.jobs.history import FIGURES, stored_rounds

        path, table = stored_rounds(history)
        if table.empty:
            click.echo(_say(lang, f"No hay rondas guardadas en {path}.",
                            f"No rounds stored in {path}."))
            return
        click.echo("ronda      fecha_corte  " + "  ".join(f"{n:>12}" for n in FIGURES))
        for record in table.to_dict("records"):
            figures = "  ".join(f"{int(record.get(n) or 0):>12}" for n in FIGURES)
            click.echo(f"{record['ronda']:<10} {record['fecha_corte']:<12} {figures}")


def main(argv: list[str] | None = None) -> None:
    cli.main(args=argv, prog_name="seguimiento")

