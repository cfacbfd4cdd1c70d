"""Outputs appear whole or not at all (docs/contract.md §7).

Every file of a run is written into a staging folder beside the outputs and moved into
place only once all of them are complete, each with an atomic rename, as one set that a
run interrupted on the way leaves for the next to finish or undo (pipeline.write.publish):
a run that fails leaves the previous outputs as they were. A lock the operating system
releases when its holder dies keeps two runs from writing into the same output folder at
once. A manifest (pipeline.write.manifest) records what each command wrote into the
folder, so that a command removes only files it wrote itself. No command writes into the
folder of the returned files.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import multiprocessing
import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from pipeline.model.children import die_with_parent
from pipeline.model.errors import OutputInsideInput, OutputNotWritable
from pipeline.store.lock import hold_lock
from pipeline.write.publish import (
    STAGE_PREFIX,
    Commit,
    finish_interrupted,
    is_pending,
    publish,
)

LOCK_NAME = ".seguimiento.lock"
log = logging.getLogger("seguimiento")
T = TypeVar("T")
# A yielding process's niceness: it runs when the others wait (the scheduler gives a
# process at niceness 10 about a tenth of the time of one at 0 when both want a core).
YIELDING_NICENESS = 10
TURN_WAIT = 60  # seconds a turn may wait for another process's (it takes microseconds)


def refuse_inside(input_dir: Path, *targets: Path, folders: tuple[str, ...] = ()) -> None:
    """Raise unless every target (an output folder or file) lies outside the input folder.
    `folders` are the subfolders a command writes into its output folder: the input
    folder must not be one of them either."""
    inbox = input_dir.resolve()
    for target in targets:
        where = target.resolve()
        inner = [where / name for name in folders]
        if where == inbox or inbox in where.parents or any(
                inbox == f or f in inbox.parents for f in inner):
            raise OutputInsideInput(f"{target} → {input_dir}")


@contextlib.contextmanager
def output_lock(out_dir: Path) -> Iterator[None]:
    """One writer at a time on `out_dir`: a lock the operating system releases when its
    holder dies (pipeline.store.lock), so nothing a killed run leaves blocks the next."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputNotWritable(f"{out_dir} ({exc.strerror})") from exc
    with hold_lock(out_dir / LOCK_NAME, wait=False):  # (held: OutputLocked)
        yield


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextlib.contextmanager
def staging(out_dir: Path, output_set: str | None = None, commit: Commit | None = None,
            history: Path | None = None) -> Iterator[Path]:
    """A folder to write into; its files replace those of `out_dir` only on success, all
    of them (pipeline.write.publish: a run interrupted on the way is finished or undone by
    the next one here).

    `output_set` names what the command writes there as one set (a round's outputs, the
    overdue lists of one format): after the move, the files of that set written by an
    earlier run and not written now are removed, so the folder holds exactly this run's
    set. Only files recorded in the folder's manifest as written by Seguimiento, and not
    changed since, are ever removed; without `output_set` nothing is removed (templates
    accumulate). `commit` (storing the round in `history`) is the round's commit point."""
    finish_interrupted(out_dir)
    generation = f"{uuid.uuid4().hex[:12]}-{os.getpid()}"
    stage = out_dir / f"{STAGE_PREFIX}{generation}"
    for left in out_dir.glob(f"{STAGE_PREFIX}*"):  # left by a run that was killed
        pid = left.name.rsplit("-", 1)[-1]
        if pid.isdigit() and not _alive(int(pid)) and not left.is_symlink():
            shutil.rmtree(left, ignore_errors=True)
    try:
        stage.mkdir(parents=True)
    except OSError as exc:
        raise OutputNotWritable(f"{out_dir} ({exc.strerror})") from exc
    try:
        yield stage
        publish(out_dir, stage, generation, output_set, commit, history)
    finally:
        if not is_pending(out_dir, stage):  # (a stored round's files wait to be moved)
            shutil.rmtree(stage, ignore_errors=True)


class Turns:
    """0, 1, 2...: each number given once, to this process or to one it forks after
    (`in_background`): pieces of work taken in turn, so that a process the scheduler gives
    more time takes more of them and all end together. Not `shared` where the system
    cannot fork or share a lock (then only this process takes them)."""

    def __init__(self, enabled: bool = True) -> None:
        self._local = itertools.count()
        self._counter: Any = None
        if enabled and _forks():  # (shared only with the processes `in_background` forks)
            # (a system without shared semaphores: ImportError or OSError)
            with contextlib.suppress(ImportError, OSError):
                self._counter = multiprocessing.get_context("fork").Value("q", 0)

    @property
    def shared(self) -> bool:
        return self._counter is not None

    def __call__(self) -> int:
        if self._counter is None:
            return next(self._local)
        lock = self._counter.get_lock()
        if not lock.acquire(timeout=TURN_WAIT):  # (a process killed while holding it)
            raise RuntimeError("a writing process stopped while taking its turn")
        try:
            turn = int(self._counter.value)
            self._counter.value = turn + 1
        finally:
            lock.release()
        return turn


def _forks() -> bool:
    """Whether this system can fork (not Windows): background work and shared turns."""
    return "fork" in multiprocessing.get_all_start_methods()


def in_background(work: Callable[[], T], enabled: bool = True,
                  yielding: bool = False) -> Callable[[], T]:
    """Start `work` in a forked process (where the system has fork and `enabled`); the
    returned function waits for it and gives its result, or raises if it failed. Where
    there is no fork, or not `enabled`, the work runs when its result is asked for. A
    `yielding` process gives way to the others (a lower priority): work that can end
    early leaves the cores to the longest."""
    if not enabled or not _forks():
        return work
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    parent = os.getpid()

    def child() -> None:
        die_with_parent(parent)  # a run that is killed leaves no writer writing on
        if yielding:
            with contextlib.suppress(OSError):
                os.nice(YIELDING_NICENESS)
        try:
            sender.send((True, work()))
        except BaseException as exc:  # noqa: BLE001 - reported to the parent
            try:  # the exception itself (a full disk stays a full disk), where it pickles
                sender.send((False, exc))
            except Exception:  # noqa: BLE001
                sender.send((False, RuntimeError(f"{type(exc).__name__}: {exc}")))

    process = context.Process(target=child, daemon=True)
    process.start()
    sender.close()

    def wait() -> T:
        try:
            ok, value = receiver.recv()
        except EOFError:
            ok, value = False, "the background process ended without an answer"
        process.join()
        if not ok:
            if isinstance(value, BaseException):
                raise RuntimeError(f"background writing failed: {value}") from value
            raise RuntimeError(f"background writing failed: {value}")
        return value

    return wait
