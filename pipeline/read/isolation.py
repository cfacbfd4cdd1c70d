"""Reading every file in worker processes, so that nothing a file does to a reader can take
the run down (docs/contract.md §7).

A reader is native code (python-calamine is Rust): a hostile or broken file can make it
abort the process, panic, ask for hundreds of gigabytes or never finish. So files are
read by worker processes, each with a memory ceiling, and each file within a time limit;
a worker that dies or runs out of time is replaced, and its file is refused with a reason
a secretary understands. What a reader prints (a Rust panic, a library's warning) goes to
the log, never to the user's terminal.

The results come back in the order of the files, whatever the order they finish in.
"""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import multiprocessing
import os
import signal
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import IO, Any

from pipeline.model.children import die_with_parent
from pipeline.read.workbook import WorkbookRead, read_workbook
from pipeline.words import both

log = logging.getLogger("seguimiento")
FILE_SECONDS = 120.0  # the longest a file may take to read
FILE_MEMORY = 2 << 30  # the memory a worker may take beyond its start (bytes)
PARALLEL_FROM = 200  # files: a round this large is read by two workers
READERS = 2
# Files larger than 8 times the usual are read first: up to 4 of them, of 16 MB in all
# (their results wait for their turn in memory, beside the rows gathered so far).
LARGER, AHEAD, AHEAD_BYTES = 8, 4, 16 << 20
IN_FLIGHT = 4  # files sent to a worker ahead: it reads on while this process gathers

TOO_BIG = both("refuse.memory")
CRASHED = both("refuse.crashed")


def read_isolated(paths: list[Path],
                  reader: Callable[[Path], WorkbookRead] = read_workbook) -> Iterator[WorkbookRead]:
    """Each file read by a worker process, in the files' order."""
    if not paths:
        return
    count = min(os.cpu_count() or 1, READERS) if len(paths) >= PARALLEL_FROM else 1
    pool = _Pool(count, reader)
    try:
        yield from pool.read(paths)
    finally:
        pool.close()


class _Worker:
    """A reading process, its pipe, and the file it prints into (read into the log)."""

    def __init__(self, context: Any, reader: Callable[[Path], WorkbookRead]) -> None:
        self.stderr: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 - closed in stop()
        self.logged = 0
        self.jobs: deque[tuple[int, Path]] = deque()  # sent, not answered; the first is read
        self.started = 0.0  # when the first of them began to be read
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_serve, daemon=True,
            args=(child, self.stderr.fileno(), FILE_MEMORY, reader, os.getpid()))
        self.process.start()
        child.close()

    def log_output(self, path: Path) -> str:
        """What the process printed since last asked, into the log; its first line."""
        size = os.fstat(self.stderr.fileno()).st_size
        if size <= self.logged:
            return ""
        raw = os.pread(self.stderr.fileno(), min(size - self.logged, 64 << 10), self.logged)
        self.logged = size
        text = raw.decode("utf-8", "replace").rstrip()
        log.info("the reader printed, reading %s:\n%s", path.name, text)
        return text.splitlines()[0] if text else ""

    def stop(self, wait_seconds: float = 0) -> int | None:
        """End the process (asked to, or killed after `wait_seconds`); its exit code."""
        if wait_seconds:
            with contextlib.suppress(OSError):
                self.conn.send(None)
            self.process.join(timeout=wait_seconds)
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()
        self.stderr.close()
        return self.process.exitcode


class _Pool:
    def __init__(self, count: int, reader: Callable[[Path], WorkbookRead]) -> None:
        method = "fork" if sys.platform.startswith("linux") else "spawn"
        self.context = multiprocessing.get_context(method)
        self.reader = reader
        self.workers = [_Worker(self.context, reader) for _ in range(count)]
        self.pending: deque[tuple[int, Path]] = deque()  # files not yet sent to a worker

    def read(self, paths: list[Path]) -> Iterator[WorkbookRead]:
        pending = self.pending = deque(
            _largest_first(paths) if len(self.workers) > 1 else enumerate(paths))
        results: dict[int, WorkbookRead] = {}
        following = 0
        while following < len(paths):
            # a few files queued each, dealt in turn: no worker waits for us, and the
            # largest files, first, go to different workers
            while pending and (room := [w for w in self.workers if len(w.jobs) < IN_FLIGHT]):
                for worker in room[:len(pending)]:
                    if not worker.jobs:
                        worker.started = time.monotonic()
                    worker.jobs.append(pending.popleft())
                    # (a worker that died since its last answer: its pipe is closed, and
                    # the wait below finds it ended, refuses its file, sends the rest on)
                    with contextlib.suppress(OSError):
                        worker.conn.send(worker.jobs[-1][1])
            busy = [w for w in self.workers if w.jobs]
            soonest = min(w.started for w in busy) + FILE_SECONDS
            ready = wait([w.conn for w in busy], timeout=max(0.0, soonest - time.monotonic()))
            for n, worker in enumerate(self.workers):
                if not worker.jobs:
                    continue
                index, path = worker.jobs[0]
                if worker.conn in ready:
                    result = self._answer(n, path)
                elif time.monotonic() >= worker.started + FILE_SECONDS:
                    result = self._replace(n, path, timed_out=True)
                else:
                    continue
                results[index] = result
            while following in results:
                yield results.pop(following)
                following += 1

    def _answer(self, n: int, path: Path) -> WorkbookRead:
        worker = self.workers[n]
        try:
            result: WorkbookRead = worker.conn.recv()
        except (EOFError, OSError):
            return self._replace(n, path, timed_out=False)
        worker.log_output(path)
        worker.jobs.popleft()
        worker.started = time.monotonic()
        return result

    def _replace(self, n: int, path: Path, timed_out: bool) -> WorkbookRead:
        """The worker died, or ran out of time, on `path`: it is ended, what it printed
        logged, a new one takes its place, the files queued after `path` go back to be
        read, and the file is refused."""
        worker = self.workers[n]
        printed = worker.log_output(path)
        code = worker.stop()
        worker.jobs.popleft()
        self.pending.extendleft(reversed(worker.jobs))
        log.warning("reading %s: the reading process %s (exit code %s); the file is refused",
                    path.name, "ran out of time" if timed_out else "died", code)
        self.workers[n] = _Worker(self.context, self.reader)
        if timed_out:
            reason = both("refuse.timeout", seconds=round(FILE_SECONDS))
        elif code in (-signal.SIGABRT, -signal.SIGKILL):
            reason = TOO_BIG  # an allocation refused, or the system's out-of-memory killer
        else:
            reason = CRASHED
        what = "timed out" if timed_out else f"reading process exit code {code}"
        return WorkbookRead(path, refused=reason, detail=f"{what}: {printed}"[:500])

    def close(self) -> None:
        for worker in self.workers:
            worker.stop(wait_seconds=5)


def _largest_first(paths: list[Path]) -> list[tuple[int, Path]]:
    """The files numbered in their order, the few much larger than the rest sent first
    (an observer's thousands of rows, last by name, were read while the other reader
    waited); at most `AHEAD` of them and `AHEAD_BYTES` in all, as their results wait for
    their turn. (For two readers or more: one reader gains nothing.)"""
    numbered = list(enumerate(paths))
    sizes = {}
    for n, path in numbered:
        with contextlib.suppress(OSError):  # (a file gone is refused when it is read)
            sizes[n] = path.stat().st_size
    if not sizes:
        return numbered
    usual = sorted(sizes.values())[len(sizes) // 2]
    large: list[int] = []
    for n in sorted((n for n, size in sizes.items() if size > LARGER * usual),
                    key=lambda n: -sizes[n]):
        if len(large) < AHEAD and sizes[n] + sum(sizes[m] for m in large) <= AHEAD_BYTES:
            large.append(n)
    first = set(large)
    return [numbered[n] for n in large] + [job for job in numbered if job[0] not in first]


def _serve(conn: Connection, stderr: int, memory: int,
           reader: Callable[[Path], WorkbookRead], parent: int) -> None:
    """A worker: read the files it is sent until it is sent None; it dies with the run."""
    die_with_parent(parent)
    os.dup2(stderr, 2)  # what native code prints goes to the log, not the terminal
    faulthandler.disable()  # (a crash report of its own would go to the terminal)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle
    _limit_memory(memory)
    while True:
        path = conn.recv()
        if path is None:
            return
        try:
            result = reader(path)
        except MemoryError:
            result = WorkbookRead(path, refused=TOO_BIG)
        conn.send(result)


def _limit_memory(extra: int) -> None:
    """A ceiling on the worker's address space: its size now plus `extra`. Where the system
    has none (Windows) or does not enforce it (macOS), the time limit still holds."""
    try:
        import resource

        with open("/proc/self/statm") as statm:
            now = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (ImportError, OSError, ValueError):
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    ceiling = now + extra
    if hard != resource.RLIM_INFINITY:
        ceiling = min(ceiling, hard)
    if soft == resource.RLIM_INFINITY or soft > ceiling:
        resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))
