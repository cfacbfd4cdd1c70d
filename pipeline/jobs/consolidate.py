"""`seguimiento consolidate`: a folder of returned matrices -> every output of the round,
and the round stored in the history. Read -> analyse -> (history) -> write; the command
line calls `run_consolidation` and prints its result."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from pipeline.analyse.freshness import mark_not_updated
from pipeline.analyse.public import public_edition
from pipeline.analyse.round import analyse_round, round_of, with_history
from pipeline.model.errors import InputFolderMissing, NoWorkspace
from pipeline.model.run import Options, RunResult
from pipeline.model.timing import stage
from pipeline.normalize.matching import Matcher
from pipeline.read.files import list_input_files
from pipeline.read.gather import gather
from pipeline.reference.load import load_reference
from pipeline.store.history import (
    history_path,
    load_items,
    open_history,
    previous_round,
    rounds,
    save_round,
)
from pipeline.store.latest import last_sent
from pipeline.store.sides import (
    indicator_rounds,
    latest_indicators,
    latest_indicators_of,
    load_observations,
)
from pipeline.web.dashboard import write_dashboard
from pipeline.words import word
from pipeline.write.round import OUTPUT_FOLDERS, write_outputs
from pipeline.write.staging import refuse_inside

log = logging.getLogger("seguimiento")
Progress = Callable[[str, int], None]


def analyze(options: Options, on_file: Progress | None = None) -> RunResult:
    """Everything but writing: the consolidated, flagged matrix, every issue, and what
    changed since the previous round stored in the history."""
    if not options.input_dir.is_dir():
        raise InputFolderMissing(str(options.input_dir))
    with stage("reading"):
        ref = load_reference(options.config)
        matcher = Matcher(ref)
        found = gather(list_input_files(options.input_dir), ref, matcher, options.round,
                       options.as_of, options.lang, on_file)
    log.info("%s", word("log.read", options.lang, archivos=len(found.submissions),
                        filas=len(found.raw)))
    with stage("analysis"):
        ronda = round_of(found, options.round, options.as_of)
        path = history_path(options.out_dir, options.history)
        previous, before, seen = None, load_items(None, None), load_observations(None, None)
        last = before  # (each reporter's last stored items: what may be observed)
        stored, measured, sent = rounds(None), latest_indicators(None, ronda), None
        series = indicator_rounds(None)
        if path is not None:  # (else a library call with nowhere to keep a history)
            with open_history(path, create=False) as conn:
                previous = previous_round(conn, ronda)
                before, stored = load_items(conn, previous), rounds(conn)
                seen = load_observations(conn, previous)
                series = indicator_rounds(conn)
                # (each reporter's own last round: one that skipped a round is compared
                # with what it sent last, its moved targets found)
                measured = latest_indicators_of(series, ronda)
                sent = last_sent(conn, ronda)
                if sent:  # (what each reporter last sent: its items, loaded there once)
                    last = pd.concat([sent[k].items for k in sorted(sent)], ignore_index=True)
        result = analyse_round(found, ref, matcher, as_of=options.as_of, ronda=ronda,
                               closing_date=options.closing_date, lang=options.lang,
                               expected=ref.esperados, before=last, measured=measured)
        if sent is not None:
            result = mark_not_updated(result, sent)
        return dataclasses.replace(
            with_history(result, previous, before, stored, seen, measured, series),
            history=path)


def run_consolidation(options: Options, on_file: Progress | None = None,
                      on_sheet: Progress | None = None) -> RunResult:
    """Consolidate a folder of returned matrices and write every output of the round."""
    if options.out_dir is not None:  # before reading: a wrong --out is told at once
        refuse_inside(options.input_dir, options.out_dir, folders=OUTPUT_FOLDERS)
    result = analyze(options, on_file)
    if options.out_dir is None and options.results is None:
        raise NoWorkspace()
    out_dir = options.out_dir or (options.results or Path()) / result.ronda
    history = result.history or history_path(out_dir, None)
    assert history is not None
    refuse_inside(options.input_dir, out_dir, history, folders=OUTPUT_FOLDERS)
    result = dataclasses.replace(result, out_dir=out_dir, history=history)
    public = public_edition(result) if options.public else None
    with stage("writing"):  # the history included, last
        write_outputs(result, out_dir, on_sheet, public=public,
                      commit=lambda generation, ready: save_round(result, generation, ready),
                      page_writer=write_dashboard)
    log.info("%s", word("log.written", options.lang, ronda=result.ronda,
                        entrada=options.input_dir, salida=out_dir, historial=history))
    return result
