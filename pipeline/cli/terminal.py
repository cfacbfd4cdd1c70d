"""What the command line needs besides its commands: the language a person reads, the log,
progress on a terminal (silence under cron and CI), and failures turned into messages."""

from __future__ import annotations

import codecs
import contextlib
import logging
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from pipeline.words import Lang, lang_of, plural, word

if TYPE_CHECKING:
    from pipeline.model.run import RunResult

log = logging.getLogger("seguimiento")


def chosen_language(args: Sequence[str]) -> Lang:
    """`--lang` on the command line, else SEGUIMIENTO_LANG, else the system's language
    (LC_ALL, LC_MESSAGES, LANG); Spanish by default."""
    for n, arg in enumerate(args):
        if arg == "--lang" and n + 1 < len(args):
            return lang_of(args[n + 1])
        if arg.startswith("--lang="):
            return lang_of(arg.partition("=")[2])
    for variable in ("SEGUIMIENTO_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            return lang_of(value)
    return "es"


def overdue_figure(lang: str, lines: int, activities: int) -> str:
    """"4 vencidas", and beside it the distinct activities when some line repeats one
    ("4 vencidas (3 actividades distintas)")."""
    said = plural("n.overdue", lang, lines)
    return said + plural("n.overdue_distinct", lang, activities) if activities != lines else said


def consolidated_line(result: RunResult, lang: Lang) -> str:
    """The end-of-run line: what was consolidated, what needs attention, where it is."""
    f, unlisted = result.figures(), result.unlisted()
    empty = sum(1 for s in result.submissions if s.estado == "sin_matriz")
    return word("cli.consolidated", lang, ronda=result.ronda,
                actividades=plural("n.activities", lang, f["actividades"]),
                informantes=plural("n.of_reporters", lang, f["esperados"],
                                   received=f["informantes"]),
                others=(plural("cli.unlisted", lang, unlisted) if unlisted else "")
                + (plural("cli.no_matrix", lang, empty) if empty else ""),
                vencidas=overdue_figure(lang, f["vencidos"], result.overdue_activities()),
                por_vencer=f["por_vencer"],
                sin_responsable=f["sin_responsable"], impreciso=f["plazo_impreciso"],
                observed=word("cli.observed", lang, observados=f["observados"],
                              difieren=f["difieren"]) if "observados" in f else "",
                errores=plural("n.errors", lang, f["errores"]),
                advertencias=plural("n.warnings", lang, f["advertencias"]),
                out=result.out_dir)


def columns_line(archivo: str, hoja: str, titles: dict[str, str], lang: Lang) -> str:
    """One line per matrix read by `validate`: the title each column was taken from
    ("responsable ← «PIC»"), the template's own titles said once."""
    from pipeline.model.columns import BY_KEY
    from pipeline.model.text import fold_title
    from pipeline.words import LANGS

    own = [key for key, title in titles.items() if key in BY_KEY and fold_title(title) in {
        fold_title(BY_KEY[key].title(language)) for language in LANGS}]
    taken = ", ".join(f"{key} ← " + word("quoted", lang, text=title)
                      for key, title in titles.items() if key not in own)
    where = f"{archivo} › {hoja}" if hoja else archivo
    if not taken:
        return word("cli.columns_template", lang, where=where)
    return word("cli.columns_taken", lang, where=where, columns=taken,
                template=plural("cli.columns_also", lang, len(own)) if own else "")


def read_names_as_utf8() -> None:
    """Under the C or POSIX locale without Python's UTF-8 mode (the bare environment of
    cron or a service on some systems) Python takes every file name as ASCII, and a file
    named with an accent (a reporter's feedback, `Canadá.xlsx`) could not be written. The
    command then runs again, at once, in UTF-8 mode, with its arguments as they were
    typed (their bytes)."""
    if os.name != "posix" or sys.flags.utf8_mode:
        return
    if codecs.lookup(sys.getfilesystemencoding()).name != "ascii":
        return
    os.execv(sys.executable, [sys.executable, "-X", "utf8", *sys.orig_argv[1:]])


def setup_logging(verbose: bool, log_file: Path | None, workspace: Path | None = None) -> Path:
    """Log to a file always (for diagnosis: --log-file, else the workspace's registro/,
    else the user's log folder of the system), to the terminal only with --verbose; a
    library's warnings into the log, never onto the terminal."""
    for old in log.handlers:  # (an earlier command's, in this process: its file closed)
        old.close()
    log.handlers.clear()
    log.setLevel(logging.DEBUG)
    log.propagate = False
    path = log_file or _default_log(workspace)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.FileHandler(path, encoding="utf-8",
                                                         errors="backslashreplace")
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
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


def _default_log(workspace: Path | None) -> Path:
    if workspace is not None:
        return workspace / "registro" / "seguimiento.log"
    import platformdirs

    return Path(platformdirs.user_log_dir("seguimiento", appauthor=False)) / "seguimiento.log"


INTERRUPTED = 130  # the shells' code for a command stopped by Ctrl-C (128 + SIGINT)


@contextmanager
def guarded(lang: str, log_path: Path) -> Iterator[None]:
    """A failure the user can act on prints its message (exit 2 or 3); the environment
    failing (a full disk) says so (exit 3); a defect prints where the log is (exit 4);
    Ctrl-C says what it left (exit 130)."""
    from pipeline.model.errors import SeguimientoError, environment_failure

    try:
        yield
    except SeguimientoError as exc:
        log.error("%s", exc.message())
        click.echo(exc.message(lang), err=True)
        sys.exit(exc.exit_code)
    except BrokenPipeError:  # the reader of the output stopped (`| head`): nothing to say
        with contextlib.suppress(OSError):  # (nor at exit, flushing into the closed pipe)
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
    except KeyboardInterrupt:  # Ctrl-C: said in the run's language, with its own code
        log.warning("interrupted")
        click.echo(word("cli.interrupted", lang), err=True)
        sys.exit(INTERRUPTED)
    except (click.ClickException, click.exceptions.Exit, SystemExit):
        raise
    except Exception as exc:
        failure = environment_failure(exc)
        if failure is not None:  # the environment, not a defect: exit 3
            log.exception("%s", failure.message())
            click.echo(failure.message(lang), err=True)
            sys.exit(failure.exit_code)
        log.exception("internal error")
        click.echo(word("cli.internal", lang, log=log_path), err=True)
        sys.exit(4)


class Progress:
    """click's progress bar on a terminal; silence under cron and CI."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.bar: Any = None  # click's ProgressBar, once there is something to show
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


def localize(group: click.Group, lang: Lang) -> None:
    """Every command's help, every option's and click's own words in `lang`."""
    from pipeline.words import click_es

    click_es.install(lang)
    for command in (group, *group.commands.values()):
        command._help_option = None  # click keeps its --help option, words and all: anew
    group.help = word("help.seguimiento", lang)
    group.options_metavar = word("help.metavar.options", lang)
    group.subcommand_metavar = word("help.metavar.command", lang)
    for param in group.params:
        if isinstance(param, click.Option) and param.name in ("version", "lang"):
            param.help = word(f"help.option.{param.name}", lang)
    _localize_commands(group, "", lang)


def _localize_commands(group: click.Group, prefix: str, lang: Lang) -> None:
    """A group's commands, and a subgroup's ("mail overdue": help.mail.overdue)."""
    for name, command in group.commands.items():
        path = f"{prefix}{name}"
        command._help_option = None
        command.help = word(f"help.{path}", lang)
        command.options_metavar = word("help.metavar.options", lang)
        for param in command.params:
            if isinstance(param, click.Option) and param.name and param.name != "help":
                param.help = _option_help(path, param.name, lang)
            if param.name and param.name != "help":
                param.metavar = _metavar(param, lang)
        if isinstance(command, click.Group):
            command.subcommand_metavar = word("help.metavar.command", lang)
            _localize_commands(command, f"{path}.", lang)


def _metavar(param: click.Parameter, lang: Lang) -> str | None:
    """What stands for a value in the help and in click's errors ("--out CARPETA"), in
    `lang`: an argument's own word, else its type's; None leaves click's ([es|en])."""
    if isinstance(param, click.Argument):
        return word(f"help.metavar.{param.name}", lang)
    kind = param.type
    if isinstance(kind, click.Path):
        what = "folder" if not kind.file_okay else "file" if not kind.dir_okay else "path"
    elif isinstance(kind, click.DateTime) or getattr(kind, "name", "") == "date":
        what = "date"
    elif param.name in ("ronda", "year", "reporters"):
        what = str(param.name)
    elif isinstance(kind, click.Choice) or getattr(param, "is_flag", False):
        return None
    else:
        what = "text"
    return word(f"help.metavar.{what}", lang)


def _option_help(command: str, option: str, lang: Lang) -> str:
    try:
        return word(f"help.{command}.{option}", lang)
    except KeyError:
        return word(f"help.option.{option}", lang)
