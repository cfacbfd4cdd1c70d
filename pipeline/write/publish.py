"""A set of outputs made visible whole, agreeing with the history (docs/contract.md §7), after any
interruption: a kill, Ctrl-C, a power loss.

The outputs stay real files under their own names in the user's folder (a folder on a
Windows machine or a synced drive, a shell whose current folder it is: no links, no
swapping the folder itself), so they cannot all change in one rename. They follow what
databases and package managers do instead — prepare everything aside, one atomic commit
record, then moves that any later run can finish:

1. every file is written into a staging folder and flushed to disk (a round's from
   `SETTLE_APART` files by another process, where processes can be forked, while the
   history's transaction is being prepared);
2. a journal (`.seguimiento-publicacion.json`, written aside and renamed) names the staging
   folder, the files with their content digests and, for a round, the history;
3. the commit point: for a round, the history's transaction that stores it also records
   the staging folder's name (`publicaciones`); for other outputs, the journal itself;
4. the files are moved into place, the folder's record of what each command wrote is
   updated (the set's files of the previous run that this one did not write go), the
   commit record is cleared and the journal removed.

The next command that writes into the folder (`finish_interrupted`, under the folder's
lock) reads a journal left behind: when the commit point was passed it finishes the
moves (the new round, as the history says), otherwise it drops the staging folder (the
old round, as the history says). Before the commit nothing visible has changed.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pipeline.model.children import in_background
from pipeline.store.history import forget_publication, is_published
from pipeline.write.manifest import own_name, record_set, signature

JOURNAL = ".seguimiento-publicacion.json"
STAGE_PREFIX = ".seguimiento-tmp-"  # a staging folder's name: the prefix, then its generation
PAUSE = "SEGUIMIENTO_PRUEBA_PAUSA"  # tests only: "<point>:<file>", stop at that point
log = logging.getLogger("seguimiento")
# Stores the round, recording the outputs' generation; calls the second argument (the
# outputs flushed, the journal written) last before its own commit point.
Commit = Callable[[str, Callable[[], None]], None]
SETTLE_APART = 100  # files: from this many, flushed by another process


def publish(out_dir: Path, stage: Path, generation: str, output_set: str | None,
            commit: Commit | None = None, history: Path | None = None) -> list[str]:
    """Move what `stage` holds into `out_dir` as one set (steps 1 to 4 above); `commit`
    (given the generation and `ready`) is the round's commit point. The relative names
    moved.

    The files are flushed to disk while `commit` prepares the round's transaction (a
    round's 2,000 flushes wait on the disk, its rows on Python): `commit` must call
    `ready` (the flushes awaited, the journal written) last before its own commit. The
    history's lock is held meanwhile: on a slow disk, for as long as the flushes take."""
    written = sorted(p for p in stage.rglob("*") if p.is_file())
    names = [p.relative_to(stage).as_posix() for p in written]
    journal: dict[str, Any] = {
        "etapa": stage.name, "generacion": generation, "conjunto": output_set,
        "archivos": names, "firmas": {},
        "historial": _relative(history, out_dir) if commit and history else None}

    def flush() -> list[str]:
        return [_settle(path) for path in written]

    # (forked before the history is opened: a child never holds a copy of its connection)
    settled = in_background(flush, enabled=commit is not None and len(written) >= SETTLE_APART)

    made_ready: list[bool] = []
    held = _Held()

    def ready() -> None:  # steps 1 and 2
        pause_at("sincronizando")
        journal["firmas"] = dict(zip(names, settled(), strict=True))
        _sync_folders(stage, names)
        pause_at("escrito")
        # A Ctrl-C from here lands once the moves are done: the journal is the commit point
        # of outputs alone; a round's is the history's commit, which follows at once.
        held.hold()
        _write_journal(out_dir, journal)
        made_ready.append(True)
        pause_at("intencion")

    try:
        if commit is None:
            ready()
        else:
            try:
                commit(generation, ready)
            except BaseException:
                if not made_ready and settled is not flush:  # (the flushing process's
                    with contextlib.suppress(Exception):  # answer collected: it ends)
                        settled()
                with contextlib.suppress(Exception):  # as the history says: stored or not
                    finish_interrupted(out_dir)
                raise
        if not made_ready:  # (a commit that never asked: the history's own check refuses)
            raise RuntimeError("the round was stored without its outputs being made ready")
        pause_at("confirmado")
        _finish(out_dir, journal)
    finally:
        held.release()
    return list(journal["archivos"])


class _Held:
    """Ctrl-C (SIGINT) and SIGTERM held back from a publication's commit point until its
    moves are done, then delivered: the files move in milliseconds, and a person who
    stops a run then finds the outputs and the history agreeing at once, not when the next
    command writes there. Held by Python's own handlers, which run in the main thread
    whatever thread the system hands the signal to (a mask set in the main thread alone
    let a library's threads take it: NumPy's). Where handlers cannot be set (a thread
    other than the main one) nothing is; a kill is never held (the next command finishes
    its work)."""

    SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __init__(self) -> None:
        self._before: dict[int, Any] | None = None
        self.caught: list[int] = []

    def hold(self) -> None:
        if self._before is not None or threading.current_thread() is not threading.main_thread():
            return
        self._before = {}  # (filled as each is set: a Ctrl-C meanwhile leaves none behind)
        for number in self.SIGNALS:
            handler = signal.getsignal(number)
            if handler is not None:  # (None: set outside Python, left as it is)
                self._before[number] = handler  # (kept before it is replaced)
                signal.signal(number, self._note)

    def _note(self, number: int, _frame: object) -> None:
        self.caught.append(number)
        _CAUGHT.append(number)

    def release(self) -> None:
        if self._before is None:
            return
        before, self._before = self._before, None
        for number, handler in before.items():
            signal.signal(number, handler)
        _CAUGHT.clear()
        if self.caught:  # delivered now, to what was there before
            signal.raise_signal(self.caught[0])


_CAUGHT: list[int] = []  # the signals held now (tests' pauses end on one)


def finish_interrupted(out_dir: Path) -> None:
    """Finish or drop a publication a run left when it was interrupted (call it holding
    the folder's lock): after this, the outputs and the history agree."""
    journal = _read_journal(out_dir)
    if journal is None:
        return
    history = journal.get("historial")
    if history and not is_published(out_dir / history, str(journal["generacion"])):
        shutil.rmtree(out_dir / str(journal["etapa"]), ignore_errors=True)
        (out_dir / JOURNAL).unlink(missing_ok=True)
        log.warning("an interrupted run's outputs were dropped (its round was not stored): "
                    "%s", out_dir)
        return
    _finish(out_dir, journal)
    log.warning("an interrupted run's outputs were put in place (its round was stored): %s",
                out_dir)


def is_pending(out_dir: Path, stage: Path) -> bool:
    """Whether a journal names `stage`: it must then stay until finished."""
    journal = _read_journal(out_dir)
    return journal is not None and journal.get("etapa") == stage.name


def _finish(out_dir: Path, journal: dict[str, Any]) -> None:
    """Steps 4: moves (the files not moved yet), the record, the journal's end. Doing it
    twice does no harm."""
    stage = out_dir / str(journal["etapa"])
    names = [str(n) for n in journal["archivos"] if own_name(str(n))]
    moved = 0
    for name in names:
        source = stage / name
        if source.is_file() and not source.is_symlink():
            target = out_dir / name
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, target)
            moved += 1
            if moved == 1:
                pause_at("moviendo")
    _sync_folders(out_dir, names)
    pause_at("movido")
    if journal.get("conjunto") is not None:
        record_set(out_dir, str(journal["conjunto"]), names, _digests(journal))
    pause_at("registrado")
    if journal.get("historial"):
        forget_publication(out_dir / str(journal["historial"]), str(journal["generacion"]))
    (out_dir / JOURNAL).unlink(missing_ok=True)
    shutil.rmtree(stage, ignore_errors=True)


def _settle(path: Path) -> str:
    """The file flushed to disk, and its content digest (pipeline.write.manifest)."""
    _sync(path)
    return signature(path)


def _digests(journal: dict[str, Any]) -> dict[str, str]:
    """The digests the journal records of its files ({} where it has none of its own: a
    journal of an earlier version; the files are then read again)."""
    found = journal.get("firmas")
    if not isinstance(found, dict):
        return {}
    return {str(k): v for k, v in found.items() if isinstance(v, str) and len(v) == 64}


def _write_journal(out_dir: Path, journal: dict[str, Any]) -> None:
    aside = out_dir / f"{JOURNAL}.{os.getpid()}"
    aside.write_text(json.dumps(journal, ensure_ascii=False, indent=1), encoding="utf-8")
    _sync(aside)
    os.replace(aside, out_dir / JOURNAL)
    _sync_folders(out_dir)


def _read_journal(out_dir: Path) -> dict[str, Any] | None:
    """The journal left in `out_dir`; None when there is none, or it is not one of ours
    (written aside and renamed, it is never half written)."""
    try:
        journal = json.loads((out_dir / JOURNAL).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        log.warning("a publication journal that cannot be read is left alone: %s (%s)",
                    out_dir / JOURNAL, exc)
        return None
    keys = {"etapa", "generacion", "archivos"}
    if not isinstance(journal, dict) or not keys <= set(journal) or not isinstance(
            journal["archivos"], list) or not _stage_name(journal["etapa"]):
        log.warning("a publication journal not written by Seguimiento is left alone: %s",
                    out_dir / JOURNAL)
        return None
    return journal


def _stage_name(name: object) -> bool:
    """A staging folder's own name, nothing else (a journal edited by hand never makes a
    run remove a folder of the user's)."""
    return isinstance(name, str) and name.startswith(STAGE_PREFIX) and not any(
        c in name for c in "/\\:") and ".." not in name


def _relative(path: Path, folder: Path) -> str:
    """`path` as `folder` can find it again (relative where it can be: a folder moved
    whole keeps its history)."""
    try:
        return os.path.relpath(path.resolve(), folder.resolve())
    except ValueError:  # another drive (Windows)
        return str(path.resolve())


def _sync(path: Path) -> None:
    """The file's bytes on the disk before anything names it as done (a power loss)."""
    with contextlib.suppress(OSError), path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _sync_folders(folder: Path, names: list[str] | None = None) -> None:
    """The folder's entries (and its subfolders' named in `names`) on the disk (POSIX;
    Windows has no such call, and its renames are written through)."""
    folders = {folder, *(folder / n for n in {str(Path(name).parent) for name in names or []}
                         if n != ".")}
    for path in folders:
        with contextlib.suppress(OSError, AttributeError):
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


def pause_at(point: str) -> None:
    """Tests only: stop here, saying so in a file, until killed (PAUSE names the point),
    or, where Ctrl-C is held (`_Held`), until one waits to be delivered."""
    wanted, _, signal_file = os.environ.get(PAUSE, "").partition(":")
    if wanted != point or not signal_file:
        return
    Path(signal_file).write_text(point, encoding="utf-8")
    while not _CAUGHT:
        time.sleep(0.05)
