"""The few situations in which Seguimiento cannot go on at all.

A broken workbook is never one of them: it is an issue in the report. These are raised
only when there is nothing sensible to produce (no input folder, an output that cannot be
written). Each class's message, in Spanish and English, is the catalogue's `error.<class>`
(pipeline.words), saying what to do; `detail` says which path.
"""

from __future__ import annotations

import errno
import sqlite3

from pipeline.words import lang_of, word


class SeguimientoError(Exception):
    """Seguimiento could not finish."""

    exit_code = 3

    def __init__(self, detail: str | tuple[str, str] = "") -> None:
        self.detail = detail  # a path or a name; or words, (Spanish, English)
        super().__init__(self.message())

    def message(self, lang: str | None = None) -> str:
        """The message in `lang` ("es" or "en"), or in both (for the log) when not given:
        what happened and what to do (pipeline.words, `error.<class>`), then the detail."""
        key = f"error.{type(self).__name__}"
        heads = [word(key, lang)] if lang else [word(key, "en"), word(key, "es")]
        head = " / ".join(heads)
        detail = self.detail
        if isinstance(detail, tuple):
            detail = detail[1 if lang_of(lang) == "en" else 0] if lang else " / ".join(
                detail[::-1])
        return f"{head}: {detail}" if detail else head


class InputFolderMissing(SeguimientoError):
    """The input folder does not exist or is not a folder; check its name (in quotes if it has
    spaces)."""


class InputFileMissing(SeguimientoError):
    """File not found; check its name and folder."""


class OutputNotWritable(SeguimientoError):
    """The output folder cannot be written; choose another with --out or check its permissions."""


class OutputInsideInput(SeguimientoError):
    """The output goes into the folder of the returned files, and Seguimiento never writes
    there (its outputs would be read as files of the round); choose another folder with
    --out."""

    exit_code = 2


class OutputLocked(SeguimientoError):
    """Another run is writing to this output folder; wait for it to finish and run again."""


class ConfigError(SeguimientoError):
    """The configuration file cannot be used; correct it (see Configuration in the
    README)."""


class UnknownReporter(SeguimientoError):
    """Unknown reporter; use a country, a group or another reporter of the network's
    profile (red.toml)."""


class HistoryError(SeguimientoError):
    """The history database cannot be used; check that the output folder can be written."""


class HistoryDamaged(SeguimientoError):
    """The history is damaged and was neither used nor changed: put back the copy kept
    before the last round was stored (historial.sqlite.antes-<round>, beside it) in its
    place, or move the damaged file aside to start a new history, and run again."""


class NoRoundsForYear(SeguimientoError):
    """No stored round for that year; consolidate its rounds first (or give --history)."""


class NoWorkspace(SeguimientoError):
    """No workspace (a folder with a seguimiento.toml) was found here or above; create one
    with `seguimiento init` or name it with --workspace."""


class NotAWorkspace(SeguimientoError):
    """The folder named as the workspace holds no seguimiento.toml."""


class InsideWorkspace(SeguimientoError):
    """That folder is inside a workspace already, and a workspace inside another would hide
    it from every command run there; choose a folder outside it."""

    exit_code = 2


class UnknownNetwork(SeguimientoError):
    """No such network profile; name a shipped one or a profile's TOML file."""

    exit_code = 2


class NotAFolder(SeguimientoError):
    """That name is a file, not a folder; choose a folder's name."""


class RoundFolderMissing(SeguimientoError):
    """The workspace has no folder of returned files for the round."""


class BadRound(SeguimientoError):
    """The round is not written as year-quarter; write it like 2027-T1."""

    exit_code = 2


class MailNotConfigured(SeguimientoError):
    """--send needs the mail server and who sends: set [correo] servidor and remitente (or
    usuario) in seguimiento.toml; without --send the drafts are written."""

    exit_code = 2


class MailPasswordMissing(SeguimientoError):
    """[correo] names a user but the SEGUIMIENTO_SMTP_PASSWORD variable is not set; set it
    in the environment (never in a file) and run again."""

    exit_code = 2


class MailNeedsHistory(SeguimientoError):
    """--send keeps what it sent in the history, so that a rerun sends nothing twice; run
    it in a workspace or give --history."""

    exit_code = 2


class NoClosingDate(SeguimientoError):
    """The call for submissions needs the round's closing date; set it in seguimiento.toml
    ([cierres]) or give --closing-date."""

    exit_code = 2


class RoundClosed(SeguimientoError):
    """The round has already closed, so calling for its submissions would ask for the
    impossible; set a later closing date ([cierres] or --closing-date) if it is extended."""

    exit_code = 2


class DiskFull(SeguimientoError):
    """The disk is full, so the outputs could not be written; the previous outputs and the
    history are as they were. Free some space (or choose another folder with --out) and
    run again."""


class MailIndexNotWritten(SeguimientoError):
    """The messages were sent and stored in the history, but their index could not be
    written."""


_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_DENIED = {errno.EROFS, errno.EACCES, errno.EPERM}


def environment_failure(exc: BaseException) -> SeguimientoError | None:
    """The user's environment failing (a full disk, a folder that cannot be written) in
    whatever wrapping a library gave it, as the error that says so; None for anything
    else (a defect)."""
    seen: set[int] = set()
    pending: list[object] = [exc]
    while pending:
        error = pending.pop()
        if not isinstance(error, BaseException) or id(error) in seen:
            continue
        seen.add(id(error))
        if isinstance(error, OSError) and error.errno in _FULL:
            return DiskFull(str(error.filename or ""))
        if isinstance(error, OSError) and error.errno in _DENIED:
            return not_writable(error.filename or "", error)
        if isinstance(error, sqlite3.OperationalError):
            text = str(error)
            if "disk is full" in text:
                return DiskFull("")
            if "readonly" in text or "read-only" in text:
                return OutputNotWritable(text)
        # xlsxwriter wraps the OSError in its own exception's arguments
        pending += [error.__cause__, error.__context__, *error.args]
    return None


def not_writable(path: object, exc: OSError) -> OutputNotWritable:
    """A folder that cannot be written, with why in the run's language (the system says
    it in English: "Read-only file system")."""
    why = {errno.EROFS: "read_only", errno.EACCES: "denied", errno.EPERM: "denied",
           errno.ENOTDIR: "not_a_folder", errno.ENAMETOOLONG: "too_long",
           errno.ENOENT: "missing"}.get(exc.errno or 0)
    spanish, english = (f"{path} ({word(f'os.{why}', lang) if why else exc.strerror})".strip()
                        for lang in ("es", "en"))
    return OutputNotWritable((spanish, english))
