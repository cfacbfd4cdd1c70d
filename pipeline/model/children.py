"""Processes a run forks (writers of a large round, readers of the files) die with it
(docs/contract.md §7): a run that is killed must not leave a writer behind that goes on writing into
the folder it was publishing, nor a reader holding memory.

On Linux the kernel does it (`prctl(PR_SET_PDEATHSIG, SIGKILL)`, asked through ctypes);
elsewhere a thread of the child watches its parent and ends the child when it is gone.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

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
        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0)
    except (OSError, AttributeError):
        return False


def _watch(parent: int) -> None:
    while os.getppid() == parent:  # a child whose parent died is given another
        time.sleep(WATCH_SECONDS)
    os._exit(1)
