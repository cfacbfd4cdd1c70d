"""Processes a run forks: work done beside the run's own (`in_background`: the analysis's
observations and indicators, the writers of a large round), pieces of work taken in turn
(`Turns`), and the rule that they die with the run (docs/contract.md §7): a run that is
killed must not leave a writer behind that goes on writing into the folder it was
publishing, nor a reader holding memory.

On Linux the kernel does it (`prctl(PR_SET_PDEATHSIG, SIGKILL)`, asked through ctypes);
elsewhere a thread of the child watches its parent and ends the child when it is gone.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import itertools
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")
log = logging.getLogger("seguimiento")
# A yielding process's niceness: it runs when the others wait (the scheduler gives a
# process at niceness 10 about a tenth of the time of one at 0 when both want a core).
YIELDING_NICENESS = 10
TURN_WAIT = 60  # seconds a turn may wait for another process's (it takes microseconds)
PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
WATCH_SECONDS = 0.5  # how often a child without the kernel's help looks at its parent


def die_with_parent(parent: int) -> None:
    """Called first thing in a forked child whose parent is `parent`: the child is killed
    when the parent dies, however it dies (SIGKILL included)."""
    if sys.platform.startswith("linux") and _ask_the_kernel():
        if os.getppid() != parent:  # the parent died before the kernel was asked
            os._exit(1)
        return
    threading.Thread(target=_watch, args=(parent,), daemon=True).start()


def _ask_the_kernel() -> bool:
    try:
        return bool(_libc().prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0)
    except (OSError, AttributeError):
        return False


@functools.cache
def _libc() -> ctypes.CDLL:
    """The C library this process runs on (its symbols, as the process has them)."""
    return ctypes.CDLL(None, use_errno=True)


def give_back_memory() -> None:
    """Hand the memory Python has freed back to the system. The C library (glibc) keeps
    freed pages for its next allocations: after a million rows' analysis 70 to 180 MB of
    them, counted in the run's memory and, once forked, in every child's. Nothing where
    the C library cannot (no malloc_trim)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            _libc().malloc_trim(0)


def _watch(parent: int) -> None:
    while os.getppid() == parent:  # a child whose parent died is given another
        time.sleep(WATCH_SECONDS)
    os._exit(1)


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


# The background work this process started and has not yet waited for.
_RUNNING: set[Any] = set()


def stop_background() -> None:
    """End the background work this process started and has not waited for: the run
    failed or was interrupted while it ran. Each is killed and waited for, so that none
    goes on writing into a folder the run then cleans up (a file it made there after the
    cleanup was left behind)."""
    for process in list(_RUNNING):
        with contextlib.suppress(Exception):
            process.kill()
            process.join()
    _RUNNING.clear()


@contextlib.contextmanager
def background_stopped_on_failure() -> Iterator[None]:
    """Within it, a failure (an interruption too) stops the background work first."""
    try:
        yield
    except BaseException:
        stop_background()
        raise


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
        receiver.close()  # (the parent's end alone: were the parent gone, sending fails)
        die_with_parent(parent)  # a run that is killed leaves no writer writing on
        if yielding:
            with contextlib.suppress(OSError):
                os.nice(YIELDING_NICENESS)
        try:
            sender.send((True, work(), ""))
        except BaseException as exc:  # noqa: BLE001 - reported to the parent
            told = traceback.format_exc()  # (a pickled exception carries no traceback)
            try:  # the exception itself (a full disk stays a full disk), where it pickles
                sender.send((False, exc, told))
            except Exception:  # noqa: BLE001
                with contextlib.suppress(Exception):
                    sender.send((False, RuntimeError(f"{type(exc).__name__}: {exc}"), told))

    process = context.Process(target=child, daemon=True)
    give_back_memory()  # (pages the child would be counted holding, and never use)
    try:
        process.start()
    except OSError:  # no process could be made (memory, a limit): the work runs here
        receiver.close()
        sender.close()
        return work
    sender.close()
    _RUNNING.add(process)

    def wait() -> T:
        try:
            ok, value, told = receiver.recv()
        except EOFError:
            ok, value, told = False, "the background process ended without an answer", ""
        finally:
            receiver.close()
        process.join()
        _RUNNING.discard(process)
        if not ok:
            if told:  # where it failed, for the log
                log.error("work in another process failed:\n%s", told)
            if isinstance(value, BaseException):
                raise RuntimeError(f"background work failed: {value}") from value
            raise RuntimeError(f"background work failed: {value}")
        return value

    return wait
