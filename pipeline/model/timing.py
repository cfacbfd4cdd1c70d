"""How long each stage of a run took, and its process's peak memory, in the log (for
diagnosis: `--verbose`, the log file; the benchmark reads these lines)."""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable, Iterator
from typing import TypeVar

log = logging.getLogger("seguimiento")
T = TypeVar("T")


@contextlib.contextmanager
def stage(what: str) -> Iterator[None]:
    """Log `what: N.NN s, process peak M MB` once the block is done."""
    start = time.perf_counter()
    yield
    log.debug("%s: %.2f s, process peak %s", what, time.perf_counter() - start, _peak())


def timed(what: str, work: Callable[[], T]) -> Callable[[], T]:
    """`work`, as a `stage` when it runs (it may run in another process)."""
    def run() -> T:
        with stage(what):
            return work()
    return run


def _peak() -> str:
    try:
        import resource
    except ImportError:  # Windows
        return "unknown"
    return f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB"
