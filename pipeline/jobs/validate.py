"""`seguimiento validate`: returned files checked as they arrive, every problem with its
cell. Nothing is written and nothing is stored; no reporter is expected. With a history
(the workspace's), a file that repeats what its reporter sent last round is told."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from pipeline.analyse.freshness import mark_not_updated
from pipeline.analyse.round import analyse_round, round_of
from pipeline.model.errors import InputFileMissing
from pipeline.model.run import RunResult
from pipeline.normalize.matching import Matcher
from pipeline.read.files import Candidate, list_input_files, skip_reason
from pipeline.read.gather import gather
from pipeline.reference.load import load_reference
from pipeline.store.history import latest_items_per_reporter, open_history
from pipeline.store.latest import last_sent

LATEST = "\uffff"  # sorts after every round's name: each reporter's latest is before it


Headers = dict[tuple[str, str], dict[str, str]]


def validate_files(paths: list[Path], as_of: dt.date, lang: str,
                   config: Path | None = None,
                   history: Path | None = None) -> tuple[RunResult, int, Headers]:
    """The files (folders give their files) analysed as a round of their own; the result,
    the number of files looked at, and the title each matrix column of each (file, sheet)
    was read under. With a `history`, the latest stored round's items are what an
    observer's file may observe."""
    missing = [str(p) for p in paths if not os.path.lexists(p)]
    if missing:
        raise InputFileMissing(", ".join(missing))
    candidates: list[Candidate] = []
    for path in paths:
        if path.is_dir():
            candidates += list_input_files(path)
        else:
            candidates.append(Candidate(path, skip_reason(path)))
    ref = load_reference(config)
    matcher = Matcher(ref)
    found = gather(candidates, ref, matcher, None, as_of, lang)
    before, sent = None, None
    if history is not None:  # (opened once: what may be observed, what was sent last)
        with open_history(history, create=False) as conn:
            before = latest_items_per_reporter(conn, LATEST)  # (each reporter's last)
            sent = last_sent(conn, round_of(found, None, as_of)) if conn else None
    result = analyse_round(found, ref, matcher, as_of=as_of, ronda=None, closing_date=None,
                           lang=lang, expected=(), before=before)
    if sent is not None:
        result = mark_not_updated(result, sent)
    # (a folder inside the one given is listed as skipped, but is no file looked at)
    return result, sum(not c.path.is_dir() for c in candidates), found.headers
