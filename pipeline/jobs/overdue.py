"""`seguimiento overdue`: for every responsible party its overdue and due-soon items, from
a folder of returned files or from each reporter's latest stored round, written as lists
with a message ready to e-mail. Meant for cron and systemd timers: the command line stays
quiet and its exit code says whether anything is overdue."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pipeline.analyse.flags import flag_due
from pipeline.analyse.overdue import Reminders, build_reminders
from pipeline.jobs.validate import validate_files
from pipeline.model.errors import NoWorkspace
from pipeline.normalize.matching import Matcher
from pipeline.reference.data import Reference
from pipeline.reference.load import load_reference
from pipeline.store.history import latest_items_per_reporter, open_history, previous_round
from pipeline.store.sides import latest_indicators, load_observations
from pipeline.write.overdue_lists import write_reminders
from pipeline.write.staging import refuse_inside


def run_reminders(input_dir: Path | None, as_of: dt.date, out_dir: Path, fmt: str,
                  lang: str | None, history: Path | None, config: Path | None,
                  combined_lang: str = "es") -> tuple[Reminders, list[Path]]:
    """From a folder of returned files or from the history, to the written lists."""
    ref = load_reference(config)
    reminders = pending(input_dir, as_of, out_dir, history, config, ref)
    return reminders, write_reminders(reminders, out_dir, fmt, ref, lang, combined_lang)


def pending(input_dir: Path | None, as_of: dt.date, out_dir: Path, history: Path | None,
            config: Path | None, ref: Reference, up_to: str | None = None) -> Reminders:
    """Who has what overdue or due soon: from a folder of returned files (never written
    into: `out_dir` inside it is refused) or from each reporter's latest stored round
    (up to the round `up_to`, when given); with the observers' views of the items (the
    folder's, or the latest stored round's) and their indicators (the folder's, or each
    reporter's latest stored)."""
    if input_dir is not None:
        refuse_inside(input_dir, out_dir)
        result = validate_files([input_dir], as_of, "es", config)[0]
        matrix, observed = result.matrix, result.tables.get("observaciones")
        measured = result.tables.get("indicadores")
    else:
        if history is None:
            raise NoWorkspace()
        with open_history(history, create=False) as conn:
            # rounds sort as written: "2026-T4\uffff" follows 2026-T4 and precedes 2027-T1
            items = latest_items_per_reporter(conn, f"{up_to or ''}\uffff")
            observed = load_observations(conn, previous_round(conn, f"{up_to or ''}\uffff"))
            measured = latest_indicators(conn, f"{up_to or ''}\uffff")
        matrix = flag_due(items, as_of, ref.dias_por_vencer)
    return build_reminders(matrix, as_of, Matcher(ref), observed, measured)
