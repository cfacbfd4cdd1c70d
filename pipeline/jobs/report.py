"""`seguimiento report`: the annual report of the plan in force drafted
from the stored rounds of a year, as a workbook, Markdown and a printable web page."""

from __future__ import annotations

from pathlib import Path

from pipeline.model.errors import NoRoundsForYear, NoWorkspace
from pipeline.model.labels import status_labels
from pipeline.reference.data import Reference
from pipeline.reference.load import load_reference
from pipeline.report.data import AnnualReport, build_report
from pipeline.report.write import write_report
from pipeline.store.history import (
    latest_items_per_reporter,
    load_items,
    load_submissions,
    open_history,
    rounds,
    rounds_of_year,
)
from pipeline.store.sides import indicator_rounds, observation_rounds


def make_report(year: int, out_dir: Path, public: bool, history: Path | None, lang: str,
                config: Path | None) -> list[Path]:
    """Draft the year's report into `out_dir`; the files written."""
    ref = load_reference(config)
    if history is None:
        raise NoWorkspace()
    report = annual_report(year, history, ref, lang, public)
    labels = status_labels(ref, lang)
    return write_report(report, out_dir, labels, public)


def annual_report(year: int, history: Path, ref: Reference, lang: str,
                  public: bool = False) -> AnnualReport:
    """The report's content from the rounds of the year stored in `history`."""
    with open_history(history, create=False) as conn:
        names = rounds_of_year(conn, year)
        if not names:
            raise NoRoundsForYear(f"{year} ({history})")
        per_round = {name: load_items(conn, name) for name in names}
        subs = {name: load_submissions(conn, name) for name in names}
        stored = rounds(conn)
        before = latest_items_per_reporter(conn, names[0])
        observations = observation_rounds(conn)
        indicators = indicator_rounds(conn)
    stored = stored[stored["ronda"].isin(names)].sort_values("ronda", kind="stable")
    return build_report(year, per_round, subs, stored.reset_index(drop=True), ref, lang,
                        public=public, before=before, observations=observations,
                        indicators=indicators)
