"""A lock the operating system releases when its holder dies (SPEC §7: two runs at once
cannot corrupt a folder).

The lock is an advisory lock on an open file (`flock` on POSIX, `msvcrt.locking` on
Windows), not the file's existence nor what it says: a run killed in any way, or a machine
that loses power, leaves nothing to clean up. The file stays in place, empty (a folder's
files stay the same from run to run): removing it would let a second run lock a new file
while a third still holds the old one.

    with hold_lock(folder / ".seguimiento.lock"):
        ...  # nobody else holding this lock runs this at the same time
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path


class LockBusy(Exception):
    """Another process holds the lock."""


@contextlib.contextmanager
def hold_lock(path: Path, wait: bool = False) -> Iterator[None]:
    """Hold the lock on `path` (created when missing) for the block. Raises LockBusy when
    another process holds it, unless `wait`; OSError when the file cannot be made."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _lock(fd, wait, path)
        yield
    finally:
        os.close(fd)  # closing the file releases the lock (as dying does)


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(fd: int, wait: bool, path: Path) -> None:
        # The first byte, locked whether or not the file holds one.
        mode = msvcrt.LK_LOCK if wait else msvcrt.LK_NBLCK
        while True:
            try:
                msvcrt.locking(fd, mode, 1)
                return
            except OSError as exc:  # held (LK_LOCK gives up after ten seconds)
                if not wait:
                    raise LockBusy(str(path)) from exc
else:
    import fcntl

    def _lock(fd: int, wait: bool, path: Path) -> None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:  # held; any other failure is the system's to tell
            raise LockBusy(str(path)) from exc
